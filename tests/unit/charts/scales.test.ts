import { describe, expect, it } from 'vitest';
import {
	heightFor,
	makeFrame,
	monthAxes,
	monthIndexAt,
	monthScale,
	monthTicks,
	nextIndex,
	paddedExtent,
	sizedFrame,
	stackLabelRows,
	unitScale,
	unitTicks,
	widenForLabels
} from '$lib/charts/scales';

describe('frames and scales', () => {
	it('puts the plot inside the margins and never below one pixel', () => {
		const f = makeFrame(600, 300, { top: 10, right: 20, bottom: 30, left: 40 });
		expect(f.innerWidth).toBe(540);
		expect(f.innerHeight).toBe(260);
		expect(makeFrame(10, 10, { top: 10, right: 10, bottom: 10, left: 10 }).innerWidth).toBe(1);
	});

	it('keeps heights between their bounds', () => {
		expect(heightFor(1000, 0.4, 200, 500)).toBe(400);
		expect(heightFor(100, 0.4, 200, 500)).toBe(200);
		expect(heightFor(3000, 0.4, 200, 500)).toBe(500);
	});

	it('sizes a frame from its width, with margins in ems', () => {
		const f = sizedFrame(
			800,
			10,
			{ ratio: 0.5, min: 10, max: 30 },
			{ top: 1, right: 2, bottom: 3, left: 4 },
			2
		);
		expect(f.height).toBe(300 + 20);
		expect(f.margin).toEqual({ top: 10, right: 20, bottom: 30, left: 40 });
		expect(f.innerWidth).toBe(740);
		expect(
			sizedFrame(
				100,
				10,
				{ ratio: 0.5, min: 10, max: 30 },
				{ top: 0, right: 0, bottom: 0, left: 0 }
			).height
		).toBe(100);
	});

	it('gives a month-by-score plot its scales and ticks', () => {
		const f = makeFrame(620, 320, { top: 10, right: 10, bottom: 10, left: 10 });
		const a = monthAxes(120, f, 16, { x: 3, y: 2.2, percent: true });
		expect(a.x(1)).toBe(0);
		expect(a.x(120)).toBe(600);
		expect(a.y(0)).toBe(300);
		expect(a.y(1)).toBe(0);
		expect(a.xTicks).toEqual(monthTicks(120, 600, 48));
		expect(a.yTicks).toEqual(unitTicks(300, 2.2 * 16, true));
	});

	it('maps month 1 to the left edge and the last month to the right edge', () => {
		const x = monthScale(120, 595);
		expect(x(1)).toBe(0);
		expect(x(120)).toBe(595);
		expect(x(60.5)).toBeCloseTo(297.5);
	});

	it('maps 0 to the bottom and 1 to the top', () => {
		const y = unitScale(200);
		expect(y(0)).toBe(200);
		expect(y(1)).toBe(0);
		expect(y(0.6)).toBeCloseTo(80);
	});

	it('finds the nearest month to a position, kept within the months', () => {
		const x = monthScale(120, 595);
		expect(monthIndexAt(0, x, 120)).toBe(0);
		expect(monthIndexAt(x(41), x, 120)).toBe(40);
		expect(monthIndexAt(x(41) + 2, x, 120)).toBe(40);
		expect(monthIndexAt(-50, x, 120)).toBe(0);
		expect(monthIndexAt(9999, x, 120)).toBe(119);
	});
});

describe('ticks', () => {
	it('puts month ticks at whole years, spaced out when narrow', () => {
		expect(monthTicks(120, 1190, 30).map((t) => t.value)).toEqual([
			1, 12, 24, 36, 48, 60, 72, 84, 96, 108, 120
		]);
		// 119 px for 119 months: 12 months = 12 px is too tight for 30 px, so every 36 months.
		expect(monthTicks(120, 119, 30).map((t) => t.value)).toEqual([1, 36, 72, 108]);
	});

	it('labels month ticks with the month number', () => {
		expect(monthTicks(36, 700, 30).map((t) => t.label)).toEqual(['1', '12', '24', '36']);
	});

	it('gives score ticks from 0 to 1 at a step that leaves room', () => {
		expect(unitTicks(400, 30).map((t) => t.value)).toEqual([
			0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1
		]);
		expect(unitTicks(100, 30).map((t) => t.value)).toEqual([0, 0.5, 1]);
		expect(unitTicks(200, 30, true).map((t) => t.label)).toEqual([
			'0%',
			'20%',
			'40%',
			'60%',
			'80%',
			'100%'
		]);
	});
});

