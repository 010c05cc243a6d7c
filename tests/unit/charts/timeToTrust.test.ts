import { describe, expect, it } from 'vitest';
import {
	errorBandPath,
	monthReaching,
	reachedByMonth,
	stepPath,
	timeToTrustReadout,
	timeToTrustSummaryText,
	timeToTrustTable
} from '$lib/charts/timeToTrust';
import { monthScale, unitScale } from '$lib/charts/scales';
import { handMade, simulated } from './fixtures';

describe('share reached by month', () => {
	it('is the cumulative share of futures that have reached trust', () => {
		expect(reachedByMonth([2, 2, 4, -1], 5)).toEqual([0, 0.5, 0.5, 0.75, 0.75]);
		expect(reachedByMonth([], 3)).toEqual([0, 0, 0]);
	});

	it('agrees with the core’s own count on a real simulation', () => {
		const s = simulated('courage', 40);
		const curve = reachedByMonth(s.perRun.monthsToTrust, s.months);
		curve.forEach((v, i) => expect(v).toBeCloseTo(s.timeToTrust[i], 12));
		expect(1 - curve[curve.length - 1]).toBeCloseTo(s.neverTrusted, 12);
	});

	it('finds the month a share is first reached', () => {
		const curve = [0, 0.5, 0.5, 0.75, 0.75];
		expect(monthReaching(curve, 0.5)).toBe(2);
		expect(monthReaching(curve, 0.6)).toBe(4);
		expect(monthReaching(curve, 0.9)).toBeNull();
	});
});

describe('paths', () => {
	const x = monthScale(3, 20);
	const y = unitScale(100);

	it('steps after each month', () => {
		expect(stepPath([0, 0.5, 1], x, y)).toBe('M0,100L10,100L10,50L20,50L20,0');
	});

	it('keeps the error band within 0 and 1', () => {
		const d = errorBandPath([0, 0.5, 1], 4, x, y);
		const ys = [...d.matchAll(/,(-?[\d.]+)/g)].map((m) => Number(m[1]));
		for (const v of ys) {
			expect(v).toBeGreaterThanOrEqual(0);
			expect(v).toBeLessThanOrEqual(100);
		}
		// At 0.5 from 4 futures: ±1.96 × 0.25 = ±0.49.
		expect(ys).toContain(1);
		expect(ys).toContain(99);
	});
});

describe('words and table', () => {
	it('says when futures never reach trust', () => {
		const none = handMade({ months: 24, monthsToTrust: [-1, -1, -1] });
		expect(timeToTrustSummaryText(none)).toBe(
			'None of the 3 simulated futures reaches a trust of 0.60 within 2 years; the line stays at 0%.'
		);
	});

	it('gives the first month, the median month and the share that never get there', () => {
		const s = handMade({ months: 24, monthsToTrust: [3, 5, 5, 9, -1] });
		expect(timeToTrustSummaryText(s)).toBe(
			'The first futures reach a trust of 0.60 in month 3. Half of all futures have got there by month 5, and 80% by the end of 2 years. 20% of futures never reach it within 2 years.'
		);
		const r = timeToTrustReadout(s, 4);
		expect(r.heading).toBe('By month 5');
		expect(r.lines[0]).toBe('60% of futures have reached 0.60');
	});

	it('tables the share by month with its standard error', () => {
		const s = handMade({ months: 6, monthsToTrust: [1, 2, -1, -1] });
		const t = timeToTrustTable(s);
		expect(t.rows[0]).toEqual(['1', '25%', '21.7']);
		expect(t.rows[5]).toEqual(['6', '50%', '25.0']);
	});
});
