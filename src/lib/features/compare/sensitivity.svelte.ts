/**
 * One-at-a-time sensitivity in the worker pool: the baseline, then each lever at the low
 * and high end of its range. Every measure is kept per job, so changing the measure shown
 * needs no new run.
 */
import {
	MEASURES,
	sensitivityDesign,
	type MeasureKey,
	type SensitivityDesign
} from '$lib/analysis';
import type { SimPool } from '$lib/engine/pool';
import { setParam, type ParamSpec, type Scenario } from '$lib/sim';
import { runBatch, type BatchHandle, type BatchProgress } from '$lib/engine/batch';
import type { TaskStatus } from '$lib/engine/compare-pool';

export class SensitivityRun {
	status = $state.raw<TaskStatus>('idle');
	progress = $state.raw<BatchProgress | null>(null);
	design = $state.raw<SensitivityDesign | null>(null);
	/** Per job index of the design: every measure (undefined until the job has run). */
	values = $state.raw<(Record<MeasureKey, number> | undefined)[]>([]);
	error = $state.raw<string | null>(null);

	readonly #pool: () => SimPool;
	#handle: BatchHandle | null = null;

	constructor(pool: () => SimPool) {
		this.#pool = pool;
	}

	/** The values of one measure by job index, for `tornado`. */
	measure(key: MeasureKey): (number | undefined)[] {
		return this.values.map((v) => v?.[key]);
	}

	async run(base: Scenario, levers: readonly ParamSpec[], runs: number): Promise<void> {
		this.cancel();
		const design = sensitivityDesign(setParam(base, 'runs', runs), levers);
		const values: (Record<MeasureKey, number> | undefined)[] = design.jobs.map(() => undefined);
		this.design = design;
		this.values = values.slice();
		this.error = null;
		this.progress = null;
		this.status = 'running';
		const handle = runBatch(
			this.#pool(),
			design.jobs.map((j) => j.scenario),
			{
				onProgress: (p) => {
					if (this.#handle === handle) this.progress = p;
				},
				onResult: (k, summary) => {
					if (this.#handle !== handle) return;
					const row = {} as Record<MeasureKey, number>;
					for (const m of MEASURES) row[m.key] = m.read(summary);
					values[k] = row;
					this.values = values.slice();
				}
			}
		);
		this.#handle = handle;
		const outcome = await handle.result;
		if (this.#handle !== handle) return;
		this.#handle = null;
		switch (outcome.status) {
			case 'done':
				this.status = 'done';
				break;
			case 'cancelled':
				this.status = 'cancelled';
				break;
			case 'error':
				this.error = outcome.error;
				this.status = 'error';
				break;
			default:
				outcome satisfies never;
		}
	}

	cancel(): void {
		const h = this.#handle;
		this.#handle = null;
		if (h) {
			h.cancel();
			this.status = 'cancelled';
		}
	}
}
