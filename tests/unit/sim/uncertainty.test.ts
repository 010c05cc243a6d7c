// The uncertain-assumptions mode: a Latin hypercube over the futures, paired across
// scenarios, with pins and narrowed ranges, identical however the futures are split.
import { describe, expect, it } from 'vitest';
import { perRunOutcome } from '$lib/analysis';
import {
	AssumptionDraws,
	PARAM_UNCERTAINTY,
	PARAMS,
	UNCERTAIN_FACTORS,
	finalizeSummary,
	futureQuantiles,
	mergeAccumulators,
	scenarioRanges,
	setParam,
	simulate,
	simulateRuns,
	validateScenario,
	type Scenario
} from '$lib/sim';
import { permute } from '$lib/sim/uncertainty';
import { preset } from './helpers';

const small = (s: Scenario, runs = 200): Scenario => ({
	...s,
	runs,
	horizonMonths: 60,
	community: {
		...s.community,
		segments: s.community.segments.map((g) => ({ ...g, size: Math.min(g.size, 300) }))
	}
});

const uncertain = (s: Scenario): Scenario => ({ ...s, assumptions: { mode: 'uncertain' } });

function variance(xs: readonly number[]): number {
	const m = xs.reduce((a, b) => a + b, 0) / xs.length;
	return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
}

describe('the Latin hypercube', () => {
	it('permutes [0, n) for any n', () => {
		for (const n of [1, 2, 3, 10, 97, 1000, 4097]) {
			const seen = new Set<number>();
			for (let i = 0; i < n; i++) seen.add(permute(i, n, 12345));
			expect(seen.size).toBe(n);
			expect(Math.max(...seen)).toBe(n - 1);
		}
	});

	it('puts exactly one future in each stratum of every assumption', () => {
		const runs = 250;
		const strata = UNCERTAIN_FACTORS.map(() => new Set<number>());
		for (let i = 0; i < runs; i++) {
			const u = futureQuantiles(7, runs, i);
			u.forEach((x, j) => {
				expect(x).toBeGreaterThanOrEqual(0);
				expect(x).toBeLessThan(1);
				strata[j].add(Math.floor(x * runs));
			});
		}
		for (const s of strata) expect(s.size).toBe(runs);
	});

	it('draws different assumptions independently of one another', () => {
		const runs = 1000;
		const a: number[] = [];
		const b: number[] = [];
		for (let i = 0; i < runs; i++) {
			const u = futureQuantiles(3, runs, i);
			a.push(u[0]);
			b.push(u[1]);
		}
		const ma = 0.5;
		let cov = 0;
		for (let i = 0; i < runs; i++) cov += (a[i] - ma) * (b[i] - ma);
		const corr = cov / runs / (1 / 12);
		expect(Math.abs(corr)).toBeLessThan(0.1);
	});
});

