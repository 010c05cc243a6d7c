/**
 * The page the browser benchmark drives: the app's own worker pool, built by Vite as the
 * app builds it, exposed to the benchmark script as `window.slowTrustBench`.
 */
import { checkScenario, SimPool } from '$lib/engine/pool';
import { createWorkerRunner } from '$lib/engine/worker-runner';
import { presetById, DEMO_PRESET_ID, type Scenario, type ValidScenario } from '$lib/sim';
import {
	cellScenario,
	DEFAULT_SWEEP_X,
	DEFAULT_SWEEP_Y,
	refinementOrder,
	sweepAxis
} from '$lib/analysis/sweep';
import { runBatch } from '$lib/engine/batch';
import { createComparePool } from '$lib/engine/compare-pool';

export interface PoolTiming {
	/** Wall time of each measured job, in milliseconds. */
	jobsMs: number[];
	/** Time from start to the preview summary of the last job, if one was asked for. */
	previewMs: number | null;
}

export interface BenchApi {
	/** Runs the demo preset `repeats` times (after one warm-up job) on a pool of `size` workers. */
	timePool(size: number, runs: number, repeats: number, previewRuns: number): Promise<PoolTiming>;
	/**
	 * Times a sweep of the demo preset over the default levers (contract length across,
	 * power sharing up), `size` x `size` cells at `runs` futures each, on the pool the
	 * compare pages use, in their coarse-to-fine order. Milliseconds.
	 */
	timeSweep(size: number, runs: number): Promise<number>;
	cores: number;
}

function demo(runs: number): ValidScenario {
	const preset = presetById(DEMO_PRESET_ID);
	if (!preset) throw new Error(`no preset ${DEMO_PRESET_ID}`);
	return valid({ ...structuredClone(preset.scenario), runs });
}

/** A scenario as the pool takes it. */
function valid(scenario: Scenario): ValidScenario {
	const checked = checkScenario(scenario);
	if (!checked.ok) throw new Error(checked.error);
	return checked.value;
}

async function timePool(
	size: number,
	runs: number,
	repeats: number,
	previewRuns: number
): Promise<PoolTiming> {
	const pool = new SimPool({ createRunner: createWorkerRunner, size });
	try {
		// Warm-up: workers load, the model's code is compiled, chunk sizes are learned.
		const warm = await pool.run(demo(Math.min(runs, 200))).result;
		if (warm.status !== 'done') throw new Error(`warm-up ended ${warm.status}`);
		const jobsMs: number[] = [];
		let previewMs: number | null = null;
		for (let i = 0; i < repeats; i++) {
			const scenario = valid({ ...demo(runs), seed: 1000 + i });
			const start = performance.now();
			const job = pool.run(scenario, {
				previewRuns,
				onPreview: () => {
					previewMs = performance.now() - start;
				}
			});
			const outcome = await job.result;
			if (outcome.status !== 'done') throw new Error(`job ended ${outcome.status}`);
			jobsMs.push(performance.now() - start);
		}
		return { jobsMs, previewMs };
	} finally {
		pool.terminate();
	}
}

async function timeSweep(size: number, runs: number): Promise<number> {
	const x = sweepAxis(DEFAULT_SWEEP_X, size);
	const y = sweepAxis(DEFAULT_SWEEP_Y, size);
	if (!x.ok || !y.ok) throw new Error('unknown sweep levers');
	const base = demo(runs);
	const cells = refinementOrder(x.value.values.length, y.value.values.length);
	const scenarios = cells.map((cell) => valid(cellScenario(base, x.value, y.value, cell)));
	const pool = createComparePool();
	try {
		const warm = await pool.run(demo(100)).result;
		if (warm.status !== 'done') throw new Error(`warm-up ended ${warm.status}`);
		const start = performance.now();
		const outcome = await runBatch(pool, scenarios).result;
		if (outcome.status !== 'done') throw new Error(`sweep ended ${outcome.status}`);
		return performance.now() - start;
	} finally {
		pool.terminate();
	}
}

const api: BenchApi = { timePool, timeSweep, cores: navigator.hardwareConcurrency };
(window as unknown as { slowTrustBench: BenchApi }).slowTrustBench = api;
document.body.dataset.ready = 'true';
