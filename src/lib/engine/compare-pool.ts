/**
 * The worker pool the comparison pages run on: Web Workers, one per core. Chunks are a
 * little longer than the workbench's (which favours quick previews), because a sweep or a
 * comparison sends many whole jobs and each chunk returns a full accumulator.
 */
import { SimPool } from './pool';
import { createWorkerRunner, defaultPoolSize } from './worker-runner';

export function createComparePool(): SimPool {
	return new SimPool({
		createRunner: createWorkerRunner,
		size: defaultPoolSize(),
		targetChunkMs: 120
	});
}