describe('assumptions with ranges', () => {
	it('gives every spread parameter a range around the scenario value, within its limits', () => {
		const s = preset('typical');
		const ranges = scenarioRanges(s);
		UNCERTAIN_FACTORS.forEach((f, j) => {
			const r = ranges[j];
			expect(r.min).toBeLessThanOrEqual(r.mode);
			expect(r.mode).toBeLessThanOrEqual(r.max);
			expect(r.min).toBeGreaterThanOrEqual(f.min);
			expect(r.max).toBeLessThanOrEqual(f.max);
		});
		for (const path of Object.keys(PARAM_UNCERTAINTY))
			expect(PARAMS.some((p) => p.path === path)).toBe(true);
		// The levers are never spread.
		for (const lever of [
			'contract.lengthMonths',
			'kpi.rigidity',
			'power.sharing',
			'partners.count'
		])
			expect(PARAM_UNCERTAINTY[lever]).toBeUndefined();
	});

	it('validates the mode, pins and narrowed ranges', () => {
		const s = preset('typical');
		const ok = validateScenario({
			...s,
			assumptions: {
				mode: 'uncertain',
				pins: { 'trust.asymmetry': 4, 'model.signalActed': 1.2 },
				ranges: { 'events.badPressPerYear': [0.1, 0.3] }
			}
		});
		expect(ok.ok).toBe(true);
		const bad = validateScenario({
			...s,
			assumptions: {
				mode: 'maybe',
				pins: { 'kpi.rigidity': 0.5, 'trust.asymmetry': 9 },
				ranges: { 'trust.asymmetry': [4, 3] }
			}
		});
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		const text = bad.error.map((i) => i.message).join(' | ');
		expect(text).toMatch(/assumptions.mode must be "fixed" or "uncertain"/);
	});

	it('keeps a fixed scenario as it was: same hash, same futures', () => {
		const s = small(preset('typical'));
		const a = simulate(s);
		const b = simulate({ ...s, assumptions: { mode: 'fixed' } });
		expect(perRunOutcome(b, 'finalTrust')).toEqual(perRunOutcome(a, 'finalTrust'));
	});

	it('widens the spread, and pairs futures across scenarios', () => {
		const a = small(preset('typical'), 300);
		const b = setParam(a, 'power.sharing', 0.6);
		const fixedA = perRunOutcome(simulate(a), 'finalTrust');
		const ua = perRunOutcome(simulate(uncertain(a)), 'finalTrust');
		const ub = perRunOutcome(simulate(uncertain(b)), 'finalTrust');
		expect(variance(ua)).toBeGreaterThan(variance(fixedA) * 1.5);
		// Paired: future i of A and of B share chance and assumptions.
		const paired = ua.map((x, i) => ub[i] - x);
		// Independent: B's futures against A's futures in another order.
		const shuffled = ua.map((x, i) => ub[(i * 7 + 13) % ub.length] - x);
		expect(variance(paired)).toBeLessThan(variance(shuffled) / 4);
	});

	it('applies pins and narrowed ranges to every future', () => {
		const s = uncertain(small(preset('typical'), 50));
		const pinned: Scenario = {
			...s,
			assumptions: {
				mode: 'uncertain',
				pins: { 'trust.asymmetry': 4.5, 'model.signalActed': 1.5 },
				ranges: { 'events.badPressPerYear': [0.1, 0.15] }
			}
		};
		const draws = new AssumptionDraws(pinned);
		const free = new AssumptionDraws(s);
		let moved = 0;
		for (let i = 0; i < 50; i++) {
			const f = draws.at(i);
			expect(f.scenario.trust.asymmetry).toBe(4.5);
			expect(f.constants.signalActed).toBe(1.5);
			expect(f.scenario.events.badPressPerYear).toBeGreaterThanOrEqual(0.1);
			expect(f.scenario.events.badPressPerYear).toBeLessThanOrEqual(0.15);
			// Everything else draws as without the pins.
			const g = free.at(i);
			expect(f.scenario.trust.responsiveness).toBe(g.scenario.trust.responsiveness);
			if (g.scenario.trust.asymmetry !== s.trust.asymmetry) moved++;
			// The levers never move.
			expect(f.scenario.contract.lengthMonths).toBe(s.contract.lengthMonths);
			expect(f.scenario.kpi.rigidity).toBe(s.kpi.rigidity);
		}
		expect(moved).toBeGreaterThan(40);
		// A pin works in the fixed mode too.
		const fixedPinned = new AssumptionDraws({
			...s,
			assumptions: { mode: 'fixed', pins: { 'trust.asymmetry': 2.5 } }
		});
		expect(fixedPinned.at(3).scenario.trust.asymmetry).toBe(2.5);
		expect(fixedPinned.at(3).scenario.trust.responsiveness).toBe(s.trust.responsiveness);
	});

	it('gives the same futures however they are split into chunks', () => {
		const s = uncertain(small(preset('typical'), 60));
		const whole = simulate(s);
		const first = mergeAccumulators(simulateRuns(s, 0, 17), simulateRuns(s, 17, 25));
		if (!first.ok) throw new Error(first.error);
		const parts = mergeAccumulators(first.value, simulateRuns(s, 42, 18));
		if (!parts.ok) throw new Error(parts.error);
		const split = finalizeSummary(s, parts.value);
		if (!split.ok) throw new Error(split.error);
		expect(perRunOutcome(split.value, 'finalTrust')).toEqual(perRunOutcome(whole, 'finalTrust'));
	});
});
