/**
 * The board pack: reached from the compare page after a comparison and from the workbench,
 * it prints to two to four A4 pages in Chromium, with the executive summary on page 1, the
 * receipts as short lines and the share link's QR code or footnote, and page breaks that
 * never leave a heading at a page's foot or a page more than half empty.
 */
import type { Page } from '@playwright/test';
import { PRESETS } from '../../src/lib/sim';
import { cutOff, overlaps } from './chart-checks';
import { expect, expectAccessible, test } from './fixtures';

const TYPICAL = PRESETS.find((p) => p.id === 'typical')!.scenario;
const TOWARDS = PRESETS.find((p) => p.id === 'towards')!.scenario;

/** The height of an A4 page's text at 96 px an inch: 297 mm less 15 and 18 mm margins. */
const PAGE_PX = ((297 - 33) / 25.4) * 96;

/** Waits for the pack to have its results and its receipts' links. */
async function packReady(page: Page) {
	await expect(page.locator('[data-pack-ready="yes"]')).toBeVisible({ timeout: 120_000 });
	await expect(
		page.getByTestId('pack-footnote').or(page.getByTestId('pack-qr').first())
	).toBeVisible();
}

/**
 * Prints the pack as Chromium does and checks what the paper shows: the page count, the
 * executive summary with the three numbers, the receipts and the rules that place the page
 * breaks.
 */
async function checkPrint(page: Page, designs: number) {
	await page.setViewportSize({ width: 794, height: 1123 });
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(page.getByTestId('receipt-link').first()).toBeHidden();

	// Page 1: the question, the designs, the answer and the three numbers, one per design.
	const summary = page.getByTestId('pack-summary');
	await expect(summary.getByTestId('pack-question')).toContainText('over 10 years');
	await expect(summary.getByTestId('pack-answer').first()).toBeVisible();
	const numbers = summary.getByTestId('pack-numbers');
	await expect(numbers.locator('tbody tr')).toHaveCount(3);
	await expect(numbers.locator('tr[data-number="trust"] td')).toHaveCount(designs);
	await expect(numbers.locator('tr[data-number="trust"] td').first()).toHaveText(
		/^0\.\d\d \d\.\d\d to \d\.\d\d$/
	);
	await expect(numbers.locator('tr[data-number="threshold"] th')).toContainText('at or above 0.60');
	await expect(numbers.locator('tr[data-number="collapse"]')).toBeVisible();
	// The receipts, one short line a design, and the link as a QR code or a footnote (the
	// test server is on localhost, which a phone could not open: a footnote).
	await expect(page.getByTestId('pack-code')).toHaveCount(designs);
	await expect(page.getByTestId('pack-code').first()).toHaveText(
		/^A\s*model \d+\.\d+\.\d+ · schema \d+ · seed \d+ · [\d,]+ futures · (fixed|uncertain).* · #[0-9a-f]{8}$/
	);
	await expect(page.getByTestId('pack-footnote')).toContainText('no QR code is printed');
	await expect(page.getByTestId('pack-qr')).toHaveCount(0);

	// Break rules: headings stay with what follows; tables and figures are not cut; the one
	// forced break (after the summary) ends on content, not a heading, and follows more than
	// half a page of it.
	const rules = await page.evaluate(() => {
		const pack = document.querySelector('article.pack')!;
		const style = (e: Element) => getComputedStyle(e);
		const headings = [...pack.querySelectorAll('h2, h3')].filter(
			(h) => (h as HTMLElement).offsetParent !== null
		);
		const forced = [...pack.querySelectorAll('*')].filter(
			(e) => style(e).breakAfter === 'page' || style(e).breakBefore === 'page'
		);
		const beforeBreak = forced.map((e) =>
			style(e).breakAfter === 'page'
				? (e.lastElementChild?.tagName ?? '')
				: (e.previousElementSibling?.tagName ?? '')
		);
		const summary = pack.querySelector('[data-testid="pack-summary"]')!;
		const top = pack.getBoundingClientRect().top;
		return {
			headingsAvoid: headings.every((h) => style(h).breakAfter === 'avoid'),
			headings: headings.length,
			tablesWhole: [...pack.querySelectorAll('table, .figure')]
				.filter((t) => (t as HTMLElement).offsetParent !== null)
				.every((t) => {
					const inside = (e: Element | null): boolean =>
						!!e && (style(e).breakInside === 'avoid' || inside(e.parentElement));
					return inside(t);
				}),
			// A short section with a chart prints whole, its heading and words with its chart.
			chartSectionsWhole: [
				...pack.querySelectorAll('[data-testid="pack-levers"], [data-testid="pack-sweep"]')
			].every((e) => style(e).breakInside === 'avoid'),
			forced: forced.length,
			beforeBreak,
			summaryEnd: summary.getBoundingClientRect().bottom - top
		};
	});
	expect(rules.headings).toBeGreaterThan(6);
	expect(rules.headingsAvoid).toBe(true);
	expect(rules.tablesWhole).toBe(true);
	expect(rules.chartSectionsWhole).toBe(true);
	// At the paper's width the charts' labels neither overlap nor run off their chart.
	for (const chart of await page
		.locator('article.pack figure:is(.tornado, .heatmap, .why-chart)')
		.all()) {
		expect(await overlaps(chart.locator('svg text'))).toEqual([]);
		expect(await cutOff(chart)).toEqual([]);
	}
	expect(rules.forced).toBe(1);
	expect(rules.beforeBreak.filter((t) => /^H\d$/.test(t))).toEqual([]);
	expect(rules.summaryEnd).toBeGreaterThan(PAGE_PX / 2);
	expect(rules.summaryEnd).toBeLessThan(PAGE_PX);

	const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true });
	const text = pdf.toString('latin1');
	expect(text.startsWith('%PDF-')).toBe(true);
	const pages = (text.match(/\/Type\s*\/Page[^s]/g) ?? []).length;
	expect(pages).toBeGreaterThanOrEqual(2);
	expect(pages).toBeLessThanOrEqual(4);
	await page.screenshot({ path: test.info().outputPath('board-pack-print.png'), fullPage: true });
}

