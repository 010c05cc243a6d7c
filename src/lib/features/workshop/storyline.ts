/**
 * Storylines: a trainer's sequence of scenarios for a workshop, each step with the question
 * the room predicts and the facilitator's notes. Plain data, edited by pure functions that
 * return a new storyline (never mutate). The stored shape and its check live in the database
 * layer (`$lib/db/storyline`).
 */
import {
	MAX_STEPS,
	type QuestionKind,
	type Step,
	type StepSource,
	type Storyline
} from '$lib/db/storyline';
import { PRESETS, presetById } from '$lib/sim';
import type { Claim } from './claims';
import { DEFAULT_QUESTION } from './predict';

/** The id of the default built-in storyline (a stored copy under an id is the trainer's edit). */
export const DEFAULT_STORYLINE_ID = 'default';

/** A shipped step: its notes' claims about what the model shows, checked by a unit test. */
interface BuiltInStep extends Step {
	source: { kind: 'preset'; presetId: string };
	claims: readonly Claim[];
}

/** A shipped storyline, for one kind of room. */
export interface BuiltInStoryline {
	id: string;
	name: string;
	/** Who it is for and what it shows, in a sentence. */
	about: string;
	steps: readonly BuiltInStep[];
}

const OTHERS = (id: string) => PRESETS.map((p) => p.id).filter((x) => x !== id);

function step(
	presetId: string,
	question: QuestionKind,
	notes: string,
	claims: readonly Claim[]
): BuiltInStep {
	return { id: `step-${presetId}`, source: { kind: 'preset', presetId }, question, notes, claims };
}

/**
 * The storylines shipped with the app. Each step asks a different kind of question, so a room
 * cannot guess an answer from the one before; every claim the notes make about what happens
 * is one the model shows (`tests/unit/workshop/claims.test.ts` runs each step and checks it).
 */
