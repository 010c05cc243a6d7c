/**
 * Mergeable summaries. Monthly series are kept as fixed-bin histograms and exact integer
 * sums, so memory does not grow with the number of runs and merging summaries of runs 0..k
 * and k+1..n gives exactly the summary of runs 0..n, in any order. Per-run end metrics are
 * kept per run (a few numbers each) so their distributions are exact.
 *
 * A small accumulator (a worker's chunk of runs) holds its runs' monthly values quantised to
 * 16 bits instead of a histogram: 2.6 kB a run for a ten-year horizon, against 1 MB for the
 * dense histogram. Merging bins them; which runs were binned when never changes the result,
 * because a run's bins depend only on its own quantised values.
 */
import { RUNG_COUNT } from './ladder';
import {
	RUN_VALUE_COUNT,
	RunValueIndex,
	METRICS,
	NEVER,
	SERIES,
	SERIES_COUNT,
	SERIES_INFO,
	TIMELINE_COUNT,
	type MetricKey,
	type SeriesKey
} from './outputs';
import type { RunContext } from './run';
import { scenarioHash, totalPeople, type Scenario } from './scenario';
import { MODEL_VERSION, SCHEMA_VERSION } from './version';
import { spreadSources, type SpreadSources } from './spread';
import { isUncertain } from './uncertainty';
import { Rung } from './ladder';

/** Histogram bins per series per month. */
export const BINS = 200;
/** Monthly values are quantised to 16 bits (0 to QUANT_MAX) before binning. */
const QUANT_MAX = 65535;
/** An accumulator holds at most this many runs as quantised values; beyond, they are binned. */
export const RAW_RUNS_MAX = 64;
/** Sums are kept as integers in these units so that adding them is exact in any order. */
const UNIT_QUANTUM = 1e6;
const PEOPLE_QUANTUM = 1e3;

/** A partial or whole summary: plain, structured-cloneable data. */
export interface Accumulator {
	format: 2;
	/** Hash of the scenario the runs came from; only equal hashes merge. */
	scenarioHash: string;
	months: number;
	/** Upper bound of each series' histogram (1 for shares, a people count otherwise). */
	seriesMax: Float64Array;
	/** series × months × BINS counts of the runs binned so far; empty while none is. */
	hist: Uint32Array;
	/** Quantised monthly values of the runs not yet binned: `rawRuns` × series × months. */
	raw: Uint16Array;
	/** Runs held in `raw`. */
	rawRuns: number;
	/** series × months integer sums (in quanta). */
	sums: Float64Array;
	/** rungs × months integer sums of shares (in quanta). */
	ladderSums: Float64Array;
	/** timeline flags × months: number of runs with the flag. */
	timeline: Uint32Array;
	/** Blocks of per-run end metrics, sorted by first run, never overlapping. */
	blocks: RunBlock[];
	/** Runs included. */
	count: number;
}

interface RunBlock {
	start: number;
	count: number;
	/** count × RUN_VALUE_COUNT values (end metrics, then further per-run values), run-major. */
	values: Float64Array;
}

function seriesMaxFor(s: Scenario): Float64Array {
	const max = new Float64Array(SERIES_COUNT);
	const people = totalPeople(s);
	SERIES.forEach((key, i) => {
		switch (SERIES_INFO[key].kind) {
			case 'unit':
				max[i] = 1;
				break;
			case 'people':
				// Cumulative people counts: at most everyone, once a month, over the horizon.
				max[i] = Math.max(1, people * s.horizonMonths);
				break;
			default:
				SERIES_INFO[key].kind satisfies never;
		}
	});
	return max;
}

/**
 * An accumulator with no runs, with room for `capacity` runs' quantised values (a chunk's
 * size; at most RAW_RUNS_MAX are kept raw, later runs are binned).
 */
