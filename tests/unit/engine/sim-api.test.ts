import { describe, expect, it } from 'vitest';
import { createSimApi } from '$lib/engine/sim-api';
import { CANCELLED_MESSAGE } from '$lib/engine/api';
import { defaultScenario, simulateRuns } from '$lib/sim';
import { valid } from './fake-runner';

const scenario = valid({ ...defaultScenario('Worker API'), runs: 20, horizonMonths: 24 });

describe('the worker API', () => {
	it('simulates a chunk exactly as the core does, through a structured clone', async () => {
		const api = createSimApi();
		const request = structuredClone({ scenario, start: 5, count: 3, jobId: 1 });
		const result = structuredClone(await api.runChunk(request));
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.value).toEqual(simulateRuns(scenario, 5, 3));
	});

	it("keeps a job's scenario for its later chunks, and refuses a job it was never sent", async () => {
		const api = createSimApi();
		const first = await api.runChunk(structuredClone({ scenario, start: 0, count: 2, jobId: 3 }));
		expect(first.ok).toBe(true);
		const later = await api.runChunk({ start: 2, count: 3, jobId: 3 });
		expect(later).toEqual({ ok: true, value: simulateRuns(scenario, 2, 3) });
		const unknown = await api.runChunk({ start: 0, count: 1, jobId: 4 });
		expect(unknown.ok).toBe(false);
		if (!unknown.ok) expect(unknown.error).toMatch(/not sent the scenario/);
	});

	it('refuses runs outside the scenario and malformed requests', async () => {
		const api = createSimApi();
		const outside = await api.runChunk({ scenario, start: 19, count: 2, jobId: 1 });
		expect(outside.ok).toBe(false);
		if (!outside.ok) expect(outside.error).toMatch(/outside the scenario's 20 runs/);
		const empty = await api.runChunk(null as never);
		expect(empty.ok).toBe(false);
	});

	it('stops a cancelled job between runs and refuses its later chunks', async () => {
		const api = createSimApi({ progressIntervalMs: 0 });
		let calls = 0;
		const stopped = await api.runChunk({ scenario, start: 0, count: 10, jobId: 7 }, () => {
			calls++;
			void api.cancel(7);
		});
		expect(stopped).toEqual({ ok: false, error: CANCELLED_MESSAGE });
		expect(calls).toBe(1);
		const later = await api.runChunk({ scenario, start: 10, count: 2, jobId: 7 });
		expect(later).toEqual({ ok: false, error: CANCELLED_MESSAGE });
		const other = await api.runChunk({ scenario, start: 10, count: 2, jobId: 8 });
		expect(other.ok).toBe(true);
	});
});
