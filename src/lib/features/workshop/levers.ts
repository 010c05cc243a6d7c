/**
 * The quick levers on the presenter screen: the four settings a room most often asks
 * "what if?" about. Their labels, units and ranges come from the parameter registry.
 */
import { getParam, paramSpec, setParam, type ParamSpec, type Scenario } from '$lib/sim';

const LEVER_PATHS = [
	'contract.lengthMonths',
	'kpi.rigidity',
	'power.sharing',
	'partners.count'
] as const;
export type LeverPath = (typeof LEVER_PATHS)[number];

/** The registry entries of the levers (all of them exist in the registry). */
export function leverSpecs(): ParamSpec[] {
	return LEVER_PATHS.map((path) => {
		const spec = paramSpec(path);
		if (!spec) throw new Error(`The parameter registry has no "${path}".`);
		return spec;
	});
}

/** Values a trainer has changed for the current step, by path. */
export type LeverValues = Partial<Record<LeverPath, number>>;

/** A lever value snapped to the registry's step and range. */
export function snapLever(spec: ParamSpec, value: number): number {
	const v = Math.min(spec.max, Math.max(spec.min, value));
	if (spec.integer) return Math.round(v);
	const steps = Math.round((v - spec.min) / spec.step);
	return Number((spec.min + steps * spec.step).toFixed(6));
}

/** The scenario with the trainer's lever values applied. */
export function withLevers(s: Scenario, values: LeverValues): Scenario {
	let out = s;
	for (const path of LEVER_PATHS) {
		const v = values[path];
		if (v !== undefined) {
			const spec = paramSpec(path);
			out = setParam(out, path, spec ? snapLever(spec, v) : v);
		}
	}
	return out;
}

/** The levers that differ from the scenario as written. */
export function changedLevers(s: Scenario, values: LeverValues): LeverPath[] {
	return LEVER_PATHS.filter((p) => values[p] !== undefined && values[p] !== getParam(s, p));
}

/** A lever's value in words, e.g. "36 months (3 years)", "0.80", "4 organisations". */
export function leverText(spec: ParamSpec, value: number): string {
	if (spec.path === 'contract.lengthMonths') {
		const years = value % 12 === 0 ? ` (${value / 12} year${value === 12 ? '' : 's'})` : '';
		return `${value} months${years}`;
	}
	if (spec.integer) {
		const unit = value === 1 ? spec.unit.replace(/s$/, '') : spec.unit;
		return `${value} ${unit}`.trim();
	}
	return value.toFixed(2);
}
