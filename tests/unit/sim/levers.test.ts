/**
 * The headline levers answer the way the evidence does, on every example and at horizons from
 * 8 to 20 years (docs/model.md section 1):
 * - outcomes agreed with the community beat fixed pre-set KPIs for an equally effective
 *   provider (seed claim 8; Lowe & Wilson 2017);
 * - more power shared beats less, up to 0.8, and does not bring more broken promises (claims 1
 *   and 9);
 * - longer contracts beat shorter ones, with diminishing returns, and do not make collapse
 *   more likely (claim 4);
 * - more consultation with no power to act never raises trust (claim 3).
 *
 * Each lever is swept over its range with everything else as in the example, on one seed
 * (common random numbers), so neighbouring values differ by the lever alone. "Trust" is read
 * two ways: over the whole horizon, which does not depend on where the horizon falls in the
 * cycle of re-procurement, and in the final year (the mean of the last 12 months). The final
 * year can favour a shorter contract whose change of provider happens to fall earlier, by up
 * to about 0.015 (docs/model.md section 8), so for contract length the final year is checked
 * with that margin and end to end.
 */
import { describe, expect, it } from 'vitest';
import { MetricIndex, PRESETS, setParam, totalPeople, type Scenario } from '$lib/sim';
import { createRunContext, simulateRun } from '$lib/sim/run';
import { preset } from './helpers';

const RUNS = 40;
const HORIZONS = [96, 120, 180, 240];

interface Reading {
	/** Mean over futures of trust over the whole horizon. */
	horizon: number;
	/** Mean over futures of trust in the final year. */
	final: number;
	/** Share of futures that collapse. */
	collapse: number;
	/** Mean broken promises (people). */
	broken: number;
	/** Per-future trust over the horizon and in the final year, for paired differences. */
	perRun: Float64Array;
	perFinal: Float64Array;
}

function read(s: Scenario): Reading {
	const ctx = createRunContext(s);
	const perRun = new Float64Array(RUNS);
	const perFinal = new Float64Array(RUNS);
	let collapse = 0,
		broken = 0;
	for (let r = 0; r < RUNS; r++) {
		simulateRun(ctx, r);
		perRun[r] = ctx.metrics[MetricIndex.meanTrust];
		perFinal[r] = ctx.metrics[MetricIndex.finalTrust];
		collapse += ctx.metrics[MetricIndex.collapsed];
		broken += ctx.metrics[MetricIndex.brokenPromises];
	}
	const avg = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / RUNS;
	return {
		horizon: avg(perRun),
		final: avg(perFinal),
		collapse: collapse / RUNS,
		broken: broken / RUNS,
		perRun,
		perFinal
	};
}

/** The readings of a lever's values on an example at a horizon. */
function sweep(
	id: string,
	horizon: number,
	path: string,
	values: readonly number[],
	extra: Record<string, number> = {}
): Reading[] {
	let base = setParam(preset(id), 'horizonMonths', horizon);
	for (const [k, v] of Object.entries(extra)) base = setParam(base, k, v);
	return values.map((v) => read(setParam(base, path, v)));
}

/** Mean and standard error of the paired difference b − a of trust over the horizon (or in the final year). */
function paired(a: Reading, b: Reading, key: 'perRun' | 'perFinal' = 'perRun') {
	const d = b[key].map((x, i) => x - a[key][i]);
	const m = d.reduce((s, x) => s + x, 0) / d.length;
	const v = d.reduce((s, x) => s + (x - m) ** 2, 0) / (d.length - 1);
	return { mean: m, se: Math.sqrt(v / d.length) };
}

/**
 * Each step moves trust in direction `dir` (+1 up, −1 down), allowing against it two standard
 * errors of the paired difference (Monte Carlo error) plus `slack`.
 */
function monotone(
	rs: readonly Reading[],
	key: 'perRun' | 'perFinal',
	dir: 1 | -1,
	slack: number
): boolean {
	return rs.every((r, i) => {
		if (i === 0) return true;
		const d = paired(rs[i - 1], r, key);
		return d.mean * dir >= -(2 * d.se + slack);
	});
}

/** Each value of `xs` moves in direction `dir`, allowing `slack` against it. */
function steps(xs: readonly number[], dir: 1 | -1, slack: number): boolean {
	return xs.every((x, i) => i === 0 || (x - xs[i - 1]) * dir >= -slack);
}

