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

	it('rank P(trust above threshold): courage > towards > typical >= consult-no-act', () => {
		const p = (id: string) => run(id).probabilities.trustAboveThreshold;
		// Measured (model 1.1.0, 120 runs): courage 0.76, towards 0.19, typical 0, consult-no-act 0.
		expect(gap(p('courage'), p('towards'))).toBeGreaterThan(4);
		expect(gap(p('towards'), p('typical'))).toBeGreaterThan(4);
		expect(p('typical').p).toBeGreaterThanOrEqual(p('consult-no-act').p);
		// Both of the last are near 0; mean final trust still separates them
		// (measured 0.24 against 0.17).
		const typical = run('typical').perRun.finalTrust;
		const consult = run('consult-no-act').perRun.finalTrust;
		expect(mean(typical) - mean(consult)).toBeGreaterThan(
			4 * seOfDifference(se(typical), se(consult))
		);
	});

	it('churn changes provider more often than the typical contract', () => {
		const churn = run('churn').perRun.providerChanges;
		const typical = run('typical').perRun.providerChanges;
		// Measured: about 3.3 changes against 1.6 over ten years.
		expect(mean(churn) - mean(typical)).toBeGreaterThan(4 * seOfDifference(se(churn), se(typical)));
	});
});
