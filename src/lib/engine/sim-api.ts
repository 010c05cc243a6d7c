/**
 * The worker's side of the simulation API, as a plain object so that it runs the same in a
 * Web Worker (through Comlink, see `sim.worker.ts`) and in Node tests (in-thread).
 */
import { describeIssues, simulateRuns, validateScenario } from '$lib/sim';
import { CANCELLED_MESSAGE, type ChunkRequest, type ChunkResult, type SimApi } from './api';

export interface SimApiOptions {
	/** Least time between two progress callbacks, in milliseconds. */
	progressIntervalMs?: number;
	/** Clock; `performance.now` unless a test gives another. */
	now?: () => number;
}

/** How many cancelled job ids a worker remembers (job ids only grow, so old ones do not matter). */
const REMEMBERED_CANCELS = 64;

function isCount(n: unknown, min: number): n is number {
	return typeof n === 'number' && Number.isSafeInteger(n) && n >= min;
}

/** Creates the object a worker exposes. Holds only the set of cancelled jobs. */
export function createSimApi(options: SimApiOptions = {}): SimApi {
	const interval = options.progressIntervalMs ?? 50;
	const now = options.now ?? (() => performance.now());
	const cancelled = new Set<number>();
	// The chunks of a job all carry the same scenario: validate it once. Keyed by its JSON text,
	// so an equal scenario sent again (the next chunk) reuses the validated object.
	let lastText = '';
	let lastValid: ReturnType<typeof validateScenario> | null = null;
	function validated(scenario: unknown): ReturnType<typeof validateScenario> {
		const text = JSON.stringify(scenario) ?? '';
		if (lastValid === null || text !== lastText) {
			lastValid = validateScenario(scenario);
			lastText = text;
		}
		return lastValid;
	}

	function runChunk(request: ChunkRequest, onProgress?: (runsDone: number) => void): ChunkResult {
		if (typeof request !== 'object' || request === null)
			return { ok: false, error: 'The simulation request is empty.' };
		const { scenario, start, count, jobId } = request;
		if (cancelled.has(jobId)) return { ok: false, error: CANCELLED_MESSAGE };
		const valid = validated(scenario);
		if (!valid.ok) return { ok: false, error: describeIssues(valid.error) };
		const runs = valid.value.runs;
		if (!isCount(start, 0) || !isCount(count, 1) || start + count > runs)
			return {
				ok: false,
				error: `The chunk of runs (start ${String(start)}, count ${String(count)}) is outside the scenario's ${runs} runs.`
			};
		let last = now();
		const acc = simulateRuns(valid.value, start, count, (done) => {
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
			if (cancelled.size > REMEMBERED_CANCELS) {
				const oldest = cancelled.values().next().value;
				if (oldest !== undefined) cancelled.delete(oldest);
			}
		}
	};
}
