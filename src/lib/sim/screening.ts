/**
 * Morris screening (the method of elementary effects): which inputs each headline output
 * depends on most, over every scenario parameter and every internal constant at once.
 *
 * The design is Morris's (1991) one-at-a-time trajectories on a grid of `p` levels over each
 * factor's range scaled to [0, 1]: a trajectory starts at a random grid point and moves every
 * factor once, in a random order, by Δ = p / (2(p − 1)) up or down, so k factors cost k + 1
 * points a trajectory. An elementary effect is the change in the output over one move divided
 * by Δ: the output's change per the factor's full range. Over r trajectories, μ* (the mean
 * absolute effect, Campolongo et al. 2007) ranks the factors; μ (the mean) gives the direction
 * when the effects agree in sign; σ (their spread) is large where the factor's effect depends
 * on where the others are (interactions) or is not linear.
 *
 * Every point of the model's screening runs the same number of futures on the same seed
 * (common random numbers), so an elementary effect is mostly the difference the lever makes,
 * not a difference of luck. Pure and deterministic: the same base scenario, options and seed
 * give the same result.
 */
import {
	ASSUMPTIONS,
	DEFAULT_CONSTANTS,
	type AssumptionSpec,
	type ConstantKey,
	type ModelConstants
} from './assumptions';
import { rangeValue, triangularQuantile, type PlausibleRange } from './assumption-factors';
import { METRIC_INFO, MetricIndex, type MetricKey } from './outputs';
import { PARAMS, segmentParamSpec, type ParamSpec } from './params';
import { Rng, Stream } from './rng';
import { createRunContext, simulateRun } from './run';
import { setParamInPlace, type Scenario, type Segment } from './scenario';

// ---------------------------------------------------------------------------------------
// The design on the unit cube.

/** Grid levels of the standard design. */
const DEFAULT_LEVELS = 4;
export const DEFAULT_TRAJECTORIES = 10;
/** Futures simulated at each point of the model's screening. */
export const DEFAULT_SCREENING_RUNS = 20;

/** Morris's step for `levels` grid levels: p / (2(p − 1)), 2/3 for four levels. */
export function morrisDelta(levels: number): number {
	return levels / (2 * (levels - 1));
}

/** A Morris design: `trajectories` blocks of k + 1 points on the unit cube's grid. */
export interface MorrisDesign {
	/** Number of factors, k. */
	factors: number;
	trajectories: number;
	levels: number;
	/** The step of every move, in units of a factor's full range. */
	delta: number;
	/**
	 * The points, row-major: trajectory t's point j (0 to k) is row t(k + 1) + j, with one
	 * coordinate per factor on the grid {0, 1/(p − 1), ..., 1}.
	 */
	points: Float64Array;
	/** trajectories × k: the factor that moves between point j and point j + 1. */
	order: Int32Array;
	/** trajectories × k, by factor: +1 when the factor moves up in the trajectory, −1 down. */
	direction: Int8Array;
}

/**
 * Generates a Morris design from `seed`. Trajectory t draws from its own stream
 * (seed, t, Stream.screening): its starting level for each factor (from the lower half of the
 * grid, 0 to 1 − Δ), the direction of each factor's move, then the order of the moves. A
 * factor moving down starts Δ above its drawn level, so starting points cover the whole grid.
 * More trajectories on the same seed extend the design without changing the first ones.
 * Throws a RangeError for fewer than one factor or trajectory, or an odd or too small number
 * of levels.
 */
