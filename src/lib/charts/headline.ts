/**
 * The plain-English headline above the charts and the Monte Carlo precision notes, both
 * generated from a summary and its scenario. Every sentence says only what the runs show:
 * "none" and "every" are used only when that is what happened, counts replace percentages
 * when there are few runs, and each probability comes with its standard error.
 */
import { futuresForSpread, quantileSorted, type Scenario, type Summary } from '$lib/sim';
import {
	capitalise,
	fmtCount,
	fmtDuration,
	fmtPct,
	fmtScore,
	inSentence,
	listWords
} from './format';
import { collapseWords, FINAL_YEAR_MONTHS } from './labels';

/** Below this many runs, shares are given as counts ("3 of 8 futures"), not percentages. */
export const FEW_RUNS = 20;

/** A month to trust below 1 marks a future that never reaches the threshold. */
export function reached(monthsToTrust: number): boolean {
	return monthsToTrust >= 1;
}

/** Median of a list of numbers (null when empty). */
export function median(values: readonly number[]): number | null {
	if (!values.length) return null;
	const s = [...values].sort((a, b) => a - b);
	const mid = (s.length - 1) / 2;
	return (s[Math.floor(mid)] + s[Math.ceil(mid)]) / 2;
}

/** Simple fractions that read better in words than as a percentage. */
const FRACTIONS: ReadonlyArray<[number, number, string]> = [
	[1, 2, 'one future in two'],
	[1, 3, 'one future in three'],
	[2, 3, 'two futures in three'],
	[1, 4, 'one future in four'],
	[3, 4, 'three futures in four'],
	[1, 5, 'one future in five'],
	[1, 10, 'one future in ten'],
	[9, 10, 'nine futures in ten']
];

/**
 * A share of futures as words, with the verb that agrees with it: "one future in five ends",
 * "38% of futures end", "3 of 8 futures end". Shares within half a percentage point of a
 * simple fraction are given as that fraction.
 */
export function shareOfFutures(hits: number, n: number): { words: string; plural: boolean } {
	if (n <= 0) return { words: 'no future', plural: false };
	if (hits === 0) return { words: 'no future', plural: false };
	if (hits === n)
		return { words: n === 1 ? 'the one future' : `all ${fmtCount(n)} futures`, plural: n > 1 };
	if (n < FEW_RUNS) return { words: `${hits} of ${n} futures`, plural: hits !== 1 };
	const p = hits / n;
	for (const [a, b, words] of FRACTIONS)
		if (Math.abs(p - a / b) < 0.005) return { words, plural: false };
	return { words: `${fmtPct(p)} of futures`, plural: true };
}

/** "in 38% of futures", "in 3 of 8 futures". */
function inShare(hits: number, n: number): string {
	if (n < FEW_RUNS) return `in ${hits} of ${n} simulated futures`;
	return `in ${fmtPct(hits / n)} of futures`;
}

/** Trust at the start, as the charts and headline compare against it: the median of month 1. */
function startingTrust(summary: Summary): number {
	return summary.series.trust.p50[0];
}

/** The contract named by its length, e.g. "this 3-year contract". */
function contractWords(scenario: Scenario): string {
	const m = scenario.contract.lengthMonths;
	if (m % 12 === 0) return `this ${m / 12}-year contract`;
	return `this ${m}-month contract`;
}

