import { describe, expect, it } from 'vitest';
import type { Robustness } from '$lib/analysis/robustness';
import { PRESETS, type Receipt } from '$lib/sim';
import {
	answerSentence,
	byCloseness,
	designRows,
	linkPrint,
	packTitle,
	MAX_QR_VERSION,
	qrModules,
	questionText,
	rankingSentence,
	shortCode,
	sweepReceipt,
	type RankedPair
} from './pack';

const typical = PRESETS.find((p) => p.id === 'typical')!.scenario;
const towards = PRESETS.find((p) => p.id === 'towards')!.scenario;

function verdict(over: Partial<Robustness>): Robustness {
	const pBetter = {
		finalTrust: 0.8,
		meanTrust: 0.8,
		reachesCodesigning: 0.5,
		kpiMet: 0.5,
		outcomes: 0.5,
		trustAboveThreshold: 0.5,
		collapse: 0.5,
		monthsToTrust: 0.5
	};
	return {
		mode: 'fixed',
		pBetter,
		outcome: 'finalTrust',
		winner: 'B',
		winnerShare: 0.8,
		close: false,
		loserShare: 0.2,
		flips: [],
		n: 200,
		...over
	};
}

describe('designRows', () => {
	it('puts the contract length first, then only what differs', () => {
		const rows = designRows([typical, towards]);
		expect(rows[0]).toEqual({ label: 'Contract length', values: ['36 months', '60 months'] });
		expect(rows.every((r) => r.values.length === 2)).toBe(true);
		expect(rows.filter((r) => r.label === 'Contract length')).toHaveLength(1);
		// Nothing that is the same in both is listed (apart from the contract length).
		expect(rows.slice(1).every((r) => r.values[0] !== r.values[1])).toBe(true);
	});

	it('lists the contract length even when it is the same', () => {
		const rows = designRows([typical, { ...typical, seed: typical.seed + 1 }]);
		expect(rows).toEqual([{ label: 'Contract length', values: ['36 months', '36 months'] }]);
	});

	it('lists the levers a contract sets for one design', () => {
		const labels = designRows([typical]).map((r) => r.label);
		expect(labels).toContain('Contract length');
		expect(labels).toContain('KPI rigidity');
		expect(labels).toContain('Power shared with the community');
		expect(labels).not.toContain('Random seed');
	});
});

describe('questionText', () => {
	it('names the horizon and the community', () => {
		const q = questionText([typical, towards]);
		expect(q).toMatch(/^Which of two contract designs builds more/);
		expect(q).toContain('over 10 years');
		expect(q).toContain('5,000 people in 4 groups');
		expect(questionText([typical])).toMatch(/^What does this contract design do/);
	});
});

describe('answerSentence', () => {
	it('gives the winner, the chance B is better and the mode', () => {
		expect(answerSentence(verdict({}), 'A', 'B')).toBe(
			'B builds more trust than A: higher final-year trust in 80% of futures (the chance that B is better than A: 80%), with assumptions fixed at their best guesses, so the spread is chance alone.'
		);
	});

	it('never claims a chance of 0% or 100%', () => {
		const all = verdict({
			winnerShare: 1,
			loserShare: 0,
			pBetter: { ...verdict({}).pBetter, finalTrust: 1 },
			mode: 'uncertain'
		});
		const text = answerSentence(all, 'A', 'B');
		expect(text).toContain('in every simulated future');
		expect(text).toContain('with uncertain assumptions');
		expect(text).not.toMatch(/100%|0%/);
	});

	it('says when it is too close to call, and when A wins', () => {
		expect(answerSentence(verdict({ close: true }), 'A', 'B')).toMatch(/^Too close to call: B/);
		const a = verdict({ winner: 'A', pBetter: { ...verdict({}).pBetter, finalTrust: 0.1 } });
		expect(answerSentence(a, 'A', 'B')).toMatch(
			/^A builds more trust than B: .*\(the chance that B is better than A: 10%\)/
		);
	});
});

describe('shortCode', () => {
	it('is one line of versions, seed, futures, mode and the short hash', () => {
		const r: Receipt = {
			modelVersion: '2.0.0',
			schemaVersion: 2,
			seed: 7,
			runs: 1000,
			scenarioHash: '0123456789abcdef',
			assumptions: { mode: 'uncertain', pinned: 2 }
		};
		expect(shortCode(r)).toBe(
			'model 2.0.0 · schema 2 · seed 7 · 1,000 futures · uncertain (2 pinned) · #01234567'
		);
		expect(shortCode({ ...r, assumptions: undefined })).toContain('· fixed ·');
	});
});

