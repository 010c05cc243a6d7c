/**
 * Autosave for the workbench: edits are saved a short while after the last change, one
 * save at a time, and the state is shown to the person ("Saving…", "Saved", "Couldn't
 * save: …"). A failed save keeps the edit on screen and is retried on the next change or
 * when asked.
 */
import type { StorageError, StorageResult } from '$lib/db/errors';

export type SaveState =
	| { kind: 'idle' }
	| { kind: 'pending' }
	| { kind: 'saving' }
	| { kind: 'saved'; at: number }
	| { kind: 'error'; message: string };

export interface AutosaveOptions<T, R> {
	/** Writes a value; never throws (storage errors are values). */
	save: (value: T) => Promise<StorageResult<R>>;
	/** Called after each successful save with what storage returned. */
	onSaved?: (result: R, value: T) => void;
	/** Called after each refused save with why (the edit is kept for a retry). */
	onFailed?: (error: StorageError, value: T) => void;
	/** Quiet time after the last change before saving, in milliseconds. */
	delayMs?: number;
}

export class Autosave<T, R> {
	state = $state.raw<SaveState>({ kind: 'idle' });

	#pending: { value: T } | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#running: Promise<void> | null = null;
	readonly #save: (value: T) => Promise<StorageResult<R>>;
	readonly #onSaved: ((result: R, value: T) => void) | undefined;
	readonly #onFailed: ((error: StorageError, value: T) => void) | undefined;
	readonly #delayMs: number;

	constructor(options: AutosaveOptions<T, R>) {
		this.#save = options.save;
		this.#onSaved = options.onSaved;
		this.#onFailed = options.onFailed;
		this.#delayMs = options.delayMs ?? 700;
	}

	/** Whether an edit has not reached storage yet. */
	get dirty(): boolean {
		return this.#pending !== null || this.#running !== null;
	}

	/** Schedules a save of `value`, replacing any save not yet started. */
	schedule(value: T): void {
		this.#pending = { value };
		if (this.state.kind !== 'saving') this.state = { kind: 'pending' };
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			this.#timer = null;
			void this.flush();
		}, this.#delayMs);
	}

	/** Saves what is waiting now, and resolves once storage has it (or refused it). */
	async flush(): Promise<void> {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		while (this.#running) await this.#running;
		const next = this.#pending;
		if (!next) return;
		this.#pending = null;
		this.state = { kind: 'saving' };
		this.#running = (async () => {
			const result = await this.#save(next.value);
			if (result.ok) {
				this.#onSaved?.(result.value, next.value);
				if (!this.#pending) this.state = { kind: 'saved', at: Date.now() };
			} else {
				// Keep the edit so the next change or a retry saves it.
				this.#pending ??= next;
				this.state = { kind: 'error', message: result.error.message };
				this.#onFailed?.(result.error, next.value);
			}
		})();
		try {
			await this.#running;
		} finally {
			this.#running = null;
		}
		// The save may have failed meanwhile (state is reassigned inside the closure above).
		if (this.#pending && (this.state as SaveState).kind !== 'error') await this.flush();
	}

	/** Retries a failed save now. */
	retry(): Promise<void> {
		return this.flush();
	}

	/** Drops a waiting save (a restore replaces the edit). */
	discard(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		this.#pending = null;
		if (this.state.kind === 'pending' || this.state.kind === 'error') this.state = { kind: 'idle' };
	}

	dispose(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
	}
}
