/**
 * Two tabs on one scenario: a change saved in one shows in the other; unsaved edits meeting
 * a change from elsewhere get a choice (merge, take theirs, keep mine as a copy); a rename,
 * an import that replaces the scenario and a deletion made in the library are never undone
 * by an open workbench's autosave.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const DEMO = '/scenarios/preset-typical';
const DEMO_NAME = "Today's typical contract";
const COPY_NAME = `${DEMO_NAME} (copy)`;

function box(page: Page, label: string): Locator {
	return page.getByRole('textbox', { name: label, exact: true });
}

function saveState(page: Page): Locator {
	return page.locator('.save-state');
}

function card(page: Page, name: string): Locator {
	return page
		.getByRole('list', { name: 'Your scenarios' })
		.getByRole('article', { name, exact: true });
}

function conflictPanel(page: Page): Locator {
	return page.getByRole('alert').filter({ has: page.getByRole('heading', { level: 2 }) });
}

/** Makes an editable copy of the demo with few futures; returns its address. */
async function editableCopy(page: Page): Promise<string> {
	await page.goto(DEMO);
	await page.getByRole('button', { name: 'Make an editable copy' }).click();
	await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(COPY_NAME);
	await box(page, 'Simulated futures').fill('100');
	await expect(saveState(page)).toHaveText('Saved');
	return new URL(page.url()).pathname;
}

/** A second tab of the same browser (the same library), on `path`. */
async function secondTab(context: BrowserContext, path: string): Promise<Page> {
	const other = await context.newPage();
	await other.goto(path);
	// Open once the library is (its examples placed) and the settings are on screen.
	await expect(box(other, 'Contract length')).toBeVisible();
	return other;
}

/** Makes every write to storage in `page` fail until `allowWrites`: edits stay unsaved. */
async function blockWrites(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as Record<string, unknown>;
		w.__put = IDBObjectStore.prototype.put;
		w.__add = IDBObjectStore.prototype.add;
		const refuse = () => {
			throw new DOMException('Writes are held back by the test.', 'AbortError');
		};
		IDBObjectStore.prototype.put = refuse;
		IDBObjectStore.prototype.add = refuse;
	});
}

async function allowWrites(page: Page): Promise<void> {
	await page.evaluate(() => {
		const w = window as unknown as Record<string, unknown>;
		IDBObjectStore.prototype.put = w.__put as typeof IDBObjectStore.prototype.put;
		IDBObjectStore.prototype.add = w.__add as typeof IDBObjectStore.prototype.add;
	});
}

