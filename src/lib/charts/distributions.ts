/**
 * Distributions of the end metrics: histograms of trust in the final year, months to trust, KPI reviews
 * met and health outcomes over the simulated futures, each bar split into the futures that
 * reached the trust threshold at some point and those that never did, with the probability
 * that matters written on each. Pure functions: no DOM.
 */
import { bin } from 'd3';
import { scaleLinear } from './linear';
import type { Summary } from '$lib/sim';
import { fmtCount, fmtDuration, fmtPct, fmtScore } from './format';
import { reached, standardError } from './headline';
import { FINAL_TRUST_LABEL, FINAL_YEAR_MONTHS } from './labels';
import type { TableData } from './table';

type DistributionKey = 'finalTrust' | 'monthsToTrust' | 'kpiMet' | 'outcomes';

/** One bar: futures whose value falls in [x0, x1) (the last bar includes x1). */
export interface Bar {
	x0: number;
	x1: number;
	/** Futures in the bar. */
	count: number;
	/** Of them, futures that reached the threshold at some point. */
	reached: number;
	/** The bar's range in words, e.g. "0.55 to 0.60" or "months 13 to 24". */
	label: string;
	/** True for the separate bar of futures that never reach trust. */
	never?: boolean;
}

export interface Distribution {
	key: DistributionKey;
	title: string;
	/** Axis title. */
	axis: string;
	bars: Bar[];
	/** Futures counted. */
	n: number;
	/** The value axis' extent. */
	domain: [number, number];
	/** A reference line (the threshold) on the value axis. */
	marker: { value: number; label: string } | null;
	/** The probability written on the chart. */
	headline: string;
	/** Formats a value on the axis. */
	format: (v: number) => string;
	/** Where the axis ticks go, when not at round values (e.g. at year boundaries). */
	tickValues: number[] | null;
}

/**
 * Counts values into bars with the given boundaries (ascending, first = lowest, last =
 * highest value allowed), splitting each by whether the future reached trust.
 */
export function histogram(
	values: readonly number[],
	reachedFlags: readonly boolean[],
	boundaries: readonly number[],
	label: (x0: number, x1: number, last: boolean) => string
): Bar[] {
	const lo = boundaries[0];
	const hi = boundaries[boundaries.length - 1];
	const idx = values.map((_, i) => i);
	const bins = bin<number, number>()
		.value((i) => Math.min(hi, Math.max(lo, values[i])))
		.domain([lo, hi])
		.thresholds(boundaries.slice(1, -1) as number[])(idx);
	return bins.map((b, k) => ({
		x0: b.x0 ?? lo,
		x1: b.x1 ?? hi,
		count: b.length,
		reached: b.filter((i) => reachedFlags[i]).length,
		label: label(b.x0 ?? lo, b.x1 ?? hi, k === bins.length - 1)
	}));
}

/** Evenly spaced boundaries from lo to hi with the given step, plus any extra cut points. */
export function boundariesOf(lo: number, hi: number, step: number, extra: number[] = []): number[] {
	const out: number[] = [];
	const n = Math.round((hi - lo) / step);
	for (let k = 0; k <= n; k++) out.push(Math.round((lo + k * step) * 1e9) / 1e9);
	for (const e of extra)
		if (e > lo && e < hi && !out.some((v) => Math.abs(v - e) < 1e-9)) out.push(e);
	return out.sort((a, b) => a - b);
}

function probWords(hits: number, n: number): string {
	const p = n ? hits / n : 0;
	if (n < 20) return `${hits} of ${n} future${n === 1 ? '' : 's'}`;
	// A standard error of 0 would claim certainty that a finite number of runs cannot give.
	if (hits === 0) return `none of the ${fmtCount(n)} futures`;
	if (hits === n) return `all ${fmtCount(n)} futures`;
	return `${fmtPct(p)} of futures (±${(standardError(p, n) * 100).toFixed(1)} points)`;
}

