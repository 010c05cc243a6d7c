/**
 * A two-lever sweep: a grid of parameter values on two axes, and the order in which to
 * evaluate its cells so that a coarse picture of the whole grid appears first and is then
 * refined. Pure: the runner in `$lib/features/compare` evaluates the cells.
 */
import {
	paramSpec,
	setParam,
	type ParamSpec,
	type Probability,
	type Scenario,
	type Summary
} from '$lib/sim';
import { fmtPct } from './words';

export interface SweepAxis {
	path: string;
	/** The values on this axis, ascending. */
	values: number[];
}

export interface SweepCell {
	/** Index on the x axis. */
	i: number;
	/** Index on the y axis. */
	j: number;
	/** Refinement level: 0 is the coarsest picture. */
	level: number;
}

/** Rounds a value to the spec's step grid (anchored at its minimum) and into its range. */
export function snapToSpec(spec: ParamSpec, value: number): number {
	const steps = Math.round((value - spec.min) / spec.step);
	const snapped = spec.min + steps * spec.step;
	// Avoid 0.30000000000000004: keep as many decimals as the step has.
	const decimals = Math.max(0, Math.ceil(-Math.log10(spec.step) - 1e-9));
	const rounded = spec.integer ? Math.round(snapped) : Number(snapped.toFixed(decimals));
	return Math.min(spec.max, Math.max(spec.min, rounded));
}

/**
 * `count` values evenly spread from `from` to `to` (default: the parameter's whole range),
 * snapped to its step; duplicates (a whole-number lever with a short range) are dropped.
 */
export function axisValues(
	spec: ParamSpec,
	count: number,
	from: number = spec.min,
	to: number = spec.max
): number[] {
	const n = Math.max(1, Math.floor(count));
	const lo = Math.min(from, to);
	const hi = Math.max(from, to);
	if (spec.unit === 'months' && n > 2) return monthValues(spec, n, lo, hi);
	const out: number[] = [];
	for (let k = 0; k < n; k++) {
		const v = snapToSpec(spec, n === 1 ? lo : lo + ((hi - lo) * k) / (n - 1));
		if (out.length === 0 || out[out.length - 1] !== v) out.push(v);
	}
	return out;
}

/** Steps of months people read as round: a month, a quarter, half a year, years. */
const MONTH_STEPS = [1, 2, 3, 6, 12, 24, 36, 48, 60, 120];

/**
 * About `n` values of a lever in months from `lo` to `hi`: both ends, and between them the
 * multiples of a round step (6, 12, 24 months…) chosen so the count comes closest to `n`.
 */
function monthValues(spec: ParamSpec, n: number, lo: number, hi: number): number[] {
	let best: number[] = [];
	for (const step of MONTH_STEPS) {
		const values = [lo];
		for (let v = Math.floor(lo / step) * step + step; v < hi; v += step)
			if (v - lo >= step / 2 && hi - v >= step / 2) values.push(v);
		if (hi > lo) values.push(hi);
		if (best.length === 0 || Math.abs(values.length - n) < Math.abs(best.length - n)) best = values;
	}
	return best.map((v) => snapToSpec(spec, v));
}

/** An axis over a registry parameter, or an error naming the unknown path. */
export function sweepAxis(
	path: string,
	count: number,
	from?: number,
	to?: number
): { ok: true; value: SweepAxis } | { ok: false; error: string } {
	const spec = paramSpec(path);
	if (!spec) return { ok: false, error: `There is no parameter called "${path}".` };
	return { ok: true, value: { path, values: axisValues(spec, count, from, to) } };
}

/** Indices kept at a stride: 0, s, 2s, … and always the last one. */
export function strideIndices(n: number, stride: number): number[] {
	const out: number[] = [];
	for (let k = 0; k < n; k += stride) out.push(k);
	if (n > 0 && out[out.length - 1] !== n - 1) out.push(n - 1);
	return out;
}

/** The first (largest) stride: about three values per axis in the coarsest picture. */
export function firstStride(n: number): number {
	let s = 1;
	while (s * 2 * 2 <= n - 1) s *= 2;
	return s;
}

/**
 * Every cell of an nx × ny grid exactly once, coarse to fine: first the cells on a
 * stride-S lattice (which always includes the edges), then those added at stride S/2, and
 * so on down to 1. Within a level, row by row. The lattices are nested, so each level
 * refines the picture of the one before.
 */
