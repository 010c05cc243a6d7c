import { describe, expect, it } from 'vitest';
import {
	FEW_RUNS,
	headline,
	headlineSentences,
	margin95,
	median,
	precisionNotes,
	shareOfFutures,
	spreadCaption,
	spreadSentence,
	standardError
} from '$lib/charts/headline';
import { defaultScenario, simulate } from '$lib/sim';
import { handMade, scenarioOf, simulated } from './fixtures';

const scenario = scenarioOf('typical', 50); // a 3-year contract; collapse is a fall of 15% within 6 months

/** n futures, the first `hits` of which reach trust in the given months (cycled). */
function futures(n: number, hits: number, months: number[] = [10]): number[] {
	return Array.from({ length: n }, (_, i) => (i < hits ? months[i % months.length] : -1));
}

describe('shares of futures in words', () => {
	it('uses simple fractions when the share is one', () => {
		expect(shareOfFutures(20, 100)).toEqual({ words: 'one future in five', plural: false });
		expect(shareOfFutures(50, 100)).toEqual({ words: 'one future in two', plural: false });
		expect(shareOfFutures(90, 100)).toEqual({ words: 'nine futures in ten', plural: false });
	});

	it('uses a percentage otherwise, and counts when runs are few', () => {
		expect(shareOfFutures(38, 100)).toEqual({ words: '38% of futures', plural: true });
		expect(shareOfFutures(3, 8)).toEqual({ words: '3 of 8 futures', plural: true });
		expect(shareOfFutures(1, 8)).toEqual({ words: '1 of 8 futures', plural: false });
	});

	it('says none and all only when that is what happened', () => {
		expect(shareOfFutures(0, 100).words).toBe('no future');
		expect(shareOfFutures(100, 100).words).toBe('all 100 futures');
		expect(shareOfFutures(999, 1000).words).toBe('over 99% of futures');
		expect(shareOfFutures(1, 1000).words).toBe('under 1% of futures');
	});
});

