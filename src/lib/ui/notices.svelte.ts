/**
 * Short-lived notices ("toasts") for the result of an action, with an optional action
 * such as Undo. Errors stay until dismissed; other notices go after a while, but never
 * while the pointer or keyboard focus is on them. Render them with `NoticeArea`.
 */

type NoticeTone = 'info' | 'success' | 'error';

interface NoticeAction {
	label: string;
	run: () => void | Promise<void>;
}

export interface Notice {
	id: number;
	tone: NoticeTone;
	/** A short bold lead, e.g. "Deleted". */
	title?: string;
	/** The message, shown as text. */
	message: string;
	action?: NoticeAction;
	/** Milliseconds before it goes; null to stay until dismissed. */
	timeout: number | null;
}

export type NoticeInput = Omit<Notice, 'id' | 'timeout'> & { timeout?: number | null };

/** How long a notice with an action (Undo) stays: long enough to read and reach it. */
const ACTION_TIMEOUT = 12_000;
/** How long a plain notice stays. */
const PLAIN_TIMEOUT = 6_000;
/** The most notices shown at once; older ones give way. */
const MAX_NOTICES = 3;

export class Notices {
	items = $state<Notice[]>([]);
	// Timers are bookkeeping, not shown state: a plain Map on purpose.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	#timers = new Map<number, ReturnType<typeof setTimeout>>();
	#next = 1;

	/** Shows a notice and returns its id. */
	push(input: NoticeInput): number {
		const id = this.#next++;
		const timeout =
			input.timeout !== undefined
				? input.timeout
				: input.tone === 'error'
					? null
					: input.action
						? ACTION_TIMEOUT
						: PLAIN_TIMEOUT;
		const notice: Notice = { ...input, id, timeout };
		const kept = this.items.slice(-(MAX_NOTICES - 1));
		for (const old of this.items) if (!kept.includes(old)) this.#clear(old.id);
		this.items = [...kept, notice];
		this.resume(id);
		return id;
	}

	success(message: string, extra: Partial<NoticeInput> = {}): number {
		return this.push({ tone: 'success', message, ...extra });
	}

	error(message: string, extra: Partial<NoticeInput> = {}): number {
		return this.push({ tone: 'error', message, ...extra });
	}

	dismiss(id: number): void {
		this.#clear(id);
		this.items = this.items.filter((n) => n.id !== id);
	}

	/** Stops a notice from going (pointer or focus on it). */
	pause(id: number): void {
		this.#clear(id);
	}

	/** Starts a notice's countdown again from the full time. */
	resume(id: number): void {
		this.#clear(id);
		const n = this.items.find((x) => x.id === id);
		if (!n || n.timeout === null) return;
		this.#timers.set(
			id,
			setTimeout(() => this.dismiss(id), n.timeout)
		);
	}

	/** Runs a notice's action once, then removes the notice. */
	async act(id: number): Promise<void> {
		const n = this.items.find((x) => x.id === id);
		if (!n?.action) return;
		this.dismiss(id);
		await n.action.run();
	}

	#clear(id: number): void {
		const t = this.#timers.get(id);
		if (t !== undefined) clearTimeout(t);
		this.#timers.delete(id);
	}
}
