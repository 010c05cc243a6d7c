/**
 * The page the browser benchmark drives: the app's own worker pool, built by Vite as the
 * app builds it, exposed to the benchmark script as `window.slowTrustBench`.
 */
import { SimPool } from '$lib/engine/pool';
import { createWorkerRunner } from '$lib/engine/worker-runner';
import { presetById, DEMO_PRESET_ID, type Scenario } from '$lib/sim';

export interface PoolTiming {
	/** Wall time of each measured job, in milliseconds. */
	jobsMs: number[];
	/** Time from start to the preview summary of the last job, if one was asked for. */
	previewMs: number | null;
}

export interface BenchApi {
	/** Runs the demo preset `repeats` times (after one warm-up job) on a pool of `size` workers. */
	timePool(size: number, runs: number, repeats: number, previewRuns: number): Promise<PoolTiming>;
	cores: number;
}

function demo(runs: number): Scenario {
	const preset = presetById(DEMO_PRESET_ID);
	if (!preset) throw new Error(`no preset ${DEMO_PRESET_ID}`);
	return { ...structuredClone(preset.scenario), runs };
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
			const scenario = { ...demo(runs), seed: 1000 + i };
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

const api: BenchApi = { timePool, cores: navigator.hardwareConcurrency };
(window as unknown as { slowTrustBench: BenchApi }).slowTrustBench = api;
document.body.dataset.ready = 'true';
