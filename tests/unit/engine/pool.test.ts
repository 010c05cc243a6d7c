import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkScenario, SimPool, type Progress } from '$lib/engine/pool';
import {
	defaultScenario,
	describeIssues,
	finalizeSummary,
	simulate,
	simulateRuns,
	validateScenario,
	type Summary
} from '$lib/sim';
import { fakeRunners, valid } from './fake-runner';

const scenario = valid({ ...defaultScenario('Pool'), runs: 40, horizonMonths: 24, seed: 12345 });
let reference: string | null = null;
/** The summary of the whole scenario simulated directly in this thread. */
function direct(): string {
	reference ??= JSON.stringify(simulate(scenario));
	return reference;
}

const pools: SimPool[] = [];
function pool(
	size: number,
	runners = fakeRunners(),
	extra: Partial<ConstructorParameters<typeof SimPool>[0]> = {}
) {
	const p = new SimPool({ createRunner: runners.factory, size, targetChunkMs: 10, ...extra });
	pools.push(p);
	return p;
}

afterEach(() => {
	vi.useRealTimers();
	for (const p of pools.splice(0)) p.terminate();
});

describe('the worker pool', () => {
	it.each([1, 2, 4])(
		'gives a summary byte-identical to a direct simulation with %i runner(s), chunks finishing out of order',
		async (size) => {
			const runners = fakeRunners({ maxDelayMs: 15, seed: size });
			const progress: Progress[] = [];
			const job = pool(size, runners).run(scenario, { onProgress: (p) => progress.push(p) });
			const outcome = await job.result;
			expect(outcome.status).toBe('done');
			if (outcome.status !== 'done') return;
			expect(JSON.stringify(outcome.summary)).toBe(direct());
			expect(runners.calls()).toBeGreaterThan(1);
			expect(runners.created.length).toBe(size);
			// Progress never goes backwards and ends complete.
			for (let i = 1; i < progress.length; i++) {
				expect(progress[i].runsDone).toBeGreaterThanOrEqual(progress[i - 1].runsDone);
				expect(progress[i].elapsedMs).toBeGreaterThanOrEqual(progress[i - 1].elapsedMs);
				expect(progress[i].runsTotal).toBe(40);
			}
			expect(progress[0].runsDone).toBe(0);
			expect(progress.at(-1)?.runsDone).toBe(40);
			expect(outcome.progress.remainingMs).toBe(0);
		}
	);

	it.each([1, 3])(
		'gives the same uncertain-assumption futures as a direct simulation with %i runner(s)',
		async (size) => {
			const uncertain = valid({
				...defaultScenario('Pool'),
				runs: 40,
				horizonMonths: 24,
				seed: 777,
				assumptions: { mode: 'uncertain', pins: { 'trust.asymmetry': 4 } }
			});
			const outcome = await pool(size, fakeRunners({ maxDelayMs: 10, seed: size })).run(uncertain)
				.result;
			expect(outcome.status).toBe('done');
			if (outcome.status !== 'done') return;
			expect(JSON.stringify(outcome.summary)).toBe(JSON.stringify(simulate(uncertain)));
			expect(outcome.summary.receipt.assumptions).toEqual({ mode: 'uncertain', pinned: 1 });
		}
	);

	it('shows a preview of the first runs, then a final result that includes them', async () => {
		const runners = fakeRunners({ maxDelayMs: 5, seed: 9 });
		const order: string[] = [];
		let preview: Summary | null = null;
		const job = pool(3, runners).run(scenario, {
			previewRuns: 10,
			onPreview: (summary, progress) => {
				order.push('preview');
				preview = summary;
				expect(progress.runsDone).toBeGreaterThanOrEqual(10);
			}
		});
		const outcome = await job.result;
		order.push(outcome.status);
		expect(order).toEqual(['preview', 'done']);
		const first = finalizeSummary(scenario, simulateRuns(scenario, 0, 10));
		expect(first.ok).toBe(true);
		if (!first.ok || outcome.status !== 'done') return;
		expect(JSON.stringify(preview)).toBe(JSON.stringify(first.value));
		expect(JSON.stringify(outcome.summary)).toBe(direct());
		// No wasted work: exactly the scenario's runs were simulated.
		expect(outcome.summary.receipt.runs).toBe(40);
	});

	it('shares the preview out evenly between the runners', async () => {
		const runners = fakeRunners();
		// A long aimed-for chunk: without the even share, one runner would take the whole preview.
		const p = pool(2, runners, { targetChunkMs: 10_000 });
		expect((await p.run(scenario).result).status).toBe('done'); // Learns the time per run.
		const before = runners.chunks.length;
		let previewed = false;
		const outcome = await p.run(scenario, { previewRuns: 11, onPreview: () => (previewed = true) })
			.result;
		expect(outcome.status).toBe('done');
		expect(previewed).toBe(true);
		const chunks = runners.chunks.slice(before);
		expect(chunks.slice(0, 2)).toEqual([
			{ start: 0, count: 6 },
			{ start: 6, count: 5 }
		]);
		// After the preview, chunks are sized by time again.
		expect(chunks[2]).toEqual({ start: 11, count: 29 });
		if (outcome.status === 'done') expect(JSON.stringify(outcome.summary)).toBe(direct());
	});

	it("sizes the first chunks of a job by the last job's time per member-month", async () => {
		// A clock that moves only as runners work: one unit per member-month simulated.
		let clock = 0;
		const runners = fakeRunners();
		const factory = () => {
			const r = runners.factory();
			return {
				...r,
				runChunk: async (...args: Parameters<typeof r.runChunk>) => {
					const result = await r.runChunk(...args);
					const [request] = args;
					const s = request.scenario ?? sent;
					const agents = s.community.segments.reduce(
						(a, g) => a + g.size / s.community.peoplePerAgent,
						0
					);
					clock += request.count * s.horizonMonths * Math.ceil(agents);
					return result;
				},
				terminate: () => r.terminate()
			};
		};
		let sent = scenario;
		const agents = Math.ceil(
			scenario.community.segments.reduce(
				(a, g) => a + g.size / scenario.community.peoplePerAgent,
				0
			)
		);
		// Chunks aimed at three runs of 120 months (thirty of 12 months).
		const p = pool(
			1,
			{ ...runners, factory },
			{ now: () => clock, targetChunkMs: 3 * 120 * agents }
		);
		// A short warm-up: 12 months.
		sent = valid({ ...scenario, horizonMonths: 12, runs: 10 });
		expect((await p.run(sent).result).status).toBe('done');
		// Ten times longer runs: the first chunk is sized for them, not for the warm-up's.
		sent = valid({ ...scenario, horizonMonths: 120, runs: 12 });
		const before = runners.chunks.length;
		expect((await p.run(sent).result).status).toBe('done');
		expect(runners.chunks[before]).toEqual({ start: 0, count: 3 });
	});

	it('leaves one runner free for a while after a preview, then uses them all again', async () => {
		const runners = fakeRunners({ maxDelayMs: 2, seed: 4 });
		let inFlight = 0;
		let most = 0;
		const counted = () => {
			const runner = runners.factory();
			return {
				...runner,
				async runChunk(...args: Parameters<typeof runner.runChunk>) {
					most = Math.max(most, ++inFlight);
					try {
						return await runner.runChunk(...args);
					} finally {
						inFlight--;
					}
				}
			};
		};
		// Chunks of at most 10 runs, so the second job needs both runners however fast runs are.
		const p = new SimPool({
			createRunner: counted,
			size: 2,
			quietAfterPreviewMs: 60_000,
			maxChunkRuns: 10
		});
		pools.push(p);
		const job = p.run(scenario, {
			previewRuns: 10,
			// From here on, count only the chunks in flight after the preview.
			onPreview: () => (most = inFlight)
		});
		const outcome = await job.result;
		expect(outcome.status).toBe('done');
		if (outcome.status === 'done') expect(JSON.stringify(outcome.summary)).toBe(direct());
		expect(most).toBe(1);
		// A new job does not wait for the quiet time to end.
		const next = p.run(valid({ ...scenario, seed: 1 }));
		expect(inFlight).toBe(2);
		expect((await next.result).status).toBe('done');
	});

	it('takes a validated scenario as it is and checks any other, before a job starts', () => {
		const same = checkScenario(scenario);
		expect(same.ok && same.value === scenario).toBe(true);
		const copy = checkScenario({ ...scenario, seed: 2 });
		expect(copy.ok).toBe(true);
		const bad = { ...scenario, horizonMonths: 3 };
		const issues = validateScenario(bad);
		if (issues.ok) throw new Error('expected an invalid scenario');
		expect(checkScenario(bad)).toEqual({ ok: false, error: describeIssues(issues.error) });
	});

	it('sends a runner the scenario with its first chunk of a job only', async () => {
		const runners = fakeRunners();
		const p = pool(2, runners, { maxChunkRuns: 5 });
		expect((await p.run(scenario).result).status).toBe('done');
		const withScenario = runners.withScenario();
		expect(runners.chunks.length).toBeGreaterThanOrEqual(8);
		expect(withScenario).toBeGreaterThanOrEqual(1);
		expect(withScenario).toBeLessThanOrEqual(2);
	});

	it('cancels mid-job without reporting a result, and the next job completes', async () => {
		const p = pool(2, fakeRunners({ maxDelayMs: 5, seed: 3 }));
		let previews = 0;
		let cancelledAt = -1;
		const first = p.run(scenario, {
			previewRuns: 30,
			onPreview: () => previews++,
			onProgress: (progress) => {
				if (progress.runsDone > 0 && cancelledAt < 0) {
					cancelledAt = progress.runsDone;
					first.cancel();
				}
			}
		});
		expect(await first.result).toEqual({ status: 'cancelled' });
		expect(cancelledAt).toBeGreaterThan(0);
		expect(cancelledAt).toBeLessThan(40);
		expect(previews).toBe(0);
		const second = await p.run(scenario).result;
		expect(second.status).toBe('done');
		if (second.status === 'done') expect(JSON.stringify(second.summary)).toBe(direct());
	});

	it('replaces a crashed runner, reports a clear error, and the next job works', async () => {
		const runners = fakeRunners({ crash: (n) => n === 2 });
		const p = pool(2, runners);
		const outcome = await p.run(scenario).result;
		expect(outcome.status).toBe('error');
		if (outcome.status === 'error')
			expect(outcome.error).toMatch(/simulation worker stopped unexpectedly \(worker crashed\)/);
		expect(runners.created.length).toBe(3);
		expect(runners.created.filter((r) => r.terminated).length).toBe(1);
		const next = await p.run(scenario).result;
		expect(next.status).toBe('done');
		if (next.status === 'done') expect(JSON.stringify(next.summary)).toBe(direct());
	});

	it('ends every job with an error when no runner can be started', async () => {
		const p = new SimPool({
			createRunner: () => {
				throw new Error('no workers here');
			},
			size: 2
		});
		pools.push(p);
		const outcome = await p.run(scenario).result;
		expect(outcome.status).toBe('error');
		if (outcome.status === 'error') expect(outcome.error).toMatch(/could not be started/);
	});

	it('replaces a hung runner and runs its chunk again: the job finishes with the same result', async () => {
		vi.useFakeTimers();
		const runners = fakeRunners({ hang: (n) => n === 2 });
		const p = pool(2, runners, { now: () => Date.now(), stallMinMs: 2000 });
		const job = p.run(scenario);
		await vi.advanceTimersByTimeAsync(1500);
		expect(runners.created.every((r) => !r.terminated)).toBe(true);
		await vi.advanceTimersByTimeAsync(1000);
		expect(runners.created.filter((r) => r.terminated)).toHaveLength(1);
		vi.useRealTimers();
		const outcome = await job.result;
		expect(outcome.status).toBe('done');
		if (outcome.status === 'done') expect(JSON.stringify(outcome.summary)).toBe(direct());
		// The hung chunk's runs were asked for again.
		const hung = runners.chunks[1];
		expect(runners.chunks.slice(2)).toContainEqual(hung);
	});

	it('fails a job that keeps hanging its runners, with a plain message', async () => {
		vi.useFakeTimers();
		const runners = fakeRunners({ hang: () => true });
		const p = pool(1, runners, { now: () => Date.now(), stallMinMs: 1000 });
		const job = p.run(scenario);
		await vi.advanceTimersByTimeAsync(5000);
		const outcome = await job.result;
		vi.useRealTimers();
		expect(outcome.status).toBe('error');
		if (outcome.status === 'error') expect(outcome.error).toMatch(/stopped responding/);
		expect(runners.created.filter((r) => r.terminated).length).toBeGreaterThanOrEqual(3);
	});

	it('reports progress every 100 ms while a chunk runs, and replaces a runner that overruns a cancel', async () => {
		vi.useFakeTimers();
		const runners = fakeRunners({ hang: (n) => n === 1 });
		const p = pool(1, runners, { now: () => Date.now() });
		const progress: Progress[] = [];
		const job = p.run(scenario, { onProgress: (e) => progress.push(e) });
		await vi.advanceTimersByTimeAsync(1000);
		expect(progress.length).toBeGreaterThanOrEqual(10);
		for (let i = 1; i < progress.length; i++)
			expect(progress[i].elapsedMs - progress[i - 1].elapsedMs).toBeLessThanOrEqual(100);
		expect(progress.every((e) => e.runsDone === 0 && e.remainingMs === null)).toBe(true);

		job.cancel();
		expect(await job.result).toEqual({ status: 'cancelled' });
		const count = progress.length;
		expect(runners.created[0].terminated).toBe(false);
		await vi.advanceTimersByTimeAsync(100);
		expect(runners.created[0].terminated).toBe(true);
		expect(runners.created.length).toBe(2);
		expect(progress.length).toBe(count);

		vi.useRealTimers();
		const next = await p.run(scenario).result;
		expect(next.status).toBe('done');
	});

	it('after terminate, refuses new jobs with a message', async () => {
		const p = pool(1);
		p.terminate();
		const outcome = await p.run(scenario).result;
		expect(outcome).toEqual({
			status: 'error',
			error: 'The simulation engine has been shut down.'
		});
	});
});
