/**
 * The app shell: every page loads cleanly, is accessible, works from the keyboard and
 * fits a laptop and a projector; unknown addresses get the app's own 404 page.
 */
import { readFile } from 'node:fs/promises';
import { expect, expectAccessible, test } from './fixtures';

const pages = [
	{
		path: '/',
		title: /Library · Slow Trust/,
		heading: /trust that co-production needs/,
		nav: 'Library'
	},
	{
		path: '/compare',
		title: /Compare · Slow Trust/,
		heading: /Scenarios side by side/,
		nav: 'Compare'
	},
	{
		path: '/model',
		title: /How the model works · Slow Trust/,
		heading: /How the model works/,
		nav: 'Model'
	}
] as const;

for (const { path, title, heading, nav } of pages) {
	test.describe(`page ${path}`, () => {
		test('loads with the shell, no console errors and no foreign requests', async ({ page }) => {
			const response = await page.goto(path);
			expect(response?.status()).toBe(200);
			await expect(page).toHaveTitle(title);
			await expect(page.getByRole('banner')).toContainText('Slow Trust');
			await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
			await expect(page.getByRole('main')).toBeVisible();
			await expect(page.getByRole('contentinfo')).toContainText(
				'All data stays on this device: no accounts, no network, no analytics.'
			);
			const mainNav = page.getByRole('navigation', { name: 'Main' });
			await expect(mainNav.getByRole('link', { name: nav })).toHaveAttribute(
				'aria-current',
				'page'
			);
			await expect(mainNav.locator('[aria-current]')).toHaveCount(1);
		});

		test('has no serious or critical accessibility violations', async ({ page }) => {
			test.slow(path === '/model', 'the page holds the whole model documentation');
			await page.goto(path);
			await expectAccessible(page);
		});
	});
}

test('the navigation links only to pages that exist', async ({ page, request }) => {
	await page.goto('/');
	const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
	await expect(links).toHaveText(['Library', 'Compare', 'Workshop', 'Model']);
	for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
		expect(href).not.toBeNull();
		const response = await request.get(href ?? '');
		expect(response.status(), `${href}`).toBe(200);
	}
});

