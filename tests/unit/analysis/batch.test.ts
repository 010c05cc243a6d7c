import { describe, expect, it } from 'vitest';
import { runBatch, type BatchProgress } from '$lib/engine/batch';
import { SimPool } from '$lib/engine/pool';
import { presetById, setParam, type Summary, type ValidScenario } from '$lib/sim';
import { fakeRunners, valid } from '../engine/fake-runner';

function small(id: string, runs: number): ValidScenario {
	const p = presetById(id);
	if (!p) throw new Error(id);
	return valid(setParam(setParam(p.scenario, 'runs', runs), 'horizonMonths', 24));
}

describe('a batch of scenarios on one pool', () => {
	it('runs every scenario, reports each result with its index and progress in futures', async () => {
		const pool = new SimPool({ createRunner: fakeRunners({ maxDelayMs: 3 }).factory, size: 2 });
		const scenarios = [small('typical', 12), small('courage', 10), small('churn', 10)];
		const results: [number, Summary][] = [];
		const progress: BatchProgress[] = [];
		const handle = runBatch(pool, scenarios, {
			concurrency: 2,
			onResult: (i, s) => results.push([i, s]),
			onProgress: (p) => progress.push(p)
		});
		expect(await handle.result).toEqual({ status: 'done' });
		expect(results.map(([i]) => i).sort()).toEqual([0, 1, 2]);
		for (const [i, s] of results) expect(s.receipt.runs).toBe(scenarios[i].runs);
		const last = progress[progress.length - 1];
		expect(last.runsDone).toBe(32);
		expect(last.runsTotal).toBe(32);
		expect(last.jobsDone).toBe(3);
		for (let k = 1; k < progress.length; k++)
			expect(progress[k].runsDone).toBeGreaterThanOrEqual(progress[k - 1].runsDone);
		pool.terminate();
	});

	it('stops on cancel and reports no further results', async () => {
		const pool = new SimPool({ createRunner: fakeRunners({ maxDelayMs: 5 }).factory, size: 1 });
		const scenarios = Array.from({ length: 6 }, () => small('typical', 20));
		let results = 0;
		const handle = runBatch(pool, scenarios, {
			concurrency: 1,
			onResult: () => {
				results++;
				if (results === 1) handle.cancel();
			}
		});
		expect(await handle.result).toEqual({ status: 'cancelled' });
		await new Promise((r) => setTimeout(r, 50));
		expect(results).toBe(1);
		pool.terminate();
	});

	it('ends with the error of a job that fails', async () => {
		const runners = fakeRunners({ crash: (n) => n === 3 });
		const pool = new SimPool({ createRunner: runners.factory, size: 1, maxChunkRuns: 5 });
		const r = await runBatch(pool, [small('typical', 10), small('courage', 10)], {
			concurrency: 1
		}).result;
		expect(r.status).toBe('error');
		if (r.status === 'error') expect(r.error).toMatch(/stopped unexpectedly/);
		pool.terminate();
	});
});
