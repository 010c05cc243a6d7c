/**
 * The content security policy: every page carries it, and using the app breaks none of
 * its rules (each violation is recorded in the page through `securitypolicyviolation`).
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

type Violation = { directive: string; blocked: string; source: string };

/** Records every CSP violation in the page, from the first script on. */
async function recordViolations(page: Page): Promise<void> {
	await page.addInitScript(() => {
		const list: Violation[] = [];
		(window as unknown as { cspViolations: Violation[] }).cspViolations = list;
		document.addEventListener('securitypolicyviolation', (e) => {
			list.push({
				directive: e.effectiveDirective,
				blocked: e.blockedURI,
				source: `${e.sourceFile}:${e.lineNumber}`
			});
		});
	});
}

function violations(page: Page): Promise<Violation[]> {
	return page.evaluate(() => (window as unknown as { cspViolations: Violation[] }).cspViolations);
}

/** Every page of the app, with the examples that ship with it. */
const PAGES = [
	'/',
	'/model',
	'/compare',
	'/compare/sweep',
	'/compare/sensitivity',
	'/workshop',
	'/workshop/storylines',
	'/workshop/audience',
	'/scenarios/preset-typical',
	'/scenarios/preset-typical/report',
	'/share',
	'/200.html'
];

test.describe('content security policy', () => {
	for (const path of PAGES) {
		test(`${path} carries a strict policy and breaks none of it`, async ({ page }) => {
			await recordViolations(page);
			const response = await page.goto(path);
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			// Prerendered pages and the static hosts' fallback page carry it in a <meta> tag;
			// `vite preview` sends it as a header for pages rendered in the browser.
			const meta = page.locator('meta[http-equiv="content-security-policy"]');
			const policy =
				(await meta.count()) > 0
					? await meta.getAttribute('content')
					: ((await response?.allHeaders())?.['content-security-policy'] ?? null);
			expect(policy).toBeTruthy();
			const directives = new Map(
				(policy ?? '')
					.split(';')
					.map((d) => d.trim().split(/\s+/))
					.map(([name, ...values]) => [name, values] as const)
			);
			const scripts = directives.get('script-src') ?? [];
			expect(scripts).toContain("'self'");
			expect(scripts).not.toContain("'unsafe-eval'");
			expect(scripts).not.toContain("'unsafe-inline'");
			// Compiling WebAssembly (the simulation's member step) is allowed; eval is not.
			expect(
				scripts.every((s) => s === "'self'" || s === "'wasm-unsafe-eval'" || /^'sha256-/.test(s))
			).toBe(true);
			expect(directives.get('worker-src')).toEqual(["'self'"]);
			expect(directives.get('connect-src')).toEqual(["'self'"]);
			expect(directives.get('default-src')).toEqual(["'self'"]);
			expect(await violations(page)).toEqual([]);
		});
	}

	test('stops a request to another host before it leaves the page', async ({
		page,
		browserProblems
	}) => {
		await recordViolations(page);
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		const outcome = await page.evaluate(() =>
			fetch('https://example.com/tracker.js').then(
				() => 'reached the network',
				() => 'blocked'
			)
		);
		expect(outcome).toBe('blocked');
		// Blocked by the policy, so it never reached the fixture's network guard.
		expect(browserProblems.foreignRequests).toEqual([]);
		expect(await violations(page)).toEqual([
			expect.objectContaining({
				directive: 'connect-src',
				blocked: 'https://example.com/tracker.js'
			})
		]);
		// The browser reports the refusal as a console error; that one is expected here.
		browserProblems.consoleErrors.splice(0);
	});

	test('running a scenario, a comparison and a report breaks none of it', async ({ page }) => {
		test.setTimeout(120_000);
		await recordViolations(page);
		await page.goto('/scenarios/preset-typical');
		// A run to its end, with 100 futures rather than the example's 1,000.
		await page.getByRole('textbox', { name: 'Simulated futures', exact: true }).fill('100');
		await expect(page.locator('[data-run-state="done"]')).toContainText('100 futures simulated', {
			timeout: 60_000
		});
		expect(await violations(page)).toEqual([]);

		await page.goto('/compare?scenarios=preset-typical,preset-towards');
		await expect(page.getByRole('heading', { name: 'Trust over time' })).toBeVisible({
			timeout: 90_000
		});
		expect(await violations(page)).toEqual([]);

		await page.goto('/scenarios/preset-typical/report');
		await expect(page.getByTestId('report-headline')).toBeVisible({ timeout: 90_000 });
		expect(await violations(page)).toEqual([]);
	});
});
