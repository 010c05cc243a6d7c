/**
 * The fan chart's mathematics: band and median paths over months, the contract timeline
 * (boundaries and mobilisation periods), the readout at a month, the summary in words and
 * the table. Pure functions: no DOM.
 */
import { area, line } from 'd3';
import type { Linear } from './linear';
import type { Bands, Summary } from '$lib/sim';
import { capitalise, fmtDuration, fmtPct, fmtScore, listWords } from './format';
import type { TableData } from './table';

type Scale = Linear;

/** SVG path of the area between two monthly series (index 0 = month 1). */
export function bandPath(
	lower: readonly number[],
	upper: readonly number[],
	x: Scale,
	y: Scale
): string {
	const n = Math.min(lower.length, upper.length);
	const idx = Array.from({ length: n }, (_, i) => i);
	return (
		area<number>()
			.x((i) => x(i + 1))
			.y0((i) => y(lower[i]))
			.y1((i) => y(upper[i]))(idx) ?? ''
	);
}

/** SVG path of a monthly series as a line (index 0 = month 1). */
export function linePath(values: readonly number[], x: Scale, y: Scale): string {
	return (
		line<number>()
			.x((_, i) => x(i + 1))
			.y((v) => y(v))(values as number[]) ?? ''
	);
}

/** The three paths of a fan: the 90% band, the 50% band and the median. */
export interface FanPaths {
	outer: string;
	inner: string;
	median: string;
}

export function fanPaths(bands: Bands, x: Scale, y: Scale): FanPaths {
	return {
		outer: bandPath(bands.p5, bands.p95, x, y),
		inner: bandPath(bands.p25, bands.p75, x, y),
		median: linePath(bands.p50, x, y)
	};
}

/**
 * A contract boundary in some futures. The core flags the first month of the new period, so
 * the boundary lies between `month - 1` and `month`, and is drawn there.
 */
export interface Boundary {
	/** 1-based month the core flags: the first month after the contract ended. */
	month: number;
	/** Share of futures in which a contract ends this month. */
	share: number;
	/** Share of futures in which the service changes hands this month. */
	changed: number;
	/** Share of futures in which the contract is extended this month. */
	extended: number;
}

/** A run of consecutive months in which a provider is mobilising in some futures. */
interface Span {
	/** First month (1-based). */
	start: number;
	/** Last month (1-based, inclusive). */
	end: number;
	/** Largest share of futures mobilising in any month of the span. */
	share: number;
}

export interface TimelineMarks {
	boundaries: Boundary[];
	mobilising: Span[];
}

/**
 * Contract boundaries and mobilisation periods from a summary's timeline. Months where a
 * share of futures below `minShare` has the event are left out (rare re-lets would
 * otherwise clutter the axis); they still appear in the table.
 */
export function timelineMarks(timeline: Summary['timeline'], minShare = 0.05): TimelineMarks {
	const boundaries: Boundary[] = [];
	timeline.contractEnd.forEach((share, t) => {
		if (share >= minShare)
			boundaries.push({
				month: t + 1,
				share,
				changed: timeline.providerChange[t] ?? 0,
				extended: timeline.extended[t] ?? 0
			});
	});
	const mobilising: Span[] = [];
	let open: Span | null = null;
	timeline.mobilising.forEach((share, t) => {
		if (share >= minShare) {
			if (open) {
				open.end = t + 1;
				open.share = Math.max(open.share, share);
			} else open = { start: t + 1, end: t + 1, share };
		} else if (open) {
			mobilising.push(open);
			open = null;
		}
	});
	if (open) mobilising.push(open);
	return { boundaries, mobilising };
}

/** Shares below this are left out of a boundary's words (they would print as 0%). */
const TRACE = 0.005;

/**
 * What followed a contract's end in how many futures: extended, or re-procured (the incumbent
 * kept it or a new provider took over), each a share of all futures, rounded so that the two
 * add up to the boundary's own share as printed. A share equal to the whole of the boundary's
 * share is written without a number ("re-procured").
 */
function outcomeParts(b: Boundary, style: 'label' | 'words'): string[] {
	const reprocured = Math.max(0, b.share - b.extended);
	const whole = Math.round(b.share * 100);
	const ext = Math.round(b.extended * 100);
	const part = (words: string, p: number, rounded: number) => {
		if (Math.abs(p - b.share) < TRACE) return words;
		const pct = rounded >= 1 && rounded <= 99 ? `${rounded}%` : fmtPct(p);
		return style === 'label' ? `${pct} ${words}` : `${words} in ${pct}`;
	};
	const parts: string[] = [];
	if (b.extended >= TRACE) parts.push(part('extended', b.extended, ext));
	if (reprocured >= TRACE) parts.push(part('re-procured', reprocured, whole - ext));
	return parts;
}

