/**
 * Runs a two-lever sweep in the worker pool, coarse cells first, and keeps what each cell
 * found. Cells not yet run are shown from their nearest run neighbour (see `display`).
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
import { setParam, type Scenario } from '$lib/sim';
import { runBatch, type BatchHandle, type BatchProgress } from '$lib/engine/batch';
import type { TaskStatus } from '$lib/engine/compare-pool';

export type { CellResult, SweepProbability } from '$lib/analysis';

export interface SweepSetup {
	base: Scenario;
	x: SweepAxis;
	y: SweepAxis;
	runs: number;
}

export class SweepRun {
	status = $state.raw<TaskStatus>('idle');
	progress = $state.raw<BatchProgress | null>(null);
	setup = $state.raw<SweepSetup | null>(null);
	/** Per cell (index j * nx + i): its result once run. */
	cells = $state.raw<(CellResult | null)[]>([]);
	/** The refinement level finished so far (-1: none). */
	levelsDone = $state.raw(-1);
	error = $state.raw<string | null>(null);

	readonly #pool: () => SimPool;
	#handle: BatchHandle | null = null;

	constructor(pool: () => SimPool) {
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
		this.cancel();
		const common = setParam(base, 'runs', runs);
		const nx = x.values.length;
		const ny = y.values.length;
		const order: SweepCell[] = refinementOrder(nx, ny);
		const scenarios = order.map((c) => cellScenario(common, x, y, c));
		const cells: (CellResult | null)[] = new Array(nx * ny).fill(null);
		const levels = order.length ? order[order.length - 1].level + 1 : 0;
		const perLevel = new Array<number>(levels).fill(0);
		for (const c of order) perLevel[c.level]++;
		const doneLevel = new Array<number>(levels).fill(0);
		this.setup = { base: common, x, y, runs };
		this.cells = cells.slice();
		this.levelsDone = -1;
		this.error = null;
		this.progress = null;
		this.status = 'running';
		const handle = runBatch(this.#pool(), scenarios, {
			onProgress: (p) => {
				if (this.#handle === handle) this.progress = p;
			},
			onResult: (k, summary) => {
				if (this.#handle !== handle) return;
				const c = order[k];
				cells[c.j * nx + c.i] = cellResult(summary);
				this.cells = cells.slice();
				doneLevel[c.level]++;
				let level = -1;
				while (level + 1 < levels && doneLevel[level + 1] === perLevel[level + 1]) level++;
				this.levelsDone = level;
			}
		});
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