export function morrisDesign(
	factors: number,
	trajectories: number,
	seed: number,
	levels = DEFAULT_LEVELS
): MorrisDesign {
	if (!Number.isInteger(factors) || factors < 1)
		throw new RangeError(`A Morris design needs at least one factor; got ${factors}.`);
	if (!Number.isInteger(trajectories) || trajectories < 1)
		throw new RangeError(`A Morris design needs at least one trajectory; got ${trajectories}.`);
	if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0)
		throw new RangeError(
			`A Morris design needs an even number of levels, 2 or more; got ${levels}.`
		);
	const k = factors;
	const rows = k + 1;
	// Levels are handled as grid indices 0..p−1 so that every coordinate is exactly on the grid;
	// a move of Δ is p/2 grid steps.
	const half = levels / 2;
	const top = levels - 1;
	const points = new Float64Array(trajectories * rows * k);
	const order = new Int32Array(trajectories * k);
	const direction = new Int8Array(trajectories * k);
	const start = new Int32Array(k);
	const at = new Int32Array(k);
	for (let t = 0; t < trajectories; t++) {
		const rng = new Rng(seed, t, Stream.screening);
		for (let i = 0; i < k; i++) start[i] = rng.int(half);
		const dir = direction.subarray(t * k, (t + 1) * k);
		for (let i = 0; i < k; i++) dir[i] = rng.next() < 0.5 ? -1 : 1;
		const ord = order.subarray(t * k, (t + 1) * k);
		for (let i = 0; i < k; i++) ord[i] = i;
		for (let i = k - 1; i > 0; i--) {
			const j = rng.int(i + 1);
			const swap = ord[i];
			ord[i] = ord[j];
			ord[j] = swap;
		}
		for (let i = 0; i < k; i++) at[i] = dir[i] > 0 ? start[i] : start[i] + half;
		const base = t * rows * k;
		for (let i = 0; i < k; i++) points[base + i] = at[i] / top;
		for (let j = 1; j < rows; j++) {
			const f = ord[j - 1];
			at[f] = dir[f] > 0 ? start[f] + half : start[f];
			const row = base + j * k;
			for (let i = 0; i < k; i++) points[row + i] = at[i] / top;
		}
	}
	return { factors: k, trajectories, levels, delta: morrisDelta(levels), points, order, direction };
}

/** Point `index` (counting over all trajectories) of a design, as a view of its coordinates. */
export function designPoint(design: MorrisDesign, index: number): Float64Array {
	const k = design.factors;
	return design.points.subarray(index * k, (index + 1) * k);
}

/** Number of points of a design: trajectories × (factors + 1). */
export function designSize(design: MorrisDesign): number {
	return design.trajectories * (design.factors + 1);
}

/**
 * The elementary effects of one output, trajectories × factors (row t holds trajectory t's
 * effect of each factor): (output with the factor high − output with it low) / Δ, whatever
 * the direction of the move. `y` holds the output at each point of the design, in order.
 */
export function elementaryEffects(design: MorrisDesign, y: ArrayLike<number>): Float64Array {
	const k = design.factors;
	if (y.length !== designSize(design))
		throw new RangeError(`Expected ${designSize(design)} outputs; got ${y.length}.`);
	const ee = new Float64Array(design.trajectories * k);
	for (let t = 0; t < design.trajectories; t++) {
		const first = t * (k + 1);
		for (let j = 1; j <= k; j++) {
			const f = design.order[t * k + j - 1];
			const dy = y[first + j] - y[first + j - 1];
			ee[t * k + f] = (design.direction[t * k + f] * dy) / design.delta;
		}
	}
	return ee;
}

/** The Morris statistics of one factor for one output. */
export interface MorrisStats {
	/** Mean elementary effect: its sign is the direction, when the effects agree. */
	mu: number;
	/** Mean absolute elementary effect: the screening's measure of importance. */
	muStar: number;
	/** Standard deviation of the elementary effects (n − 1); NaN with one trajectory. */
	sigma: number;
	/** Standard error of μ* over the trajectories, sd(|EE|) / √r; NaN with one trajectory. */
	muStarSe: number;
}

/** μ, μ*, σ and the standard error of μ* of every factor, in factor order. */
export function morrisStatistics(design: MorrisDesign, y: ArrayLike<number>): MorrisStats[] {
	const ee = elementaryEffects(design, y);
	const k = design.factors;
	const r = design.trajectories;
	const out: MorrisStats[] = [];
	for (let f = 0; f < k; f++) {
		let sum = 0;
		let sumAbs = 0;
		for (let t = 0; t < r; t++) {
			const e = ee[t * k + f];
			sum += e;
			sumAbs += Math.abs(e);
		}
		const mu = sum / r;
		const muStar = sumAbs / r;
		let ss = 0;
		let ssAbs = 0;
		for (let t = 0; t < r; t++) {
			const e = ee[t * k + f];
			ss += (e - mu) ** 2;
			ssAbs += (Math.abs(e) - muStar) ** 2;
		}
		const sigma = r > 1 ? Math.sqrt(ss / (r - 1)) : NaN;
		const muStarSe = r > 1 ? Math.sqrt(ssAbs / (r - 1) / r) : NaN;
		out.push({ mu, muStar, sigma, muStarSe });
	}
	return out;
}

