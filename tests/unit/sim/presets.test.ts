/**
 * The storyline presets: each is a valid scenario, and their futures rank the way the
 * storylines say (courage above working towards co-production above today's typical
 * contract, which is no worse than consulting without acting; churn changes hands most).
 */
import { describe, expect, it } from 'vitest';
import {
	DEMO_PRESET_ID,
	presetById,
	PRESETS,
	setParam,
	simulate,
	validateScenario,
	type Probability,
	type Summary
} from '$lib/sim';
import { mean, preset, se, seOfDifference } from './helpers';

const RUNS = 300;

describe('presets', () => {
	it('each validates', () => {
		for (const p of PRESETS) {
			const r = validateScenario(p.scenario);
			expect(r.ok ? [] : r.error, p.id).toEqual([]);
		}
	});

	it('have unique ids and names, and the demo preset exists', () => {
		expect(new Set(PRESETS.map((p) => p.id)).size).toBe(PRESETS.length);
		expect(new Set(PRESETS.map((p) => p.scenario.name)).size).toBe(PRESETS.length);
		expect(presetById(DEMO_PRESET_ID)?.id).toBe(DEMO_PRESET_ID);
		for (const id of ['typical', 'towards', 'consult-no-act', 'churn', 'courage'])
			expect(presetById(id), id).toBeDefined();
		expect(presetById('no-such-preset')).toBeUndefined();
	});

	it('each has a name and a description', () => {
		for (const p of PRESETS) {
			expect(p.scenario.name.trim().length, p.id).toBeGreaterThan(0);
			expect(p.scenario.description.trim().length, p.id).toBeGreaterThan(0);
		}
	});
});

describe('storylines', { timeout: 120_000 }, () => {
	const results = new Map<string, Summary>();
	const run = (id: string): Summary => {
		let sum = results.get(id);
		if (!sum) {
			sum = simulate(setParam(preset(id), 'runs', RUNS));
			results.set(id, sum);
		}
		return sum;
	};
	/** How many standard errors separate two probabilities (a minus b). */
	const gap = (a: Probability, b: Probability): number =>
		(a.p - b.p) / Math.max(1e-9, seOfDifference(a.se, b.se));

	it('rank trust: courage > towards > typical > churn > consult-no-act', () => {
		// Measured (model 2.0.0, 300 runs), trust in the final year: courage 0.63, towards 0.55,
		// typical 0.41, churn 0.38, consult-no-act 0.32.
		const order = ['courage', 'towards', 'typical', 'churn', 'consult-no-act'];
		for (let i = 1; i < order.length; i++) {
			const a = run(order[i - 1]).perRun.finalTrust;
			const b = run(order[i]).perRun.finalTrust;
			expect(mean(a) - mean(b), `${order[i - 1]} over ${order[i]}`).toBeGreaterThan(
				4 * seOfDifference(se(a), se(b))
			);
		}
		// Only the courageous design reaches the threshold in most futures.
		const p = (id: string) => run(id).probabilities.trustAboveThreshold;
		expect(gap(p('courage'), p('towards'))).toBeGreaterThan(4);
		expect(p('typical').p).toBe(0);
	});

	it('churn changes provider more often than the typical contract', () => {
		const churn = run('churn').perRun.providerChanges;
		const typical = run('typical').perRun.providerChanges;
		// Measured: about 3.3 changes against 1.6 over ten years.
		expect(mean(churn) - mean(typical)).toBeGreaterThan(4 * seOfDifference(se(churn), se(typical)));
	});
});