export function refinementOrder(nx: number, ny: number): SweepCell[] {
	const out: SweepCell[] = [];
	if (nx <= 0 || ny <= 0) return out;
	const seen = new Uint8Array(nx * ny);
	let stride = firstStride(Math.max(nx, ny));
	let level = 0;
	for (;;) {
		const is = strideIndices(nx, stride);
		const js = strideIndices(ny, stride);
		let added = 0;
		for (const j of js)
			for (const i of is) {
				if (seen[j * nx + i]) continue;
				seen[j * nx + i] = 1;
				out.push({ i, j, level });
				added++;
			}
		if (stride === 1) break;
		stride /= 2;
		if (added > 0) level++;
	}
	return out;
}

/**
 * For a grid with some cells evaluated, the evaluated cell that stands in for each cell:
 * itself if evaluated, otherwise the nearest evaluated one (ties go to the lower index),
 * or -1 when none is. Cells are indexed j * nx + i.
 */
export function nearestEvaluated(
	nx: number,
	ny: number,
	evaluated: ArrayLike<boolean>
): Int32Array {
	const out = new Int32Array(nx * ny).fill(-1);
	const done: number[] = [];
	for (let c = 0; c < nx * ny; c++) if (evaluated[c]) done.push(c);
	if (done.length === 0) return out;
	for (let c = 0; c < nx * ny; c++) {
		if (evaluated[c]) {
			out[c] = c;
			continue;
		}
		const i = c % nx;
		const j = Math.floor(c / nx);
		let best = -1;
		let bestD = Infinity;
		for (const d of done) {
			const di = (d % nx) - i;
			const dj = Math.floor(d / nx) - j;
			const dist = di * di + dj * dj;
			if (dist < bestD) {
				bestD = dist;
				best = d;
			}
		}
		out[c] = best;
	}
	return out;
}

/** The scenario of one cell: the base with both axis values set. */
export function cellScenario(
	base: Scenario,
	x: SweepAxis,
	y: SweepAxis,
	cell: SweepCell
): Scenario {
	return setParam(setParam(base, x.path, x.values[cell.i]), y.path, y.values[cell.j]);
}

/** The levers offered on sweep axes by default: contract length across, power shared up. */
export const DEFAULT_SWEEP_X = 'contract.lengthMonths';
export const DEFAULT_SWEEP_Y = 'power.sharing';

/** What one cell of a sweep found. */
export interface CellResult {
	reachesCodesigning: Probability;
	trustAboveThreshold: Probability;
	/** Median over futures of trust in the final year (its mean over the last 12 months). */
	medianFinalTrust: number;
	/** The middle half of futures' trust in the final year: its 25th and 75th percentiles. */
	finalTrustMiddle: [number, number];
	/** Median over futures of trust over the whole horizon. */
	medianMeanTrust: number;
	/**
	 * Months in which the median future's trust is at or above the threshold: months in which at
	 * least half of the futures are there (read from the monthly percentiles, not per run).
	 */
	monthsMedianAbove: number;
	/** Share of the community engaged or higher, on average over futures and the final year. */
	engagedFinalYear: number;
	/** The horizon in months (the most `monthsMedianAbove` can be). */
	months: number;
}

/** The probabilities a cell holds, which goal seeking can aim at. */
export type SweepProbability = 'reachesCodesigning' | 'trustAboveThreshold';

/**
 * What a sweep's colour can show: a level of trust, a share of the community, a number of
 * months, or the chance of an outcome.
 */
export type SweepMetric =
	| 'medianFinalTrust'
	| 'medianMeanTrust'
	| 'monthsMedianAbove'
	| 'engagedFinalYear'
	| SweepProbability;

export interface SweepMetricInfo {
	key: SweepMetric;
	label: string;
	/**
	 * 'trust' is a level from 0 to 1; 'share' a share of the community; 'months' a count of
	 * months; 'probability' a share of futures, with its error.
	 */
	kind: 'trust' | 'share' | 'months' | 'probability';
}

export const SWEEP_METRICS: readonly SweepMetricInfo[] = [
	{ key: 'medianFinalTrust', label: 'Median trust in the final year', kind: 'trust' },
	{ key: 'medianMeanTrust', label: 'Median trust over the whole horizon', kind: 'trust' },
	{
		key: 'monthsMedianAbove',
		label: 'Months the median future is at or above the threshold',
		kind: 'months'
	},
	{
		key: 'engagedFinalYear',
		label: 'Share of the community engaged or higher in the final year',
		kind: 'share'
	},
	{
		key: 'trustAboveThreshold',
		label: 'Chance trust in the final year is at or above the threshold',
		kind: 'probability'
	},
	{
		key: 'reachesCodesigning',
		label: 'Chance the community is co-designing in the final year',
		kind: 'probability'
	}
];

