import { describe, expect, it } from 'vitest';
import { paramSpec, type ParamSpec } from '$lib/sim';
import { clampCount, SweepPage } from '$lib/features/compare/sweep-page.svelte';
import { SensitivityPage } from '$lib/features/compare/sensitivity-page.svelte';

describe('the sweep page state', () => {
	it('keeps axis counts and ranges within bounds, and follows a chance shown on the sweep', () => {
		expect(clampCount(1)).toBe(2);
		expect(clampCount(40)).toBe(15);
		expect(clampCount(Number.NaN)).toBe(2);
		const page = new SweepPage();
		const spec = paramSpec(page.axes.x.path) as ParamSpec;
		expect(page.rangeOf(spec)).toEqual({ from: spec.min, to: spec.max });
		page.setRange(spec, 'from', spec.min - 100);
		expect(page.rangeOf(spec).from).toBe(spec.min);
		page.setRange(spec, 'to', Number.NaN);
		expect(page.rangeOf(spec).to).toBe(spec.max);
		page.axes.y.path = page.axes.x.path;
		expect(page.sameAxes).toBe(true);
		page.metric = 'reachesCodesigning';
		page.metricChanged();
		expect(page.probability).toBe('reachesCodesigning');
		expect(page.sweepAxis('x').values.length).toBe(6);
		page.dispose();
	});
});

describe('the sensitivity page state', () => {
	it('moves the levers of the chosen groups and has no chart before a run', () => {
		const page = new SensitivityPage();
		expect(page.levers.length).toBeGreaterThan(0);
		page.groups = [];
		expect(page.levers).toEqual([]);
		expect(page.chart).toBeNull();
		page.start(); // No scenario chosen: nothing runs.
		expect(page.sens.status).toBe('idle');
		page.dispose();
	});
});
