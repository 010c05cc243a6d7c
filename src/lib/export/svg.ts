/**
 * A chart on the page as a standalone SVG file: its title, its legend (redrawn in SVG from
 * the legend's keys and words) and its plot, with the computed styles written onto every
 * element so the file looks the same anywhere, with no style sheet.
 *
 * A group of small charts that read as one figure (marked `data-chart-group`) exports as one
 * image too: its title and shared legend, then each small chart with its own title and plot.
 *
 * `composeSvg` and `composeGroupSvg` are pure (they lay out parts already read from the
 * page); `readChart` and `readChartGroup` read them from the page in the browser.
 */

/** One key of a legend: its swatch (an SVG's viewBox and inner markup) and its words. */
interface LegendItem {
	swatch: { viewBox: string; markup: string } | null;
	text: string;
}

/** What a chart is made of, read from the page. */
export interface ChartParts {
	title: string;
	legend: LegendItem[];
	/** The plot: its own viewBox (covering anything drawn outside its box) and inner markup. */
	plot: { viewBox: [number, number, number, number]; markup: string };
	/** A line under the chart saying where it comes from (optional). */
	caption?: string;
}

export interface ComposeOptions {
	/** Width of a text in pixels at a CSS font (default: an estimate from the length). */
	measure?: (text: string, font: string) => number;
	fontFamily?: string;
	background?: string;
	ink?: string;
	muted?: string;
}

/** The standalone SVG and its size in pixels. */
export interface ComposedSvg {
	svg: string;
	width: number;
	height: number;
}

const SVG_NS = 'http://www.w3.org/2000/svg';
const DEFAULT_FONT =
	"system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif";

