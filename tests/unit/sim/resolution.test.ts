/**
 * Resolution: `community.peoplePerAgent` sets how finely the community is simulated, not what
 * happens in it. Simulating every person, or one member per 10 or 50 people, gives the same
 * results within Monte Carlo error (docs/model.md section 2, "Agents as groups"). The
 * layouts differ, so their futures are independent: differences are judged against the
 * standard error of a difference of two independent means.
 */
import { describe, expect, it } from 'vitest';
import type { MetricKey } from '$lib/sim';
import { mean, preset, se, seOfDifference, traces, withParams } from './helpers';

const KEYS: readonly MetricKey[] = [
	'finalTrust',
	'meanTrust',
	'tookPart',
	'sharedDecisions',
	'brokenPromises',
	'outcomes'
];

describe.each(['typical', 'courage'])('resolution of %s', (id) => {
	it('does not change results beyond Monte Carlo error', { timeout: 600_000 }, () => {
		const at = (ppa: number, runs: number) =>
			traces(withParams(preset(id), { 'community.peoplePerAgent': ppa }), runs);
		const fine = at(1, 30);
		for (const ppa of [10, 50]) {
			const coarse = at(ppa, 60);
			for (const key of KEYS) {
				const a = fine.metric(key);
				const b = coarse.metric(key);
				const d = Math.abs(mean(a) - mean(b));
				// Four standard errors, and a floor for measures that hardly vary between futures.
				const tolerance = 4 * seOfDifference(se(a), se(b)) + 0.005 * Math.abs(mean(a));
				expect(d, `${key} at ${ppa} people per member: ${mean(a)} vs ${mean(b)}`).toBeLessThan(
					tolerance
				);
			}
		}
	});
});