/** Factor indices ordered by μ*, largest first (ties in factor order). */
export function rankByMuStar(stats: readonly MorrisStats[]): number[] {
	return stats.map((_, i) => i).sort((a, b) => stats[b].muStar - stats[a].muStar || a - b);
}

/**
 * Screens a function of k inputs on the unit cube: the design, the function at every point,
 * then the statistics of each input. For checking the method on functions whose answer is
 * known.
 */
export function screenFunction(
	factors: number,
	f: (x: Float64Array) => number,
	options: { trajectories?: number; seed?: number; levels?: number } = {}
): MorrisStats[] {
	const design = morrisDesign(
		factors,
		options.trajectories ?? DEFAULT_TRAJECTORIES,
		options.seed ?? 0,
		options.levels ?? DEFAULT_LEVELS
	);
	const n = designSize(design);
	const y = new Float64Array(n);
	for (let i = 0; i < n; i++) y[i] = f(designPoint(design, i));
	return morrisStatistics(design, y);
}

// ---------------------------------------------------------------------------------------
// The model's factors.

/** How a factor's share of its range, 0 to 1, becomes a value. */
type FactorScale =
	/** Evenly over [min, max]. */
	| 'linear'
	/** Evenly in the logarithm: min · (max / min)^u. */
	| 'log'
	/** The quantile of a triangular distribution over [min, max] peaking at the default. */
	| 'triangular';

/** The segment fields the screening moves, in every segment at once. */
type SegmentField = 'initialTrust' | 'scepticism' | 'reachability';

/** What a factor changes. */
type FactorTarget =
	| { kind: 'parameter'; path: string }
	| { kind: 'constant'; key: ConstantKey }
	/**
	 * A field of every segment of the base scenario: `offset` adds the value to each segment's
	 * own, `multiplier` multiplies it; either is clamped to the field's range.
	 */
	| { kind: 'segment'; field: SegmentField; change: 'offset' | 'multiplier' };

export type FactorKind = FactorTarget['kind'];

export interface Factor {
	/** A parameter's path, a constant's key, or `community.segments.*.FIELD` for a segment field. */
	id: string;
	label: string;
	unit: string;
	min: number;
	max: number;
	/** The value at the base (for a triangular factor, where its distribution peaks). */
	default: number;
	scale: FactorScale;
	integer: boolean;
	target: FactorTarget;
}

/**
 * Scenario parameters that are not screened: the seed and the number of futures (how the
 * experiment is run), the horizon (fixed, so every output means the same months), the
 * reporting settings (they change how an output is read, not what happens; `reporting.*`),
 * and `community.peoplePerAgent` (how finely the community is simulated, not a feature of
 * it: at its minimum a point would cost ten times as much to run).
 */
export const UNSCREENED_PARAMS: readonly string[] = [
	'seed',
	'runs',
	'horizonMonths',
	'community.peoplePerAgent'
];

function isScreenedParam(p: ParamSpec): boolean {
	return !UNSCREENED_PARAMS.includes(p.path) && !p.path.startsWith('reporting.');
}

function paramFactor(p: ParamSpec): Factor {
	return {
		id: p.path,
		label: p.label,
		unit: p.unit,
		min: p.min,
		max: p.max,
		default: p.default,
		scale: 'linear',
		integer: p.integer,
		target: { kind: 'parameter', path: p.path }
	};
}

function constantFactor(a: AssumptionSpec): Factor {
	let scale: FactorScale;
	switch (a.shape) {
		case 'uniform':
			scale = 'linear';
			break;
		case 'log-uniform':
			scale = 'log';
			break;
		case 'triangular':
			scale = 'triangular';
			break;
		default:
			return a.shape satisfies never;
	}
	return {
		id: a.key,
		label: a.label,
		unit: a.unit,
		min: a.min,
		max: a.max,
		default: a.default,
		scale,
		integer: a.integer === true,
		target: { kind: 'constant', key: a.key }
	};
}

function segmentFactor(
	field: SegmentField,
	change: 'offset' | 'multiplier',
	min: number,
	max: number,
	what: string
): Factor {
	const spec = segmentParamSpec(field);
	return {
		id: `community.segments.*.${field}`,
		label: `${spec?.label ?? field} of every segment, ${what}`,
		unit: change === 'offset' ? (spec?.unit ?? '') : 'times',
		min,
		max,
		default: change === 'offset' ? 0 : 1,
		scale: 'linear',
		integer: false,
		target: { kind: 'segment', field, change }
	};
}

