/**
 * Tells an open tab that a new version of the app is ready, and reloads it safely. The
 * service worker (src/service-worker.ts) asks each page which version it runs before it
 * retires the previous version's files; a new worker taking control of a page that already
 * had one, or an on-demand import that fails to load, means a new version is out. Reloading
 * first saves what the page holds (see flush.ts).
 */
import { flushAll } from './flush';

export class AppUpdate {
	/** A newer version is ready: offer to reload. */
	ready = $state(false);

	/**
	 * Starts listening; returns the function that stops. `version` is the version this page
	 * runs (SvelteKit's `version` from `$app/environment`).
	 */
	start(version: string): () => void {
		const stops: (() => void)[] = [];
		const onPreloadError = (event: Event) => {
			// A file of this version is gone from the server: say so instead of failing silently.
			event.preventDefault();
			this.ready = true;
		};
		window.addEventListener('vite:preloadError', onPreloadError);
		stops.push(() => window.removeEventListener('vite:preloadError', onPreloadError));

		const container = 'serviceWorker' in navigator ? navigator.serviceWorker : null;
		if (container) {
			const onMessage = (event: MessageEvent<unknown>) => {
				const data = event.data;
				if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'version?')
					event.ports[0]?.postMessage({ version });
			};
			// A worker taking control of a page that had one is a new version (the first
			// worker taking control of a first visit is not).
			let controlled = container.controller !== null;
			const onControllerChange = () => {
				if (controlled) this.ready = true;
				controlled = true;
			};
			container.addEventListener('message', onMessage);
			container.addEventListener('controllerchange', onControllerChange);
			container.startMessages();
			container.controller?.postMessage({ type: 'hello' });
			stops.push(() => {
				container.removeEventListener('message', onMessage);
				container.removeEventListener('controllerchange', onControllerChange);
			});
		}
		return () => {
			for (const stop of stops) stop();
		};
	}

	/** Saves what the page holds, then reloads it on the new version. */
	async reload(): Promise<void> {
		await flushAll();
		location.reload();
	}
}
