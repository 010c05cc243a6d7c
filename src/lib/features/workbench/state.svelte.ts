/**
 * What the scenario workbench knows and does: opens a scenario from the library, applies
 * edits (saved as you go, with restore points), asks the engine for results (the first run
 * once the page is idle, then a preview and the full run after each edit), keeps and stores
 * the last complete result, and makes copies, share links and renames. It reads the engine's
 * state rather than copying it, and touches no DOM, so it is tested in Node.
 */
import { checkDescription, designSummary, type Mismatch } from '$lib/analysis/describe';
import { revisionOf, type ScenarioRecord, type VersionRecord } from '$lib/db/db';
import { ok, type StorageError } from '$lib/db/errors';
import { resultKey, type Library } from '$lib/db/library';
import { watch } from '$lib/db/live';
import { damagedFileName } from '$lib/db/damaged';
import { openScenario, type OpenFailure } from '$lib/db/ready';
import { downloadText } from '$lib/export/download';
import { encodeScenario, shareLink } from '$lib/db/share';
import { SimEngine } from '$lib/engine/engine.svelte';
import { estimatedSeconds, LARGE_JOB_SECONDS } from '$lib/engine/estimate';
import type { JobOutcome } from '$lib/engine/pool';
import { LIMITS, sameScenario, scenarioHash, type Scenario, type Summary } from '$lib/sim';
import { Autosave } from './autosave.svelte';
import {
	baselineFor,
	changedCount,
	resetAll,
	tryChange,
	type Baseline,
	type InvalidField
} from './editor';
import { afterPaintWhenIdle } from './idle';
import { changesText, planMerge, settingChanges, type MergePlan } from './merge';
import { leaveNotice, takeNotice } from './notice';
import { clearStash, defaultStashStore, takeStash, writeStash, type StashStore } from './stash';
import { resultView, whenText, type CompleteResult, type Held } from './results';

/** Added to the name of a version kept as a copy after a clash with another tab. */
const MY_VERSION = ' (my version)';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** Futures in the quick first look before the full run. */
const PREVIEW_RUNS = 100;

/**
 * A new job's first look usually arrives within a few tenths of a second; only if it takes
 * longer are the results on screen faded and marked as from before the change. Fading and
 * un-fading (the panel is made inert) restyles every chart, which would otherwise cost the
 * page two long pauses per edit and flicker.
 */
const MARK_EARLIER_AFTER_MS = 300;

export type Load = { kind: 'loading' } | OpenFailure | { kind: 'ready' };

export type ShareState =
	| { kind: 'idle' }
	| { kind: 'copied' }
	| { kind: 'manual'; link: string }
	| { kind: 'error'; message: string };

/** What the results panel draws: the current result, a preview, or faded earlier results. */
export interface Panel {
	mode: 'current' | 'preview' | 'earlier';
	summary: Summary;
	scenario: Scenario;
}

/**
 * The scenario was changed or deleted in another tab while this one had unsaved edits (or
 * its save was refused for that reason): the person chooses what to keep.
 */
export type Conflict =
	| {
			kind: 'changed';
			/** The record as stored now. */
			theirs: ScenarioRecord;
			/** The stored scenario this tab's edits started from. */
			base: Scenario;
	  }
	| { kind: 'deleted' };

export interface WorkbenchOptions {
	/** Opens the library and the scenario (default: the app's library). */
	open?: typeof openScenario;
	/** The engine to run on (default: Web Workers). The workbench disposes of it. */
	engine?: SimEngine;
	/** Calls `work` once the page is drawn and idle; returns a cancel function. */
	whenIdle?: (work: () => void) => () => void;
	/** Puts text on the clipboard; rejects when refused. */
	writeClipboard?: (text: string) => Promise<void>;
	/** Quiet time after the last edit before it is saved, in milliseconds. */
	saveDelayMs?: number;
	/** Where an unsaved edit is kept when the page goes away (default: localStorage). */
	stashStore?: StashStore | null;
	/** Saves a file (default: the browser's download). */
	download?: (fileName: string, text: string, type: string) => void;
	/**
	 * Watches the stored record of the scenario for changes made elsewhere (default: a live
	 * query on the library, which sees other tabs). Returns the function that stops it.
	 */
	watchRecord?: (
		lib: Library,
		id: string,
		handlers: { next: (r: ScenarioRecord | null) => void; error: (e: StorageError) => void }
	) => () => void;
}