/**
 * Every factor of the model's screening: each scenario parameter over its range (except
 * UNSCREENED_PARAMS and `reporting.*`), each internal constant over its range and shape, and
 * the segments' starting trust and scepticism (each segment's own ± 0.15) and reachability
 * (each segment's own × 0.5 to × 1.5), which stand for the constants that shift every segment
 * together.
 */
export function screeningFactors(): Factor[] {
	return [
		...PARAMS.filter(isScreenedParam).map(paramFactor),
		segmentFactor('initialTrust', 'offset', -0.15, 0.15, 'added to each'),
		segmentFactor('scepticism', 'offset', -0.15, 0.15, 'added to each'),
		segmentFactor('reachability', 'multiplier', 0.5, 1.5, 'times each'),
		...ASSUMPTIONS.filter((a) => !SEGMENT_CONSTANTS.has(a.key)).map(constantFactor)
	];
}

/** Constants that move every segment together: the segment factors above screen them. */
export const SEGMENT_CONSTANTS: ReadonlySet<string> = new Set([
	'startTrustShift',
	'startScepticismShift',
	'reachabilityScale'
]);

export { triangularQuantile };

/** A factor's value at share `u` (0 to 1) of its range, on its scale, rounded if whole. */
export function factorValue(f: Factor, u: number): number {
	let shape: PlausibleRange['shape'];
	switch (f.scale) {
		case 'linear':
			shape = 'uniform';
			break;
		case 'log':
			shape = 'log-uniform';
			break;
		case 'triangular':
			shape = 'triangular';
			break;
		default:
			return f.scale satisfies never;
	}
	return rangeValue({ min: f.min, max: f.max, mode: f.default, shape }, u, f.integer);
}

function clampTo(field: SegmentField, v: number): number {
	const spec = segmentParamSpec(field);
	const lo = spec?.min ?? 0;
	const hi = spec?.max ?? 1;
	return v < lo ? lo : v > hi ? hi : v;
}

/**
 * The scenario and constants at a point of the unit cube (one coordinate per factor): the
 * base scenario (not changed) with every factor set, and the default constants with every
 * constant factor set.
 */
export function scenarioAt(
	base: Scenario,
	factors: readonly Factor[],
	x: ArrayLike<number>
): { scenario: Scenario; constants: ModelConstants } {
	const scenario = structuredClone(base);
	const constants: ModelConstants = { ...DEFAULT_CONSTANTS };
	factors.forEach((f, i) => {
		const v = factorValue(f, x[i]);
		const target = f.target;
		switch (target.kind) {
			case 'parameter':
				setParamInPlace(scenario, target.path, v);
				break;
			case 'constant':
				constants[target.key] = v;
				break;
			case 'segment':
				base.community.segments.forEach((g: Segment, k) => {
					const own = g[target.field];
					scenario.community.segments[k][target.field] = clampTo(
						target.field,
						target.change === 'offset' ? own + v : own * v
					);
				});
				break;
			default:
				target satisfies never;
		}
	});
	return { scenario, constants };
}

// ---------------------------------------------------------------------------------------
// The model's outputs and the screening itself.

/** An output screened: the mean over a point's futures of one end metric. */
export interface ScreeningOutput {
	metric: MetricKey;
	label: string;
	/** A short label for a table column. */
	short: string;
	unit: string;
}

function output(metric: MetricKey, short: string, label?: string, unit?: string): ScreeningOutput {
	const info = METRIC_INFO[metric];
	return { metric, label: label ?? info.label, short, unit: unit ?? info.unit };
}

/** The headline outputs screened by default. */
export const SCREENING_OUTPUTS: readonly ScreeningOutput[] = [
	output('finalTrust', 'Trust, final year'),
	output('meanTrust', 'Trust, horizon'),
	output('collapsed', 'P(collapse)', 'Probability of a collapse of trust', 'probability'),
	output('brokenPromises', 'Broken promises'),
	output('outcomes', 'Outcomes'),
	output('sharedDecisions', 'Shared decisions'),
	output('kpiMet', 'KPI reviews met')
];

