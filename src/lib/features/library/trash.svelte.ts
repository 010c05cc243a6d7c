/**
 * The trash, live: deleted scenarios with when they were deleted, each restorable (with
 * its restore points and results) or deletable for good, and emptying it all. Deleting
 * for good asks first: a second click confirms.
 */
import type { TrashRecord } from '$lib/db/db';
import type { StorageError } from '$lib/db/errors';
import { TRASH_DAYS, type Library } from '$lib/db/library';
import { watchTrash } from '$lib/db/live';
import type { Notices } from '$lib/ui/notices.svelte';
import { plural } from './words';

export { TRASH_DAYS };

/** What the trash confirms: one scenario's id, or 'all' to empty it. */
export type TrashConfirm = string | 'all' | null;

export class TrashState {
	/** Deleted scenarios, most recently deleted first; null until first read. */
	items = $state.raw<TrashRecord[] | null>(null);
	error = $state.raw<StorageError | null>(null);
	/** A Delete forever or Empty trash clicked once, waiting for the confirming click. */
	confirming = $state<TrashConfirm>(null);
	busy = $state(false);

	#lib: Library | null = null;
	#stop: (() => void) | null = null;

	constructor(private readonly notices: Notices) {}

	get count(): number {
		return this.items?.length ?? 0;
	}

	/** Watches the trash of an open library (here or in another tab). */
	watch(lib: Library): void {
		this.stop();
		this.#lib = lib;
		this.#stop = watchTrash(lib, {
			next: (v) => {
				this.items = v;
				this.error = null;
				if (
					this.confirming &&
					this.confirming !== 'all' &&
					!v.some((t) => t.id === this.confirming)
				)
					this.confirming = null;
			},
			error: (e) => (this.error = e)
		});
	}

	stop(): void {
		this.#stop?.();
		this.#stop = null;
	}

	/** Puts a scenario back in the library, with its restore points and results. */
	async restore(id: string): Promise<void> {
		const lib = this.#lib;
		if (!lib || this.busy) return;
		this.busy = true;
		const before = this.items?.find((t) => t.id === id)?.record.name;
		const r = await lib.restoreFromTrash(id);
		this.busy = false;
		if (!r.ok) {
			this.notices.error(r.error.message, { title: 'Not restored.' });
			return;
		}
		this.notices.success(
			before && before !== r.value.name
				? `Restored “${before}” as “${r.value.name}”, since another scenario has its name.`
				: `Restored “${r.value.name}” with its restore points.`
		);
	}

	/** The first click asks for confirmation; the second deletes the scenario for good. */
	async deleteForever(id: string): Promise<void> {
		const lib = this.#lib;
		if (!lib || this.busy) return;
		if (this.confirming !== id) {
			this.confirming = id;
			return;
		}
		this.confirming = null;
		this.busy = true;
		const r = await lib.deleteForever(id);
		this.busy = false;
		if (!r.ok) {
			this.notices.error(r.error.message, { title: 'Not deleted.' });
			return;
		}
		this.notices.success(`Deleted “${r.value.record.name}” for good.`);
	}

	/** The first click asks for confirmation; the second empties the trash for good. */
	async empty(): Promise<void> {
		const lib = this.#lib;
		if (!lib || this.busy) return;
		if (this.confirming !== 'all') {
			this.confirming = 'all';
			return;
		}
		this.confirming = null;
		this.busy = true;
		const r = await lib.emptyTrash();
		this.busy = false;
		if (!r.ok) {
			this.notices.error(r.error.message, { title: 'The trash was not emptied.' });
			return;
		}
		this.notices.success(`Deleted ${plural(r.value, 'scenario')} for good.`);
	}

	cancelConfirm(): void {
		this.confirming = null;
	}
}
