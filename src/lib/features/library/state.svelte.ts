/**
 * What the scenario library knows and does, without a page: the live list of scenarios
 * (a change in another tab shows here), search, tag filter, sort and selection, the open
 * details forms, and every action on scenarios: create, edit details, duplicate, delete
 * with undo (deleted scenarios wait in the trash), restore the examples, import (checked first, with a choice when names clash),
 * export and share. Storage problems become notices or messages in plain words.
 */
import { resolve } from '$app/paths';
import type { ScenarioRecord } from '$lib/db/db';
import type { StorageError, StorageResult } from '$lib/db/errors';
import type { DeletedScenario, Library, ScenarioDetails as Details } from '$lib/db/library';
import { watchLibrary, type LibraryEntry } from '$lib/db/live';
import { ensureLibrary } from '$lib/db/ready';
import { filterAndSort, tagCounts, type SortKey } from '$lib/db/search';
import type { ParsedImport, TransferIssue } from '$lib/db/transfer';
import { downloadText } from '$lib/export/download';
import { DEMO_PRESET_ID, PRESETS, defaultScenario, presetById } from '$lib/sim';
import { Notices } from '$lib/ui/notices.svelte';
import { SavedComparisonsState } from './comparisons.svelte';
import { DamagedRecordsState } from './damaged.svelte';
import { findClashes, type Clash } from './reads';
import { StorageState, type StorageDeps } from './storage.svelte';
import { TrashState } from './trash.svelte';
import { plural } from './words';

/** What to do with the clashing names of an import; 'cancel' imports nothing. */
export type ClashChoice = 'rename' | 'replace' | 'cancel';

/** A file that was not imported, and why. */
export interface ImportProblem {
	fileName: string;
	message: string;
	issues: TransferIssue[];
}

/** A checked file waiting for the choice about its clashing names. */
export interface PendingImport {
	fileName: string;
	parsed: ParsedImport;
	clashes: Clash[];
}

/** How often "5 minutes ago" is brought up to date. */
const CLOCK_MS = 30_000;

/** The open details form of one scenario: what was typed, kept while saving fails. */
export interface DetailsDraft {
	name: string;
	description: string;
	/** Tags as typed, separated by commas. */
	tags: string;
	saving: boolean;
	error: StorageError | null;
	/**
	 * The details as stored when the form opened (or when a clash was last shown): a save
	 * over a rename made meanwhile in another tab is refused once, with the new name shown.
	 */
	before: Details;
}

/** The details a form saves: the tags split at commas, blanks dropped. */
export function detailsOf(draft: DetailsDraft): Details {
	return {
		name: draft.name,
		description: draft.description,
		tags: draft.tags
			.split(',')
			.map((t) => t.trim())
			.filter(Boolean)
	};
}

export interface LibraryDeps extends StorageDeps {
	/** Opens the library (default: the app's one library, with the examples in place). */
	open?: () => Promise<StorageResult<Library>>;
	/** Saves an export (default: the browser's download). */
	download?: (fileName: string, text: string, type: string) => void;
	/** The address of the share page, which a share link extends (default: this site's). */
	sharePage?: () => string;
	/** Called after scenarios were deleted (the page moves focus to the list's heading). */
	afterRemove?: () => void | Promise<void>;
}

export class LibraryState {
	/** Every scenario, most recently changed first; null while the library opens. */
	entries = $state.raw<LibraryEntry[] | null>(null);
	/** Why the library could not be opened or stopped updating. */
	openError = $state.raw<StorageError | null>(null);
	opening = $state(false);
	/** The current time, ticking, for "5 minutes ago". */
	now = $state(Date.now());

	query = $state('');
	tag = $state('');
	sort = $state<SortKey>('edited');
	/** Ids of the selected scenarios. */
	selected = $state.raw<readonly string[]>([]);
	/** The open details forms by scenario id (several may be open, each keeps its own input). */
	editing = $state<Record<string, DetailsDraft>>({});
	/** A create, delete, restore or import is under way. */
	busy = $state(false);

