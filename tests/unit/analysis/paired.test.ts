import { describe, expect, it } from 'vitest';
import {
	differences,
	pairSummaries,
	pairValues,
	pairsOf,
	PAIRED_OUTCOMES,
	perRunOutcome,
	whatDiffers,
	formatParam,
	OUTCOMES
} from '$lib/analysis';
import { paramSpec, presetById, setParam, simulate, type Scenario } from '$lib/sim';

function small(id: string, runs = 40): Scenario {
	const p = presetById(id);
	if (!p) throw new Error(id);
	// A small community and short horizon keep the test fast; the model is the same.
	let s = setParam(p.scenario, 'runs', runs);
	s = setParam(s, 'horizonMonths', 48);
	return s;
}

describe('paired differences on common random numbers', () => {
	it('gives a zero difference in every future when a scenario is compared with itself', () => {
		const s = small('typical');
		const a = simulate(s);
		const b = simulate(structuredClone(s));
		for (const o of OUTCOMES) {
			const r = pairSummaries(a, b, o.key);
			expect(r.ok).toBe(true);
			if (!r.ok) continue;
			expect(r.value.n).toBe(40);
			expect(r.value.differences.every((d) => d === 0)).toBe(true);
			expect(r.value.bBetter.p).toBe(0);
			expect(r.value.aBetter.p).toBe(0);
			expect(r.value.same.p).toBe(1);
		}
	});

	it('pairs future i of one scenario with future i of the other', () => {
		const a = simulate(small('typical'));
		const b = simulate(small('courage'));
		const r = pairSummaries(a, b, 'finalTrust');
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const fa = perRunOutcome(a, 'finalTrust');
		const fb = perRunOutcome(b, 'finalTrust');
		r.value.differences.forEach((d, i) => expect(d).toBeCloseTo(fb[i] - fa[i], 12));
		// A devolved budget and long contract does better than today's typical contract.
		expect(r.value.bBetter.p).toBeGreaterThan(0.8);
		expect(r.value.bBetter.p + r.value.aBetter.p + r.value.same.p).toBeCloseTo(1, 12);
		expect(r.value.bBetter.se).toBeCloseTo(
			Math.sqrt((r.value.bBetter.p * (1 - r.value.bBetter.p)) / 40),
			12
		);
	});

	it('refuses to pair results from different seeds or different numbers of futures', () => {
		const a = simulate(small('typical', 20));
		const b = simulate(setParam(small('typical', 20), 'seed', 7));
		const c = simulate(small('typical', 30));
		const bySeed = pairSummaries(a, b, 'finalTrust');
		expect(bySeed.ok).toBe(false);
		if (!bySeed.ok) expect(bySeed.error).toMatch(/different random seeds/);
		const byRuns = pairSummaries(a, c, 'finalTrust');
		expect(byRuns.ok).toBe(false);
		if (!byRuns.ok) expect(byRuns.error).toMatch(/different numbers of futures/);
	});
});

describe('pairValues', () => {
	it('counts better, worse and the same by the direction of the outcome', () => {
		const r = pairValues('finalTrust', [0.1, 0.5, 0.5, 0.9], [0.2, 0.5, 0.4, 0.95]);
		expect(r.bBetter.p).toBe(0.5);
		expect(r.aBetter.p).toBe(0.25);
		expect(r.same.p).toBe(0.25);
		expect(r.mean).toBeCloseTo((0.1 + 0 - 0.1 + 0.05) / 4, 12);
		// Fewer collapses is better: B collapsing where A did not is worse.
		const c = pairValues('collapse', [0, 1, 0], [1, 0, 0]);
		expect(c.bBetter.p).toBeCloseTo(1 / 3, 12);
		expect(c.aBetter.p).toBeCloseTo(1 / 3, 12);
	});

	it('treats two futures that never reach trust as the same, and never as later than any month', () => {
		const r = pairValues('monthsToTrust', [Infinity, 30, Infinity], [Infinity, Infinity, 12]);
		expect(r.differences[0]).toBe(0);
		expect(r.aBetter.p).toBeCloseTo(1 / 3, 12);
		expect(r.bBetter.p).toBeCloseTo(1 / 3, 12);
	});

	it('rejects lists of different lengths', () => {
		expect(() => differences([1, 2], [1])).toThrow(/different numbers of futures/);
	});

	it('lists every pair once, earlier scenario as A', () => {
		expect(pairsOf(3)).toEqual([
			[0, 1],
			[0, 2],
			[1, 2]
		]);
		expect(pairsOf(1)).toEqual([]);
		expect(PAIRED_OUTCOMES).toEqual(['finalTrust', 'reachesCodesigning', 'kpiMet', 'outcomes']);
	});
});

describe('whatDiffers', () => {
	it('lists the parameters that differ with labels, ignoring seed and runs', () => {
		const a = small('typical');
		const b = setParam(setParam(small('typical'), 'seed', 99), 'power.sharing', 0.7);
		const d = whatDiffers([a, b]);
		expect(d.params.map((p) => p.spec.path)).toEqual(['power.sharing']);
		expect(d.params[0].values).toEqual([0.2, 0.7]);
		expect(d.params[0].spec.label).toBe('Power shared with the community');
		expect(d.segmentsDiffer).toBe(false);
		expect(whatDiffers([a, a]).params).toEqual([]);
	});

	it('notices a different community', () => {
		const a = small('typical');
		const b = structuredClone(a);
		b.community.segments[0].size = 900;
		expect(whatDiffers([a, b]).segmentsDiffer).toBe(true);
	});

	it('formats values with their unit and the precision of their step', () => {
		const length = paramSpec('contract.lengthMonths');
		const power = paramSpec('power.sharing');
		if (!length || !power) throw new Error('registry');
		expect(formatParam(length, 36)).toBe('36 months');
		expect(formatParam(length, 1)).toBe('1 month');
		expect(formatParam(power, 0.2)).toBe('0.2');
	});
});
