/**
 * The public names of what a simulation reports: monthly series and per-run end metrics.
 * Files, links and charts depend on these names; add to the end, never reorder.
 */

export const SERIES = [
	'trust',
	'integrity',
	'intent',
	'competence',
	'results',
	'scepticism',
	'engaged',
	'coproducing',
	'brokenPromises',
	'kpiAttainment',
	'outcomes',
	'tookPart',
	'sharedDecisions',
	'heard'
] as const;
export type SeriesKey = (typeof SERIES)[number];
export const SERIES_COUNT = SERIES.length;
export const SeriesIndex = Object.fromEntries(SERIES.map((k, i) => [k, i])) as Record<
	SeriesKey,
	number
>;

/** A series is a share or score in [0, 1], or a count of people. */
type SeriesKind = 'unit' | 'people';

export interface SeriesInfo {
	label: string;
	kind: SeriesKind;
	help: string;
}

export const SERIES_INFO: Record<SeriesKey, SeriesInfo> = {
	trust: {
		label: 'Trust',
		kind: 'unit',
		help: 'Overall trust in the provider: the four components combined as a weakest link (a weighted harmonic mean).'
	},
	integrity: {
		label: 'Integrity',
		kind: 'unit',
		help: 'Trust that the provider does what it says.'
	},
	intent: {
		label: 'Intent',
		kind: 'unit',
		help: 'Trust that the provider means well by the community.'
	},
	competence: {
		label: 'Competence',
		kind: 'unit',
		help: 'Trust that the provider knows how to do it.'
	},
	results: { label: 'Results', kind: 'unit', help: 'Trust in what the provider has delivered.' },
	scepticism: {
		label: 'Scepticism',
		kind: 'unit',
		help: 'Scepticism of "the system", which outlasts any one provider.'
	},
	engaged: {
		label: 'Engaged or higher',
		kind: 'unit',
		help: 'Share of the community engaged, co-designing or co-producing.'
	},
	coproducing: {
		label: 'Co-producing',
		kind: 'unit',
		help: 'Share of the community co-producing.'
	},
	brokenPromises: {
		label: 'Broken promises',
		kind: 'people',
		help: 'People whose contribution was left without action past their patience, or lost at a change of provider (cumulative).'
	},
	kpiAttainment: {
		label: 'KPI attainment',
		kind: 'unit',
		help: "Monthly attainment against the contract's KPIs."
	},
	outcomes: {
		label: 'Health outcomes',
		kind: 'people',
		help: 'People with sustained behaviour change (cumulative).'
	},
	tookPart: {
		label: 'Took part in a consultation',
		kind: 'unit',
		help: 'Share of the community who gave their view at least once in the last 12 months.'
	},
	sharedDecisions: {
		label: 'Shared decisions',
		kind: 'unit',
		help: 'Share of the community who co-designed or co-produced at some time in the last 12 months.'
	},
	heard: {
		label: 'Saw their view acted on',
		kind: 'unit',
		help: 'Share of the community who had a contribution of their own acted on in the last 12 months.'
	}
};

export const METRICS = [
	'finalTrust',
	'minTrust',
	'monthsToTrust',
	'rung',
	'kpiMet',
	'brokenPromises',
	'providerChanges',
	'outcomes',
	'collapsed',
	'meanTrust',
	'tookPart',
	'sharedDecisions',
	'heard',
	'monthsAbove'
] as const;
export type MetricKey = (typeof METRICS)[number];
export const MetricIndex = Object.fromEntries(METRICS.map((k, i) => [k, i])) as Record<
	MetricKey,
	number
>;

export const METRIC_INFO: Record<MetricKey, { label: string; unit: string; help: string }> = {
	finalTrust: {
		label: 'Trust in the final year',
		unit: '0 to 1',
		help: 'Mean trust over the last 12 months of the horizon.'
	},
	minTrust: {
		label: 'Lowest trust',
		unit: '0 to 1',
		help: 'The lowest monthly trust over the horizon.'
	},
	monthsToTrust: {
		label: 'Months to trust',
		unit: 'months',
		help: 'First month trust reaches the threshold; futures that never do are counted as "never".'
	},
	rung: {
		label: 'Community rung in the final year',
		unit: 'rung',
		help: 'Highest rung held by the set share of the community, on average over the last 12 months (0 unaware to 5 co-producing).'
	},
	kpiMet: {
		label: 'KPI reviews met',
		unit: 'share',
		help: 'Share of KPI reviews at which the target was met.'
	},
	brokenPromises: {
		label: 'Broken promises',
		unit: 'people',
		help: 'People whose contribution was left without action, over the horizon.'
	},
	providerChanges: {
		label: 'Changes of provider',
		unit: 'changes',
		help: 'Times the service changed hands.'
	},
	outcomes: {
		label: 'Health outcomes',
		unit: 'people',
		help: 'People with sustained behaviour change by the horizon.'
	},
	collapsed: {
		label: 'Collapse',
		unit: 'yes/no',
		help: 'Whether trust ever fell by the collapse share within the collapse window: trust leaving "like a rocket ship".'
	},
	meanTrust: {
		label: 'Trust over the whole horizon',
		unit: '0 to 1',
		help: 'Mean trust over every month of the horizon.'
	},
	tookPart: {
		label: 'Took part in a consultation, final year',
		unit: 'share',
		help: 'Share of the community who gave their view at least once in the last 12 months of the horizon.'
	},
	sharedDecisions: {
		label: 'Shared decisions, final year',
		unit: 'share',
		help: 'Share of the community who co-designed or co-produced in the last 12 months of the horizon.'
	},
	heard: {
		label: 'Saw their view acted on, final year',
		unit: 'share',
		help: 'Share of the community who had a contribution of their own acted on in the last 12 months of the horizon.'
	},
	monthsAbove: {
		label: 'Months at or above the threshold',
		unit: 'months',
		help: 'Months of the horizon in which trust was at or above the threshold, whenever they came.'
	}
};

/**
 * Everything recorded per run: the public end metrics, then further values reported beside
 * them (the summary's `explained`). Per-run blocks are stored with this stride.
 */
const RUN_VALUES = [...METRICS, 'explained'] as const;
export type RunValueKey = (typeof RUN_VALUES)[number];
export const RUN_VALUE_COUNT = RUN_VALUES.length;
export const RunValueIndex = Object.fromEntries(RUN_VALUES.map((k, i) => [k, i])) as Record<
	RunValueKey,
	number
>;

/** Sentinel stored for a future that never reaches the trust threshold. */
export const NEVER = -1;

/** Per-month flags of the contract timeline. */
const TIMELINE = ['contractEnd', 'providerChange', 'mobilising', 'extended'] as const;
export const TIMELINE_COUNT = TIMELINE.length;