export interface ScreeningOptions {
	/** Trajectories, 2 or more (default 10). */
	trajectories?: number;
	/** Futures simulated at each point, 1 or more (default 20). */
	runs?: number;
	/** Grid levels, even, 2 or more (default 4). */
	levels?: number;
	/** The factors (default: screeningFactors()). */
	factors?: readonly Factor[];
	/** The outputs (default: SCREENING_OUTPUTS). */
	outputs?: readonly ScreeningOutput[];
}

/** One factor's statistics for one output. */
export interface FactorEffect extends MorrisStats {
	/** Index into the result's factors. */
	factor: number;
}

export interface OutputScreening {
	output: ScreeningOutput;
	/** Every factor's statistics, ordered by μ*, largest first. */
	ranked: FactorEffect[];
	/** The output over all points of the design: how far the factors move it at all. */
	min: number;
	mean: number;
	max: number;
}

export interface ScreeningResult {
	factors: readonly Factor[];
	outputs: OutputScreening[];
	/** The seed of the design and of every point's futures (the base scenario's). */
	seed: number;
	trajectories: number;
	levels: number;
	delta: number;
	/** Futures a point. */
	runs: number;
	/** Points simulated: trajectories × (factors + 1). */
	points: number;
	horizonMonths: number;
}

export type ScreeningError = { ok: false; error: string };

/**
 * Screens the model around a (valid) base scenario: a Morris design over the factors on the
 * scenario's seed, each point simulated for `runs` futures on that seed, and each output's
 * μ*, μ and σ per factor. `onProgress(done, total)` is called after each point, in futures
 * simulated. Options out of range are returned as an error.
 */
export function screenModel(
	base: Scenario,
	options: ScreeningOptions = {},
	onProgress?: (done: number, total: number) => void
): { ok: true; value: ScreeningResult } | ScreeningError {
	const trajectories = options.trajectories ?? DEFAULT_TRAJECTORIES;
	const runs = options.runs ?? DEFAULT_SCREENING_RUNS;
	const levels = options.levels ?? DEFAULT_LEVELS;
	const factors = options.factors ?? screeningFactors();
	const outputs = options.outputs ?? SCREENING_OUTPUTS;
	if (!Number.isInteger(trajectories) || trajectories < 2)
		return { ok: false, error: `The screening needs 2 or more trajectories; got ${trajectories}.` };
	if (!Number.isInteger(runs) || runs < 1)
		return { ok: false, error: `The screening needs 1 or more runs a point; got ${runs}.` };
	if (!Number.isInteger(levels) || levels < 2 || levels % 2 !== 0)
		return { ok: false, error: `The screening needs an even number of levels; got ${levels}.` };
	if (factors.length === 0) return { ok: false, error: 'The screening needs a factor.' };
	if (outputs.length === 0) return { ok: false, error: 'The screening needs an output.' };

	const design = morrisDesign(factors.length, trajectories, base.seed, levels);
	const n = designSize(design);
	const nOut = outputs.length;
	const metricAt = outputs.map((o) => MetricIndex[o.metric]);
	// y[o * n + i]: output o's mean over the futures of point i.
	const y = new Float64Array(nOut * n);
	const sums = new Float64Array(nOut);
	const total = n * runs;
	for (let i = 0; i < n; i++) {
		const { scenario, constants } = scenarioAt(base, factors, designPoint(design, i));
		const ctx = createRunContext(scenario, constants);
		sums.fill(0);
		for (let r = 0; r < runs; r++) {
			simulateRun(ctx, r);
			for (let o = 0; o < nOut; o++) sums[o] += ctx.metrics[metricAt[o]];
		}
		for (let o = 0; o < nOut; o++) y[o * n + i] = sums[o] / runs;
		onProgress?.((i + 1) * runs, total);
	}

	const results: OutputScreening[] = outputs.map((out, o) => {
		const yo = y.subarray(o * n, (o + 1) * n);
		const stats = morrisStatistics(design, yo);
		let min = Infinity;
		let max = -Infinity;
		let sum = 0;
		for (const v of yo) {
			if (v < min) min = v;
			if (v > max) max = v;
			sum += v;
		}
		return {
			output: out,
			ranked: rankByMuStar(stats).map((f) => ({ factor: f, ...stats[f] })),
			min,
			mean: sum / n,
			max
		};
	});
	return {
		ok: true,
		value: {
			factors,
			outputs: results,
			seed: base.seed,
			trajectories,
			levels,
			delta: design.delta,
			runs,
			points: n,
			horizonMonths: base.horizonMonths
		}
	};
}
