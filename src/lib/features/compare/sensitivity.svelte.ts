/**
 * One-at-a-time sensitivity in the worker pool: the baseline, then each lever at the low
 * and high end of its range. Every measure is kept per job, so changing the measure shown
 * needs no new run. The lifecycle (status, progress, cancel, error) is the engine's `Task`.
 */
import {
	MEASURES,
	sensitivityDesign,
	type MeasureKey,
	type SensitivityDesign
} from '$lib/analysis';
import type { SimPool } from '$lib/engine/pool';
import { runBatch, type BatchProgress } from '$lib/engine/batch';
import { Task } from '$lib/engine/task.svelte';
import { setParam, type ParamSpec, type Scenario } from '$lib/sim';
import { validBatch } from '$lib/engine/batch-job';

export class SensitivityRun extends Task<BatchProgress> {
	design = $state.raw<SensitivityDesign | null>(null);
	/** Per job index of the design: every measure (undefined until the job has run). */
	values = $state.raw<(Record<MeasureKey, number> | undefined)[]>([]);

	readonly #pool: () => SimPool;

	constructor(pool: () => SimPool) {
		super();
		this.#pool = pool;
	}

	/** The values of one measure by job index, for `tornado`. */
	measure(key: MeasureKey): (number | undefined)[] {
		return this.values.map((v) => v?.[key]);
	}

	async run(base: Scenario, levers: readonly ParamSpec[], runs: number): Promise<void> {
		const design = sensitivityDesign(setParam(base, 'runs', runs), levers);
		const values: (Record<MeasureKey, number> | undefined)[] = design.jobs.map(() => undefined);
		this.design = design;
		this.values = values.slice();
		await this.launch(async (job) => {
			const valid = validBatch(design.jobs.map((j) => j.scenario));
			if (!valid.ok) return { status: 'error', error: valid.error };
			const handle = runBatch(this.#pool(), valid.value, {
				onProgress: (p) => job.report(p),
				onResult: (k, summary) => {
					if (!job.current) return;
					const row = {} as Record<MeasureKey, number>;
					for (const m of MEASURES) row[m.key] = m.read(summary);
					values[k] = row;
					this.values = values.slice();
				}
			});
			job.onStop(() => handle.cancel());
			return handle.result;
		});
	}
}
