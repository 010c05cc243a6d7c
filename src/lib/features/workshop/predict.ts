/**
 * "Predict, then run": the questions a trainer can put to the room before a scenario is
 * revealed, the answers the room picks from, and the simulated answer to each question
 * read from a summary, with a level of trust or engagement beside it. Pure functions: no DOM.
 */
import { fmtPct, fmtScore } from '$lib/charts/format';
import type { QuestionKind } from '$lib/db/storyline';
import { Rung, type Scenario, type Summary } from '$lib/sim';

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
		case 'none':
			return 'No prediction: show the chart at once';
		default:
			return kind satisfies never;
	}
}

/** How the simulated probability is explained under the number. */
export function answerMeaning(kind: Exclude<QuestionKind, 'none'>, s: Scenario): string {
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
		default:
			return kind satisfies never;
	}
}

/** One answer the room can pick: a range of chances, numbered from 1 for the keyboard. */
export interface PredictOption {
	/** 1-based, the key that picks it. */
	key: number;
	label: string;
	/** The range of probability it covers: [min, max). The last one includes 1. */
	min: number;
	max: number;
}

export const PREDICT_OPTIONS: readonly PredictOption[] = [
	{ key: 1, label: 'Almost never', min: 0, max: 0.1 },
	{ key: 2, label: 'Unlikely', min: 0.1, max: 0.4 },
	{ key: 3, label: 'A toss-up', min: 0.4, max: 0.6 },
	{ key: 4, label: 'Likely', min: 0.6, max: 0.9 },
	{ key: 5, label: 'Almost always', min: 0.9, max: 1 }
];

/** The range of an option in words, e.g. "10% to 40% of futures". */
export function optionRange(o: PredictOption): string {
	const pct = (p: number) => `${Math.round(p * 100)}%`;
	if (o.min === 0) return `under ${pct(o.max)} of futures`;
	if (o.max === 1) return `${pct(o.min)} or more of futures`;
	return `${pct(o.min)} to ${pct(o.max)} of futures`;
}

/** The option a probability falls in. */
export function optionFor(p: number): PredictOption {
	const clamped = Math.min(1, Math.max(0, p));
	return (
		PREDICT_OPTIONS.find((o) => clamped >= o.min && clamped < o.max) ??
		PREDICT_OPTIONS[PREDICT_OPTIONS.length - 1]
	);
}

/** The option with a given key (1-based), if any. */
export function optionByKey(key: number): PredictOption | undefined {
	return PREDICT_OPTIONS.find((o) => o.key === key);
}

/** The simulated answer: a probability, with how many futures it rests on. */
export interface Answer {
	p: number;
	runs: number;
}

/**
 * The share of futures that answer "yes" to a question. For "within the contract" this is
 * the share that first reach the threshold by the last month of the first contract term.
 */
export function answerOf(
	kind: Exclude<QuestionKind, 'none'>,
	s: Scenario,
	summary: Summary
): Answer {
	const runs = summary.receipt.runs;
	switch (kind) {
		case 'reachWithinContract': {
			const n = summary.timeToTrust.length;
			if (n === 0) return { p: 0, runs };
			const month = Math.min(n, Math.max(1, s.contract.lengthMonths));
			return { p: summary.timeToTrust[month - 1], runs };
		}
		case 'aboveAtHorizon':
			return { p: summary.probabilities.trustAboveThreshold.p, runs };
		case 'collapse':
			return { p: summary.probabilities.collapse.p, runs };
		case 'codesign':
			return { p: summary.probabilities.reachesCodesigning.p, runs };
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
 */
export function answerLevel(
	kind: Exclude<QuestionKind, 'none'>,
	s: Scenario,
	summary: Summary
): string {
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
		default:
			return kind satisfies never;
	}
}

/** How the room's pick compares with the simulated answer, in words. */
export function verdict(pick: PredictOption, p: number): string {
	const right = optionFor(p);
	if (right.key === pick.key) return 'The room called it.';
	const off = Math.abs(right.key - pick.key);
	const direction = pick.key > right.key ? 'higher' : 'lower';
	return off === 1
		? `Close: the room guessed a little ${direction} than the simulation.`
		: `The room guessed ${direction} than the simulation: ${right.label.toLowerCase()}.`;
}
