/** The estimate of a job's time, and the words for it. */
import { describe, expect, it } from 'vitest';
import { durationWords, estimatedSeconds, LARGE_JOB_SECONDS } from '$lib/engine/estimate';
import { presetById, setParam } from '$lib/sim';

describe('estimatedSeconds', () => {
	it('finds the examples quick and 100,000 futures of the demo too large to start unasked', () => {
		const demo = presetById('typical')?.scenario;
		if (!demo) throw new Error('no demo');
		expect(estimatedSeconds(demo)).toBeLessThan(5);
		const heavy = setParam(setParam(demo, 'runs', 100_000), 'community.peoplePerAgent', 1);
		expect(estimatedSeconds(heavy)).toBeGreaterThan(LARGE_JOB_SECONDS * 10);
		expect(estimatedSeconds(setParam(demo, 'runs', 20_000))).toBeLessThan(LARGE_JOB_SECONDS);
	});
});

describe('durationWords', () => {
	it('says a duration in the largest fitting unit', () => {
		expect(durationWords(20)).toBe('about 20 seconds');
		expect(durationWords(75)).toBe('about 1 minute');
		expect(durationWords(600)).toBe('about 10 minutes');
		expect(durationWords(80_000)).toBe('about 22 hours');
		expect(durationWords(4 * 86_400)).toBe('about 4 days');
	});
});
