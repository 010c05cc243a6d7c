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

/**
 * Futures a side of the first look: few enough to be on screen in well under half a second on
 * two cores, enough for a rough picture of the paired difference.
 */
const FIRST_LOOK_RUNS = 50;
/** A comparison of more futures a side than this shows a first look while it runs. */
const FIRST_LOOK_ABOVE = 200;

export class ComparisonRun extends Task<BatchProgress> {
	/** One summary per scenario, in order; null until all have finished. */
	summaries = $state.raw<Summary[] | null>(null);
	/**
	 * A first look while a large comparison runs: the same scenarios on the same seed with
	 * FIRST_LOOK_RUNS futures each, and those scenarios; null when there is none (yet).
	 */
	firstLook = $state.raw<{ summaries: Summary[]; scenarios: Scenario[] } | null>(null);
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
		this.firstLook = null;
		await this.launch(
			async (job) => {
				const valid = validBatch(common);
				if (!valid.ok) return { status: 'error', error: valid.error };
				// A first look in a fraction of a second, before a large comparison: its own small
				// run (with uncertain assumptions, its own Latin hypercube over its futures).
				if (runs > FIRST_LOOK_ABOVE) {
					const small = validBatch(common.map((s) => setParam(s, 'runs', FIRST_LOOK_RUNS)));
					if (small.ok) {
						const looks: (Summary | null)[] = common.map(() => null);
						const first = runBatch(this.#pool(), small.value, {
							onResult: (i, summary) => {
								looks[i] = summary;
							}
						});
						job.onStop(() => first.cancel());
						const outcome = await first.result;
						if (outcome.status !== 'done') return outcome;
						if (!job.current) return { status: 'cancelled' };
						this.firstLook = { summaries: looks as Summary[], scenarios: small.value };
					}
				}
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
