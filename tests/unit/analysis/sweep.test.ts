import { describe, expect, it } from 'vitest';
import {
	axisValues,
	cellResult,
	cellScenario,
	cellValue,
	colourDomain,
	sweepValueText,
	uniformSweep,
	type CellResult,
	DEFAULT_SWEEP_METRIC,
	firstStride,
	isSweepProbability,
	nearestEvaluated,
	refinementOrder,
	snapToSpec,
	strideIndices,
	sweepAxis,
	sweepMetricInfo,
	SWEEP_METRICS
} from '$lib/analysis';
import { getParam, paramSpec, presetById, simulate, type ParamSpec } from '$lib/sim';

function spec(path: string): ParamSpec {
	const s = paramSpec(path);
	if (!s) throw new Error(path);
	return s;
}

describe('sweep grid', () => {
	it('spreads values evenly over the documented range, on the step', () => {
		expect(axisValues(spec('power.sharing'), 6)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
	});

	it('steps a lever in months by round numbers of months between its ends', () => {
		expect(axisValues(spec('contract.lengthMonths'), 6)).toEqual([6, 24, 48, 72, 96, 120]);
		expect(axisValues(spec('contract.lengthMonths'), 4)).toEqual([6, 36, 72, 120]);
		expect(axisValues(spec('contract.lengthMonths'), 3, 24, 60)).toEqual([24, 48, 60]);
		expect(axisValues(spec('contract.extensionMonths'), 6)).toEqual([0, 12, 24, 36, 48, 60]);
		expect(axisValues(spec('contract.lengthMonths'), 2)).toEqual([6, 120]);
	});

	it('drops repeated whole numbers on a short range', () => {
		// Trusted partners run 0 to 10: 20 points would repeat values.
		expect(axisValues(spec('partners.count'), 20)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
	});

	it('snaps to the step and clamps into the range', () => {
		expect(snapToSpec(spec('power.sharing'), 0.333333)).toBe(0.33);
		expect(snapToSpec(spec('power.sharing'), 1.7)).toBe(1);
		expect(snapToSpec(spec('contract.lengthMonths'), 36.6)).toBe(37);
	});

	it('names an unknown parameter', () => {
		const r = sweepAxis('contract.nope', 3);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/contract\.nope/);
	});

	it('builds the scenario of a cell from both axis values', () => {
		const base = presetById('typical')?.scenario;
		if (!base) throw new Error('preset');
		const x = { path: 'contract.lengthMonths', values: [12, 48] };
		const y = { path: 'power.sharing', values: [0.1, 0.9] };
		const s = cellScenario(base, x, y, { i: 1, j: 0, level: 0 });
		expect(getParam(s, 'contract.lengthMonths')).toBe(48);
		expect(getParam(s, 'power.sharing')).toBe(0.1);
		expect(getParam(base, 'contract.lengthMonths')).toBe(36);
	});
});

describe('refinement order', () => {
	it('keeps the edges at every stride', () => {
		expect(strideIndices(10, 4)).toEqual([0, 4, 8, 9]);
		expect(strideIndices(9, 4)).toEqual([0, 4, 8]);
		expect(strideIndices(5, 1)).toEqual([0, 1, 2, 3, 4]);
		expect(firstStride(10)).toBe(4);
		expect(firstStride(5)).toBe(2);
		expect(firstStride(3)).toBe(1);
	});

	it('visits every cell exactly once', () => {
		for (const [nx, ny] of [
			[1, 1],
			[3, 2],
			[5, 5],
			[10, 10],
			[7, 12]
		]) {
			const order = refinementOrder(nx, ny);
			expect(order).toHaveLength(nx * ny);
			const keys = new Set(order.map((c) => c.j * nx + c.i));
			expect(keys.size).toBe(nx * ny);
		}
	});

	it('shows the four corners and a coarse lattice first, then refines level by level', () => {
		const order = refinementOrder(5, 5);
		const first = order.filter((c) => c.level === 0).map((c) => [c.i, c.j]);
		expect(first).toEqual([
			[0, 0],
			[2, 0],
			[4, 0],
			[0, 2],
			[2, 2],
			[4, 2],
			[0, 4],
			[2, 4],
			[4, 4]
		]);
		expect(order.slice(first.length).every((c) => c.level === 1)).toBe(true);
		// Levels never go back.
		for (let k = 1; k < order.length; k++)
			expect(order[k].level).toBeGreaterThanOrEqual(order[k - 1].level);
	});

	it('on a 10 x 10 grid starts with 16 cells spanning the whole grid', () => {
		const order = refinementOrder(10, 10);
		const first = order.filter((c) => c.level === 0);
		expect(first).toHaveLength(16);
		expect(new Set(first.map((c) => c.i))).toEqual(new Set([0, 4, 8, 9]));
		expect(order.filter((c) => c.level === 1)).toHaveLength(36 - 16);
		expect(order.filter((c) => c.level === 2)).toHaveLength(100 - 36);
	});

	it('fills each cell not yet run from its nearest run neighbour', () => {
		// 3 x 2 grid; cells 0 (0,0) and 5 (2,1) are evaluated.
		const done = [true, false, false, false, false, true];
		expect(Array.from(nearestEvaluated(3, 2, done))).toEqual([0, 0, 5, 0, 5, 5]);
		expect(Array.from(nearestEvaluated(2, 1, [false, false]))).toEqual([-1, -1]);
	});
});

describe('what a sweep shows', () => {
	it('shows trust in the final year unless asked otherwise, and each measure from 0 to 1', () => {
		expect(DEFAULT_SWEEP_METRIC).toBe('medianFinalTrust');
		expect(sweepMetricInfo(DEFAULT_SWEEP_METRIC).label).toBe('Median trust in the final year');
		const s = presetById('typical')?.scenario;
		if (!s) throw new Error('preset');
		const summary = simulate({ ...s, runs: 20, horizonMonths: 24 });
		const c = cellResult(summary);
		expect(c.medianFinalTrust).toBe(summary.metrics.finalTrust.p50);
		expect(c.medianMeanTrust).toBe(summary.metrics.meanTrust.p50);
		expect(c.finalTrustMiddle).toEqual([
			summary.metrics.finalTrust.p25,
			summary.metrics.finalTrust.p75
		]);
		for (const m of SWEEP_METRICS) {
			const v = cellValue(c, m.key);
			expect(v, m.key).toBeGreaterThanOrEqual(0);
			expect(v, m.key).toBeLessThanOrEqual(m.kind === 'months' ? c.months : 1);
			expect(isSweepProbability(m.key)).toBe(m.kind === 'probability');
		}
		expect(cellValue(c, 'trustAboveThreshold')).toBe(summary.probabilities.trustAboveThreshold.p);
		// Months the median future is at or above the threshold, counted from the monthly medians.
		const median = summary.series.trust.p50;
		expect(c.monthsMedianAbove).toBe(median.filter((v) => v >= summary.threshold).length);
		// The share engaged or higher: the mean over futures, averaged over the final year.
		const engaged = summary.series.engaged.mean.slice(-12);
		expect(c.engagedFinalYear).toBeCloseTo(engaged.reduce((a, b) => a + b, 0) / 12, 12);
	}, 60_000);

	it('offers continuous measures beside the chances', () => {
		const kinds = SWEEP_METRICS.map((m) => m.kind);
		expect(kinds).toContain('months');
		expect(kinds).toContain('share');
		expect(SWEEP_METRICS.map((m) => m.label)).toContain(
			'Share of the community engaged or higher in the final year'
		);
	});

	it('prints each kind of measure in its own unit', () => {
		expect(sweepValueText('medianFinalTrust', 0.4234)).toBe('0.42');
		expect(sweepValueText('trustAboveThreshold', 0)).toBe('0%');
		expect(sweepValueText('engagedFinalYear', 0.123)).toBe('12%');
		expect(sweepValueText('monthsMedianAbove', 17.6)).toBe('18');
	});
});

/** A cell with the given median final-year trust and chance above the threshold. */
function cell(trust: number, p: number): CellResult {
	const pr = { p, se: Math.sqrt((p * (1 - p)) / 100), count: 100 };
	return {
		reachesCodesigning: { p: 0, se: 0, count: 100 },
		trustAboveThreshold: pr,
		medianFinalTrust: trust,
		finalTrustMiddle: [trust - 0.02, trust + 0.02],
		medianMeanTrust: trust,
		monthsMedianAbove: 0,
		engagedFinalYear: 0.1,
		months: 120
	};
}

describe('a sweep whose cells are all the same', () => {
	it('says so and suggests the first measure that varies', () => {
		const cells = [cell(0.24, 0), cell(0.42, 0), null, cell(0.3, 0)];
		expect(uniformSweep(cells, 'trustAboveThreshold')).toEqual({
			count: 3,
			text: '0%',
			suggest: 'medianFinalTrust'
		});
	});

	it('says nothing when the cells differ, or when fewer than two have run', () => {
		expect(uniformSweep([cell(0.24, 0), cell(0.42, 0.5)], 'trustAboveThreshold')).toBeNull();
		expect(uniformSweep([cell(0.24, 0), cell(0.42, 0)], 'medianFinalTrust')).toBeNull();
		expect(uniformSweep([cell(0.24, 0), null], 'trustAboveThreshold')).toBeNull();
	});

	it('suggests no measure when every measure is the same in every cell', () => {
		const u = uniformSweep([cell(0.3, 0), cell(0.3, 0)], 'medianFinalTrust');
		expect(u).toEqual({ count: 2, text: '0.30', suggest: null });
	});
});

describe('the colour scale of a sweep', () => {
	it('spans 0 to 1 for a chance, and the cells’ own range for trust', () => {
		expect(colourDomain([0.2, 0.3], 'probability')).toEqual([0, 1]);
		expect(colourDomain([0.37, 0.51, 0.44], 'trust')).toEqual([0.35, 0.55]);
		expect(colourDomain([0.41, 0.42], 'trust')).toEqual([0.4, 0.5]);
		expect(colourDomain([0.01], 'trust')).toEqual([0, 0.1]);
		expect(colourDomain([0.99], 'trust')).toEqual([0.9, 1]);
		expect(colourDomain([], 'trust')).toEqual([0, 1]);
		expect(colourDomain([NaN, 0.5], 'trust')).toEqual([0.5, 0.6]);
		expect(colourDomain([0.12, 0.2], 'share')).toEqual([0.1, 0.2]);
		expect(colourDomain([0, 40, 17], 'months')).toEqual([0, 42]);
		expect(colourDomain([50, 52], 'months')).toEqual([48, 60]);
		expect(colourDomain([], 'months')).toEqual([0, 12]);
	});
});
