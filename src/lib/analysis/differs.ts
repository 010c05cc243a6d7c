/**
 * What differs between scenarios: every registry parameter whose value is not the same in
 * all of them, with its label and unit, and whether the communities differ.
 */
import { canonicalJson, getParam, PARAMS, type ParamSpec, type Scenario } from '$lib/sim';

interface ParamDifference {
	spec: ParamSpec;
	/** The value in each scenario, in order. */
	values: number[];
}

export interface Differences {
	params: ParamDifference[];
	/** Whether the community segments (people, starting trust, scepticism…) differ. */
	segmentsDiffer: boolean;
}

/**
 * The parameters that differ. `ignore` lists paths left out (a comparison runs every
 * scenario on one seed and one number of runs, so those are not differences of design).
 */
export function whatDiffers(
	scenarios: readonly Scenario[],
	ignore: readonly string[] = ['seed', 'runs']
): Differences {
	const params: ParamDifference[] = [];
	for (const spec of PARAMS) {
		if (ignore.includes(spec.path)) continue;
		const values = scenarios.map((s) => getParam(s, spec.path));
		if (values.some((v) => v !== values[0])) params.push({ spec, values });
	}
	const segments = scenarios.map((s) => canonicalJson(s.community.segments));
	return { params, segmentsDiffer: segments.some((g) => g !== segments[0]) };
}

const SINGULAR: Record<string, string> = {
	months: 'month',
	runs: 'run',
	organisations: 'organisation',
	times: 'time',
	people: 'person'
};

/** A parameter value as text with its unit, e.g. "36 months", "0.2", "£". */
export function formatParam(spec: ParamSpec, value: number): string {
	const digits = spec.integer ? 0 : Math.max(0, Math.ceil(-Math.log10(spec.step) - 1e-9));
	const text = value.toLocaleString('en-GB', {
		minimumFractionDigits: 0,
		maximumFractionDigits: digits
	});
	let unit = spec.unit && spec.unit !== '0 to 1' && spec.unit !== 'share' ? spec.unit : '';
	// "1 month", "1 organisation": singular for exactly one of a plural unit.
	if (value === 1 && SINGULAR[unit]) unit = SINGULAR[unit];
	return unit ? `${text} ${unit}` : text;
}