export const BUILT_IN_STORYLINES: readonly BuiltInStoryline[] = [
	{
		id: DEFAULT_STORYLINE_ID,
		name: 'From a typical contract to co-production',
		about:
			'For any room: the contract people know, what listening without acting and re-procuring do, then the way out and what courage buys.',
		steps: [
			step(
				'typical',
				'trustAtYear5',
				'The contract most people in the room will recognise. Ask: who has worked on one like this? Point out where each contract ends. Trust drifts down: in the middle future it is lower in the final year than where it started.',
				[{ metric: 'trust', direction: 'falls', says: 'Trust drifts down' }]
			),
			step(
				'consult-no-act',
				'collapse',
				'Lots of listening, little latitude to act: twice as many community conversations as the typical contract, yet trust ends lower, more promises are broken and fewer people see their view acted on, and trust collapses more often than under the typical contract. Ask the room what a community remembers about consultations where nothing happened.',
				[
					{
						metric: 'finalTrust',
						direction: 'lower',
						compareTo: 'typical',
						says: 'trust ends lower'
					},
					{
						metric: 'brokenPromises',
						direction: 'higher',
						compareTo: 'typical',
						says: 'more promises are broken'
					},
					{
						metric: 'heard',
						direction: 'lower',
						compareTo: 'typical',
						says: 'fewer people see their view acted on'
					},
					{
						metric: 'collapse',
						direction: 'higher',
						compareTo: 'typical',
						says: 'collapses more often than under the typical contract'
					}
				]
			),
			step(
				'churn',
				'providerChanges',
				'Each re-procurement starts again. Watch the steps down: trust falls at every change of hands and is lower before each re-procurement than before the one before, so it ends lower than under the typical contract.',
				[
					{
						metric: 'trust',
						direction: 'fallsAtEveryChange',
						says: 'trust falls at every change of hands and is lower before each re-procurement than before the one before'
					},
					{
						metric: 'finalTrust',
						direction: 'lower',
						compareTo: 'typical',
						says: 'ends lower than under the typical contract'
					}
				]
			),
			step(
				'towards',
				'codesign',
				'Longer contract, outcomes agreed with the community, partners and candour: trust ends well above the typical contract and far more people take part, yet few futures reach the threshold within ten years and hardly any see the community co-designing. Ask: which lever do you think matters most? Try it with the levers.',
				[
					{
						metric: 'finalTrust',
						direction: 'higher',
						compareTo: 'typical',
						by: 0.05,
						says: 'trust ends well above the typical contract'
					},
					{
						metric: 'tookPart',
						direction: 'higher',
						compareTo: 'typical',
						by: 0.1,
						says: 'far more people take part'
					},
					{
						metric: 'reached',
						direction: 'below',
						value: 0.2,
						says: 'few futures reach the threshold within ten years'
					},
					{
						metric: 'codesign',
						direction: 'below',
						value: 0.1,
						says: 'hardly any see the community co-designing'
					}
				]
			),
			step(
				'courage',
				'monthsToTrust',
				'A devolved budget and transparent trial and error: the only example in which most futures reach the threshold, with at least one resident in ten co-designing in most futures by the final year (real, not a transformation). Trust still takes years: after five years it is below the threshold in the middle future. Ask what a commissioner would need to believe to sign this.',
				[
					{
						metric: 'reached',
						direction: 'above',
						value: 0.5,
						says: 'most futures reach the threshold'
					},
					{
						metric: 'reached',
						direction: 'highest',
						among: OTHERS('courage'),
						says: 'the only example in which'
					},
					{
						metric: 'codesign',
						direction: 'above',
						value: 0.5,
						says: 'co-designing in most futures'
					},
					{
						metric: 'trustAtYear5',
						direction: 'below',
						value: 0.6,
						says: 'after five years it is below the threshold'
					}
				]
			)
		]
	},
	{
		id: 'commissioners',
		name: 'For commissioners: what a contract buys',
		about:
			'For commissioners: what contract length, re-procurement, agreed outcomes and a devolved budget do to trust.',
		steps: [
			step(
				'typical',
				'reachWithinContract',
				'Start from the contract you would let today: three years, fixed KPIs with penalties, two more years on performance. Ask: will trust pass the threshold before the first contract ends? In hardly any future does it reach the threshold, and trust drifts down over ten years.',
				[
					{
						metric: 'reached',
						direction: 'below',
						value: 0.05,
						says: 'In hardly any future does it reach the threshold'
					},
					{ metric: 'trust', direction: 'falls', says: 'trust drifts down' }
				]
			),
			step(
				'churn',
				'finalTrust',
				'Re-let every two years to keep providers keen: the service changes hands far more often than under the typical contract, and trust ends lower. Ask what a community sees when the faces change every two years.',
				[
					{
						metric: 'providerChanges',
						direction: 'higher',
						compareTo: 'typical',
						by: 1,
						says: 'changes hands far more often than under the typical contract'
					},
					{
						metric: 'finalTrust',
						direction: 'lower',
						compareTo: 'typical',
						says: 'trust ends lower'
					}
				]
			),
			step(
				'towards',
				'trustAtYear5',
				'Five years and two more, outcomes agreed and revised with the community, four local partners: trust ends higher than under the typical contract, with far fewer broken promises. Ask which of these a commissioner controls.',
				[
					{
						metric: 'finalTrust',
						direction: 'higher',
						compareTo: 'typical',
						says: 'trust ends higher than under the typical contract'
					},
					{
						metric: 'brokenPromises',
						direction: 'lower',
						compareTo: 'typical',
						by: 500,
						says: 'far fewer broken promises'
					}
				]
			),
			step(
				'courage',
				'aboveAtHorizon',
				'Seven years, a budget the community decides on, failures shared openly: of the examples, the most likely to end with trust at or above the threshold, and collapses are rare. Ask what a board would need to see to sign it.',
				[
					{
						metric: 'aboveThreshold',
						direction: 'highest',
						among: OTHERS('courage'),
						says: 'the most likely to end with trust at or above the threshold'
					},
					{ metric: 'collapse', direction: 'below', value: 0.05, says: 'collapses are rare' }
				]
			)
		]
	},
	{
		id: 'providers',
		name: 'For providers: what a bid can promise',
		about:
			'For providers preparing a bid: what listening without latitude, delivering to KPIs, losing the contract, partners and candour do to trust.',
		steps: [
			step(
				'consult-no-act',
				'aboveAtHorizon',
				'A bid that promises to listen a lot, with rigid targets and little room to act: more conversations than the typical contract, yet more broken promises and fewer people who see their view acted on. Ask: what would you put in a bid to avoid this?',
				[
					{
						metric: 'brokenPromises',
						direction: 'higher',
						compareTo: 'typical',
						says: 'more broken promises'
					},
					{
						metric: 'heard',
						direction: 'lower',
						compareTo: 'typical',
						says: 'fewer people who see their view acted on'
					}
				]
			),
			step(
				'typical',
				'collapse',
				'The usual contract: trust drifts down, and collapses in a few futures. Ask what the KPIs do not measure.',
				[
					{ metric: 'trust', direction: 'falls', says: 'trust drifts down' },
					{ metric: 'collapse', direction: 'above', value: 0, says: 'collapses in a few futures' },
					{ metric: 'collapse', direction: 'below', value: 0.1, says: 'collapses in a few futures' }
				]
			),
			step(
				'churn',
				'providerChanges',
				'Short contracts re-let each time: each new provider starts again, and trust falls at every change of hands and is lower before each re-procurement than before the one before. Ask what a provider could hand over so that the next one does not start from nothing.',
				[
					{
						metric: 'trust',
						direction: 'fallsAtEveryChange',
						says: 'trust falls at every change of hands and is lower before each re-procurement than before the one before'
					}
				]
			),
			step(
				'towards',
				'finalTrust',
				'Bid with partners and candour: four trusted local partners and a provider open about what goes wrong. Trust ends higher than under the typical contract, and more people see their view acted on.',
				[
					{
						metric: 'finalTrust',
						direction: 'higher',
						compareTo: 'typical',
						says: 'Trust ends higher than under the typical contract'
					},
					{
						metric: 'heard',
						direction: 'higher',
						compareTo: 'typical',
						says: 'more people see their view acted on'
					}
				]
			),
			step(
				'courage',
				'codesign',
				'Transparent trial and error with a devolved budget: of the examples, the one with the most futures co-designing and the fewest broken promises. Ask what a provider risks by bidding for this, and what it gains.',
				[
					{
						metric: 'codesign',
						direction: 'highest',
						among: OTHERS('courage'),
						says: 'the most futures co-designing'
					},
					{
						metric: 'brokenPromises',
						direction: 'lowest',
						among: OTHERS('courage'),
						says: 'the fewest broken promises'
					}
				]
			)
		]
	},
	{
		id: 'community',
		name: 'For community members: what you can expect',
		about:
			'For community members and groups: what being consulted, a service that changes hands, trusted local partners and a budget you decide on mean for you.',
		steps: [
			step(
				'consult-no-act',
				'finalTrust',
				'The consultation that goes nowhere: people are asked twice as often as under the typical contract, yet fewer see their view acted on and trust ends lower. Ask: have you been consulted like this?',
				[
					{
						metric: 'heard',
						direction: 'lower',
						compareTo: 'typical',
						says: 'fewer see their view acted on'
					},
					{
						metric: 'finalTrust',
						direction: 'lower',
						compareTo: 'typical',
						says: 'trust ends lower'
					}
				]
			),
			step(
				'churn',
				'collapse',
				'The service changes hands every few years: fewer people take part than under the typical contract, and trust falls at every change of hands. Ask: what changes for you when the faces change?',
				[
					{
						metric: 'tookPart',
						direction: 'lower',
						compareTo: 'typical',
						says: 'fewer people take part than under the typical contract'
					},
					{
						metric: 'trust',
						direction: 'fallsAtEveryChange',
						says: 'trust falls at every change of hands'
					}
				]
			),
			step(
				'towards',
				'monthsToTrust',
				'Trusted local partners and a provider candid about what goes wrong: far more people take part than under the typical contract and trust rises, yet few futures reach the threshold within ten years. Ask what it would take for you to trust this service.',
				[
					{
						metric: 'tookPart',
						direction: 'higher',
						compareTo: 'typical',
						by: 0.1,
						says: 'far more people take part than under the typical contract'
					},
					{ metric: 'trust', direction: 'rises', says: 'trust rises' },
					{
						metric: 'reached',
						direction: 'below',
						value: 0.2,
						says: 'few futures reach the threshold within ten years'
					}
				]
			),
			step(
				'courage',
				'trustAtYear5',
				'A budget the community decides on: most futures see the community co-designing by the final year, and more people take part than in any other example. Ask what you would want to decide.',
				[
					{
						metric: 'codesign',
						direction: 'above',
						value: 0.5,
						says: 'most futures see the community co-designing'
					},
					{
						metric: 'tookPart',
						direction: 'highest',
						among: OTHERS('courage'),
						says: 'more people take part than in any other example'
					}
				]
			)
		]
	}
];

