/**
 * Work that should wait until the page is drawn and idle: a page that opens straight into a
 * simulation starts it only once its first frame is on screen and the main thread has a
 * moment free, so that starting the workers and drawing the first results do not compete
 * with the page loading. Pure scheduling, with the browser's functions passed in, so that it
 * is tested in Node.
 */

export interface IdleScheduler {
	requestAnimationFrame?: (callback: () => void) => number;
	cancelAnimationFrame?: (handle: number) => void;
	requestIdleCallback?: (callback: () => void, options?: { timeout: number }) => number;
	cancelIdleCallback?: (handle: number) => void;
	setTimeout: (callback: () => void, ms: number) => ReturnType<typeof setTimeout>;
	clearTimeout: (handle: ReturnType<typeof setTimeout>) => void;
}

/**
 * The longest wait for an idle moment after the first frame, in milliseconds: on a page that
 * never falls idle (a busy machine), the work starts anyway.
 */
export const IDLE_TIMEOUT_MS = 1000;

/** Where there is no requestIdleCallback (Safari), the wait after the first frame. */
const NO_IDLE_CALLBACK_DELAY_MS = 50;

/** The browser's own functions, where it has them. */
function browserScheduler(): IdleScheduler {
	const w = globalThis as typeof globalThis & Partial<Window>;
	return {
		requestAnimationFrame: w.requestAnimationFrame?.bind(w),
		cancelAnimationFrame: w.cancelAnimationFrame?.bind(w),
		requestIdleCallback: w.requestIdleCallback?.bind(w),
		cancelIdleCallback: w.cancelIdleCallback?.bind(w),
		setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
		clearTimeout: (handle) => globalThis.clearTimeout(handle)
	};
}

/**
 * Calls `work` once the next frame has been drawn and the main thread is idle, or after
 * IDLE_TIMEOUT_MS at most at each of the two steps (a page in a background tab draws no
 * frames; a page on a busy machine may never fall idle). A frame is drawn after its
 * requestAnimationFrame callbacks, so a timer set from one runs after the paint. Returns a
 * function that cancels the call if it has not happened yet.
 */
export function afterPaintWhenIdle(
	work: () => void,
	scheduler: IdleScheduler = browserScheduler()
): () => void {
	let cancelled = false;
	let painted = false;
	let done = false;
	const pending = new Set<() => void>();
	const clearPending = () => {
		for (const cancel of pending) cancel();
		pending.clear();
	};
	const later = (callback: () => void, ms: number) => {
		const handle = scheduler.setTimeout(callback, ms);
		pending.add(() => scheduler.clearTimeout(handle));
	};
	const run = () => {
		if (cancelled || done) return;
		done = true;
		clearPending();
		work();
	};
	const whenIdle = () => {
		if (cancelled || done) return;
		const { requestIdleCallback, cancelIdleCallback } = scheduler;
		if (requestIdleCallback) {
			const handle = requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
			pending.add(() => cancelIdleCallback?.(handle));
		} else later(run, NO_IDLE_CALLBACK_DELAY_MS);
	};
	const afterPaint = () => {
		if (cancelled || painted) return;
		painted = true;
		clearPending();
		later(whenIdle, 0);
	};
	const { requestAnimationFrame, cancelAnimationFrame } = scheduler;
	if (requestAnimationFrame) {
		const handle = requestAnimationFrame(afterPaint);
		pending.add(() => cancelAnimationFrame?.(handle));
		later(afterPaint, IDLE_TIMEOUT_MS);
	} else afterPaint();
	return () => {
		cancelled = true;
		clearPending();
	};
}
