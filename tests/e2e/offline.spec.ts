/**
 * Offline use: after one visit, the app works with the network off (a workshop in a hall
 * with no Wi-Fi), through the service worker's cache.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Waits until a service worker controls the page, so later loads go through it. */
async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (navigator.serviceWorker.controller) return;
		await new Promise<void>((resolve) =>
			navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {
				once: true
			})
		);
	});
}

test.describe('offline', () => {
	test('after one visit, pages load with the network off', async ({ page, context }) => {
		await page.goto('/');
		await waitForServiceWorker(page);

		await context.setOffline(true);
		await page.reload();
		await expect(page.getByRole('banner')).toContainText('Slow Trust');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

		// A prerendered page never visited before comes from the cache filled at install.
		await page.goto('/model');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expect(page).toHaveTitle(/Slow Trust/);

		// An address the server never prerendered gets the client-side fallback page.
		await page.goto('/no-such-page');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
	});

	test('the app offers a web app manifest with installable icons', async ({ page, request }) => {
		await page.goto('/');
		const href = await page.locator('link[rel="manifest"]').getAttribute('href');
		expect(href).toBeTruthy();
		const manifest = (await (await request.get(href ?? '')).json()) as {
			name: string;
			start_url: string;
			display: string;
			icons: { src: string; sizes: string; type: string }[];
		};
		expect(manifest.name).toBe('Slow Trust');
		expect(manifest.display).toBe('standalone');
		const sizes = manifest.icons.filter((i) => i.type === 'image/png').map((i) => i.sizes);
		expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
		for (const icon of manifest.icons) {
			const response = await request.get(icon.src);
			expect(response.ok(), icon.src).toBe(true);
		}
	});
});
