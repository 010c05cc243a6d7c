/**
 * Storylines: a trainer's sequence of scenarios for a workshop, each step with the question
 * the room predicts and the facilitator's notes. Plain data, edited by pure functions that
 * return a new storyline (never mutate). The stored shape and its check live in the database
 * layer (`$lib/db/storyline`).
 */
import { MAX_STEPS, type Step, type StepSource, type Storyline } from '$lib/db/storyline';
import { PRESETS, presetById } from '$lib/sim';
import { DEFAULT_QUESTION } from './predict';

/** The id of the built-in storyline (a stored copy under this id is the trainer's edit of it). */
export const DEFAULT_STORYLINE_ID = 'default';

/**
 * The presets in teaching order: start from the contract people know, show what listening
 * without acting does, then what re-procuring again and again does, then the way out, then
 * what courage buys.
 */
const TEACHING_ORDER: readonly string[] = [
	'typical',
	'consult-no-act',
	'churn',
	'towards',
	'courage'
];

/**
 * The facilitator's notes on each example. Every claim they make about what happens (trust
 * falls, ends lower, more often...) is one the model shows: `tests/unit/workshop/claims.test.ts`
 * runs each comparison.
 */
export const DEFAULT_NOTES: Readonly<Record<string, string>> = {
	typical:
		'The contract most people in the room will recognise. Ask: who has worked on one like this? Point out where each contract ends. Trust drifts down: in the median future it is lower in the final year than where it started.',
	'consult-no-act':
		'Lots of listening, little latitude to act: twice as many community conversations as the typical contract, yet trust ends lower, more promises are broken and fewer people see their view acted on. Ask the room what a community remembers about consultations where nothing happened.',
	churn:
		'Each re-procurement starts again. Watch the steps down: trust falls at every change of hands and has not recovered by the next re-procurement, so it ends lower than under the typical contract, with a change of provider every few years.',
	towards:
		'Longer contract, outcomes agreed with the community, partners and candour: trust ends well above the typical contract, yet few futures reach the threshold within ten years. Ask: which lever do you think matters most? Try it with the levers.',
	courage:
		'A devolved budget and transparent trial and error: the only example in which most futures reach the threshold, with the community co-designing in the final year. Ask what a commissioner would need to believe to sign this.'
};

/** The storyline a workshop starts with: every preset once, in teaching order. */
export function defaultStoryline(): Storyline {
	const ids = [
		...TEACHING_ORDER.filter((id) => presetById(id)),
		...PRESETS.map((p) => p.id).filter((id) => !TEACHING_ORDER.includes(id))
	];
	return {
		id: DEFAULT_STORYLINE_ID,
		name: 'From a typical contract to co-production',
		steps: ids.map((presetId) => ({
			id: `step-${presetId}`,
			source: { kind: 'preset', presetId },
			question: DEFAULT_QUESTION,
			notes: DEFAULT_NOTES[presetId] ?? ''
		}))
	};
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
