import { describe, expect, it } from 'vitest';
import { explainDifference, explainRuns, signedTrust, type WhyRuns } from '$lib/analysis';
import { presetById, setParam, simulate, type Scenario } from '$lib/sim';

/** A small deterministic sequence of integers in [lo, hi]. */
function ints(n: number, lo: number, hi: number, seed: number): number[] {
	let s = seed;
	return Array.from({ length: n }, () => {
		s = (s * 1103515245 + 12345) % 2147483648;
		return lo + (Math.floor(s / 65536) % (hi - lo + 1));
	});
}

/** Per-future values of A (all zero) and of B, from B's differences. */
function runs(n: number, d: Partial<WhyRuns>): { a: WhyRuns; b: WhyRuns } {
	const zero = new Array<number>(n).fill(0);
	const a: WhyRuns = {
		finalTrust: zero.map(() => 0.4),
		providerChanges: zero.map(() => 2),
		brokenPromises: zero.map(() => 500),
		kpiMet: zero.map(() => 0.5),
		heard: zero.map(() => 0.1),
		sharedDecisions: zero.map(() => 0.05)
	};
	const b = Object.fromEntries(
		Object.entries(a).map(([k, v]) => {
			const diff = d[k as keyof WhyRuns];
			return [k, v.map((x, i) => x + (diff ? diff[i] : 0))];
		})
	) as unknown as WhyRuns;
	return { a, b };
}

describe('why one design ends with more trust than another', () => {
	it('recovers a known split exactly and says it in words', () => {
		const n = 120;
		const dChanges = ints(n, -2, 1, 7);
		const dBroken = ints(n, -300, 100, 11);
		const dTrust = dChanges.map((c, i) => 0.01 - 0.04 * c - 0.0001 * dBroken[i]);
		const { a, b } = runs(n, {
			providerChanges: dChanges,
			brokenPromises: dBroken,
			finalTrust: dTrust
		});
		const r = explainRuns(a, b);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const w = r.value;
		const mean = (v: number[]) => v.reduce((s, x) => s + x, 0) / v.length;
		expect(w.total).toBeCloseTo(mean(dTrust), 12);
		const part = (k: string) => w.items.find((it) => it.mechanism === k)!;
		expect(part('providerChanges').contribution).toBeCloseTo(-0.04 * mean(dChanges), 10);
		expect(part('brokenPromises').contribution).toBeCloseTo(-0.0001 * mean(dBroken), 10);
		expect(part('rest').contribution).toBeCloseTo(0.01, 10);
		expect(part('providerChanges').perUnit).toBeCloseTo(-0.04, 10);
		// The parts add up to the mean difference: an identity, not an approximation.
		expect(w.items.reduce((s, it) => s + it.contribution, 0)).toBeCloseTo(w.total, 12);
		// Mechanisms that never differ take no part and are not fitted.
		expect(w.items.map((it) => it.mechanism).sort()).toEqual(
			['brokenPromises', 'providerChanges', 'rest'].sort()
		);
		expect(w.r2).toBeCloseTo(1, 10);
		// An exact fit: every resample gives the same coefficients, so the levers' own part does
		// not vary; the mechanisms' parts vary only with how much they differ in the resample.
		expect(part('rest').se).toBeLessThan(1e-9);
		expect(part('providerChanges').se).toBeGreaterThan(0);
		expect(w.verdict).toBe('b-better');
		expect(w.heading).toBe('Why is B better?');
		// B changes provider less often (mean −0.5) and breaks fewer promises (mean −100).
		expect(mean(dChanges)).toBeLessThan(0);
		expect(w.sentence).toMatch(/^B ends with more trust than A \(\+0\.\d+ in the final year/);
		expect(w.sentence).toContain(
			'which goes mainly with the fact that it changes provider less often (about +0.0'
		);
		expect(w.sentence).toContain('breaks fewer promises');
		expect(w.sentence).not.toContain('explain little');
	});

	it('holds each mechanism to the direction the model gives it', () => {
		const n = 100;
		const dChanges = ints(n, -1, 2, 3);
		// A made-up world in which changing provider raises trust: the model cannot do that, so
		// the association is not credited to changes of provider.
		const { a, b } = runs(n, {
			providerChanges: dChanges,
			finalTrust: dChanges.map((c) => 0.02 + 0.05 * c)
		});
		const r = explainRuns(a, b);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const changes = r.value.items.find((it) => it.mechanism === 'providerChanges')!;
		expect(changes.contribution).toBe(0);
		const rest = r.value.items.find((it) => it.mechanism === 'rest')!;
		expect(rest.contribution).toBeCloseTo(r.value.total, 12);
		expect(r.value.sentence).toContain('none of the mechanisms counted here clearly carries it');
		expect(r.value.sentence).toContain('explain little');
	});

	it('says when the difference is too small to explain, or absent', () => {
		const n = 60;
		const noise = ints(n, -5, 5, 5).map((v) => v * 0.001);
		const { a, b } = runs(n, { finalTrust: noise, kpiMet: ints(n, -1, 1, 9).map((v) => v * 0.1) });
		const r = explainRuns(a, b, { a: 'A', b: 'C' });
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.verdict).toBe('unclear');
		expect(r.value.heading).toBe('Why do they differ?');
		expect(r.value.sentence).toMatch(/^C and A end with about the same trust/);

		const same = runs(n, {});
		const s = explainRuns(same.a, same.b);
		expect(s.ok && s.value.verdict).toBe('same');
		expect(s.ok && s.value.sentence).toContain('no difference to explain');
	});

	it('counts a mechanism that differs by the same amount in every future with the levers', () => {
		const n = 60;
		const dBroken = ints(n, -50, 50, 13);
		const { a, b } = runs(n, {
			providerChanges: new Array<number>(n).fill(-1),
			brokenPromises: dBroken,
			finalTrust: dBroken.map((v) => 0.05 - 0.0002 * v)
		});
		const r = explainRuns(a, b);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.value.inseparable).toEqual(['changes of provider']);
		expect(r.value.items.some((it) => it.mechanism === 'providerChanges')).toBe(false);
		expect(r.value.caveat).toContain(
			'Changes of provider differ by the same amount in every future'
		);
	});

	it('refuses too few futures, or futures that cannot be paired', () => {
		const { a, b } = runs(8, {
			finalTrust: ints(8, 0, 9, 1).map((v) => v / 100),
			heard: ints(8, 0, 9, 2).map((v) => v / 100)
		});
		const r = explainRuns(a, b);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toContain('too few');
		const short = { ...b, finalTrust: b.finalTrust.slice(1) };
		expect(explainRuns(a, short).ok).toBe(false);
	});

	it('writes signed trust differences', () => {
		expect(signedTrust(0.123)).toBe('+0.12');
		expect(signedTrust(-0.0123)).toBe('−0.012');
		expect(signedTrust(0)).toBe('0.000');
		expect(signedTrust(0.0001)).toBe('0.000');
		expect(signedTrust(0.12, 3)).toBe('+0.120');
	});
});

