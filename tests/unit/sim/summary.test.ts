/**
 * Mergeable summaries: percentile bands against the exact percentiles of the stored per-run
 * values, and the same summary however runs are chunked, whether a chunk keeps its runs as
 * quantised values or as a histogram, and whichever merge (pure or in place) combines them.
 */
import { describe, expect, it } from 'vitest';
import {
	finalizeSummary,
	mergeAccumulators,
	mergeInto,
	PERCENTILES,
	quantileSorted,
	SERIES,
	SERIES_INFO,
	simulate,
	simulateRuns,
	type Accumulator,
	type Scenario,
	type Summary
} from '$lib/sim';
import { totalPeople } from '$lib/sim/scenario';
import { BINS, RAW_RUNS_MAX } from '$lib/sim/summary';
import { preset, traces, withParams } from './helpers';

const RUNS = 400;
const s: Scenario = withParams(preset('typical'), { runs: RUNS, horizonMonths: 60 });

function finalized(acc: Accumulator): Summary {
	const r = finalizeSummary(s, acc);
	if (!r.ok) throw new Error(r.error);
	return r.value;
}

describe('percentile bands', { timeout: 60_000 }, () => {
	const summary = simulate(s);
	const t = traces(s, RUNS);
	const peopleMax = Math.max(1, totalPeople(s) * s.horizonMonths);

	// Compared on the scale the histogram bins on: the value for shares, log1p(v)/log1p(max)
	// for people counts. A band lies in the bin of the order statistic at q·n (within one bin,
	// 1/BINS, plus 16-bit quantisation), and the exact percentile interpolates between the
	// order statistics at (n - 1)·q; the tolerance is one bin plus the distance between the two.
	it.each([...SERIES])('match the exact percentiles of %s within one bin', (key) => {
		const unit = SERIES_INFO[key].kind === 'unit';
		const scale = (v: number) => (unit ? v : Math.log1p(Math.max(0, v)) / Math.log1p(peopleMax));
		const runs = t.series(key);
		let worst = 0;
		let total = 0;
		let count = 0;
		for (let m = 0; m < s.horizonMonths; m++) {
			const sorted = runs.map((r) => scale(r[m])).sort((a, b) => a - b);
			for (const p of PERCENTILES) {
				const q = p / 100;
				const exact = quantileSorted(sorted, q);
				const atQn = sorted[Math.min(RUNS - 1, Math.ceil(q * RUNS) - 1)];
				const band = scale(summary.series[key][`p${p}`][m]);
				const error = Math.abs(band - exact);
				expect(error, `${key} p${p} month ${m + 1}`).toBeLessThanOrEqual(
					1 / BINS + Math.abs(atQn - exact) + 1e-4
				);
				// Beyond the gap between neighbouring order statistics (large where all futures
				// jump together, as scepticism does at a system-wide event).
				worst = Math.max(worst, error - Math.abs(atQn - exact));
				total += error;
				count++;
			}
		}
		// On average well inside one bin.
		expect(total / count).toBeLessThan(0.75 / BINS);
		expect(worst).toBeLessThan(2 / BINS);
	});
});

describe('chunking', { timeout: 60_000 }, () => {
	const whole = JSON.stringify(finalized(simulateRuns(s, 0, RUNS)));
	// Sizes crossing RAW_RUNS_MAX: chunks kept as values, chunks already binned, and merges that
	// turn values into a histogram part-way.
	const sizes = [1, RAW_RUNS_MAX - 1, RAW_RUNS_MAX, RAW_RUNS_MAX + 1, 2, 200 - 2 * RAW_RUNS_MAX];
	const chunks: Accumulator[] = [];
	let start = 0;
	for (const size of [...sizes, RUNS - sizes.reduce((a, b) => a + b, 0)]) {
		chunks.push(simulateRuns(s, start, size));
		start += size;
	}

	it('keeps a small chunk as quantised values and a large one as a histogram', () => {
		expect(chunks[0].hist.length).toBe(0);
		expect(chunks[0].rawRuns).toBe(1);
		expect(chunks[2].hist.length).toBe(0);
		expect(chunks[3].hist.length).toBeGreaterThan(0);
	});

	it('gives the same summary merged in order, in reverse and in place', () => {
		const pure = (list: Accumulator[]) =>
			list.reduce((a, b) => {
				const r = mergeAccumulators(a, b);
				if (!r.ok) throw new Error(r.error);
				return r.value;
			});
		expect(JSON.stringify(finalized(pure(chunks)))).toBe(whole);
		expect(JSON.stringify(finalized(pure([...chunks].reverse())))).toBe(whole);
		const copies = chunks.map((c) => structuredClone(c));
		const order = [3, 0, 5, 1, 6, 2, 4];
		const into = copies[order[0]];
		for (const i of order.slice(1)) {
			const r = mergeInto(into, copies[i]);
			expect(r.ok).toBe(true);
		}
		expect(JSON.stringify(finalized(into))).toBe(whole);
	});

	it('leaves the merged-from accumulator unchanged and refuses overlaps in place', () => {
		const a = structuredClone(chunks[0]);
		const b = structuredClone(chunks[1]);
		const before = structuredClone(b);
		expect(mergeInto(a, b).ok).toBe(true);
		expect(b).toEqual(before);
		const again = mergeInto(a, chunks[1]);
		expect(again.ok).toBe(false);
	});
});
