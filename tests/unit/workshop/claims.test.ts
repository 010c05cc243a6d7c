/**
 * Every claim a shipped storyline's notes make about what happens (trust falls, ends lower,
 * more often...) checked against the model: each step's example is run here on a few hundred
 * futures, on its own seed, and each of its claims is checked against the result. The notes
 * must contain the words of each claim, so text and check cannot drift apart.
 */
import { describe, expect, it } from 'vitest';
import { presetById, simulate, type Summary } from '../../../src/lib/sim';
import { checkClaim } from '../../../src/lib/features/workshop/claims';
import {
	answerOf,
	optionsFor,
	rightOption,
	type Question
} from '../../../src/lib/features/workshop/predict';
import {
	BUILT_IN_STORYLINES,
	builtInStoryline,
	DEFAULT_STORYLINE_ID,
	defaultStoryline,
	storylineChoices
} from '../../../src/lib/features/workshop/storyline';

const RUNS = 200;
const cache = new Map<string, Summary>();
function run(id: string): Summary {
	let s = cache.get(id);
	if (!s) {
		s = simulate({ ...scenario(id), runs: RUNS });
		cache.set(id, s);
	}
	return s;
}
function scenario(id: string) {
	const p = presetById(id);
	if (!p) throw new Error(`No preset "${id}"`);
	return p.scenario;
}

// Simulating five examples at 200 futures takes a while on a busy two-core machine.
const SLOW = { timeout: 240_000 };

describe('the shipped storylines claim only what the model shows', SLOW, () => {
	for (const story of BUILT_IN_STORYLINES)
		describe(story.name, () => {
			it('has 4 to 6 steps, each on an example, each with claims its notes make', () => {
				expect(story.steps.length).toBeGreaterThanOrEqual(4);
				expect(story.steps.length).toBeLessThanOrEqual(6);
				for (const step of story.steps) {
					expect(presetById(step.source.presetId), step.id).toBeDefined();
					expect(step.claims.length, step.id).toBeGreaterThan(0);
					for (const c of step.claims) expect(step.notes, step.id).toContain(c.says);
				}
			});

			for (const step of story.steps)
				it(`${step.source.presetId}: ${step.claims.map((c) => c.says).join('; ')}`, () => {
					for (const c of step.claims) {
						const r = checkClaim(c, run(step.source.presetId), run);
						expect(r.holds, `“${c.says}”: ${r.found}`).toBe(true);
					}
				});

			it('asks a different kind of question at every step', () => {
				const kinds = story.steps.map((s) => s.question);
				expect(new Set(kinds).size).toBe(kinds.length);
				expect(kinds).not.toContain('none');
			});
		});

	it('the default storyline’s answers cannot be guessed from the one before', () => {
		const story = BUILT_IN_STORYLINES.find((b) => b.id === DEFAULT_STORYLINE_ID);
		if (!story) throw new Error('no default storyline');
		const answers = story.steps.map((step) => {
			const q = step.question as Question;
			const s = scenario(step.source.presetId);
			const a = answerOf(q, s, run(step.source.presetId));
			return { q, key: rightOption(q, a.value).key, scale: optionsFor(q) };
		});
		// Consecutive steps ask on another scale, or land on another option.
		for (let i = 1; i < answers.length; i++) {
			const [a, b] = [answers[i - 1], answers[i]];
			expect(a.scale !== b.scale || a.key !== b.key, `steps ${i} and ${i + 1}`).toBe(true);
		}
		// At least four different options are the right answer across the five steps.
		expect(new Set(answers.map((a) => a.key)).size).toBeGreaterThanOrEqual(4);
	});
});

describe('what the notes say about the examples as written', () => {
	it('consulting without acting holds twice as many conversations as the typical contract', () => {
		expect(scenario('consult-no-act').listening.conversationsPerYear).toBe(
			2 * scenario('typical').listening.conversationsPerYear
		);
		expect(scenario('consult-no-act').description).toContain(
			'nothing was done with the information'
		);
		expect(scenario('churn').description).toContain('starts again');
		expect(scenario('churn').contract.lengthMonths).toBe(24);
		expect(scenario('courage').contract.lengthMonths).toBe(84);
		expect(scenario('towards').partners.count).toBe(4);
		expect(scenario('towards').horizonMonths).toBe(120);
	});
});

describe('the list of storylines', () => {
	it('offers every built-in storyline, then the ones saved here', () => {
		expect(storylineChoices([]).map((c) => c.id)).toEqual([
			'default',
			'commissioners',
			'providers',
			'community'
		]);
		const withSaved = storylineChoices([
			{ id: 'providers', name: 'Our bid day' },
			{ id: 'mine', name: 'Tuesday' }
		]);
		expect(withSaved.map((c) => c.name)).toEqual([
			'From a typical contract to co-production',
			'For commissioners: what a contract buys',
			'Our bid day',
			'For community members: what you can expect',
			'Tuesday'
		]);
		expect(builtInStoryline('nope')).toBeUndefined();
		const plain = defaultStoryline();
		expect(plain.steps[0]).not.toHaveProperty('claims');
		expect(plain.steps.map((s) => s.source)).toEqual(story('default').steps.map((s) => s.source));
	});
});

function story(id: string) {
	const s = BUILT_IN_STORYLINES.find((b) => b.id === id);
	if (!s) throw new Error(id);
	return s;
}
