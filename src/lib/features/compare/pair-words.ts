/**
 * The words of a pair panel: the chance that B did better than A, never claiming more than the
 * futures show, and each scenario's own level of an outcome beside it (median trust with its
 * spread, the share of the community co-designing…), so that "B better in no future" is never
 * all that is said when the levels moved.
 */
import type { OutcomeKey, PairedDifference } from '$lib/analysis';
import { fmtCount, fmtPct, fmtScore } from '$lib/charts/format';
import { Rung, type MetricSummary, type Summary } from '$lib/sim';

/** P(B better than A) in words; "the same in every simulated future" when no future differs. */
export function betterText(pair: PairedDifference, la: string, lb: string): string {
	if (pair.n > 0 && pair.same.p >= 1)
		return `${lb} and ${la} are the same in every simulated future`;
	if (pair.bBetter.p >= 1) return `${lb} better than ${la} in every simulated future`;
	if (pair.bBetter.p <= 0) return `${lb} better than ${la} in no simulated future`;
	return `P(${lb} better than ${la}) = ${fmtPct(pair.bBetter.p)}`;
}

/** Months of the final year: the last 12, or all of a shorter horizon. */
const FINAL_YEAR = 12;

/** The mean over the final year of a monthly series of means. */
function finalYearMean(monthly: readonly number[]): number {
	const from = Math.max(0, monthly.length - FINAL_YEAR);
	let sum = 0;
	for (let t = from; t < monthly.length; t++) sum += monthly[t];
	return monthly.length > from ? sum / (monthly.length - from) : NaN;
}

/** "median 0.41 (middle half 0.38 to 0.44)", each value written by `f`. */
function medianWords(m: MetricSummary, f: (v: number) => string): string {
	if (m.p50 === null) return 'none';
	const middle =
		m.p25 !== null && m.p75 !== null ? ` (middle half ${f(m.p25)} to ${f(m.p75)})` : '';
	return `median ${f(m.p50)}${middle}`;
}

/**
 * How long trust stays at or above the threshold: "trust at or above 0.60 for a median of 14 of
 * 120 months", every month of the horizon counted, not only the final year.
 */
function monthsAboveWords(summary: Summary): string {
	const m = summary.metrics.monthsAbove.p50;
	const t = fmtScore(summary.threshold);
	if (m === null) return `months at or above ${t}: none`;
	// A median of 0 months: at least half of the futures never get there.
	if (m === 0) return `the median future never reaches ${t}`;
	return `trust at or above ${t} for a median of ${fmtCount(m)} of ${fmtCount(summary.months)} months`;
}

/**
 * A scenario's own level of an outcome, a continuous measure to set beside a chance, in words
 * that follow the outcome's name: for trust its median and middle half; for co-designing the share of the community on that rung
 * or higher in the final year; for a yes/no about the threshold, final-year trust itself and
 * the months trust is at or above the threshold.
 */
export function levelText(summary: Summary, key: OutcomeKey): string {
	const m = summary.metrics;
	switch (key) {
		case 'finalTrust':
			return medianWords(m.finalTrust, fmtScore);
		case 'trustAboveThreshold':
			return `trust in the final year ${medianWords(m.finalTrust, fmtScore)}; ${monthsAboveWords(summary)}`;
		case 'meanTrust':
			return `trust over the whole horizon ${medianWords(m.meanTrust, fmtScore)}`;
		case 'reachesCodesigning': {
			const co = summary.ladder
				.slice(Rung.coDesigning)
				.reduce((acc, row) => acc + finalYearMean(row), 0);
			const engaged = finalYearMean(summary.series.engaged.mean);
			return `${fmtPct(co)} of the community co-designing or higher and ${fmtPct(engaged)} engaged or higher, on average in the final year`;
		}
		case 'kpiMet':
			return `${medianWords(m.kpiMet, fmtPct)} of reviews met`;
		case 'outcomes':
			return `${medianWords(m.outcomes, fmtCount)} people`;
		case 'collapse':
			return `lowest trust ${medianWords(m.minTrust, fmtScore)}`;
		case 'monthsToTrust':
			return m.monthsToTrust.p50 === null
				? 'the median future never reaches the threshold'
				: `months to trust, median ${fmtCount(m.monthsToTrust.p50)}`;
		default:
			return key satisfies never;
	}
}
