/**
 * The month-by-month playback clock: where the chart has drawn to, whether it is playing and
 * how fast. Plain values and pure functions; the page drives `tick` from animation frames.
 * Month 0 shows nothing yet; month `months` shows the whole horizon.
 */

export interface Playback {
	/** Months drawn so far, fractional while playing (0 to `months`). */
	month: number;
	playing: boolean;
	/** Months per second. */
	speed: number;
	/** The horizon. */
	months: number;
}

/** Speeds offered, in months per second. */
export const SPEEDS: readonly number[] = [2, 4, 8, 16, 32];
const DEFAULT_SPEED = 8;

export function createPlayback(months: number, speed = DEFAULT_SPEED): Playback {
	return { month: 0, playing: false, speed, months: Math.max(1, months) };
}

function clampMonth(p: Playback, month: number): number {
	return Math.min(p.months, Math.max(0, Number.isFinite(month) ? month : 0));
}

/** Advances a playing clock by `elapsedMs`; it stops at the end. */
export function tick(p: Playback, elapsedMs: number): Playback {
	if (!p.playing || elapsedMs <= 0) return p;
	const month = clampMonth(p, p.month + (p.speed * elapsedMs) / 1000);
	return { ...p, month, playing: month < p.months };
}

/** Starts playing; from the start again when it had reached the end. */
export function play(p: Playback): Playback {
	return { ...p, month: p.month >= p.months ? 0 : p.month, playing: true };
}

export function pause(p: Playback): Playback {
	return p.playing ? { ...p, playing: false } : p;
}

export function toggle(p: Playback): Playback {
	return p.playing ? pause(p) : play(p);
}

/** Jumps to a month (a scrub): pauses, and snaps to a whole month. */
export function scrub(p: Playback, month: number): Playback {
	return { ...p, month: Math.round(clampMonth(p, month)), playing: false };
}

/** The whole horizon at once (for reduced motion, or to skip ahead). */
export function toEnd(p: Playback): Playback {
	return { ...p, month: p.months, playing: false };
}

export function setSpeed(p: Playback, speed: number): Playback {
	return { ...p, speed: speed > 0 ? speed : p.speed };
}

/** A new horizon (another scenario): keeps the place as far as the new horizon allows. */
export function withMonths(p: Playback, months: number): Playback {
	const m = Math.max(1, months);
	return { ...p, months: m, month: Math.min(m, p.month), playing: p.playing && p.month < m };
}

/** Whole months drawn so far (0 to months). */
export function wholeMonths(p: Playback): number {
	return Math.floor(p.month + 1e-9);
}

/**
 * How playback starts when a step is revealed: from month 0, playing, unless motion should
 * be reduced, in which case the whole chart is shown at once.
 */
export function startReveal(p: Playback, reduceMotion: boolean): Playback {
	return reduceMotion ? toEnd(p) : { ...p, month: 0, playing: true };
}
