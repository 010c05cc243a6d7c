/**
 * Months at or above the threshold (`monthsAbove`): per future, the months of the horizon in
 * which mean trust is at or above `trust.threshold`, the same monthly trust `monthsToTrust`
 * compares with it (docs/model.md, section 7.12).
 */
import { describe, expect, it } from 'vitest';
import { NEVER, setParam, simulate, type Scenario } from '$lib/sim';
import { preset, traces, withParams } from './helpers';

/** A small, quick version of a preset: fewer members, 60 futures. */
function small(id: string, changes: Record<string, number> = {}): Scenario {
	return withParams(preset(id), { runs: 60, 'community.peoplePerAgent': 20, ...changes });
}

describe('months at or above the threshold', () => {
	it('counts the months whose trust is at or above the threshold, in every future', () => {
		const s = small('courage');
		const t = traces(s, s.runs);
		const trust = t.series('trust');
		const above = t.metric('monthsAbove');
		for (let r = 0; r < t.runs; r++)
			expect(above[r], `run ${r}`).toBe(trust[r].filter((v) => v >= s.trust.threshold).length);
		// Courage gets there in most futures: the count is not trivially 0.
		expect(Math.max(...above)).toBeGreaterThan(0);
	});

	it.each(['typical', 'towards', 'courage', 'churn'])(
		'is a whole number of months from 0 to the horizon, consistent with months to trust (%s)',
		(id) => {
			const s = small(id);
			const sum = simulate(s);
			const months = s.horizonMonths;
			sum.perRun.monthsAbove.forEach((above, r) => {
				expect(Number.isInteger(above), `run ${r}`).toBe(true);
				expect(above).toBeGreaterThanOrEqual(0);
				expect(above).toBeLessThanOrEqual(months);
				const m = sum.perRun.monthsToTrust[r];
				if (m === NEVER) expect(above, `run ${r} never reaches trust`).toBe(0);
				else {
					// The month it first gets there counts; none before it can.
					expect(above, `run ${r} reaches trust in month ${m}`).toBeGreaterThanOrEqual(1);
					expect(above).toBeLessThanOrEqual(months - m + 1);
				}
			});
			const m = sum.metrics.monthsAbove;
			expect(m.min).toBeGreaterThanOrEqual(0);
			expect(m.max).toBeLessThanOrEqual(months);
		}
	);

	it('is 0 in a future that never reaches the threshold', () => {
		// Today's typical contract never reaches 0.6 (docs/model.md, section 1).
		const sum = simulate(small('typical'));
		expect(sum.neverTrusted).toBe(1);
		expect(sum.perRun.monthsAbove.every((v) => v === 0)).toBe(true);
		expect(sum.metrics.monthsAbove.p50).toBe(0);
		expect(sum.metrics.monthsAbove.mean).toBe(0);
	});

	it('counts (almost) every month at a low threshold of 0.3', () => {
		const s = small('towards', { 'trust.threshold': 0.3 });
		const sum = simulate(s);
		const total = sum.perRun.monthsAbove.reduce((a, b) => a + b, 0);
		expect(total / (s.runs * s.horizonMonths)).toBeGreaterThan(0.98);
		expect(sum.metrics.monthsAbove.p50).toBe(s.horizonMonths);
	});

	it('never falls as the threshold is lowered, future by future', () => {
		const s = small('towards');
		const high = simulate(s).perRun.monthsAbove;
		const low = simulate(setParam(s, 'trust.threshold', 0.45)).perRun.monthsAbove;
		low.forEach((v, r) => expect(v, `run ${r}`).toBeGreaterThanOrEqual(high[r]));
		expect(low.reduce((a, b) => a + b, 0)).toBeGreaterThan(high.reduce((a, b) => a + b, 0));
	});

	it('leaves every other end metric unchanged by the threshold', () => {
		// The threshold is used only in reporting: levels, counts and shares stay as they were.
		const s = small('towards');
		const a = simulate(s).perRun;
		const b = simulate(setParam(s, 'trust.threshold', 0.45)).perRun;
		for (const key of ['finalTrust', 'meanTrust', 'minTrust', 'rung', 'outcomes'] as const)
			expect(b[key], key).toEqual(a[key]);
	});
});
