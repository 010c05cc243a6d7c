/**
 * "Predict, then run": the questions a trainer can put to the room before a scenario is
 * revealed, the answers the room picks from (five ranges, on the question's own scale: a
 * chance, a level of trust, a time or a count), and the simulated answer to each question
 * read from a summary. Pure functions: no DOM.
 */
import { fmtPct, fmtScore } from '$lib/charts/format';
import type { QuestionKind } from '$lib/db/storyline';
import { Rung, type Scenario, type Summary } from '$lib/sim';

/** A question the room answers (every kind but `none`). */
export type Question = Exclude<QuestionKind, 'none'>;

/** The question the app asks when a trainer has not chosen another. */
export const DEFAULT_QUESTION: QuestionKind = 'reachWithinContract';

/** A threshold as people say it: 0.6, not 0.60. */
function thresholdWords(t: number): string {
	return String(Number(t.toFixed(2)));
}

/** Years when whole, else months: "3 years", "30 months". */
function span(months: number): string {
	if (months % 12 === 0) {
		const y = months / 12;
		return `${y} year${y === 1 ? '' : 's'}`;
	}
	return `${months} month${months === 1 ? '' : 's'}`;
}

/** The question in words for a scenario (its threshold, contract and horizon). */
export function questionText(kind: QuestionKind, s: Scenario): string {
	const t = thresholdWords(s.trust.threshold);
	switch (kind) {
		case 'reachWithinContract':
			return `Will trust pass ${t} within the contract?`;
		case 'aboveAtHorizon':
			return `Will trust be at or above ${t} in the final year of ${span(s.horizonMonths)}?`;
		case 'collapse':
			return 'Will trust collapse at some point?';
		case 'codesign':
			return 'Will the community be co-designing in the final year?';
		case 'trustAtYear5':
			return `What will trust be after ${span(yearFiveMonth(s.horizonMonths))}?`;
		case 'finalTrust':
			return `What will trust be in the final year of ${span(s.horizonMonths)}?`;
		case 'monthsToTrust':
			return `How long until trust passes ${t}?`;
		case 'providerChanges':
			return `How many times will the service change hands in ${span(s.horizonMonths)}?`;
		case 'none':
			return 'No prediction: show the chart straight away';
		default:
			return kind satisfies never;
	}
}

/** A short name of a question kind for a picker (independent of any scenario). */
export function questionLabel(kind: QuestionKind): string {
	switch (kind) {
		case 'reachWithinContract':
			return 'Trust passes the threshold within the first contract?';
		case 'aboveAtHorizon':
			return 'Trust is at or above the threshold in the final year?';
		case 'collapse':
			return 'Trust collapses (falls fast) at some point?';
		case 'codesign':
			return 'The community is co-designing in the final year?';
		case 'trustAtYear5':
			return 'How high is trust after five years?';
		case 'finalTrust':
			return 'How high is trust in the final year?';
		case 'monthsToTrust':
			return 'How long until trust passes the threshold?';
		case 'providerChanges':
			return 'How many times does the service change hands?';
		case 'none':
			return 'No prediction: show the chart at once';
		default:
			return kind satisfies never;
	}
}

/** The month read for "after five years": month 60, or the horizon when it is shorter. */
function yearFiveMonth(horizonMonths: number): number {
	return Math.max(1, Math.min(60, horizonMonths));
}

/** How the simulated answer is explained beside the figure. */
export function answerMeaning(kind: Question, s: Scenario): string {
	const t = thresholdWords(s.trust.threshold);
	switch (kind) {
		case 'reachWithinContract':
			return `of simulated futures reach trust ${t} by the end of the first contract (${span(s.contract.lengthMonths)})`;
		case 'aboveAtHorizon':
			return `of simulated futures have trust at or above ${t} on average over the final year of ${span(s.horizonMonths)}`;
		case 'collapse':
			return `of simulated futures see trust collapse: a fall of ${Math.round(s.reporting.collapseDrop * 100)}% or more within ${span(s.reporting.collapseWindowMonths)}`;
		case 'codesign':
			return 'of simulated futures have the community co-designing or higher in the final year';
		case 'trustAtYear5':
			return `trust (0 to 1) in month ${yearFiveMonth(s.horizonMonths)}, in the middle future: half are higher, half lower`;
		case 'finalTrust':
			return 'trust (0 to 1) on average over the final year, in the middle future: half are higher, half lower';
		case 'monthsToTrust':
			return `until trust first reaches ${t}, in the middle future: half get there sooner, half later or never`;
		case 'providerChanges':
			return `changes of provider on average over ${span(s.horizonMonths)} (a re-procurement the incumbent loses)`;
		default:
			return kind satisfies never;
	}
}