describe('why, on the model', () => {
	function preset(id: string, runsCount = 120): Scenario {
		const p = presetById(id);
		if (!p) throw new Error(id);
		return setParam(p.scenario, 'runs', runsCount);
	}

	it('puts the short, re-let contracts behind the typical one down to broken promises and changes of provider', () => {
		const a = simulate(preset('typical'));
		const b = simulate(preset('churn'));
		const r = explainDifference(a, b);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const w = r.value;
		expect(w.verdict).toBe('a-better');
		expect(w.heading).toBe('Why is A better?');
		expect(w.items.reduce((s, it) => s + it.contribution, 0)).toBeCloseTo(w.total, 12);
		const part = (k: string) => w.items.find((it) => it.mechanism === k)!;
		// Two-year contracts re-let with a weak incumbent: more changes, more promises lost.
		expect(part('providerChanges').meanChange).toBeGreaterThan(1);
		expect(part('providerChanges').contribution).toBeLessThan(0);
		expect(part('brokenPromises').contribution).toBeLessThan(0);
		expect(w.explainedShare).toBeGreaterThan(0.5);
		expect(w.sentence).toMatch(
			/^B ends with less trust than A .* which goes mainly with the fact that it /
		);
		expect(w.sentence).toContain('breaks more promises');
		expect(w.sentence).toContain('changes provider more often');
	});

	it('does not invent a reason when a longer contract barely changes final-year trust', () => {
		const base = preset('typical');
		const a = simulate(base);
		const b = simulate(setParam(base, 'contract.lengthMonths', 84));
		const r = explainDifference(a, b);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		// Changes of provider are rarer with the longer contract…
		const changes = r.value.items.find((it) => it.mechanism === 'providerChanges')!;
		expect(changes.meanChange).toBeLessThan(0);
		expect(changes.contribution).toBeGreaterThanOrEqual(0);
		// …but the final year's trust is about the same, and the words say so.
		expect(Math.abs(r.value.total)).toBeLessThan(0.01);
		if (r.value.verdict === 'unclear') expect(r.value.sentence).toContain('about the same trust');
		expect(r.value.items.reduce((s, it) => s + it.contribution, 0)).toBeCloseTo(r.value.total, 12);
	});

	it('says when a mechanism differs the way that favours the better design yet gets no part', () => {
		const r = explainDifference(
			simulate(preset('typical', 200)),
			simulate(preset('consult-no-act', 200))
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const broken = r.value.items.find((it) => it.mechanism === 'brokenPromises')!;
		// Consulting without acting breaks many more promises, yet the fit holds them at zero…
		expect(broken.meanChange).toBeGreaterThan(1000);
		expect(broken.perUnit).toBe(0);
		// …and the words say so, rather than leave a missing bar to read as "no effect".
		expect(r.value.caveat).toMatch(
			/Broken promises( and [^,]+)? differ in the direction that favours A, but from future to future they do not move with the difference in trust, so this split gives them no part/
		);
	});

	it('refuses results run on different seeds', () => {
		const a = simulate(setParam(preset('typical', 40), 'horizonMonths', 36));
		const b = simulate(setParam(setParam(preset('typical', 40), 'horizonMonths', 36), 'seed', 7));
		const r = explainDifference(a, b);
		expect(r.ok).toBe(false);
	});
});