/**
 * The stored record of one scenario, here and in other tabs, as it changes; null while it is
 * not in the library (deleted). Not being there is a value, not an error, so the watch goes
 * on and sees the scenario come back from the trash.
 */
function watchStoredRecord(
	lib: Library,
	id: string,
	handlers: { next: (r: ScenarioRecord | null) => void; error: (e: StorageError) => void }
): () => void {
	return watch(async () => {
		const found = await lib.getScenario(id);
		return !found.ok && found.error.kind === 'not-found' ? ok(null) : found;
	}, handlers);
}

export class WorkbenchState {
	readonly id: string;
	readonly engine: SimEngine;

	readonly #stashStore: StashStore | null;
	#load = $state.raw<Load>({ kind: 'loading' });
	#record = $state.raw<ScenarioRecord | null>(null);
	/** The settings on screen (an example's may differ from its record: they are not saved). */
	#scenario = $state.raw<Scenario | null>(null);
	/** What the settings are compared with ("3 changes from …"). */
	#baseline = $state.raw<Baseline | null>(null);
	/** Restore points, newest first (none for an example). */
	#versions = $state.raw<VersionRecord[]>([]);
	/** The last complete result: read from the library on opening, or just run. */
	#complete = $state.raw<CompleteResult | null>(null);
	/** Boxes holding something that cannot be used, by key. */
	#invalid = $state.raw<Record<string, InvalidField>>({});
	/** A one-off message ("this is your copy", "restored …"). */
	#notice = $state<string | null>(null);
	#resultSaveError = $state<string | null>(null);
	#copying = $state(false);
	#copyError = $state<string | null>(null);
	#restoring = $state(false);
	#restoreError = $state<string | null>(null);
	#share = $state.raw<ShareState>({ kind: 'idle' });
	/** Whether results from before the change are faded (see MARK_EARLIER_AFTER_MS). */
	#earlierMarked = $state(false);
	/** A change made elsewhere that clashes with unsaved edits here, until resolved. */
	#conflict = $state.raw<Conflict | null>(null);
	#resolving = $state(false);
	#resolveError = $state<string | null>(null);
	/** A save of this tab's is on its way (its own change must not look like another tab's). */
	#saving = false;
	/** A stored record seen while a save was on its way, looked at once it is done. */
	#seenWhileSaving: ScenarioRecord | null = null;
	#stopWatching: (() => void) | null = null;
	readonly #watchRecord: NonNullable<WorkbenchOptions['watchRecord']>;

	/**
	 * The part of a job the engine has not seen: the first run, held back until the page is
	 * idle ('waiting'), or a job Cancel stopped before the engine reported it running.
	 */
	#held = $state<Held>(null);
	#lib: Library | null = null;
	#cancelStart: (() => void) | null = null;
	#markTimer: ReturnType<typeof setTimeout> | undefined;
	readonly #open: typeof openScenario;
	readonly #whenIdle: (work: () => void) => () => void;
	readonly #writeClipboard: (text: string) => Promise<void>;
	readonly #download: (fileName: string, text: string, type: string) => void;
	readonly autosave: Autosave<Scenario, ScenarioRecord>;

