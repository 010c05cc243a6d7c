/** The charts repeat a few of the core's names (they import only types from it): keep them equal. */
import { describe, expect, it } from 'vitest';
import { RUNG_LABELS, RUNGS, SERIES_INFO } from '$lib/sim';
import { FINAL_YEAR } from '$lib/sim/run';
import {
	COMPONENT_HELP,
	COMPONENT_LABELS,
	COMPONENTS,
	FINAL_YEAR_MONTHS,
	RUNG_NAMES
} from '$lib/charts/labels';
import { fmtPct, fmtDuration, fmtScore } from '$lib/charts/format';

describe('names shared with the core', () => {
	it('names the rungs as the core does, bottom to top', () => {
		expect([...RUNG_NAMES]).toEqual(RUNGS.map((r) => RUNG_LABELS[r]));
	});

	it('names and explains the components as the core does', () => {
		for (const k of COMPONENTS) {
			expect(COMPONENT_LABELS[k]).toBe(SERIES_INFO[k].label);
			expect(COMPONENT_HELP[k]).toBe(SERIES_INFO[k].help);
		}
	});
});

describe('formatting', () => {
	it('never rounds a share to none or all when it is neither', () => {
		expect(fmtPct(0)).toBe('0%');
		expect(fmtPct(0.004)).toBe('under 1%');
		expect(fmtPct(0.38)).toBe('38%');
		expect(fmtPct(0.996)).toBe('over 99%');
		expect(fmtPct(1)).toBe('100%');
	});

	it('formats scores and durations', () => {
		expect(fmtScore(0.6)).toBe('0.60');
		expect(fmtDuration(120)).toBe('10 years');
		expect(fmtDuration(12)).toBe('1 year');
		expect(fmtDuration(30)).toBe('30 months');
	});
});

describe('the final year', () => {
	it('is as long in the charts’ words as in the model that averages over it', () => {
		expect(FINAL_YEAR_MONTHS).toBe(FINAL_YEAR);
	});
});
