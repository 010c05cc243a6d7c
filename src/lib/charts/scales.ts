/**
 * Scales and layout for every chart: the plot frame inside the margins, the month axis, the
 * 0-to-1 score axis, and the keyboard and pointer arithmetic that moves a cursor along the
 * points of a chart. Pure functions: no DOM.
 */
import { scaleLinear, type Linear } from './linear';
import { makeFrame, type Frame, type Margin } from './frame';

export { makeFrame, type Frame, type Margin };

/**
 * A chart's height for a measured width: `ratio` of the width, kept between `min` and
 * `max` pixels, so a chart stays readable on a laptop and fits a projector screen.
 */
export function heightFor(width: number, ratio: number, min: number, max: number): number {
	return Math.round(Math.min(max, Math.max(min, width * ratio)));
}

/** How a plot's height follows its width: `ratio` of the width, between `min` and `max` ems. */
export interface Sizing {
	ratio: number;
	min: number;
	max: number;
}

/**
 * The frame of a plot at a measured width and text size: its height from `sizing` (plus
 * `extra` ems, say for rows of labels above the plot) and its margins given in ems.
 */
export function sizedFrame(
	width: number,
	em: number,
	sizing: Sizing,
	margin: Margin,
	extra = 0
): Frame {
	return makeFrame(
		width,
		heightFor(width, sizing.ratio, sizing.min * em, sizing.max * em) + extra * em,
		{
			top: margin.top * em,
			right: margin.right * em,
			bottom: margin.bottom * em,
			left: margin.left * em
		}
	);
}

/** The scales and ticks of a plot of a 0-to-1 score by month. */
export interface MonthAxes {
	x: Linear;
	y: Linear;
	xTicks: Tick[];
	yTicks: Tick[];
}

/**
 * Months across the frame and a 0-to-1 score up it, with ticks at least `xGap` and `yGap` ems
 * apart (the score as a percentage when `percent`).
 */
export function monthAxes(
	months: number,
	frame: Frame,
	em: number,
	gaps: { x: number; y: number; percent?: boolean }
): MonthAxes {
	return {
		x: monthScale(months, frame.innerWidth),
		y: unitScale(frame.innerHeight),
		xTicks: monthTicks(months, frame.innerWidth, gaps.x * em),
		yTicks: unitTicks(frame.innerHeight, gaps.y * em, gaps.percent ?? false)
	};
}

/** Months 1..months across the plot's width. */
export function monthScale(months: number, innerWidth: number): Linear {
	return scaleLinear()
		.domain([1, Math.max(2, months)])
		.range([0, innerWidth]);
}

/** A 0-to-1 score (trust, a share) from the bottom of the plot to the top. */
export function unitScale(innerHeight: number, top = 1): Linear {
	return scaleLinear().domain([0, top]).range([innerHeight, 0]);
}

export interface Tick {
	value: number;
	label: string;
}

/**
 * Month ticks at whole years (every 12 months, or every 24, 36, ... when space is short), so
 * contract lengths read off the axis. `minGap` is the least distance between ticks in pixels.
 */
export function monthTicks(months: number, innerWidth: number, minGap: number): Tick[] {
	const perMonth = innerWidth / Math.max(1, months - 1);
	let step = 12;
	while (step * perMonth < minGap && step < months) step += 12;
	if (months < 12) step = Math.max(1, Math.ceil(minGap / Math.max(perMonth, 1e-9)));
	const ticks: Tick[] = [{ value: 1, label: '1' }];
	for (let m = step; m <= months; m += step) {
		// Keep month 1 clear of the first year tick when they would touch.
		if ((m - 1) * perMonth < minGap * 0.6) continue;
		ticks.push({ value: m, label: String(m) });
	}
	return ticks;
}

/** Ticks for a 0-to-1 score: 0, 0.2, ... 1 (or every 0.25 / 0.5 when space is short). */
export function unitTicks(innerHeight: number, minGap: number, asPercent = false): Tick[] {
	const steps = [0.1, 0.2, 0.25, 0.5, 1];
	const step = steps.find((s) => s * innerHeight >= minGap) ?? 1;
	const ticks: Tick[] = [];
	for (let i = 0; i * step <= 1 + 1e-9; i++) {
		const v = Math.round(i * step * 100) / 100;
		ticks.push({ value: v, label: asPercent ? `${Math.round(v * 100)}%` : String(v) });
	}
	return ticks;
}

/** Nice ticks of a linear scale, with labels from a formatter. */
export function linearTicks(scale: Linear, count: number, format: (v: number) => string): Tick[] {
	return scale.ticks(Math.max(2, count)).map((v) => ({ value: v, label: format(v) }));
}

