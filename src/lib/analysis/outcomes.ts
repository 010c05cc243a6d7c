/**
 * The outcomes a comparison reports per future, each with the direction that counts as
 * better. They read the per-run end metrics of a summary, which are kept in run order, so
 * two summaries run on the same seed can be paired future by future.
 */
import { NEVER, paramSpec, Rung, type Summary } from '$lib/sim';

/** Collapse as the model counts it by default, e.g. "15% within 6 months". */
export const DEFAULT_COLLAPSE_WORDS = `${Math.round((paramSpec('reporting.collapseDrop')?.default ?? NaN) * 100)}% within ${paramSpec('reporting.collapseWindowMonths')?.default ?? NaN} months`;

export type OutcomeKey =
	| 'finalTrust'
	| 'meanTrust'
	| 'reachesCodesigning'
	| 'kpiMet'
	| 'outcomes'
	| 'trustAboveThreshold'
	| 'collapse'
	| 'monthsToTrust';

export interface OutcomeInfo {
	key: OutcomeKey;
	label: string;
	/** How a difference is shown. */
	kind: 'share' | 'yes/no' | 'people' | 'months';
	/** +1: more is better; -1: less is better. */
	direction: 1 | -1;
	help: string;
}

export const OUTCOMES: readonly OutcomeInfo[] = [
	{
		key: 'finalTrust',
		label: 'Trust in the final year',
		kind: 'share',
		direction: 1,
		help: 'Mean trust over the last 12 months of the horizon, 0 to 1.'
	},
	{
		key: 'meanTrust',
		label: 'Trust over the whole horizon',
		kind: 'share',
		direction: 1,
		help: 'Mean trust over every month of the horizon, 0 to 1.'
	},
	{
		key: 'reachesCodesigning',
		label: 'Co-designing in the final year',
		kind: 'yes/no',
		direction: 1,
		help: 'Whether the community stands on the co-designing rung or higher, on average over the last 12 months.'
	},
	{
		key: 'kpiMet',
		label: 'KPI reviews met',
		kind: 'share',
		direction: 1,
		help: 'Share of KPI reviews at which the target was met.'
	},
	{
		key: 'outcomes',
		label: 'Health outcomes',
		kind: 'people',
		direction: 1,
		help: 'People with sustained behaviour change by the horizon.'
	},
	{
		key: 'trustAboveThreshold',
		label: 'Trust at or above the threshold in the final year',
		kind: 'yes/no',
		direction: 1,
		help: 'Whether trust in the final year is at or above the trust threshold.'
	},
	{
		key: 'collapse',
		label: 'Trust collapses',
		kind: 'yes/no',
		direction: -1,
		help: `Whether trust ever fell by the collapse share within the collapse window, by default ${DEFAULT_COLLAPSE_WORDS} (fewer is better).`
	},
	{
		key: 'monthsToTrust',
		label: 'Months to trust',
		kind: 'months',
		direction: -1,
		help: 'First month trust reaches the threshold; never counts as later than any month (sooner is better).'
	}
];

/** The four outcomes every pair of scenarios is compared on. */
export const PAIRED_OUTCOMES: readonly OutcomeKey[] = [
	'finalTrust',
	'reachesCodesigning',
	'kpiMet',
	'outcomes'
];

export function outcomeInfo(key: OutcomeKey): OutcomeInfo {
	const info = OUTCOMES.find((o) => o.key === key);
	if (!info) throw new Error(`Unknown outcome ${key}`);
	return info;
}

/**
 * The value of an outcome in each future, in run order. Yes/no outcomes are 1 or 0;
 * a future that never reaches trust has Infinity months to trust.
 */
export function perRunOutcome(summary: Summary, key: OutcomeKey): number[] {
	const r = summary.perRun;
	switch (key) {
		case 'finalTrust':
			return r.finalTrust.slice();
		case 'meanTrust':
			return r.meanTrust.slice();
		case 'reachesCodesigning':
			return r.rung.map((v) => (v >= Rung.coDesigning ? 1 : 0));
		case 'kpiMet':
			return r.kpiMet.slice();
		case 'outcomes':
			return r.outcomes.slice();
		case 'trustAboveThreshold':
			return r.finalTrust.map((v) => (v >= summary.threshold ? 1 : 0));
		case 'collapse':
			return r.collapsed.map((v) => (v === 1 ? 1 : 0));
		case 'monthsToTrust':
			return r.monthsToTrust.map((v) => (v === NEVER ? Infinity : v));
		default:
			return key satisfies never;
	}
}