/** One answer the room can pick: a range on the question's scale, numbered from 1. */
export interface PredictOption {
	/** 1-based, the key that picks it. */
	key: number;
	label: string;
	/** The range it covers: [min, max). The last one includes everything above. */
	min: number;
	max: number;
	/** The range in words, e.g. "10% to 40% of futures". */
	range: string;
}

const pct = (p: number) => `${Math.round(p * 100)}%`;

/** The range of a chance in words, e.g. "10% to 40% of futures". */
function chanceRange(min: number, max: number): string {
	if (min === 0) return `under ${pct(max)} of futures`;
	if (max === 1) return `${pct(min)} or more of futures`;
	return `${pct(min)} to ${pct(max)} of futures`;
}

function option(key: number, label: string, min: number, max: number, range: string) {
	return { key, label, min, max, range };
}

/** The options for a chance (the first four question kinds). */
export const PREDICT_OPTIONS: readonly PredictOption[] = [
	option(1, 'Almost never', 0, 0.1, chanceRange(0, 0.1)),
	option(2, 'Unlikely', 0.1, 0.4, chanceRange(0.1, 0.4)),
	option(3, 'A toss-up', 0.4, 0.6, chanceRange(0.4, 0.6)),
	option(4, 'Likely', 0.6, 0.9, chanceRange(0.6, 0.9)),
	option(5, 'Almost always', 0.9, 1, chanceRange(0.9, 1))
];

/** The options for a level of trust (0 to 1). */
const TRUST_OPTIONS: readonly PredictOption[] = [
	option(1, 'Low', 0, 0.3, 'below 0.3'),
	option(2, 'Guarded', 0.3, 0.4, '0.3 to 0.4'),
	option(3, 'Middling', 0.4, 0.5, '0.4 to 0.5'),
	option(4, 'Fair', 0.5, 0.6, '0.5 to 0.6'),
	option(5, 'High', 0.6, Infinity, '0.6 or more')
];

/** The options for a time in months (never: Infinity). */
const TIME_OPTIONS: readonly PredictOption[] = [
	option(1, 'Within 2 years', 0, 24.5, 'by month 24'),
	option(2, '2 to 4 years', 24.5, 48.5, 'months 25 to 48'),
	option(3, '4 to 6 years', 48.5, 72.5, 'months 49 to 72'),
	option(4, '6 to 8 years', 72.5, 96.5, 'months 73 to 96'),
	option(5, 'Later, or never', 96.5, Infinity, 'after month 96, or not at all')
];

/** The options for a count of changes of provider (an average over futures). */
const COUNT_OPTIONS: readonly PredictOption[] = [
	option(1, 'None', 0, 0.5, 'under 0.5 on average'),
	option(2, 'Once', 0.5, 1.5, '0.5 to 1.5'),
	option(3, 'Twice', 1.5, 2.5, '1.5 to 2.5'),
	option(4, 'Three times', 2.5, 3.5, '2.5 to 3.5'),
	option(5, 'Four or more', 3.5, Infinity, '3.5 or more')
];

/** The five options a question offers. */
export function optionsFor(kind: Question): readonly PredictOption[] {
	switch (kind) {
		case 'reachWithinContract':
		case 'aboveAtHorizon':
		case 'collapse':
		case 'codesign':
			return PREDICT_OPTIONS;
		case 'trustAtYear5':
		case 'finalTrust':
			return TRUST_OPTIONS;
		case 'monthsToTrust':
			return TIME_OPTIONS;
		case 'providerChanges':
			return COUNT_OPTIONS;
		default:
			return kind satisfies never;
	}
}

/** The range of an option in words, e.g. "10% to 40% of futures". */
export function optionRange(o: PredictOption): string {
	return o.range;
}

/** The option a value falls in (a chance, by default). */
export function optionFor(
	value: number,
	options: readonly PredictOption[] = PREDICT_OPTIONS
): PredictOption {
	const v = Math.max(0, value);
	const last = options[options.length - 1];
	if (options === PREDICT_OPTIONS && v >= 1) return last;
	return options.find((o) => v >= o.min && v < o.max) ?? last;
}

/** The option with a given key (1-based), if any (a chance's, by default). */
export function optionByKey(
	key: number,
	options: readonly PredictOption[] = PREDICT_OPTIONS
): PredictOption | undefined {
	return options.find((o) => o.key === key);
}

/**
 * The simulated answer: a value on the question's scale (a chance 0 to 1, a level of trust,
 * months, with Infinity for "never", or a count), with how many futures it rests on.
 */
export interface Answer {
	value: number;
	runs: number;
}