export function emptyAccumulator(s: Scenario, capacity = 0): Accumulator {
	const months = s.horizonMonths;
	return {
		format: 2,
		scenarioHash: scenarioHash(s),
		months,
		seriesMax: seriesMaxFor(s),
		hist: new Uint32Array(0),
		raw: new Uint16Array(Math.min(capacity, RAW_RUNS_MAX) * SERIES_COUNT * months),
		rawRuns: 0,
		sums: new Float64Array(SERIES_COUNT * months),
		ladderSums: new Float64Array(RUNG_COUNT * months),
		timeline: new Uint32Array(TIMELINE_COUNT * months),
		blocks: [],
		count: 0
	};
}

/** Bin of a quantised value. */
function binOfQuantised(q: number): number {
	const b = Math.floor((q * BINS) / (QUANT_MAX + 1));
	return b >= BINS ? BINS - 1 : b;
}

/** A lookup from quantised value to bin, shared by every merge. */
const BIN_OF_QUANTISED = (() => {
	const t = new Uint8Array(QUANT_MAX + 1);
	for (let q = 0; q <= QUANT_MAX; q++) t[q] = binOfQuantised(q);
	return t;
})();

/** Adds `runs` runs of quantised values to a dense histogram. */
function binRaw(hist: Uint32Array, raw: Uint16Array, runs: number, cells: number): void {
	const table = BIN_OF_QUANTISED;
	for (let r = 0; r < runs; r++) {
		const o = r * cells;
		for (let c = 0; c < cells; c++) hist[c * BINS + table[raw[o + c]]]++;
	}
}

/** Moves an accumulator's raw runs into its histogram (allocated if needed); keeps the buffer. */
function binRawInPlace(acc: Accumulator): void {
	if (acc.rawRuns === 0) return;
	const cells = SERIES_COUNT * acc.months;
	if (acc.hist.length === 0) acc.hist = new Uint32Array(cells * BINS);
	binRaw(acc.hist, acc.raw, acc.rawRuns, cells);
	acc.rawRuns = 0;
}

/** Drops unused room in the raw block, so a chunk's accumulator crosses to the pool small. */
export function trimRaw(acc: Accumulator): void {
	const used = acc.rawRuns * SERIES_COUNT * acc.months;
	if (acc.raw.length !== used) acc.raw = acc.raw.slice(0, used);
}

/** Value at a fractional bin position (inverse of binOf). */
function valueAtBin(pos: number, max: number, unit: boolean): number {
	const x = pos / BINS;
	return unit ? x * max : Math.expm1(x * Math.log1p(max));
}

const unitSeries = SERIES.map((k) => SERIES_INFO[k].kind === 'unit');

/**
 * Adds one finished run's monthly values (from a RunContext) to an accumulator. The run's
 * end metrics are kept by the caller in run order and attached with `attachRunMetrics`.
 */
export function addRunSeries(acc: Accumulator, ctx: RunContext): void {
	const months = acc.months;
	const cells = SERIES_COUNT * months;
	if (acc.rawRuns >= RAW_RUNS_MAX) binRawInPlace(acc);
	if ((acc.rawRuns + 1) * cells > acc.raw.length) {
		const grown = new Uint16Array(Math.min(RAW_RUNS_MAX, 2 * acc.rawRuns + 1) * cells);
		grown.set(acc.raw.subarray(0, acc.rawRuns * cells));
		acc.raw = grown;
	}
	const o = acc.rawRuns * cells;
	const { raw, sums } = acc;
	const trace = ctx.trace;
	for (let si = 0; si < SERIES_COUNT; si++) {
		const unit = unitSeries[si];
		const max = acc.seriesMax[si];
		const q = unit ? UNIT_QUANTUM : PEOPLE_QUANTUM;
		// Each monthly value quantised to 16 bits: linear for shares, log1p-scaled for people
		// counts (the series' constants taken out of the loop).
		const logMax = Math.log1p(max);
		const end = (si + 1) * months;
		for (let c = si * months; c < end; c++) {
			const v = trace[c];
			const x = unit ? v / max : Math.log1p(Math.max(0, v)) / logMax;
			const k = Math.round(x * QUANT_MAX);
			raw[o + c] = k < 0 ? 0 : k > QUANT_MAX ? QUANT_MAX : k;
			sums[c] += Math.round(v * q);
		}
	}
	acc.rawRuns++;
	for (let j = 0; j < RUNG_COUNT * months; j++)
		acc.ladderSums[j] += Math.round(ctx.ladder[j] * UNIT_QUANTUM);
	for (let j = 0; j < TIMELINE_COUNT * months; j++) acc.timeline[j] += ctx.timeline[j];
	acc.count++;
}

