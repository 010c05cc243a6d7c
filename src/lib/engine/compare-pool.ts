/**
 * The worker pool the comparison pages run on: Web Workers, one per core. Chunks are a
 * little longer than the workbench's (which favours quick previews), because a sweep or a
 * comparison sends many whole jobs and each chunk returns a full accumulator.
 */
import { SimPool } from '$lib/engine/pool';
import { createWorkerRunner, defaultPoolSize } from '$lib/engine/worker-runner';

export function createComparePool(): SimPool {
	return new SimPool({
		createRunner: createWorkerRunner,
		size: defaultPoolSize(),
		targetChunkMs: 120
	});
}

/** The status of a long piece of work on the comparison pages. */
export type TaskStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** "about 12 s left", "1 min 5 s left": a plain estimate for a progress line. */
export function timeLeft(ms: number | null): string {
	if (ms === null || !Number.isFinite(ms)) return 'estimating time left';
	const s = Math.max(1, Math.round(ms / 1000));
	if (s < 60) return `about ${s} s left`;
	return `about ${Math.floor(s / 60)} min ${s % 60} s left`;
}