/** The headline as separate sentences (the first is the one to show largest). */
export function headlineSentences(summary: Summary, scenario: Scenario): string[] {
	const n = summary.perRun.monthsToTrust.length;
	const T = fmtScore(summary.threshold);
	const horizon = fmtDuration(summary.months);
	const under = `Under ${contractWords(scenario)}`;
	if (n === 0) return ['No simulated futures have finished yet.'];

	const months = summary.perRun.monthsToTrust.filter(reached);
	const hits = months.length;
	const sentences: string[] = [];

	if (n === 1) {
		sentences.push(
			hits
				? `${under}, trust reaches ${T} in month ${months[0]} of the one simulated future.`
				: `${under}, trust does not reach ${T} within ${horizon} in the one simulated future.`
		);
	} else if (hits === 0) {
		sentences.push(
			`${under}, trust does not reach ${T} within ${horizon} in any of the ${fmtCount(n)} simulated futures.`
		);
	} else {
		const med = median(months) ?? 0;
		const fastest = Math.min(...months);
		if (hits === n)
			sentences.push(
				`${under}, trust reaches ${T} in every one of the ${fmtCount(n)} simulated futures; the median future gets there in month ${Math.round(med)}${fastest < med ? `, the fastest in month ${fastest}` : ''}.`
			);
		else if (hits * 2 >= n) {
			// At least half get there, so the median future does: its month is the median over all
			// futures with "never" counted as later than any month.
			const all = summary.perRun.monthsToTrust.map((m) => (reached(m) ? m : Infinity));
			const m50 = median(all);
			const when =
				m50 !== null && Number.isFinite(m50) ? `month ${Math.round(m50)}` : `the last month`;
			sentences.push(
				`${under}, trust reaches ${T} ${inShare(hits, n)} within ${horizon}; the median future gets there in ${when}.`
			);
		} else
			sentences.push(
				`${under}, trust reaches ${T} ${inShare(hits, n)} within ${horizon}, so the median future never gets there; those that do take a median of ${Math.round(med)} months.`
			);
	}

	// End metrics are averages over the final year (the last 12 months), not one month's value.
	const finalMedian = median(summary.perRun.finalTrust);
	const wholeMedian = median(summary.perRun.meanTrust);
	if (finalMedian !== null && wholeMedian !== null) {
		// The spread of final-year trust beside its median, unless the middle half is one value.
		const sorted = [...summary.perRun.finalTrust].sort((a, b) => a - b);
		const q1 = fmtScore(quantileSorted(sorted, 0.25));
		const q3 = fmtScore(quantileSorted(sorted, 0.75));
		const middle = n > 1 && q1 !== q3 ? `; middle half of futures ${q1} to ${q3}` : '';
		const both = `${fmtScore(finalMedian)} in the final year (the last ${FINAL_YEAR_MONTHS} months${middle}) and ${fmtScore(wholeMedian)} over the whole ${horizon}`;
		sentences.push(n === 1 ? `Trust averages ${both}.` : `Median trust is ${both}.`);
	}

	const start = startingTrust(summary);
	const below = summary.perRun.finalTrust.filter((v) => v < start).length;
	const where = `below where it started (${fmtScore(start)})`;
	const atOrAbove = `at or above where it started (${fmtScore(start)})`;
	if (n === 1) sentences.push(`Trust in the final year is ${below ? where : atOrAbove}.`);
	else if (below === 0) sentences.push(`No future has trust in the final year ${where}.`);
	else if (below === n) sentences.push(`Every future has trust in the final year ${where}.`);
	else {
		const s = shareOfFutures(below, n);
		sentences.push(
			`${capitalise(s.words)} ha${s.plural ? 've' : 's'} trust in the final year ${where}.`
		);
	}

	const collapses = summary.perRun.collapsed.filter((v) => v === 1).length;
	if (collapses > 0 && n > 1) {
		const s = shareOfFutures(collapses, n);
		const fall = collapseWords(
			scenario.reporting.collapseDrop,
			scenario.reporting.collapseWindowMonths
		);
		sentences.push(
			`${capitalise(s.words)} see${s.plural ? '' : 's'} trust collapse at some point: ${fall}.`
		);
	}
	return sentences;
}

/**
 * Where the spread of the results comes from, in words: chance alone (assumptions fixed at
 * their best guesses), or chance and the assumptions together, with how much of the spread of
 * final-year trust the assumptions explain and which matter most.
 */
export function spreadSentence(summary: Summary, scenario: Scenario): string {
	const a = summary.receipt.assumptions;
	const pinned = a && a.pinned > 0 ? ` (${a.pinned} pinned)` : '';
	if (a?.mode !== 'uncertain')
		return `Assumptions are fixed at their best guesses${pinned}, so the spread shows chance alone, not what we do not know. Switch to uncertain assumptions to see both.`;
	const spread = summary.spread;
	if (!spread)
		return `Each future drew its own assumptions${pinned}, so the spread is chance and what we do not know together; run at least ${fmtCount(futuresForSpread(scenario))} futures to see how much comes from each.`;
	const share = Math.round(spread.fromAssumptions * 100);
	const top = spread.drivers
		.slice(0, 3)
		.map(
			(d) =>
				`${inSentence(d.label)} (${d.direction > 0 ? 'higher raises trust' : 'higher lowers trust'})`
		);
	const list = listWords(top);
	return `Each future drew its own assumptions${pinned}: at least ${share}% of the spread of final-year trust comes from what we assume, the rest from chance and from assumptions acting together.${list ? ` The assumptions that matter most: ${list}.` : ''}`;
}

/**
 * One line for a chart's caption: what its spread is made of (chance alone, or chance and the
 * uncertain assumptions), how much of the spread of final-year trust the assumptions explain
 * and which three matter most.
 */
export function spreadCaption(summary: Summary): string {
	const a = summary.receipt.assumptions;
	if (a?.mode !== 'uncertain')
		return 'Spread: chance alone, with assumptions fixed at their best guesses.';
	const spread = summary.spread;
	if (!spread)
		return 'Spread: chance and uncertain assumptions together (too few futures to tell how much comes from each).';
	const top = spread.drivers.slice(0, 3).map((d) => inSentence(d.label));
	const list = listWords(top);
	const share = Math.round(spread.fromAssumptions * 100);
	return `Spread: chance and uncertain assumptions together; at least ${share}% of the spread of final-year trust comes from the assumptions${list ? `, most from ${list}` : ''}.`;
}

