/**
 * The stored shape of a workshop storyline (a trainer's sequence of scenarios, each step with
 * the question the room predicts and the facilitator's notes) and its check, applied when a
 * storyline is saved and when it is read back from storage.
 */
import { unsafeCharacter, unsafeNameMessage } from '../sim';

/**
 * What a step asks the room. The first four are chances (a share of futures); `trustAtYear5`
 * and `finalTrust` a level of trust; `monthsToTrust` a time; `providerChanges` a count.
 * `none` skips the prediction and shows the chart at once.
 */
export type QuestionKind =
	| 'reachWithinContract'
	| 'aboveAtHorizon'
	| 'collapse'
	| 'codesign'
	| 'trustAtYear5'
	| 'finalTrust'
	| 'monthsToTrust'
	| 'providerChanges'
	| 'none';

export const QUESTION_KINDS: readonly QuestionKind[] = [
	'reachWithinContract',
	'aboveAtHorizon',
	'collapse',
	'codesign',
	'trustAtYear5',
	'finalTrust',
	'monthsToTrust',
	'providerChanges',
	'none'
];

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
	else {
		const unsafe = unsafeCharacter(name);
		if (unsafe !== null)
			issues.push({ path: 'name', message: unsafeNameMessage('The name', unsafe) });
	}
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
