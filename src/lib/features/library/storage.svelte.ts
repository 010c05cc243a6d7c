/** How much space the library takes in this browser and whether the browser keeps it: measured, and asked for. */
import type { StorageResult } from '$lib/db/errors';
import { requestPersistence, storageEstimate, type StorageEstimate } from '$lib/db/library';

export interface StorageDeps {
	/** Measures the space used and allowed (default: the browser's estimate). */
	estimate?: () => Promise<StorageResult<StorageEstimate>>;
	/** Asks the browser to keep the library (default: persistent storage). */
	persist?: () => Promise<StorageResult<boolean>>;
}

export class StorageState {
	/** Null until first measured. */
	estimate = $state.raw<StorageEstimate | null>(null);
	/** The question to the browser is pending. */
	asking = $state(false);
	/** The browser said no to the last question. */
	declined = $state(false);

	/** The share of the quota in use, 0 to 1, when the browser says both. */
	get used(): number | null {
		const e = this.estimate;
		return e?.usage != null && e.quota ? Math.min(1, e.usage / e.quota) : null;
	}

	/** Whether the browser has agreed to keep the library; null when it does not say. */
	get kept(): boolean | null {
		return this.estimate?.persisted ?? null;
	}

	#estimate: () => Promise<StorageResult<StorageEstimate>>;
	#persist: () => Promise<StorageResult<boolean>>;

	constructor(deps: StorageDeps = {}) {
		this.#estimate = deps.estimate ?? storageEstimate;
		this.#persist = deps.persist ?? requestPersistence;
	}

	/** Measures again (after a write). */
	async measure(): Promise<void> {
		const r = await this.#estimate();
		if (r.ok) this.estimate = r.value;
	}

	/** Asks the browser to keep the library, then measures again. */
	async ask(): Promise<void> {
		this.asking = true;
		const r = await this.#persist();
		this.asking = false;
		this.declined = !(r.ok && r.value);
		await this.measure();
	}
}