	readonly notices = new Notices();
	readonly comparisons = new SavedComparisonsState();
	/** Deleted scenarios, restorable for TRASH_DAYS. */
	readonly trash = new TrashState(this.notices);
	readonly storage: StorageState;
	/** Stored records that fail validation: shown apart, never as scenarios. */
	readonly damaged: DamagedRecordsState;

	importProblem = $state.raw<ImportProblem | null>(null);
	// Raw: the parsed file goes to IndexedDB, which cannot store reactive proxies.
	pendingImport = $state.raw<PendingImport | null>(null);
	importOpen = $state(false);

	/** The share link last made, for the share dialog. */
	share = $state.raw<{ name: string; link: string } | null>(null);
	shareOpen = $state(false);

	/** The scenarios the search and tag filter let through, in the chosen order. */
	readonly visible = $derived(
		this.entries
			? filterAndSort(this.entries, { query: this.query, tag: this.tag, sort: this.sort })
			: []
	);
	readonly tags = $derived(this.entries ? tagCounts(this.entries.map((e) => e.record)) : []);

	get exampleCount(): number {
		return this.entries?.filter((e) => e.record.presetId).length ?? 0;
	}

	/** Examples the user deleted (they can be put back). */
	get missingExamples(): number {
		const entries = this.entries;
		return entries
			? PRESETS.filter((p) => !entries.some((e) => e.record.presetId === p.id)).length
			: 0;
	}

	/** A search or a tag narrows the list. */
	get filtered(): boolean {
		return this.query.trim() !== '' || this.tag !== '';
	}

	get selectedEntries(): LibraryEntry[] {
		return this.entries?.filter((e) => this.selected.includes(e.record.id)) ?? [];
	}

	get allShownSelected(): boolean {
		return (
			this.visible.length > 0 && this.visible.every((e) => this.selected.includes(e.record.id))
		);
	}

	get someShownSelected(): boolean {
		return this.visible.some((e) => this.selected.includes(e.record.id));
	}

	/** "Showing 1 of 7 scenarios tagged “roads” matching “cafe”." */
	get shownText(): string {
		return (
			`Showing ${this.visible.length} of ${plural(this.entries?.length ?? 0, 'scenario')}` +
			(this.tag ? ` tagged “${this.tag}”` : '') +
			(this.query.trim() ? ` matching “${this.query.trim()}”` : '') +
			'.'
		);
	}

	#lib: Library | null = null;
	#stopWatching: (() => void) | null = null;
	#open: () => Promise<StorageResult<Library>>;
	#download: (fileName: string, text: string, type: string) => void;
	#sharePage: () => string;
	#afterRemove: () => void | Promise<void>;

