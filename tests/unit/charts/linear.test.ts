/** The charts' linear scale agrees with d3's scaleLinear on everything the charts ask of it. */
import { scaleLinear as d3Linear } from 'd3';
import { describe, expect, it } from 'vitest';
import { scaleLinear } from '../../../src/lib/charts/linear';

const cases: [number[], number[]][] = [
	[
		[0, 1],
		[300, 0]
	],
	[
		[0, 120],
		[0, 640]
	],
	[
		[-0.37, 0.52],
		[0, 811]
	],
	[
		[3, 3],
		[0, 100]
	],
	[
		[10, -4],
		[20, 400]
	],
	[
		[0.0013, 0.97],
		[480, 12]
	]
];

describe('scaleLinear', () => {
	it('maps, inverts, ticks and nices as d3 does', () => {
		for (const [domain, range] of cases) {
			const ours = scaleLinear().domain(domain).range(range);
			const theirs = d3Linear().domain(domain).range(range);
			for (const v of [domain[0], domain[1], 0, 0.5, -2, 57.3]) expect(ours(v)).toBe(theirs(v));
			for (const p of [range[0], range[1], 33]) expect(ours.invert(p)).toBe(theirs.invert(p));
			for (const n of [undefined, 4, 12]) expect(ours.ticks(n)).toEqual(theirs.ticks(n));
			for (const n of [undefined, 4, 10]) {
				expect(ours.copy().nice(n).domain()).toEqual(theirs.copy().nice(n).domain());
			}
			expect(ours.domain()).toEqual(theirs.domain());
			expect(ours.range()).toEqual(theirs.range());
		}
	});

	it('clamps when asked, and copies keep their settings apart', () => {
		const ours = scaleLinear([0, 10], [0, 100]).clamp(true);
		expect(ours(20)).toBe(100);
		expect(ours(-5)).toBe(0);
		expect(ours.invert(150)).toBe(10);
		const copy = ours.copy().domain([0, 20]);
		expect(copy(20)).toBe(100);
		expect(ours.domain()).toEqual([0, 10]);
		expect(copy(30)).toBe(100);
	});
});
