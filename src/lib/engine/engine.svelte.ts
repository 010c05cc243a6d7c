/**
 * The simulation engine for the UI: wraps a worker pool in reactive fields. Results are
 * `$state.raw` and replaced, never mutated, so a new summary is one cheap update.
 *
 * `run(scenario)` runs once; `request(scenario)` is for live refinement while a slider is
 * dragged: it cancels the job in progress, starts at once when the change is a single one,
 * waits for input to settle (debounce) when changes come quickly one after another, then
 * shows a quick preview followed by the full result.
 *
 * The page pays for every update of these fields (the status line is laid out and painted
 * again), so `progress` changes at most every `progressMs` (the latest value is always shown
 * within that time), not once per finished chunk of runs.
 *
 * The lifecycle (status, progress, error, cancel, a newer job superseding an older one) is
 * the `Task` base class's; this class adds the summary, previews, debouncing and warm-up.
 */
import type { Scenario, Summary } from '$lib/sim';
import { checkScenario, SimPool, type JobHandle, type JobOutcome, type Progress } from './pool';
import { Task, type TaskJob, type TaskStatus } from './task.svelte';
import { createWorkerRunner, defaultPoolSize } from './worker-runner';

export type EngineStatus = TaskStatus | 'preview';

export interface EngineOptions {
	/** Creates the pool on first use (default: Web Workers, one per core up to 8). */
	createPool?: () => SimPool;
	/** Quiet time after the last `request` before a job starts, in milliseconds (default 30). */
	debounceMs?: number;
	/** Runs in the preview of a `request` (default 40). */
	previewRuns?: number;
	/** Least time between two updates of `progress`, in milliseconds (default 100). */
	progressMs?: number;
	/** Clock; `performance.now` unless a test gives another. */
	now?: () => number;
}

/**
 * How long one worker rests after a preview, leaving a core to the page while it draws the
 * preview's charts (see `quietAfterPreviewMs`): about the drawing's CPU time on a slow machine.
 */
const QUIET_AFTER_PREVIEW_MS = 150;

/** Runs simulated by `prepare` to warm the workers up (the fewest a scenario may have). */
const WARM_UP_RUNS = 10;

function browserPool(): SimPool {
	return new SimPool({
		createRunner: createWorkerRunner,
		size: defaultPoolSize(),
		quietAfterPreviewMs: QUIET_AFTER_PREVIEW_MS
	});
}

/**
 * `status` (from `Task`) is 'preview' while a preview summary is shown and the rest runs;
 * `progress` is that of the current or last job; `error` a message when status is 'error'.
 */
export class SimEngine extends Task<Progress, 'preview'> {
	/** The latest summary (preview or final); kept when a later job is cancelled or fails. */
	summary = $state.raw<Summary | null>(null);

	#pool: SimPool | null = null;
	#timer: ReturnType<typeof setTimeout> | null = null;
	#pending: ((outcome: JobOutcome) => void) | null = null;
	/** The warm-up job of `prepare`, until a real job starts. */
	#warmUp: JobHandle | null = null;
	/** When `request` was last called. */
	#requestedAt = -Infinity;
	/** When `progress` was last set, and a newer value waiting to be shown. */
	#progressAt = -Infinity;
	#progressTimer: ReturnType<typeof setTimeout> | null = null;
	#waiting: Progress | null = null;
	readonly #createPool: () => SimPool;
	readonly #debounceMs: number;
	readonly #previewRuns: number;
	readonly #progressMs: number;
	readonly #now: () => number;
	#disposed = false;

	constructor(options: EngineOptions = {}) {
		super();
		this.#createPool = options.createPool ?? browserPool;
		this.#debounceMs = options.debounceMs ?? 30;
		this.#previewRuns = options.previewRuns ?? 40;
		this.#progressMs = options.progressMs ?? 100;
		this.#now = options.now ?? (() => performance.now());
	}

	/**
	 * Runs a scenario (cancelling any job in progress) and resolves with how it ended. A
	 * scenario `validateScenario` returned is taken as it is; anything else is validated here,
	 * once for the whole job.
	 */
	run(scenario: unknown, previewRuns = 0): Promise<JobOutcome> {
		this.#clearDebounce();
		return this.#start(scenario, previewRuns);
	}

