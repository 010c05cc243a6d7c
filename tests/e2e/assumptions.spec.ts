/**
 * Uncertain assumptions in the app: a scenario switched to uncertain assumptions says where
 * the spread comes from and takes pins; a comparison run with uncertain assumptions says how
 * sure its answer is and what would flip it.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

test.describe.configure({ timeout: 120_000 });

function box(page: Page, label: string): Locator {
	return page.getByRole('textbox', { name: label, exact: true });
}

function runState(page: Page): Locator {
	return page.locator('[data-run-state]');
}

test('a scenario with uncertain assumptions says where the spread comes from, and takes pins', async ({
	page
}, testInfo) => {
	await page.goto('/scenarios/preset-typical');
	await box(page, 'Simulated futures').fill('300');
	await box(page, 'Time horizon').fill('60');
	await expect(runState(page)).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	const note = page.locator('.spread-note');
	await expect(note).toHaveAttribute('data-assumptions', 'fixed');
	await expect(note).toContainText('the spread shows chance alone');
	// Every chart's caption says so too.
	const captions = page.getByTestId('chart-note');
	await expect(captions).toHaveCount(6);
	await expect(captions.first()).toHaveText(
		'Spread: chance alone, with assumptions fixed at their best guesses.'
	);

	const assumptions = page.getByRole('region', { name: 'Assumptions' });
	await assumptions.getByRole('radio', { name: /Uncertain/ }).check();
	await expect(runState(page)).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	await expect(note).toHaveAttribute('data-assumptions', 'uncertain');
	await expect(note).toContainText(
		/at least \d+% of the spread of final-year trust comes from what we assume/
	);
	await expect(note).toContainText('The assumptions that matter most:');
	for (const caption of await captions.all())
		await expect(caption).toContainText(
			/chance and uncertain assumptions together; at least \d+% .* comes from the assumptions, most from/
		);

	// Pin one: it is listed, and the next run says so.
	await assumptions.getByText(/Pin or narrow an assumption/).click();
	await assumptions
		.getByLabel('Assumption', { exact: true })
		.selectOption({ label: 'Loss to gain asymmetry' });
	await expect(assumptions).toContainText('Plausible range here: 2 to 5 times, most likely 3.');
	await assumptions.getByLabel('Pin at').fill('4');
	await assumptions.getByRole('button', { name: 'Pin', exact: true }).click();
	await expect(
		assumptions.getByRole('list', { name: 'Pinned and narrowed assumptions' })
	).toContainText('Loss to gain asymmetry: pinned at 4');
	await expect(runState(page)).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	await expect(note).toContainText('(1 pinned)');
	// Out of range: refused in words.
	await assumptions.getByLabel('Pin at').fill('9');
	await assumptions.getByRole('button', { name: 'Pin', exact: true }).click();
	await expect(assumptions.getByRole('alert')).toContainText('from 2 to 5');
	await expectAccessible(page);
	await page.screenshot({ path: testInfo.outputPath('uncertain-workbench.png'), fullPage: false });
});

test('a comparison with uncertain assumptions says how sure it is and what would flip it', async ({
	page
}) => {
	await page.goto('/compare');
	await page.getByRole('checkbox', { name: /Today's typical contract/ }).check();
	await page.getByRole('checkbox', { name: /Working towards co-production/ }).check();
	await page.getByLabel('Futures per scenario').selectOption('1000');
	await page.getByLabel('Assumptions').selectOption('uncertain');
	await page.getByRole('button', { name: 'Run comparison' }).click();
	// A first look comes before the full comparison, and says so.
	await expect(page.getByText(/A first look from 50 futures each/)).toBeVisible({
		timeout: 30_000
	});
	await expect(page.locator('.receipt')).toContainText('uncertain assumptions', {
		timeout: 90_000
	});
	const sure = page.getByTestId('how-sure').first();
	await expect(sure).toContainText('How sure is this?');
	await expect(sure).toContainText('over chance and the assumptions together');
	// Either a region that flips it, with its share, or why nothing simple does.
	await expect(sure).toContainText(
		/is better unless .+: \d+% of the assumptions tried|no simple region|in every simulated future/
	);
	// Never "100% ± 0.0".
	await expect(page.getByText(/100% ± 0\.0|0% ± 0\.0/)).toHaveCount(0);
	await expectAccessible(page);
	// The board pack of the same comparison is one click away once the full comparison (not
	// the first look) is done.
	const report = page.getByRole('link', { name: 'Board pack (print or PDF)' });
	await expect(report).toHaveAttribute(
		'href',
		/\/compare\/report\?scenarios=preset-typical%2Cpreset-towards&runs=1000&assumptions=uncertain$/,
		{ timeout: 90_000 }
	);
});

test('the comparison report says how sure it is, and the scenario report where the spread comes from', async ({
	page
}) => {
	await page.goto(
		'/compare/report?scenarios=preset-typical,preset-towards&runs=100&assumptions=uncertain'
	);
	const sure = page.getByTestId('report-how-sure');
	await expect(sure).toContainText('B against A:', { timeout: 90_000 });
	await expect(sure).toContainText('over chance and the assumptions together');
	await expect(page.getByRole('heading', { name: 'How sure is this?' })).toBeVisible();
	await page.goto('/scenarios/preset-typical/report');
	await expect(page.getByTestId('report-spread')).toContainText('the spread shows chance alone', {
		timeout: 90_000
	});
});
