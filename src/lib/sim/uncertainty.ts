/**
 * Each future's assumptions in the uncertain mode: a Latin hypercube over a scenario's
 * futures. For assumption j, the futures 0 … N−1 fall one each into the N equal-probability
 * strata of its range, in an order shuffled by a pseudo-random permutation of (seed, j), at
 * a random point inside the stratum drawn from the future's own stream. Every quantity
 * depends on (seed, number of futures, future, assumption) only, so:
 * - a future's assumptions are the same whichever worker or chunk runs it;
 * - future i of two scenarios with the same seed and number of futures draws the same
 *   assumptions (paired comparison keeps working), whatever their pins;
 * - an analysis can recompute any future's assumptions without the run.
 */
import { DEFAULT_CONSTANTS, type ModelConstants } from './assumptions';
import {
	plausibleRange,
	rangeValue,
	UNCERTAIN_FACTORS,
	uncertainFactor,
	type PlausibleRange,
	type UncertainFactor
} from './assumption-factors';
import { mix32, Rng, Stream } from './rng';
import { getParam, setParamInPlace, type AssumptionSettings, type Scenario } from './scenario';

/**
 * The scenario with these assumption settings; without the field when they say nothing
 * (fixed, nothing pinned or narrowed), so such a scenario's hash, file and link stay as they
 * were before assumptions had settings.
 */
export function withAssumptions(s: Scenario, settings: AssumptionSettings): Scenario {
	const next: Scenario = { ...s };
	const pins = settings.pins && Object.keys(settings.pins).length ? settings.pins : undefined;
	const ranges =
		settings.ranges && Object.keys(settings.ranges).length ? settings.ranges : undefined;
	if (settings.mode === 'fixed' && !pins && !ranges) {
		delete next.assumptions;
		return next;
	}
	next.assumptions = {
		mode: settings.mode,
		...(pins ? { pins } : {}),
		...(ranges ? { ranges } : {})
	};
	return next;
}

/** The scenario in another assumption mode, its pins and narrowed ranges kept. */
export function withAssumptionMode(s: Scenario, mode: AssumptionSettings['mode']): Scenario {
	return withAssumptions(s, { ...(s.assumptions ?? { mode: 'fixed' }), mode });
}

/**
 * A pseudo-random permutation of [0, n), evaluated at one point: a four-round balanced
 * Feistel network on the smallest even number of bits that covers n, walked until it lands
 * inside [0, n) (cycle walking keeps it a bijection on [0, n)).
 */
export function permute(i: number, n: number, key: number): number {
	if (n <= 1) return 0;
	let bits = Math.max(2, Math.ceil(Math.log2(n)));
	if (bits % 2) bits++;
	const half = bits / 2;
	const mask = (1 << half) - 1;
	let x = i;
	do {
		let left = x >>> half;
		let right = x & mask;
		for (let round = 0; round < 4; round++) {
			const f = mix32(right ^ mix32(key + Math.imul(round + 1, 0x9e3779b9))) & mask;
			const next = left ^ f;
			left = right;
			right = next;
		}
		x = (left << half) | right;
	} while (x >= n);
	return x;
}

/**
 * The quantile (0 to 1) of every uncertain assumption in future `run` of `runs`, in the order
 * of UNCERTAIN_FACTORS. `out` is filled and returned.
 */
export function futureQuantiles(
	seed: number,
	runs: number,
	run: number,
	out = new Float64Array(UNCERTAIN_FACTORS.length)
): Float64Array {
	const rng = new Rng(seed, run, Stream.assumptions);
	const base = mix32((seed >>> 0) ^ 0x5bd1e995);
	for (let j = 0; j < out.length; j++) {
		const stratum = permute(run, runs, mix32(base ^ Math.imul(j + 1, 0x27d4eb2f)));
		out[j] = (stratum + rng.next()) / runs;
	}
	return out;
}

