// Is a comparison's answer robust? P(B better) over chance and assumptions together, and the
// region of the assumptions where it flips.
import { describe, expect, it } from 'vitest';
import { robustness, verdictText } from '$lib/analysis/robustness';
import {
	AssumptionDraws,
	UNCERTAIN_FACTORS,
	setParam,
	simulate,
	withAssumptionMode,
	type Scenario,
	type Summary
} from '$lib/sim';
import { preset } from '../sim/helpers';

const small = (s: Scenario, runs: number): Scenario => ({
	...s,
	runs,
	horizonMonths: 48,
	community: {
		...s.community,
		segments: s.community.segments.map((g) => ({ ...g, size: Math.min(g.size, 200) }))
	}
});

describe('robustness', () => {
	it('says fixed assumptions give chance only, and never flips them', () => {
		const a = small(preset('typical'), 60);
		const b = setParam(a, 'power.sharing', 0.8);
		const v = robustness(a, simulate(a), b, simulate(b));
		expect(v.mode).toBe('fixed');
		expect(v.flips).toEqual([]);
		expect(v.noFlip).toMatch(/only chance differs/);
		for (const p of Object.values(v.pBetter)) expect(p).toBeGreaterThanOrEqual(0);
	});

	it('in the uncertain mode, says where the answer turns or that nothing turns it', () => {
		const a = withAssumptionMode(small(preset('typical'), 300), 'uncertain');
		// A small change: B is better in many futures, not all.
		const b = setParam(a, 'listening.conversationsPerYear', a.listening.conversationsPerYear + 2);
		const v = robustness(a, simulate(a), b, simulate(b), 'finalTrust', { a: 'A', b: 'B' });
		expect(v.mode).toBe('uncertain');
		expect(v.n).toBe(300);
		if (v.flips.length) {
			for (const f of v.flips) {
				expect(f.text.length).toBeGreaterThan(5);
				expect(f.share).toBeGreaterThan(0);
				expect(f.share).toBeLessThan(1);
			}
		} else expect(v.noFlip).toBeTruthy();
	});
});

describe('the verdict in words', () => {
	const base = {
		mode: 'uncertain' as const,
		pBetter: {} as never,
		outcome: 'finalTrust' as const,
		n: 100,
		close: false,
		loserShare: 0.05
	};

	it('calls a near tie too close to call, and skips the flips', () => {
		const text = verdictText(
			{
				...base,
				winner: 'B',
				winnerShare: 0.52,
				loserShare: 0.48,
				close: true,
				flips: [{ text: 'x is above 1', share: 0.1, density: 0.9 }]
			},
			'A',
			'B'
		);
		expect(text).toMatch(
			/^Too close to call: B has higher final-year trust in 52% of futures and A in 48%/
		);
		expect(text).not.toMatch(/unless/);
	});

	it('names the winner, its share and the region that flips it', () => {
		const text = verdictText(
			{
				...base,
				winner: 'B',
				winnerShare: 0.93,
				flips: [{ text: 'loss to gain asymmetry is above 4.2', share: 0.07, density: 0.8 }]
			},
			'A',
			'B'
		);
		expect(text).toBe(
			'B has higher final-year trust in 93% of futures, over chance and the assumptions together. B is better unless loss to gain asymmetry is above 4.2: 7% of the assumptions tried (there A wins in 80% of futures).'
		);
	});

	it('never writes 100% for every future, and says why nothing flips it', () => {
		const text = verdictText(
			{
				...base,
				winner: 'A',
				winnerShare: 1,
				flips: [],
				noFlip: 'A is better in every future: nothing in the assumptions tried turns it.'
			},
			'A',
			'B'
		);
		expect(text).toContain('A has higher final-year trust in every simulated future');
		expect(text).not.toMatch(/100%/);
		expect(
			verdictText({ ...base, mode: 'fixed', winner: 'B', winnerShare: 0.6, flips: [] }, 'A', 'B')
		).toMatch(/only chance differs/);
	});
});

describe('a rare loser whose wins gather somewhere', () => {
	it('names the region where they gather when nothing turns the answer', () => {
		const a = withAssumptionMode({ ...preset('typical'), runs: 2000 }, 'uncertain');
		const j = UNCERTAIN_FACTORS.findIndex((f) => f.id === 'trust.asymmetry');
		const draws = new AssumptionDraws(a);
		const values = new Float64Array(UNCERTAIN_FACTORS.length);
		const asymmetry = Array.from({ length: a.runs }, (_, i) => draws.values(i, values)[j]);
		const cut = [...asymmetry].sort((x, y) => x - y)[Math.floor(0.85 * a.runs)];
		// A is better in 45% of the futures with the top 15% of asymmetry, and in 1% elsewhere:
		// too few to turn the answer anywhere, but far more often than the 7% overall.
		let seed = 7;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
		const aWins = asymmetry.map((v) => random() < (v >= cut ? 0.45 : 0.01));
		const fake = (trust: number[]): Summary =>
			({
				threshold: 0.6,
				perRun: {
					finalTrust: trust,
					meanTrust: trust,
					rung: trust.map(() => 1),
					kpiMet: trust.map(() => 0.5),
					outcomes: trust.map(() => 100),
					collapsed: trust.map(() => 0),
					monthsToTrust: trust.map(() => -1)
				}
			}) as unknown as Summary;
		const sa = fake(aWins.map((w) => (w ? 0.5 : 0.4)));
		const sb = fake(aWins.map(() => 0.45));
		const v = robustness(a, sa, a, sb, 'finalTrust', { a: 'Typical', b: 'Better' });
		expect(v.winner).toBe('B');
		expect(v.flips).toEqual([]);
		expect(v.concentration?.text).toMatch(/^loss to gain asymmetry is above \d/);
		expect(v.concentration?.density).toBeGreaterThan(0.3);
		expect(v.concentration?.density).toBeLessThan(0.5);
		expect(v.noFlip).toMatch(
			/^No region of the assumptions turns the answer, but Typical's wins gather where loss to gain asymmetry is above [\d.]+ times: there Typical is better in \d+% of futures, against \d+% overall \(\d+% of the assumptions tried\)\.$/
		);
	});
});
