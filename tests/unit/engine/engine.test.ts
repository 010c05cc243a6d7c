import { afterEach, describe, expect, it } from 'vitest';
import { SimEngine } from '$lib/engine/engine.svelte';
import { SimPool } from '$lib/engine/pool';
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

	it('stops its workers when disposed', async () => {
		const { e, runners } = engine();
		await e.run(scenario);
		e.dispose();
		expect(runners.created.length).toBeGreaterThan(0);
		expect(runners.created.every((r) => r.terminated)).toBe(true);
		expect((await e.run(scenario)).status).toBe('error');
	});
});
