/**
 * Moving through a storyline in a workshop: each step starts with the room predicting (when
 * it asks a question), then the answer is revealed. A clicker has only "next" and
 * "previous", so "next" first reveals a step's answer and then moves on.
 */
import type { QuestionKind } from '$lib/db/storyline';
import { setHands, type Votes } from './votes';

export type Phase = 'predict' | 'revealed';

/** What the room did at one step during this session. */
export interface StepProgress {
	phase: Phase;
	/** The option key the room picked (1-based), or null. */
	pick: number | null;
	/** The show of hands per option, when the presenter counted them. */
	votes: Votes | null;
}

/** How a step starts: asking the room, or straight to the chart when it asks nothing. */
export function startProgress(question: QuestionKind): StepProgress {
	return { phase: question === 'none' ? 'revealed' : 'predict', pick: null, votes: null };
}

export type NextMove = { type: 'reveal' } | { type: 'go'; index: number } | { type: 'stay' };

/** What "next" does at step `index` of `count` in `phase`. */
export function nextMove(index: number, count: number, phase: Phase): NextMove {
	if (phase === 'predict') return { type: 'reveal' };
	if (index < count - 1) return { type: 'go', index: index + 1 };
	return { type: 'stay' };
}

/** The step "previous" goes to (the same one at the start). */
export function previousIndex(index: number): number {
	return Math.max(0, index - 1);
}

/** An index kept within a storyline of `count` steps. */
export function clampIndex(index: number, count: number): number {
	if (count <= 0) return 0;
	return Math.min(count - 1, Math.max(0, Math.trunc(Number.isFinite(index) ? index : 0)));
}

/** Records the room's pick; only while predicting. Picking the same option again clears it. */
export function recordPick(p: StepProgress, option: number): StepProgress {
	if (p.phase !== 'predict') return p;
	return { ...p, pick: p.pick === option ? null : option };
}

/** Records the hands raised for one option; only while predicting. */
export function recordHands(p: StepProgress, option: number, hands: number): StepProgress {
	if (p.phase !== 'predict') return p;
	return { ...p, votes: setHands(p.votes, option, hands) };
}

export function reveal(p: StepProgress): StepProgress {
	return p.phase === 'revealed' ? p : { ...p, phase: 'revealed' };
}