/** A built-in storyline as plain, storable data (no claims), or undefined. */
export function builtInStoryline(id: string): Storyline | undefined {
	const b = BUILT_IN_STORYLINES.find((x) => x.id === id);
	if (!b) return undefined;
	return {
		id: b.id,
		name: b.name,
		steps: b.steps
			.filter((x) => presetById(x.source.presetId))
			.map(({ id, source, question, notes }) => ({ id, source: { ...source }, question, notes }))
	};
}

export function isBuiltIn(id: string): boolean {
	return BUILT_IN_STORYLINES.some((b) => b.id === id);
}

/** The storyline a workshop starts with. */
export function defaultStoryline(): Storyline {
	const story = builtInStoryline(DEFAULT_STORYLINE_ID);
	if (!story) throw new Error('The default storyline is missing.');
	return story;
}

/**
 * The storylines to choose from: every built-in one (the stored edit's name when there is
 * one), then every other storyline saved here.
 */
export function storylineChoices(
	stored: readonly { id: string; name: string }[]
): { id: string; name: string }[] {
	const builtIns = BUILT_IN_STORYLINES.map((b) => ({
		id: b.id,
		name: stored.find((r) => r.id === b.id)?.name ?? b.name
	}));
	return [
		...builtIns,
		...stored.filter((r) => !isBuiltIn(r.id)).map((r) => ({ id: r.id, name: r.name }))
	];
}

