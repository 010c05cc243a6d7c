import { describe, expect, it } from 'vitest';
import { presetById, simulate, type Summary } from '../../../src/lib/sim';
import { eventsBy, headWords, latestEvent, timelineEvents } from '../../../src/lib/charts/timeline';

let cached: Summary | undefined;
/** The short-contracts example: a contract ends every two years, with changes of hands. */
function churn(): Summary {
	const p = presetById('churn');
	if (!p) throw new Error('no churn preset');
	cached ??= simulate({ ...p.scenario, runs: 40 });
	return cached;
}

describe("the presenter chart's timeline", () => {
	it('lists contract ends between months, with what followed in the label and the words', () => {
		const summary = churn();
		const events = timelineEvents(summary);
		expect(events.length).toBeGreaterThanOrEqual(4);
		expect(events[0].month).toBe(25);
		expect(events[0].at).toBe(24.5);
		expect(events[0].words).toMatch(/^After month 24 the contract ends in every future/);
		expect(events[0].words).toMatch(/changes hands in \d+%\.$/);
		// One wording with the fan chart on a page: no "New provider (39%)" here and "Ends" there.
		expect(events[0].label).toMatch(
			/^Contract ends: (re-procured|\d+% extended, \d+% re-procured)$/
		);
		for (let i = 1; i < events.length; i++) expect(events[i].at).toBeGreaterThan(events[i - 1].at);
	});

	it('shows an event once the playback passes it, and names the latest', () => {
		const events = timelineEvents(churn());
		expect(eventsBy(events, 24)).toEqual([]);
		expect(eventsBy(events, 24.5)).toEqual([events[0]]);
		expect(latestEvent(events, 10)).toBeNull();
		expect(latestEvent(events, 60)).toBe(eventsBy(events, 60).at(-1));
		expect(eventsBy(events, 1e9)).toEqual(events);
	});

	it('says where the playback is in words', () => {
		const summary = churn();
		const b = summary.series.trust;
		expect(headWords(summary, 0)).toBe('Month 0 of 120: nothing drawn yet');
		expect(headWords(summary, 36.7)).toBe(
			`Month 36 of 120: median trust ${b.p50[35].toFixed(2)} (middle half ${b.p25[35].toFixed(2)} to ${b.p75[35].toFixed(2)})`
		);
		expect(headWords(summary, 500)).toMatch(/^Month 120 of 120/);
	});
});
