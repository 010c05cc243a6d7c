/**
 * A simulation worker for Node's worker_threads: the app's worker API (`createSimApi`)
 * behind a small message protocol, so the benchmark drives the app's own pool
 * (`src/lib/engine/pool.ts`) with real threads. Results are copied, not transferred, as in
 * the app's worker.
 */
import { parentPort } from 'node:worker_threads';
import { createSimApi } from './sim-api';
import type { ChunkRequest } from './api';

export type WorkerMessage =
	| { kind: 'run'; id: number; request: ChunkRequest; progress: boolean }
	| { kind: 'cancel'; id: number; jobId: number };

export type WorkerReply =
	| { kind: 'result'; id: number; result: unknown }
	| { kind: 'progress'; id: number; runsDone: number };

const api = createSimApi();
const port = parentPort;
if (!port) throw new Error('bench/node-pool/worker.ts runs only as a worker thread');

port.on('message', (message: WorkerMessage) => {
	switch (message.kind) {
		case 'run': {
			const { id } = message;
			const onProgress = message.progress
				? (runsDone: number) =>
						port.postMessage({ kind: 'progress', id, runsDone } satisfies WorkerReply)
				: undefined;
			void api.runChunk(message.request, onProgress).then((result) => {
				port.postMessage({ kind: 'result', id, result } satisfies WorkerReply);
			});
			break;
		}
		case 'cancel':
			void api.cancel(message.jobId).then(() => {
				port.postMessage({ kind: 'result', id: message.id, result: null } satisfies WorkerReply);
			});
			break;
		default:
			message satisfies never;
	}
});
