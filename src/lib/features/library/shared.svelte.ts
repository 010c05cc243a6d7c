/**
 * A share link being opened: the scenario carried in the address after the # is unpacked
 * and checked, then can be added to this browser's library as a copy. A malformed or
 * tampered link becomes a message in plain words. Testable without a page.
 */
import type { StorageError, StorageResult } from '$lib/db/errors';
import type { Library } from '$lib/db/library';
import { ensureLibrary } from '$lib/db/ready';
import { decodeScenario } from '$lib/db/share';
import type { Scenario } from '$lib/sim';

/** What the share page shows: the link being read, a link that cannot be opened, or its scenario. */
export type SharedView =
	| { kind: 'loading' }
	| { kind: 'invalid'; message: string }
	| { kind: 'ready'; scenario: Scenario };

/** A copy added to the library. */
interface AddedCopy {
	id: string;
	name: string;
	/** The copy got another name, because the library had one by the shared name. */
	renamed: boolean;
}

/** Adding the shared scenario to the library: not yet, under way, done, or refused (why). */
export type AddStatus =
	| { kind: 'idle' }
	| { kind: 'adding' }
	| { kind: 'added'; copy: AddedCopy }
	| { kind: 'failed'; error: StorageError };

export class SharedScenarioState {
	// Raw: the scenario goes to IndexedDB as is, never as a reactive proxy.
	#view = $state.raw<SharedView>({ kind: 'loading' });
	#status = $state.raw<AddStatus>({ kind: 'idle' });

	/** What the page shows (read-only: `read` changes it). */
	get view(): SharedView {
		return this.#view;
	}

	/** Adding the scenario to the library (read-only: `add` changes it). */
	get status(): AddStatus {
		return this.#status;
	}

	/** The page's title, without the app's name. */
	get title(): string {
		const view = this.#view;
		return view.kind === 'ready'
			? `${view.scenario.name} · Shared scenario`
			: view.kind === 'invalid'
				? 'Link cannot be opened'
				: 'Shared scenario';
	}

	#open: () => Promise<StorageResult<Library>>;

	/** `open` opens the library to add to (default: the app's one library). */
	constructor(open: () => Promise<StorageResult<Library>> = ensureLibrary) {
		this.#open = open;
	}

	/** Reads the scenario from a link's hash (`#v1.…`), or says why it cannot be read. */
	async read(hash: string): Promise<void> {
		this.#view = { kind: 'loading' };
		this.#status = { kind: 'idle' };
		const r = await decodeScenario(hash);
		this.#view = r.ok
			? { kind: 'ready', scenario: r.value }
			: { kind: 'invalid', message: r.error };
	}

	/** Adds a copy of the shared scenario to the library (renamed if the name is taken). */
	async add(): Promise<void> {
		const view = this.#view;
		if (view.kind !== 'ready') return;
		const scenario = view.scenario;
		this.#status = { kind: 'adding' };
		const opened = await this.#open();
		const r = opened.ok ? await opened.value.createScenario(scenario) : opened;
		this.#status = r.ok
			? {
					kind: 'added',
					copy: { id: r.value.id, name: r.value.name, renamed: r.value.name !== scenario.name }
				}
			: { kind: 'failed', error: r.error };
	}
}
