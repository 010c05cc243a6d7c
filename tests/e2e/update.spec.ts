/**
 * A new version of the app under an open tab: the tab is told to reload, and until it does,
 * what it loads on demand (Import, Export) still works although the server has the new
 * version's files only, and once it has reloaded the old version's cache is retired. The
 * offline cache keeps one entry per page, not per address.
 */
import type { Page } from '@playwright/test';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures';
import { serveStatic, type StaticServer } from './static-server';

const out = process.env.SLOW_TRUST_OUT;
const buildDir = out ? `.out/${out}/build` : 'build';

let root: string;
let server: StaticServer;

test.beforeEach(async () => {
	root = mkdtempSync(join(tmpdir(), 'slow-trust-update-'));
	cpSync(buildDir, root, { recursive: true });
	server = await serveStatic(root);
});

test.afterEach(async () => {
	await server.close();
	rmSync(root, { recursive: true, force: true });
});

/** Waits until a service worker controls the page. */
async function controlled(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (navigator.serviceWorker.controller) return;
		await new Promise<void>((resolve) =>
			navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), { once: true })
		);
	});
}

/** The built chunk that holds a text (e.g. the library file code loaded on demand). */
function chunkWith(text: string): string {
	const dir = join(root, '_app', 'immutable', 'chunks');
	const name = readdirSync(dir).find((f) => readFileSync(join(dir, f), 'utf8').includes(text));
	if (name === undefined) throw new Error(`no chunk holds "${text}"`);
	return `/_app/immutable/chunks/${name}`;
}

/**
 * Publishes a "new version": a service worker with another version whose build no longer
 * lists `gone` (once it has taken over, `gone` is deleted from the server), and pages that
 * say they run that version.
 */
function publishNewVersion(gone: string): void {
	const file = join(root, 'service-worker.js');
	const text = readFileSync(file, 'utf8');
	const version = /version":"(\d+)"/.exec(readFileSync(join(root, '_app', 'version.json'), 'utf8'));
	if (version === null) throw new Error('no version in version.json');
	// The minified list reads e+`/_app/…/x.js`,e+`…`: drop the entry and one comma.
	const entry = `\\w+\\+\`${gone.replaceAll('.', '\\.')}\``;
	const next = text
		.replaceAll(version[1], String(Number(version[1]) + 1))
		.replace(new RegExp(`,${entry}|${entry},`), '');
	if (next === text || next.includes(gone)) throw new Error('the service worker was not changed');
	writeFileSync(file, next);
	// The pages of the new version say they run it (SvelteKit builds the version into a chunk).
	for (const name of [join('_app', 'version.json'), chunkWith(version[1]).slice(1)]) {
		const path = join(root, name);
		writeFileSync(
			path,
			readFileSync(path, 'utf8').replaceAll(version[1], String(Number(version[1]) + 1))
		);
	}
}

test('an open tab is told a new version is ready, and its on-demand files keep working', async ({
	page
}) => {
	// Two installs of the service worker, each caching the whole build.
	test.setTimeout(90_000);
	await page.goto(server.url + '/');
	await controlled(page);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText('A new version of Slow Trust is ready')).toHaveCount(0);

	const transfer = chunkWith('This file holds no scenarios.');
	publishNewVersion(transfer);
	await page.evaluate(async () => {
		const registration = await navigator.serviceWorker.ready;
		await registration.update();
	});
	await expect(page.getByText('A new version of Slow Trust is ready')).toBeVisible({
		timeout: 15_000
	});
	rmSync(join(root, transfer));

	// Export loads the library file code on demand: the server no longer has it, the
	// previous version's cache does. (A new library holds only the examples, so Export
	// answers that there is nothing to export, which it can only say once that code ran.)
	await page.getByRole('button', { name: 'Export my library' }).click();
	await expect(page.getByText('There is nothing of yours to export yet')).toBeVisible();

	// Both versions' caches are kept while the tab runs the old one.
	const cacheNames = () =>
		page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('slow-trust-')));
	expect(await cacheNames()).toHaveLength(2);

	await page.getByRole('button', { name: 'Reload' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	await expect(page.getByText('A new version of Slow Trust is ready')).toHaveCount(0);
	// Every tab runs the new version now: the old cache is retired.
	await expect.poll(cacheNames, { timeout: 15_000 }).toHaveLength(1);
});

test('the offline cache keeps one entry per page, whatever the address asks', async ({ page }) => {
	await page.goto(server.url + '/');
	await controlled(page);
	const entries = () =>
		page.evaluate(async () => {
			let n = 0;
			for (const key of await caches.keys()) n += (await (await caches.open(key)).keys()).length;
			return n;
		});
	const before = await entries();
	for (let i = 0; i < 5; i++) {
		await page.goto(`${server.url}/compare?a=preset-typical&visit=${i}`);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	}
	await page.goto(`${server.url}/scenarios/preset-typical`);
	await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	expect(await entries()).toBe(before);
});
