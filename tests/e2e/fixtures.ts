/**
 * The shared end-to-end fixture every page test uses. Import `test` and `expect` from
 * here, not from @playwright/test.
 *
 * For every test it:
 * - fails the test on any console error (page or worker) and any uncaught page error;
 * - aborts, records and fails the test on any request to a host other than localhost or
 *   127.0.0.1 (the app makes no network calls);
 * and it offers `expectAccessible(page)`, an axe-core check for WCAG 2.1 A and AA that
 * fails on serious or critical violations with a readable list.
 *
 * A test that expects a console error (the 404 page logs the failed document load) lists
 * it with `test.use({ allowedConsoleErrors: [/pattern/] })`.
 */
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

/** What went wrong in the browser during one test. */
export type BrowserProblems = {
	consoleErrors: string[];
	pageErrors: string[];
	foreignRequests: string[];
};

type Fixtures = {
	/** Console error texts that do not fail the test. */
	allowedConsoleErrors: RegExp[];
	/** Problems collected so far; checked automatically when the test ends. */
	browserProblems: BrowserProblems;
};

const localHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Whether a request URL stays on this machine. */
export function isLocalUrl(url: string): boolean {
	const { protocol, hostname } = new URL(url);
	if (protocol === 'data:' || protocol === 'blob:' || protocol === 'about:') return true;
	return localHosts.has(hostname);
}

export const test = base.extend<Fixtures>({
	allowedConsoleErrors: [[], { option: true }],

	browserProblems: [
		async ({ context, page, allowedConsoleErrors }, use) => {
			const problems: BrowserProblems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };

			// Aborted before they leave the browser, and recorded.
			await context.route(
				(url) => !isLocalUrl(url.href),
				async (route) => {
					problems.foreignRequests.push(`${route.request().method()} ${route.request().url()}`);
					await route.abort('blockedbyclient');
				}
			);

			// Context-level: every page of the test and their workers.
			context.on('console', (message) => {
				if (message.type() !== 'error') return;
				const text = message.text();
				if (allowedConsoleErrors.some((pattern) => pattern.test(text))) return;
				const { url, lineNumber } = message.location();
				// A request this fixture aborted is already listed under foreignRequests.
				if (url && !isLocalUrl(url) && text.includes('ERR_BLOCKED_BY_CLIENT')) return;
				problems.consoleErrors.push(url ? `${text} (${url}:${lineNumber})` : text);
			});
			page.on('pageerror', (error) => {
				problems.pageErrors.push(error.stack ?? `${error.name}: ${error.message}`);
			});

			await use(problems);

			expect.soft(problems.consoleErrors, 'the page logged console errors').toEqual([]);
			expect.soft(problems.pageErrors, 'the page threw uncaught errors').toEqual([]);
			expect.soft(problems.foreignRequests, 'the page made requests off this machine').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** WCAG 2.0 and 2.1, levels A and AA. */
export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/**
 * Runs axe-core on the page as it is now and fails on any serious or critical violation,
 * listing each rule, its impact, what it means and the elements involved.
 */
export async function expectAccessible(page: Page, options: { exclude?: string[] } = {}) {
	let builder = new AxeBuilder({ page }).withTags(axeTags);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	const results = await builder.analyze();
	const blocking = results.violations.filter(
		(violation) => violation.impact === 'serious' || violation.impact === 'critical'
	);
	const listing = blocking
		.map((violation) => {
			const nodes = violation.nodes
				.map(
					(node) =>
						`    - ${node.target.join(' ')}\n      ${node.failureSummary?.replace(/\n/g, '\n      ') ?? ''}`
				)
				.join('\n');
			return `[${violation.impact}] ${violation.id}: ${violation.help}\n  ${violation.helpUrl}\n${nodes}`;
		})
		.join('\n\n');
	expect(blocking.length, `Accessibility violations on ${page.url()}:\n\n${listing}`).toBe(0);
}
