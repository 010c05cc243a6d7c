/**
 * What the presenter's fan chart shows at a point of the playback: the contract events that
 * have happened by then, their labels, and the readout at the playback head. Pure: no DOM.
 */
import { boundaryLabel, boundaryWords, timelineMarks, type Boundary } from '$lib/charts/fan';
import { capitalise, fmtScore } from '$lib/charts/format';
import type { Summary } from '$lib/sim';

/** A contract event on the timeline: a contract ending (and what followed). */
export interface TimelineEvent {
	/** Where it is drawn: between the last month of one period and the first of the next. */
	at: number;
	/** The first month of the new period (1-based). */
	month: number;
	/** Short label for the chart. */
	label: string;
	/** The event in a sentence. */
	words: string;
}

function eventOf(b: Boundary): TimelineEvent {
	return {
		at: b.month - 0.5,
		month: b.month,
		label: boundaryLabel(b),
		words: `${capitalise(boundaryWords(b))}.`
	};
}

/** Every contract event of a summary that happens in at least `minShare` of futures. */
export function timelineEvents(summary: Summary, minShare = 0.05): TimelineEvent[] {
	return timelineMarks(summary.timeline, minShare).boundaries.map(eventOf);
}

/** The events that have happened by the time the playback has drawn `month` months. */
export function eventsBy(events: readonly TimelineEvent[], month: number): TimelineEvent[] {
	return events.filter((e) => e.at <= month);
}

/** The latest event that has happened by `month`, if any. */
export function latestEvent(events: readonly TimelineEvent[], month: number): TimelineEvent | null {
	const seen = eventsBy(events, month);
	return seen.length ? seen[seen.length - 1] : null;
}

/** The playback head in words, e.g. "Month 37 of 120: median trust 0.45 (middle half 0.40 to 0.50)". */
export function headWords(summary: Summary, month: number): string {
	const m = Math.min(summary.months, Math.floor(month + 1e-9));
	if (m < 1) return `Month 0 of ${summary.months}: nothing drawn yet`;
	const b = summary.series.trust;
	const i = m - 1;
	return `Month ${m} of ${summary.months}: median trust ${fmtScore(b.p50[i])} (middle half ${fmtScore(b.p25[i])} to ${fmtScore(b.p75[i])})`;
}