test('the compare page links to the board pack of the comparison it ran, which prints to 2 to 4 A4 pages', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.goto('/compare');
	await page.getByRole('checkbox', { name: /Today's typical contract/ }).check();
	await page.getByRole('checkbox', { name: /Working towards co-production/ }).check();
	await page.getByLabel('Futures per scenario').selectOption('200');
	await page.getByRole('button', { name: 'Run comparison' }).click();
	const link = page.getByRole('link', { name: 'Board pack (print or PDF)' });
	await expect(link).toHaveAttribute(
		'href',
		/\/compare\/report\?scenarios=preset-typical%2Cpreset-towards&runs=200&assumptions=fixed$/,
		{ timeout: 90_000 }
	);
	await link.click();
	await expect(page.getByText('Slow Trust · Board pack')).toBeVisible();
	await packReady(page);
	await expect(page).toHaveTitle(/· Board pack · Slow Trust$/);

	// The answer names the winner, how sure it is and the assumption mode.
	await expect(page.getByTestId('pack-answer')).toHaveText(
		/^(B builds more trust than A|A builds more trust than B|Too close to call|A and B end).*fixed at their best guesses/
	);
	await expect(page.getByTestId('report-how-sure')).toContainText('B against A:');
	// The designs side by side: the contract length first, then only what differs.
	const designs = page.getByRole('table', { name: 'The designs compared' });
	await expect(designs.locator('tbody tr').first()).toHaveText(
		/Contract length\s*36 months\s*60 months/
	);
	await expect(designs.getByRole('row', { name: /Random seed/ })).toHaveCount(0);
	// The paired results, future by future.
	await expect(page.getByTestId('p-better')).toHaveCount(4);
	// Which levers matter most for the design with more trust (B here), as a tornado.
	const levers = page.getByTestId('pack-levers');
	await expect(levers).toContainText('Which levers matter most for B, the design with more trust');
	await expect(levers.locator('figure.tornado')).toBeVisible();
	await expect(levers.getByText('Contract length', { exact: true }).first()).toBeVisible();
	await expect(page.locator('#compare-report-fan-caption')).toBeVisible();
	// On screen the full links stay, with a copy button.
	await expect(page.getByTestId('receipt-link')).toHaveCount(2);
	await expect(page.getByTestId('receipt-link').first()).toHaveAttribute('href', /\/share#v1p?\./);
	await expect(page.getByRole('button', { name: 'Copy the link' })).toHaveCount(2);
	await expectAccessible(page);

	await checkPrint(page, 2);
});

test('the workbench links to the board pack of its scenario, which prints to 2 to 4 A4 pages', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.goto('/scenarios/preset-typical');
	await page.getByRole('textbox', { name: 'Simulated futures', exact: true }).fill('200');
	await expect(page.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
		timeout: 90_000
	});
	await page.getByRole('button', { name: 'Keep my changes in a copy' }).click();
	await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
	const id = new URL(page.url()).pathname.split('/').pop();
	const link = page.getByRole('link', { name: 'Board pack', exact: true });
	await expect(link).toHaveAttribute('href', `/scenarios/${id}/report?view=pack`);
	await link.click();
	await packReady(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${TYPICAL.name} (copy)`);

	// One design: the levers it sets, its headline as the answer, where the spread comes from.
	await expect(page.getByRole('table', { name: 'The design' })).toContainText('KPI rigidity');
	await expect(page.getByTestId('pack-answer')).toHaveText(/^Under this 3-year contract, trust/);
	await expect(page.getByTestId('pack-answer')).toContainText('200 simulated futures');
	await expect(page.getByTestId('report-spread')).toContainText('fixed at their best guesses');
	await expect(page.getByRole('heading', { name: 'Reproducibility receipt' })).toBeVisible();
	await expect(page.getByTestId('pack-code')).toContainText('· 200 futures · fixed ·');
	// Its levers, one at a time.
	await expect(page.getByTestId('pack-levers')).toContainText('Each lever moved alone');
	await expect(page.getByTestId('pack-levers').locator('figure.tornado')).toBeVisible();
	// The full report is still one click away, and links back to the pack.
	await expect(page.getByRole('link', { name: 'Full report (every chart)' })).toHaveAttribute(
		'href',
		`/scenarios/${id}/report`
	);
	await expectAccessible(page);

	await checkPrint(page, 1);
});

test('the comparison report address opens the pack, and says so when a scenario is missing', async ({
	page
}) => {
	test.setTimeout(120_000);
	await page.goto('/compare/report?scenarios=preset-typical,preset-towards&runs=100');
	await packReady(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Comparison: A ${TYPICAL.name}, B ${TOWARDS.name}`
	);
	await expect(page.getByTestId('pack-code')).toHaveCount(2);
	await expect(page.getByTestId('pack-code').nth(1)).toContainText('· 100 futures ·');
	// No scenario that exists: said in words, nothing else shown.
	await page.goto('/compare/report?scenarios=nothing-here&runs=100');
	await expect(page.getByText('A board pack needs one scenario')).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('pack-summary')).toHaveCount(0);
});

