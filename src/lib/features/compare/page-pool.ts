/** The worker pool of one comparison page: started on first use, stopped when the page goes. */
import { createComparePool } from '$lib/engine/compare-pool';
import { checkScenario, type SimPool } from '$lib/engine/pool';
import type { Scenario } from '$lib/sim';

/** Futures and months of the warm-up job: enough to compile the model, too few to notice. */
const WARM_UP = { runs: 10, horizonMonths: 12 };

export class PagePool {
	#pool: SimPool | null = null;
	readonly #create: () => SimPool;

	constructor(create: () => SimPool = createComparePool) {
		this.#create = create;
	}

	/** The pool, created on first use (pass as the runs' pool getter). */
	readonly get = (): SimPool => (this.#pool ??= this.#create());

	/**
	 * Starts the workers now, and has them simulate a few futures of `scenario` (shown
	 * nowhere), so that the model is compiled before the person runs anything: the first job
	 * of cold workers is several times slower.
	 */
	warm(scenario?: Scenario): void {
		const pool = this.get();
		pool.warm();
		if (!scenario) return;
		const valid = checkScenario({ ...scenario, ...WARM_UP });
		if (valid.ok) pool.run(valid.value);
	}

	/** Stops the workers, if any were started. */
	terminate(): void {
		this.#pool?.terminate();
		this.#pool = null;
	}
}
