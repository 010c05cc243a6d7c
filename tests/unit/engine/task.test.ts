import { describe, expect, it } from 'vitest';
import { Task, timeLeft, type TaskJob, type TaskOutcome } from '$lib/engine/task.svelte';

interface P {
	remainingMs: number | null;
	done: number;
}

type Outcome = TaskOutcome | { status: 'done'; value: string };

/** A job the test ends by hand, and what the task did to it. */
interface Handle {
	job: TaskJob<P>;
	stops: number;
	end(outcome: Outcome): void;
	result: Promise<Outcome>;
}

class Probe extends Task<P> {
	value: string | null = null;

	start(): Handle {
		let end!: (o: Outcome) => void;
		const handle = { stops: 0 } as Handle;
		handle.result = this.launch<Outcome>(
			(job) => {
				handle.job = job;
				job.onStop(() => handle.stops++);
				return new Promise<Outcome>((r) => (end = r));
			},
			(done) => {
				if ('value' in done) this.value = done.value;
			}
		);
		handle.end = end;
		return handle;
	}
}

describe('the job lifecycle of a task', () => {
	it('is idle at first, running once started, and done with its findings applied', async () => {
		const t = new Probe();
		expect(t.status).toBe('idle');
		const h = t.start();
		expect(t.status).toBe('running');
		expect(t.progress).toBeNull();
		h.job.report({ remainingMs: 12_000, done: 3 });
		expect(t.progress).toEqual({ remainingMs: 12_000, done: 3 });
		expect(t.timeLeft).toBe('about 12 s left');
		h.end({ status: 'done', value: 'found' });
		expect(await h.result).toEqual({ status: 'done', value: 'found' });
		expect(t.status).toBe('done');
		expect(t.value).toBe('found');
		expect(h.stops).toBe(0);
	});

	it('shows an error with its message, and clears it at the next start', async () => {
		const t = new Probe();
		const h = t.start();
		h.end({ status: 'error', error: 'The workers could not start.' });
		await h.result;
		expect(t.status).toBe('error');
		expect(t.error).toBe('The workers could not start.');
		const next = t.start();
		expect(t.status).toBe('running');
		expect(t.error).toBeNull();
		next.end({ status: 'done' });
		await next.result;
		expect(t.status).toBe('done');
	});

	it('cancels once: stops the work, says cancelled, and ignores what the job says later', async () => {
		const t = new Probe();
		const h = t.start();
		t.cancel();
		expect(t.status).toBe('cancelled');
		expect(h.stops).toBe(1);
		expect(h.job.current).toBe(false);
		t.cancel(); // Idempotent.
		expect(h.stops).toBe(1);
		expect(t.status).toBe('cancelled');
		h.job.report({ remainingMs: 1, done: 9 });
		expect(t.progress).toBeNull();
		h.end({ status: 'done', value: 'late' });
		expect((await h.result).status).toBe('done'); // The caller still learns how it ended…
		expect(t.status).toBe('cancelled'); // …but the task does not show it.
		expect(t.value).toBeNull();
	});

	it('does nothing when cancelled with nothing running', async () => {
		const t = new Probe();
		t.cancel();
		expect(t.status).toBe('idle');
		const h = t.start();
		h.end({ status: 'done' });
		await h.result;
		t.cancel();
		expect(t.status).toBe('done');
	});

	it('lets a newer start supersede an older one, whatever order they end in', async () => {
		const t = new Probe();
		const a = t.start();
		const b = t.start();
		expect(a.stops).toBe(1);
		expect(a.job.current).toBe(false);
		expect(b.job.current).toBe(true);
		expect(t.status).toBe('running');
		a.job.report({ remainingMs: 5, done: 1 });
		expect(t.progress).toBeNull();
		a.end({ status: 'error', error: 'old' });
		await a.result;
		expect(t.status).toBe('running');
		expect(t.error).toBeNull();
		b.end({ status: 'done', value: 'new' });
		await b.result;
		expect(t.status).toBe('done');
		expect(t.value).toBe('new');
		expect(b.stops).toBe(0);
	});

	it('reports a cancelled outcome of the job itself as cancelled', async () => {
		const t = new Probe();
		const h = t.start();
		h.end({ status: 'cancelled' });
		await h.result;
		expect(t.status).toBe('cancelled');
		expect(h.stops).toBe(0);
	});

	it('says the time left in plain words', () => {
		expect(timeLeft(null)).toBe('estimating time left');
		expect(timeLeft(400)).toBe('about 1 s left');
		expect(timeLeft(65_000)).toBe('about 1 min 5 s left');
		expect(new Probe().timeLeft).toBe('estimating time left');
	});
});
