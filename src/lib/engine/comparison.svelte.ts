/**
 * Runs two to four scenarios on common random numbers (one seed, one number of futures)
 * and keeps their summaries. Results are `$state.raw` and replaced, never mutated; the
 * lifecycle (status, progress, cancel, error) is the engine's `Task`.
 */
import type { SimPool } from '$lib/engine/pool';
import { runBatch, type BatchProgress } from '$lib/engine/batch';
import { Task } from '$lib/engine/task.svelte';
import { setParam, withAssumptionMode, type Scenario, type Summary } from '$lib/sim';
import { validBatch } from './batch-job';

export class ComparisonRun extends Task<BatchProgress> {
	/** One summary per scenario, in order; null until all have finished. */
	summaries = $state.raw<Summary[] | null>(null);
	/** The scenarios as run (with the common seed and number of futures). */
	scenarios = $state.raw<Scenario[]>([]);

	readonly #pool: () => SimPool;

	constructor(pool: () => SimPool) {
		super();
		this.#pool = pool;
	}

	/**
	 * Runs the scenarios on `seed` with `runs` futures each, all with fixed or all with
	 * uncertain assumptions (each keeps its own pins), so that future i of every scenario shares
	 * its chance and its assumptions; resolves when done or stopped.
	 */
	async run(
		scenarios: readonly Scenario[],
		seed: number,
		runs: number,
		assumptions: 'fixed' | 'uncertain' = 'fixed'
	): Promise<void> {
		const common = scenarios.map((s) =>
			withAssumptionMode(setParam(setParam(s, 'seed', seed), 'runs', runs), assumptions)
		);
		const results: (Summary | null)[] = common.map(() => null);
		this.scenarios = common;
		this.summaries = null;
		await this.launch(
			async (job) => {
				const valid = validBatch(common);
				if (!valid.ok) return { status: 'error', error: valid.error };
				const handle = runBatch(this.#pool(), valid.value, {
					onProgress: (p) => job.report(p),
					onResult: (i, summary) => {
						results[i] = summary;
					}
				});
				job.onStop(() => handle.cancel());
				return handle.result;
			},
			() => (this.summaries = results as Summary[])
		);
	}
}
