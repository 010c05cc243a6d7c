/**
 * A chart on the page as a standalone SVG file: its title, its legend (redrawn in SVG from
 * the legend's keys and words) and its plot, with the computed styles written onto every
 * element so the file looks the same anywhere, with no style sheet.
 *
 * `composeSvg` is pure (it lays out parts already read from the page); `readChart` reads
 * them from a chart's element in the browser.
 */

/** One key of a legend: its swatch (an SVG's viewBox and inner markup) and its words. */
export interface LegendItem {
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

/**
 * Lays out a chart's parts as one SVG document: the title at the top, the legend's keys
 * flowing in rows beneath it, the plot at its own size, and the caption at the foot, on a
 * solid background. The plot's width sets the document's width.
 */
export function composeSvg(parts: ChartParts, options: ComposeOptions = {}): ComposedSvg {
	const family = options.fontFamily ?? DEFAULT_FONT;
	const measure = options.measure ?? estimateWidth;
	const ink = options.ink ?? '#1b2430';
	const muted = options.muted ?? '#4a5361';
	const background = options.background ?? '#ffffff';
	const [vx, vy, vw, vh] = parts.plot.viewBox;
	const pad = 16;
	const width = Math.max(Math.ceil(vw), 240);
	const inner = width - 2 * pad;
	const out: string[] = [];
	let y = pad;

	// Title.
	const titleSize = 20;
	const titleFont = `600 ${titleSize}px ${family}`;
	for (const line of wrapText(parts.title, inner, (t) => measure(t, titleFont))) {
		y += titleSize;
		out.push(
			`<text x="${pad}" y="${round(y)}" font-family="${xmlEscape(family)}" font-size="${titleSize}" font-weight="600" fill="${ink}">${xmlEscape(line)}</text>`
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
	let x = pad;
	let rowTop = y;
	let rowHeight = 0;
	for (const item of parts.legend) {
		const textMax = inner - (item.swatch ? swatchW + gap : 0);
		const lines = wrapText(item.text, textMax, (t) => measure(t, font));
		const textW = Math.max(0, ...lines.map((l) => measure(l, font)));
		const w = (item.swatch ? swatchW + gap : 0) + textW;
		const h = Math.max(1, lines.length) * lineHeight;
		if (x > pad && x + w > pad + inner) {
			rowTop += rowHeight + 4;
			x = pad;
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
	const plotX = Math.max(0, (width - vw) / 2);
	out.push(
		`<svg x="${round(plotX)}" y="${round(y)}" width="${round(vw)}" height="${round(vh)}" viewBox="${round(vx)} ${round(vy)} ${round(vw)} ${round(vh)}" overflow="visible">${parts.plot.markup}</svg>`
	);
	y += vh;

	if (parts.caption) {
		y += 10;
		const capSize = 11;
		const capFont = `${capSize}px ${family}`;
		for (const line of wrapText(parts.caption, inner, (t) => measure(t, capFont))) {
			y += capSize + 3;
			out.push(
				`<text x="${pad}" y="${round(y)}" font-family="${xmlEscape(family)}" font-size="${capSize}" fill="${muted}">${xmlEscape(line)}</text>`
			);
		}
	}
	y += pad;

	const height = Math.ceil(y);
	const svg =
		`<?xml version="1.0" encoding="UTF-8"?>\n` +
		`<svg xmlns="${SVG_NS}" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
		`<title>${xmlEscape(parts.title)}</title>` +
		`<rect width="100%" height="100%" fill="${xmlEscape(background)}"/>` +
		out.join('') +
		`</svg>\n`;
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
export function inlineSvgMarkup(svg: SVGSVGElement): string {
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
export function readLegend(legend: Element): LegendItem[] {
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
export function findPlot(container: Element): SVGSVGElement | null {
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
export function readChart(
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

/** A text measurer drawing on a canvas, or the estimate where no canvas is available. */
export function canvasMeasure(): (text: string, font: string) => number {
	const ctx =
		typeof document !== 'undefined' ? document.createElement('canvas').getContext('2d') : null;
	if (!ctx) return estimateWidth;
	return (text, font) => {
		ctx.font = font;
		return ctx.measureText(text).width;
	};
}

/** A chart's element as a standalone SVG, or null when it has no plot drawn yet. */
export function chartToSvg(
	container: Element,
	caption?: string,
	fallbackTitle?: string
): ComposedSvg | null {
	const parts = readChart(container, caption, fallbackTitle);
	if (!parts) return null;
	const root = getComputedStyle(document.documentElement);
	const family = getComputedStyle(container).fontFamily || DEFAULT_FONT;
	return composeSvg(parts, {
		measure: canvasMeasure(),
		fontFamily: family,
		ink: root.getPropertyValue('--colour-ink').trim() || undefined,
		muted: root.getPropertyValue('--colour-ink-muted').trim() || undefined
	});
}
