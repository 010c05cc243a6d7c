/**
 * The presenter's timer: time spent on each step and in the whole session, for the
 * presenter's eyes only. Times are plain milliseconds from a clock passed in, so the
 * functions are pure and testable.
 */

export interface SessionTimer {
	/** When the session started. */
	startedAt: number;
	/** The step being shown and since when. */
	stepId: string | null;
	stepSince: number;
	/** Time spent on each step before the current visit. */
	spent: Readonly<Record<string, number>>;
}

export function startTimer(now: number, stepId: string | null = null): SessionTimer {
	return { startedAt: now, stepId, stepSince: now, spent: {} };
}

/** Moves the timer to another step (time on the one left is kept, and adds up on a return). */
export function enterStep(t: SessionTimer, stepId: string, now: number): SessionTimer {
	if (t.stepId === stepId) return t;
	const spent = t.stepId
		? { ...t.spent, [t.stepId]: (t.spent[t.stepId] ?? 0) + Math.max(0, now - t.stepSince) }
		: t.spent;
	return { ...t, stepId, stepSince: now, spent };
}

/** Time on the current step, over all its visits. */
export function stepElapsed(t: SessionTimer, now: number): number {
	if (!t.stepId) return 0;
	return (t.spent[t.stepId] ?? 0) + Math.max(0, now - t.stepSince);
}

export function totalElapsed(t: SessionTimer, now: number): number {
	return Math.max(0, now - t.startedAt);
}

/** Milliseconds as a clock: "4:05", "1:02:09". */
export function clockText(ms: number): string {
	const s = Math.floor(Math.max(0, ms) / 1000);
	const h = Math.floor(s / 3600);
	const m = Math.floor((s % 3600) / 60);
	const sec = String(s % 60).padStart(2, '0');
	return h ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}
