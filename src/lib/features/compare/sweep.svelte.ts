/**
 * Runs a two-lever sweep in the worker pool, coarse cells first, and keeps what each cell
 * found. Cells not yet run are shown from their nearest run neighbour (see `display`). The
 * lifecycle (status, progress, cancel, error) is the engine's `Task`.
 */
import {
	cellResult,
	cellScenario,
	nearestEvaluated,
	refinementOrder,
	type CellResult,
	type SweepAxis,
	type SweepCell
} from '$lib/analysis';
import type { SimPool } from '$lib/engine/pool';
import { runBatch, type BatchProgress } from '$lib/engine/batch';
import { Task } from '$lib/engine/task.svelte';
import { setParam, type Scenario } from '$lib/sim';
import { validBatch } from '$lib/engine/batch-job';

export type { CellResult, SweepProbability } from '$lib/analysis';

export interface SweepSetup {
	base: Scenario;
	x: SweepAxis;
	y: SweepAxis;
	runs: number;
}

export class SweepRun extends Task<BatchProgress> {
	setup = $state.raw<SweepSetup | null>(null);
	/** Per cell (index j * nx + i): its result once run. */
	cells = $state.raw<(CellResult | null)[]>([]);
	/** The refinement level finished so far (-1: none). */
	levelsDone = $state.raw(-1);

	readonly #pool: () => SimPool;

	constructor(pool: () => SimPool) {
		super();
		this.#pool = pool;
	}

	/** For each cell, the index of the cell whose result stands in for it (-1: none yet). */
	display(): Int32Array {
		const setup = this.setup;
		if (!setup) return new Int32Array(0);
		const nx = setup.x.values.length;
		const ny = setup.y.values.length;
		return nearestEvaluated(
			nx,
			ny,
			this.cells.map((c) => c !== null)
		);
	}

	async run(base: Scenario, x: SweepAxis, y: SweepAxis, runs: number): Promise<void> {
		const common = setParam(base, 'runs', runs);
		const nx = x.values.length;
		const ny = y.values.length;
		const order: SweepCell[] = refinementOrder(nx, ny);
		const cells: (CellResult | null)[] = new Array(nx * ny).fill(null);
		const levels = order.length ? order[order.length - 1].level + 1 : 0;
		const perLevel = new Array<number>(levels).fill(0);
		for (const c of order) perLevel[c.level]++;
		const doneLevel = new Array<number>(levels).fill(0);
		this.setup = { base: common, x, y, runs };
		this.cells = cells.slice();
		this.levelsDone = -1;
		await this.launch(async (job) => {
			const valid = validBatch(order.map((c) => cellScenario(common, x, y, c)));
			if (!valid.ok) return { status: 'error', error: valid.error };
			const handle = runBatch(this.#pool(), valid.value, {
				onProgress: (p) => job.report(p),
				onResult: (k, summary) => {
					if (!job.current) return;
					const c = order[k];
					cells[c.j * nx + c.i] = cellResult(summary);
					this.cells = cells.slice();
					doneLevel[c.level]++;
					let level = -1;
					while (level + 1 < levels && doneLevel[level + 1] === perLevel[level + 1]) level++;
					this.levelsDone = level;
				}
			});
			job.onStop(() => handle.cancel());
			return handle.result;
		});
	}
}