/** The plausible range of every assumption in this scenario (narrowed where it says so). */
export function scenarioRanges(s: Scenario): PlausibleRange[] {
	const narrowed = s.assumptions?.ranges ?? {};
	return UNCERTAIN_FACTORS.map((f) => {
		const r = plausibleRange(f, baseValue(s, f));
		const n = narrowed[f.id];
		if (!n) return r;
		const min = n[0];
		const max = n[1];
		const shape = r.shape === 'log-uniform' && !(min > 0) ? 'uniform' : r.shape;
		return { min, max, mode: Math.min(max, Math.max(min, r.mode)), shape };
	});
}

/** An assumption's value in fixed mode: the scenario's, or the constant's default. */
function baseValue(s: Scenario, f: UncertainFactor): number {
	return f.kind === 'parameter' ? getParam(s, f.id) : DEFAULT_CONSTANTS[f.key];
}

/** Whether the scenario draws its assumptions future by future. */
export function isUncertain(s: Scenario): boolean {
	return s.assumptions?.mode === 'uncertain';
}

/** Whether a scenario's futures all use the model's defaults and its own values unchanged. */
export function usesPlainAssumptions(s: Scenario): boolean {
	return !isUncertain(s) && Object.keys(s.assumptions?.pins ?? {}).length === 0;
}

/** The ladder's trust thresholds, lowest rung first: they must stay in this order. */
const LADDER = ['climbConsulted', 'climbEngaged', 'climbCoDesigning', 'climbCoProducing'].map(
	(key) => UNCERTAIN_FACTORS.findIndex((f) => f.id === `model.${key}`)
);

/**
 * Puts the drawn ladder thresholds in order (drawn independently they would often not be:
 * joining in would take less trust than being consulted). The four ranges rise rung by rung,
 * so the k-th smallest of the four draws always lies in the k-th rung's range.
 */
function orderLadder(values: Float64Array): void {
	if (LADDER.some((j) => j < 0)) return;
	const sorted = LADDER.map((j) => values[j]).sort((a, b) => a - b);
	LADDER.forEach((j, k) => (values[j] = sorted[k]));
}

/** What one future runs with: the scenario with its parameters set, and the constants. */
export interface FutureAssumptions {
	scenario: Scenario;
	constants: ModelConstants;
}

/**
 * Draws the assumptions of a scenario's futures. Build once per scenario (per chunk); `at`
 * then gives future `run`'s scenario and constants. Pins hold their value in every future;
 * in fixed mode nothing else moves.
 */
export class AssumptionDraws {
	readonly #s: Scenario;
	readonly #ranges: PlausibleRange[];
	readonly #pins: [number, number][];
	readonly #u = new Float64Array(UNCERTAIN_FACTORS.length);

	constructor(s: Scenario) {
		this.#s = s;
		this.#ranges = scenarioRanges(s);
		this.#pins = Object.entries(s.assumptions?.pins ?? {}).map(([id, v]) => [
			UNCERTAIN_FACTORS.indexOf(uncertainFactor(id) as UncertainFactor),
			v
		]);
	}

	/** The values of every assumption in future `run`, in the order of UNCERTAIN_FACTORS. */
	values(run: number, out = new Float64Array(UNCERTAIN_FACTORS.length)): Float64Array {
		const s = this.#s;
		if (isUncertain(s)) {
			futureQuantiles(s.seed, s.runs, run, this.#u);
			for (let j = 0; j < out.length; j++)
				out[j] = rangeValue(this.#ranges[j], this.#u[j], UNCERTAIN_FACTORS[j].integer);
			orderLadder(out);
		} else for (let j = 0; j < out.length; j++) out[j] = baseValue(s, UNCERTAIN_FACTORS[j]);
		for (const [j, v] of this.#pins) out[j] = v;
		return out;
	}

	/** Future `run`'s scenario (a copy) and constants. */
	at(run: number): FutureAssumptions {
		const values = this.values(run);
		const scenario = structuredClone(this.#s);
		const constants: ModelConstants = { ...DEFAULT_CONSTANTS };
		for (let j = 0; j < values.length; j++) {
			const f = UNCERTAIN_FACTORS[j];
			if (f.kind === 'parameter') setParamInPlace(scenario, f.id, values[j]);
			else constants[f.key] = values[j];
		}
		return { scenario, constants };
	}
}