/** The headline as one paragraph. */
export function headline(summary: Summary, scenario: Scenario): string {
	return headlineSentences(summary, scenario).join(' ');
}

// ---------------------------------------------------------------------------------------
// Precision.

/** One probability with its Monte Carlo error, in words. */
interface PrecisionItem {
	/** What the probability is of. */
	label: string;
	p: number;
	/** Standard error sqrt(p(1 - p) / n). */
	se: number;
	/** Futures counted. */
	count: number;
	/** E.g. "38% (standard error 2.2 percentage points)". */
	text: string;
}

export interface PrecisionNotes {
	items: PrecisionItem[];
	/** Advice to raise the run count, or null when the estimates are precise enough. */
	advice: string | null;
}

/** Probabilities are precise enough when their 95% margin is within this many points. */
const TARGET_MARGIN = 0.03;
/** Run counts suggested when the estimates are too coarse. */
const SUGGESTED_RUNS = [200, 500, 1000, 2000, 5000, 10000, 20000, 50000, 100000] as const;

/** Standard error of a share from n runs. */
export function standardError(p: number, n: number): number {
	return n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0;
}

/** The 95% margin of a share estimated from n runs, with the rule of three at 0 and 1. */
export function margin95(p: number, n: number): number {
	if (n <= 0) return 1;
	if (p <= 0 || p >= 1) return Math.min(1, 3 / n);
	return 1.96 * standardError(p, n);
}

function itemText(p: number, se: number, count: number): string {
	const hits = Math.round(p * count);
	if (p <= 0 || p >= 1) {
		const upper = fmtPct(Math.min(1, 3 / count));
		return p <= 0
			? `none of ${fmtCount(count)} futures; a true chance of up to ${upper} could still show as none with this many runs`
			: `all ${fmtCount(count)} futures; a true chance as low as ${fmtPct(1 - Math.min(1, 3 / count))} could still show as all with this many runs`;
	}
	const base = count < FEW_RUNS ? `${hits} of ${count} futures (${fmtPct(p)})` : fmtPct(p);
	return `${base}, give or take ${(se * 100).toFixed(1)} percentage points (one standard error)`;
}

/** The probabilities a summary reports, each with its standard error, and advice on runs. */
export function precisionNotes(summary: Summary, scenario: Scenario): PrecisionNotes {
	const n = summary.perRun.monthsToTrust.length;
	const T = fmtScore(summary.threshold);
	const reachedP = n ? summary.perRun.monthsToTrust.filter(reached).length / n : 0;
	const probs: Array<[string, number]> = [
		[`Trust reaches ${T} within ${fmtDuration(summary.months)}`, reachedP],
		[`Trust in the final year is at or above ${T}`, summary.probabilities.trustAboveThreshold.p],
		[
			'The community is co-designing or higher in the final year',
			summary.probabilities.reachesCodesigning.p
		],
		[
			`Trust collapses (${collapseWords(scenario.reporting.collapseDrop, scenario.reporting.collapseWindowMonths)})`,
			summary.probabilities.collapse.p
		]
	];
	const items = probs.map(([label, p]) => {
		const se = standardError(p, n);
		return { label, p, se, count: n, text: itemText(p, se, n) };
	});
	if (n === 0) return { items, advice: null };
	const worst = Math.max(...items.map((i) => margin95(i.p, n)));
	let advice: string | null = null;
	// Coarse when the margin, in whole points as the advice words it, exceeds the target.
	if (Math.round(worst * 100) > Math.round(TARGET_MARGIN * 100)) {
		// A share seen as none or all may truly be as far as 3/n from it (the rule of three).
		const edge = Math.min(0.5, 3 / n);
		const plausible = (p: number) => Math.min(1 - edge, Math.max(edge, p));
		const enough = (r: number) =>
			items.every(
				(i) => Math.round(margin95(plausible(i.p), r) * 100) <= Math.round(TARGET_MARGIN * 100)
			);
		const needed =
			SUGGESTED_RUNS.find((r) => r > n && enough(r)) ?? SUGGESTED_RUNS[SUGGESTED_RUNS.length - 1];
		advice =
			`These are coarse estimates: with ${fmtCount(n)} simulated future${n === 1 ? '' : 's'}, a probability here could be out by about ${Math.round(worst * 100)} percentage points either way. ` +
			(needed > n
				? `Raise the number of simulated futures to ${fmtCount(needed)} to bring that within ${Math.round(TARGET_MARGIN * 100)} points.`
				: `The largest run count allowed is ${fmtCount(n)}.`);
	}
	return { items, advice };
}
