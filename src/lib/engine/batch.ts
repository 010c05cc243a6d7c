/**
 * A batch of scenarios run on one worker pool, in the order given, a few jobs at a time:
 * the pool hands its workers to the oldest job first, so results arrive roughly in order
 * (a sweep's coarse cells before its fine ones) and cancelling stops everything promptly.
 * Built on SimPool's public `run`; nothing here touches the workers directly. Work starts
 * on a microtask, so no callback runs before `runBatch` has returned its handle.
 */
import type { JobHandle, SimPool } from './pool';
import type { TaskOutcome } from './task.svelte';
import type { Summary, ValidScenario } from '$lib/sim';

/** How far a batch has got, counted in futures (runs) over all its scenarios. */
export interface BatchProgress {
	runsDone: number;
	runsTotal: number;
	jobsDone: number;
	jobsTotal: number;
	elapsedMs: number;
	/** Estimated time left; null until some runs have finished. */
	remainingMs: number | null;
}

/** How a batch ended: done, cancelled, or the first error of one of its jobs. */
type BatchOutcome = TaskOutcome;

export interface BatchOptions {
	/** Jobs given to the pool at once (default: the pool's size + 1, so no worker waits). */
	concurrency?: number;
	onProgress?: (progress: BatchProgress) => void;
	/** Called as each scenario finishes, with its index in the batch. */
	onResult?: (index: number, summary: Summary) => void;
}

export interface BatchHandle {
	readonly result: Promise<BatchOutcome>;
	cancel(): void;
}

export function runBatch(
	pool: SimPool,
	scenarios: readonly ValidScenario[],
	options: BatchOptions = {}
): BatchHandle {
	const started = performance.now();
	const total = scenarios.reduce((a, s) => a + s.runs, 0);
	const concurrency = Math.max(1, options.concurrency ?? pool.size + 1);
	const inFlight = new Map<number, { handle: JobHandle | null; runsDone: number }>();
	let next = 0;
	let finishedRuns = 0;
	let jobsDone = 0;
	let settled = false;
	let resolve!: (outcome: BatchOutcome) => void;
	const result = new Promise<BatchOutcome>((r) => (resolve = r));

	function report(): void {
		if (settled || !options.onProgress) return;
		let done = finishedRuns;
		for (const job of inFlight.values()) done += job.runsDone;
		const elapsedMs = performance.now() - started;
		options.onProgress({
			runsDone: done,
			runsTotal: total,
			jobsDone,
			jobsTotal: scenarios.length,
			elapsedMs,
			remainingMs: done > 0 ? (elapsedMs * (total - done)) / done : null
		});
	}

	function finish(outcome: BatchOutcome): void {
		if (settled) return;
		if (outcome.status !== 'done') for (const job of inFlight.values()) job.handle?.cancel();
		if (outcome.status === 'done') report();
		settled = true;
		inFlight.clear();
		resolve(outcome);
	}

	function startMore(): void {
		while (!settled && inFlight.size < concurrency && next < scenarios.length) {
			const index = next++;
			const scenario = scenarios[index];
			// The pool reports progress from inside `run`, so the entry exists first.
			const entry: { handle: JobHandle | null; runsDone: number } = { handle: null, runsDone: 0 };
			const handle = pool.run(scenario, {
				onProgress: (p) => {
					entry.runsDone = p.runsDone;
					report();
				}
			});
			entry.handle = handle;
			inFlight.set(index, entry);
			void handle.result.then((outcome) => {
				if (settled || inFlight.get(index) !== entry) return;
				inFlight.delete(index);
				switch (outcome.status) {
					case 'done':
						finishedRuns += scenario.runs;
						jobsDone++;
						options.onResult?.(index, outcome.summary);
						report();
						if (jobsDone === scenarios.length) finish({ status: 'done' });
						else startMore();
						break;
					case 'cancelled':
						finish({ status: 'cancelled' });
						break;
					case 'error':
						finish({ status: 'error', error: outcome.error });
						break;
					default:
						outcome satisfies never;
				}
			});
		}
	}

	// Started after this function returns, so that callers may refer to the handle in callbacks.
	queueMicrotask(() => {
		if (settled) return;
		if (scenarios.length === 0) finish({ status: 'done' });
		else {
			report();
			startMore();
		}
	});
	return { result, cancel: () => finish({ status: 'cancelled' }) };
}
