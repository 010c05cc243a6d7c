import { describe, expect, it } from 'vitest';
import { scaleLinear } from '../../../src/lib/charts/linear';
import {
	bandPath,
	boundaryLabel,
	boundaryWords,
	fanPaths,
	fanReadout,
	fanSummaryText,
	fanTable,
	linePath,
	timelineMarks
} from '$lib/charts/fan';
import { listWords } from '$lib/charts/format';
import { monthScale, unitScale } from '$lib/charts/scales';
import { flatBands, handMade, simulated } from './fixtures';

// Month m at x = (m - 1) * 10; score v at y = 100 - 100 v.
const x = monthScale(3, 20);
const y = unitScale(100);

describe('band and line paths', () => {
	it('draws a band along the upper edge and back along the lower one', () => {
		expect(bandPath([0.2, 0.3, 0.4], [0.6, 0.7, 0.8], x, y)).toBe(
			'M0,40L10,30L20,20L20,60L10,70L0,80Z'
		);
	});

	it('draws a line through each month', () => {
		expect(linePath([0.5, 0.25, 1], x, y)).toBe('M0,50L10,75L20,0');
	});

	it('makes the fan from the 5th–95th and 25th–75th percentiles and the median', () => {
		const b = flatBands(3, 0.5);
		const p = fanPaths(b, x, y);
		expect(p.outer).toBe(bandPath(b.p5, b.p95, x, y));
		expect(p.inner).toBe(bandPath(b.p25, b.p75, x, y));
		expect(p.median).toBe('M0,50L10,50L20,50');
	});

	it('puts the inner band inside the outer one for a real summary', () => {
		const s = simulated('typical', 50);
		const b = s.series.trust;
		for (let t = 0; t < s.months; t++) {
			expect(b.p5[t]).toBeLessThanOrEqual(b.p25[t] + 1e-12);
			expect(b.p25[t]).toBeLessThanOrEqual(b.p50[t] + 1e-12);
			expect(b.p50[t]).toBeLessThanOrEqual(b.p75[t] + 1e-12);
			expect(b.p75[t]).toBeLessThanOrEqual(b.p95[t] + 1e-12);
		}
		const paths = fanPaths(b, scaleLinear().domain([1, s.months]).range([0, 500]), y);
		expect(paths.outer).toMatch(/^M0,[\d.]+L/);
		expect(paths.median.split('L')).toHaveLength(s.months);
	});
});

describe('timeline marks', () => {
	const zeros = () => new Array<number>(12).fill(0);

	it('finds contract boundaries and joins mobilising months into spans', () => {
		const tl = {
			contractEnd: zeros(),
			providerChange: zeros(),
			mobilising: zeros(),
			extended: zeros()
		};
		tl.mobilising[0] = tl.mobilising[1] = tl.mobilising[2] = 1;
		tl.contractEnd[6] = 1;
		tl.providerChange[6] = 0.7;
		tl.mobilising[6] = tl.mobilising[7] = 0.7;
		tl.contractEnd[9] = 0.02; // too rare to draw
		const marks = timelineMarks(tl);
		expect(marks.boundaries).toEqual([{ month: 7, share: 1, changed: 0.7, extended: 0 }]);
		expect(marks.mobilising).toEqual([
			{ start: 1, end: 3, share: 1 },
			{ start: 7, end: 8, share: 0.7 }
		]);
	});

	it('labels boundaries by how often they happen and what followed', () => {
		expect(boundaryLabel({ month: 37, share: 1, changed: 0, extended: 0 })).toBe(
			'Contract ends: re-procured'
		);
		expect(boundaryLabel({ month: 73, share: 0.9, changed: 0.3, extended: 0 })).toBe(
			'Ends in 90%: re-procured'
		);
		// Extended in some futures: the label says so, never a bare "Contract ends".
		expect(boundaryLabel({ month: 37, share: 1, changed: 0.2, extended: 0.39 })).toBe(
			'Contract ends: 39% extended, 61% re-procured'
		);
		// The courage example: extended in (nearly) every future.
		expect(boundaryLabel({ month: 85, share: 1, changed: 0, extended: 1 })).toBe(
			'Contract ends: extended'
		);
		expect(boundaryLabel({ month: 73, share: 0.26, changed: 0.04, extended: 0.21 })).toBe(
			'Ends in 26%: 21% extended, 5% re-procured'
		);
	});

	it('words a boundary in a sentence with the changes of hands', () => {
		expect(boundaryWords({ month: 37, share: 1, changed: 0.14, extended: 0.74 })).toBe(
			'after month 36 the contract ends in every future: it is extended in 74% and re-procured in 26%; the service changes hands in 14%'
		);
		// Rounded so the parts add up: 73.6% and 26.4% are 74% and 26%, 27% and 22% leave 5%.
		expect(boundaryLabel({ month: 37, share: 1, changed: 0, extended: 0.736 })).toBe(
			'Contract ends: 74% extended, 26% re-procured'
		);
		expect(boundaryLabel({ month: 73, share: 0.27, changed: 0, extended: 0.224 })).toBe(
			'Ends in 27%: 22% extended, 5% re-procured'
		);
		expect(boundaryWords({ month: 61, share: 0.74, changed: 0.33, extended: 0 })).toBe(
			'after month 60 a contract ends in 74% of futures: it is re-procured; the service changes hands in 33%'
		);
	});

	it('marks the typical contract’s end at month 37 in every future', () => {
		const s = simulated('typical', 50);
		const marks = timelineMarks(s.timeline);
		expect(marks.boundaries[0]).toMatchObject({ month: 37, share: 1 });
	});
});

describe('readout, words and table', () => {
	it('reads the bands at a month', () => {
		const s = handMade({ months: 12, monthsToTrust: [5, -1] });
		s.timeline.contractEnd[3] = 1;
		s.timeline.extended[3] = 0.5;
		const r = fanReadout(s, 3);
		expect(r.heading).toBe('Month 4');
		expect(r.lines).toEqual([
			'Median 0.50',
			'Middle half of futures: 0.45 to 0.55',
			'9 in 10 futures: 0.40 to 0.60',
			'after month 3 the contract ends in every future: it is extended in 50% and re-procured in 50%'
		]);
	});

	it('describes the fan in words', () => {
		const s = handMade({ months: 24, monthsToTrust: [5, -1] });
		expect(fanSummaryText(s)).toBe(
			'Median trust starts at 0.50 in month 1 and ends at 0.50 after 2 years. In 9 of 10 simulated futures, trust in the last month lies between 0.40 and 0.60; the threshold is 0.60.'
		);
	});

	it('tables one row per month', () => {
		const s = simulated('typical', 50);
		const t = fanTable(s);
		expect(t.rows).toHaveLength(s.months);
		expect(t.columns).toHaveLength(7);
		expect(t.rows[36][6]).toContain('after month 36 the contract ends in every future: it is');
		expect(t.rows[0][0]).toBe('1');
	});

	it('lists words', () => {
		expect(listWords(['37'])).toBe('37');
		expect(listWords(['37', '61', '73'])).toBe('37, 61 and 73');
	});
});
