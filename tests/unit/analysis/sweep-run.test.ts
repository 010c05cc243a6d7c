import { describe, expect, it } from 'vitest';
import { axisValues, refinementOrder } from '$lib/analysis';
import { SweepRun } from '$lib/features/compare/sweep.svelte';
import { SimPool } from '$lib/engine/pool';
import { paramSpec, presetById, setParam, type ParamSpec, type Scenario } from '$lib/sim';
import { fakeRunners } from '../engine/fake-runner';

function spec(path: string): ParamSpec {
	const s = paramSpec(path);
	if (!s) throw new Error(path);
	return s;
}

function base(): Scenario {
	const p = presetById('towards');
	if (!p) throw new Error('preset');
	return setParam(p.scenario, 'horizonMonths', 24);
}

describe('a sweep on the pool', () => {
	it('fills every cell, coarse level first, and reports levels as they complete', async () => {
		const pool = new SimPool({ createRunner: fakeRunners().factory, size: 2 });
		const sweep = new SweepRun(() => pool);
		const x = { path: 'partners.count', values: axisValues(spec('partners.count'), 5) };
		const y = { path: 'power.sharing', values: axisValues(spec('power.sharing'), 3) };
		const levels: number[] = [];
		const filled: number[] = [];
		const watch = setInterval(() => {
			levels.push(sweep.levelsDone);
			filled.push(sweep.cells.filter((c) => c).length);
		}, 1);
		await sweep.run(base(), x, y, 10);
		clearInterval(watch);
		expect(sweep.status).toBe('done');
		expect(sweep.cells).toHaveLength(15);
		expect(sweep.cells.every((c) => c !== null)).toBe(true);
		const last = refinementOrder(5, 3).at(-1)?.level ?? -1;
		expect(sweep.levelsDone).toBe(last);
		for (let k = 1; k < levels.length; k++) expect(levels[k]).toBeGreaterThanOrEqual(levels[k - 1]);
		for (const c of sweep.cells) {
			expect(c?.reachesCodesigning.count).toBe(10);
			expect(c?.trustAboveThreshold.p).toBeGreaterThanOrEqual(0);
		}
		// Every cell not yet run borrows a run neighbour; once all have run each stands for itself.
		expect(Array.from(sweep.display())).toEqual(Array.from({ length: 15 }, (_, k) => k));
		pool.terminate();
	});

	it('stops when cancelled and keeps the cells already run', async () => {
		const pool = new SimPool({ createRunner: fakeRunners({ maxDelayMs: 2 }).factory, size: 1 });
		const sweep = new SweepRun(() => pool);
		const x = {
			path: 'contract.lengthMonths',
			values: axisValues(spec('contract.lengthMonths'), 6)
		};
		const y = { path: 'power.sharing', values: axisValues(spec('power.sharing'), 6) };
		const done = sweep.run(base(), x, y, 10);
		await new Promise((r) => setTimeout(r, 30));
		sweep.cancel();
		await done;
		expect(sweep.status).toBe('cancelled');
		const kept = sweep.cells.filter((c) => c).length;
		expect(kept).toBeLessThan(36);
		await new Promise((r) => setTimeout(r, 50));
		expect(sweep.cells.filter((c) => c).length).toBe(kept);
		pool.terminate();
	});
});
