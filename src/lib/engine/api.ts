/**
 * The one API shared by both sides of the simulation worker. The worker implements it
 * (`sim-api.ts`, exposed by `sim.worker.ts`); the pool calls it through a runner. Only
 * small, plain, structured-cloneable data crosses: a scenario, run indices and the
 * accumulator of a chunk of runs, never the traces. Errors come back as values.
 */
import type { Accumulator } from '$lib/sim';

/** A request to simulate runs [start, start + count) of a scenario. */
export interface ChunkRequest {
	/** The scenario as plain JSON; the worker validates it itself. */
	scenario: unknown;
	/** First run index (run indices seed the random streams, so results do not depend on who runs them). */
	start: number;
	/** Number of runs. */
	count: number;
	/** The job this chunk belongs to, so that `cancel(jobId)` can stop it. */
	jobId: number;
}

/** The accumulator of a chunk, or a message a person can read. */
export type ChunkResult = { ok: true; value: Accumulator } | { ok: false; error: string };

/** What the worker offers. Every method resolves; none throws across the boundary. */
export interface SimApi {
	/**
	 * Simulates one chunk of runs. `onProgress`, if given, is called (throttled) with the
	 * number of runs of this chunk finished so far.
	 */
	runChunk(request: ChunkRequest, onProgress?: (runsDone: number) => void): Promise<ChunkResult>;
	/** Marks a job as cancelled: chunks of it stop between runs and new ones are refused. */
	cancel(jobId: number): Promise<void>;
}

/** The message a cancelled chunk returns. */
export const CANCELLED_MESSAGE = 'The simulation was cancelled.';
