/**
 * The worker pool in Node: the app's SimPool (src/lib/engine/pool.ts) with worker threads,
 * timing the full 1,000-run result of the demo preset on 2 workers and on 1, and the pool's
 * speed-up. The same measure in headless Chromium is `npm run bench:browser`.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { checkScenario, SimPool } from '../src/lib/engine/pool';
import { DEMO_PRESET_ID, presetById, type ValidScenario } from '../src/lib/sim/index';
import { quick, type Benchmark } from './lib';
import { nodeRunnerFactory } from '../src/lib/engine/node-runner';

export const POOL_RUNS = quick() ? 200 : 1000;
const REPEATS = quick() ? 1 : 3;
/** Target for the full result on 2 workers, in milliseconds (issue: under 2 s in Chromium). */
export const TARGET_POOL_MS = 2000;

function demo(runs: number, seed: number): ValidScenario {
	const preset = presetById(DEMO_PRESET_ID);
	if (!preset) throw new Error(`No preset ${DEMO_PRESET_ID}`);
	const valid = checkScenario({ ...structuredClone(preset.scenario), runs, seed });
	if (!valid.ok) throw new Error(valid.error);
	return valid.value;
}

function median(values: readonly number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

interface PoolTimes {
	/** Wall time of each job, in milliseconds. */
	wallMs: number[];
	/** CPU time of the whole process (main thread and workers) for each job, in milliseconds. */
	cpuMs: number[];
}

/** Times REPEATS jobs of POOL_RUNS runs, after one warm-up job. */
async function timePool(size: number, workerFile: string): Promise<PoolTimes> {
	const pool = new SimPool({ createRunner: nodeRunnerFactory(workerFile), size });
	try {
		const warm = await pool.run(demo(Math.min(200, POOL_RUNS), 1)).result;
		if (warm.status !== 'done') throw new Error(`warm-up ended ${warm.status}`);
		const times: PoolTimes = { wallMs: [], cpuMs: [] };
		for (let i = 0; i < REPEATS; i++) {
			const t0 = performance.now();
			const c0 = process.cpuUsage();
			const outcome = await pool.run(demo(POOL_RUNS, 1000 + i)).result;
			if (outcome.status !== 'done') throw new Error(`job ended ${outcome.status}`);
			const c = process.cpuUsage(c0);
			times.wallMs.push(performance.now() - t0);
			times.cpuMs.push((c.user + c.system) / 1000);
		}
		return times;
	} finally {
		pool.terminate();
	}
}

export const pool: Benchmark = {
	id: 'pool',
	title: `Worker pool in Node, ${POOL_RUNS.toLocaleString('en-GB')} runs`,
	async run() {
		// The bundled benchmark sits beside the bundled worker (bench/run.ts builds both); under
		// --tsx the worker runs from its TypeScript source through tsx.
		const here = dirname(fileURLToPath(import.meta.url));
		const bundled = join(here, 'pool-worker.mjs');
		const workerFile = existsSync(bundled)
			? bundled
			: join(here, '..', 'src', 'lib', 'engine', 'node.worker.ts');
		const one = await timePool(1, workerFile);
		const two = await timePool(2, workerFile);
		const oneMs = median(one.wallMs);
		const twoMs = median(two.wallMs);
		return {
			figures: [
				{
					id: 'pool2Ms',
					label: `Demo preset, 2 workers`,
					value: twoMs,
					unit: 'ms',
					digits: 0,
					target: { kind: 'below', value: TARGET_POOL_MS }
				},
				{ id: 'pool1Ms', label: `Demo preset, 1 worker`, value: oneMs, unit: 'ms', digits: 0 },
				{
					id: 'pool2CpuMs',
					label: 'CPU time of the 2-worker job (all threads)',
					value: median(two.cpuMs),
					unit: 'ms',
					digits: 0
				},
				{
					id: 'poolSpeedup',
					label: 'Speed-up of 2 workers over 1',
					value: oneMs / twoMs,
					unit: 'x',
					digits: 2,
					target: { kind: 'atLeast', value: 1.6 }
				}
			],
			details: { runs: POOL_RUNS, repeats: REPEATS, oneWorker: one, twoWorkers: two }
		};
	}
};
