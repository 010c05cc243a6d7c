import { describe, expect, it } from 'vitest';
import {
	correlation,
	dotReadout,
	MAX_DOTS,
	nearestPoint,
	quadrants,
	runJitter,
	tradeoffDots,
	tradeoffSummaryText,
	tradeoffTable
} from '$lib/charts/tradeoff';
import { handMade, simulated } from './fixtures';

describe('dots', () => {
	it('spreads dots by a fixed amount per run within ±0.5', () => {
		const js = Array.from({ length: 500 }, (_, r) => runJitter(r));
		for (const j of js) {
			expect(j).toBeGreaterThanOrEqual(-0.5);
			expect(j).toBeLessThan(0.5);
		}
		expect(runJitter(7)).toBe(runJitter(7));
		expect(new Set(js.map((j) => j.toFixed(3))).size).toBeGreaterThan(300);
	});

	it('makes one dot per future, ordered by KPI reviews met then trust', () => {
		const s = handMade({
			monthsToTrust: [5, -1, 9],
			kpiMet: [0.5, 0.25, 0.5],
			finalTrust: [0.7, 0.3, 0.65]
		});
		const dots = tradeoffDots(s);
		expect(dots.map((d) => d.run)).toEqual([1, 2, 0]);
		expect(dots[0]).toMatchObject({ kpi: 0.25, trust: 0.3, month: null });
		expect(dots[2]).toMatchObject({ kpi: 0.5, trust: 0.7, month: 5 });
	});

	it('draws at most the first MAX_DOTS futures', () => {
		const n = MAX_DOTS + 10;
		const s = handMade({ months: 12, monthsToTrust: new Array(n).fill(-1) });
		expect(tradeoffDots(s)).toHaveLength(MAX_DOTS);
		expect(tradeoffTable(s).caption).toContain(`the first 4,000 of 4,010`);
	});

	it('finds the dot nearest the pointer', () => {
		const pts: [number, number][] = [
			[0, 0],
			[10, 10],
			[20, 0]
		];
		expect(nearestPoint(pts, 9, 8)).toBe(1);
		expect(nearestPoint(pts, 19, 1)).toBe(2);
		expect(nearestPoint([], 1, 1)).toBe(-1);
	});
});

describe('statistics and words', () => {
	it('computes Pearson correlation', () => {
		expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1);
		expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1);
		expect(correlation([1, 1, 1], [1, 2, 3])).toBeNull();
		expect(correlation([1], [1])).toBeNull();
	});

	it('counts futures in each quarter', () => {
		const s = handMade({
			monthsToTrust: [1, 1, -1, -1],
			kpiMet: [0.8, 0.2, 0.8, 0.2],
			finalTrust: [0.7, 0.7, 0.3, 0.3]
		});
		expect(quadrants(s)).toEqual({
			highKpiHighTrust: 1,
			lowKpiHighTrust: 1,
			highKpiLowTrust: 1,
			lowKpiLowTrust: 1
		});
	});

	it('reads a dot', () => {
		expect(dotReadout({ run: 4, kpi: 0.25, trust: 0.314, month: null, jitter: 0 }, 0.6)).toEqual({
			heading: 'Future 5',
			lines: ['KPI reviews met: 25%', 'Trust in the final year: 0.31', 'Never reached 0.60']
		});
	});

	it('describes the link between KPIs and trust', () => {
		const s = handMade({
			monthsToTrust: [1, 1, -1, -1],
			kpiMet: [0.1, 0.2, 0.8, 0.9],
			finalTrust: [0.7, 0.65, 0.3, 0.2]
		});
		expect(tradeoffSummaryText(s)).toMatch(
			/^Futures that met more KPI reviews had lower trust in the final year: a strong negative link \(correlation -(0|1)\.\d\d\)\./
		);
		const flat = handMade({ monthsToTrust: [1, -1], kpiMet: [0.5, 0.5] });
		expect(tradeoffSummaryText(flat)).toMatch(/does not vary/);
	});

	it('tables every future in run order', () => {
		const s = simulated('typical', 50);
		const t = tradeoffTable(s);
		expect(t.rows).toHaveLength(50);
		expect(t.rows.map((r) => r[0])).toEqual(Array.from({ length: 50 }, (_, i) => String(i + 1)));
	});
});
