/**
 * A share link being opened: the scenario carried in the address after the # is unpacked
 * and checked, then can be added to this browser's library as a copy. A malformed or
 * tampered link becomes a message in plain words. Once its settings are on screen, the
 * scenario is run (a first look with at most FIRST_LOOK_RUNS futures, on the engine the
 * workbench uses) so the page opens with its results, read-only, without adding it to the
 * library. Testable without a page.
 */
import { checkDescription, type Mismatch } from '$lib/analysis/describe';
import type { StorageError, StorageResult } from '$lib/db/errors';
import type { Library } from '$lib/db/library';
import { ensureLibrary } from '$lib/db/ready';
import { decodeScenario } from '$lib/db/share';
import { SimEngine } from '$lib/engine/engine.svelte';
import { estimatedSeconds, LARGE_JOB_SECONDS } from '$lib/engine/estimate';
import type { JobOutcome, Progress } from '$lib/engine/pool';
import type { Scenario, Summary } from '$lib/sim';

/** The most futures of the first look, whatever the scenario asks for. */
export const FIRST_LOOK_RUNS = 1000;

/** The fewest futures of a first look cut short to save time (if the scenario asks for more). */
const FIRST_LOOK_MIN_RUNS = 100;

/** Roughly how long the first look may take, in seconds (see `estimatedSeconds`). */
const FIRST_LOOK_SECONDS = 20;

/** Futures in the quick preview shown while the first look runs. */
const PREVIEW_RUNS = 100;

/**
 * How many futures the first look runs: all the scenario asks for up to FIRST_LOOK_RUNS,
 * fewer (not below FIRST_LOOK_MIN_RUNS, in round hundreds) when a run of that many would take
 * longer than about FIRST_LOOK_SECONDS (a large community, a long horizon).
 */
export function firstLookRuns(s: Scenario): number {
	const asked = Math.min(s.runs, FIRST_LOOK_RUNS);
	const perRun = estimatedSeconds({ ...s, runs: 1 });
	if (!(perRun > 0) || asked * perRun <= FIRST_LOOK_SECONDS) return asked;
	const fits = Math.floor(FIRST_LOOK_SECONDS / perRun / 100) * 100;
	return Math.min(asked, Math.max(FIRST_LOOK_MIN_RUNS, fits));
}

/** A finished run of the shared scenario. */
export interface SharedResult {
	summary: Summary;
	/** The scenario as run (its `runs` may be fewer than the link's). */
	scenario: Scenario;
	/** Whether it ran every future the scenario asks for. */
	all: boolean;
}

/**
 * What the results part of the share page shows: nothing yet (the run starts once the
 * settings are drawn), a run in progress (with a quick preview once there is one, and the
 * earlier result while a larger run goes on), a result, a run cancelled or failed, or a
 * scenario too large to run without being asked.
 */
export type SharedRun =
	| { kind: 'waiting' }
	| { kind: 'running'; runs: number; progress: Progress | null; preview: Summary | null }
	| { kind: 'done' }
	| { kind: 'cancelled'; runs: number; progress: Progress | null }
	| { kind: 'error'; message: string }
	| { kind: 'large'; runs: number; seconds: number };

/** Calls `work` after the next frame is drawn; returns a function that cancels it. */
function afterPaint(work: () => void): () => void {
	let timer: ReturnType<typeof setTimeout> | undefined;
	const frame = requestAnimationFrame(() => (timer = setTimeout(work, 0)));
	return () => {
		cancelAnimationFrame(frame);
		clearTimeout(timer);
	};
}

