/**
 * The worker pool: splits a job's runs into short chunks, hands them to idle runners,
 * merges the partial accumulators as they arrive and reports progress, a preview and the
 * final summary. Written against the runner interface (`runner.ts`), so the same code runs
 * with Web Workers in the browser and with in-thread runners in Node tests.
 *
 * Determinism: a run's random streams depend only on the seed and the run index, and
 * merging accumulators is exact and order-independent, so the summary is the same whatever
 * the pool size, the chunk sizes and the order in which chunks finish.
 *
 * Cancellation: a worker cannot read messages while it runs a chunk, so chunks are kept
 * short (sized from the measured time per run to about `targetChunkMs`), no chunk of a
 * cancelled job is sent, and a runner still busy with one after `cancelDeadlineMs` is
 * terminated and replaced.
 *
 * Hung runners: a runner that reports nothing on a chunk for `stallFactor` times the chunk's
 * expected time (and at least `stallMinMs`) is replaced and its chunk handed to another; a
 * job that hangs its runners more than twice fails with a plain message.
 *
 * Validation: the pool takes a `ValidScenario` (see `checkScenario`) and does not validate it
 * again; each runner is sent a job's scenario once, with its first chunk of the job.
 */
import {
	describeIssues,
	finalizeSummary,
	isValidScenario,
	mergeAccumulators,
	mergeInto,
	totalPeople,
	validateScenario,
	type Accumulator,
	type Result,
	type Summary,
	type ValidScenario
} from '$lib/sim';
import type { ChunkResult } from './api';
import type { RunnerFactory, SimRunner } from './runner';

/** How far a job has got. */
export interface Progress {
	/** Runs finished (including those of chunks still running, as far as reported). */
	runsDone: number;
	runsTotal: number;
	/** Time since the job started, in milliseconds. */
	elapsedMs: number;
	/** Estimated time left, in milliseconds; null until a run has finished. */
	remainingMs: number | null;
}

/**
 * A scenario for the pool: one `validateScenario` returned is taken as it is, anything else
 * is validated (a scenario held by a page, a copy with a parameter set). The error is one
 * line a person can read.
 */
export function checkScenario(input: unknown): Result<ValidScenario, string> {
	if (isValidScenario(input)) return { ok: true, value: input };
	const valid = validateScenario(input);
	return valid.ok ? valid : { ok: false, error: describeIssues(valid.error) };
}

/**
 * How a job ended. A cancelled job never reports its partial result. A status union rather
 * than a `Result`: cancelling is not an error (see `TaskOutcome`, which it fits).
 */
export type JobOutcome =
	| { status: 'done'; summary: Summary; progress: Progress }
	| { status: 'cancelled' }
	| { status: 'error'; error: string };

export interface RunOptions {
	/**
	 * Runs 0..previewRuns-1 are simulated first and summarised as a preview; they are part
	 * of the final result, so no work is wasted. 0 or at least the scenario's runs: no preview.
	 */
	previewRuns?: number;
	/** Called at start, after each chunk and at least every `progressIntervalMs` while running. */
	onProgress?: (progress: Progress) => void;
	/** Called once with the summary of the preview runs. */
	onPreview?: (summary: Summary, progress: Progress) => void;
}

export interface JobHandle {
	readonly id: number;
	/** Resolves once, with the outcome; never rejects. */
	readonly result: Promise<JobOutcome>;
	/** Cancels the job; its result resolves at once with `{ status: 'cancelled' }`. */
	cancel(): void;
}

export interface PoolOptions {
	createRunner: RunnerFactory;
	/** Number of runners (default 1). See `defaultPoolSize()` for the browser. */
	size?: number;
	/** Aimed-for duration of one chunk, in milliseconds (default 40). */
	targetChunkMs?: number;
	/** Most runs in one chunk (default 1000). */
	maxChunkRuns?: number;
	/** A runner still busy with a cancelled job's chunk after this long is replaced (default 100). */
	cancelDeadlineMs?: number;
	/** Most time between two progress reports while a job runs (default 100). */
	progressIntervalMs?: number;
	/**
	 * After a preview is handed over, one runner takes no new chunk for this long (default 0),
	 * when there are at least two. With as many workers as cores, the page's main thread
	 * competes with them for a core and its tasks take about twice as long as their own CPU
	 * time; the preview is when the page draws most while a job runs, so a core is left to it.
	 */
	quietAfterPreviewMs?: number;
	/** Clock; `performance.now` unless a test gives another. */
	now?: () => number;
	/**
	 * A runner that reports nothing on a chunk for this many times the chunk's expected time,
	 * and at least `stallMinMs`, is taken to be hung: it is replaced and the chunk runs again
	 * (default 10).
	 */
	stallFactor?: number;
	/** The shortest wait before a silent runner counts as hung (default 30,000 ms). */
	stallMinMs?: number;
}