/**
 * Attaches the end metrics of runs [start, start + count) (run-major, RUN_VALUE_COUNT each) to an
 * accumulator that holds no runs metrics yet.
 */
export function attachRunMetrics(
	acc: Accumulator,
	start: number,
	count: number,
	values: Float64Array
): void {
	if (count > 0) acc.blocks = [{ start, count, values: values.slice(0, count * RUN_VALUE_COUNT) }];
}

export type MergeResult = { ok: true; value: Accumulator } | { ok: false; error: string };

/** The per-run blocks of two accumulators together, or a message if runs overlap. */
function mergeBlocks(a: readonly RunBlock[], b: readonly RunBlock[]): RunBlock[] | string {
	const all = [...a, ...b].sort((x, y) => x.start - y.start);
	const blocks: RunBlock[] = [];
	for (const blk of all) {
		const prev = blocks[blocks.length - 1];
		if (prev && prev.start + prev.count > blk.start)
			return `Run ${blk.start} appears twice; results cannot be combined.`;
		if (prev && prev.start + prev.count === blk.start) {
			const values = new Float64Array((prev.count + blk.count) * RUN_VALUE_COUNT);
			values.set(prev.values);
			values.set(blk.values, prev.count * RUN_VALUE_COUNT);
			blocks[blocks.length - 1] = { start: prev.start, count: prev.count + blk.count, values };
		} else blocks.push({ start: blk.start, count: blk.count, values: blk.values.slice() });
	}
	return blocks;
}

const DIFFERENT = 'These results come from different scenarios and cannot be combined.' as const;

function rawOf(acc: Accumulator): Uint16Array {
	return acc.raw.subarray(0, acc.rawRuns * SERIES_COUNT * acc.months);
}

/**
 * The histogram and raw block of `a` and `b` together: raw values stay raw while both have no
 * histogram and there are at most RAW_RUNS_MAX runs of them; otherwise everything is binned.
 */
function combineSeries(
	a: Accumulator,
	b: Accumulator
): { hist: Uint32Array; raw: Uint16Array; rawRuns: number } {
	const cells = SERIES_COUNT * a.months;
	const rawRuns = a.rawRuns + b.rawRuns;
	if (a.hist.length === 0 && b.hist.length === 0 && rawRuns <= RAW_RUNS_MAX) {
		const raw = new Uint16Array(rawRuns * cells);
		raw.set(rawOf(a));
		raw.set(rawOf(b), a.rawRuns * cells);
		return { hist: new Uint32Array(0), raw, rawRuns };
	}
	const hist = a.hist.length ? a.hist.slice() : new Uint32Array(cells * BINS);
	if (b.hist.length) for (let i = 0; i < hist.length; i++) hist[i] += b.hist[i];
	binRaw(hist, a.raw, a.rawRuns, cells);
	binRaw(hist, b.raw, b.rawRuns, cells);
	return { hist, raw: new Uint16Array(0), rawRuns: 0 };
}

