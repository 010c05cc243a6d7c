/** The comparisons saved on the Compare page, live, with the names of their scenarios, and deleting one (a second click confirms). */
import type { StorageError } from '$lib/db/errors';
import type { Library } from '$lib/db/library';
import { watch } from '$lib/db/live';
import { readComparisonRows, type ComparisonRow } from './reads';

export class SavedComparisonsState {
	/** Null until first read. */
	rows = $state.raw<ComparisonRow[] | null>(null);
	error = $state.raw<StorageError | null>(null);
	/** The comparison whose Delete was clicked once, waiting for the confirming click. */
	confirming = $state<string | null>(null);

	#lib: Library | null = null;
	#stop: (() => void) | null = null;

	/** Watches the comparisons of an open library (here or in another tab). */
	watch(lib: Library): void {
		this.stop();
		this.#lib = lib;
		this.#stop = watch(() => readComparisonRows(lib), {
			next: (v) => {
				this.rows = v;
				this.error = null;
			},
			error: (e) => (this.error = e)
		});
	}

	/** The first click asks for confirmation; the second deletes. */
	async remove(id: string): Promise<void> {
		if (this.confirming !== id) {
			this.confirming = id;
			return;
		}
		this.confirming = null;
		if (!this.#lib) return;
		const r = await this.#lib.deleteComparison(id);
		if (!r.ok) this.error = r.error;
	}

	stop(): void {
		this.#stop?.();
		this.#stop = null;
	}
}