const fmt = (rs: readonly Reading[], key: 'horizon' | 'final' | 'collapse' | 'broken') =>
	rs.map((r) => r[key].toFixed(key === 'broken' ? 0 : 3)).join(' ');

describe.each(PRESETS.map((p) => p.id))('levers on %s', (id) => {
	describe.each(HORIZONS)('at %i months', (horizon) => {
		it('flexible, agreed outcomes beat fixed KPIs', { timeout: 300_000 }, () => {
			const rs = sweep(id, horizon, 'kpi.rigidity', [0, 0.25, 0.5, 0.75, 1]);
			expect(monotone(rs, 'perRun', -1, 0.001), fmt(rs, 'horizon')).toBe(true);
			expect(monotone(rs, 'perFinal', -1, 0.002), fmt(rs, 'final')).toBe(true);
			const d = paired(rs[rs.length - 1], rs[0]);
			expect(d.mean, `flexible − rigid ${d.mean} ± ${d.se}`).toBeGreaterThan(3 * d.se);
		});

		it('more power shared beats less, without more broken promises', { timeout: 300_000 }, () => {
			const rs = sweep(id, horizon, 'power.sharing', [0, 0.2, 0.4, 0.6, 0.8]);
			expect(monotone(rs, 'perRun', 1, 0.001), fmt(rs, 'horizon')).toBe(true);
			expect(monotone(rs, 'perFinal', 1, 0.003), fmt(rs, 'final')).toBe(true);
			const d = paired(rs[0], rs[rs.length - 1]);
			expect(d.mean, `0.8 − 0 ${d.mean} ± ${d.se}`).toBeGreaterThan(3 * d.se);
			// Broken promises (people) do not rise with power beyond half a percent of the
			// community a step, and end no higher than with no power shared.
			const people = totalPeople(preset(id));
			expect(
				steps(
					rs.map((r) => r.broken),
					-1,
					0.005 * people
				),
				fmt(rs, 'broken')
			).toBe(true);
			expect(rs[rs.length - 1].broken, fmt(rs, 'broken')).toBeLessThanOrEqual(rs[0].broken);
		});

		it('longer contracts beat shorter ones, with diminishing returns', { timeout: 300_000 }, () => {
			const lengths = [12, 24, 36, 60, 84, 120];
			const rs = sweep(id, horizon, 'contract.lengthMonths', lengths);
			expect(monotone(rs, 'perRun', 1, 0.001), fmt(rs, 'horizon')).toBe(true);
			expect(monotone(rs, 'perFinal', 1, 0.015), fmt(rs, 'final')).toBe(true);
			expect(rs[rs.length - 1].final, fmt(rs, 'final')).toBeGreaterThan(rs[0].final);
			const d = paired(rs[0], rs[rs.length - 1]);
			expect(d.mean, `120 − 12 months ${d.mean} ± ${d.se}`).toBeGreaterThan(3 * d.se);
			// Longer contracts do not raise the chance of collapse (fewer changes of provider),
			// within two standard errors of the difference of two shares of futures.
			const p = (rs[0].collapse + rs[rs.length - 1].collapse) / 2;
			const seDiff = Math.sqrt((2 * p * (1 - p)) / RUNS);
			expect(rs[rs.length - 1].collapse, fmt(rs, 'collapse')).toBeLessThanOrEqual(
				rs[0].collapse + 2 * seDiff + 0.01
			);
			// Diminishing returns: the first two years added gain more than the last five.
			const early = rs[2].horizon - rs[0].horizon;
			const late = rs[5].horizon - rs[3].horizon;
			expect(early, fmt(rs, 'horizon')).toBeGreaterThan(late);
		});

		it('more consultation with no power to act never raises trust', { timeout: 300_000 }, () => {
			const rs = sweep(id, horizon, 'listening.conversationsPerYear', [0, 2, 4, 8, 12], {
				'power.sharing': 0
			});
			expect(monotone(rs, 'perRun', -1, 0.001), fmt(rs, 'horizon')).toBe(true);
			expect(monotone(rs, 'perFinal', -1, 0.002), fmt(rs, 'final')).toBe(true);
		});
	});
});