/** The four distributions of a summary. */
export function distributions(summary: Summary): Distribution[] {
	const n = summary.perRun.finalTrust.length;
	const T = summary.threshold;
	const flags = summary.perRun.monthsToTrust.map(reached);
	const months = summary.months;

	const finalTrust = summary.perRun.finalTrust;
	const above = finalTrust.filter((v) => v >= T).length;
	const trust: Distribution = {
		key: 'finalTrust',
		title: FINAL_TRUST_LABEL,
		axis: `Mean trust over months ${months - FINAL_YEAR_MONTHS + 1} to ${months}`,
		bars: histogram(
			finalTrust,
			flags,
			boundariesOf(0, 1, 0.05, [T]),
			(a, b) => `${fmtScore(a)} to ${fmtScore(b)}`
		),
		n,
		domain: [0, 1],
		marker: { value: T, label: `Threshold ${fmtScore(T)}` },
		headline: `At or above ${fmtScore(T)} in the final year: ${probWords(above, n)}`,
		format: (v) => String(Math.round(v * 100) / 100),
		tickValues: null
	};

	const reachedMonths = summary.perRun.monthsToTrust.filter(reached);
	const step = months > 60 ? 12 : months > 24 ? 6 : 3;
	const monthBounds = boundariesOf(0.5, Math.ceil(months / step) * step + 0.5, step);
	const monthBars = histogram(
		reachedMonths,
		reachedMonths.map(() => true),
		monthBounds,
		(a, b) => `months ${Math.ceil(a)} to ${Math.min(months, Math.floor(b))}`
	);
	const never = n - reachedMonths.length;
	monthBars.push({
		x0: monthBounds[monthBounds.length - 1] + step * 0.6,
		x1: monthBounds[monthBounds.length - 1] + step * 1.6,
		count: never,
		reached: 0,
		label: `never within ${fmtDuration(months)}`,
		never: true
	});
	const toTrust: Distribution = {
		key: 'monthsToTrust',
		title: 'Months to trust',
		axis: 'Month trust first reaches the threshold',
		bars: monthBars,
		n,
		domain: [monthBounds[0], monthBounds[monthBounds.length - 1] + step * 1.6],
		marker: null,
		headline: `Reaches ${fmtScore(T)} within ${fmtDuration(months)}: ${probWords(reachedMonths.length, n)}`,
		format: (v) => String(Math.round(v - 0.5)),
		tickValues: monthBounds
	};

	const kpi = summary.perRun.kpiMet;
	const kpiHalf = kpi.filter((v) => v >= 0.5).length;
	const kpiMet: Distribution = {
		key: 'kpiMet',
		title: 'KPI reviews met',
		axis: 'Share of KPI reviews at which the target was met',
		bars: histogram(
			kpi,
			flags,
			boundariesOf(0, 1, 0.1),
			(a, b, last) => `${fmtPct(a)} to ${last ? '100%' : `under ${fmtPct(b)}`}`
		),
		n,
		domain: [0, 1],
		marker: null,
		headline: `Meets the KPI target at half or more of its reviews: ${probWords(kpiHalf, n)}`,
		format: (v) => `${Math.round(v * 100)}%`,
		tickValues: null
	};

	const outcomes = summary.perRun.outcomes;
	// At least 10 people wide, so that bins and ticks are whole people.
	const maxOut = Math.max(10, ...outcomes);
	const nice = scaleLinear().domain([0, maxOut]).nice(10).domain()[1];
	const ticks = scaleLinear().domain([0, nice]).ticks(12);
	const outStep = Math.max(1, ticks.length > 1 ? ticks[1] - ticks[0] : nice);
	const sorted = [...outcomes].sort((a, b) => a - b);
	const med = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
	const health: Distribution = {
		key: 'outcomes',
		title: 'Health outcomes',
		axis: 'People with sustained behaviour change by the end',
		bars: histogram(
			outcomes,
			flags,
			boundariesOf(0, nice, outStep),
			(a, b, last) => `${fmtCount(a)} to ${last ? fmtCount(b) : `under ${fmtCount(b)}`} people`
		),
		n,
		domain: [0, nice],
		marker: null,
		headline: `Median ${fmtCount(med)} people with sustained behaviour change`,
		format: (v) => fmtCount(v),
		tickValues: null
	};

	return [trust, toTrust, kpiMet, health];
}

/** Readout of one bar. */
export function barReadout(
	d: Distribution,
	bar: Bar,
	threshold: number
): { heading: string; lines: string[] } {
	const lines = [
		`${fmtCount(bar.count)} future${bar.count === 1 ? '' : 's'} (${fmtPct(d.n ? bar.count / d.n : 0)})`
	];
	if (!bar.never && d.key !== 'monthsToTrust')
		lines.push(`${fmtCount(bar.reached)} of them reached ${fmtScore(threshold)} at some point`);
	return { heading: bar.label[0].toUpperCase() + bar.label.slice(1), lines };
}

/** A distribution in words. */
export function distributionSummaryText(d: Distribution): string {
	const biggest = d.bars.reduce((a, b) => (b.count > a.count ? b : a), d.bars[0]);
	const share = `${fmtPct(d.n ? biggest.count / d.n : 0)} of the ${fmtCount(d.n)} futures`;
	// The "never" bar is not a range: "never within 10 years" is no range of months.
	if (biggest.never)
		return `${d.headline}. The most common outcome is that trust never reaches the threshold (${biggest.label}): ${share}.`;
	return `${d.headline}. The most common range is ${biggest.label}, with ${share}.`;
}

export function distributionTable(d: Distribution, threshold: number): TableData {
	const split = d.key !== 'monthsToTrust';
	return {
		caption: `${d.title}: number of simulated futures in each range (${fmtCount(d.n)} in all)`,
		columns: split
			? ['Range', 'Futures', 'Share', `Of them, reached ${fmtScore(threshold)}`]
			: ['Range', 'Futures', 'Share'],
		rows: d.bars.map((b) => {
			const row = [
				b.label[0].toUpperCase() + b.label.slice(1),
				fmtCount(b.count),
				fmtPct(d.n ? b.count / d.n : 0)
			];
			if (split) row.push(fmtCount(b.reached));
			return row;
		})
	};
}
