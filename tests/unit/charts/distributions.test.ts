import { describe, expect, it } from 'vitest';
import {
	barReadout,
	boundariesOf,
	distributions,
	distributionSummaryText,
	distributionTable,
	histogram
} from '$lib/charts/distributions';
import { handMade, simulated } from './fixtures';

const label = (a: number, b: number) => `${a}-${b}`;

describe('bins', () => {
	it('makes evenly spaced boundaries with extra cut points added in order', () => {
		expect(boundariesOf(0, 1, 0.25)).toEqual([0, 0.25, 0.5, 0.75, 1]);
		expect(boundariesOf(0, 1, 0.25, [0.6])).toEqual([0, 0.25, 0.5, 0.6, 0.75, 1]);
		expect(boundariesOf(0, 1, 0.25, [0.5, 2])).toEqual([0, 0.25, 0.5, 0.75, 1]);
	});

	it('counts each value once, the top value in the last bin', () => {
		const values = [0, 0.1, 0.25, 0.5, 0.99, 1];
		const bars = histogram(
			values,
			values.map(() => false),
			[0, 0.25, 0.5, 0.75, 1],
			label
		);
		expect(bars.map((b) => b.count)).toEqual([2, 1, 1, 2]);
		expect(bars.map((b) => [b.x0, b.x1])).toEqual([
			[0, 0.25],
			[0.25, 0.5],
			[0.5, 0.75],
			[0.75, 1]
		]);
	});

	it('splits each bar by whether the future reached trust', () => {
		const values = [0.1, 0.2, 0.7, 0.8];
		const bars = histogram(values, [true, false, true, true], [0, 0.5, 1], label);
		expect(bars.map((b) => [b.count, b.reached])).toEqual([
			[2, 1],
			[2, 2]
		]);
	});

	it('keeps values outside the range in the end bins', () => {
		const bars = histogram([-1, 5], [false, false], [0, 0.5, 1], label);
		expect(bars.map((b) => b.count)).toEqual([1, 1]);
	});
});

describe('end-metric distributions', () => {
	it('cuts trust in the final year exactly at the threshold', () => {
		const s = handMade({
			threshold: 0.63,
			monthsToTrust: [5, 6, -1, -1],
			finalTrust: [0.62, 0.64, 0.3, 0.63]
		});
		const [trust] = distributions(s);
		const below = trust.bars.filter((b) => b.x1 <= 0.63).reduce((a, b) => a + b.count, 0);
		const above = trust.bars.filter((b) => b.x0 >= 0.63).reduce((a, b) => a + b.count, 0);
		expect(below).toBe(2);
		expect(above).toBe(2);
		expect(trust.marker).toEqual({ value: 0.63, label: 'Threshold 0.63' });
		expect(trust.headline).toBe('At or above 0.63 in the final year: 2 of 4 futures');
		expect(trust.title).toBe('Trust in the final year');
		expect(trust.axis).toBe('Mean trust over months 13 to 24');
	});

	it('bins months to trust by year and adds a bar for futures that never get there', () => {
		const s = handMade({ months: 120, monthsToTrust: [1, 12, 13, 120, -1, -1] });
		const months = distributions(s)[1];
		const never = months.bars[months.bars.length - 1];
		expect(never.never).toBe(true);
		expect(never.count).toBe(2);
		expect(never.label).toBe('never within 10 years');
		expect(months.bars[0]).toMatchObject({ count: 2, label: 'months 1 to 12' });
		expect(months.bars[1]).toMatchObject({ count: 1, label: 'months 13 to 24' });
		expect(months.bars[months.bars.length - 2]).toMatchObject({
			count: 1,
			label: 'months 109 to 120'
		});
		expect(months.headline).toBe('Reaches 0.60 within 10 years: 4 of 6 futures');
	});

	it('keeps health-outcome bins whole people wide when counts are small', () => {
		const s = handMade({ monthsToTrust: [1, -1], outcomes: [0, 1] });
		const health = distributions(s)[3];
		for (const b of health.bars) {
			expect(Number.isInteger(b.x0)).toBe(true);
			expect(Number.isInteger(b.x1)).toBe(true);
		}
		expect(health.domain[1]).toBeGreaterThanOrEqual(10);
		expect(health.bars.reduce((a, b) => a + b.count, 0)).toBe(2);
	});

	it('says "1 future", not "1 futures"', () => {
		const s = handMade({ monthsToTrust: [-1], finalTrust: [0.3] });
		expect(distributions(s)[0].headline).toBe('At or above 0.60 in the final year: 0 of 1 future');
	});

	it('counts every future once in each distribution of a real summary', () => {
		const s = simulated('towards', 60);
		for (const d of distributions(s)) {
			expect(
				d.bars.reduce((a, b) => a + b.count, 0),
				d.key
			).toBe(60);
			for (const b of d.bars) expect(b.reached).toBeLessThanOrEqual(b.count);
		}
	});

	it('writes the probability with its standard error once runs are many', () => {
		const s = simulated('courage', 60, 120);
		const [trust] = distributions(s);
		expect(trust.headline).toMatch(
			/^At or above 0\.60 in the final year: (\d+%|under 1%|over 99%) of futures \(±\d+\.\d points\)$/
		);
	});

	it('reads a bar, describes a distribution and tables it', () => {
		const s = handMade({ monthsToTrust: [5, -1, -1, 7], finalTrust: [0.62, 0.3, 0.31, 0.7] });
		const [trust] = distributions(s);
		const bar = trust.bars.find((b) => b.count === 2);
		expect(bar).toBeDefined();
		if (!bar) return;
		expect(barReadout(trust, bar, 0.6)).toEqual({
			heading: '0.30 to 0.35',
			lines: ['2 futures (50%)', '0 of them reached 0.60 at some point']
		});
		expect(distributionSummaryText(trust)).toBe(
			'At or above 0.60 in the final year: 2 of 4 futures. The most common range is 0.30 to 0.35, with 50% of the 4 futures.'
		);
		// When most futures never reach the threshold, "never" is not called a range.
		const toTrust = distributions(s)[1];
		expect(distributionSummaryText(toTrust)).toBe(
			'Reaches 0.60 within 2 years: 2 of 4 futures. The most common outcome is that trust never reaches the threshold (never within 2 years): 50% of the 4 futures.'
		);
		expect(distributionSummaryText(toTrust)).not.toContain('range is never');
		const t = distributionTable(trust, 0.6);
		expect(t.columns).toEqual(['Range', 'Futures', 'Share', 'Of them, reached 0.60']);
		expect(t.rows).toHaveLength(trust.bars.length);
	});
});
