/**
 * An in-thread stand-in for a simulation worker: the real worker API (`createSimApi`) behind
 * a structured-clone round trip of every request, callback value and result, with optional
 * random delays so that chunks finish out of order, and optional crashes or hangs.
 */
import { createSimApi } from '$lib/engine/sim-api';
import type { ChunkResult } from '$lib/engine/api';
import type { RunnerFactory, SimRunner } from '$lib/engine/runner';
import { describeIssues, validateScenario, type ValidScenario } from '$lib/sim';

/** A scenario as the pool takes it; throws if the test's scenario is not valid. */
export function valid(scenario: unknown): ValidScenario {
	const checked = validateScenario(scenario);
	if (!checked.ok) throw new Error(describeIssues(checked.error));
	return checked.value;
}

export interface FakeRunnerOptions {
	/** Longest random delay before and after a chunk, in milliseconds (default 0). */
	maxDelayMs?: number;
	/** Seed of the delays. */
	seed?: number;
	/** Whether call number `n` (1-based, across all runners of the factory) crashes. */
	crash?: (n: number) => boolean;
	/** Whether call number `n` never answers (a worker stuck in a long chunk). */
	hang?: (n: number) => boolean;
}

export interface FakeRunners {
	factory: RunnerFactory;
	/** Runners created so far, with whether each has been terminated. */
	created: { terminated: boolean }[];
	/** Chunk calls made so far. */
	calls: () => number;
	/** The runs each chunk call asked for, in the order they were made. */
	chunks: { start: number; count: number }[];
	/** Chunk calls that carried the job's scenario (a runner's first chunk of a job). */
	withScenario: () => number;
}

/** A small seeded generator for the delays (mulberry32). */
function random(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export function fakeRunners(options: FakeRunnerOptions = {}): FakeRunners {
	const rand = random(options.seed ?? 1);
	const maxDelay = options.maxDelayMs ?? 0;
	const created: { terminated: boolean }[] = [];
	let calls = 0;
	const chunks: { start: number; count: number }[] = [];
	let withScenario = 0;
	const delay = () =>
		maxDelay > 0 ? new Promise<void>((r) => setTimeout(r, rand() * maxDelay)) : Promise.resolve();

	const factory: RunnerFactory = () => {
		const api = createSimApi();
		const state = { terminated: false };
		created.push(state);
		const runner: SimRunner = {
			async runChunk(request, onProgress): Promise<ChunkResult> {
				if (state.terminated) throw new Error('the runner was terminated');
				const n = ++calls;
				chunks.push({ start: request.start, count: request.count });
				if (request.scenario !== undefined) withScenario++;
				const sent = structuredClone(request);
				await delay();
				if (options.crash?.(n)) throw new Error('worker crashed');
				if (options.hang?.(n)) return new Promise<ChunkResult>(() => {});
				const result = await api.runChunk(
					sent,
					onProgress && ((done) => onProgress(structuredClone(done)))
				);
				await delay();
				if (state.terminated) throw new Error('the runner was terminated');
				return structuredClone(result);
			},
			async cancel(jobId) {
				await api.cancel(structuredClone(jobId));
			},
			terminate() {
				state.terminated = true;
			}
		};
		return runner;
	};
	return { factory, created, calls: () => calls, chunks, withScenario: () => withScenario };
}