/** How many hung runners one job survives before it fails. */
const MAX_STALLS = 2;

interface Chunk {
	job: Job;
	start: number;
	count: number;
	/** Runs of this chunk reported finished so far. */
	partial: number;
	sentAt: number;
	/** When the runner last reported on this chunk (sent, or progress). */
	heardAt: number;
}

interface Slot {
	runner: SimRunner | null;
	busy: Chunk | null;
	/** The jobs whose scenario this runner has been sent. */
	sent: Set<number>;
}

interface Job {
	id: number;
	scenario: ValidScenario;
	runs: number;
	previewRuns: number;
	options: RunOptions;
	/** Next run index to hand out. */
	cursor: number;
	/** Chunks to run again (their runner hung), handed out before new runs. */
	retries: { start: number; count: number }[];
	/** Runners replaced for hanging on this job. */
	stalls: number;
	completed: number;
	inFlight: Set<Chunk>;
	/** Merged accumulators of runs below previewRuns, and of the others. */
	prefix: Accumulator | null;
	rest: Accumulator | null;
	previewSent: boolean;
	msPerRun: number | null;
	startedAt: number;
	lastRunsDone: number;
	timer: ReturnType<typeof setInterval> | null;
	settled: boolean;
	resolve: (outcome: JobOutcome) => void;
}

/**
 * A run's size in member-months (agents × months), so that the time per run measured on one
 * job (a short warm-up, say) sizes the first chunks of the next in proportion.
 */
function runWork(s: ValidScenario): number {
	return Math.max(1, Math.ceil(totalPeople(s) / s.community.peoplePerAgent) * s.horizonMonths);
}

function callSafely(fn: () => void): void {
	try {
		fn();
	} catch (error) {
		// A listener's bug must not break the pool; surface it without stopping the job.
		setTimeout(() => {
			throw error;
		});
	}
}

