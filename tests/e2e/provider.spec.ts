/**
 * A provider's bid work: a shared link opens with results (run on arrival, with progress and
 * Cancel, read-only, nothing stored); a description the settings no longer match is flagged,
 * and a one-line summary of the design can replace it; restore points say what changed and
 * can be compared with the settings on screen.
 */
import type { Locator, Page } from '@playwright/test';
import { encodeScenario } from '../../src/lib/db/share';
import { PRESETS, type Scenario } from '../../src/lib/sim';
import { expect, expectAccessible, test } from './fixtures';

const TOWARDS = PRESETS.find((p) => p.id === 'towards')?.scenario as Scenario;
const DEMO = '/scenarios/preset-typical';
const DEMO_NAME = "Today's typical contract";

/** The towards example after the bid team moved on: 84 months, 6 partners, 2,000 futures. */
const MOVED: Scenario = {
	...TOWARDS,
	name: 'Our bid',
	description: 'A five-year contract with four community partners.',
	runs: 2000,
	contract: { ...TOWARDS.contract, lengthMonths: 84 },
	partners: { ...TOWARDS.partners, count: 6 }
};

async function shareCode(scenario: Scenario): Promise<string> {
	const r = await encodeScenario(scenario);
	if (!r.ok) throw new Error(r.error);
	return r.value;
}

function box(page: Page, label: string): Locator {
	return page.getByRole('textbox', { name: label, exact: true });
}

/** How many scenarios and results this browser's library holds. */
function stored(page: Page): Promise<{ scenarios: number; results: number }> {
	return page.evaluate(
		() =>
			new Promise<{ scenarios: number; results: number }>((resolve) => {
				const open = indexedDB.open('slow-trust');
				open.onsuccess = () => {
					const db = open.result;
					const names = [...db.objectStoreNames];
					if (!names.includes('scenarios')) {
						db.close();
						resolve({ scenarios: 0, results: 0 });
						return;
					}
					const t = db.transaction(['scenarios', 'results']);
					const a = t.objectStore('scenarios').count();
					const b = t.objectStore('results').count();
					t.oncomplete = () => {
						db.close();
						resolve({ scenarios: a.result, results: b.result });
					};
				};
				open.onerror = () => resolve({ scenarios: -1, results: -1 });
			})
	);
}

/** Opens the demo example, makes an editable copy with 100 futures; returns the page's path. */
async function editableCopy(page: Page): Promise<void> {
	await page.goto(DEMO);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_NAME);
	await page.getByRole('button', { name: 'Make an editable copy' }).click();
	await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${DEMO_NAME} (copy)`);
	await box(page, 'Simulated futures').fill('100');
	await expect(page.locator('.save-state')).toHaveText('Saved');
	await expect(page.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
		timeout: 60_000
	});
}

test('a shared link opens with results: a first look run here, with progress and Cancel', async ({
	page
}, testInfo) => {
	test.setTimeout(150_000);
	await page.goto(`/share#${await shareCode(MOVED)}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our bid');
	// The settings, at once, and the description that no longer matches them (no way to change
	// it here: the page is read-only).
	const fact = (label: string) =>
		page
			.getByRole('term')
			.filter({ hasText: new RegExp(`^${label}$`) })
			.locator('xpath=..');
	await expect(fact('Contract length')).toContainText('84 months');
	const notice = page.getByTestId('description-notice');
	await expect(notice).toContainText(
		'The description says five-year contract; the settings say 84 months.'
	);
	await expect(notice).toContainText(
		'The description says four community partners; the settings say 6 partners.'
	);
	await expect(notice.getByRole('button')).toHaveCount(0);

	// The run: progress while it goes, then the headline and the main charts.
	const results = page.getByRole('region', { name: 'Results' });
	const status = results.locator('[data-run-state]');
	await expect(status).toHaveAttribute('data-run-state', 'running');
	await expect(results.getByRole('progressbar', { name: 'Simulation progress' })).toBeVisible();
	await expect(status).toContainText(/Simulating 1,000 futures/);
	await expect(status).toContainText(/of 1,000 futures/);
	await expect(results.getByRole('button', { name: 'Cancel' })).toBeVisible();
	await expect(status).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	await expect(status).toContainText(
		'A first look: 1,000 of the 2,000 futures this scenario asks for'
	);
	await expect(results.getByRole('heading', { name: 'Trust over time' })).toBeVisible();
	await expect(results.getByRole('heading', { name: 'Time to trust' })).toBeVisible();
	await expect(results.locator('.lead-sentence')).toHaveText(/\w/);
	await expect(
		results.getByText(/How precise these numbers are \(1,000 simulated futures\)/)
	).toBeVisible();
	await expectAccessible(page);
	await page.screenshot({ path: testInfo.outputPath('share-1366.png'), fullPage: true });

	// Every future on request, cancelled: the first look stays, nothing partial is shown.
	await results.getByRole('button', { name: /^Run all 2,000 futures/ }).click();
	await expect(status).toHaveAttribute('data-run-state', 'running');
	await expect(status).toContainText('Simulating every future');
	await results.getByRole('button', { name: 'Cancel' }).click();
	await expect(status).toHaveAttribute('data-run-state', 'cancelled');
	await expect(status).toContainText('the results below are from the 1,000 futures run before');
	await expect(results.getByRole('heading', { name: 'Trust over time' })).toBeVisible();

	// Nothing was stored: the scenario is not in the library until it is added.
	expect(await stored(page)).toEqual({ scenarios: 0, results: 0 });
	await expect(page.getByRole('button', { name: 'Add to my library' })).toBeVisible();

	await page.setViewportSize({ width: 390, height: 844 });
	await results.getByRole('button', { name: 'Run again' }).click();
	await expect(status).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	const { scrollWidth, clientWidth } = await page.evaluate(() => ({
		scrollWidth: document.documentElement.scrollWidth,
		clientWidth: document.documentElement.clientWidth
	}));
	expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
	await page.screenshot({ path: testInfo.outputPath('share-390.png'), fullPage: true });
});

