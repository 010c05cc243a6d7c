/**
 * Plain-English names of what the charts show. The core owns these names too
 * (RUNG_LABELS, SERIES_INFO, METRIC_INFO); charts import only types from the core, so the
 * few they need are repeated here and a unit test keeps them equal to the core's.
 */

/** The four components of trust, in the order the charts show them. */
export const COMPONENTS = ['integrity', 'intent', 'competence', 'results'] as const;
export type ComponentKey = (typeof COMPONENTS)[number];

export const COMPONENT_LABELS: Record<ComponentKey, string> = {
	integrity: 'Integrity',
	intent: 'Intent',
	competence: 'Competence',
	results: 'Results'
};

/** What each component is trust in. */
export const COMPONENT_HELP: Record<ComponentKey, string> = {
	integrity: 'Trust that the provider does what it says.',
	intent: 'Trust that the provider means well by the community.',
	competence: 'Trust that the provider knows how to do it.',
	results: 'Trust in what the provider has delivered.'
};

/** The rungs of the ladder of co-production, bottom to top. */
export const RUNG_NAMES = [
	'Unaware',
	'Informed',
	'Consulted',
	'Engaged',
	'Co-designing',
	'Co-producing'
] as const;

/** Months at the end of the horizon over which the end metrics are averaged (the core's FINAL_YEAR). */
export const FINAL_YEAR_MONTHS = 12;

/** The names of the end metrics of trust, as the core gives them (METRIC_INFO). */
export const FINAL_TRUST_LABEL = 'Trust in the final year';

/**
 * Collapse as the model now counts it: trust falls by at least `drop` of its level within
 * `months` months, e.g. "a fall of 15% or more within 6 months".
 */
export function collapseWords(drop: number, months: number): string {
	return `a fall of ${Math.round(drop * 100)}% or more within ${months} month${months === 1 ? '' : 's'}`;
}
