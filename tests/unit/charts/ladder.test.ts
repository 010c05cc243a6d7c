import { describe, expect, it } from 'vitest';
import {
	ladderReadout,
	ladderStack,
	ladderSummaryText,
	ladderTable,
	layerPath,
	shareAtOrAbove
} from '$lib/charts/ladder';
import { monthScale, unitScale } from '$lib/charts/scales';
import { handMade, simulated } from './fixtures';

describe('ladder stack', () => {
	const ladder = [
		[0.5, 0.2],
		[0.3, 0.3],
		[0.2, 0.5]
	];

	it('stacks rungs from the bottom, each on top of the one below', () => {
		const layers = ladderStack(ladder);
		expect(layers.map((l) => l.rung)).toEqual([0, 1, 2]);
		expect(layers[0].lower).toEqual([0, 0]);
		expect(layers[0].upper).toEqual([0.5, 0.2]);
		expect(layers[1].lower).toEqual([0.5, 0.2]);
		expect(layers[1].upper).toEqual([0.8, 0.5]);
		expect(layers[2].upper[0]).toBeCloseTo(1);
		expect(layers[2].upper[1]).toBeCloseTo(1);
	});

	it('stacks a real ladder to the whole community every month', () => {
		const s = simulated('typical', 50);
		const layers = ladderStack(s.ladder);
		expect(layers).toHaveLength(6);
		const top = layers[layers.length - 1].upper;
		for (const v of top) expect(v).toBeCloseTo(1, 6);
	});

	it('draws a layer as a closed area', () => {
		const layers = ladderStack(ladder);
		const d = layerPath(layers[1], monthScale(2, 10), unitScale(100));
		expect(d).toBe('M0,20L10,50L10,80L0,50Z');
	});

	it('adds shares from a rung upwards', () => {
		expect(shareAtOrAbove(ladder, 1, 0)).toBeCloseTo(0.5);
		expect(shareAtOrAbove(ladder, 0, 1)).toBeCloseTo(1);
	});
});

describe('ladder words and table', () => {
	const s = handMade({ months: 6, monthsToTrust: [1, -1] });

	it('reads every rung at a month, top rung first', () => {
		const r = ladderReadout(s, 2);
		expect(r.heading).toBe('Month 3, average share of the community');
		expect(r.lines).toEqual([
			'Co-producing: 4%',
			'Co-designing: 6%',
			'Engaged: 10%',
			'Consulted: 10%',
			'Informed: 20%',
			'Unaware: 50%'
		]);
	});

	it('describes the ladder in words', () => {
		expect(ladderSummaryText(s)).toBe(
			'On average, by the last month the largest group of the community is unaware (50%). 20% are engaged or higher and 10% co-designing or co-producing.'
		);
	});

	it('starts its second sentence with a capital when under 1% are engaged', () => {
		const few = handMade({ months: 6, monthsToTrust: [1, -1] });
		few.ladder = [0.34, 0.66, 0, 0.003, 0, 0].map((v) => new Array<number>(6).fill(v));
		const text = ladderSummaryText(few);
		expect(text).toContain('(66%). Under 1% are engaged or higher');
		expect(text).not.toMatch(/\. under/);
	});

	it('tables one row per month and a column per rung', () => {
		const t = ladderTable(s);
		expect(t.columns).toEqual([
			'Month',
			'Unaware',
			'Informed',
			'Consulted',
			'Engaged',
			'Co-designing',
			'Co-producing'
		]);
		expect(t.rows).toHaveLength(6);
		expect(t.rows[0]).toEqual(['1', '50%', '20%', '10%', '10%', '6%', '4%']);
	});
});