	/**
	 * Asks for a scenario's result soon: cancels the job in progress, and starts a new one
	 * (preview, then full) at once if no other request came in the last `debounceMs`, or
	 * else once no other request has come for `debounceMs` (a slider being dragged). Resolves
	 * with the outcome, or 'cancelled' if a later request or `cancel()` replaced it.
	 */
	request(scenario: unknown): Promise<JobOutcome> {
		this.#stopJob();
		const now = this.#now();
		const settled = this.#timer === null && now - this.#requestedAt >= this.#debounceMs;
		this.#requestedAt = now;
		this.#clearDebounce();
		if (this.#disposed) return this.#start(scenario, 0);
		if (settled) return this.#start(scenario, this.#previewRuns);
		return new Promise((resolve) => {
			this.#pending = resolve;
			this.#timer = setTimeout(() => {
				this.#timer = null;
				this.#pending = null;
				void this.#start(scenario, this.#previewRuns).then(resolve);
			}, this.#debounceMs);
		});
	}

	/**
	 * Starts the workers now, so that the first run after an edit does not wait for them to
	 * load; for a page that opens with a result already at hand. Given a scenario, the workers
	 * also simulate a few of its runs (shown nowhere), so that the model's code is compiled
	 * and the pool knows how long a run takes before the first real job: the first job of cold
	 * workers is several times slower. Any job started later cancels this one.
	 */
	prepare(scenario?: Scenario): void {
		if (this.#disposed) return;
		this.#pool ??= this.#createPool();
		this.#pool.warm();
		if (!scenario || this.busy || this.#warmUp) return;
		const valid = checkScenario({ ...scenario, runs: WARM_UP_RUNS });
		if (valid.ok) this.#warmUp = this.#pool.run(valid.value);
	}

	/** Cancels the job in progress and any request waiting to start. */
	override cancel(): void {
		const waiting = this.#timer !== null;
		// Where the job had got to, as last reported, even if not yet shown.
		if (this.busy && this.#waiting !== null) this.progress = this.#waiting;
		this.#clearDebounce();
		this.#stopWarmUp();
		super.cancel();
		// A request still waiting out its debounce: the job it replaced was showing.
		if (waiting && (this.status === 'running' || this.status === 'preview'))
			this.status = 'cancelled';
	}

	/** Cancels everything and stops the workers. */
	dispose(): void {
		this.cancel();
		this.#disposed = true;
		this.#pool?.terminate();
		this.#pool = null;
	}

	#clearDebounce(): void {
		if (this.#timer !== null) clearTimeout(this.#timer);
		this.#timer = null;
		const pending = this.#pending;
		this.#pending = null;
		pending?.({ status: 'cancelled' });
	}

	#stopWarmUp(): void {
		this.#warmUp?.cancel();
		this.#warmUp = null;
	}

	/** Stops the warm-up and the job in progress, leaving what is shown as it is. */
	#stopJob(): void {
		this.#stopWarmUp();
		this.supersede();
	}

	#clearProgressTimer(): void {
		if (this.#progressTimer !== null) clearTimeout(this.#progressTimer);
		this.#progressTimer = null;
		this.#waiting = null;
	}

	/**
	 * Shows a job's progress: at once when the last update is at least `progressMs` old (or
	 * `now` is set), otherwise when it is, unless a newer report replaces it first.
	 */
	#showProgress(job: TaskJob<Progress>, progress: Progress, now = false): void {
		if (!job.current) return;
		const wait = this.#progressMs - (this.#now() - this.#progressAt);
		if (now || wait <= 0) {
			this.#clearProgressTimer();
			this.#progressAt = this.#now();
			job.report(progress);
			return;
		}
		this.#waiting = progress;
		this.#progressTimer ??= setTimeout(() => {
			const latest = this.#waiting;
			this.#progressTimer = null;
			this.#waiting = null;
			if (latest) this.#showProgress(job, latest, true);
		}, wait);
	}

	#start(scenario: unknown, previewRuns: number): Promise<JobOutcome> {
		this.#stopJob();
		if (this.#disposed) {
			const error = 'The simulation engine has been shut down.';
			return Promise.resolve({ status: 'error', error });
		}
		const pool = (this.#pool ??= this.#createPool());
		this.#progressAt = -Infinity; // A new job's first report is shown at once.
		return this.launch<JobOutcome>(
			async (job) => {
				job.onStop(() => this.#clearProgressTimer());
				const valid = checkScenario(scenario);
				if (!valid.ok) return { status: 'error', error: valid.error };
				// The pool may report progress before run() returns; the job knows if it is current.
				const handle = pool.run(valid.value, {
					previewRuns,
					onProgress: (progress) => this.#showProgress(job, progress),
					onPreview: (summary, progress) => {
						if (!job.current) return;
						this.summary = summary;
						this.#showProgress(job, progress, true);
						this.status = 'preview';
					}
				});
				job.onStop(() => {
					this.#clearProgressTimer();
					handle.cancel();
				});
				const outcome = await handle.result;
				if (job.current) this.#clearProgressTimer();
				return outcome;
			},
			(done) => {
				this.summary = done.summary;
				this.progress = done.progress;
				this.#progressAt = this.#now();
			}
		);
	}
}