describe('linkPrint', () => {
	const long = (n: number) => `https://example.org/share#v1.${'x'.repeat(n)}`;

	it('prints a footnote for an address only this computer reaches', () => {
		for (const host of ['localhost:5173', '127.0.0.1:4173', 'app.localhost'])
			expect(linkPrint(`http://${host}/share#v1.abc`)).toEqual({
				kind: 'footnote',
				reason: 'local'
			});
	});

	it('prints a QR code of a public link up to the largest version, a footnote beyond', () => {
		const ok = linkPrint(long(1200));
		expect(ok.kind).toBe('qr');
		if (ok.kind === 'qr') expect(ok.modules).toHaveLength(17 + 4 * MAX_QR_VERSION);
		expect(linkPrint(long(1300))).toEqual({ kind: 'footnote', reason: 'long' });
	});

	it('picks the smallest version that holds the text', () => {
		expect(qrModules('x'.repeat(17))).toHaveLength(21);
		expect(qrModules('x'.repeat(18))).toHaveLength(25);
		const m = qrModules('https://example.org/')!;
		// The three finder patterns: a dark 7 by 7 ring at three corners.
		for (const [r, c] of [
			[0, 0],
			[0, m.length - 7],
			[m.length - 7, 0]
		])
			expect(m[r][c] && m[r + 6][c + 6] && !m[r + 1][c + 1] && m[r + 3][c + 3]).toBe(true);
	});
});

describe('the answer for three or four designs', () => {
	const pair = (
		other: number,
		p: number,
		gap: number,
		over: Partial<Robustness> = {}
	): RankedPair => ({
		other,
		gap,
		verdict: verdict({
			pBetter: { ...verdict({}).pBetter, finalTrust: p },
			winnerShare: p,
			loserShare: 1 - p,
			...over
		})
	});

	it('names the design with most trust and how often it beats each other, the closest first', () => {
		const text = rankingSentence(2, [pair(0, 1, 0.2), pair(1, 0.93, 0.05), pair(3, 1, 0.25)], 4);
		expect(text).toBe(
			'C builds the most trust of the 4 designs: higher final-year trust than B in 93% of futures and than A and D in every simulated future, with assumptions fixed at their best guesses, so the spread is chance alone.'
		);
	});

	it('calls the top two too close to call when they are', () => {
		const text = rankingSentence(2, [pair(0, 1, 0.2), pair(1, 0.55, 0.01, { close: true })], 3);
		expect(text).toMatch(
			/^Too close to call between C and B, the two designs with the most trust: C has higher final-year trust than B only in 55% of futures \(and than A in every simulated future\)/
		);
	});

	it('takes as closest contender the one beaten least often, and of equals the nearest', () => {
		expect(
			byCloseness([pair(0, 1, 0.2), pair(1, 1, 0.05), pair(3, 0.9, 0.3)]).map((p) => p.other)
		).toEqual([3, 1, 0]);
	});
});

describe('the pack title', () => {
	it('names one or two designs, and counts more or long-named ones', () => {
		expect(packTitle(['Today'])).toBe('Today');
		expect(packTitle(['Today', 'Towards'])).toBe('Comparison: A Today, B Towards');
		expect(
			packTitle(['Short contracts, re-procured again and again', 'Courage: a devolved budget'])
		).toBe('Comparison of 2 contract designs, A and B');
		expect(packTitle(['a', 'b', 'c', 'd'])).toBe('Comparison of 4 contract designs, A, B, C and D');
		expect(packTitle([])).toBe('Board pack');
	});
});

describe('the sweep in the pack', () => {
	it('says what it ran on: futures a cell, seed and assumptions', () => {
		const cell = {
			reachesCodesigning: { p: 0, se: 0, count: 50 },
			trustAboveThreshold: { p: 0.1, se: 0.04, count: 50 }
		};
		// Only the design and the cells are read.
		const kept = {
			scenario: JSON.stringify({ ...towards, seed: 7 }),
			cells: [null, cell]
		} as unknown as Parameters<typeof sweepReceipt>[0];
		expect(sweepReceipt(kept)).toBe(
			'50 futures a cell on seed 7, with assumptions fixed at their best guesses'
		);
		const uncertain = {
			...kept,
			scenario: JSON.stringify({
				...towards,
				seed: 7,
				assumptions: { mode: 'uncertain', pins: {} }
			})
		};
		expect(sweepReceipt(uncertain)).toBe('50 futures a cell on seed 7, with uncertain assumptions');
	});
});