/** Merges two accumulators of the same scenario with disjoint runs. Inputs are not changed. */
export function mergeAccumulators(a: Accumulator, b: Accumulator): MergeResult {
	if (a.scenarioHash !== b.scenarioHash || a.months !== b.months)
		return { ok: false, error: DIFFERENT };
	const blocks = mergeBlocks(a.blocks, b.blocks);
	if (typeof blocks === 'string') return { ok: false, error: blocks };
	const sums = new Float64Array(a.sums.length);
	for (let i = 0; i < sums.length; i++) sums[i] = a.sums[i] + b.sums[i];
	const ladderSums = new Float64Array(a.ladderSums.length);
	for (let i = 0; i < ladderSums.length; i++) ladderSums[i] = a.ladderSums[i] + b.ladderSums[i];
	const timeline = new Uint32Array(a.timeline.length);
	for (let i = 0; i < timeline.length; i++) timeline[i] = a.timeline[i] + b.timeline[i];
	return {
		ok: true,
		value: {
			format: 2,
			scenarioHash: a.scenarioHash,
			months: a.months,
			seriesMax: a.seriesMax.slice(),
			...combineSeries(a, b),
			sums,
			ladderSums,
			timeline,
			blocks,
			count: a.count + b.count
		}
	};
}

/**
 * Merges `from` into `into`, changing `into` in place (and leaving `from` unchanged): what
 * the worker pool does as chunks arrive, without copying the histogram each time. The result
 * summarises exactly as `mergeAccumulators` would. On an error `into` is unchanged.
 */
export function mergeInto(into: Accumulator, from: Accumulator): MergeResult {
	if (into.scenarioHash !== from.scenarioHash || into.months !== from.months)
		return { ok: false, error: DIFFERENT };
	const blocks = mergeBlocks(into.blocks, from.blocks);
	if (typeof blocks === 'string') return { ok: false, error: blocks };
	const cells = SERIES_COUNT * into.months;
	if (
		into.hist.length === 0 &&
		from.hist.length === 0 &&
		into.rawRuns + from.rawRuns <= RAW_RUNS_MAX
	) {
		const combined = combineSeries(into, from);
		into.raw = combined.raw;
		into.rawRuns = combined.rawRuns;
	} else {
		binRawInPlace(into);
		into.raw = new Uint16Array(0);
		if (from.hist.length) for (let i = 0; i < into.hist.length; i++) into.hist[i] += from.hist[i];
		binRaw(into.hist, from.raw, from.rawRuns, cells);
	}
	for (let i = 0; i < into.sums.length; i++) into.sums[i] += from.sums[i];
	for (let i = 0; i < into.ladderSums.length; i++) into.ladderSums[i] += from.ladderSums[i];
	for (let i = 0; i < into.timeline.length; i++) into.timeline[i] += from.timeline[i];
	into.blocks = blocks;
	into.count += from.count;
	return { ok: true, value: into };
}

// ---------------------------------------------------------------------------------------
// The finished summary.

export const PERCENTILES = [5, 10, 25, 50, 75, 90, 95] as const;
type PercentileKey = 'p5' | 'p10' | 'p25' | 'p50' | 'p75' | 'p90' | 'p95';
const PKEYS: readonly PercentileKey[] = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'];

/** Monthly percentile bands and the mean of one series; index = month (0 = first month). */
export type Bands = Record<PercentileKey | 'mean', number[]>;

export interface Probability {
	/** Estimated probability. */
	p: number;
	/** Monte Carlo standard error, sqrt(p(1 - p) / n). */
	se: number;
	/** Futures counted. */
	count: number;
}

export interface MetricSummary {
	/** Mean over runs with a value; null when none has one (e.g. no future reaches trust). */
	mean: number | null;
	/** Percentiles over runs; for monthsToTrust, null where that share of futures never get there. */
	p5: number | null;
	p10: number | null;
	p25: number | null;
	p50: number | null;
	p75: number | null;
	p90: number | null;
	p95: number | null;
	min: number | null;
	max: number | null;
}

export interface Receipt {
	modelVersion: string;
	schemaVersion: number;
	seed: number;
	runs: number;
	scenarioHash: string;
	/**
	 * Whether each future drew its own assumptions ('uncertain') or all used the best guesses
	 * ('fixed'), and how many assumptions were pinned. Absent in summaries saved before it
	 * existed: those were fixed, with none pinned.
	 */
	assumptions?: { mode: 'fixed' | 'uncertain'; pinned: number };
}

