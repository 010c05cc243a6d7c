/**
 * A batch of scenarios run in the worker pool, each summary read into a small row as it
 * arrives (the numbers an analysis needs, never the per-future arrays): the one-at-a-time
 * sensitivity of the comparison pages and of the board pack. The lifecycle (status, progress,
 * cancel, error) is the engine's `Task`.
 */
import type { SimPool } from '$lib/engine/pool';
import { runBatch, type BatchProgress } from '$lib/engine/batch';
import { validBatch } from '$lib/engine/batch-job';
import { Task } from '$lib/engine/task.svelte';
import type { Scenario, Summary } from '$lib/sim';

export class RowsRun<Row> extends Task<BatchProgress> {
	/** Per scenario of the batch, in order: its row (undefined until it has run). */
	values = $state.raw<(Row | undefined)[]>([]);

	readonly #pool: () => SimPool;

	constructor(pool: () => SimPool) {
		super();
		this.#pool = pool;
	}

	/** Runs `scenarios`, reading each summary with `read`; resolves when done or stopped. */
	async runRows(scenarios: readonly Scenario[], read: (summary: Summary) => Row): Promise<void> {
		const values: (Row | undefined)[] = scenarios.map(() => undefined);
		this.values = values.slice();
		await this.launch(async (job) => {
			const valid = validBatch(scenarios);
			if (!valid.ok) return { status: 'error', error: valid.error };
			const handle = runBatch(this.#pool(), valid.value, {
				onProgress: (p) => job.report(p),
				onResult: (k, summary) => {
					if (!job.current) return;
					values[k] = read(summary);
					this.values = values.slice();
				}
			});
			job.onStop(() => handle.cancel());
			return handle.result;
		});
	}
}
