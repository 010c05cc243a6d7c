/**
 * A progress bar for a terminal: redrawn in place on one line, at most every 100 ms.
 */

/** The bar's text for `done` of `total` runs (no carriage return). */
export function renderProgress(done: number, total: number, width = 30): string {
	const share = total > 0 ? Math.min(1, done / total) : 1;
	const filled = Math.round(share * width);
	const pct = String(Math.floor(share * 100)).padStart(3);
	return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${pct}% ${done}/${total} runs`;
}

export interface Progress {
	/** Reports runs done; redraws when 100 ms have passed since the last redraw. */
	update(done: number): void;
	/** Clears the line. */
	finish(): void;
}

/** A progress bar writing to `write` (e.g. a TTY's stderr), or one that does nothing. */
export function createProgress(
	total: number,
	write: ((text: string) => void) | undefined,
	now: () => number = () => performance.now(),
	intervalMs = 100
): Progress {
	if (!write) return { update() {}, finish() {} };
	let last = -Infinity;
	let drawn = false;
	return {
		update(done) {
			const t = now();
			if (t - last < intervalMs) return;
			last = t;
			drawn = true;
			write(`\r${renderProgress(done, total)}`);
		},
		finish() {
			if (drawn) write('\r\x1b[2K');
		}
	};
}
