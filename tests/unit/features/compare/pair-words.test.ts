import { describe, expect, it } from 'vitest';
import { pairSummaries, pairValues } from '$lib/analysis';
import { betterText, levelText } from '$lib/features/compare/pair-words';
import { simulated } from '../../charts/fixtures';

describe('the chance that B did better, in words', () => {
	it('says the two are the same in every future when no future differs', () => {
		const pair = pairValues('reachesCodesigning', [0, 0, 0], [0, 0, 0]);
		expect(betterText(pair, 'A', 'B')).toBe('B and A are the same in every simulated future');
		expect(betterText(pair, 'A', 'B')).not.toContain('0%');
	});

	it('says every, no, or a percentage as the futures show', () => {
		expect(betterText(pairValues('finalTrust', [0.1, 0.2], [0.3, 0.4]), 'A', 'B')).toBe(
			'B better than A in every simulated future'
		);
		expect(betterText(pairValues('finalTrust', [0.3, 0.4], [0.1, 0.2]), 'A', 'B')).toBe(
			'B better than A in no simulated future'
		);
		expect(
			betterText(pairValues('finalTrust', [0.1, 0.4, 0.2, 0.2], [0.3, 0.2, 0.2, 0.2]), 'A', 'B')
		).toBe('P(B better than A) = 25%');
	});
});

describe('the level of an outcome beside the chance', () => {
	it('gives median trust with its middle half, and the share co-designing', () => {
		const a = simulated('typical', 40);
		const b = simulated('courage', 40);
		const ft = a.metrics.finalTrust;
		expect(levelText(a, 'finalTrust')).toBe(
			`median ${ft.p50?.toFixed(2)} (middle half ${ft.p25?.toFixed(2)} to ${ft.p75?.toFixed(2)})`
		);
		// Courage over ten years: trust reaches the threshold in most futures and stays a while.
		const c = simulated('courage', 40, 120);
		expect(levelText(c, 'trustAboveThreshold')).toMatch(
			/^trust in the final year median \d\.\d\d \(middle half .*\); trust at or above 0\.60 for a median of \d+ of 120 months$/
		);
		// Beside the chance, how long trust stays at or above the threshold, from the same futures.
		expect(c.metrics.monthsAbove.p50).toBeGreaterThan(0);
		expect(levelText(c, 'trustAboveThreshold')).toContain(
			`for a median of ${Math.round(c.metrics.monthsAbove.p50 ?? NaN)} of 120 months`
		);
		// Today's typical contract never gets there in most futures: it says so, not "0 months".
		expect(levelText(a, 'trustAboveThreshold')).toMatch(/; the median future never reaches 0\.60$/);
		expect(levelText(b, 'reachesCodesigning')).toMatch(
			/^(\d+%|under 1%|0%) of the community co-designing or higher and (\d+%|under 1%) engaged or higher, on average in the final year$/
		);
		// Every outcome a pair can be compared on has a level.
		const r = pairSummaries(a, b, 'kpiMet');
		expect(r.ok).toBe(true);
		expect(levelText(a, 'kpiMet')).toMatch(/^median \d+% \(middle half .*\) of reviews met$/);
		expect(levelText(a, 'outcomes')).toMatch(/^median [\d,]+ \(middle half .*\) people$/);
	}, 60_000);
});