/** Index (0-based) of the month nearest to an x position within the plot. */
export function monthIndexAt(x: number, scale: Linear, months: number): number {
	const m = Math.round(scale.invert(x));
	return Math.min(months, Math.max(1, m)) - 1;
}

/**
 * Where a keyboard cursor goes from index `i` of `n` points: arrows move one step, Page Up /
 * Page Down move `page` steps (a year of months), Home and End go to either end. Returns null
 * for keys the cursor does not use.
 */
export function nextIndex(key: string, i: number | null, n: number, page = 12): number | null {
	if (n <= 0) return null;
	const last = n - 1;
	const at = i === null ? -1 : i;
	const clamp = (v: number) => Math.min(last, Math.max(0, v));
	switch (key) {
		case 'ArrowRight':
		case 'ArrowUp':
			return i === null ? 0 : clamp(at + 1);
		case 'ArrowLeft':
		case 'ArrowDown':
			return i === null ? last : clamp(at - 1);
		case 'PageUp':
			return i === null ? 0 : clamp(at + page);
		case 'PageDown':
			return i === null ? last : clamp(at - page);
		case 'Home':
			return 0;
		case 'End':
			return last;
		default:
			return null;
	}
}

/**
 * Places labels along an axis so that none overlap: each label gets the first row (0, 1, ...)
 * where it clears every label already placed there. `positions` are label centres in pixels
 * and `widths` their widths. Returns a row for each label in input order.
 */
export function stackLabelRows(positions: number[], widths: number[], gap = 8): number[] {
	const order = positions.map((_, i) => i).sort((a, b) => positions[a] - positions[b]);
	const rowEnds: number[] = [];
	const rows = new Array<number>(positions.length).fill(0);
	for (const i of order) {
		const start = positions[i] - widths[i] / 2;
		let r = rowEnds.findIndex((end) => end + gap <= start);
		if (r === -1) {
			r = rowEnds.length;
			rowEnds.push(0);
		}
		rowEnds[r] = positions[i] + widths[i] / 2;
		rows[i] = r;
	}
	return rows;
}

/** A rough width of a label in pixels at a font size of `em` pixels (for layout only). */
export function textWidth(text: string, em: number): number {
	return text.length * em * 0.6;
}

/**
 * A domain that holds every value and every `include`d one, widened by `pad` of its span on
 * each side (at least `minSpan` in all), rounded out to `step` and kept within [lo, hi]. Used
 * to zoom a scatter plot onto where the futures are without cutting any off.
 */
export function paddedExtent(
	values: readonly number[],
	include: readonly number[],
	opts: { pad: number; minSpan: number; step: number; lo: number; hi: number }
): [number, number] {
	const all = [...values, ...include].filter(Number.isFinite);
	if (!all.length) return [opts.lo, opts.hi];
	let a = Math.min(...all);
	let b = Math.max(...all);
	const span = Math.max(b - a, opts.minSpan);
	const mid = (a + b) / 2;
	a = Math.min(a, mid - span / 2) - span * opts.pad;
	b = Math.max(b, mid + span / 2) + span * opts.pad;
	a = Math.floor(a / opts.step + 1e-9) * opts.step;
	b = Math.ceil(b / opts.step - 1e-9) * opts.step;
	return [Math.max(opts.lo, a), Math.min(opts.hi, b)];
}

/**
 * Widens a domain [lo, hi] until labels beyond the bars' ends fit a plot `innerW` pixels
 * wide. `need(l, h)` says how many pixels the labels lack on each side with the domain
 * [l, h]; widening squeezes every bar, labels included, so it repeats until nothing is
 * lacking (a few steps). It stops early, `stopped`, when the plot left for the bars would be
 * `minPlot` pixels or less.
 */
export function widenForLabels(
	lo: number,
	hi: number,
	innerW: number,
	need: (l: number, h: number) => { left: number; right: number },
	minPlot = 0
): { domain: [number, number]; stopped: boolean } {
	let [l, h] = [lo, hi];
	for (let step = 0; step < 12; step++) {
		const lack = need(l, h);
		if (lack.left < 0.5 && lack.right < 0.5) break;
		const plot = innerW - lack.left - lack.right;
		if (plot <= minPlot) return { domain: [l, h], stopped: true };
		const span = h - l;
		l -= (lack.left / plot) * span;
		h += (lack.right / plot) * span;
	}
	return { domain: [l, h], stopped: false };
}
