/**
 * One-at-a-time sensitivity (a tornado chart): each lever moved to the low and the high end
 * of its documented range, the others left at the baseline, and how far a chosen measure
 * moves. All scenarios share the baseline's seed and number of futures, so the differences
 * are the levers' effects, not noise.
 */
import {
	getParam,
	PARAMS,
	setParam,
	type ParamGroup,
	type ParamSpec,
	type Scenario,
	type Summary
} from '$lib/sim';

/** Groups of levers a contract or a provider can set. */
export const LEVER_GROUPS: readonly ParamGroup[] = [
	'Contract',
	'KPIs',
	'Power sharing',
	'Provider',
	'Partners',
	'Oversight'
];
/** Groups of the model's assumptions about people and the world. */
export const ASSUMPTION_GROUPS: readonly ParamGroup[] = ['Trust', 'Events', 'Outcomes'];

/** The parameters of some groups, in registry order. */
export function paramsIn(groups: readonly ParamGroup[]): ParamSpec[] {
	return PARAMS.filter((p) => groups.includes(p.group));
}

type Side = 'base' | 'low' | 'high';

interface SensitivityJob {
	/** Index into `levers`, or -1 for the baseline. */
	lever: number;
	side: Side;
	scenario: Scenario;
}

interface SensitivityLever {
	spec: ParamSpec;
	base: number;
	low: number;
	high: number;
}

export interface SensitivityDesign {
	levers: SensitivityLever[];
	/** The baseline first, then low and high for each lever (a side equal to the baseline is not run again). */
	jobs: SensitivityJob[];
}

export function sensitivityDesign(base: Scenario, specs: readonly ParamSpec[]): SensitivityDesign {
	const levers: SensitivityLever[] = specs.map((spec) => ({
		spec,
		base: getParam(base, spec.path),
		low: spec.min,
		high: spec.max
	}));
	const jobs: SensitivityJob[] = [{ lever: -1, side: 'base', scenario: base }];
	levers.forEach((l, k) => {
		if (l.low !== l.base)
			jobs.push({ lever: k, side: 'low', scenario: setParam(base, l.spec.path, l.low) });
		if (l.high !== l.base)
			jobs.push({ lever: k, side: 'high', scenario: setParam(base, l.spec.path, l.high) });
	});
	return { levers, jobs };
}

/** A number read from a summary, e.g. median trust in the final year. */
export interface Measure {
	key: MeasureKey;
	label: string;
	/** 'share' and 'probability' are 0 to 1; 'people' is a count. */
	kind: 'share' | 'probability' | 'people';
	read: (s: Summary) => number;
}

export type MeasureKey =
	| 'medianFinalTrust'
	| 'medianMeanTrust'
	| 'pCodesigning'
	| 'pAboveThreshold'
	| 'pCollapse'
	| 'medianOutcomes'
	| 'medianKpiMet'
	| 'medianTookPart'
	| 'medianSharedDecisions';

export const MEASURES: readonly Measure[] = [
	{
		key: 'medianFinalTrust',
		label: 'Median trust in the final year',
		kind: 'share',
		read: (s) => s.metrics.finalTrust.p50 ?? NaN
	},
	{
		key: 'medianMeanTrust',
		label: 'Median trust over the whole horizon',
		kind: 'share',
		read: (s) => s.metrics.meanTrust.p50 ?? NaN
	},
	{
		key: 'pCodesigning',
		label: 'Chance the community is co-designing in the final year',
		kind: 'probability',
		read: (s) => s.probabilities.reachesCodesigning.p
	},
	{
		key: 'pAboveThreshold',
		label: 'Chance trust in the final year is at or above the threshold',
		kind: 'probability',
		read: (s) => s.probabilities.trustAboveThreshold.p
	},
	{
		key: 'pCollapse',
		label: 'Chance trust collapses (falls fast at some point)',
		kind: 'probability',
		read: (s) => s.probabilities.collapse.p
	},
	{
		key: 'medianOutcomes',
		label: 'Median health outcomes (people)',
		kind: 'people',
		read: (s) => s.metrics.outcomes.p50 ?? NaN
	},
	{
		key: 'medianKpiMet',
		label: 'Median share of KPI reviews met',
		kind: 'share',
		read: (s) => s.metrics.kpiMet.p50 ?? NaN
	},
	{
		key: 'medianTookPart',
		label: 'Median share who took part in a consultation, final year',
		kind: 'share',
		read: (s) => s.metrics.tookPart.p50 ?? NaN
	},
	{
		key: 'medianSharedDecisions',
		label: 'Median share who shared decisions, final year',
		kind: 'share',
		read: (s) => s.metrics.sharedDecisions.p50 ?? NaN
	}
];

/**
 * The measure the tornado shows unless another is chosen: median trust in the final year.
 * It is the trust a contract design leaves the community with when the next decision is
 * taken, and it shows a lever's effect undiluted by the early months, when trust is still
 * near where it started whatever the design (trust over the whole horizon moves about half
 * as far for the same lever).
 */
export const DEFAULT_MEASURE: MeasureKey = 'medianFinalTrust';

export function measureByKey(key: MeasureKey): Measure {
	const m = MEASURES.find((x) => x.key === key);
	if (!m) throw new Error(`Unknown measure ${key}`);
	return m;
}

export interface TornadoBar {
	spec: ParamSpec;
	base: number;
	low: number;
	high: number;
	/** The measure with the lever at its low and high end. */
	atLow: number;
	atHigh: number;
	/** The widest distance from the baseline measure either way. */
	swing: number;
}

/**
 * Bars of the tornado from the measured values, sorted by swing (largest first; ties keep
 * registry order). `values[k]` is the measure of job k of the design (undefined: not run yet).
 */
export function tornado(
	design: SensitivityDesign,
	values: readonly (number | undefined)[]
): { baseline: number; bars: TornadoBar[] } | null {
	const baseline = values[0];
	if (baseline === undefined) return null;
	const at = (lever: number, side: Side): number | undefined => {
		const k = design.jobs.findIndex((j) => j.lever === lever && j.side === side);
		return k < 0 ? baseline : values[k];
	};
	const bars: TornadoBar[] = [];
	design.levers.forEach((l, k) => {
		const atLow = at(k, 'low');
		const atHigh = at(k, 'high');
		if (atLow === undefined || atHigh === undefined) return;
		const swing = Math.max(Math.abs(atLow - baseline), Math.abs(atHigh - baseline));
		bars.push({ spec: l.spec, base: l.base, low: l.low, high: l.high, atLow, atHigh, swing });
	});
	const order = new Map(design.levers.map((l, k) => [l.spec.path, k]));
	bars.sort(
		(a, b) => b.swing - a.swing || (order.get(a.spec.path) ?? 0) - (order.get(b.spec.path) ?? 0)
	);
	return { baseline, bars };
}
