/**
 * The simulation worker: exposes the pure core through Comlink. Created by
 * `worker-runner.ts` with `new Worker(new URL('./sim.worker.ts', import.meta.url), { type: 'module' })`.
 * Results are copied, not transferred: transferring the typed arrays was measured to slow
 * the worker's later typed-array loops.
 */
import * as Comlink from 'comlink';
import type { SimApi } from './api';
import { createSimApi } from './sim-api';

const inner = createSimApi();

const api: SimApi = {
	async runChunk(request, onProgress) {
		try {
			return await inner.runChunk(request, onProgress);
		} finally {
			// The callback arrives as a Comlink proxy over its own message port; free it.
			const remote = onProgress as Partial<Comlink.ProxyMethods> | undefined;
			remote?.[Comlink.releaseProxy]?.();
		}
	},
	cancel: (jobId) => inner.cancel(jobId)
};

Comlink.expose(api);