test.describe('two tabs on one scenario', () => {
	test.describe.configure({ timeout: 90_000 });

	test('a change saved in one tab shows in the other, both ways, and both are kept', async ({
		page,
		context
	}) => {
		const path = await editableCopy(page);
		const other = await secondTab(context, path);
		await expect(box(other, 'Simulated futures')).toHaveValue('100');

		await box(page, 'Contract length').fill('60');
		await expect(saveState(page)).toHaveText('Saved');
		await expect(box(other, 'Contract length')).toHaveValue('60');
		await expect(
			other.getByText(/Updated with a change made in another tab: Contract length/)
		).toBeVisible();

		await box(other, 'KPI rigidity').fill('0.3');
		await expect(saveState(other)).toHaveText('Saved');
		await expect(box(page, 'KPI rigidity')).toHaveValue('0.3');
		await expect(box(page, 'Contract length')).toHaveValue('60');

		// Both changes are stored.
		const third = await secondTab(context, path);
		await expect(box(third, 'Contract length')).toHaveValue('60');
		await expect(box(third, 'KPI rigidity')).toHaveValue('0.3');
	});

	test('unsaved edits meeting a change from another tab get a choice; merge keeps both', async ({
		page,
		context
	}) => {
		const path = await editableCopy(page);
		const other = await secondTab(context, path);
		// The other tab's edit cannot reach storage yet.
		await blockWrites(other);
		await box(other, 'KPI rigidity').fill('0.3');
		await expect(saveState(other)).toHaveText(/Couldn't save/);

		await box(page, 'Contract length').fill('60');
		await expect(saveState(page)).toHaveText('Saved');

		const panel = conflictPanel(other);
		await expect(panel).toContainText('Changed in another tab');
		await expect(panel).toContainText('Nothing has been overwritten');
		await expect(panel.getByRole('heading', { name: 'Your changes here' })).toBeVisible();
		await expect(panel).toContainText(/KPI rigidity\s*0\.\d+ → 0\.3/);
		await expect(panel).toContainText(/Contract length\s*36 months → 60 months/);
		await expect(saveState(other)).toHaveText('Not saved: changed in another tab');
		await expectAccessible(other);
		// The first tab's change was not overwritten.
		await expect(box(page, 'Contract length')).toHaveValue('60');

		await allowWrites(other);
		await panel.getByRole('button', { name: 'Merge both' }).click();
		await expect(panel).toHaveCount(0);
		await expect(other.getByText(/^Merged:/)).toBeVisible();
		await expect(box(other, 'Contract length')).toHaveValue('60');
		await expect(box(other, 'KPI rigidity')).toHaveValue('0.3');
		await expect(saveState(other)).toHaveText('Saved');
		// The first tab, with nothing unsaved, follows.
		await expect(box(page, 'KPI rigidity')).toHaveValue('0.3');
		await expect(conflictPanel(page)).toHaveCount(0);
	});

	test('keep mine as a copy leaves the other tab’s version as it is', async ({ page, context }) => {
		const path = await editableCopy(page);
		const other = await secondTab(context, path);
		await blockWrites(other);
		await box(other, 'KPI rigidity').fill('0.9');
		await expect(saveState(other)).toHaveText(/Couldn't save/);
		await box(page, 'KPI rigidity').fill('0.2');
		await expect(saveState(page)).toHaveText('Saved');

		const panel = conflictPanel(other);
		await expect(panel.getByRole('heading', { name: 'Changed on both sides' })).toBeVisible();
		await expect(panel).toContainText(/KPI rigidity\s*yours 0\.9, theirs 0\.2/);
		await expect(
			panel.getByRole('button', { name: 'Merge, keeping yours where both changed' })
		).toBeVisible();
		await allowWrites(other);
		await panel.getByRole('button', { name: 'Keep mine as a copy' }).click();
		await expect(other.getByRole('heading', { level: 1 })).toHaveText(`${COPY_NAME} (my version)`);
		await expect(other.getByText(/This is your version, kept as a copy/)).toBeVisible();
		await expect(box(other, 'KPI rigidity')).toHaveValue('0.9');
		await expect(saveState(other)).toHaveText(/Saved|All changes saved/);
		// The original keeps the first tab's change.
		await other.goto(path);
		await expect(box(other, 'KPI rigidity')).toHaveValue('0.2');
	});

	test('a rename, an import that replaces, and a deletion in the library are never undone', async ({
		page,
		context
	}, testInfo) => {
		const path = await editableCopy(page);
		const library = await context.newPage();
		await library.goto('/');
		await expect(card(library, COPY_NAME)).toBeVisible();

		// Rename in the library: the workbench follows, and its next save keeps the name.
		await card(library, COPY_NAME)
			.getByRole('button', { name: /Edit details/ })
			.click();
		await library.getByLabel('Name', { exact: true }).fill('Board option');
		await library.getByRole('button', { name: 'Save details' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board option');
		await box(page, 'KPI rigidity').fill('0.3');
		await expect(saveState(page)).toHaveText('Saved');
		await expect(card(library, 'Board option')).toBeVisible();
		await expect(card(library, COPY_NAME)).toHaveCount(0);

		// Import over it ("Replace mine"): the workbench shows the imported settings.
		const [download] = await Promise.all([
			library.waitForEvent('download'),
			card(library, 'Board option').getByRole('button', { name: 'Export “Board option”' }).click()
		]);
		const doc = JSON.parse(await readFile((await download.path()) ?? '', 'utf8'));
		doc.scenarios[0].scenario.contract.lengthMonths = 84;
		const file = testInfo.outputPath('board-option.json');
		await writeFile(file, JSON.stringify(doc));
		await library.locator('input[type=file]').setInputFiles(file);
		const dialog = library.getByRole('dialog', { name: 'Some names are already in your library' });
		await dialog.getByLabel(/Replace mine/).check();
		await dialog.getByRole('button', { name: 'Import' }).click();
		await expect(box(page, 'Contract length')).toHaveValue('84');
		await expect(box(page, 'KPI rigidity')).toHaveValue('0.3');
		await box(page, 'Simulated futures').fill('120');
		await expect(saveState(page)).toHaveText('Saved');
		const reread = await secondTab(context, path);
		await expect(box(reread, 'Contract length')).toHaveValue('84');
		await reread.close();

		// Deleted in the library: the workbench says so and offers to keep its settings.
		await card(library, 'Board option')
			.getByRole('button', { name: 'Delete “Board option”' })
			.click();
		const panel = conflictPanel(page);
		await expect(panel).toContainText('Deleted in another tab');
		await expect(saveState(page)).toHaveText('Not saved: deleted in another tab');
		await panel.getByRole('button', { name: 'Keep mine as a new scenario' }).click();
		await expect(page).not.toHaveURL(new RegExp(`${path}$`));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Board option');
		await expect(box(page, 'Contract length')).toHaveValue('84');
		await expect(card(library, 'Board option')).toBeVisible();
	});
});
