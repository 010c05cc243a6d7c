import { afterEach, describe, expect, it } from 'vitest';
import { paramsIn } from '$lib/analysis';
import { SimEngine } from '$lib/engine/engine.svelte';
import { SimPool } from '$lib/engine/pool';
import { Task } from '$lib/engine/task.svelte';
import { ComparisonRun } from '$lib/engine/comparison.svelte';
import { GoalSeekRun } from '$lib/features/compare/goal.svelte';
import { SensitivityRun } from '$lib/features/compare/sensitivity.svelte';
import { SweepRun } from '$lib/features/compare/sweep.svelte';
import { presetById, setParam, type Scenario } from '$lib/sim';
import { fakeRunners } from '../../engine/fake-runner';

function small(id: string): Scenario {
	const p = presetById(id);
	if (!p) throw new Error(id);
	return setParam(p.scenario, 'horizonMonths', 24);
}

const pools: SimPool[] = [];
function pool(maxDelayMs = 0): () => SimPool {
	const p = new SimPool({ createRunner: fakeRunners({ maxDelayMs }).factory, size: 2 });
	pools.push(p);
	return () => p;
}

afterEach(() => {
	for (const p of pools.splice(0)) p.terminate();
});

describe('the runs of the comparison pages and the engine share one lifecycle', () => {
	it('are all tasks', () => {
		const get = pool();
		for (const run of [
			new ComparisonRun(get),
			new SweepRun(get),
			new SensitivityRun(get),
			new GoalSeekRun(get),
			new SimEngine({ createPool: get })
		]) {
			expect(run).toBeInstanceOf(Task);
			expect(run.status).toBe('idle');
		}
	});

	it('a comparison runs to done with its summaries, and a newer run supersedes it', async () => {
		const run = new ComparisonRun(pool(2));
		const scenarios = [small('typical'), small('towards')];
		const first = run.run(scenarios, 1, 10);
		expect(run.status).toBe('running');
		const second = run.run(scenarios, 2, 12);
		await first;
		expect(run.status).toBe('running'); // The older run ended without a say.
		await second;
		expect(run.status).toBe('done');
		expect(run.summaries?.map((s) => s.receipt.seed)).toEqual([2, 2]);
		expect(run.progress?.runsDone).toBe(24);
	});

	it('a large comparison shows a first look of 50 futures each before the full result', async () => {
		const run = new ComparisonRun(pool(1));
		const scenarios = [small('typical'), small('towards')].map((s) =>
			setParam(setParam(s, 'horizonMonths', 12), 'community.peoplePerAgent', 50)
		);
		const done = run.run(scenarios, 3, 300, 'uncertain');
		await expect
			.poll(() => run.firstLook?.summaries.map((x) => x.receipt.runs), { timeout: 20_000 })
			.toEqual([50, 50]);
		expect(run.summaries).toBeNull();
		expect(run.firstLook?.scenarios[0].assumptions?.mode).toBe('uncertain');
		await done;
		expect(run.status).toBe('done');
		expect(run.summaries?.map((x) => x.receipt.runs)).toEqual([300, 300]);
		// A small comparison has none.
		await run.run(scenarios, 3, 150);
		expect(run.firstLook).toBeNull();
	});

	it('a sensitivity analysis cancels once and keeps what it had', async () => {
		const run = new SensitivityRun(pool(3));
		const levers = paramsIn(['Contract']).slice(0, 2);
		const pending = run.run(small('typical'), levers, 10);
		run.cancel();
		run.cancel();
		await pending;
		expect(run.status).toBe('cancelled');
		expect(run.design?.jobs.length).toBe(levers.length * 2 + 1);
	});

	it('a sweep fills its cells and ends done', async () => {
		const run = new SweepRun(pool());
		await run.run(
			small('towards'),
			{ path: 'contract.lengthMonths', values: [24, 60] },
			{ path: 'power.sharing', values: [0.2, 0.8] },
			10
		);
		expect(run.status).toBe('done');
		expect(run.cells.every((c) => c !== null)).toBe(true);
		expect(run.levelsDone).toBeGreaterThanOrEqual(0);
	});

	it('an invalid scenario ends a run with the problem in words, not a crash', async () => {
		const run = new ComparisonRun(pool());
		await run.run([small('typical'), setParam(small('towards'), 'power.sharing', 3)], 1, 10);
		expect(run.status).toBe('error');
		expect(run.error).toMatch(/power\.sharing/);
	});

	it('goal seeking ends done with a result, or cancelled when cancelled', async () => {
		const get = pool();
		const setup = {
			base: setParam(small('towards'), 'runs', 10),
			path: 'contract.lengthMonths',
			values: [24, 60, 120],
			target: 0.01,
			probability: 'trustAboveThreshold' as const,
			runSchedule: [10]
		};
		const run = new GoalSeekRun(get);
		await run.run(setup);
		expect(run.status).toBe('done');
		expect(run.result?.kind === 'found' || run.result?.kind === 'none').toBe(true);
		expect(run.trying).toBeNull();

		const stopped = new GoalSeekRun(get);
		const pending = stopped.run(setup);
		stopped.cancel();
		await pending;
		expect(stopped.status).toBe('cancelled');
		expect(stopped.trying).toBeNull();
		expect(stopped.result).toBeNull();
	});
});