	// Read by the views; changed only by the methods below.
	get load() {
		return this.#load;
	}
	get record() {
		return this.#record;
	}
	get scenario() {
		return this.#scenario;
	}
	get baseline() {
		return this.#baseline;
	}
	get versions() {
		return this.#versions;
	}
	get complete() {
		return this.#complete;
	}
	get invalid() {
		return this.#invalid;
	}
	get notice() {
		return this.#notice;
	}
	get resultSaveError() {
		return this.#resultSaveError;
	}
	get copying() {
		return this.#copying;
	}
	get copyError() {
		return this.#copyError;
	}
	get restoring() {
		return this.#restoring;
	}
	get restoreError() {
		return this.#restoreError;
	}
	get share() {
		return this.#share;
	}
	get earlierMarked() {
		return this.#earlierMarked;
	}
	get exampleEdited() {
		return this.#exampleEdited;
	}
	get key() {
		return this.#key;
	}
	get hash() {
		return this.#hash;
	}
	get changes() {
		return this.#changes;
	}
	get view() {
		return this.#view;
	}
	get panel() {
		return this.#panel;
	}
	get conflict() {
		return this.#conflict;
	}
	get resolving() {
		return this.#resolving;
	}
	get resolveError() {
		return this.#resolveError;
	}
	/** What the description says that the settings on screen contradict. */
	get descriptionIssues(): readonly Mismatch[] {
		return this.#descriptionIssues;
	}
	/** The settings on screen in one line, offered as a description. */
	get designSummary(): string {
		return this.#scenario ? designSummary(this.#scenario) : '';
	}
	/** What each side changed and the merge of the two, while a conflict is open. */
	get mergePlan(): MergePlan | null {
		return this.#mergePlan;
	}