export interface Summary {
	receipt: Receipt;
	months: number;
	threshold: number;
	series: Record<SeriesKey, Bands>;
	/** Mean share of the community on each rung, by month: ladder[rung][month]. */
	ladder: number[][];
	/** Share of futures with each contract event in each month. */
	timeline: {
		contractEnd: number[];
		providerChange: number[];
		mobilising: number[];
		extended: number[];
	};
	metrics: Record<MetricKey, MetricSummary>;
	/** monthsToTrust: share of futures that never reach the threshold. */
	neverTrusted: number;
	/** Share of futures that have reached the threshold by each month. */
	timeToTrust: number[];
	/** Per-run end metrics in run order (for distributions and scatter plots). */
	perRun: Record<MetricKey, number[]>;
	probabilities: {
		trustAboveThreshold: Probability;
		reachesCodesigning: Probability;
		collapse: Probability;
	};
	/**
	 * People whose contribution fell outside the provider's latitude and who were told so
	 * plainly, over the horizon: its distribution over futures. Always filled by
	 * `finalizeSummary`; optional only so that summaries saved before it existed still load.
	 */
	explained?: MetricSummary;
	/**
	 * In the uncertain mode: how much of the spread of final-year trust comes from the
	 * assumptions and which matter most (null when there were too few futures to tell).
	 * Absent in the fixed mode, where the spread is chance alone.
	 */
	spread?: SpreadSources | null;
}

/**
 * Every percentile of one histogram cell in one pass: for each, the bin where the cumulative
 * count reaches q·count, interpolated linearly within the bin.
 */
function percentilesFromHistogram(
	hist: Uint32Array,
	offset: number,
	count: number,
	max: number,
	unit: boolean,
	bands: Bands,
	t: number
): void {
	let cum = 0;
	let k = 0;
	for (let b = 0; b < BINS && k < PKEYS.length; b++) {
		const c = hist[offset + b];
		if (c === 0) continue;
		while (k < PKEYS.length) {
			const target = (PERCENTILES[k] / 100) * count;
			if (cum + c < target) break;
			const within = (target - cum) / c;
			bands[PKEYS[k]][t] = valueAtBin(b + Math.min(1, Math.max(0, within)), max, unit);
			k++;
		}
		cum += c;
	}
	for (; k < PKEYS.length; k++) bands[PKEYS[k]][t] = valueAtBin(BINS, max, unit);
}

function probability(hits: number, n: number): Probability {
	const p = n > 0 ? hits / n : 0;
	return { p, se: n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0, count: n };
}

/** Exact percentile of sorted values (linear interpolation between order statistics). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
	const n = sorted.length;
	if (n === 0) return NaN;
	const pos = (n - 1) * q;
	const lo = Math.floor(pos);
	const hi = Math.min(n - 1, lo + 1);
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function metricSummary(values: number[], never: boolean): MetricSummary {
	const n = values.length;
	const sorted = values.map((v) => (never && v === NEVER ? Infinity : v)).sort((a, b) => a - b);
	const finite = sorted.filter((v) => Number.isFinite(v));
	const pick = (q: number): number | null => {
		if (n === 0) return null;
		const v = quantileSorted(sorted, q);
		return Number.isFinite(v) ? v : null;
	};
	const out: MetricSummary = {
		mean: finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : null,
		p5: null,
		p10: null,
		p25: null,
		p50: null,
		p75: null,
		p90: null,
		p95: null,
		min: finite.length ? finite[0] : null,
		max: finite.length ? finite[finite.length - 1] : null
	};
	PERCENTILES.forEach((p, i) => (out[PKEYS[i]] = pick(p / 100)));
	return out;
}

/**
 * Turns an accumulator holding runs 0..runs-1 into the public summary.
 * Returns an error if runs are missing.
 */
