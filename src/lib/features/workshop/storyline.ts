/**
 * Storylines: a trainer's sequence of scenarios for a workshop, each step with the question
 * the room predicts and the facilitator's notes. Plain data, edited by pure functions that
 * return a new storyline (never mutate), and checked when read back from storage.
 */
import { PRESETS, presetById } from '$lib/sim';
import { DEFAULT_QUESTION, QUESTION_KINDS, type QuestionKind } from './predict';

/** Where a step's scenario comes from: a built-in preset, or a scenario in the library. */
export type StepSource =
	{ kind: 'preset'; presetId: string } | { kind: 'scenario'; scenarioId: string };

export interface Step {
	/** Unique within its storyline; stable across reordering. */
	id: string;
	source: StepSource;
	question: QuestionKind;
	/** For the facilitator only: never shown to the room unless opened. */
	notes: string;
}

export interface Storyline {
	id: string;
	name: string;
	steps: Step[];
}

export const STORYLINE_NAME_MAX = 120;
export const NOTES_MAX = 4000;
export const MAX_STEPS = 30;

/** The id of the built-in storyline (a stored copy under this id is the trainer's edit of it). */
export const DEFAULT_STORYLINE_ID = 'default';

/**
 * The presets in teaching order: start from the contract people know, show what listening
 * without acting does, then what re-procuring again and again does, then the way out, then
 * what courage buys.
 */
export const TEACHING_ORDER: readonly string[] = [
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
export function newStepId(steps: readonly Step[], base = 'step'): string {
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

/** A problem with a storyline, in plain words. */
export interface StorylineIssue {
	path: string;
	message: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function checkSource(v: unknown): StepSource | null {
	if (!isRecord(v)) return null;
	if (v.kind === 'preset' && typeof v.presetId === 'string' && v.presetId)
		return { kind: 'preset', presetId: v.presetId };
	if (v.kind === 'scenario' && typeof v.scenarioId === 'string' && v.scenarioId)
		return { kind: 'scenario', scenarioId: v.scenarioId };
	return null;
}

/**
 * Checks a storyline (from storage or an edit): a name of 1 to STORYLINE_NAME_MAX
 * characters, 1 to MAX_STEPS steps with distinct ids, a known source and question each, and
 * notes of at most NOTES_MAX characters. Returns the storyline with its name trimmed.
 */
export function checkStoryline(
	input: unknown
): { ok: true; value: Storyline } | { ok: false; error: StorylineIssue[] } {
	const issues: StorylineIssue[] = [];
	if (!isRecord(input))
		return { ok: false, error: [{ path: '', message: 'A storyline must be an object.' }] };
	const id = typeof input.id === 'string' ? input.id : '';
	if (!id) issues.push({ path: 'id', message: 'The storyline has no id.' });
	const name = typeof input.name === 'string' ? input.name.trim() : '';
	if (!name) issues.push({ path: 'name', message: 'Give the storyline a name.' });
	else if (name.length > STORYLINE_NAME_MAX)
		issues.push({
			path: 'name',
			message: `The name must be at most ${STORYLINE_NAME_MAX} characters.`
		});
	const steps: Step[] = [];
	if (!Array.isArray(input.steps))
		issues.push({ path: 'steps', message: 'The steps must be a list.' });
	else {
		if (input.steps.length === 0)
			issues.push({ path: 'steps', message: 'A storyline needs at least one step.' });
		if (input.steps.length > MAX_STEPS)
			issues.push({ path: 'steps', message: `A storyline can have at most ${MAX_STEPS} steps.` });
		const seen = new Set<string>();
		input.steps.forEach((raw: unknown, i: number) => {
			const at = `steps.${i}`;
			const label = `Step ${i + 1}`;
			if (!isRecord(raw)) {
				issues.push({ path: at, message: `${label} is not a step.` });
				return;
			}
			const stepId = typeof raw.id === 'string' ? raw.id : '';
			if (!stepId || seen.has(stepId))
				issues.push({ path: `${at}.id`, message: `${label} needs an id of its own.` });
			seen.add(stepId);
			const source = checkSource(raw.source);
			if (!source) issues.push({ path: `${at}.source`, message: `${label} has no scenario.` });
			const question = QUESTION_KINDS.find((k) => k === raw.question);
			if (!question)
				issues.push({ path: `${at}.question`, message: `${label} asks an unknown question.` });
			const notes = typeof raw.notes === 'string' ? raw.notes : '';
			if (notes.length > NOTES_MAX)
				issues.push({
					path: `${at}.notes`,
					message: `${label}'s notes must be at most ${NOTES_MAX} characters.`
				});
			if (source && question) steps.push({ id: stepId, source, question, notes });
		});
	}
	if (issues.length) return { ok: false, error: issues };
	return { ok: true, value: { id, name, steps } };
}