function message(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export class SimPool {
	readonly #createRunner: RunnerFactory;
	readonly #slots: Slot[];
	readonly #targetChunkMs: number;
	readonly #maxChunkRuns: number;
	readonly #cancelDeadlineMs: number;
	readonly #progressIntervalMs: number;
	readonly #quietAfterPreviewMs: number;
	/** Until then (clock time) at most size - 1 runners are busy; see `quietAfterPreviewMs`. */
	#quietUntil = -Infinity;
	#quietTimer: ReturnType<typeof setTimeout> | null = null;
	readonly #now: () => number;
	readonly #stallFactor: number;
	readonly #stallMinMs: number;
	readonly #jobs: Job[] = [];
	#nextJobId = 1;
	/**
	 * Time per member-month measured by the latest job, to size the first chunks of the next
	 * one (whose runs may be longer or larger).
	 */
	#msPerWork: number | null = null;
	#terminated = false;

	constructor(options: PoolOptions) {
		this.#createRunner = options.createRunner;
		this.#targetChunkMs = options.targetChunkMs ?? 40;
		this.#maxChunkRuns = Math.max(1, Math.floor(options.maxChunkRuns ?? 1000));
		this.#cancelDeadlineMs = options.cancelDeadlineMs ?? 100;
		this.#progressIntervalMs = options.progressIntervalMs ?? 100;
		this.#quietAfterPreviewMs = Math.max(0, options.quietAfterPreviewMs ?? 0);
		this.#now = options.now ?? (() => performance.now());
		this.#stallFactor = options.stallFactor ?? 10;
		this.#stallMinMs = options.stallMinMs ?? 30_000;
		const size = Math.max(1, Math.floor(options.size ?? 1));
		this.#slots = Array.from({ length: size }, () => ({
			runner: null,
			busy: null,
			sent: new Set()
		}));
	}

	/** Number of runners. */
	get size(): number {
		return this.#slots.length;
	}

	/** Starts a job on a validated scenario (see `checkScenario`). */
	run(scenario: ValidScenario, options: RunOptions = {}): JobHandle {
		const id = this.#nextJobId++;
		const early = (outcome: JobOutcome): JobHandle => ({
			id,
			result: Promise.resolve(outcome),
			cancel: () => {}
		});
		if (this.#terminated)
			return early({ status: 'error', error: 'The simulation engine has been shut down.' });
		const preview = Math.floor(options.previewRuns ?? 0);
		let resolve!: (outcome: JobOutcome) => void;
		const result = new Promise<JobOutcome>((r) => (resolve = r));
		const job: Job = {
			id,
			scenario,
			runs: scenario.runs,
			previewRuns: preview > 0 && preview < scenario.runs ? preview : 0,
			options,
			cursor: 0,
			retries: [],
			stalls: 0,
			completed: 0,
			inFlight: new Set(),
			prefix: null,
			rest: null,
			previewSent: false,
			msPerRun: null,
			startedAt: this.#now(),
			lastRunsDone: 0,
			timer: null,
			settled: false,
			resolve
		};
		this.#jobs.push(job);
		this.#quietUntil = -Infinity; // A new job has every runner at once.
		job.timer = setInterval(() => {
			this.#watch(job);
			this.#reportProgress(job);
		}, this.#progressIntervalMs);
		this.#reportProgress(job);
		this.#pump();
		return { id, result, cancel: () => this.#cancel(job) };
	}

	/**
	 * Starts every runner now rather than at the first job, so that the first job does not
	 * wait for the workers to load (a page that opens with a stored result, say).
	 */
	warm(): void {
		if (this.#terminated) return;
		for (const slot of this.#slots) this.#ensureRunner(slot);
	}

	/** Cancels every job. */
	cancelAll(): void {
		for (const job of [...this.#jobs]) this.#cancel(job);
	}

	/** Cancels every job and stops every runner. The pool cannot be used afterwards. */
	terminate(): void {
		this.cancelAll();
		this.#terminated = true;
		if (this.#quietTimer !== null) clearTimeout(this.#quietTimer);
		this.#quietTimer = null;
		for (const slot of this.#slots) {
			slot.runner?.terminate();
			slot.runner = null;
			slot.busy = null;
			slot.sent.clear();
		}
	}

	#settle(job: Job, outcome: JobOutcome): void {
		if (job.settled) return;
		job.settled = true;
		if (job.timer !== null) clearInterval(job.timer);
		job.timer = null;
		const i = this.#jobs.indexOf(job);
		if (i >= 0) this.#jobs.splice(i, 1);
		for (const slot of this.#slots) slot.sent.delete(job.id);
		job.prefix = job.rest = null;
		job.resolve(outcome);
	}

	/** Ends a job early: stops its chunks, replacing runners that overrun the deadline. */
	#abandon(job: Job, outcome: JobOutcome): void {
		if (job.settled) return;
		this.#settle(job, outcome);
		if (job.inFlight.size === 0) return;
		for (const slot of this.#slots)
			if (slot.busy?.job === job) slot.runner?.cancel(job.id).catch(() => {});
		setTimeout(() => {
			for (const slot of this.#slots) if (slot.busy?.job === job) this.#replace(slot);
			this.#pump();
		}, this.#cancelDeadlineMs);
	}

	#cancel(job: Job): void {
		this.#abandon(job, { status: 'cancelled' });
	}

	#fail(job: Job, error: string): void {
		this.#abandon(job, { status: 'error', error });
	}

	#replace(slot: Slot): void {
		const chunk = slot.busy;
		slot.busy = null;
		if (chunk) chunk.job.inFlight.delete(chunk);
		try {
			slot.runner?.terminate();
		} catch {
			// Already gone.
		}
		slot.runner = null;
		slot.sent.clear();
		if (!this.#terminated) this.#ensureRunner(slot);
	}

	#ensureRunner(slot: Slot): SimRunner | null {
		if (slot.runner) return slot.runner;
		slot.sent.clear(); // A new runner has been sent nothing.
		try {
			slot.runner = this.#createRunner();
		} catch {
			slot.runner = null;
		}
		return slot.runner;
	}

	#progress(job: Job): Progress {
		let done = job.completed;
		for (const chunk of job.inFlight) done += Math.min(chunk.partial, chunk.count);
		done = Math.max(job.lastRunsDone, Math.min(done, job.runs));
		job.lastRunsDone = done;
		const elapsedMs = Math.max(0, this.#now() - job.startedAt);
		return {
			runsDone: done,
			runsTotal: job.runs,
			elapsedMs,
			remainingMs: done > 0 ? (elapsedMs * (job.runs - done)) / done : null
		};
	}

	#reportProgress(job: Job): void {
		if (job.settled) return;
		const progress = this.#progress(job);
		const listener = job.options.onProgress;
		if (listener) callSafely(() => listener(progress));
	}

	/** The time per run of `job`: measured, or estimated from the latest job's. */
	#msPerRunOf(job: Job): number | null {
		if (job.msPerRun !== null) return job.msPerRun;
		return this.#msPerWork === null ? null : this.#msPerWork * runWork(job.scenario);
	}

	#chunkSize(job: Job): number {
		const inPreview = job.cursor < job.previewRuns;
		const limit = inPreview ? job.previewRuns : job.runs;
		const msPerRun = this.#msPerRunOf(job);
		let wanted = msPerRun === null ? 1 : Math.floor(this.#targetChunkMs / Math.max(msPerRun, 1e-3));
		// The preview is shown when its last run is in: share it out evenly between the runners
		// so that they all finish their part at about the same time.
		if (inPreview) wanted = Math.min(wanted, Math.ceil(job.previewRuns / this.#slots.length));
		return Math.max(1, Math.min(wanted, this.#maxChunkRuns, limit - job.cursor));
	}

	/** Whether one runner is being kept free for the page; pumps again when that ends. */
	#keepingQuiet(): boolean {
		const left = this.#quietUntil - this.#now();
		if (left <= 0 || this.#slots.length < 2) return false;
		this.#quietTimer ??= setTimeout(() => {
			this.#quietTimer = null;
			this.#pump();
		}, left);
		return true;
	}

	/**
	 * The watchdog: a runner silent on a chunk of `job` for far longer than the chunk should
	 * take is replaced and the chunk is run again by another (runs are seeded by their index,
	 * so the result is the same); after MAX_STALLS the job fails with a plain message.
	 */
	#watch(job: Job): void {
		if (job.settled) return;
		const now = this.#now();
		const msPerRun = this.#msPerRunOf(job);
		for (const slot of this.#slots) {
			const chunk = slot.busy;
			if (!chunk || chunk.job !== job) continue;
			const expected = msPerRun === null ? this.#targetChunkMs : msPerRun * chunk.count;
			if (now - chunk.heardAt < Math.max(this.#stallMinMs, this.#stallFactor * expected)) continue;
			this.#replace(slot);
			job.stalls++;
			if (job.stalls > MAX_STALLS) {
				this.#fail(
					job,
					'The simulation stopped responding, even after its workers were restarted. Reload the page and run it again; if it happens again, try fewer futures or a smaller community.'
				);
				return;
			}
			job.retries.push({ start: chunk.start, count: chunk.count });
		}
		this.#pump();
	}

	#pump(): void {
		if (this.#terminated) return;
		for (const slot of this.#slots) {
			if (slot.busy) continue;
			if (this.#keepingQuiet() && this.#slots.filter((s) => !s.busy).length <= 1) break;
			const job = this.#jobs.find((j) => !j.settled && (j.retries.length > 0 || j.cursor < j.runs));
			if (!job) return;
			const runner = this.#ensureRunner(slot);
			if (!runner) continue;
			const retry = job.retries.shift();
			const count = retry ? retry.count : this.#chunkSize(job);
			const start = retry ? retry.start : job.cursor;
			const now = this.#now();
			const chunk: Chunk = { job, start, count, partial: 0, sentAt: now, heardAt: now };
			if (!retry) job.cursor += count;
			slot.busy = chunk;
			job.inFlight.add(chunk);
			// Progress from inside a chunk only when it may outlast a progress interval: a short
			// chunk's end reports it soon enough, and in a browser each callback costs the chunk a
			// message channel of its own.
			const msPerRun = this.#msPerRunOf(job);
			const long = msPerRun === null || msPerRun * count >= this.#progressIntervalMs / 2;
			const onProgress = long
				? (runsDone: number) => {
						if (slot.busy !== chunk) return;
						chunk.partial = Math.max(chunk.partial, runsDone);
						chunk.heardAt = this.#now();
					}
				: undefined;
			// The scenario goes with the runner's first chunk of the job only (it keeps it).
			const first = !slot.sent.has(job.id);
			slot.sent.add(job.id);
			const request = { start: chunk.start, count, jobId: job.id };
			runner.runChunk(first ? { ...request, scenario: job.scenario } : request, onProgress).then(
				(result) => this.#chunkDone(slot, runner, chunk, result),
				(error: unknown) => this.#chunkCrashed(slot, runner, chunk, error)
			);
		}
		// No runner could be started and nothing is running: the jobs cannot progress.
		if (this.#slots.every((s) => !s.runner && !s.busy))
			for (const job of [...this.#jobs])
				this.#fail(
					job,
					'The simulation workers could not be started. Reload the page to try again.'
				);
	}

	#chunkDone(slot: Slot, runner: SimRunner, chunk: Chunk, result: ChunkResult): void {
		if (slot.runner !== runner || slot.busy !== chunk) return; // Replaced meanwhile.
		slot.busy = null;
		const job = chunk.job;
		job.inFlight.delete(chunk);
		if (!job.settled) this.#accept(job, chunk, result);
		this.#pump();
	}

	#accept(job: Job, chunk: Chunk, result: ChunkResult): void {
		if (!result.ok) return this.#fail(job, result.error);
		const perRun = (this.#now() - chunk.sentAt) / chunk.count;
		job.msPerRun = job.msPerRun === null ? perRun : (job.msPerRun + perRun) / 2;
		this.#msPerWork = job.msPerRun / runWork(job.scenario);
		const inPrefix = chunk.start < job.previewRuns;
		const own = inPrefix ? job.prefix : job.rest;
		let merged = result.value;
		if (own) {
			// The pool owns its running totals (each began as a chunk's own result), so chunks are
			// merged into them in place rather than copying the totals every time.
			const m = mergeInto(own, result.value);
			if (!m.ok) return this.#fail(job, m.error);
			merged = m.value;
		}
		if (inPrefix) job.prefix = merged;
		else job.rest = merged;
		job.completed += chunk.count;

		if (job.previewRuns > 0 && !job.previewSent && job.prefix?.count === job.previewRuns) {
			job.previewSent = true;
			if (this.#quietAfterPreviewMs > 0) this.#quietUntil = this.#now() + this.#quietAfterPreviewMs;
			const preview = finalizeSummary(job.scenario, job.prefix);
			if (!preview.ok) return this.#fail(job, preview.error);
			const listener = job.options.onPreview;
			const progress = this.#progress(job);
			if (listener) callSafely(() => listener(preview.value, progress));
		}

		if (job.completed < job.runs) return this.#reportProgress(job);
		let total = job.prefix ?? job.rest;
		if (job.prefix && job.rest) {
			const m = mergeAccumulators(job.prefix, job.rest);
			if (!m.ok) return this.#fail(job, m.error);
			total = m.value;
		}
		if (!total) return this.#fail(job, 'No runs have finished yet.');
		const summary = finalizeSummary(job.scenario, total);
		if (!summary.ok) return this.#fail(job, summary.error);
		this.#reportProgress(job);
		const progress = this.#progress(job);
		this.#settle(job, { status: 'done', summary: summary.value, progress });
	}

	#chunkCrashed(slot: Slot, runner: SimRunner, chunk: Chunk, error: unknown): void {
		if (slot.runner !== runner || slot.busy !== chunk) return; // Replaced meanwhile.
		this.#replace(slot);
		this.#fail(
			chunk.job,
			`A simulation worker stopped unexpectedly (${message(error)}). It has been restarted; run the scenario again.`
		);
		this.#pump();
	}
}
