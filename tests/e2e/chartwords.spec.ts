/**
 * The charts' words and marks: contract ends labelled with what followed, the comparison
 * chart's threshold unlike every scenario's median in colour and dash, chart text of at least
 * 12 px, tornado labels that never overlap, the continuous measures beside the chances on the
 * compare page, and a sweep whose cells are all equal saying so and offering a measure that
 * varies.
 */
import type { Locator, Page } from '@playwright/test';
import { cutOff, overlaps, textOverBars } from './chart-checks';
import { expect, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

/** Every visible text of the SVGs inside `root` drawn at under 12 px on screen. */
function smallText(root: Locator): Promise<string[]> {
	return root.evaluate((el) => {
		const out: string[] = [];
		for (const text of el.querySelectorAll('svg text')) {
			if (!text.textContent?.trim() || !text.checkVisibility({ checkVisibilityCSS: true }))
				continue;
			const m = (text as SVGTextElement).getScreenCTM();
			const size = parseFloat(getComputedStyle(text).fontSize) * (m ? Math.hypot(m.a, m.b) : 1);
			if (size < 11.95) out.push(`${text.textContent.trim()} at ${size.toFixed(1)} px`);
		}
		return out;
	});
}

async function compareTypicalTowards(page: Page): Promise<void> {
	await page.goto('/compare');
	await page.getByRole('checkbox', { name: /Today's typical contract/ }).check();
	await page.getByRole('checkbox', { name: /Working towards co-production/ }).check();
	await page.getByLabel('Futures per scenario').selectOption('100');
	await page.getByRole('button', { name: 'Run comparison' }).click();
	await expect(page.getByRole('heading', { name: 'Trust over time' })).toBeVisible({
		timeout: 90_000
	});
}

test('contract ends say what followed, in the chart, its legend and its words', async ({
	page
}) => {
	await page.goto('/scenarios/preset-typical');
	await expect(page.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
		timeout: 90_000
	});
	const chart = (title: string) =>
		page.locator('section.chart').filter({ has: page.getByRole('heading', { name: title }) });
	const fan = chart('Trust over time');
	const labels = fan.locator('.event-label');
	// The first contract ends after month 36 in every future, and is extended in some of them.
	await expect(
		labels.filter({ hasText: /^Contract ends: \d+% extended, \d+% re-procured$/ })
	).toHaveCount(1);
	await expect(fan.getByText(/^Ends in \d+%$/)).toHaveCount(0);
	await expect(fan).toContainText(
		'Contract ends: its label says in what share of futures it is extended or re-procured'
	);
	await expect(fan).toContainText(
		/After month 36 the contract ends in every future: it is extended in \d+% and re-procured in \d+%/
	);
	expect(await overlaps(labels)).toEqual([]);
	expect(await smallText(fan)).toEqual([]);
	// On a phone the labels break onto two lines, and still neither overlap nor leave the chart.
	await page.setViewportSize({ width: 390, height: 844 });
	await expect.poll(() => labels.first().locator('tspan').count()).toBe(2);
	await expect.poll(() => overlaps(labels)).toEqual([]);
	expect(await cutOff(fan)).toEqual([]);
	await page.setViewportSize({ width: 1366, height: 768 });
	// The components chart says how overall trust is made from the four.
	await expect(chart('The four components of trust')).toContainText(
		"each person's weighted harmonic mean"
	);
});

test('the comparison chart tells the threshold from every median, and says each level', async ({
	page
}) => {
	await compareTypicalTowards(page);
	const chart = page.locator('figure.compare-fan');
	const style = (l: Locator) =>
		l.evaluate((el) => ({
			stroke: getComputedStyle(el).stroke,
			dash: getComputedStyle(el).strokeDasharray
		}));
	const threshold = await style(chart.locator('[data-mark="threshold"] line'));
	for (const letter of ['A', 'B']) {
		const median = await style(chart.locator(`[data-median="${letter}"]`));
		expect(median.stroke, letter).not.toBe(threshold.stroke);
		expect(median.dash, letter).not.toBe(threshold.dash);
	}
	await expect(chart.getByRole('list', { name: 'Scenarios and the threshold' })).toContainText(
		'Threshold 0.60'
	);
	expect(await smallText(chart)).toEqual([]);

	// Beside each chance, each scenario's own level of the outcome.
	const trust = page.getByRole('article', { name: 'Trust in the final year: B against A' });
	await expect(trust.getByTestId('levels')).toHaveText(
		/A: median \d\.\d\d \(middle half \d\.\d\d to \d\.\d\d\)\.\s*B: median \d\.\d\d/
	);
	const codesign = page.getByRole('article', {
		name: 'Co-designing in the final year: B against A'
	});
	await expect(codesign.getByTestId('levels')).toContainText(
		'of the community co-designing or higher'
	);
	await expect(codesign.getByTestId('p-better')).not.toHaveText(/= 0%/);
});

test('a sweep of equal cells says so and offers a measure that varies', async ({ page }) => {
	await page.goto('/compare/sweep?scenario=preset-typical');
	await expect(page.getByLabel('Scenario')).toHaveValue('preset-typical');
	await page.getByLabel('Values across').fill('3');
	await page.getByLabel('Values up').fill('2');
	await page.getByLabel('Futures per cell').selectOption('50');
	await page
		.getByLabel('Colour shows')
		.selectOption('Chance trust in the final year is at or above the threshold');
	await page.getByRole('button', { name: 'Run the sweep' }).click();
	await expect(page.getByText('The sweep is complete.')).toBeVisible({ timeout: 60_000 });
	const uniform = page.getByTestId('sweep-uniform');
	await expect(uniform).toContainText(
		'All 6 cells are 0%: try colouring by median trust in the final year'
	);
	// The summary names no "highest" cell when every cell is the same.
	const figure = page.locator('figure.heatmap');
	await figure.getByRole('button', { name: 'Show as a table' }).click();
	await expect(figure).toContainText('every one shows 0%');
	await expect(figure).not.toContainText('The highest is');
	// Its key names no outline that no cell has, and every cell was run.
	await expect(figure.locator('.legend')).not.toContainText('at or above');
	await expect(figure.locator('.legend')).not.toContainText('not run yet');

	await uniform.getByRole('button', { name: 'Colour by median trust in the final year' }).click();
	await expect(page.getByLabel('Colour shows')).toHaveValue('medianFinalTrust');
	await expect(uniform).toBeHidden();
	const values = await page
		.locator('.cell[data-value]:not([data-value=""])')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')));
	expect(values).toHaveLength(6);
	expect(new Set(values).size).toBeGreaterThan(1);
	await expect(figure).toContainText('The highest is');

	// Months above the threshold and the share engaged are offered too.
	await page
		.getByLabel('Colour shows')
		.selectOption('Share of the community engaged or higher in the final year');
	await expect(figure.locator('figcaption')).toContainText(
		'Share of the community engaged or higher in the final year'
	);
	expect(await smallText(figure)).toEqual([]);
});

test('tornado labels never overlap, on a laptop and on a phone', async ({ page }) => {
	await page.goto('/compare/sensitivity?scenario=preset-typical');
	await expect(page.getByLabel('Scenario')).toHaveValue('preset-typical');
	await page.getByLabel('Futures per run').selectOption('50');
	for (const group of ['Power sharing', 'Provider', 'Partners', 'Oversight'])
		await page.getByRole('checkbox', { name: group, exact: true }).uncheck();
	await page.getByRole('button', { name: 'Run the sensitivity analysis' }).click();
	await expect(page.getByText('The sensitivity analysis is complete.')).toBeVisible({
		timeout: 90_000
	});
	const tornado = page.locator('figure.tornado');
	for (const width of [1366, 390]) {
		await page.setViewportSize({ width, height: 800 });
		await expect
			.poll(() => overlaps(tornado.locator('svg text')), { message: `${width}` })
			.toEqual([]);
		expect(await smallText(tornado), `${width}`).toEqual([]);
		expect(await cutOff(tornado), `${width}`).toEqual([]);
		// No value label lies across a bar (its own row's or the next).
		expect(await textOverBars(tornado), `${width}`).toEqual([]);
	}
	// A chance comes with median trust beside it.
	await page.setViewportSize({ width: 1366, height: 800 });
	await page.getByLabel('Measure').selectOption('pCodesigning');
	await expect(page.getByTestId('sensitivity-beside')).toContainText(
		/Beside it, median trust in the final year is \d\.\d\d at the baseline/
	);
	// On a phone a chance's chart keeps its text inside, with distinct tick labels.
	await page.setViewportSize({ width: 390, height: 800 });
	await expect.poll(() => cutOff(tornado)).toEqual([]);
	const ticks = await tornado
		.locator('svg text')
		.evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? '').filter((t) => /%$/.test(t)));
	expect(ticks.length).toBeGreaterThan(1);
	expect(new Set(ticks).size).toBe(ticks.length);
	await page.getByLabel('Measure').selectOption('medianFinalTrust');
	await expect(page.getByTestId('sensitivity-beside')).toHaveCount(0);
});

test('the comparison report gives median trust beside each headline chance', async ({ page }) => {
	await page.goto('/compare/report?scenarios=preset-typical,preset-towards&runs=20');
	const headlines = page.getByTestId('compare-headline');
	await expect(headlines).toHaveCount(2, { timeout: 90_000 });
	for (const h of await headlines.all())
		await expect(h).toContainText(/trust .*\. Median trust is \d\.\d\d in the final year/);
});
