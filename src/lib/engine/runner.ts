/**
 * The runner interface the pool is written against: one simulation worker, or a stand-in.
 * In the browser a runner is a Comlink-wrapped Web Worker (`worker-runner.ts`); in Node
 * tests it is the same API in-thread, behind a structured-clone round trip.
 */
import type { SimApi } from './api';

export interface SimRunner extends SimApi {
	/**
	 * Stops the runner for good. Calls still pending reject. A terminated runner is never
	 * used again; the pool creates a new one.
	 */
	terminate(): void;
}

/** Creates a fresh runner (the pool calls it to start and to replace a crashed runner). */
export type RunnerFactory = () => SimRunner;