export function finalizeSummary(
	s: Scenario,
	acc: Accumulator
): { ok: true; value: Summary } | { ok: false; error: string } {
	const months = acc.months;
	const n = acc.count;
	if (n === 0) return { ok: false, error: 'No runs have finished yet.' };
	if (acc.blocks.length !== 1 || acc.blocks[0].start !== 0)
		return { ok: false, error: 'Some runs are missing; the summary is incomplete.' };
	const cells = SERIES_COUNT * months;
	let hist = acc.hist;
	if (acc.rawRuns > 0) {
		hist = hist.length ? hist.slice() : new Uint32Array(cells * BINS);
		binRaw(hist, acc.raw, acc.rawRuns, cells);
	}
	const series = {} as Record<SeriesKey, Bands>;
	SERIES.forEach((key, si) => {
		const unit = unitSeries[si];
		const max = acc.seriesMax[si];
		const q = unit ? UNIT_QUANTUM : PEOPLE_QUANTUM;
		const bands = { mean: new Array<number>(months) } as Bands;
		for (const k of PKEYS) bands[k] = new Array<number>(months);
		for (let t = 0; t < months; t++) {
			const off = (si * months + t) * BINS;
			percentilesFromHistogram(hist, off, n, max, unit, bands, t);
			bands.mean[t] = acc.sums[si * months + t] / q / n;
		}
		series[key] = bands;
	});
	const ladder: number[][] = [];
	for (let r = 0; r < RUNG_COUNT; r++) {
		const row = new Array<number>(months);
		for (let t = 0; t < months; t++) row[t] = acc.ladderSums[r * months + t] / UNIT_QUANTUM / n;
		ladder.push(row);
	}
	const tl = (k: number) =>
		Array.from({ length: months }, (_, t) => acc.timeline[k * months + t] / n);
	const block = acc.blocks[0];
	const perRun = {} as Record<MetricKey, number[]>;
	METRICS.forEach((key, mi) => {
		const col = new Array<number>(n);
		for (let r = 0; r < n; r++) col[r] = block.values[r * RUN_VALUE_COUNT + mi];
		perRun[key] = col;
	});
	const metrics = {} as Record<MetricKey, MetricSummary>;
	for (const key of METRICS) metrics[key] = metricSummary(perRun[key], key === 'monthsToTrust');
	const threshold = s.trust.threshold;
	const reachedBy = new Array<number>(months).fill(0);
	let never = 0;
	for (const v of perRun.monthsToTrust) {
		if (v === NEVER) never++;
		else reachedBy[v - 1]++;
	}
	for (let t = 1; t < months; t++) reachedBy[t] += reachedBy[t - 1];
	const aboveThreshold = perRun.finalTrust.filter((v) => v >= threshold).length;
	const codesigning = perRun.rung.filter((v) => v >= Rung.coDesigning).length;
	const collapses = perRun.collapsed.filter((v) => v === 1).length;
	const explainedCol = new Array<number>(n);
	for (let r = 0; r < n; r++)
		explainedCol[r] = block.values[r * RUN_VALUE_COUNT + RunValueIndex.explained];
	return {
		ok: true,
		value: {
			receipt: {
				modelVersion: MODEL_VERSION,
				schemaVersion: SCHEMA_VERSION,
				seed: s.seed,
				runs: n,
				scenarioHash: acc.scenarioHash,
				assumptions: {
					mode: isUncertain(s) ? 'uncertain' : 'fixed',
					pinned: Object.keys(s.assumptions?.pins ?? {}).length
				}
			},
			months,
			threshold,
			series,
			ladder,
			timeline: { contractEnd: tl(0), providerChange: tl(1), mobilising: tl(2), extended: tl(3) },
			metrics,
			neverTrusted: never / n,
			timeToTrust: reachedBy.map((c) => c / n),
			perRun,
			probabilities: {
				trustAboveThreshold: probability(aboveThreshold, n),
				reachesCodesigning: probability(codesigning, n),
				collapse: probability(collapses, n)
			},
			explained: metricSummary(explainedCol, false),
			...(isUncertain(s) ? { spread: spreadSources(s, perRun.finalTrust) } : {})
		}
	};
}
