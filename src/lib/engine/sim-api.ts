/**
 * The worker's side of the simulation API, as a plain object so that it runs the same in a
 * Web Worker (through Comlink, see `sim.worker.ts`) and in Node tests (in-thread). The
 * scenario of a job arrives validated, with the job's first chunk; the worker keeps it for
 * the job's later chunks.
 */
import { simulateRuns, type ValidScenario } from '$lib/sim';
import { CANCELLED_MESSAGE, type ChunkRequest, type ChunkResult, type SimApi } from './api';

export interface SimApiOptions {
	/** Least time between two progress callbacks, in milliseconds. */
	progressIntervalMs?: number;
	/** Clock; `performance.now` unless a test gives another. */
	now?: () => number;
}

/** How many cancelled job ids a worker remembers (job ids only grow, so old ones do not matter). */
const REMEMBERED_CANCELS = 64;

/**
 * How many jobs' scenarios a worker keeps, the least recently used forgotten first. A pool
 * runs a handful of jobs at once (a batch runs its pool's size + 1), so a job's scenario is
 * never forgotten while its chunks still come.
 */
const REMEMBERED_JOBS = 32;

/** Trims a set or map kept in order of use to `limit` keys, forgetting the oldest. */
function remember<K>(
	keys: { delete(k: K): boolean; keys(): IterableIterator<K>; size: number },
	limit: number
): void {
	while (keys.size > limit) {
		const oldest = keys.keys().next();
		if (oldest.done) return;
		keys.delete(oldest.value);
	}
}

function isCount(n: unknown, min: number): n is number {
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= min;
}

/** Creates the object a worker exposes. Holds the cancelled jobs and the recent jobs' scenarios. */
export function createSimApi(options: SimApiOptions = {}): SimApi {
	const interval = options.progressIntervalMs ?? 50;
	const now = options.now ?? (() => performance.now());
	const cancelled = new Set<number>();
	const scenarios = new Map<number, ValidScenario>();

	/** The job's scenario: the one the request brings (kept), or the one kept for the job. */
	function scenarioOf(request: ChunkRequest): ValidScenario | undefined {
		const { jobId, scenario } = request;
		const known = scenario ?? scenarios.get(jobId);
		if (known === undefined) return undefined;
		scenarios.delete(jobId); // Moved to the end: the most recently used.
		scenarios.set(jobId, known);
		remember(scenarios, REMEMBERED_JOBS);
		return known;
	}

	function runChunk(request: ChunkRequest, onProgress?: (runsDone: number) => void): ChunkResult {
		if (typeof request !== 'object' || request === null)
			return { ok: false, error: 'The simulation request is empty.' };
		const { start, count, jobId } = request;
		if (cancelled.has(jobId)) return { ok: false, error: CANCELLED_MESSAGE };
		const scenario = scenarioOf(request);
		if (!scenario)
			return {
				ok: false,
				error: 'The simulation worker was not sent the scenario to run. Run it again.'
			};
		const runs = scenario.runs;
		if (!isCount(start, 0) || !isCount(count, 1) || start + count > runs)
			return {
				ok: false,
				error: `The chunk of runs (start ${String(start)}, count ${String(count)}) is outside the scenario's ${runs} runs.`
			};
		let last = now();
		const acc = simulateRuns(scenario, start, count, (done) => {
			if (cancelled.has(jobId)) return false;
			if (onProgress && done < count) {
				const t = now();
				if (t - last >= interval) {
					last = t;
					// Fire and forget: through Comlink this returns a promise nobody needs.
					void onProgress(done);
				}
			}
			return true;
		});
		if (acc.count < count) return { ok: false, error: CANCELLED_MESSAGE };
		return { ok: true, value: acc };
	}

	return {
		async runChunk(request, onProgress) {
			try {
				return runChunk(request, onProgress);
			} catch (e) {
				return {
					ok: false,
					error: `The simulation failed: ${e instanceof Error ? e.message : String(e)}`
				};
			}
		},
		async cancel(jobId) {
			cancelled.add(jobId);
			remember(cancelled, REMEMBERED_CANCELS);
			scenarios.delete(jobId);
		}
	};
}
