/**
 * The one job lifecycle of the app: a `Task` holds what a long piece of work is doing
 * (status, progress, time left, error) as reactive fields, and the rules every run follows.
 * The workbench's engine and the comparison pages' runs (comparison, sweep, sensitivity,
 * goal seeking) extend it and add only what their work finds.
 *
 * The rules:
 * - a new start supersedes the job in progress: the old one is stopped, and whatever it
 *   reports later (progress, its outcome) changes nothing;
 * - `cancel()` stops the job in progress and says 'cancelled'; with nothing running it does
 *   nothing, so calling it twice, or after the end, is harmless;
 * - a job's outcome sets the status ('done', 'cancelled' or 'error' with a message) only
 *   while the job is still the current one.
 */

/** What a task is doing. */
export type TaskStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/**
 * How a job ended. Not a `Result`: cancelling is not an error (nothing is said to have gone
 * wrong, and nothing partial is reported), so it is a third way to end beside done and error.
 * A job's own outcome type may add fields to any of the three.
 */
export type TaskOutcome =
	{ status: 'done' } | { status: 'cancelled' } | { status: 'error'; error: string };

/** The least a task's progress says: how long is left, in milliseconds (null: not known yet). */
export interface TaskProgress {
	remainingMs: number | null;
}

/** A job as the work started by `launch` sees it. */
export interface TaskJob<P> {
	/** Whether this job is still the task's current one (neither superseded nor cancelled). */
	readonly current: boolean;
	/** Shows the job's progress (ignored once the job is no longer current). */
	report(progress: P): void;
	/** How to stop the work now under way; replaces what an earlier call gave. */
	onStop(stop: () => void): void;
}

/** "about 12 s left", "1 min 5 s left": a plain estimate for a progress line. */
export function timeLeft(ms: number | null): string {
	if (ms === null || !Number.isFinite(ms)) return 'estimating time left';
	const s = Math.max(1, Math.round(ms / 1000));
	if (s < 60) return `about ${s} s left`;
	return `about ${Math.floor(s / 60)} min ${s % 60} s left`;
}

class Job<P> implements TaskJob<P> {
	current = true;
	#stop: (() => void) | null = null;
	readonly #report: (progress: P) => void;

	constructor(report: (progress: P) => void) {
		this.#report = report;
	}

	report(progress: P): void {
		if (this.current) this.#report(progress);
	}

	onStop(stop: () => void): void {
		this.#stop = stop;
	}

	/** Ends the job from outside: it is no longer current, and its work is stopped. */
	stop(): void {
		this.current = false;
		const stop = this.#stop;
		this.#stop = null;
		stop?.();
	}
}

/**
 * A long piece of work with one job at a time. `S` adds statuses of a subclass's own (the
 * engine's 'preview'); `P` is the shape of its progress.
 */
export abstract class Task<P extends TaskProgress = TaskProgress, S extends string = never> {
	/** What the task is doing. */
	status = $state.raw<TaskStatus | S>('idle');
	/** Progress of the current or last job; null before its first report. */
	progress = $state.raw<P | null>(null);
	/** A message a person can read when status is 'error'. */
	error = $state.raw<string | null>(null);

	#current: Job<P> | null = null;

	/** The estimated time left of the current or last job, in words. */
	get timeLeft(): string {
		return timeLeft(this.progress?.remainingMs ?? null);
	}

	/** Whether a job is under way. */
	protected get busy(): boolean {
		return this.#current !== null;
	}

	/** Stops the job in progress, if any, and says it was cancelled. Idempotent. */
	cancel(): void {
		if (!this.#current) return;
		this.supersede();
		this.status = 'cancelled';
	}

	/** Stops the job in progress, if any, without changing what the task shows. */
	protected supersede(): void {
		const job = this.#current;
		this.#current = null;
		job?.stop();
	}

	/**
	 * Runs a job: supersedes the one in progress, shows 'running' (error and progress
	 * cleared), starts `work`, and once it ends, if it is still current, shows how: `done`
	 * first applies a finished job's findings. Resolves with the outcome either way.
	 */
	protected async launch<O extends TaskOutcome>(
		work: (job: TaskJob<P>) => Promise<O>,
		done?: (outcome: Extract<O, { status: 'done' }>) => void
	): Promise<O> {
		this.supersede();
		const job = new Job<P>((progress) => (this.progress = progress));
		this.#current = job;
		this.status = 'running';
		this.error = null;
		this.progress = null;
		const outcome = await work(job);
		if (this.#current !== job) return outcome; // Superseded or cancelled: nothing to show.
		this.#current = null;
		const ended: TaskOutcome = outcome;
		switch (ended.status) {
			case 'done':
				done?.(outcome as Extract<O, { status: 'done' }>);
				this.status = 'done';
				break;
			case 'cancelled':
				this.status = 'cancelled';
				break;
			case 'error':
				this.error = ended.error;
				this.status = 'error';
				break;
			default:
				return ended satisfies never;
		}
		return outcome;
	}
}
