/**
 * Every claim the workshop's notes and the examples' descriptions make about what happens
 * (trust falls, ends lower, more often...) checked against the model: each comparison is run
 * here on a few hundred futures, on the examples' own seed.
 */
import { describe, expect, it } from 'vitest';
import { NEVER, PRESETS, presetById, simulate, type Summary } from '../../../src/lib/sim';
import { DEFAULT_NOTES } from '../../../src/lib/features/workshop/storyline';

const RUNS = 200;
const cache = new Map<string, Summary>();
function run(id: string): Summary {
	let s = cache.get(id);
	if (!s) {
		const p = presetById(id);
		if (!p) throw new Error(`No preset "${id}"`);
		s = simulate({ ...p.scenario, runs: RUNS });
		cache.set(id, s);
	}
	return s;
}
function scenario(id: string) {
	const p = presetById(id);
	if (!p) throw new Error(`No preset "${id}"`);
	return p.scenario;
}
const mean = (s: Summary, key: 'finalTrust' | 'brokenPromises' | 'heard' | 'providerChanges') =>
	s.metrics[key].mean ?? NaN;
/** Share of futures that reach the trust threshold in some month of the horizon. */
const reached = (s: Summary) =>
	s.perRun.monthsToTrust.filter((m) => m !== NEVER && m >= 1).length /
	s.perRun.monthsToTrust.length;
const description = (id: string) => scenario(id).description;

// Simulating five examples at 200 futures takes a while on a busy two-core machine.
const SLOW = { timeout: 240_000 };

describe('the notes and descriptions claim only what the model shows', SLOW, () => {
	it('typical: trust drifts down, lower in the final year than where it started', () => {
		expect(DEFAULT_NOTES.typical).toContain('Trust drifts down');
		const s = run('typical');
		expect(s.metrics.finalTrust.p50 ?? NaN).toBeLessThan(s.series.trust.p50[0]);
	});

	it('consulting without acting: more conversations, yet lower trust, more broken promises, fewer heard', () => {
		expect(DEFAULT_NOTES['consult-no-act']).toContain('twice as many community conversations');
		expect(description('consult-no-act')).toContain('nothing was done with the information');
		expect(scenario('consult-no-act').listening.conversationsPerYear).toBe(
			2 * scenario('typical').listening.conversationsPerYear
		);
		const c = run('consult-no-act');
		const t = run('typical');
		expect(mean(c, 'finalTrust')).toBeLessThan(mean(t, 'finalTrust'));
		expect(mean(c, 'brokenPromises')).toBeGreaterThan(mean(t, 'brokenPromises'));
		expect(mean(c, 'heard')).toBeLessThan(mean(t, 'heard'));
	});

	it('churn: trust falls at every change of hands and has not recovered by the next', () => {
		expect(DEFAULT_NOTES.churn).toContain('trust falls at every change of hands');
		expect(description('churn')).toContain('starts again');
		const s = run('churn');
		const trust = s.series.trust.mean;
		// Months (0-based) in which most futures change provider: each contract's end.
		const changes = s.timeline.providerChange
			.map((share, t) => ({ share, t }))
			.filter((c) => c.share > 0.5)
			.map((c) => c.t);
		expect(changes.length).toBeGreaterThanOrEqual(3);
		for (const t of changes) expect(trust[t], `month ${t + 1}`).toBeLessThan(trust[t - 1]);
		// Just before each later re-procurement, trust is lower than before the one before.
		for (let k = 1; k < changes.length; k++)
			expect(trust[changes[k] - 1]).toBeLessThan(trust[changes[k - 1] - 1]);
	});

	it('churn: ends lower than the typical contract, with a change of provider every few years', () => {
		const c = run('churn');
		const t = run('typical');
		expect(mean(c, 'finalTrust')).toBeLessThan(mean(t, 'finalTrust'));
		expect(mean(c, 'providerChanges')).toBeGreaterThan(2 * mean(t, 'providerChanges'));
		// Ten years, a change every few: between two and five.
		expect(mean(c, 'providerChanges')).toBeGreaterThanOrEqual(2);
		expect(mean(c, 'providerChanges')).toBeLessThanOrEqual(5);
	});

	it('towards: trust ends well above the typical contract, yet few futures reach the threshold', () => {
		expect(DEFAULT_NOTES.towards).toContain('few futures reach the threshold within ten years');
		expect(scenario('towards').horizonMonths).toBe(120);
		const w = run('towards');
		const t = run('typical');
		expect(mean(w, 'finalTrust') - mean(t, 'finalTrust')).toBeGreaterThan(0.05);
		expect(reached(w)).toBeLessThan(0.2);
	});

	it('courage: the only example in which most futures reach the threshold and co-design', () => {
		expect(DEFAULT_NOTES.courage).toContain('the only example in which most futures');
		const c = run('courage');
		expect(reached(c)).toBeGreaterThan(0.5);
		expect(c.probabilities.reachesCodesigning.p).toBeGreaterThan(0.5);
		for (const p of PRESETS.filter((x) => x.id !== 'courage'))
			expect(reached(run(p.id)), p.id).toBeLessThan(0.5);
	});

	it('the teaching order: what listening without acting and re-procuring do, then the way out, then courage', () => {
		const trust = (id: string) => mean(run(id), 'finalTrust');
		expect(trust('consult-no-act')).toBeLessThan(trust('typical'));
		expect(trust('churn')).toBeLessThan(trust('typical'));
		expect(trust('towards')).toBeGreaterThan(trust('typical'));
		expect(trust('courage')).toBeGreaterThan(trust('towards'));
	});
});