/**
 * The measure a sweep shows unless another is chosen: trust in the final year, the trust a
 * contract leaves the community with when the next decision is taken (see the sensitivity
 * analysis' default, which is the same).
 */
export const DEFAULT_SWEEP_METRIC: SweepMetric = 'medianFinalTrust';

/** Whether a measure is a chance (one goal seeking can aim at). */
export function isSweepProbability(m: SweepMetric): m is SweepProbability {
	return m === 'trustAboveThreshold' || m === 'reachesCodesigning';
}

export function sweepMetricInfo(key: SweepMetric): SweepMetricInfo {
	const m = SWEEP_METRICS.find((x) => x.key === key);
	if (!m) throw new Error(`Unknown sweep measure ${key}`);
	return m;
}

/** The number a cell shows for a measure: 0 to 1, or months for a count of months. */
export function cellValue(c: CellResult, metric: SweepMetric): number {
	switch (metric) {
		case 'medianFinalTrust':
		case 'medianMeanTrust':
		case 'monthsMedianAbove':
		case 'engagedFinalYear':
			return c[metric];
		case 'trustAboveThreshold':
		case 'reachesCodesigning':
			return c[metric].p;
		default:
			return metric satisfies never;
	}
}

/** A value of a measure as a cell prints it: "0.42", "37%", "18 months" (as "18"). */
export function sweepValueText(metric: SweepMetric, v: number): string {
	if (!Number.isFinite(v)) return 'unknown';
	const kind = sweepMetricInfo(metric).kind;
	switch (kind) {
		case 'trust':
			return v.toFixed(2);
		case 'share':
		case 'probability':
			return fmtPct(v);
		case 'months':
			return String(Math.round(v));
		default:
			return kind satisfies never;
	}
}

/** Final-year months of a horizon: the last 12, or all of a shorter one. */
const FINAL_YEAR = 12;

/** What a cell keeps of a summary: a few numbers, never the per-run arrays. */
export function cellResult(summary: Summary): CellResult {
	const months = summary.months;
	const median = summary.series.trust.p50;
	let above = 0;
	for (let t = 0; t < months; t++) if (median[t] >= summary.threshold) above++;
	const engaged = summary.series.engaged.mean;
	const from = Math.max(0, months - FINAL_YEAR);
	let sum = 0;
	for (let t = from; t < months; t++) sum += engaged[t];
	const ft = summary.metrics.finalTrust;
	return {
		reachesCodesigning: summary.probabilities.reachesCodesigning,
		trustAboveThreshold: summary.probabilities.trustAboveThreshold,
		medianFinalTrust: ft.p50 ?? NaN,
		finalTrustMiddle: [ft.p25 ?? NaN, ft.p75 ?? NaN],
		medianMeanTrust: summary.metrics.meanTrust.p50 ?? NaN,
		monthsMedianAbove: above,
		engagedFinalYear: months > from ? sum / (months - from) : NaN,
		months
	};
}

/**
 * When every cell run prints the same value of the measure shown (a sweep of 36 cells all at
 * 0%), what to say, and the first measure (in the order offered) whose printed values do differ
 * between the cells, to suggest instead; null when the cells differ, or fewer than two have run.
 */
export function uniformSweep(
	cells: readonly (CellResult | null)[],
	metric: SweepMetric
): { count: number; text: string; suggest: SweepMetric | null } | null {
	const run = cells.filter((c): c is CellResult => c !== null);
	if (run.length < 2) return null;
	const texts = (m: SweepMetric) => new Set(run.map((c) => sweepValueText(m, cellValue(c, m))));
	const shown = texts(metric);
	if (shown.size !== 1) return null;
	const suggest = SWEEP_METRICS.find((m) => m.key !== metric && texts(m.key).size > 1)?.key ?? null;
	return { count: run.length, text: [...shown][0], suggest };
}

