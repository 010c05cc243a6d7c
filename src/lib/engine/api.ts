/**
 * The one API shared by both sides of the simulation worker. The worker implements it
 * (`sim-api.ts`, exposed by `sim.worker.ts`); the pool calls it through a runner. Only
 * small, plain, structured-cloneable data crosses: a scenario (once per job and worker),
 * run indices and the accumulator of a chunk of runs, never the traces. Errors come back as
 * values.
 */
import type { Accumulator, Result, ValidScenario } from '$lib/sim';

/** A request to simulate runs [start, start + count) of a job's scenario. */
export interface ChunkRequest {
	/**
	 * The job's scenario, validated before it was sent (the worker does not validate it
	 * again). Sent with a worker's first chunk of a job only: the worker keeps it for the
	 * job's later chunks, so it is copied across once per job, not once per chunk.
	 */
	scenario?: ValidScenario;
	/** First run index (run indices seed the random streams, so results do not depend on who runs them). */
	start: number;
	/** Number of runs. */
	count: number;
	/** The job this chunk belongs to, so that `cancel(jobId)` can stop it. */
	jobId: number;
}

/** The accumulator of a chunk, or a message a person can read. */
export type ChunkResult = Result<Accumulator, string>;

/** What the worker offers. Every method resolves; none throws across the boundary. */
export interface SimApi {
	/**
	 * Simulates one chunk of runs. `onProgress`, if given, is called (throttled) with the
	 * number of runs of this chunk finished so far.
	 */
	runChunk(request: ChunkRequest, onProgress?: (runsDone: number) => void): Promise<ChunkResult>;
	/**
	 * Marks a job as cancelled: chunks of it stop between runs and new ones are refused; its
	 * scenario is forgotten.
	 */
	cancel(jobId: number): Promise<void>;
}

/** The message a cancelled chunk returns. */
export const CANCELLED_MESSAGE = 'The simulation was cancelled.';
