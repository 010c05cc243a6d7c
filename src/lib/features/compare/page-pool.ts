/** The worker pool of one comparison page: started on first use, stopped when the page goes. */
import { createComparePool } from '$lib/engine/compare-pool';
import type { SimPool } from '$lib/engine/pool';

export class PagePool {
	#pool: SimPool | null = null;
	readonly #create: () => SimPool;

	constructor(create: () => SimPool = createComparePool) {
		this.#create = create;
	}

	/** The pool, created on first use (pass as the runs' pool getter). */
	readonly get = (): SimPool => (this.#pool ??= this.#create());

	/** Stops the workers, if any were started. */
	terminate(): void {
		this.#pool?.terminate();
		this.#pool = null;
	}
}