export interface SharedOptions {
	/** The engine to run on (default: Web Workers). `dispose` disposes of it. */
	engine?: SimEngine;
	/** Calls `work` once the settings are on screen; returns a cancel function. */
	whenDrawn?: (work: () => void) => () => void;
}

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
	/** The last finished run of the scenario on screen. */
	#result = $state.raw<SharedResult | null>(null);
	/** The futures of the job asked for last, and whether that is all of them. */
	#job = $state.raw<{ runs: number; all: boolean } | null>(null);
	/** Not started: too large to run unasked (its estimated seconds). */
	#large = $state.raw<number | null>(null);
	#cancelStart: (() => void) | null = null;
	readonly #whenDrawn: (work: () => void) => () => void;
	readonly engine: SimEngine;

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

	/** The last finished run of the scenario on screen, if any. */
	get result(): SharedResult | null {
		return this.#result;
	}

	/** What the description says that the settings contradict. */
	get descriptionIssues(): readonly Mismatch[] {
		return this.#descriptionIssues;
	}

	#descriptionIssues = $derived(
		this.#view.kind === 'ready'
			? checkDescription(this.#view.scenario.description, this.#view.scenario)
			: []
	);

	/** The futures the scenario asks for (0 before it is read). */
	get runsAsked(): number {
		return this.#view.kind === 'ready' ? this.#view.scenario.runs : 0;
	}

	/** The futures of the first look at this scenario. */
	get firstLookRuns(): number {
		return this.#view.kind === 'ready' ? firstLookRuns(this.#view.scenario) : 0;
	}

	/** What the results part of the page shows, from the engine's state and the last result. */
	get run(): SharedRun {
		return this.#run;
	}

	#run = $derived.by((): SharedRun => {
		const job = this.#job;
		const engine = this.engine;
		if (this.#large !== null && !job)
			return { kind: 'large', runs: this.firstLookRuns, seconds: this.#large };
		if (!job) return { kind: 'waiting' };
		switch (engine.status) {
			case 'idle':
				return { kind: 'waiting' };
			case 'running':
				return { kind: 'running', runs: job.runs, progress: engine.progress, preview: null };
			case 'preview':
				return {
					kind: 'running',
					runs: job.runs,
					progress: engine.progress,
					preview: engine.summary
				};
			case 'done':
				// The result is kept a moment after the engine says so (see `#start`).
				return this.#result
					? { kind: 'done' }
					: { kind: 'running', runs: job.runs, progress: engine.progress, preview: null };
			case 'cancelled':
				return { kind: 'cancelled', runs: job.runs, progress: engine.progress };
			case 'error':
				return {
					kind: 'error',
					message: engine.error ?? 'The simulation stopped with an error nobody expected.'
				};
			default:
				return engine.status satisfies never;
		}
	});

	#open: () => Promise<StorageResult<Library>>;

	/**
	 * `open` opens the library to add to (default: the app's one library); `options` give the
	 * engine and when the first run starts.
	 */
	constructor(
		open: () => Promise<StorageResult<Library>> = ensureLibrary,
		options: SharedOptions = {}
	) {
		this.#open = open;
		this.engine = options.engine ?? new SimEngine();
		this.#whenDrawn = options.whenDrawn ?? afterPaint;
	}

	/**
	 * Reads the scenario from a link's hash, and once its settings are on screen starts the
	 * first look at its results (unless it is too large to run unasked).
	 */
	async openLink(hash: string): Promise<void> {
		await this.read(hash);
		if (this.#view.kind !== 'ready') return;
		const s = this.#view.scenario;
		const seconds = estimatedSeconds({ ...s, runs: firstLookRuns(s) });
		if (seconds > LARGE_JOB_SECONDS) {
			this.#large = seconds;
			return;
		}
		this.#cancelStart?.(); // A link read just before this one: only the latest runs.
		this.#cancelStart = this.#whenDrawn(() => {
			this.#cancelStart = null;
			this.runFirstLook();
		});
	}

	/** Runs the first look: at most FIRST_LOOK_RUNS futures (see `firstLookRuns`). */
	runFirstLook(): Promise<JobOutcome | null> {
		return this.#start(false);
	}

	/** Runs every future the scenario asks for. */
	runAll(): Promise<JobOutcome | null> {
		return this.#start(true);
	}

	/** Stops the run in progress (or one about to start). */
	cancel(): void {
		if (this.#cancelStart) {
			this.#cancelStart();
			this.#cancelStart = null;
		}
		this.engine.cancel();
	}

	/** Stops everything, for leaving the page. */
	dispose(): void {
		this.#cancelStart?.();
		this.#cancelStart = null;
		this.engine.dispose();
	}

	async #start(all: boolean): Promise<JobOutcome | null> {
		const view = this.#view;
		if (view.kind !== 'ready') return null;
		this.#cancelStart?.();
		this.#cancelStart = null;
		const asked = view.scenario;
		const runs = all ? asked.runs : firstLookRuns(asked);
		const scenario = runs === asked.runs ? asked : { ...asked, runs };
		this.#job = { runs, all: runs === asked.runs };
		const outcome = await this.engine.run(scenario, runs > PREVIEW_RUNS * 2 ? PREVIEW_RUNS : 0);
		// Kept only if this is still the page's job and scenario (a new link may have come).
		if (outcome.status === 'done' && this.#view === view && this.engine.summary === outcome.summary)
			this.#result = { summary: outcome.summary, scenario, all: runs === asked.runs };
		return outcome;
	}

	/** Reads the scenario from a link's hash (`#v1.…`), or says why it cannot be read. */
	async read(hash: string): Promise<void> {
		this.cancel();
		this.#view = { kind: 'loading' };
		this.#status = { kind: 'idle' };
		this.#result = null;
		this.#job = null;
		this.#large = null;
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