/**
 * A short label for a contract boundary, with what followed: "Contract ends: 74% extended, 26%
 * re-procured" (shares of all futures), "Ends in 74%: re-procured". The same words label the
 * fan chart on a page and on the workshop's projector.
 */
export function boundaryLabel(b: Boundary): string {
	const head = b.share >= 1 - TRACE ? 'Contract ends' : `Ends in ${fmtPct(b.share)}`;
	const parts = outcomeParts(b, 'label');
	return parts.length ? `${head}: ${parts.join(', ')}` : head;
}

/**
 * What happens at a boundary, in a sentence for readouts, tables and the workshop, e.g. "After
 * month 36 the contract ends in every future: it is extended in 74% and re-procured in 26%; the
 * service changes hands in 14%".
 */
export function boundaryWords(b: Boundary): string {
	const where =
		b.share >= 1 - TRACE
			? `after month ${b.month - 1} the contract ends in every future`
			: `after month ${b.month - 1} a contract ends in ${fmtPct(b.share)} of futures`;
	const parts = outcomeParts(b, 'words');
	const what = parts.length ? `: it is ${listWords(parts)}` : '';
	const hands = b.changed >= TRACE ? `; the service changes hands in ${fmtPct(b.changed)}` : '';
	return `${where}${what}${hands}`;
}

/** The values of one series at a month (0-based index), for a readout. */
function bandLines(bands: Bands, i: number): string[] {
	return [
		`Median ${fmtScore(bands.p50[i])}`,
		`Middle half of futures: ${fmtScore(bands.p25[i])} to ${fmtScore(bands.p75[i])}`,
		`9 in 10 futures: ${fmtScore(bands.p5[i])} to ${fmtScore(bands.p95[i])}`
	];
}

/** Readout of the fan chart at month index i: trust bands plus any contract event. */
export function fanReadout(summary: Summary, i: number): { heading: string; lines: string[] } {
	const lines = bandLines(summary.series.trust, i);
	const tl = summary.timeline;
	if (tl.contractEnd[i] > 0)
		lines.push(
			boundaryWords({
				month: i + 1,
				share: tl.contractEnd[i],
				changed: tl.providerChange[i],
				extended: tl.extended[i]
			})
		);
	if (tl.mobilising[i] > 0)
		lines.push(`A provider is mobilising in ${fmtPct(tl.mobilising[i])} of futures`);
	return { heading: `Month ${i + 1}`, lines };
}

/** Index of the highest value (first one on ties). */
function argMax(values: readonly number[]): number {
	let best = 0;
	for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
	return best;
}

/** The fan chart in words. */
export function fanSummaryText(summary: Summary): string {
	const b = summary.series.trust;
	const last = summary.months - 1;
	const peak = argMax(b.p50);
	const parts = [
		`Median trust starts at ${fmtScore(b.p50[0])} in month 1 and ends at ${fmtScore(b.p50[last])} after ${fmtDuration(summary.months)}.`
	];
	if (peak > 0 && peak < last && b.p50[peak] - Math.max(b.p50[last], b.p50[0]) >= 0.02)
		parts.push(`It peaks at ${fmtScore(b.p50[peak])} in month ${peak + 1}.`);
	parts.push(
		`In 9 of 10 simulated futures, trust in the last month lies between ${fmtScore(b.p5[last])} and ${fmtScore(b.p95[last])}; the threshold is ${fmtScore(summary.threshold)}.`
	);
	for (const b of timelineMarks(summary.timeline).boundaries)
		parts.push(`${capitalise(boundaryWords(b))}.`);
	return parts.join(' ');
}

/** The fan chart's data as a table, one row per month. */
export function fanTable(summary: Summary): TableData {
	const b = summary.series.trust;
	const tl = summary.timeline;
	return {
		caption: `Trust by month across ${summary.receipt.runs} simulated futures (threshold ${fmtScore(summary.threshold)})`,
		columns: [
			'Month',
			'5th percentile',
			'25th percentile',
			'Median',
			'75th percentile',
			'95th percentile',
			'Contract events'
		],
		textColumns: [6],
		rows: b.p50.map((_, i) => {
			const events: string[] = [];
			if (tl.contractEnd[i] > 0)
				events.push(
					boundaryWords({
						month: i + 1,
						share: tl.contractEnd[i],
						changed: tl.providerChange[i],
						extended: tl.extended[i]
					})
				);
			if (tl.mobilising[i] > 0) events.push(`mobilising in ${fmtPct(tl.mobilising[i])} of futures`);
			return [
				String(i + 1),
				fmtScore(b.p5[i]),
				fmtScore(b.p25[i]),
				fmtScore(b.p50[i]),
				fmtScore(b.p75[i]),
				fmtScore(b.p95[i]),
				events.join('; ') || '—'
			];
		})
	};
}