test('four designs and a sweep still print on 4 pages: one answer that ranks them, one why, one table of pairs', async ({
	page
}) => {
	test.setTimeout(240_000);
	// A sweep of towards, run in this tab, which the pack then carries.
	await page.goto('/compare/sweep?scenario=preset-towards');
	await expect(page.getByLabel('Scenario')).toHaveValue('preset-towards');
	await page.getByLabel('Values across').fill('4');
	await page.getByLabel('Values up').fill('3');
	await page.getByLabel('Futures per cell').selectOption('50');
	await page.getByRole('button', { name: 'Run the sweep' }).click();
	await expect(page.getByText('The sweep is complete.')).toBeVisible({ timeout: 90_000 });
	// Goal seeking on the sweep's own lever, with a target no contract length reaches.
	await page.getByLabel('Lever').selectOption('contract.lengthMonths');
	await page.getByLabel('Target chance, percent').fill('60');
	await page.getByRole('button', { name: 'Find it' }).click();
	await expect(page.getByTestId('goal-answer')).toContainText(
		'No value of contract length from 6 months to 120 months was shown to reach a 60% chance',
		{ timeout: 90_000 }
	);
	await expect(page.getByTestId('goal-not-drawn')).toHaveText(
		'No value was found, so nothing is drawn on the sweep.'
	);

	await page.goto(
		'/compare/report?scenarios=preset-typical,preset-towards,preset-courage,preset-churn&runs=50'
	);
	await packReady(page);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		'Comparison of 4 contract designs, A, B, C and D'
	);
	// One answer for all four: the design with the most trust and how often it beats each other.
	await expect(page.getByTestId('pack-answer')).toHaveCount(1);
	await expect(page.getByTestId('pack-answer')).toHaveText(
		/^(C builds the most trust of the 4 designs: higher final-year trust than [ABD]|Too close to call between C and [ABD])/
	);
	await expect(page.getByTestId('report-how-sure')).toHaveCount(1);
	await expect(page.getByTestId('report-how-sure')).toContainText('its closest contender');
	// Each design against A in one table; one "why", for the recommended design.
	await expect(page.getByTestId('p-better')).toHaveCount(3 * 4);
	await expect(page.getByTestId('why')).toHaveCount(1);
	await expect(page.getByTestId('why')).toContainText('Why is C better?');
	await expect(page.getByTestId('pack-sweep')).toHaveCount(1);
	// The sweep says what it ran on, which may differ from the rest of the pack.
	await expect(page.getByTestId('pack-goal')).toContainText('No value of contract length');
	await expect(page.getByTestId('pack-sweep-receipt')).toContainText(
		'50 futures a cell on seed 20221130, with assumptions fixed at their best guesses'
	);
	await expect(page.getByTestId('pack-levers')).toContainText(
		'for C, the design with the most trust'
	);

	await checkPrint(page, 4);
});
