/**
 * The trade-off between KPI attainment and trust: one dot per simulated future, KPI reviews
 * met across, trust in the final year up. Pure functions: no DOM.
 */
import type { Summary } from '$lib/sim';
import { fmtCount, fmtPct, fmtScore } from './format';
import { reached } from './headline';
import type { TableData } from './table';

/** Most dots drawn; above this, the first runs (a random sample, as runs are independent) are drawn. */
export const MAX_DOTS = 4000;

export interface Dot {
	/** Run number (0-based). */
	run: number;
	/** Share of KPI reviews met. */
	kpi: number;
	/** Trust in the final year (its mean over the last 12 months). */
	trust: number;
	/** Month trust first reached the threshold, or null if never. */
	month: number | null;
	/** A fixed offset in [-0.5, 0.5) for spreading dots sideways, so equal values do not hide each other. */
	jitter: number;
}

/** A fixed pseudo-random number in [-0.5, 0.5) for a run, so the spread never changes between draws. */
export function runJitter(run: number): number {
	let h = (run + 1) * 0x9e3779b1;
	h ^= h >>> 16;
	h = Math.imul(h, 0x85ebca6b);
	h ^= h >>> 13;
	return ((h >>> 0) % 10000) / 10000 - 0.5;
}

/**
 * The dots of a summary, sorted by KPI attainment and then trust (the order the keyboard moves
 * through them), at most `max` of them.
 */
export function tradeoffDots(summary: Summary, max = MAX_DOTS): Dot[] {
	const n = Math.min(max, summary.perRun.kpiMet.length);
	const dots: Dot[] = [];
	for (let r = 0; r < n; r++) {
		const m = summary.perRun.monthsToTrust[r];
		dots.push({
			run: r,
			kpi: summary.perRun.kpiMet[r],
			trust: summary.perRun.finalTrust[r],
			month: reached(m) ? m : null,
			jitter: runJitter(r)
		});
	}
	return dots.sort((a, b) => a.kpi - b.kpi || a.trust - b.trust || a.run - b.run);
}

/** Pearson correlation of two equal-length lists (null when either does not vary). */
export function correlation(xs: readonly number[], ys: readonly number[]): number | null {
	const n = Math.min(xs.length, ys.length);
	if (n < 2) return null;
	let mx = 0;
	let my = 0;
	for (let i = 0; i < n; i++) {
		mx += xs[i];
		my += ys[i];
	}
	mx /= n;
	my /= n;
	let sxy = 0;
	let sxx = 0;
	let syy = 0;
	for (let i = 0; i < n; i++) {
		const dx = xs[i] - mx;
		const dy = ys[i] - my;
		sxy += dx * dy;
		sxx += dx * dx;
		syy += dy * dy;
	}
	if (sxx <= 1e-15 || syy <= 1e-15) return null;
	return sxy / Math.sqrt(sxx * syy);
}

/** Counts of futures in each quarter: KPI reviews met below / at or above half, trust below / at or above the threshold. */
export function quadrants(summary: Summary): {
	lowKpiHighTrust: number;
	highKpiHighTrust: number;
	lowKpiLowTrust: number;
	highKpiLowTrust: number;
} {
	const q = { lowKpiHighTrust: 0, highKpiHighTrust: 0, lowKpiLowTrust: 0, highKpiLowTrust: 0 };
	const T = summary.threshold;
	summary.perRun.kpiMet.forEach((k, r) => {
		const hiK = k >= 0.5;
		const hiT = summary.perRun.finalTrust[r] >= T;
		if (hiK && hiT) q.highKpiHighTrust++;
		else if (hiK) q.highKpiLowTrust++;
		else if (hiT) q.lowKpiHighTrust++;
		else q.lowKpiLowTrust++;
	});
	return q;
}

/**
 * A function giving the index of the point nearest to (x, y) (the first, on a tie), or -1
 * when there are none. A plain scan: at most MAX_DOTS points, some microseconds a pointer
 * move, and no triangulation library in the page's JavaScript.
 */
export function nearestPicker(
	points: ReadonlyArray<[number, number]>
): (x: number, y: number) => number {
	const xs = Float64Array.from(points, (p) => p[0]);
	const ys = Float64Array.from(points, (p) => p[1]);
	return (x, y) => {
		let best = -1;
		let bestD = Infinity;
		for (let i = 0; i < xs.length; i++) {
			const dx = xs[i] - x;
			const dy = ys[i] - y;
			const d = dx * dx + dy * dy;
			if (d < bestD) {
				bestD = d;
				best = i;
			}
		}
		return best;
	};
}

/** Index into `points` of the one nearest to (x, y), in pixels. */
export function nearestPoint(
	points: ReadonlyArray<[number, number]>,
	x: number,
	y: number
): number {
	return nearestPicker(points)(x, y);
}

export function dotReadout(d: Dot, threshold: number): { heading: string; lines: string[] } {
	return {
		heading: `Future ${d.run + 1}`,
		lines: [
			`KPI reviews met: ${fmtPct(d.kpi)}`,
			`Trust in the final year: ${fmtScore(d.trust)}`,
			d.month === null
				? `Never reached ${fmtScore(threshold)}`
				: `Reached ${fmtScore(threshold)} in month ${d.month}`
		]
	};
}

function strength(r: number): string {
	const a = Math.abs(r);
	return a < 0.1 ? 'no clear' : a < 0.3 ? 'a weak' : a < 0.6 ? 'a moderate' : 'a strong';
}

export function tradeoffSummaryText(summary: Summary): string {
	const n = summary.perRun.kpiMet.length;
	const r = correlation(summary.perRun.kpiMet, summary.perRun.finalTrust);
	const q = quadrants(summary);
	const T = fmtScore(summary.threshold);
	const rel =
		r === null
			? 'KPI attainment or trust in the final year does not vary between futures, so there is no trade-off to see.'
			: Math.abs(r) < 0.1
				? `There is no clear link between meeting KPIs and trust in the final year (correlation ${r.toFixed(2)}).`
				: `Futures that met more KPI reviews had ${r > 0 ? 'higher' : 'lower'} trust in the final year: ${strength(r)} ${r > 0 ? 'positive' : 'negative'} link (correlation ${r.toFixed(2)}).`;
	const sample =
		n > MAX_DOTS
			? ` The chart draws the first ${fmtCount(MAX_DOTS)} of ${fmtCount(n)} futures.`
			: '';
	return `${rel} ${fmtPct(n ? q.highKpiHighTrust / n : 0)} of futures met half or more of their KPI reviews and were at or above ${T} in the final year; ${fmtPct(n ? q.highKpiLowTrust / n : 0)} met their KPIs but were below ${T}; ${fmtPct(n ? q.lowKpiHighTrust / n : 0)} were at or above ${T} while missing most KPI reviews.${sample}`;
}

export function tradeoffTable(summary: Summary): TableData {
	const n = summary.perRun.kpiMet.length;
	const dots = tradeoffDots(summary).sort((a, b) => a.run - b.run);
	const shown = dots.length < n ? ` (the first ${fmtCount(dots.length)} of ${fmtCount(n)})` : '';
	return {
		caption: `KPI reviews met and trust in the final year in each simulated future${shown}`,
		columns: [
			'Future',
			'KPI reviews met',
			'Trust in the final year',
			`Month trust first reached ${fmtScore(summary.threshold)}`
		],
		rows: dots.map((d) => [
			String(d.run + 1),
			fmtPct(d.kpi),
			fmtScore(d.trust),
			d.month === null ? 'never' : String(d.month)
		]),
		textColumns: [3]
	};
}