describe('headline', () => {
	it('matches the example form when most futures reach trust', () => {
		// 100 futures: 60 reach trust (months 30..), 20 end below where they started.
		const months = futures(100, 60, [30, 41, 50]);
		const finalTrust = months.map((_, i) => (i >= 80 ? 0.3 : 0.62));
		const s = handMade({ months: 120, monthsToTrust: months, finalTrust, start: 0.4 });
		const [first, second, third] = headlineSentences(s, scenario);
		expect(first).toBe(
			'Under this 3-year contract, trust reaches 0.60 in 60% of futures within 10 years; the median future gets there in month 50.'
		);
		expect(second).toBe(
			'Median trust is 0.62 in the final year (the last 12 months) and 0.62 over the whole 10 years.'
		);
		expect(third).toBe(
			'One future in five has trust in the final year below where it started (0.40).'
		);
	});

	it('gives the middle half of final-year trust beside its median, even when none reach the threshold', () => {
		const finalTrust = Array.from({ length: 50 }, (_, i) => 0.3 + (i % 5) * 0.05);
		const s = handMade({
			months: 60,
			monthsToTrust: futures(50, 0),
			finalTrust,
			meanTrust: new Array(50).fill(0.35),
			start: 0.25
		});
		const [first, second] = headlineSentences(s, scenario);
		expect(first).toContain('does not reach 0.60 within 5 years in any of the 50');
		expect(second).toBe(
			'Median trust is 0.40 in the final year (the last 12 months; middle half of futures 0.35 to 0.45) and 0.35 over the whole 5 years.'
		);
	});

	it('says the median future never gets there when fewer than half do', () => {
		const s = handMade({ months: 120, monthsToTrust: futures(100, 38, [40, 42]), start: 0.4 });
		expect(headlineSentences(s, scenario)[0]).toBe(
			'Under this 3-year contract, trust reaches 0.60 in 38% of futures within 10 years, so the median future never gets there; those that do take a median of 41 months.'
		);
	});

	it('handles futures that never reach trust', () => {
		const s = handMade({
			months: 60,
			monthsToTrust: futures(50, 0),
			finalTrust: new Array(50).fill(0.3),
			meanTrust: new Array(50).fill(0.35),
			start: 0.4
		});
		const [first, second, third] = headlineSentences(s, scenario);
		expect(first).toBe(
			'Under this 3-year contract, trust does not reach 0.60 within 5 years in any of the 50 simulated futures.'
		);
		expect(second).toBe(
			'Median trust is 0.30 in the final year (the last 12 months) and 0.35 over the whole 5 years.'
		);
		expect(third).toBe('Every future has trust in the final year below where it started (0.40).');
	});

	it('handles futures that all reach trust', () => {
		const s = handMade({
			months: 60,
			monthsToTrust: futures(40, 40, [12, 20, 30]),
			finalTrust: new Array(40).fill(0.7),
			start: 0.4
		});
		const [first, , third] = headlineSentences(s, scenario);
		expect(first).toBe(
			'Under this 3-year contract, trust reaches 0.60 in every one of the 40 simulated futures; the median future gets there in month 20, the fastest in month 12.'
		);
		expect(third).toBe('No future has trust in the final year below where it started (0.40).');
	});

	it('gives counts, not percentages, when runs are few', () => {
		const s = handMade({ months: 60, monthsToTrust: futures(8, 3, [20]), start: 0.4 });
		expect(8).toBeLessThan(FEW_RUNS);
		expect(headlineSentences(s, scenario)[0]).toContain('in 3 of 8 simulated futures');
	});

	it('handles a single future', () => {
		const reached = handMade({
			monthsToTrust: [17],
			finalTrust: [0.7],
			meanTrust: [0.55],
			start: 0.4
		});
		expect(headlineSentences(reached, scenario)).toEqual([
			'Under this 3-year contract, trust reaches 0.60 in month 17 of the one simulated future.',
			'Trust averages 0.70 in the final year (the last 12 months) and 0.55 over the whole 2 years.',
			'Trust in the final year is at or above where it started (0.40).'
		]);
		const never = handMade({ monthsToTrust: [-1], finalTrust: [0.2], start: 0.4 });
		expect(headlineSentences(never, scenario)[0]).toContain('does not reach 0.60 within 2 years');
	});

	it('mentions collapse, as a fall within the scenario’s window, when it happens', () => {
		const s = handMade({
			months: 60,
			monthsToTrust: futures(100, 60, [30]),
			collapsed: Array.from({ length: 100 }, (_, i) => (i < 25 ? 1 : 0)),
			start: 0.4
		});
		const last = headlineSentences(s, scenario).at(-1);
		expect(last).toBe(
			'One future in four sees trust collapse at some point: a fall of 15% or more within 6 months.'
		);
		const slower = {
			...scenario,
			reporting: { ...scenario.reporting, collapseDrop: 0.2, collapseWindowMonths: 1 }
		};
		expect(headlineSentences(s, slower).at(-1)).toMatch(/a fall of 20% or more within 1 month\.$/);
	});

	it('reads from a real simulation without inventing numbers', () => {
		const s = simulated('typical', 50);
		const text = headline(s, scenarioOf('typical', 50));
		expect(text.startsWith('Under this 3-year contract, trust')).toBe(true);
		expect(text).not.toMatch(/NaN|undefined|null|Infinity/);
		expect(text).toContain('in the final year');
		expect(text).toContain('over the whole 5 years');
		expect(text).not.toMatch(/at month \d+|at the horizon/);
	});
});

