/**
 * A pool runner backed by a Node worker thread running `node.worker.ts` (bundled next to the
 * benchmark as `pool-worker.mjs`), the Node counterpart of `worker-runner.ts`.
 */
import { Worker } from 'node:worker_threads';
import type { ChunkResult } from './api';
import type { RunnerFactory, SimRunner } from './runner';
import type { WorkerMessage, WorkerReply } from './node.worker';

export function nodeRunnerFactory(workerFile: string | URL): RunnerFactory {
	return () => {
		const source = String(workerFile).endsWith('.ts');
		const worker = new Worker(workerFile, source ? { execArgv: ['--import', 'tsx'] } : {});
		let nextId = 1;
		const pending = new Map<
			number,
			{ resolve: (v: unknown) => void; reject: (e: Error) => void; progress?: (n: number) => void }
		>();
		const die = (error: Error) => {
			for (const p of pending.values()) p.reject(error);
			pending.clear();
		};
		worker.on('message', (reply: WorkerReply) => {
			const p = pending.get(reply.id);
			if (!p) return;
			if (reply.kind === 'progress') p.progress?.(reply.runsDone);
			else {
				pending.delete(reply.id);
				p.resolve(reply.result);
			}
		});
		worker.on('error', (e) => die(e));
		worker.on('exit', () => die(new Error('the simulation worker stopped')));
		const call = <T>(message: WorkerMessage, progress?: (n: number) => void) =>
			new Promise<T>((resolve, reject) => {
				pending.set(message.id, { resolve: resolve as (v: unknown) => void, reject, progress });
				worker.postMessage(message);
			});
		const runner: SimRunner = {
			runChunk(request, onProgress) {
				const id = nextId++;
				return call<ChunkResult>({ kind: 'run', id, request, progress: !!onProgress }, onProgress);
			},
			async cancel(jobId) {
				await call<null>({ kind: 'cancel', id: nextId++, jobId });
			},
			terminate() {
				die(new Error('the simulation worker was stopped'));
				void worker.terminate();
			}
		};
		return runner;
	};
}
