/**
 * The error boundary: an unexpected error shows a recoverable panel (what happened, copy
 * details, a way back), never a blank page; an error outside rendering shows the same panel
 * above a page that stays usable. Faults are injected into the browser before the app loads.
 */
import { expect, test } from './fixtures';

test.describe('unexpected errors', () => {
	// The boundary logs what it caught, as it should; those logs are expected here.
	test.use({ allowedConsoleErrors: [/injected fault/] });

	test('a page that fails to render shows a recoverable panel; Try again and the way back work', async ({
		page,
		context
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		// From a page with nothing still loading in the background, so that the fault below
		// strikes the next page's drawing and nothing else.
		await page.goto('/model');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the model works');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		// The Compare page's drawing fails once (Svelte draws by cloning templates).
		await page.evaluate(() => {
			const original = Node.prototype.cloneNode;
			// Only the Compare page's own template, and only once.
			Node.prototype.cloneNode = function (this: Node, deep?: boolean) {
				if (!this.textContent?.includes('Scenarios side by side')) return original.call(this, deep);
				Node.prototype.cloneNode = original;
				throw new Error('injected fault: the page could not be drawn');
			};
		});
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Compare' })
			.click();
		const panel = page.getByRole('alert').filter({ hasText: 'stopped working' });
		await expect(panel).toBeVisible();
		await expect(panel.getByRole('heading', { name: 'Something went wrong' })).toBeVisible();
		await expect(panel).toContainText('the page could not be drawn');
		await expect(panel).toContainText('Your scenarios are stored on this device');
		// The shell is still there: never a blank page.
		await expect(page.getByRole('banner')).toContainText('Slow Trust');

		await panel.getByRole('button', { name: 'Copy details' }).click();
		await expect(panel).toContainText('Details copied');
		const copied = await page.evaluate(() => navigator.clipboard.readText());
		expect(copied).toContain('Slow Trust error report');
		expect(copied).toContain('Message: injected fault: the page could not be drawn');
		expect(copied).toMatch(/Page: http:\/\/[^\s]+\/compare/);
		expect(copied).toMatch(/Model version: \d+\.\d+\.\d+/);

		// The fault has passed: trying again draws the page.
		await panel.getByRole('button', { name: 'Try again' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Scenarios side by side/);
		await expect(panel).toHaveCount(0);
	});

	test('the error panel leads back to the library', async ({ page }) => {
		await page.goto('/model');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the model works');
		await page.evaluate(() => {
			const original = Node.prototype.cloneNode;
			// Only the Compare page's own template, and only once.
			Node.prototype.cloneNode = function (this: Node, deep?: boolean) {
				if (!this.textContent?.includes('Scenarios side by side')) return original.call(this, deep);
				Node.prototype.cloneNode = original;
				throw new Error('injected fault: the page could not be drawn');
			};
		});
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Compare' })
			.click();
		const panel = page.getByRole('alert').filter({ hasText: 'stopped working' });
		await panel.getByRole('link', { name: 'Go to the library' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(panel).toHaveCount(0);
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
	});

	test('an error outside rendering shows a panel that can be dismissed; the page stays usable', async ({
		page,
		browserProblems
	}) => {
		await page.goto('/model');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the model works');
		// The prerendered page shows before its scripts run; wait until they do.
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.evaluate(() => {
			setTimeout(() => {
				throw new Error('injected fault in a timer');
			});
		});
		const panel = page.getByRole('alert').filter({ hasText: 'stopped working' });
		await expect(panel).toContainText('injected fault in a timer');
		await panel.getByRole('button', { name: 'Dismiss' }).click();
		await expect(panel).toHaveCount(0);
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Library' })
			.click();
		await expect(page).toHaveURL(/\/$/);
		// The injected error was uncaught by design; it is the only one.
		expect(browserProblems.pageErrors).toHaveLength(1);
		expect(browserProblems.pageErrors[0]).toContain('injected fault in a timer');
		browserProblems.pageErrors.splice(0);
	});

	test('a promise that fails unheard shows the panel too', async ({ page, browserProblems }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.evaluate(() => {
			void Promise.reject(new Error('injected fault in a promise'));
		});
		const panel = page.getByRole('alert').filter({ hasText: 'stopped working' });
		await expect(panel).toContainText('injected fault in a promise');
		expect(browserProblems.pageErrors).toHaveLength(1);
		browserProblems.pageErrors.splice(0);
	});

	/** Makes the shell's own navigation code fail once: the next `startsWith('/scenarios/')`. */
	function shellFault() {
		const original = String.prototype.startsWith;
		String.prototype.startsWith = function (this: string, search: string, position?: number) {
			if (String(search).includes('/scenarios/')) {
				String.prototype.startsWith = original;
				throw new Error('injected fault in the shell');
			}
			return original.call(this, search, position);
		};
	}

	test('an error in the shell while switching pages shows the panel in the shell, not a broken page', async ({
		page
	}) => {
		await page.goto('/model');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the model works');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.evaluate(shellFault);
		await page
			.getByRole('navigation', { name: 'Main' })
			.getByRole('link', { name: 'Compare' })
			.click();
		await expect(page).toHaveURL(/\/compare$/);
		const panel = page.getByRole('alert').filter({ hasText: 'stopped working' });
		await expect(panel).toContainText('injected fault in the shell');
		// Styled, with the way to every page.
		const nav = page.getByRole('navigation', { name: 'Main' });
		await expect(nav.getByRole('link', { name: 'Library' })).toBeVisible();
		expect(
			await page.getByRole('banner').evaluate((el) => getComputedStyle(el).backgroundColor)
		).not.toBe('rgba(0, 0, 0, 0)');
		// The fault has passed: trying again shows the page the person asked for.
		await panel.getByRole('button', { name: 'Try again' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Scenarios side by side/);
		await expect(panel).toHaveCount(0);
		await expect(nav.getByRole('link', { name: 'Compare' })).toHaveAttribute(
			'aria-current',
			'page'
		);
	});

	test('an error in the shell on the first render shows the panel, never a blank page', async ({
		page
	}) => {
		await page.addInitScript(shellFault);
		// A page drawn in the browser only (no prerendered copy to fall back on).
		await page.goto('/scenarios/preset-typical');
		const panel = page.getByRole('alert').filter({ hasText: 'stopped working' });
		await expect(panel).toContainText('injected fault in the shell');
		await expect(page.getByRole('banner')).toContainText('Slow Trust');
		await expect(panel.getByRole('link', { name: 'Go to the library' })).toBeVisible();
		await panel.getByRole('button', { name: 'Try again' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText("Today's typical contract");
		await expect(panel).toHaveCount(0);
	});
});