test('a description the settings contradict is flagged, and a one-line summary replaces it', async ({
	page
}, testInfo) => {
	test.setTimeout(150_000);
	await editableCopy(page);
	const notice = page.getByTestId('description-notice');
	await expect(notice).toHaveCount(0);
	await box(page, 'Contract length').fill('84');
	await expect(notice).toContainText(
		'The description says three-year contract; the settings say 84 months.'
	);
	const summary =
		'84-month contracts with a 24-month extension, fixed KPIs (rigidity 0.8), power shared 0.2, 1 partner.';
	await expect(notice).toContainText(summary);
	await expectAccessible(page);
	await page.screenshot({ path: testInfo.outputPath('description-1366.png') });
	await notice.getByRole('button', { name: 'Use this summary as the description' }).click();
	await expect(notice).toHaveCount(0);
	await expect(page.locator('.scenario-header .description')).toHaveText(summary);
	await expect(page.locator('.save-state')).toHaveText('Saved', { timeout: 20_000 });
	await page.reload();
	await expect(page.locator('.scenario-header .description')).toHaveText(summary);

	// In the library's details form, as it is typed.
	await page.goto('/');
	const card = page
		.getByRole('list', { name: 'Your scenarios' })
		.getByRole('article', { name: `${DEMO_NAME} (copy)` });
	await card.getByRole('button', { name: /Edit details/ }).click();
	const description = page.getByLabel('Description');
	await description.fill('Five-year contracts with three local partners.');
	const formNotice = card.getByTestId('description-notice');
	await expect(formNotice).toContainText(
		'The description says Five-year contracts; the settings say 84 months.'
	);
	await expect(formNotice).toContainText(
		'The description says three local partners; the settings say 1 partner.'
	);
	await page.screenshot({ path: testInfo.outputPath('details-1366.png') });
	await formNotice.getByRole('button', { name: 'Use this summary as the description' }).click();
	await expect(description).toHaveValue(summary);
	await expect(formNotice).toHaveCount(0);
});

test('restore points say what changed and can be compared with now', async ({ page }, testInfo) => {
	test.setTimeout(150_000);
	await editableCopy(page);
	await box(page, 'KPI rigidity').fill('0.3');
	const toggle = page.getByRole('button', { name: /^Restore points/ });
	// Saved after a pause, then listed: slow on a busy machine.
	await expect(toggle).toHaveText('Restore points (3)', { timeout: 20_000 });
	await toggle.click();
	const panel = page.locator('#restore-points');
	const items = panel.getByRole('listitem').filter({ has: page.locator('time') });
	await expect(items).toHaveCount(3);
	await expect(items.nth(0)).toContainText('KPI rigidity: 0.8 → 0.3');
	await expect(items.nth(1)).toContainText('Simulated futures: 1,000 runs → 100 runs');
	await expect(items.nth(2)).toContainText(`Created, with the settings of “${DEMO_NAME}”`);

	const first = items.filter({ hasText: 'Created, with' });
	const compare = first.getByRole('button', { name: 'Compare with now' });
	await compare.click();
	await expect(compare).toHaveAttribute('aria-expanded', 'true');
	await expect(first).toContainText('2 differences (this restore point → now):');
	await expect(first.getByRole('listitem')).toHaveText([
		'Simulated futures: 1,000 runs → 100 runs',
		'KPI rigidity: 0.8 → 0.3'
	]);
	await expectAccessible(page);
	await page.screenshot({ path: testInfo.outputPath('restore-1366.png') });

	// Changed again: the comparison follows the settings on screen.
	await box(page, 'KPI rigidity').fill('0.8');
	await expect(toggle).toHaveText('Restore points (4)', { timeout: 20_000 });
	await expect(first.getByRole('listitem')).toHaveText([
		'Simulated futures: 1,000 runs → 100 runs'
	]);
	await compare.click();
	await expect(first.getByRole('listitem')).toHaveCount(0);

	await page.setViewportSize({ width: 390, height: 844 });
	await items.nth(1).getByRole('button', { name: 'Compare with now' }).click();
	await expect(items.nth(1)).toContainText('1 difference (this restore point → now):');
	await panel.scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('restore-390.png') });
});
