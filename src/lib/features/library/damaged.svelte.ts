/**
 * The library's damaged records, live: stored scenarios that fail validation, each with
 * what is wrong in plain words, its raw data to download and a Delete (a second click
 * confirms). They are never listed as scenarios, so no page opens one as if it were whole.
 */
import { damagedFileName, type DamagedRecord } from '$lib/db/damaged';
import type { StorageError } from '$lib/db/errors';
import type { Library } from '$lib/db/library';
import { watchDamaged } from '$lib/db/live';

export class DamagedRecordsState {
	/** The damaged records, most recently changed first (empty until first read). */
	records = $state.raw<DamagedRecord[]>([]);
	error = $state.raw<StorageError | null>(null);
	/** The record whose Delete was clicked once, waiting for the confirming click. */
	confirming = $state<string | null>(null);

	#lib: Library | null = null;
	#stop: (() => void) | null = null;
	readonly #download: (fileName: string, text: string, type: string) => void;

	constructor(download: (fileName: string, text: string, type: string) => void) {
		this.#download = download;
	}

	/** Watches the damaged records of an open library (here or in another tab). */
	watch(lib: Library): void {
		this.stop();
		this.#lib = lib;
		this.#stop = watchDamaged(lib, {
			next: (v) => {
				this.records = v;
				this.error = null;
			},
			error: (e) => (this.error = e)
		});
	}

	/** Saves a damaged record's data as it is stored, as a JSON file. */
	download(record: DamagedRecord): void {
		this.#download(damagedFileName(record), record.raw + '\n', 'application/json');
	}

	/** The first click asks for confirmation; the second deletes the record for good. */
	async remove(id: string): Promise<void> {
		if (this.confirming !== id) {
			this.confirming = id;
			return;
		}
		this.confirming = null;
		if (!this.#lib) return;
		// Deleting moves a scenario to the trash; a damaged record goes on out of it, for good.
		const r = await this.#lib.deleteScenario(id);
		if (!r.ok) {
			this.error = r.error;
			return;
		}
		// (A read-only example is not trashed, so the trash may not hold it.)
		const gone = await this.#lib.deleteForever(id);
		if (!gone.ok && gone.error.kind !== 'not-found') this.error = gone.error;
	}

	stop(): void {
		this.#stop?.();
		this.#stop = null;
	}
}