test.describe('an unknown address', () => {
	// The browser reports the document's 404 status as a console error; that one is expected.
	test.use({ allowedConsoleErrors: [/status of 404/] });

	test('shows the 404 page with a link home', async ({ page }) => {
		const response = await page.goto('/no-such-page');
		expect(response?.status()).toBe(404);
		await expect(page).toHaveTitle(/Page not found · Slow Trust/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByRole('main')).toContainText('/no-such-page');
		await expect(page.getByRole('banner')).toContainText('Slow Trust');

		await page.getByRole('link', { name: 'Go to the library' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			/trust that co-production needs/
		);
	});

	test('shows the 404 page when a static host serves the 200.html fallback', async ({ page }) => {
		// A static host answers an unknown address with build/200.html (status 200); the
		// app's router then renders the 404 page in the browser.
		const buildDir = process.env.SLOW_TRUST_OUT
			? `.out/${process.env.SLOW_TRUST_OUT}/build`
			: 'build';
		const fallback = await readFile(new URL(`../../${buildDir}/200.html`, import.meta.url), 'utf8');
		await page.route('**/no-such-page', (route) =>
			route.fulfill({ status: 200, contentType: 'text/html', body: fallback })
		);
		const response = await page.goto('/no-such-page');
		expect(response?.status()).toBe(200);
		await expect(page).toHaveTitle(/Page not found · Slow Trust/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expect(page.getByRole('link', { name: 'Go to the library' })).toBeVisible();
	});

	test('has no serious or critical accessibility violations', async ({ page }) => {
		await page.goto('/no-such-page');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
		await expectAccessible(page);
	});
});

test.describe('keyboard', () => {
	/** Describes the focused element as "role: name" for readable failures. */
	const focused = (page: import('@playwright/test').Page) =>
		page.evaluate(() => {
			const el = document.activeElement;
			if (!el || el === document.body) return 'body';
			return `${el.tagName.toLowerCase()}: ${(el.textContent ?? '').trim()}`;
		});

	test('Tab from the top reaches the skip link, then the nav links in order; Enter follows a link', async ({
		page
	}) => {
		await page.goto('/');
		await page.keyboard.press('Tab');
		expect(await focused(page)).toBe('a: Skip to content');
		await expect(page.getByRole('link', { name: 'Skip to content' })).toBeInViewport();
		await page.keyboard.press('Tab');
		expect(await focused(page)).toBe('a: Library');
		await page.keyboard.press('Tab');
		expect(await focused(page)).toBe('a: Compare');
		await page.keyboard.press('Tab');
		expect(await focused(page)).toBe('a: Workshop');
		await page.keyboard.press('Tab');
		expect(await focused(page)).toBe('a: Model');

		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/model$/);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the model works');
		await expect(
			page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Model' })
		).toHaveAttribute('aria-current', 'page');
	});

	test('the skip link moves focus to the main content', async ({ page }) => {
		await page.goto('/model');
		await page.keyboard.press('Tab');
		expect(await focused(page)).toBe('a: Skip to content');
		await page.keyboard.press('Enter');
		await expect(page.locator('main')).toBeFocused();
	});

	test('focus is visible on the nav links', async ({ page }) => {
		await page.goto('/');
		await page.keyboard.press('Tab');
		await page.keyboard.press('Tab');
		const outline = await page.evaluate(() => {
			const style = getComputedStyle(document.activeElement as Element);
			return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
		});
		expect(outline.style).not.toBe('none');
		expect(outline.width).toBeGreaterThanOrEqual(2);
	});
});

const viewports = [
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
];

for (const viewport of viewports) {
	test.describe(`at ${viewport.width}x${viewport.height}`, () => {
		test.use({ viewport, allowedConsoleErrors: [/status of 404/] });

		for (const path of ['/', '/model', '/no-such-page']) {
			test(`${path} fits without horizontal scrolling`, async ({ page }, testInfo) => {
				test.slow(path === '/model', 'the page holds the whole model documentation');
				await page.goto(path);
				await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
				const { scrollWidth, clientWidth } = await page.evaluate(() => ({
					scrollWidth: document.documentElement.scrollWidth,
					clientWidth: document.documentElement.clientWidth
				}));
				expect(scrollWidth).toBeLessThanOrEqual(clientWidth);

				// The header, the heading and the footer are all on screen or reachable by scrolling down.
				await expect(page.getByRole('banner')).toBeInViewport();
				await expect(page.getByRole('heading', { level: 1 })).toBeInViewport();

				const name = path === '/' ? 'home' : path.slice(1);
				await page.screenshot({
					path: testInfo.outputPath(`${name}-${viewport.width}x${viewport.height}.png`),
					// The model page is some fifty screens of documentation: its first screen will do.
					fullPage: path !== '/model'
				});
			});
		}
	});
}

test.describe('on a phone (390x844)', () => {
	test.use({ viewport: { width: 390, height: 844 } });

	test('every navigation link sits inside the header band', async ({ page }) => {
		await page.goto('/model');
		const header = await page.getByRole('banner').boundingBox();
		expect(header).not.toBeNull();
		const links = page.getByRole('navigation', { name: 'Main' }).getByRole('link');
		await expect(links).toHaveCount(4);
		for (const link of await links.all()) {
			const box = await link.boundingBox();
			expect(box).not.toBeNull();
			if (!box || !header) continue;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(390);
			expect(box.y + box.height).toBeLessThanOrEqual(header.y + header.height);
		}
		// All four on one row, so the header does not take a fifth of the screen.
		const tops = await Promise.all(
			(await links.all()).map(async (l) => (await l.boundingBox())?.y)
		);
		expect(new Set(tops).size).toBe(1);
	});
});