/** Escapes text for XML content and attribute values. */
export function xmlEscape(text: string): string {
	return text
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

/** A rough text width: 0.55 em a character, for when no canvas can measure. */
export function estimateWidth(text: string, font: string): number {
	const size = Number(/(\d+(?:\.\d+)?)px/.exec(font)?.[1] ?? 16);
	return text.length * size * 0.55;
}

/** Words wrapped into lines no wider than `max` (a single long word keeps its own line). */
export function wrapText(text: string, max: number, width: (t: string) => number): string[] {
	const words = text.split(/\s+/).filter(Boolean);
	const lines: string[] = [];
	let line = '';
	for (const w of words) {
		const next = line ? `${line} ${w}` : w;
		if (line && width(next) > max) {
			lines.push(line);
			line = w;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

function round(n: number): number {
	return Math.round(n * 100) / 100;
}

/** The fonts, colours and text measure shared by everything drawn in one document. */
interface Pen {
	family: string;
	measure: (text: string, font: string) => number;
	ink: string;
	muted: string;
}

function penFor(options: ComposeOptions): Pen {
	return {
		family: options.fontFamily ?? DEFAULT_FONT,
		measure: options.measure ?? estimateWidth,
		ink: options.ink ?? '#1b2430',
		muted: options.muted ?? '#4a5361'
	};
}

const PAD = 16;

/**
 * Lays out one chart (its title, its legend's keys flowing in rows, and its plot at its own
 * size, when it has one) in a column `width` wide from `left`, starting at `top`. Text is inset
 * by the padding; the plot is centred. Returns the markup and where the chart ends.
 */
function layoutChart(
	parts: Pick<ChartParts, 'title' | 'legend'> & Partial<Pick<ChartParts, 'plot'>>,
	pen: Pen,
	left: number,
	width: number,
	top: number,
	titleSize: number
): { markup: string[]; bottom: number } {
	const { family, measure, ink, muted } = pen;
	const inner = width - 2 * PAD;
	const out: string[] = [];
	let y = top;

	// Title.
	const titleFont = `600 ${titleSize}px ${family}`;
	for (const line of wrapText(parts.title, inner, (t) => measure(t, titleFont))) {
		y += titleSize;
		out.push(
			`<text x="${round(left + PAD)}" y="${round(y)}" font-family="${xmlEscape(family)}" font-size="${titleSize}" font-weight="600" fill="${ink}">${xmlEscape(line)}</text>`
		);
		y += 6;
	}

	// Legend: keys flow left to right and wrap; a long key wraps its words.
	const size = 13;
	const font = `${size}px ${family}`;
	const lineHeight = Math.round(size * 1.45);
	const swatchW = 2.2 * size;
	const swatchH = size;
	const gap = 6;
	const itemGap = 18;
	if (parts.legend.length) y += 6;
	let x = left + PAD;
	let rowTop = y;
	let rowHeight = 0;
	for (const item of parts.legend) {
		const textMax = inner - (item.swatch ? swatchW + gap : 0);
		const lines = wrapText(item.text, textMax, (t) => measure(t, font));
		const textW = Math.max(0, ...lines.map((l) => measure(l, font)));
		const w = (item.swatch ? swatchW + gap : 0) + textW;
		const h = Math.max(1, lines.length) * lineHeight;
		if (x > left + PAD && x + w > left + PAD + inner) {
			rowTop += rowHeight + 4;
			x = left + PAD;
			rowHeight = 0;
		}
		let tx = x;
		if (item.swatch) {
			const sy = rowTop + (lineHeight - swatchH) / 2;
			out.push(
				`<svg x="${round(x)}" y="${round(sy)}" width="${round(swatchW)}" height="${swatchH}" viewBox="${xmlEscape(item.swatch.viewBox)}" overflow="visible">${item.swatch.markup}</svg>`
			);
			tx += swatchW + gap;
		}
		lines.forEach((line, i) => {
			const baseline = rowTop + i * lineHeight + lineHeight * 0.72;
			out.push(
				`<text x="${round(tx)}" y="${round(baseline)}" font-family="${xmlEscape(family)}" font-size="${size}" fill="${muted}">${xmlEscape(line)}</text>`
			);
		});
		x += w + itemGap;
		rowHeight = Math.max(rowHeight, h);
	}
	if (parts.legend.length) y = rowTop + rowHeight;
	y += 12;

	// Plot, at its own size; its viewBox already covers anything drawn outside its box.
	if (parts.plot) {
		const [vx, vy, vw, vh] = parts.plot.viewBox;
		const plotX = left + Math.max(0, (width - vw) / 2);
		out.push(
			`<svg x="${round(plotX)}" y="${round(y)}" width="${round(vw)}" height="${round(vh)}" viewBox="${round(vx)} ${round(vy)} ${round(vw)} ${round(vh)}" overflow="visible">${parts.plot.markup}</svg>`
		);
		y += vh;
	}
	return { markup: out, bottom: y };
}

/** The caption's lines at the foot of the document, and the document's final height. */
function finish(
	out: string[],
	y: number,
	width: number,
	caption: string | undefined,
	pen: Pen
): number {
	if (caption) {
		y += 10;
		const capSize = 11;
		const capFont = `${capSize}px ${pen.family}`;
		for (const line of wrapText(caption, width - 2 * PAD, (t) => pen.measure(t, capFont))) {
			y += capSize + 3;
			out.push(
				`<text x="${PAD}" y="${round(y)}" font-family="${xmlEscape(pen.family)}" font-size="${capSize}" fill="${pen.muted}">${xmlEscape(line)}</text>`
			);
		}
	}
	return Math.ceil(y + PAD);
}

function svgDocument(
	title: string,
	width: number,
	height: number,
	background: string,
	body: string[]
): string {
	return (
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<title>${xmlEscape(title)}</title>` +
		`<rect width="100%" height="100%" fill="${xmlEscape(background)}"/>` +
		body.join('') +
		`</svg>\n`
	);
}

/**
 * Lays out a chart's parts as one SVG document: the title at the top, the legend's keys
 * flowing in rows beneath it, the plot at its own size, and the caption at the foot, on a
 * solid background. The plot's width sets the document's width.
 */
export function composeSvg(parts: ChartParts, options: ComposeOptions = {}): ComposedSvg {
	const pen = penFor(options);
	const width = Math.max(Math.ceil(parts.plot.viewBox[2]), 240);
	const { markup, bottom } = layoutChart(parts, pen, 0, width, PAD, 20);
	const height = finish(markup, bottom, width, parts.caption, pen);
	const svg = svgDocument(parts.title, width, height, options.background ?? '#ffffff', markup);
	return { svg, width, height };
}

/** A group of small charts that read as one figure, read from the page. */
export interface ChartGroupParts {
	title: string;
	/** The keys shared by every chart of the group. */
	legend: LegendItem[];
	/** Each small chart: its own title, legend (if any) and plot. */
	charts: Omit<ChartParts, 'caption'>[];
	/** How many charts stand side by side (as on the page). */
	columns: number;
	caption?: string;
}

/**
 * Lays out a group of small charts as one SVG document: the group's title and shared legend
 * across the top, the charts in rows of `columns` (each with its title, its own legend line
 * and its plot), and the caption at the foot. The widest plot sets each column's width.
 */
export function composeGroupSvg(group: ChartGroupParts, options: ComposeOptions = {}): ComposedSvg {
	const pen = penFor(options);
	const columns = Math.max(1, Math.min(group.columns, group.charts.length));
	const colGap = 16;
	const rowGap = 20;
	const colWidth = Math.max(
		200,
		...group.charts.map((c) => Math.ceil(c.plot.viewBox[2]) + 2 * PAD)
	);
	const width = Math.max(240, columns * colWidth + (columns - 1) * colGap);
	// The group's heading and shared keys, over the whole width, with no plot of their own.
	const head = layoutChart(group, pen, 0, width, PAD, 20);
	const out = head.markup;
	let top = head.bottom;
	for (let i = 0; i < group.charts.length; i += columns) {
		let bottom = top;
		group.charts.slice(i, i + columns).forEach((chart, c) => {
			const drawn = layoutChart(chart, pen, c * (colWidth + colGap), colWidth, top, 16);
			out.push(...drawn.markup);
			bottom = Math.max(bottom, drawn.bottom);
		});
		top = bottom + rowGap;
	}
	const height = finish(out, top - rowGap, width, group.caption, pen);
	const svg = svgDocument(group.title, width, height, options.background ?? '#ffffff', out);
	return { svg, width, height };
}

// ---------------------------------------------------------------------------------------
// Reading a chart from the page (browser only).

/** The presentation properties written onto every element of an exported SVG. */
const STYLE_PROPS = [
	'fill',
	'fill-opacity',
	'fill-rule',
	'stroke',
	'stroke-width',
	'stroke-opacity',
	'stroke-dasharray',
	'stroke-dashoffset',
	'stroke-linecap',
	'stroke-linejoin',
	'opacity',
	'paint-order',
	'font-family',
	'font-size',
	'font-weight',
	'font-style',
	'text-anchor',
	'dominant-baseline',
	'letter-spacing',
	'visibility'
] as const;

/**
 * A copy of an SVG element's children as markup, with each element's computed style written
 * onto it, and hidden elements left out.
 */
function inlineSvgMarkup(svg: SVGSVGElement): string {
	const clone = svg.cloneNode(true) as SVGSVGElement;
	const originals = [svg, ...svg.querySelectorAll('*')];
	const copies = [clone, ...clone.querySelectorAll('*')];
	const drop: Element[] = [];
	originals.forEach((orig, i) => {
		const copy = copies[i];
		if (!copy) return;
		const cs = getComputedStyle(orig);
		if (cs.display === 'none') {
			drop.push(copy);
			return;
		}
		const decl: string[] = [];
		for (const prop of STYLE_PROPS) {
			const v = cs.getPropertyValue(prop);
			if (v) decl.push(`${prop}:${v}`);
		}
		copy.setAttribute('style', decl.join(';'));
		copy.removeAttribute('class');
		copy.removeAttribute('tabindex');
	});
	for (const el of drop) el.remove();
	const serializer = new XMLSerializer();
	return Array.from(clone.childNodes, (n) => serializer.serializeToString(n)).join('');
}

const BLOCKS = new Set(['LI', 'P', 'DIV', 'UL', 'OL', 'DL', 'DT', 'DD']);

/**
 * A legend's keys: each swatch starts a key and the words after it are its label; a block
 * (a list item, a paragraph) ends one. Words before any swatch make a key of their own.
 */
function readLegend(legend: Element): LegendItem[] {
	const items: LegendItem[] = [];
	let current: LegendItem | null = null;
	const flush = () => {
		if (current) {
			const text = current.text.replace(/\s+/g, ' ').trim();
			if (text || current.swatch) items.push({ swatch: current.swatch, text });
		}
		current = null;
	};
	const walk = (node: Node) => {
		if (node.nodeType === Node.TEXT_NODE) {
			current ??= { swatch: null, text: '' };
			current.text += node.textContent ?? '';
			return;
		}
		if (!(node instanceof Element)) return;
		if (node instanceof SVGSVGElement) {
			flush();
			current = {
				swatch: {
					viewBox: node.getAttribute('viewBox') ?? '0 0 36 16',
					markup: inlineSvgMarkup(node)
				},
				text: ''
			};
			return;
		}
		if (node instanceof HTMLElement && (node.hidden || getComputedStyle(node).display === 'none'))
			return;
		const block = BLOCKS.has(node.tagName);
		if (block) flush();
		node.childNodes.forEach(walk);
		if (block) flush();
	};
	legend.childNodes.forEach(walk);
	flush();
	return items;
}

/** The chart's plot: the largest SVG in the element that is not a legend swatch. */
function findPlot(container: Element): SVGSVGElement | null {
	let best: SVGSVGElement | null = null;
	let bestArea = 0;
	for (const svg of container.querySelectorAll('svg')) {
		if (svg.parentElement?.closest('svg') || svg.closest('.legend')) continue;
		const r = svg.getBoundingClientRect();
		const area = r.width * r.height;
		if (area > bestArea) {
			best = svg;
			bestArea = area;
		}
	}
	return best;
}

/**
 * Reads a chart's title, legend and plot from its element (a ChartFrame or one holding it).
 * The title is the element's first heading, else `fallbackTitle`.
 */
function readChart(
	container: Element,
	caption?: string,
	fallbackTitle?: string
): ChartParts | null {
	const plot = findPlot(container);
	if (!plot) return null;
	const heading = container.querySelector('h1, h2, h3, h4, h5, h6');
	const title = (
		heading?.textContent ??
		fallbackTitle ??
		plot.getAttribute('aria-label') ??
		'Chart'
	)
		.replace(/\s+/g, ' ')
		.trim();
	const legendEl = container.querySelector('.legend');
	const legend = legendEl ? readLegend(legendEl) : [];
	const rect = plot.getBoundingClientRect();
	let [x0, y0, x1, y1] = [0, 0, rect.width, rect.height];
	try {
		// Labels may be drawn outside the plot's box (it lets them overflow).
		const box = plot.getBBox();
		x0 = Math.min(x0, Math.floor(box.x));
		y0 = Math.min(y0, Math.floor(box.y));
		x1 = Math.max(x1, Math.ceil(box.x + box.width));
		y1 = Math.max(y1, Math.ceil(box.y + box.height));
	} catch {
		// Not rendered: keep the box.
	}
	return {
		title,
		legend,
		plot: { viewBox: [x0, y0, x1 - x0, y1 - y0], markup: inlineSvgMarkup(plot) },
		caption
	};
}

/** The attribute that marks an element as a group of small charts exported as one figure. */
const CHART_GROUP_ATTRIBUTE = 'data-chart-group';

/**
 * Reads a group of small charts (an element marked with `data-chart-group`, or the first
 * one inside `container`): its first heading as the title, its own `.legend` as the shared
 * keys, and each chart frame inside it (`section.chart`) with its title, legend and plot,
 * laid out in at least two columns.
 * Null when there is no group, or when any of its charts has no plot drawn (a table, say).
 */
function readChartGroup(container: Element, caption?: string): ChartGroupParts | null {
	const selector = `[${CHART_GROUP_ATTRIBUTE}]`;
	const group = container.matches(selector) ? container : container.querySelector(selector);
	if (!group) return null;
	const frames = Array.from(group.querySelectorAll('section.chart'));
	const charts = frames.map((frame) => readChart(frame));
	if (!charts.length || charts.some((c) => c === null)) return null;
	const heading = group.querySelector('h1, h2, h3, h4, h5, h6');
	const legendEl = group.querySelector(':scope > .legend');
	// As many columns as the charts stand in on the page, and at least two: a figure for a
	// slide is wider than it is tall, even when a narrow page stacks the charts.
	const lefts = new Set(frames.map((f) => Math.round(f.getBoundingClientRect().left)));
	const columns = Math.max(lefts.size, Math.min(2, frames.length));
	return {
		title: (heading?.textContent ?? 'Charts').replace(/\s+/g, ' ').trim(),
		legend: legendEl ? readLegend(legendEl) : [],
		charts: charts.filter((c) => c !== null),
		columns,
		caption
	};
}

/** A text measurer drawing on a canvas, or the estimate where no canvas is available. */
function canvasMeasure(): (text: string, font: string) => number {
	const ctx =
		typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
	if (!ctx) return estimateWidth;
	return (text, font) => {
		ctx.font = font;
		return ctx.measureText(text).width;
	};
}

/**
 * A chart's element as a standalone SVG, or null when it has no plot drawn yet. An element
 * that is (or holds) a group of small charts gives the whole group as one figure.
 */
export function chartToSvg(
	container: Element,
	caption?: string,
	fallbackTitle?: string
): ComposedSvg | null {
	const root = getComputedStyle(document.documentElement);
	const options: ComposeOptions = {
		measure: canvasMeasure(),
		fontFamily: getComputedStyle(container).fontFamily || DEFAULT_FONT,
		ink: root.getPropertyValue('--colour-ink').trim() || undefined,
		muted: root.getPropertyValue('--colour-ink-muted').trim() || undefined
	};
	if (
		container.matches(`[${CHART_GROUP_ATTRIBUTE}]`) ||
		container.querySelector(`[${CHART_GROUP_ATTRIBUTE}]`)
	) {
		const group = readChartGroup(container, caption);
		return group ? composeGroupSvg(group, options) : null;
	}
	const parts = readChart(container, caption, fallbackTitle);
	return parts ? composeSvg(parts, options) : null;
}
