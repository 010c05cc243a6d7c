/**
 * Proof that the shared fixture catches what it promises to: console errors, uncaught
 * page errors, requests off this machine and accessibility violations.
 */
import { expect, expectAccessible, isLocalUrl, test } from './fixtures';

test.describe('the shared fixture', () => {
	test('collects console errors', async ({ page, browserProblems }) => {
		await page.goto('/');
		await page.evaluate(() => console.error('deliberate console error'));
		await expect
			.poll(() => browserProblems.consoleErrors)
			.toEqual([expect.stringContaining('deliberate console error')]);
		browserProblems.consoleErrors.length = 0; // handled: let the test pass
	});

	test('a console error fails the test', async ({ page }) => {
		test.fail();
		await page.goto('/');
		await page.evaluate(() => console.error('deliberate console error'));
	});

	test.describe('with allowedConsoleErrors', () => {
		test.use({ allowedConsoleErrors: [/expected noise/] });

		test('ignores the console errors a test allows, and warnings', async ({
			page,
			browserProblems
		}) => {
			await page.goto('/');
			await page.evaluate(() => {
				console.error('some expected noise');
				console.warn('a warning is not an error');
			});
			expect(browserProblems.consoleErrors).toEqual([]);
		});

		test('still fails on other console errors', async ({ page }) => {
			test.fail();
			await page.goto('/');
			await page.evaluate(() => console.error('something else'));
		});
	});

	test('an uncaught page error fails the test', async ({ page, browserProblems }) => {
		test.fail();
		await page.goto('/');
		await page.evaluate(() => {
			setTimeout(() => {
				throw new Error('deliberate uncaught error');
			});
		});
		await expect.poll(() => browserProblems.pageErrors.length).toBe(1);
	});

	// On a blank page: the app's own pages have a content security policy that stops such a
	// request before it is made (tests/e2e/csp.spec.ts); here the fixture's net is tested.
	test('aborts and records a request to another host', async ({ page, browserProblems }) => {
		await page.goto('about:blank');
		const outcome = await page.evaluate(() =>
			fetch('https://example.com/tracker.js').then(
				() => 'reached the network',
				() => 'blocked'
			)
		);
		expect(outcome).toBe('blocked');
		expect(browserProblems.foreignRequests).toEqual(['GET https://example.com/tracker.js']);
		browserProblems.foreignRequests.length = 0; // handled: let the test pass
	});

	test('a request to another host fails the test', async ({ page }) => {
		test.fail();
		await page.goto('about:blank');
		await page.evaluate(() => fetch('https://example.com/').catch(() => undefined));
	});

	test('tells local from foreign addresses', () => {
		expect(isLocalUrl('http://localhost:4173/model')).toBe(true);
		expect(isLocalUrl('http://127.0.0.1:4173/')).toBe(true);
		expect(isLocalUrl('data:text/plain,hello')).toBe(true);
		expect(isLocalUrl('https://example.com/')).toBe(false);
		expect(isLocalUrl('https://localhost.example.com/')).toBe(false);
	});

	test('expectAccessible fails on a serious violation, naming it', async ({ page }) => {
		await page.goto('/');
		// Once the page is live: hydration may drop a node added to the server's markup.
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.evaluate(() => {
			const main = document.querySelector('main');
			const image = document.createElement('img');
			image.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
			main?.append(image); // an image with no text alternative
		});
		await expect(expectAccessible(page)).rejects.toThrow(/image-alt/);
	});
});
