import { afterEach, describe, expect, it, vi } from 'vitest';
import { SimEngine } from '$lib/engine/engine.svelte';
import { SimPool, type Progress } from '$lib/engine/pool';
import { defaultScenario, simulate } from '$lib/sim';
import { fakeRunners } from './fake-runner';

const scenario = { ...defaultScenario('Engine'), runs: 30, horizonMonths: 24, seed: 77 };

const engines: SimEngine[] = [];
function engine(runners = fakeRunners({ maxDelayMs: 3 })) {
	const e = new SimEngine({
		createPool: () => new SimPool({ createRunner: runners.factory, size: 2, targetChunkMs: 10 }),
		debounceMs: 20,
		previewRuns: 10
	});
	engines.push(e);
	return { e, runners };
}

afterEach(() => {
	vi.useRealTimers();
	for (const e of engines.splice(0)) e.dispose();
});

describe('the simulation engine', () => {
	it('runs a scenario and replaces its summary when done', async () => {
		const { e } = engine();
		expect(e.status).toBe('idle');
		const pending = e.run(scenario);
		expect(e.status).toBe('running');
		const outcome = await pending;
		expect(outcome.status).toBe('done');
		expect(e.status).toBe('done');
		expect(JSON.stringify(e.summary)).toBe(JSON.stringify(simulate(scenario)));
		expect(e.progress?.runsDone).toBe(30);
		expect(e.error).toBeNull();
	});

	it('debounces requests: only the last one runs, preview first, then the full result', async () => {
		const { e } = engine();
		const first = e.request({ ...scenario, seed: 1 });
		const second = e.request({ ...scenario, seed: 2 });
		const last = e.request(scenario);
		expect(await first).toEqual({ status: 'cancelled' });
		expect(await second).toEqual({ status: 'cancelled' });
		const statuses: string[] = [];
		const watch = setInterval(() => statuses.push(e.status), 1);
		const outcome = await last;
		clearInterval(watch);
		expect(outcome.status).toBe('done');
		expect(e.summary?.receipt.seed).toBe(77);
		expect(e.summary?.receipt.runs).toBe(30);
		expect(statuses).not.toContain('cancelled');
		expect(e.status).toBe('done');
	});

	it('starts a single request at once, and waits for quiet only when requests come quickly', async () => {
		let clock = 1000;
		const runners = fakeRunners({ maxDelayMs: 3 });
		const e = new SimEngine({
			createPool: () => new SimPool({ createRunner: runners.factory, size: 2, targetChunkMs: 10 }),
			debounceMs: 20,
			previewRuns: 10,
			now: () => clock
		});
		engines.push(e);
		const first = e.request({ ...scenario, seed: 1 });
		expect(e.status).toBe('running');
		expect(runners.calls()).toBeGreaterThan(0);
		const calls = runners.calls();
		clock += 5; // A second change 5 ms later: a slider being dragged.
		const second = e.request(scenario);
		expect(await first).toEqual({ status: 'cancelled' });
		expect(runners.calls()).toBe(calls);
		const outcome = await second;
		expect(outcome.status).toBe('done');
		expect(e.summary?.receipt.seed).toBe(77);
		// Long after the last change, the next one starts at once again.
		clock += 1000;
		const third = e.request({ ...scenario, seed: 3 });
		expect(runners.calls()).toBeGreaterThan(calls);
		expect((await third).status).toBe('done');
	});

	it('shows progress at most every progressMs, and always the latest report in the end', async () => {
		vi.useFakeTimers();
		const now = () => Date.now();
		const runners = fakeRunners({ maxDelayMs: 4, seed: 5 });
		const reports: Progress[] = [];
		const e = new SimEngine({
			createPool: () =>
				new SimPool({
					createRunner: runners.factory,
					size: 2,
					targetChunkMs: 1,
					maxChunkRuns: 1,
					now
				}),
			progressMs: 50,
			now
		});
		engines.push(e);
		// Each finished chunk reports progress: many reports, a few milliseconds apart.
		const job = e.run({ ...scenario, runs: 60 });
		// The first report (0 runs done) is shown at once.
		expect(e.progress?.runsDone).toBe(0);
		let last: Progress | null = e.progress;
		const shown: { at: number; progress: Progress | null }[] = [{ at: now(), progress: last }];
		let outcome: Awaited<typeof job> | null = null;
		void job.then((o) => (outcome = o));
		while (outcome === null) {
			await vi.advanceTimersByTimeAsync(1);
			if (e.progress !== last) {
				last = e.progress;
				shown.push({ at: now(), progress: last });
				if (last) reports.push(last);
			}
		}
		expect(outcome).toMatchObject({ status: 'done' });
		expect(e.progress?.runsDone).toBe(60);
		expect(runners.calls()).toBe(60);
		// Fewer updates than finished chunks, none sooner than 50 ms after the one before,
		// except the final one, which is shown at once.
		expect(shown.length).toBeLessThan(30);
		for (let i = 1; i < shown.length - 1; i++)
			expect(shown[i].at - shown[i - 1].at).toBeGreaterThanOrEqual(50);
		for (let i = 1; i < reports.length; i++)
			expect(reports[i].runsDone).toBeGreaterThanOrEqual(reports[i - 1].runsDone);
	});

	it('shows where a cancelled job had got to, even if that report was still held back', async () => {
		vi.useFakeTimers();
		const now = () => Date.now();
		const runners = fakeRunners({ maxDelayMs: 4, seed: 8 });
		const e = new SimEngine({
			createPool: () =>
				new SimPool({ createRunner: runners.factory, size: 1, maxChunkRuns: 1, now }),
			progressMs: 10_000,
			now
		});
		engines.push(e);
		const job = e.run({ ...scenario, runs: 60 });
		expect(e.progress?.runsDone).toBe(0);
		while (runners.calls() < 5) await vi.advanceTimersByTimeAsync(1);
		expect(e.progress?.runsDone).toBe(0); // Held back: the first report was just shown.
		e.cancel();
		expect(await job).toEqual({ status: 'cancelled' });
		expect(e.status).toBe('cancelled');
		expect(e.progress?.runsDone).toBeGreaterThanOrEqual(3);
	});

	it('cancels a running job, keeping the previous summary', async () => {
		const { e } = engine();
		await e.run(scenario);
		const before = e.summary;
		const pending = e.run({ ...scenario, seed: 5 });
		e.cancel();
		expect(await pending).toEqual({ status: 'cancelled' });
		expect(e.status).toBe('cancelled');
		expect(e.summary).toBe(before);
	});

	it('shows the validation message for an invalid scenario', async () => {
		const { e } = engine();
		await e.run({ ...scenario, runs: 0 });
		expect(e.status).toBe('error');
		expect(e.error).toMatch(/runs|futures/i);
	});

	it('can start its workers before the first run', async () => {
		const { e, runners } = engine();
		e.prepare();
		expect(runners.created.length).toBe(2);
		expect(runners.calls()).toBe(0);
		expect(e.status).toBe('idle');
		expect((await e.run(scenario)).status).toBe('done');
		expect(runners.created.length).toBe(2);
	});

	it('warms its workers up on a scenario without showing anything, and gives way to a real job', async () => {
		const { e, runners } = engine();
		e.prepare(scenario);
		expect(runners.calls()).toBeGreaterThan(0);
		await new Promise((r) => setTimeout(r, 200));
		expect(e.status).toBe('idle');
		expect(e.summary).toBeNull();
		expect(e.progress).toBeNull();
		// A job started while warming up cancels the warm-up and runs at once.
		e.prepare(scenario);
		const outcome = await e.run({ ...scenario, seed: 4 });
		expect(outcome.status).toBe('done');
		expect(e.summary?.receipt.seed).toBe(4);
		expect(e.summary?.receipt.runs).toBe(30);
	});

	it('stops its workers when disposed', async () => {
		const { e, runners } = engine();
		await e.run(scenario);
		e.dispose();
		expect(runners.created.length).toBeGreaterThan(0);
		expect(runners.created.every((r) => r.terminated)).toBe(true);
		expect((await e.run(scenario)).status).toBe('error');
	});
});
