/**
 * A runner backed by a module Web Worker through Comlink. A worker that fails to load or
 * crashes fires `error`; Comlink would then leave calls pending forever, so every pending
 * call is rejected here and the pool replaces the runner.
 */
import * as Comlink from 'comlink';
import type { ChunkResult, SimApi } from './api';
import type { SimRunner } from './runner';

/** Most workers a pool starts, however many cores the machine has. */
const MAX_WORKERS = 8;

/** Workers for this machine: one per logical core, at least 1 and at most MAX_WORKERS. */
export function defaultPoolSize(): number {
	const cores = typeof navigator === 'undefined' ? undefined : navigator.hardwareConcurrency;
	return Math.max(1, Math.min(MAX_WORKERS, Number.isFinite(cores) && cores ? cores : 2));
}

export function createWorkerRunner(): SimRunner {
	const worker = new Worker(new URL('./sim.worker.ts', import.meta.url), {
		type: 'module',
		name: 'slow-trust-simulation'
	});
	const remote = Comlink.wrap<SimApi>(worker);
	const pending = new Set<(error: Error) => void>();
	let dead: Error | null = null;

	function die(error: Error) {
		if (dead) return;
		dead = error;
		for (const reject of pending) reject(error);
		pending.clear();
	}
	worker.addEventListener('error', (event) => {
		event.preventDefault();
		die(new Error(event.message || 'the simulation worker failed to start'));
	});
	worker.addEventListener('messageerror', () =>
		die(new Error('a message from the simulation worker could not be read'))
	);

	function guard<T>(call: () => Promise<T>): Promise<T> {
		if (dead) return Promise.reject(dead);
		return new Promise<T>((resolve, reject) => {
			pending.add(reject);
			call().then(
				(value) => {
					pending.delete(reject);
					resolve(value);
				},
				(error: unknown) => {
					pending.delete(reject);
					reject(error instanceof Error ? error : new Error(String(error)));
				}
			);
		});
	}

	return {
		runChunk(request, onProgress): Promise<ChunkResult> {
			return guard<ChunkResult>(() =>
				onProgress ? remote.runChunk(request, Comlink.proxy(onProgress)) : remote.runChunk(request)
			);
		},
		cancel(jobId) {
			return guard(() => remote.cancel(jobId));
		},
		terminate() {
			die(new Error('the simulation worker was stopped'));
			worker.terminate();
		}
	};
}
