/**
 * Goal seeking in the worker pool: the least value of one lever at which a probability
 * reaches a target, other levers as they are (see `goalSeek` in `$lib/analysis`).
 */
import { goalSeek, type GoalResult, type GoalStep } from '$lib/analysis';
import type { JobHandle, SimPool } from '$lib/engine/pool';
import { setParam, type Scenario } from '$lib/sim';
import type { TaskStatus } from '$lib/engine/compare-pool';
import type { SweepProbability } from './sweep.svelte';

export interface GoalSetup {
	base: Scenario;
	path: string;
	values: number[];
	target: number;
	probability: SweepProbability;
	runSchedule: number[];
}

export class GoalSeekRun {
	status = $state.raw<TaskStatus>('idle');
	setup = $state.raw<GoalSetup | null>(null);
	steps = $state.raw<GoalStep[]>([]);
	result = $state.raw<GoalResult | null>(null);
	/** The value being run now, for a progress line. */
	trying = $state.raw<{ value: number; runs: number } | null>(null);
	error = $state.raw<string | null>(null);

	readonly #pool: () => SimPool;
	#token: { handle: JobHandle | null; cancelled: boolean } | null = null;

	constructor(pool: () => SimPool) {
		this.#pool = pool;
	}

	async run(setup: GoalSetup): Promise<void> {
		this.cancel();
		const token: { handle: JobHandle | null; cancelled: boolean } = {
			handle: null,
			cancelled: false
		};
		this.#token = token;
		this.setup = setup;
		this.steps = [];
		this.result = null;
		this.error = null;
		this.status = 'running';
		const result = await goalSeek({
			values: setup.values,
			target: setup.target,
			runSchedule: setup.runSchedule,
			evaluate: async (value, runs) => {
				if (token.cancelled) return null;
				this.trying = { value, runs };
				const s = setParam(setParam(setup.base, setup.path, value), 'runs', runs);
				const job = this.#pool().run(s);
				token.handle = job;
				const outcome = await job.result;
				token.handle = null;
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
				if (this.#token === token) this.steps = steps.slice();
			}
		});
		if (this.#token !== token) return;
		this.#token = null;
		this.trying = null;
		this.result = result;
		switch (result.kind) {
			case 'found':
			case 'none':
				this.status = 'done';
				break;
			case 'cancelled':
				this.status = 'cancelled';
				break;
			case 'error':
				this.error = result.error;
				this.status = 'error';
				break;
			default:
				result satisfies never;
		}
	}

	cancel(): void {
		const token = this.#token;
		this.#token = null;
		if (token) {
			token.cancelled = true;
			token.handle?.cancel();
			this.trying = null;
			this.status = 'cancelled';
		}
	}
}
