/**
 * The uncertain assumptions: every scenario parameter that describes the world rather than the
 * design (params.ts, PARAM_UNCERTAINTY) and every internal constant (assumptions.ts), in one
 * fixed order. Each has an id (a parameter's path, or `model.<constant>`), hard limits for a
 * pin or a narrowed range, and a plausible range with a shape. The order never depends on a
 * scenario, so future i of two scenarios draws the same assumptions.
 */
import { ASSUMPTIONS, type AssumptionSpec, type ConstantKey } from './assumptions';
import { PARAM_UNCERTAINTY, PARAMS, type ParamSpec, type ParamUncertainty } from './params';

type SpreadShape = 'uniform' | 'triangular' | 'log-uniform';

/** An uncertain assumption. */
export type UncertainFactor =
	| {
			kind: 'parameter';
			/** The parameter's path. */
			id: string;
			label: string;
			unit: string;
			/** Hard limits: the parameter's range. */
			min: number;
			max: number;
			integer: boolean;
			spec: ParamSpec;
			spread: ParamUncertainty;
	  }
	| {
			kind: 'constant';
			/** `model.<key>`. */
			id: string;
			key: ConstantKey;
			label: string;
			unit: string;
			min: number;
			max: number;
			integer: boolean;
			spec: AssumptionSpec;
	  };

/** The prefix of an internal constant's id. */
const CONSTANT_PREFIX = 'model.';

/** Every uncertain assumption, parameters first (registry order), then the constants. */
export const UNCERTAIN_FACTORS: readonly UncertainFactor[] = /*#__PURE__*/ buildFactors();

function buildFactors(): UncertainFactor[] {
	const out: UncertainFactor[] = [];
	for (const spec of PARAMS) {
		const spread = PARAM_UNCERTAINTY[spec.path];
		if (!spread) continue;
		out.push({
			kind: 'parameter',
			id: spec.path,
			label: spec.label,
			unit: spec.unit,
			min: spec.min,
			max: spec.max,
			integer: spec.integer,
			spec,
			spread
		});
	}
	const paramLabels = new Set(out.map((f) => f.label));
	for (const spec of ASSUMPTIONS)
		out.push({
			kind: 'constant',
			id: CONSTANT_PREFIX + spec.key,
			key: spec.key,
			// "Bad press" is both how often (a parameter) and how hard it hits (a constant).
			label: paramLabels.has(spec.label) ? `${spec.label}: how hard it hits` : spec.label,
			unit: spec.unit,
			min: spec.min,
			max: spec.max,
			integer: spec.integer === true,
			spec
		});
	return out;
}

const byId = /*#__PURE__*/ new Map(UNCERTAIN_FACTORS.map((f, i) => [f.id, i] as const));

/** An uncertain assumption by id, or undefined. */
export function uncertainFactor(id: string): UncertainFactor | undefined {
	const i = byId.get(id);
	return i === undefined ? undefined : UNCERTAIN_FACTORS[i];
}

/** Where an assumption's values are drawn from in one scenario. */
export interface PlausibleRange {
	min: number;
	max: number;
	/** The best guess: the scenario's value or the constant's default (a triangle peaks here). */
	mode: number;
	shape: SpreadShape;
}

const clamp = (x: number, lo: number, hi: number) => (x < lo ? lo : x > hi ? hi : x);

/**
 * The plausible range of an assumption: a constant's own; a parameter's spread around
 * `value` (the scenario's value), held within the parameter's limits. A log-uniform range
 * that would start at zero or below is drawn evenly instead.
 */
export function plausibleRange(f: UncertainFactor, value: number): PlausibleRange {
	if (f.kind === 'constant') {
		const { min, max, default: mode, shape } = f.spec;
		return { min, max, mode, shape: drawnShape(shape, min, mode, max) };
	}
	const s = f.spread;
	const lo = clamp(s.change === 'plus' ? value + s.low : value * s.low, f.min, f.max);
	const hi = clamp(s.change === 'plus' ? value + s.high : value * s.high, f.min, f.max);
	const shape = s.shape === 'log-uniform' && !(lo > 0) ? 'uniform' : s.shape;
	return { min: lo, max: hi, mode: clamp(value, lo, hi), shape };
}

/**
 * How a constant is drawn. A range documented as uniform whose default is not its middle (most
 * are "half to double the default") would, drawn evenly, centre the futures away from the best
 * guess: such a range is drawn evenly on a log scale when the default is its geometric middle
 * (within 10%), and otherwise triangular, peaking at the default.
 */
function drawnShape(shape: SpreadShape, min: number, mode: number, max: number): SpreadShape {
	if (shape !== 'uniform' || Math.abs(mode - (min + max) / 2) <= 1e-9 * Math.max(1, max))
		return shape;
	const geometric = min > 0 ? Math.sqrt(min * max) / mode : 0;
	return geometric > 0.9 && geometric < 1.1 ? 'log-uniform' : 'triangular';
}

/** The quantile u of a triangular distribution over [a, b] with its peak at c. */
export function triangularQuantile(a: number, c: number, b: number, u: number): number {
	if (!(b > a)) return a;
	const share = (c - a) / (b - a);
	return u < share
		? a + Math.sqrt(u * (b - a) * (c - a))
		: b - Math.sqrt((1 - u) * (b - a) * (b - c));
}

/** The value at quantile u (0 to 1) of a plausible range, rounded for a whole-number assumption. */
export function rangeValue(r: PlausibleRange, u: number, integer: boolean): number {
	let v: number;
	switch (r.shape) {
		case 'uniform':
			v = r.min + u * (r.max - r.min);
			break;
		case 'log-uniform':
			v = r.min * Math.pow(r.max / r.min, u);
			break;
		case 'triangular':
			v = triangularQuantile(r.min, r.mode, r.max, u);
			break;
		default:
			return r.shape satisfies never;
	}
	if (integer) v = Math.round(v);
	return clamp(v, r.min, r.max);
}
