/**
 * Runs two to four scenarios on common random numbers (one seed, one number of futures)
 * and keeps their summaries. Results are `$state.raw` and replaced, never mutated.
 */
import type { SimPool } from '$lib/engine/pool';
import { setParam, type Scenario, type Summary } from '$lib/sim';
import { runBatch, type BatchHandle, type BatchProgress } from '$lib/engine/batch';
import type { TaskStatus } from '$lib/engine/compare-pool';

export class ComparisonRun {
	status = $state.raw<TaskStatus>('idle');
	progress = $state.raw<BatchProgress | null>(null);
	/** One summary per scenario, in order; null until all have finished. */
	summaries = $state.raw<Summary[] | null>(null);
	/** The scenarios as run (with the common seed and number of futures). */
	scenarios = $state.raw<Scenario[]>([]);
	error = $state.raw<string | null>(null);

	readonly #pool: () => SimPool;
	#handle: BatchHandle | null = null;

	constructor(pool: () => SimPool) {
		this.#pool = pool;
	}

	/** Runs the scenarios on `seed` with `runs` futures each; resolves when done or stopped. */
	async run(scenarios: readonly Scenario[], seed: number, runs: number): Promise<void> {
		this.cancel();
		const common = scenarios.map((s) => setParam(setParam(s, 'seed', seed), 'runs', runs));
		const results: (Summary | null)[] = common.map(() => null);
		this.scenarios = common;
		this.summaries = null;
		this.error = null;
		this.progress = null;
		this.status = 'running';
		const handle = runBatch(this.#pool(), common, {
			onProgress: (p) => {
				if (this.#handle === handle) this.progress = p;
			},
			onResult: (i, summary) => {
				results[i] = summary;
			}
		});
		this.#handle = handle;
		const outcome = await handle.result;
		if (this.#handle !== handle) return;
		this.#handle = null;
		switch (outcome.status) {
			case 'done':
				this.summaries = results as Summary[];
				this.status = 'done';
				break;
			case 'cancelled':
				this.status = 'cancelled';
				break;
			case 'error':
				this.error = outcome.error;
				this.status = 'error';
				break;
			default:
				outcome satisfies never;
		}
	}

	cancel(): void {
		const h = this.#handle;
		this.#handle = null;
		if (h) {
			h.cancel();
			this.status = 'cancelled';
		}
	}
}