/** A step id not used in the storyline. */
function newStepId(steps: readonly Step[], base = 'step'): string {
	const taken = new Set(steps.map((s) => s.id));
	for (let n = steps.length + 1; ; n++) {
		const id = `${base}-${n}`;
		if (!taken.has(id)) return id;
	}
}

/** Adds a step at the end (or at `index`), asking the default question. */
export function addStep(
	story: Storyline,
	source: StepSource,
	index = story.steps.length
): Storyline {
	if (story.steps.length >= MAX_STEPS) return story;
	const step: Step = { id: newStepId(story.steps), source, question: DEFAULT_QUESTION, notes: '' };
	const i = Math.min(story.steps.length, Math.max(0, index));
	return { ...story, steps: [...story.steps.slice(0, i), step, ...story.steps.slice(i)] };
}

export function removeStep(story: Storyline, stepId: string): Storyline {
	return { ...story, steps: story.steps.filter((s) => s.id !== stepId) };
}

/** Moves a step by `delta` places (negative: earlier), kept within the list. */
export function moveStep(story: Storyline, stepId: string, delta: number): Storyline {
	const from = story.steps.findIndex((s) => s.id === stepId);
	if (from < 0) return story;
	const to = Math.min(story.steps.length - 1, Math.max(0, from + delta));
	if (to === from) return story;
	const steps = [...story.steps];
	const [step] = steps.splice(from, 1);
	steps.splice(to, 0, step);
	return { ...story, steps };
}

/** Changes one step's question or notes. */
export function updateStep(
	story: Storyline,
	stepId: string,
	changes: Partial<Pick<Step, 'question' | 'notes'>>
): Storyline {
	return {
		...story,
		steps: story.steps.map((s) => (s.id === stepId ? { ...s, ...changes } : s))
	};
}

export function renameStoryline(story: Storyline, name: string): Storyline {
	return { ...story, name };
}