/**
 * The values a sweep's colour scale runs between. A chance always spans 0 to 1. Levels of
 * trust and shares of the community in a sweep usually lie within a few tenths of each other,
 * which on a 0-to-1 scale would all be one grey: their scale spans the cells' own range, widened
 * to whole twentieths and to at least a tenth (upwards, or down from 1), within 0 to 1. Months
 * span the cells' range widened to whole quarters and to at least a year, from 0 (the legend
 * gives its ends).
 */
export function colourDomain(
	values: readonly number[],
	kind: SweepMetricInfo['kind']
): [number, number] {
	const finite = values.filter((v) => Number.isFinite(v));
	if (kind === 'probability' || finite.length === 0) return kind === 'months' ? [0, 12] : [0, 1];
	if (kind === 'months') {
		const lo = Math.max(0, Math.floor(Math.min(...finite) / 3) * 3);
		const hi = Math.max(lo + 12, Math.ceil(Math.max(...finite) / 3) * 3);
		return [lo, hi];
	}
	let lo = Math.floor(Math.min(...finite) * 20 + 1e-9) / 20;
	let hi = Math.ceil(Math.max(...finite) * 20 - 1e-9) / 20;
	if (hi - lo < 0.1) hi = lo + 0.1;
	if (hi > 1) [lo, hi] = [0.9, 1];
	return [Number(lo.toFixed(6)), Number(hi.toFixed(6))];
}

/**
 * A sweep as the sweep page showed it, kept for the board pack: the levers and values, each
 * cell's result and stand-in, the measure shown, the goal's target and the trust threshold,
 * and goal seeking's answer when there was one. `scenario` is the swept scenario as JSON, so
 * that a pack can tell whether the scenario has changed since.
 */
export interface KeptSweep {
	scenario: string;
	x: { path: string; values: number[] };
	y: { path: string; values: number[] };
	cells: (CellResult | null)[];
	display: number[];
	metric: SweepMetric;
	target: number;
	threshold: number;
	goal: { axis: 'x' | 'y'; value: number; other: number; label: string } | null;
	goalText: string | null;
}

const isNumbers = (v: unknown): v is number[] =>
	Array.isArray(v) && v.every((x) => typeof x === 'number' && Number.isFinite(x));

function isProbability(v: unknown): boolean {
	const p = v as { p?: unknown; se?: unknown } | null;
	return typeof p === 'object' && p !== null && typeof p.p === 'number' && typeof p.se === 'number';
}

function isCell(v: unknown): v is CellResult | null {
	if (v === null) return true;
	if (typeof v !== 'object') return false;
	const c = v as Record<string, unknown>;
	return (
		isProbability(c.reachesCodesigning) &&
		isProbability(c.trustAboveThreshold) &&
		[
			'medianFinalTrust',
			'medianMeanTrust',
			'monthsMedianAbove',
			'engagedFinalYear',
			'months'
		].every((k) => typeof c[k] === 'number') &&
		isNumbers(c.finalTrustMiddle) &&
		(c.finalTrustMiddle as number[]).length === 2
	);
}

/** A kept sweep read back (from storage: anything), or null when it is not one. */
export function readKeptSweep(value: unknown): KeptSweep | null {
	if (typeof value !== 'object' || value === null) return null;
	const k = value as Record<string, unknown>;
	const axis = (a: unknown): a is { path: string; values: number[] } =>
		typeof a === 'object' &&
		a !== null &&
		typeof (a as { path?: unknown }).path === 'string' &&
		isNumbers((a as { values?: unknown }).values);
	if (typeof k.scenario !== 'string' || !axis(k.x) || !axis(k.y)) return null;
	const n = k.x.values.length * k.y.values.length;
	if (!Array.isArray(k.cells) || k.cells.length !== n || !k.cells.every(isCell)) return null;
	if (!isNumbers(k.display) || k.display.length !== n) return null;
	if (!SWEEP_METRICS.some((m) => m.key === k.metric)) return null;
	if (typeof k.target !== 'number' || typeof k.threshold !== 'number') return null;
	const g = k.goal as KeptSweep['goal'] | undefined;
	const goal =
		g &&
		(g.axis === 'x' || g.axis === 'y') &&
		typeof g.value === 'number' &&
		typeof g.other === 'number' &&
		typeof g.label === 'string'
			? g
			: null;
	return {
		scenario: k.scenario,
		x: k.x,
		y: k.y,
		cells: k.cells,
		display: k.display,
		metric: k.metric as SweepMetric,
		target: k.target,
		threshold: k.threshold,
		goal,
		goalText: typeof k.goalText === 'string' ? k.goalText : null
	};
}
