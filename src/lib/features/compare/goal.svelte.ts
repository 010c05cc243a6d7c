/**
 * Goal seeking in the worker pool: the least value of one lever at which a probability
 * reaches a target, other levers as they are (see `goalSeek` in `$lib/analysis`). The
 * lifecycle (status, cancel, error) is the engine's `Task`; the search runs one job per
 * value tried, and cancelling stops the one under way.
 */
import { goalSeek, type GoalResult, type GoalStep } from '$lib/analysis';
import { checkScenario, type SimPool } from '$lib/engine/pool';
import { Task, type TaskOutcome } from '$lib/engine/task.svelte';
import { setParam, type Scenario } from '$lib/sim';
import type { SweepProbability } from './sweep.svelte';

export interface GoalSetup {
	base: Scenario;
	path: string;
	values: number[];
	target: number;
	probability: SweepProbability;
	runSchedule: number[];
}

/** How a search ended, as a task's outcome (a value found, or none, is done). */
function outcomeOf(result: GoalResult): TaskOutcome {
	switch (result.kind) {
		case 'found':
		case 'none':
			return { status: 'done' };
		case 'cancelled':
			return { status: 'cancelled' };
		case 'error':
			return { status: 'error', error: result.error };
		default:
			return result satisfies never;
	}
}

export class GoalSeekRun extends Task {
	setup = $state.raw<GoalSetup | null>(null);
	steps = $state.raw<GoalStep[]>([]);
	result = $state.raw<GoalResult | null>(null);
	/** The value being run now, for a progress line. */
	trying = $state.raw<{ value: number; runs: number } | null>(null);

	readonly #pool: () => SimPool;

	constructor(pool: () => SimPool) {
		super();
		this.#pool = pool;
	}

	override cancel(): void {
		if (this.busy) this.trying = null;
		super.cancel();
	}

	async run(setup: GoalSetup): Promise<void> {
		this.setup = setup;
		this.steps = [];
		this.result = null;
		await this.launch(async (job) => {
			const result = await goalSeek({
				values: setup.values,
				target: setup.target,
				runSchedule: setup.runSchedule,
				evaluate: async (value, runs) => {
					if (!job.current) return null;
					this.trying = { value, runs };
					const s = checkScenario(setParam(setParam(setup.base, setup.path, value), 'runs', runs));
					if (!s.ok) return s.error;
					const handle = this.#pool().run(s.value);
					job.onStop(() => handle.cancel());
					const outcome = await handle.result;
					switch (outcome.status) {
						case 'done': {
							const p = outcome.summary.probabilities[setup.probability];
							return { hits: Math.round(p.p * p.count), n: p.count };
						}
						case 'cancelled':
							return null;
						case 'error':
							return outcome.error;
						default:
							return outcome satisfies never;
					}
				},
				onStep: (_step, steps) => {
					if (job.current) this.steps = steps.slice();
				}
			});
			if (job.current) {
				this.trying = null;
				this.result = result;
			}
			return outcomeOf(result);
		});
	}
}
