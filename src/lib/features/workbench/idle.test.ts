import { describe, expect, it } from 'vitest';
import { afterPaintWhenIdle, IDLE_TIMEOUT_MS, type IdleScheduler } from './idle';

/** A scheduler whose frames, idle moments and timers are let through by hand. */
function manual(options: { frames?: boolean; idle?: boolean } = {}) {
	let next = 1;
	const frames = new Map<number, () => void>();
	const idles = new Map<number, { callback: () => void; timeout?: number }>();
	const timers = new Map<number, { callback: () => void; at: number }>();
	let now = 0;
	const scheduler: IdleScheduler = {
		setTimeout: (callback, ms) => {
			const id = next++;
			timers.set(id, { callback, at: now + ms });
			return id as unknown as ReturnType<typeof setTimeout>;
		},
		clearTimeout: (handle) => {
			timers.delete(handle as unknown as number);
		}
	};
	if (options.frames !== false) {
		scheduler.requestAnimationFrame = (callback) => {
			const id = next++;
			frames.set(id, callback);
			return id;
		};
		scheduler.cancelAnimationFrame = (id) => frames.delete(id);
	}
	if (options.idle !== false) {
		scheduler.requestIdleCallback = (callback, o) => {
			const id = next++;
			idles.set(id, { callback, timeout: o?.timeout });
			return id;
		};
		scheduler.cancelIdleCallback = (id) => idles.delete(id);
	}
	return {
		scheduler,
		idles,
		/** Draws a frame: runs the frame callbacks waiting now. */
		frame() {
			const waiting = [...frames.values()];
			frames.clear();
			for (const f of waiting) f();
		},
		/** The main thread falls idle: runs the idle callbacks waiting now. */
		idle() {
			const waiting = [...idles.values()];
			idles.clear();
			for (const i of waiting) i.callback();
		},
		/** Moves the clock on, running the timers that fall due in order. */
		advance(ms: number) {
			const end = now + ms;
			for (;;) {
				const due = [...timers.entries()]
					.filter(([, t]) => t.at <= end)
					.sort((a, b) => a[1].at - b[1].at)[0];
				if (!due) break;
				timers.delete(due[0]);
				now = due[1].at;
				due[1].callback();
			}
			now = end;
		}
	};
}

describe('afterPaintWhenIdle', () => {
	it('waits for a frame to be drawn, then for an idle moment', () => {
		const m = manual();
		let calls = 0;
		afterPaintWhenIdle(() => calls++, m.scheduler);
		m.idle();
		m.advance(0);
		expect(calls).toBe(0); // No frame yet.
		m.frame();
		expect(calls).toBe(0); // Still inside the frame.
		m.advance(0);
		expect(calls).toBe(0); // After the paint, waiting for an idle moment...
		expect([...m.idles.values()][0]?.timeout).toBe(IDLE_TIMEOUT_MS);
		m.idle();
		expect(calls).toBe(1);
		m.frame();
		m.idle();
		m.advance(10 * IDLE_TIMEOUT_MS);
		expect(calls).toBe(1); // Once only.
	});

	it('starts anyway when no frame comes (a page in a background tab)', () => {
		const m = manual();
		let calls = 0;
		afterPaintWhenIdle(() => calls++, m.scheduler);
		m.advance(IDLE_TIMEOUT_MS);
		m.idle();
		expect(calls).toBe(1);
		m.frame();
		m.advance(IDLE_TIMEOUT_MS);
		m.idle();
		expect(calls).toBe(1);
	});

	it('without requestIdleCallback, starts shortly after the paint', () => {
		const m = manual({ idle: false });
		let calls = 0;
		afterPaintWhenIdle(() => calls++, m.scheduler);
		m.frame();
		m.advance(0);
		expect(calls).toBe(0);
		m.advance(100);
		expect(calls).toBe(1);
	});

	it('without frames or idle callbacks (not a browser), starts after a short wait', () => {
		const m = manual({ frames: false, idle: false });
		let calls = 0;
		afterPaintWhenIdle(() => calls++, m.scheduler);
		expect(calls).toBe(0);
		m.advance(100);
		expect(calls).toBe(1);
	});

	it('never calls the work once cancelled, at any step', () => {
		for (const step of ['before the frame', 'after the frame', 'while waiting for idle']) {
			const m = manual();
			let calls = 0;
			const cancel = afterPaintWhenIdle(() => calls++, m.scheduler);
			if (step !== 'before the frame') m.frame();
			if (step === 'while waiting for idle') m.advance(0);
			cancel();
			m.frame();
			m.advance(10 * IDLE_TIMEOUT_MS);
			m.idle();
			expect(calls, step).toBe(0);
		}
	});
});