	constructor(id: string, options: WorkbenchOptions = {}) {
		this.id = id;
		this.engine = options.engine ?? new SimEngine();
		this.#open = options.open ?? openScenario;
		this.#whenIdle = options.whenIdle ?? ((work) => afterPaintWhenIdle(work));
		this.#writeClipboard =
			options.writeClipboard ?? ((text) => navigator.clipboard.writeText(text));
		this.#download = options.download ?? downloadText;
		this.#stashStore = options.stashStore === undefined ? defaultStashStore() : options.stashStore;
		this.#watchRecord = options.watchRecord ?? watchStoredRecord;
		this.autosave = new Autosave<Scenario, ScenarioRecord>({
			delayMs: options.saveDelayMs,
			save: (s) => {
				if (!this.#lib || !this.#record)
					return Promise.resolve({
						ok: false,
						error: { kind: 'unavailable', message: 'The library is not open.' }
					});
				this.#saving = true;
				// The save names the revision it started from: a change made elsewhere since is
				// never overwritten (the library refuses the save as a conflict).
				return this.#lib.saveScenario(this.id, s, Date.now(), revisionOf(this.#record));
			},
			onSaved: (saved, value) => {
				this.#saving = false;
				this.#record = saved;
				// The latest edit is stored: nothing needs keeping for a closing page.
				if (value === this.#scenario) clearStash(this.#stashStore, this.id);
				void this.#refreshVersions();
				this.#lookAtDeferred();
			},
			onFailed: (error) => {
				this.#saving = false;
				if (error.kind === 'conflict' && error.current) this.#storedChanged(error.current);
				else if (error.kind === 'not-found') this.#conflict = { kind: 'deleted' };
				this.#lookAtDeferred();
			}
		});
	}

	#exampleEdited = $derived(
		this.isExample &&
			this.#record !== null &&
			this.#scenario !== null &&
			!sameScenario(this.#scenario, this.#record.scenario)
	);
	#key = $derived(this.#scenario ? resultKey(this.#scenario) : '');
	#hash = $derived(this.#scenario ? scenarioHash(this.#scenario) : '');
	#changes = $derived(
		this.#scenario && this.#baseline ? changedCount(this.#scenario, this.#baseline.scenario) : 0
	);
	#descriptionIssues = $derived(
		this.#scenario ? checkDescription(this.#scenario.description, this.#scenario) : []
	);
	#mergePlan = $derived.by(() => {
		const c = this.#conflict;
		return c?.kind === 'changed' && this.#scenario
			? planMerge(c.base, this.#scenario, c.theirs.scenario)
			: null;
	});

	/** What the results side shows, from the engine's state and the last complete result. */
	#view = $derived.by(() =>
		resultView({
			key: this.#key,
			hash: this.#hash,
			complete: this.#complete,
			held: this.#held,
			estimate:
				this.#held === 'large' && this.#scenario ? estimatedSeconds(this.#scenario) : undefined,
			engine: this.engine
		})
	);

	/**
	 * What the results panel draws, or null for the placeholder. A new object whenever the
	 * view changes (progress reports change it many times a second), so the results view
	 * takes its fields apart, each compared on its own, and the charts are not touched.
	 */
	#panel = $derived.by((): Panel | null => {
		const view = this.#view;
		switch (view.kind) {
			case 'done':
				return { mode: 'current', summary: view.result.summary, scenario: view.result.scenario };
			case 'refining':
				return (
					this.#scenario && { mode: 'preview', summary: view.summary, scenario: this.#scenario }
				);
			case 'running':
				if (!view.earlier || !this.#complete) return null;
				return {
					mode: this.#earlierMarked ? 'earlier' : 'current',
					summary: view.earlier,
					scenario: this.#complete.scenario
				};
			default:
				return null;
		}
	});

	get isExample(): boolean {
		return this.#record?.presetId !== undefined;
	}

	get invalidList(): InvalidField[] {
		return Object.values(this.#invalid);
	}

	/** The save state in words. */
	get saveText(): string {
		if (this.#conflict)
			return this.#conflict.kind === 'deleted'
				? 'Not saved: deleted in another tab'
				: 'Not saved: changed in another tab';
		const state = this.autosave.state;
		switch (state.kind) {
			case 'idle':
				return this.#record ? 'All changes saved' : '';
			case 'pending':
				return 'Unsaved changes…';
			case 'saving':
				return 'Saving…';
			case 'saved':
				return 'Saved';
			case 'error':
				return `Couldn't save: ${state.message}`;
			default:
				return state satisfies never;
		}
	}

	/** The page's title. */
	get title(): string {
		if (this.#load.kind === 'ready' && this.#scenario) return this.#scenario.name;
		if (this.#load.kind === 'damaged') return 'Damaged scenario';
		return this.#load.kind === 'not-found' ? 'Scenario not found' : 'Scenario';
	}

	/** Saves the stored data of a damaged scenario, as it is, as a JSON file. */
	downloadDamaged(): void {
		if (this.#load.kind !== 'damaged') return;
		const d = this.#load.damaged;
		this.#download(damagedFileName(d), d.raw + '\n', 'application/json');
	}

	/** Whether an edit has not reached the library yet. */
	get unsaved(): boolean {
		return this.autosave.dirty;
	}

	/** Opens the scenario, and starts its first run (or warms the workers up) once idle. */
	async open(): Promise<void> {
		this.#notice = takeNotice(this.id);
		const found = await this.#open(this.id);
		if (!found.ok) {
			this.#load = found.error;
			return;
		}
		const opened = found.value;
		const lib = opened.lib;
		this.#lib = lib;
		this.#record = opened.record;
		this.#scenario = opened.record.scenario;
		// An edit the page could not save before it closed is put back and saved, unless the
		// scenario has been saved elsewhere since.
		const kept = takeStash(this.#stashStore, this.id);
		if (kept && !opened.record.presetId && !sameScenario(kept.scenario, opened.record.scenario)) {
			const unchanged =
				kept.revision !== undefined
					? kept.revision === revisionOf(opened.record)
					: kept.savedAt === opened.record.updatedAt;
			if (unchanged) {
				this.#scenario = kept.scenario;
				this.autosave.schedule(kept.scenario);
				this.#notice = 'Your last change, made just before the page closed, was kept and saved.';
			} else if (kept.base) {
				// Saved elsewhere since: the person chooses, as with a change from another tab.
				this.#scenario = kept.scenario;
				this.#conflict = { kind: 'changed', theirs: opened.record, base: kept.base };
				this.#notice =
					'Your last change, made just before the page closed, was kept, but the scenario was changed elsewhere since.';
			}
		}
		const history = opened.record.presetId ? [] : await this.#listVersions();
		this.#versions = history;
		const origin =
			history.length > 0 ? history[history.length - 1].scenario : opened.record.scenario;
		this.#baseline = baselineFor(opened.record.presetId, origin);

		const stored = await lib.currentResult(this.id);
		const current = this.#scenario;
		if (stored.ok && stored.value && stored.value.key === resultKey(current)) {
			this.#complete = {
				key: stored.value.key,
				summary: stored.value.summary,
				scenario: current,
				source: 'stored',
				at: stored.value.createdAt
			};
		}
		this.#load = { kind: 'ready' };
		this.#stopWatching = this.#watchRecord(lib, this.id, {
			next: (r) => (r ? this.#storedChanged(r) : this.#storedDeleted()),
			// Another kind of failure to read is not news about the scenario: autosave reports
			// its own storage errors.
			error: () => {}
		});
		// The run (or, with a result at hand, getting the workers ready so that the first edit
		// answers quickly) starts once the page is drawn and idle, not while it loads: the page
		// says at once that it is simulating, and its first paint and first clicks do not wait
		// for the workers.
		if (!this.#complete) this.#runWhenIdle();
		else {
			const s = current;
			this.#cancelStart = this.#whenIdle(() => {
				this.#cancelStart = null;
				this.engine.prepare(s);
			});
		}
	}

	/** Saves any edit still waiting; for leaving the page. */
	flush(): Promise<void> {
		return this.autosave.flush();
	}

	/**
	 * Keeps an edit not yet saved where a closing page can write at once (see stash.ts), then
	 * starts saving it; for a page that is being hidden or closed.
	 */
	keepUnsaved(): void {
		if (!this.autosave.dirty || !this.#record || this.#record.presetId || !this.#scenario) return;
		const conflict = this.#conflict;
		writeStash(this.#stashStore, this.id, {
			scenario: this.#scenario,
			savedAt: this.#record.updatedAt,
			revision: revisionOf(this.#record),
			base: conflict?.kind === 'changed' ? conflict.base : this.#record.scenario
		});
		// A save that would be refused is not tried: the choice waits for the next visit.
		if (!conflict) void this.autosave.flush();
	}

	/** Stops everything: the pending start, timers, the engine; saves what is waiting. */
	dispose(): void {
		this.#stopWatching?.();
		this.#stopWatching = null;
		this.#dropPendingStart();
		clearTimeout(this.#markTimer);
		void this.autosave.flush();
		this.autosave.dispose();
		this.engine.dispose();
	}

	/** Runs the settings on screen now (Run, Run again, Try again). */
	runNow(): void {
		const s = this.#scenario;
		if (!s || this.invalidList.length > 0) return;
		this.#beginJob();
		this.#follow(s, this.engine.run(s, PREVIEW_RUNS));
	}

	/** Stops the job for the settings on screen, and says so at once. */
	cancel(): void {
		const wasBusy = this.#view.kind === 'running' || this.#view.kind === 'refining';
		this.#dropPendingStart();
		clearTimeout(this.#markTimer);
		this.engine.cancel();
		// A job the engine had not yet reported running (held for an idle page, or waiting for
		// quiet after an edit) is stopped all the same.
		this.#held = wasBusy && this.engine.status !== 'cancelled' ? 'stopped' : null;
	}

	/** Applies valid edited settings: shows them, saves them (unless an example) and re-runs. */
	apply(next: Scenario): string | null {
		if (!this.#record) return 'The scenario is still opening.';
		this.#scenario = next;
		if (!this.#record.presetId) this.autosave.schedule(next);
		this.#requestRun(next);
		return null;
	}

	/** Notes that a box holds something that cannot be used (`field`), or no longer does. */
	setInvalid(key: string, field: InvalidField | null): void {
		const next = { ...this.#invalid };
		if (field) next[key] = field;
		else delete next[key];
		this.#invalid = next;
	}

	/** Puts every setting back as in the baseline. */
	resetEverything(): void {
		if (!this.#scenario || !this.#baseline) return;
		const attempt = tryChange(resetAll(this.#scenario, this.#baseline.scenario));
		if (attempt.ok) {
			this.#invalid = {};
			this.apply(attempt.value);
		}
	}

	/** Renames and describes the scenario; returns the problem in words, or null when done. */
	rename(name: string, description: string): string | null {
		if (!this.#scenario) return 'The scenario is still opening.';
		const trimmed = name.trim();
		if (trimmed === '') return 'Give the scenario a name.';
		const attempt = tryChange({ ...this.#scenario, name: trimmed, description });
		if (!attempt.ok) return attempt.error;
		this.apply(attempt.value);
		return null;
	}

	/**
	 * Replaces the description with the one-line summary of the settings (saved like any other
	 * edit: the old description stays in the restore points). Returns the problem, or null.
	 */
	useDesignSummary(): string | null {
		const s = this.#scenario;
		if (!s) return 'The scenario is still opening.';
		if (this.isExample) return 'An example cannot be described; make an editable copy first.';
		return this.rename(s.name, designSummary(s));
	}

	/**
	 * Makes an editable copy of an example, with the changes tried on it, and leaves it a
	 * notice; resolves with the copy's id for the page to open, or null when it failed.
	 */
	async makeCopy(): Promise<string | null> {
		const lib = this.#lib;
		const record = this.#record;
		const current = this.#scenario;
		if (!lib || !record || !current) return null;
		this.#copying = true;
		this.#copyError = null;
		const edited = this.#exampleEdited;
		const duplicated = await lib.duplicateScenario(record.id);
		if (!duplicated.ok) {
			this.#copyError = duplicated.error.message;
			this.#copying = false;
			return null;
		}
		let target = duplicated.value;
		if (edited) {
			const saved = await lib.saveScenario(target.id, {
				...current,
				name: target.name,
				description: target.description
			});
			if (!saved.ok) {
				this.#copyError = `The copy was made, but your changes could not be put in it: ${saved.error.message}`;
				this.#copying = false;
				return null;
			}
			target = saved.value;
		}
		const complete = this.#complete;
		if (complete && complete.key === resultKey(target.scenario))
			await lib.putResult(target.id, target.scenario, complete.summary);
		leaveNotice(
			target.id,
			edited
				? `This is your editable copy of “${record.name}”, with your changes. Edits are saved as you go.`
				: `This is your editable copy of “${record.name}”. Edits are saved as you go.`
		);
		this.#copying = false;
		return target.id;
	}

	/** Copies a link to the share page (`shareUrl`) carrying the settings on screen. */
	async copyShareLink(shareUrl: string): Promise<void> {
		if (!this.#scenario) return;
		const encoded = await encodeScenario(this.#scenario);
		if (!encoded.ok) {
			this.#share = { kind: 'error', message: encoded.error };
			return;
		}
		const link = shareLink(shareUrl, encoded.value);
		try {
			await this.#writeClipboard(link);
			this.#share = { kind: 'copied' };
		} catch {
			// The clipboard can be refused (permissions, an insecure page): show the link instead.
			this.#share = { kind: 'manual', link };
		}
	}

	/** Brings back a restore point (saved again as the newest) and runs it. */
	async restore(version: VersionRecord): Promise<void> {
		const lib = this.#lib;
		if (!lib) return;
		this.#restoring = true;
		this.#restoreError = null;
		this.autosave.discard();
		const restored = await lib.restoreVersion(version.id);
		this.#restoring = false;
		if (!restored.ok) {
			this.#restoreError = restored.error.message;
			return;
		}
		this.#record = restored.value;
		this.#invalid = {};
		this.#scenario = restored.value.scenario;
		this.#requestRun(restored.value.scenario);
		await this.#refreshVersions();
		this.#notice = `Restored the version saved ${whenText(version.savedAt)}.`;
	}

	dismissNotice(): void {
		this.#notice = null;
	}

	/**
	 * The stored record as it is now (from the live watch, or a refused save). A change made
	 * elsewhere is shown at once when this tab has nothing unsaved; otherwise the person is
	 * asked what to keep. This tab's own saves are recognised by their revision.
	 */
	#storedChanged(stored: ScenarioRecord): void {
		const record = this.#record;
		if (!record || !this.#scenario) return;
		if (this.#saving) {
			this.#seenWhileSaving = stored;
			return;
		}
		const conflict = this.#conflict;
		if (conflict?.kind === 'changed') {
			// Still to be resolved: the choice is now against the newest stored version.
			if (revisionOf(stored) !== revisionOf(conflict.theirs))
				this.#conflict = { ...conflict, theirs: stored };
			return;
		}
		if (conflict?.kind === 'deleted') this.#conflict = null; // Put back from the trash.
		if (revisionOf(stored) === revisionOf(record)) {
			// The same version (a result stored, say): keep the record's small facts fresh.
			this.#record = stored;
			return;
		}
		const untouched = record.presetId
			? !this.#exampleEdited
			: !this.autosave.dirty && sameScenario(this.#scenario, record.scenario);
		if (untouched) this.#adopt(stored);
		else if (record.presetId)
			this.#record = stored; // An example's tries are never saved.
		else this.#conflict = { kind: 'changed', theirs: stored, base: record.scenario };
	}

	#storedDeleted(): void {
		if (!this.#record || this.#record.presetId) return;
		this.#conflict = { kind: 'deleted' };
	}

	#lookAtDeferred(): void {
		const seen = this.#seenWhileSaving;
		this.#seenWhileSaving = null;
		if (seen && this.#record && revisionOf(seen) > revisionOf(this.#record))
			this.#storedChanged(seen);
	}

	/** Shows the stored version (this tab had nothing unsaved), and says what changed. */
	#adopt(stored: ScenarioRecord): void {
		const before = this.#scenario;
		this.#record = stored;
		if (!before || sameScenario(before, stored.scenario)) return;
		const changes = settingChanges(before, stored.scenario);
		this.#scenario = stored.scenario;
		this.#invalid = {};
		this.#notice = `Updated with a change made in another tab: ${changesText(changes)}.`;
		this.#requestRun(stored.scenario);
		void this.#refreshVersions();
	}

	/** Drops this tab's unsaved edits and shows the version saved in the other tab. */
	takeTheirs(): void {
		const conflict = this.#conflict;
		if (conflict?.kind !== 'changed') return;
		this.autosave.discard();
		clearStash(this.#stashStore, this.id);
		this.#conflict = null;
		this.#resolveError = null;
		this.#record = conflict.theirs;
		this.#scenario = conflict.theirs.scenario;
		this.#invalid = {};
		this.#notice =
			'Now showing the version saved in the other tab; the changes made here were dropped.';
		this.#requestRun(conflict.theirs.scenario);
		void this.#refreshVersions();
	}

	/**
	 * Keeps both sides' changes: the other tab's version with this tab's changes put in (this
	 * tab's value where both changed the same setting), saved as the next version.
	 */
	merge(): void {
		const conflict = this.#conflict;
		const plan = this.#mergePlan;
		if (conflict?.kind !== 'changed' || !plan) return;
		const attempt = tryChange(plan.merged);
		if (!attempt.ok) {
			this.#resolveError = `These changes cannot be merged: ${attempt.error} Keep yours as a copy, or take theirs.`;
			return;
		}
		this.#resolveError = null;
		this.#conflict = null;
		this.#record = conflict.theirs;
		this.#invalid = {};
		const kept = plan.mine.length + plan.clashes.length;
		this.#notice =
			`Merged: the other tab's ${plural(plan.theirs.length, 'change')} and ${kept} of yours` +
			(plan.clashes.length
				? ` (yours kept where both changed ${plan.clashes.map((c) => c.label).join(', ')}).`
				: '.');
		this.autosave.discard();
		this.apply(attempt.value);
		void this.#refreshVersions();
	}

	/**
	 * Keeps this tab's version as a new scenario, leaving the stored one as the other tab left
	 * it (or in the trash, if it was deleted). Resolves with the new scenario's id for the
	 * page to open, or null when it failed.
	 */
	async keepMineAsCopy(): Promise<string | null> {
		const lib = this.#lib;
		const conflict = this.#conflict;
		const mine = this.#scenario;
		if (!lib || !conflict || !mine) return null;
		this.#resolving = true;
		this.#resolveError = null;
		const name =
			conflict.kind === 'changed'
				? `${mine.name.slice(0, LIMITS.nameMaxLength - MY_VERSION.length).trimEnd()}${MY_VERSION}`
				: mine.name;
		const made = await lib.createScenario({ ...mine, name });
		this.#resolving = false;
		if (!made.ok) {
			this.#resolveError = `Your version could not be kept as a copy: ${made.error.message}`;
			return null;
		}
		this.autosave.discard();
		clearStash(this.#stashStore, this.id);
		leaveNotice(
			made.value.id,
			conflict.kind === 'changed'
				? `This is your version, kept as a copy. “${conflict.theirs.name}” keeps the change made in the other tab.`
				: `This is your version, kept as a new scenario. The one deleted in the other tab is in the library's trash.`
		);
		return made.value.id;
	}

	/** Asks for results of edited settings: the engine debounces, previews, then runs in full. */
	#requestRun(s: Scenario): void {
		if (this.#complete && this.#complete.key === resultKey(s)) {
			// Back to settings whose result is already on hand: show it, stop any job.
			this.#dropPendingStart();
			clearTimeout(this.#markTimer);
			this.#held = null;
			this.engine.cancel();
			return;
		}
		if (this.#holdIfLarge(s)) return;
		this.#beginJob();
		this.#follow(s, this.engine.request(s));
	}

	/**
	 * A job estimated to take more than a minute is not started unasked: the page says how
	 * long it would take and waits for Run. Returns whether it held the job back.
	 */
	#holdIfLarge(s: Scenario): boolean {
		if (estimatedSeconds(s) <= LARGE_JOB_SECONDS) return false;
		this.#dropPendingStart();
		clearTimeout(this.#markTimer);
		this.engine.cancel();
		this.#held = 'large';
		return true;
	}

	/**
	 * Runs the settings on screen once the page is drawn and idle (on opening). The page shows
	 * them as running at once; an edit, Cancel or leaving the page before it starts replaces it.
	 */
	#runWhenIdle(): void {
		const s = this.#scenario;
		if (!s || this.invalidList.length > 0) return;
		if (this.#holdIfLarge(s)) return;
		this.#beginJob();
		this.#held = 'waiting';
		this.#cancelStart = this.#whenIdle(() => {
			this.#cancelStart = null;
			this.#held = null;
			this.#follow(s, this.engine.run(s, PREVIEW_RUNS));
		});
	}

	/** Before a new job: drops what was held back, and restarts the clock for fading results. */
	#beginJob(): void {
		this.#dropPendingStart();
		this.#held = null;
		clearTimeout(this.#markTimer);
		this.#earlierMarked = false;
		this.#markTimer = setTimeout(() => (this.#earlierMarked = true), MARK_EARLIER_AFTER_MS);
	}

	/** Keeps (and stores) a job's result once the engine has taken it as its latest. */
	#follow(s: Scenario, job: Promise<JobOutcome>): void {
		void job.then((outcome) => {
			// A newer job owns the page.
			if (this.engine.status === 'running' || this.engine.status === 'preview') return;
			clearTimeout(this.#markTimer);
			// Only the engine's latest job sets its summary.
			if (outcome.status !== 'done' || this.engine.summary !== outcome.summary) return;
			this.#complete = {
				key: resultKey(s),
				summary: outcome.summary,
				scenario: s,
				source: 'run',
				at: Date.now()
			};
			void this.#storeResult(s, outcome.summary);
		});
	}

	async #storeResult(s: Scenario, summary: Summary): Promise<void> {
		const lib = this.#lib;
		const record = this.#record;
		if (!lib || !record) return;
		// An example's result is kept only for the example as shipped.
		if (record.presetId && !sameScenario(s, record.scenario)) return;
		const stored = await lib.putResult(this.id, s, summary);
		this.#resultSaveError = stored.ok ? null : stored.error.message;
	}

	#dropPendingStart(): void {
		this.#cancelStart?.();
		this.#cancelStart = null;
	}

	async #listVersions(): Promise<VersionRecord[]> {
		if (!this.#lib) return [];
		const listed = await this.#lib.listVersions(this.id);
		return listed.ok ? listed.value : [];
	}

	async #refreshVersions(): Promise<void> {
		if (this.isExample) return;
		this.#versions = await this.#listVersions();
	}
}