/** The answer to a question, read from a summary of the scenario. */
export function answerOf(kind: Question, s: Scenario, summary: Summary): Answer {
	const runs = summary.receipt.runs;
	switch (kind) {
		case 'reachWithinContract': {
			const n = summary.timeToTrust.length;
			if (n === 0) return { value: 0, runs };
			const month = Math.min(n, Math.max(1, s.contract.lengthMonths));
			return { value: summary.timeToTrust[month - 1], runs };
		}
		case 'aboveAtHorizon':
			return { value: summary.probabilities.trustAboveThreshold.p, runs };
		case 'collapse':
			return { value: summary.probabilities.collapse.p, runs };
		case 'codesign':
			return { value: summary.probabilities.reachesCodesigning.p, runs };
		case 'trustAtYear5': {
			const p50 = summary.series.trust.p50;
			return { value: p50[Math.min(p50.length, yearFiveMonth(s.horizonMonths)) - 1] ?? 0, runs };
		}
		case 'finalTrust':
			return { value: summary.metrics.finalTrust.p50 ?? 0, runs };
		case 'monthsToTrust':
			return { value: summary.metrics.monthsToTrust.p50 ?? Infinity, runs };
		case 'providerChanges':
			return { value: summary.metrics.providerChanges.mean ?? 0, runs };
		default:
			return kind satisfies never;
	}
}

/** The mean over the last 12 months (or the whole of a shorter horizon) of a monthly series. */
function finalYear(monthly: readonly number[]): number {
	const from = Math.max(0, monthly.length - 12);
	let sum = 0;
	for (let t = from; t < monthly.length; t++) sum += monthly[t];
	return monthly.length > from ? sum / (monthly.length - from) : NaN;
}

/**
 * A level to set beside the answer, so a chance of 0% is never all the room hears while trust
 * moved: median trust at the contract's end or in the final year against the threshold, the
 * median lowest trust against where it started, or the share of the community co-designing.
 * Empty for the questions whose answer is already a level, a time or a count.
 */
export function answerLevel(kind: Question, s: Scenario, summary: Summary): string {
	const trust = summary.series.trust.p50;
	const T = thresholdWords(summary.threshold);
	if (trust.length === 0) return '';
	const start = fmtScore(trust[0]);
	switch (kind) {
		case 'reachWithinContract': {
			const month = Math.min(trust.length, Math.max(1, s.contract.lengthMonths));
			return `Median trust at month ${month}: ${fmtScore(trust[month - 1])}, from ${start} at the start; the threshold is ${T}.`;
		}
		case 'aboveAtHorizon': {
			const ft = summary.metrics.finalTrust;
			if (ft.p50 === null) return '';
			const middle =
				ft.p25 !== null && ft.p75 !== null
					? ` (middle half of futures ${fmtScore(ft.p25)} to ${fmtScore(ft.p75)})`
					: '';
			return `Median trust in the final year: ${fmtScore(ft.p50)}${middle}, from ${start} at the start; the threshold is ${T}.`;
		}
		case 'collapse': {
			const low = summary.metrics.minTrust.p50;
			return low === null
				? ''
				: `Median lowest trust: ${fmtScore(low)}, from ${start} at the start.`;
		}
		case 'codesign': {
			const co = summary.ladder
				.slice(Rung.coDesigning)
				.reduce((acc, row) => acc + finalYear(row), 0);
			const engaged = finalYear(summary.series.engaged.mean);
			return `On average in the final year, ${fmtPct(co)} of the community is co-designing or higher and ${fmtPct(engaged)} engaged or higher.`;
		}
		case 'trustAtYear5':
		case 'finalTrust':
		case 'monthsToTrust':
		case 'providerChanges':
			return '';
		default:
			return kind satisfies never;
	}
}

/** The answer's figure as shown big: "12%", "0.44", "92 months", "2.8". */
export function answerFigure(kind: Question, value: number): string {
	switch (kind) {
		case 'reachWithinContract':
		case 'aboveAtHorizon':
		case 'collapse':
		case 'codesign':
			return fmtPct(value);
		case 'trustAtYear5':
		case 'finalTrust':
			return value.toFixed(2);
		case 'monthsToTrust':
			return Number.isFinite(value) ? `${Math.round(value)} months` : 'Never';
		case 'providerChanges':
			return value.toFixed(1);
		default:
			return kind satisfies never;
	}
}

/** The option holding a question's answer. */
export function rightOption(kind: Question, value: number): PredictOption {
	return optionFor(value, optionsFor(kind));
}

/**
 * How the room's pick compares with the right option, in words. `right` may be a chance
 * (read on the chance options).
 */
export function verdict(pick: PredictOption, right: PredictOption | number): string {
	const r = typeof right === 'number' ? optionFor(right) : right;
	if (r.key === pick.key) return 'The room called it.';
	const off = Math.abs(r.key - pick.key);
	const direction = pick.key > r.key ? 'higher' : 'lower';
	return off === 1
		? `Close: the room guessed a little ${direction} than the simulation.`
		: `The room guessed ${direction} than the simulation: ${r.label.toLowerCase()}.`;
}
