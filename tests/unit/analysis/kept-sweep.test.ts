// A sweep kept for the board pack is read back only when it has the shape the pack draws.
import { describe, expect, it } from 'vitest';
import { readKeptSweep, type CellResult, type KeptSweep } from '$lib/analysis';

const cell: CellResult = {
	reachesCodesigning: { p: 0.1, se: 0.03, count: 100 },
	trustAboveThreshold: { p: 0.2, se: 0.04, count: 100 },
	medianFinalTrust: 0.45,
	finalTrustMiddle: [0.4, 0.5],
	medianMeanTrust: 0.44,
	monthsMedianAbove: 0,
	engagedFinalYear: 0.3,
	months: 120
};

const kept: KeptSweep = {
	scenario: '{"name":"S"}',
	x: { path: 'partners.count', values: [0, 5, 10] },
	y: { path: 'power.sharing', values: [0, 1] },
	cells: [cell, cell, null, cell, cell, cell],
	display: [0, 1, 1, 3, 4, 5],
	metric: 'medianFinalTrust',
	target: 0.5,
	threshold: 0.6,
	goal: { axis: 'x', value: 5, other: 0, label: 'Goal: 5' },
	goalText: '5 is the fewest trusted local partners …'
};

describe('a sweep kept for the board pack', () => {
	it('reads back what was kept, through JSON', () => {
		expect(readKeptSweep(JSON.parse(JSON.stringify(kept)))).toEqual(kept);
		expect(readKeptSweep({ ...kept, goal: null, goalText: null })?.goal).toBeNull();
	});

	it('refuses anything else', () => {
		for (const bad of [
			null,
			'text',
			{ ...kept, cells: kept.cells.slice(1) },
			{ ...kept, display: [0, 1] },
			{ ...kept, metric: 'nonsense' },
			{ ...kept, x: { path: 'partners.count', values: ['a'] } },
			{ ...kept, cells: [{ ...cell, medianFinalTrust: 'high' }, ...kept.cells.slice(1)] },
			{ ...kept, scenario: 3 }
		])
			expect(readKeptSweep(bad)).toBeNull();
	});
});
