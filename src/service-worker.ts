/**
 * The offline cache. After one visit every page works with the network off (in a
 * community hall with no Wi-Fi): the built app, the static files and the prerendered pages
 * are cached when the service worker installs; pages whose content lives in the browser (a
 * scenario, a share link) are answered offline with the app's client-side fallback page.
 *
 * Built files have content hashes in their names, so they are served from the cache
 * first. Pages are fetched from the network first, so an update is picked up when online,
 * and from the cache when not. A new version's cache replaces the old one on activation.
 */
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const CACHE = `slow-trust-${version}`;
/** Served for any page that is not cached itself (the adapter's client-side fallback). */
const FALLBACK = '/200.html';

const IMMUTABLE = new Set(build);
/** What the app asks to learn whether a newer version is out; offline, the cached answer. */
const VERSION_FILE = '/_app/version.json';
// The fallback page and version file exist only in a production build (`vite dev` has none).
const PRECACHE = [
	...build,
	...files,
	...prerendered,
	...(build.length ? [FALLBACK, VERSION_FILE] : [])
];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(CACHE)
			.then((cache) => cache.addAll(PRECACHE))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		(async () => {
			for (const key of await caches.keys()) {
				if (key !== CACHE && key.startsWith('slow-trust-')) await caches.delete(key);
			}
			await sw.clients.claim();
		})()
	);
});

async function respond(request: Request): Promise<Response> {
	const url = new URL(request.url);
	const cache = await caches.open(CACHE);

	if (IMMUTABLE.has(url.pathname)) {
		const cached = await cache.match(url.pathname);
		if (cached) return cached;
	}

	try {
		const response = await fetch(request);
		// Keep pages and files fresh in the cache while online.
		if (response.ok && response.type === 'basic') await cache.put(request, response.clone());
		return response;
	} catch (error) {
		const cached =
			(await cache.match(request, { ignoreSearch: request.mode === 'navigate' })) ??
			(await cache.match(url.pathname));
		if (cached) return cached;
		if (request.mode === 'navigate') {
			const fallback = await cache.match(FALLBACK);
			if (fallback) return fallback;
		}
		throw error;
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	event.respondWith(respond(request));
});
