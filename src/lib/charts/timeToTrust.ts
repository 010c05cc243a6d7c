/**
 * Time to trust: the share of futures that have reached the threshold by each month (the
 * empirical cumulative distribution of the month trust is first reached), with its Monte
 * Carlo error, and the futures that never get there. Pure functions: no DOM.
 */
import { area, curveStepAfter, line } from 'd3';
import type { Linear } from './linear';
import type { Summary } from '$lib/sim';
import { fmtDuration, fmtPct, fmtScore } from './format';
import { reached, standardError } from './headline';
import type { TableData } from './table';

type Scale = Linear;

/**
 * Share of futures that have reached the threshold by each month (index 0 = month 1), from
 * each future's first month at the threshold (a value below 1 meaning never).
 */
export function reachedByMonth(monthsToTrust: readonly number[], months: number): number[] {
	const n = monthsToTrust.length;
	const counts = new Array<number>(months).fill(0);
	for (const m of monthsToTrust) if (reached(m) && m <= months) counts[m - 1]++;
	for (let t = 1; t < months; t++) counts[t] += counts[t - 1];
	return counts.map((c) => (n ? c / n : 0));
}

/** First month (1-based) by which at least `q` of futures have reached the threshold, or null. */
export function monthReaching(curve: readonly number[], q: number): number | null {
	const i = curve.findIndex((v) => v >= q - 1e-12);
	return i === -1 ? null : i + 1;
}

/** Step path of the curve: flat within a month, rising at the month futures reach trust. */
export function stepPath(curve: readonly number[], x: Scale, y: Scale): string {
	// Start at month 1 with the share reached in month 1, then one step per month.
	return (
		line<number>()
			.x((_, i) => x(i + 1))
			.y((v) => y(v))
			.curve(curveStepAfter)(curve as number[]) ?? ''
	);
}

/** Band of about 95% (two standard errors either way, kept within 0 and 1) around the curve. */
export function errorBandPath(curve: readonly number[], n: number, x: Scale, y: Scale): string {
	const idx = curve.map((_, i) => i);
	const half = (i: number) => 1.96 * standardError(curve[i], n);
	return (
		area<number>()
			.x((i) => x(i + 1))
			.y0((i) => y(Math.max(0, curve[i] - half(i))))
			.y1((i) => y(Math.min(1, curve[i] + half(i))))
			.curve(curveStepAfter)(idx) ?? ''
	);
}

export function timeToTrustReadout(
	summary: Summary,
	i: number
): { heading: string; lines: string[] } {
	const n = summary.receipt.runs;
	const p = summary.timeToTrust[i];
	return {
		heading: `By month ${i + 1}`,
		lines: [
			`${fmtPct(p)} of futures have reached ${fmtScore(summary.threshold)}`,
			`Give or take ${(standardError(p, n) * 100).toFixed(1)} percentage points (one standard error)`
		]
	};
}

export function timeToTrustSummaryText(summary: Summary): string {
	const curve = summary.timeToTrust;
	const T = fmtScore(summary.threshold);
	const horizon = fmtDuration(summary.months);
	const final = curve[curve.length - 1] ?? 0;
	if (final <= 0)
		return `None of the ${summary.receipt.runs} simulated futures reaches a trust of ${T} within ${horizon}; the line stays at 0%.`;
	const first = monthReaching(curve, 1e-9);
	const half = monthReaching(curve, 0.5);
	const parts = [`The first futures reach a trust of ${T} in month ${first}.`];
	parts.push(
		half !== null
			? `Half of all futures have got there by month ${half}, and ${fmtPct(final)} by the end of ${horizon}.`
			: `By the end of ${horizon} only ${fmtPct(final)} have, so the median future never does.`
	);
	if (final < 1) parts.push(`${fmtPct(1 - final)} of futures never reach it within ${horizon}.`);
	else parts.push('Every future reaches it.');
	return parts.join(' ');
}

export function timeToTrustTable(summary: Summary): TableData {
	const n = summary.receipt.runs;
	return {
		caption: `Share of ${n} simulated futures that have reached a trust of ${fmtScore(summary.threshold)} by each month; ${fmtPct(summary.neverTrusted)} never do within ${fmtDuration(summary.months)}`,
		columns: ['Month', 'Share reached', 'Standard error (points)'],
		rows: summary.timeToTrust.map((p, i) => [
			String(i + 1),
			fmtPct(p),
			(standardError(p, n) * 100).toFixed(1)
		])
	};
}
