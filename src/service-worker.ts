/**
 * The offline cache. After one visit every page works with the network off (in a
 * community hall with no Wi-Fi): the built app, the static files and the prerendered pages
 * are cached when the service worker installs; pages whose content lives in the browser (a
 * scenario, a share link) are answered offline with the app's client-side fallback page.
 *
 * Built files have content hashes in their names, so they are served from the cache
 * first. Pages are fetched from the network first, so an update is picked up when online,
 * and from the cache when not. The cache holds one entry per file or page of the build,
 * never one per address: `/compare?a=…` and `/compare` share one entry, and a scenario's
 * page is not stored at all (the fallback page serves every one offline).
 *
 * Updates never break an open tab: a new version's worker takes over at once, but the
 * previous version's files stay cached (and are served to the tabs still running it, whose
 * on-demand imports would otherwise fail) until every open tab says it runs the new
 * version. Each page answers "which version are you?" (see src/lib/ui/app-update.svelte.ts)
 * and says hello when it loads, which is when old caches are looked at again.
 */
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
/// <reference types="@sveltejs/kit" />
import { build, files, prerendered, version } from '$service-worker';

const sw = self as unknown as ServiceWorkerGlobalScope;

const PREFIX = 'slow-trust-';
const CACHE = `${PREFIX}${version}`;
/** Served for any page that is not cached itself (the adapter's client-side fallback). */
const FALLBACK = '/200.html';
/** What the app asks to learn whether a newer version is out; offline, the cached answer. */
const VERSION_FILE = '/_app/version.json';
// The fallback page and version file exist only in a production build (`vite dev` has none).
const PRECACHE = [
	...build,
	...files,
	...prerendered,
	...(build.length ? [FALLBACK, VERSION_FILE] : [])
];
/** Every key the cache may hold: it never grows beyond the build. */
const KEYS = new Set(PRECACHE);
const IMMUTABLE = new Set(build);
/** How long a page has to answer "which version are you?". */
const ANSWER_MS = 3000;

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
			await sw.clients.claim();
			await retireOldCaches();
		})()
	);
});

sw.addEventListener('message', (event) => {
	const data: unknown = event.data;
	if (typeof data === 'object' && data !== null && 'type' in data && data.type === 'hello')
		event.waitUntil(retireOldCaches());
});

/** The version a page runs, or null when it does not answer (a version without this code). */
function versionOf(client: Client): Promise<string | null> {
	return new Promise((resolve) => {
		const channel = new MessageChannel();
		const timer = setTimeout(() => resolve(null), ANSWER_MS);
		channel.port1.onmessage = (event: MessageEvent<unknown>) => {
			clearTimeout(timer);
			const data = event.data;
			resolve(
				typeof data === 'object' && data !== null && 'version' in data ? String(data.version) : null
			);
		};
		client.postMessage({ type: 'version?' }, [channel.port2]);
	});
}

/** Deletes the caches of earlier versions once every open tab runs this one. */
async function retireOldCaches(): Promise<void> {
	const old = (await caches.keys()).filter((key) => key.startsWith(PREFIX) && key !== CACHE);
	if (old.length === 0) return;
	const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const versions = await Promise.all(windows.map(versionOf));
	if (!versions.every((v) => v === version)) return;
	for (const key of old) await caches.delete(key);
}

async function respond(request: Request): Promise<Response> {
	const url = new URL(request.url);
	const key = url.pathname;
	const cache = await caches.open(CACHE);

	// Hashed files never change: this version's, or (for a tab still running it) an earlier
	// version's, from whichever cache holds them.
	if (IMMUTABLE.has(key) || key.includes('/_app/immutable/')) {
		const cached = (await cache.match(key)) ?? (await caches.match(key));
		if (cached) return cached;
	}

	try {
		const response = await fetch(request);
		// Keep the build's pages and files fresh in the cache while online.
		if (KEYS.has(key) && response.ok && response.type === 'basic')
			await cache.put(key, response.clone());
		return response;
	} catch (error) {
		const cached = (await cache.match(key)) ?? (await caches.match(key));
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