	constructor(deps: LibraryDeps = {}) {
		this.#open = deps.open ?? ensureLibrary;
		this.#download = deps.download ?? downloadText;
		this.#sharePage =
			deps.sharePage ??
			// Read at once, never kept: no need for a reactive URL.
			// eslint-disable-next-line svelte/prefer-svelte-reactivity
			(() => new URL(resolve('/share'), window.location.href).href);
		this.#afterRemove = deps.afterRemove ?? (() => {});
		this.storage = new StorageState(deps);
		this.damaged = new DamagedRecordsState(this.#download);
	}

	/** Opens the library and keeps the clock ticking; returns the function that stops both. */
	start(): () => void {
		void this.open();
		const timer = setInterval(() => (this.now = Date.now()), CLOCK_MS);
		return () => {
			clearInterval(timer);
			this.dispose();
		};
	}

	/** Stops watching the library. */
	dispose(): void {
		this.#stopWatching?.();
		this.#stopWatching = null;
		this.comparisons.stop();
		this.trash.stop();
		this.damaged.stop();
	}

	/** Opens the library (again, after a failure) and watches it. */
	async open(): Promise<void> {
		this.opening = true;
		this.openError = null;
		const r = await this.#open();
		this.opening = false;
		if (!r.ok) {
			this.openError = r.error;
			this.comparisons.error = r.error;
			void this.storage.measure();
			return;
		}
		const lib = r.value;
		this.#lib = lib;
		this.#stopWatching?.();
		this.#stopWatching = watchLibrary(lib, {
			next: (v) => {
				this.entries = v;
				this.openError = null;
				this.#pruneSelection(v);
				void this.storage.measure();
			},
			error: (e) => {
				this.openError = e;
				void this.storage.measure();
			}
		});
		this.comparisons.watch(lib);
		this.trash.watch(lib);
		this.damaged.watch(lib);
	}

	/** A scenario deleted (here or in another tab) leaves the selection. */
	#pruneSelection(entries: LibraryEntry[]): void {
		const ids = entries.map((e) => e.record.id);
		const kept = this.selected.filter((id) => ids.includes(id));
		if (kept.length < this.selected.length) this.selected = kept;
	}

	#fail(title: string, error: StorageError): void {
		this.notices.error(error.message, { title });
	}

	// Search, filter and selection

	clearFilters(): void {
		this.query = '';
		this.tag = '';
	}

	filterByTag(tag: string): void {
		this.tag = tag;
	}

	isSelected(id: string): boolean {
		return this.selected.includes(id);
	}

	select(id: string, on: boolean): void {
		this.#selectMany([id], on);
	}

	/** Selects or unselects every scenario shown. */
	selectAllShown(on: boolean): void {
		this.#selectMany(
			this.visible.map((e) => e.record.id),
			on
		);
	}

	clearSelection(): void {
		this.selected = [];
	}

	#selectMany(ids: string[], on: boolean): void {
		const rest = this.selected.filter((id) => !ids.includes(id));
		this.selected = on ? [...rest, ...ids] : rest;
	}

	// Creating and editing

	/** Creates a scenario from the demo example and opens its details form. */
	async create(): Promise<void> {
		const lib = this.#lib;
		if (!lib || this.busy) return;
		this.busy = true;
		const demo = presetById(DEMO_PRESET_ID)?.scenario ?? defaultScenario();
		const r = await lib.createScenario({ ...demo, name: 'New scenario', description: '' });
		this.busy = false;
		if (!r.ok) return this.#fail('Not created.', r.error);
		this.clearFilters();
		this.edit(r.value);
		this.notices.success(`Created “${r.value.name}” from “${demo.name}”.`);
	}

	/** Opens the details form of a scenario, filled from the record (kept if already open). */
	edit(record: ScenarioRecord): void {
		if (record.id in this.editing) return;
		const { name, description, tags } = record;
		this.editing[record.id] = {
			name,
			description,
			tags: tags.join(', '),
			saving: false,
			error: null,
			before: { name, description, tags: [...tags] }
		};
	}

	cancelEdit(id: string): void {
		delete this.editing[id];
	}

	/** Saves the details form; on failure it stays open with the error and what was typed. */
	async saveDetails(id: string): Promise<void> {
		const draft = this.editing[id];
		const lib = this.#lib;
		if (!draft || !lib) return;
		draft.saving = true;
		const r = await lib.updateDetails(id, detailsOf(draft), Date.now(), draft.before);
		draft.saving = false;
		if (!r.ok) {
			const now = r.error.kind === 'conflict' ? r.error.current : undefined;
			if (now) {
				// Changed in another tab meanwhile: say what it is now; saving again replaces it.
				draft.before = { name: now.name, description: now.description, tags: [...now.tags] };
				draft.error = {
					...r.error,
					message: `These details were changed in another tab while this form was open: the scenario is now called “${now.name}”${now.tags.length ? `, tagged ${now.tags.join(', ')}` : ''}. Save again to replace them with what you typed here, or Cancel to keep them.`
				};
			} else draft.error = r.error;
			return;
		}
		draft.error = null;
		delete this.editing[id];
		this.notices.success(`Saved “${r.value.name}”.`);
	}

	async duplicate(entry: LibraryEntry): Promise<void> {
		const lib = this.#lib;
		if (!lib) return;
		const r = await lib.duplicateScenario(entry.record.id);
		if (!r.ok) return this.#fail('Not copied.', r.error);
		const copy = r.value;
		this.notices.push({
			tone: 'success',
			message: `Made “${copy.name}”. It is yours to edit.`,
			action: { label: 'Edit details', run: () => this.edit(copy) }
		});
	}

	// Deleting and undoing

	/** Deletes scenarios one by one (stopping at the first failure), with Undo in a notice. */
	async remove(ids: string[]): Promise<void> {
		const lib = this.#lib;
		if (!lib || this.busy) return;
		this.busy = true;
		const tokens: DeletedScenario[] = [];
		for (const id of ids) {
			const r = await lib.deleteScenario(id);
			if (!r.ok) {
				this.#fail(
					tokens.length ? `Stopped after deleting ${tokens.length}.` : 'Not deleted.',
					r.error
				);
				break;
			}
			tokens.push(r.value);
			this.select(id, false);
			delete this.editing[id];
		}
		this.busy = false;
		if (!tokens.length) return;
		const what =
			tokens.length === 1 ? `“${tokens[0].record.name}”` : plural(tokens.length, 'scenario');
		this.notices.push({
			tone: 'info',
			title: 'Deleted',
			message: `${what}.`,
			action: { label: 'Undo', run: () => this.#undo(tokens, what) }
		});
		await this.#afterRemove();
	}

	async #undo(tokens: DeletedScenario[], what: string): Promise<void> {
		const lib = this.#lib;
		if (!lib) return;
		for (const t of [...tokens].reverse()) {
			const r = await lib.undoDelete(t);
			if (!r.ok) return this.#fail('Not restored.', r.error);
		}
		this.notices.success(`Restored ${what}.`);
	}

	/** Puts back the examples the user deleted. */
	async restoreExamples(): Promise<void> {
		const lib = this.#lib;
		if (!lib) return;
		this.busy = true;
		const r = await lib.restorePresets();
		this.busy = false;
		if (!r.ok) return this.#fail('The examples were not restored.', r.error);
		this.notices.success(
			r.value === 0
				? 'Every example is already in your library.'
				: `Restored ${plural(r.value, 'example')}: ${r.value === 1 ? 'it is' : 'they are'} read-only, as shipped with the app.`
		);
	}

	// Export and share

	/** Exports some scenarios (all of the user's when `ids` is undefined) to a file. */
	async exportSome(ids: string[] | undefined, single?: string): Promise<void> {
		const lib = this.#lib;
		if (!lib) return;
		const { exportFileName, exportScenarios, serializeLibrary } = await import('$lib/db/transfer');
		const r = await exportScenarios(lib, ids);
		if (!r.ok) return this.#fail('Not exported.', r.error);
		const n = r.value.scenarios.length;
		if (n === 0 && !r.value.damaged?.length) {
			this.notices.push({
				tone: 'info',
				message:
					'There is nothing of yours to export yet: the examples come with the app. Create or copy a scenario first.'
			});
			return;
		}
		// The date of the export, read once: no need for a reactive date.
		// eslint-disable-next-line svelte/prefer-svelte-reactivity
		const fileName = exportFileName(new Date(), single);
		this.#download(fileName, serializeLibrary(r.value), 'application/json');
		const apart = r.value.damaged?.length ?? 0;
		this.notices.success(
			`Exported ${plural(n, 'scenario')} to “${fileName}”. Import that file here or in another browser to get ${n === 1 ? 'it' : 'them'} back.` +
				(apart
					? ` ${plural(apart, 'damaged record')} ${apart === 1 ? 'is' : 'are'} kept apart in the file and will not be imported.`
					: '')
		);
	}

	/** Makes a scenario's share link and opens the share dialog. */
	async openShare(entry: LibraryEntry): Promise<void> {
		const { encodeScenario, shareLink } = await import('$lib/db/share');
		const code = await encodeScenario(entry.record.scenario);
		if (!code.ok) {
			this.notices.error(code.error, { title: 'No link made.' });
			return;
		}
		this.share = { name: entry.record.name, link: shareLink(this.#sharePage(), code.value) };
		this.shareOpen = true;
	}

	// Import

	/** Checks a file and imports it, or asks first when names clash. One file at a time. */
	async importFiles(files: File[]): Promise<void> {
		const entries = this.entries;
		if (!this.#lib || !entries) return;
		this.importProblem = null;
		const file = files[0];
		if (files.length > 1)
			this.notices.push({
				tone: 'info',
				message: `Importing “${file.name}” only: import one file at a time.`
			});
		const { checkFileSize, parseLibraryText } = await import('$lib/db/transfer');
		const size = checkFileSize(file.size);
		if (!size.ok) {
			this.importProblem = { fileName: file.name, ...size.error };
			return;
		}
		let text: string;
		try {
			text = await file.text();
		} catch {
			this.importProblem = {
				fileName: file.name,
				message: 'This file could not be read from the disk. Nothing was imported.',
				issues: []
			};
			return;
		}
		const parsed = parseLibraryText(text);
		if (!parsed.ok) {
			this.importProblem = { fileName: file.name, ...parsed.error };
			return;
		}
		const clashes = findClashes(parsed.value, entries);
		if (clashes.length) {
			this.pendingImport = { fileName: file.name, parsed: parsed.value, clashes };
			this.importOpen = true;
			return;
		}
		await this.#runImport(file.name, parsed.value, 'rename');
	}

	/** Goes on with the pending import as chosen. */
	async resolveClash(choice: ClashChoice): Promise<void> {
		const p = this.pendingImport;
		this.pendingImport = null;
		if (!p) return;
		switch (choice) {
			case 'cancel':
				this.notices.push({ tone: 'info', message: `Nothing was imported from “${p.fileName}”.` });
				return;
			case 'rename':
			case 'replace':
				return this.#runImport(p.fileName, p.parsed, choice);
			default:
				return choice satisfies never;
		}
	}

	dismissImportProblem(): void {
		this.importProblem = null;
	}

	async #runImport(
		fileName: string,
		parsed: ParsedImport,
		onClash: 'rename' | 'replace'
	): Promise<void> {
		const lib = this.#lib;
		if (!lib) return;
		this.busy = true;
		const { importLibrary } = await import('$lib/db/transfer');
		const r = await importLibrary(lib, parsed, { onClash });
		this.busy = false;
		if (!r.ok) {
			this.importProblem = { fileName, message: r.error.message, issues: [] };
			return;
		}
		const { added, replaced, renamed, damagedLeftOut } = r.value;
		this.clearFilters();
		const parts = [
			`Imported ${plural(added.length + replaced.length, 'scenario')} from “${fileName}”`
		];
		if (replaced.length) parts.push(`${plural(replaced.length, 'scenario')} replaced`);
		let message = parts.join('; ') + '.';
		if (renamed.length) {
			const shown = renamed.slice(0, 3).map((x) => `“${x.from}” as “${x.to}”`);
			message += ` Added ${shown.join(', ')}${renamed.length > 3 ? ` and ${renamed.length - 3} more` : ''}, so no name is used twice.`;
		}
		if (damagedLeftOut)
			message += ` ${plural(damagedLeftOut, 'damaged record')} in the file ${damagedLeftOut === 1 ? 'was' : 'were'} left out.`;
		this.notices.success(message);
	}
}