describe('keyboard cursor', () => {
	it('moves one step with the arrows and stops at either end', () => {
		expect(nextIndex('ArrowRight', 5, 10)).toBe(6);
		expect(nextIndex('ArrowUp', 5, 10)).toBe(6);
		expect(nextIndex('ArrowLeft', 5, 10)).toBe(4);
		expect(nextIndex('ArrowDown', 5, 10)).toBe(4);
		expect(nextIndex('ArrowRight', 9, 10)).toBe(9);
		expect(nextIndex('ArrowLeft', 0, 10)).toBe(0);
	});

	it('moves a page with Page Up and Page Down, and to the ends with Home and End', () => {
		expect(nextIndex('PageUp', 5, 120)).toBe(17);
		expect(nextIndex('PageDown', 5, 120)).toBe(0);
		expect(nextIndex('PageUp', 115, 120)).toBe(119);
		expect(nextIndex('PageUp', 0, 20, 5)).toBe(5);
		expect(nextIndex('Home', 50, 120)).toBe(0);
		expect(nextIndex('End', 50, 120)).toBe(119);
	});

	it('starts from an end when nothing is chosen, and ignores other keys', () => {
		expect(nextIndex('ArrowRight', null, 10)).toBe(0);
		expect(nextIndex('ArrowLeft', null, 10)).toBe(9);
		expect(nextIndex('Enter', 3, 10)).toBeNull();
		expect(nextIndex('a', 3, 10)).toBeNull();
		expect(nextIndex('ArrowRight', null, 0)).toBeNull();
	});
});

describe('label rows', () => {
	it('keeps labels that do not overlap on one row', () => {
		expect(stackLabelRows([50, 200, 400], [60, 60, 60])).toEqual([0, 0, 0]);
	});

	it('moves overlapping labels to the next free row', () => {
		// 100 and 130 overlap (width 60); 170 clears the first (with the 8 px gap) but not the second; 165 clears neither.
		expect(stackLabelRows([100, 130, 170], [60, 60, 60])).toEqual([0, 1, 0]);
		expect(stackLabelRows([100, 130, 165], [60, 60, 60])).toEqual([0, 1, 2]);
		expect(stackLabelRows([130, 100], [60, 60])).toEqual([1, 0]);
	});
});

describe('padded extent', () => {
	const opts = { pad: 0.1, minSpan: 0.2, step: 0.1, lo: 0, hi: 1 };

	it('holds every value and the included ones, rounded out to the step', () => {
		const [a, b] = paddedExtent([0.42, 0.55, 0.47], [0.6], opts);
		expect(a).toBeLessThanOrEqual(0.42);
		expect(b).toBeGreaterThanOrEqual(0.6);
		expect(a).toBeCloseTo(0.3);
		expect(b).toBeCloseTo(0.7);
	});

	it('widens a narrow spread to the least span and stays within bounds', () => {
		const [a, b] = paddedExtent([0.95, 0.96], [], opts);
		expect(b - a).toBeGreaterThanOrEqual(0.2 - 1e-9);
		expect(b).toBeLessThanOrEqual(1);
		expect(paddedExtent([], [], opts)).toEqual([0, 1]);
	});
});

describe('widening a domain for labels beyond the bars', () => {
	// A label 100 px wide must sit left of a value at 0.2, on a 400 px plot over [0, 1].
	const need = (l: number, h: number) => ({
		left: Math.max(0, 100 - ((0.2 - l) / (h - l)) * 400),
		right: 0
	});

	it('widens until the label fits, not just by what it lacked at first', () => {
		const { domain, stopped } = widenForLabels(0, 1, 400, need);
		expect(stopped).toBe(false);
		const [l, h] = domain;
		expect(((0.2 - l) / (h - l)) * 400).toBeGreaterThanOrEqual(99.5);
		// One step alone would have left it short.
		const once = (100 - 80) / (400 - 20);
		expect(((0.2 + once) / (1 + once)) * 400).toBeLessThan(99.5);
	});

	it('stops when the bars would be left too little room', () => {
		expect(widenForLabels(0, 1, 400, need, 390).stopped).toBe(true);
	});
});