describe('precision notes', () => {
	it('gives each probability with its standard error', () => {
		const s = handMade({ months: 60, monthsToTrust: futures(100, 38, [20]), start: 0.4 });
		const notes = precisionNotes(s, scenario);
		const reach = notes.items[0];
		expect(reach.label).toBe('Trust reaches 0.60 within 5 years');
		expect(reach.p).toBeCloseTo(0.38);
		expect(reach.se).toBeCloseTo(Math.sqrt((0.38 * 0.62) / 100));
		expect(reach.text).toBe('38%, give or take 4.9 percentage points (one standard error)');
		expect(notes.items.map((i) => i.label)).toEqual([
			'Trust reaches 0.60 within 5 years',
			'Trust in the final year is at or above 0.60',
			'The community is co-designing or higher in the final year',
			'Trust collapses (a fall of 15% or more within 6 months)'
		]);
	});

	it('does not pretend a probability of none is exact', () => {
		const s = handMade({ months: 60, monthsToTrust: futures(50, 0), start: 0.4 });
		const reach = precisionNotes(s, scenario).items[0];
		expect(reach.se).toBe(0);
		expect(reach.text).toBe(
			'none of 50 futures; a true chance of up to 6% could still show as none with this many runs'
		);
	});

	it('suggests more runs when estimates are coarse, and none when they are fine', () => {
		const coarse = precisionNotes(
			handMade({ monthsToTrust: futures(50, 20, [10]), start: 0.4 }),
			scenario
		);
		expect(coarse.advice).toMatch(/with 50 simulated futures/);
		expect(coarse.advice).toMatch(/Raise the number of simulated futures to 1,000/);
		const fine = precisionNotes(
			handMade({ monthsToTrust: futures(5000, 2000, [10]), start: 0.4 }),
			scenario
		);
		expect(fine.advice).toBeNull();
	});

	it('suggests enough runs for the least certain estimate, treating none as up to 3/n', () => {
		// 96% reach trust in 50 runs and none collapse (which may truly be up to 6%): the widest
		// margin is that 6%, and 200 runs bring every margin within 3 points.
		const s = handMade({ monthsToTrust: futures(50, 48, [10]), start: 0.4 });
		expect(precisionNotes(s, scenario).advice).toBe(
			'These are coarse estimates: with 50 simulated futures, a probability here could be out by about 6 percentage points either way. Raise the number of simulated futures to 200 to bring that within 3 points.'
		);
		// At 200 runs with an even chance, 1,000 is still the least that is enough.
		const even = handMade({ monthsToTrust: futures(200, 100, [10]), start: 0.4 });
		expect(precisionNotes(even, scenario).advice).toMatch(/to 1,000 /);
	});

	it('computes standard errors and 95% margins', () => {
		expect(standardError(0.5, 100)).toBeCloseTo(0.05);
		expect(standardError(0.5, 0)).toBe(0);
		expect(margin95(0.5, 100)).toBeCloseTo(0.098);
		expect(margin95(0, 100)).toBeCloseTo(0.03);
		expect(margin95(1, 10)).toBeCloseTo(0.3);
	});

	it('finds medians', () => {
		expect(median([3, 1, 2])).toBe(2);
		expect(median([4, 1, 2, 3])).toBe(2.5);
		expect(median([])).toBeNull();
	});
});

describe('precision advice at the default run count', () => {
	it('gives none at 1,000 runs, whose margin rounds to the 3-point target', () => {
		const n = 1000;
		const s = handMade({
			monthsToTrust: Array.from({ length: n }, (_, i) => (i < n / 2 ? 10 : -1)),
			start: 0.4
		});
		expect(precisionNotes(s, scenario).advice).toBeNull();
	});
});

describe('where the spread comes from', () => {
	it('says fixed assumptions show chance alone, and uncertain ones how much comes from them', () => {
		const s = { ...defaultScenario('S'), runs: 300, horizonMonths: 24 };
		const fixed = simulate(s);
		expect(spreadSentence(fixed, s)).toMatch(/the spread shows chance alone/);
		const u = { ...s, assumptions: { mode: 'uncertain' as const } };
		const uncertain = simulate(u);
		expect(spreadSentence(uncertain, u)).toMatch(
			/at least \d+% of the spread of final-year trust comes from what we assume, the rest from chance and from assumptions acting together\. The assumptions that matter most: .+ and .+\./
		);
		const few = { ...u, runs: 50 };
		expect(spreadSentence(simulate(few), few)).toMatch(/run at least 2\d\d futures/);
	});

	it("gives each chart's caption one line on where its spread comes from", () => {
		const s = { ...defaultScenario('S'), runs: 300, horizonMonths: 24 };
		expect(spreadCaption(simulate(s))).toBe(
			'Spread: chance alone, with assumptions fixed at their best guesses.'
		);
		const u = { ...s, assumptions: { mode: 'uncertain' as const } };
		expect(spreadCaption(simulate(u))).toMatch(
			/^Spread: chance and uncertain assumptions together; at least \d+% of the spread of final-year trust comes from the assumptions, most from [^,]+, [^,]+ and [^,]+\.$/
		);
		expect(spreadCaption(simulate({ ...u, runs: 50 }))).toMatch(/too few futures to tell/);
	});
});
