/**
 * The scenario library on the home page: the examples, creating and editing scenarios
 * that survive a reload, search and sort, delete with undo and a trash, export and import (also in
 * a fresh browser profile), clear messages for bad files and failed writes, two tabs in
 * step, sparklines of stored results, storage status, and accessibility at a laptop's
 * and a projector's size.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Browser, Locator, Page } from '@playwright/test';
import { resultKey } from '../../src/lib/db/library';
import { MODEL_VERSION, PRESETS, type Scenario } from '../../src/lib/sim';
import { expect, expectAccessible, test } from './fixtures';

const EXAMPLES = PRESETS.map((p) => p.scenario.name);
const TYPICAL = "Today's typical contract";

/** Opens the library and waits until its list is on screen. */
async function openLibrary(page: Page) {
	await page.goto('/');
	await expect(page.getByRole('heading', { name: 'Your scenarios' })).toBeVisible();
	await expect(page.getByRole('list', { name: 'Your scenarios' })).toBeVisible();
}

function list(page: Page): Locator {
	return page.getByRole('list', { name: 'Your scenarios' });
}

function cards(page: Page): Locator {
	return list(page).getByRole('article');
}

function card(page: Page, name: string): Locator {
	return list(page).getByRole('article', { name, exact: true });
}

function notices(page: Page): Locator {
	return page.getByRole('status').or(page.getByRole('alert'));
}

/** Creates a scenario through the page and names it. */
async function createScenario(
	page: Page,
	name: string,
	details: { description?: string; tags?: string } = {}
) {
	await page.getByRole('button', { name: 'New scenario' }).first().click();
	const nameInput = page.getByLabel('Name', { exact: true });
	await expect(nameInput).toBeFocused();
	await expect(nameInput).toHaveValue('New scenario');
	await nameInput.fill(name);
	if (details.description !== undefined)
		await page.getByLabel('Description').fill(details.description);
	if (details.tags !== undefined)
		await page.getByRole('textbox', { name: 'Tags' }).fill(details.tags);
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(card(page, name)).toBeVisible();
}

/** A fresh browser profile (its own storage), with its console errors collected. */
async function freshProfile(browser: Browser, baseURL: string | undefined) {
	const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 } });
	const page = await context.newPage();
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	return { context, page, errors };
}

test('shows the read-only examples, not yet run, in a page that passes axe', async ({ page }) => {
	await openLibrary(page);
	await expect(cards(page)).toHaveCount(EXAMPLES.length);
	for (const name of EXAMPLES) {
		const c = card(page, name);
		await expect(c.getByText('Example · read-only')).toBeVisible();
		await expect(c.getByText('Not run yet')).toBeVisible();
		await expect(c.getByRole('link', { name })).toHaveAttribute('href', /\/scenarios\/preset-/);
		await expect(c.getByRole('button', { name: /Make an editable copy/ })).toBeVisible();
		await expect(c.getByRole('button', { name: /Edit details/ })).toHaveCount(0);
		await expect(c.locator('time')).toHaveText('just now');
	}
	await expectAccessible(page);
});

test('create, edit name, description and tags, reload and find the edit kept', async ({ page }) => {
	await openLibrary(page);
	await createScenario(page, 'Board option A', {
		description: 'Five years, <b>not bold</b>',
		tags: 'board, draft'
	});
	const c = card(page, 'Board option A');
	// Shown as text, never as HTML.
	await expect(c.getByText('Five years, <b>not bold</b>')).toBeVisible();
	await expect(c.locator('b')).toHaveCount(0);
	await expect(c.getByRole('button', { name: 'Show scenarios tagged board' })).toBeVisible();
	await expect(c.getByRole('button', { name: 'Show scenarios tagged draft' })).toBeVisible();
	await expect(c.getByText('Not run yet')).toBeVisible();
	await expect(c.getByRole('link', { name: 'Board option A' })).toHaveAttribute(
		'href',
		/\/scenarios\/[0-9a-f-]{36}$/
	);

	// Edit again: rename, new description, one tag fewer.
	await c.getByRole('button', { name: 'Edit details of “Board option A”' }).click();
	await page.getByLabel('Name', { exact: true }).fill('Board option B');
	await page.getByLabel('Description').fill('Seven years with a devolved budget.');
	await page.getByRole('textbox', { name: 'Tags' }).fill('board');
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(notices(page).filter({ hasText: 'Saved “Board option B”.' })).toBeVisible();
	// Focus goes back to the button that opened the form.
	await expect(
		card(page, 'Board option B').getByRole('button', { name: /Edit details/ })
	).toBeFocused();

	await page.reload();
	const kept = card(page, 'Board option B');
	await expect(kept).toBeVisible();
	await expect(kept.getByText('Seven years with a devolved budget.')).toBeVisible();
	await expect(kept.getByRole('button', { name: 'Show scenarios tagged board' })).toBeVisible();
	await expect(kept.getByRole('button', { name: 'Show scenarios tagged draft' })).toHaveCount(0);
	await expect(card(page, 'Board option A')).toHaveCount(0);

	// Escape cancels an edit and changes nothing.
	await kept.getByRole('button', { name: /Edit details/ }).click();
	await page.getByLabel('Name', { exact: true }).fill('Not kept');
	await page.keyboard.press('Escape');
	await expect(card(page, 'Board option B')).toBeVisible();
	await expect(card(page, 'Not kept')).toHaveCount(0);
	await expectAccessible(page);
});

test('an invalid edit is refused in plain words and stays on screen', async ({ page }) => {
	await openLibrary(page);
	await createScenario(page, 'Tagged');
	await card(page, 'Tagged')
		.getByRole('button', { name: /Edit details/ })
		.click();
	await page.getByRole('textbox', { name: 'Tags' }).fill('x'.repeat(41));
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Not saved' })).toContainText(
		'at most 40 characters'
	);
	await expect(page.getByRole('textbox', { name: 'Tags' })).toHaveValue('x'.repeat(41));
});

test('a failed write says so in plain words and keeps the unsaved edit on screen', async ({
	page
}) => {
	await openLibrary(page);
	await createScenario(page, 'Will not fit');
	await card(page, 'Will not fit')
		.getByRole('button', { name: /Edit details/ })
		.click();
	await page.getByLabel('Name', { exact: true }).fill('A long careful name');
	await page.getByLabel('Description').fill('Paragraphs of careful thought.');
	// The disk is full from now on.
	await page.evaluate(() => {
		const full = () => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		};
		IDBObjectStore.prototype.put = full;
		IDBObjectStore.prototype.add = full;
	});
	await page.getByRole('button', { name: 'Save details' }).click();
	const alert = page.getByRole('alert').filter({ hasText: 'Not saved' });
	await expect(alert).toContainText('out of storage space');
	await expect(alert).toContainText('your edit is still on screen');
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue('A long careful name');
	await expect(page.getByLabel('Description')).toHaveValue('Paragraphs of careful thought.');

	// Creating fails the same way, with a notice.
	await page.getByRole('button', { name: 'New scenario' }).click();
	await expect(page.getByRole('alert').filter({ hasText: 'Not created.' })).toContainText(
		'out of storage space'
	);
});

test('a browser that refuses storage (as private browsing can) gets a clear message', async ({
	page
}) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = () => {
			throw new DOMException('The operation is insecure.', 'SecurityError');
		};
	});
	await page.goto('/');
	const alert = page.getByRole('alert').filter({ hasText: 'Your library could not be opened' });
	await expect(alert).toContainText('This browser is not letting Slow Trust store anything');
	await expect(page.getByRole('list', { name: 'Your scenarios' })).toHaveCount(0);
	await alert.getByRole('button', { name: 'Try again' }).click();
	await expect(alert).toContainText('private browsing can block it');
	await expectAccessible(page);
});

test('search by name, description and tag; filter by tag; sort', async ({ page }) => {
	await openLibrary(page);
	await createScenario(page, 'Zebra crossing', { tags: 'roads' });
	await createScenario(page, 'Alpha plan', { description: 'A café in the park', tags: 'parks' });
	const names = () => cards(page).getByRole('heading').allInnerTexts();

	await page.getByLabel('Search').fill('cafe');
	await expect(cards(page)).toHaveCount(1);
	await expect(card(page, 'Alpha plan')).toBeVisible();
	await expect(page.getByText('Showing 1 of 7 scenarios matching “cafe”.')).toBeVisible();

	await page.getByLabel('Search').fill('roads');
	await expect(cards(page)).toHaveCount(1);
	await expect(card(page, 'Zebra crossing')).toBeVisible();

	await page.getByLabel('Search').fill('nothing like this');
	await expect(page.getByRole('heading', { name: 'No scenarios match' })).toBeVisible();
	await page.getByRole('button', { name: 'Show all scenarios' }).click();
	await expect(cards(page)).toHaveCount(7);

	// Tag filter, from the select and from a tag on a card.
	await page.getByLabel('Tag', { exact: true }).selectOption('example');
	await expect(cards(page)).toHaveCount(EXAMPLES.length);
	await page.getByRole('button', { name: 'Show all' }).click();
	await card(page, 'Zebra crossing')
		.getByRole('button', { name: 'Show scenarios tagged roads' })
		.click();
	await expect(page.getByLabel('Tag', { exact: true })).toHaveValue('roads');
	await expect(cards(page)).toHaveCount(1);
	await page.getByLabel('Tag', { exact: true }).selectOption('');

	// Sorts: last edited (newest first), name, created.
	expect((await names()).slice(0, 2)).toEqual(['Alpha plan', 'Zebra crossing']);
	await page.getByLabel('Sort by').selectOption('name');
	expect(await names()).toEqual([...[...EXAMPLES, 'Alpha plan', 'Zebra crossing'].sort()]);
	await card(page, 'Zebra crossing')
		.getByRole('button', { name: /Edit details/ })
		.click();
	await page.getByLabel('Description').fill('Edited last');
	await page.getByRole('button', { name: 'Save details' }).click();
	await page.getByLabel('Sort by').selectOption('edited');
	await expect.poll(async () => (await names())[0]).toBe('Zebra crossing');
	await page.getByLabel('Sort by').selectOption('created');
	expect((await names()).slice(0, 2)).toEqual(['Alpha plan', 'Zebra crossing']);
});

test('delete with undo, one and several', async ({ page }) => {
	await openLibrary(page);
	await createScenario(page, 'First to go');
	await createScenario(page, 'Second to go');

	await card(page, 'First to go').getByRole('button', { name: 'Delete “First to go”' }).click();
	await expect(card(page, 'First to go')).toHaveCount(0);
	const notice = notices(page).filter({ hasText: 'Deleted “First to go”.' });
	await expect(notice).toBeVisible();
	await notice.getByRole('button', { name: 'Undo' }).click();
	await expect(card(page, 'First to go')).toBeVisible();
	await expect(notices(page).filter({ hasText: 'Restored “First to go”.' })).toBeVisible();

	// Select two and an example, delete them together, undo all.
	await page.getByLabel('Select “First to go”').check();
	await page.getByLabel('Select “Second to go”').check();
	await page.getByLabel(`Select “${TYPICAL}”`).check();
	await expect(page.getByText('3 scenarios selected')).toBeVisible();
	await page.getByRole('button', { name: 'Delete selected' }).click();
	await expect(cards(page)).toHaveCount(EXAMPLES.length - 1);
	await expect(page.getByText(/scenarios selected/)).toHaveCount(0);
	const many = notices(page).filter({ hasText: 'Deleted 3 scenarios.' });
	await many.getByRole('button', { name: 'Undo' }).click();
	await expect(cards(page)).toHaveCount(EXAMPLES.length + 2);
	await expect(card(page, TYPICAL).getByText('Example · read-only')).toBeVisible();

	// Deleting is kept after a reload.
	await card(page, 'Second to go')
		.getByRole('button', { name: /Delete/ })
		.click();
	await expect(card(page, 'Second to go')).toHaveCount(0);
	await page.reload();
	await expect(card(page, 'First to go')).toBeVisible();
	await expect(card(page, 'Second to go')).toHaveCount(0);
});

test('a deleted scenario waits in the trash: restore it with its restore points, or delete it forever', async ({
	page
}, testInfo) => {
	await openLibrary(page);
	await createScenario(page, 'Trashed plan');
	await createScenario(page, 'Gone for good');
	await expect(page.getByRole('heading', { name: /^Trash \(\d+\)$/ })).toHaveCount(0);

	await card(page, 'Trashed plan').getByRole('button', { name: 'Delete “Trashed plan”' }).click();
	const notice = page.getByRole('group', { name: 'Deleted' });
	await expect(notice).toContainText('Deleted “Trashed plan”.');
	// The Undo notice goes; the scenario is still in the trash.
	await notice.getByRole('button', { name: 'Dismiss this message' }).click();
	await expect(notice).toHaveCount(0);
	await expect(card(page, 'Trashed plan')).toHaveCount(0);

	const trash = page
		.locator('details')
		.filter({ has: page.getByRole('heading', { name: /^Trash \(\d+\)$/ }) });
	await expect(trash.getByRole('heading', { name: 'Trash (1)' })).toBeVisible();
	await trash.getByRole('heading', { name: 'Trash (1)' }).click();
	await expect(trash.getByText('kept for 30 days')).toBeVisible();
	const row = trash.getByRole('listitem').filter({ hasText: 'Trashed plan' });
	await expect(row).toContainText('Deleted just now');
	await expect(row).toContainText('1 restore point');
	await expectAccessible(page);

	await page.setViewportSize({ width: 1366, height: 768 });
	await trash.scrollIntoViewIfNeeded();
	await page.screenshot({ path: testInfo.outputPath('library-trash-1366x768.png') });

	// Still there after a reload, then restored.
	await page.reload();
	await page.getByRole('heading', { name: 'Trash (1)' }).click();
	await page.getByRole('button', { name: 'Restore Trashed plan' }).click();
	await expect(notices(page).filter({ hasText: 'Restored “Trashed plan”' })).toBeVisible();
	await expect(card(page, 'Trashed plan')).toBeVisible();
	await expect(page.getByRole('heading', { name: /^Trash \(\d+\)$/ })).toHaveCount(0);

	// It is back with its restore points.
	await card(page, 'Trashed plan').getByRole('link', { name: 'Trashed plan' }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Trashed plan');
	await expect(page.getByRole('button', { name: /^Restore points/ })).toHaveText(
		'Restore points (1)'
	);

	// Delete forever asks for a second click; Empty trash too.
	await openLibrary(page);
	await card(page, 'Gone for good').getByRole('button', { name: 'Delete “Gone for good”' }).click();
	await card(page, 'Trashed plan').getByRole('button', { name: 'Delete “Trashed plan”' }).click();
	await page.getByRole('heading', { name: 'Trash (2)' }).click();
	await page.getByRole('button', { name: 'Delete Gone for good forever' }).click();
	await expect(page.getByRole('heading', { name: 'Trash (2)' })).toBeVisible();
	await page.getByRole('button', { name: 'Confirm: delete Gone for good forever' }).click();
	await expect(page.getByRole('heading', { name: 'Trash (1)' })).toBeVisible();
	await page.getByRole('button', { name: 'Empty trash' }).click();
	await page.getByRole('button', { name: 'Confirm: delete 1 scenario for good' }).click();
	await expect(page.getByRole('heading', { name: /^Trash \(\d+\)$/ })).toHaveCount(0);
	await page.reload();
	await expect(card(page, 'Gone for good')).toHaveCount(0);
	await expect(card(page, 'Trashed plan')).toHaveCount(0);
	await expect(page.getByRole('heading', { name: /^Trash \(\d+\)$/ })).toHaveCount(0);
});

test('duplicate an example into an editable copy', async ({ page }) => {
	await openLibrary(page);
	await card(page, TYPICAL)
		.getByRole('button', { name: /Make an editable copy/ })
		.click();
	const copyName = `${TYPICAL} (copy)`;
	const copy = card(page, copyName);
	await expect(copy).toBeVisible();
	await expect(copy.getByText('Example · read-only')).toHaveCount(0);
	await expect(copy.getByRole('button', { name: /Edit details/ })).toBeVisible();
	await notices(page)
		.filter({ hasText: `Made “${copyName}”` })
		.getByRole('button', { name: 'Edit details' })
		.click();
	await expect(page.getByLabel('Name', { exact: true })).toHaveValue(copyName);
});

test('export the library, then import it in a fresh profile; clashes get a choice', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	// Two profiles and many steps: more than the default time on a busy machine.
	test.setTimeout(90_000);
	await openLibrary(page);
	await createScenario(page, 'Exported one', { description: 'Goes abroad', tags: 'travel' });
	await createScenario(page, 'Exported two');

	// The whole library: the user's own scenarios, not the examples.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export my library' }).click()
	]);
	expect(download.suggestedFilename()).toMatch(/^slow-trust-library-\d{4}-\d{2}-\d{2}\.json$/);
	const file = testInfo.outputPath('library.json');
	await download.saveAs(file);
	const doc = JSON.parse(await readFile(file, 'utf8'));
	expect(doc.format).toBe('slow-trust-library');
	expect(doc.scenarios.map((s: { name: string }) => s.name).sort()).toEqual([
		'Exported one',
		'Exported two'
	]);
	await expect(notices(page).filter({ hasText: 'Exported 2 scenarios' })).toBeVisible();

	// One scenario on its own.
	const [single] = await Promise.all([
		page.waitForEvent('download'),
		card(page, 'Exported one').getByRole('button', { name: 'Export “Exported one”' }).click()
	]);
	expect(single.suggestedFilename()).toMatch(/^slow-trust-exported-one-/);

	// A fresh profile has only the examples; the import brings both, with their details.
	const fresh = await freshProfile(browser, baseURL);
	await openLibrary(fresh.page);
	await expect(cards(fresh.page)).toHaveCount(EXAMPLES.length);
	await fresh.page.locator('input[type=file]').setInputFiles(file);
	await expect(
		notices(fresh.page).filter({ hasText: 'Imported 2 scenarios from “library.json”.' })
	).toBeVisible();
	const one = card(fresh.page, 'Exported one');
	await expect(one.getByText('Goes abroad')).toBeVisible();
	await expect(one.getByRole('button', { name: 'Show scenarios tagged travel' })).toBeVisible();
	await expect(card(fresh.page, 'Exported two')).toBeVisible();

	// The same file again: the names clash, and the user chooses.
	await fresh.page.locator('input[type=file]').setInputFiles(file);
	const dialog = fresh.page.getByRole('dialog', { name: 'Some names are already in your library' });
	await expect(dialog).toBeVisible();
	await expect(dialog).toContainText('2 have the same names as scenarios you already have');
	await expectAccessible(fresh.page);
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(card(fresh.page, 'Exported one (2)')).toBeVisible();
	await expect(card(fresh.page, 'Exported two (2)')).toBeVisible();
	await expect(
		notices(fresh.page).filter({ hasText: '“Exported one” as “Exported one (2)”' })
	).toBeVisible();

	// Replace: no new names; cancel: nothing at all.
	await fresh.page.locator('input[type=file]').setInputFiles(file);
	await dialog.getByLabel(/Replace mine/).check();
	await dialog.getByRole('button', { name: 'Import' }).click();
	await expect(notices(fresh.page).filter({ hasText: '2 scenarios replaced' })).toBeVisible();
	await expect(cards(fresh.page)).toHaveCount(EXAMPLES.length + 4);
	await fresh.page.locator('input[type=file]').setInputFiles(file);
	await dialog.getByRole('button', { name: 'Cancel' }).click();
	await expect(notices(fresh.page).filter({ hasText: 'Nothing was imported' })).toBeVisible();
	await expect(cards(fresh.page)).toHaveCount(EXAMPLES.length + 4);

	expect(fresh.errors).toEqual([]);
	await fresh.context.close();
});

test('export the selection only', async ({ page }, testInfo) => {
	await openLibrary(page);
	await createScenario(page, 'Picked');
	await createScenario(page, 'Not picked');
	await page.getByLabel('Select “Picked”').check();
	await page.getByLabel(`Select “${TYPICAL}”`).check();
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export selected' }).click()
	]);
	const file = testInfo.outputPath('selected.json');
	await download.saveAs(file);
	const doc = JSON.parse(await readFile(file, 'utf8'));
	expect(doc.scenarios.map((s: { name: string }) => s.name).sort()).toEqual(['Picked', TYPICAL]);
});

test('a malformed file changes nothing and says which item and which field', async ({
	page
}, testInfo) => {
	await openLibrary(page);
	await createScenario(page, 'Already here');
	const good = PRESETS[1].scenario;
	const bad = { ...good, contract: { ...good.contract, lengthMonths: 'long' } };
	const file = testInfo.outputPath('broken-library.json');
	await writeFile(
		file,
		JSON.stringify({
			format: 'slow-trust-library',
			version: 1,
			exportedAt: new Date().toISOString(),
			modelVersion: 'x',
			scenarios: [
				{ name: 'Fine one', description: '', tags: [], scenario: good },
				{ name: 'Broken one', description: '', tags: [], scenario: bad },
				{ name: 'Broken two', description: '', tags: ['y'.repeat(50)], scenario: good }
			]
		})
	);
	await page.locator('input[type=file]').setInputFiles(file);
	const alert = page
		.getByRole('alert')
		.filter({ hasText: '“broken-library.json” was not imported' });
	await expect(alert).toBeVisible();
	await expect(alert).toContainText('Scenario 2 of 3 (“Broken one”)');
	await expect(alert).toContainText('Contract length');
	await expect(alert).toContainText('Nothing was imported.');
	await expect(alert.getByRole('listitem')).toHaveCount(2);
	await expect(alert.getByRole('listitem').first()).toContainText(
		'Scenario 2 (“Broken one”), field scenario.contract.lengthMonths'
	);
	await expect(alert.getByRole('listitem').nth(1)).toContainText(
		'Scenario 3 (“Broken two”), field tags.0'
	);
	await expectAccessible(page);
	// Nothing was written: not even the valid first item.
	await expect(cards(page)).toHaveCount(EXAMPLES.length + 1);
	await expect(card(page, 'Fine one')).toHaveCount(0);
	await alert.getByRole('button', { name: 'Dismiss' }).click();
	await expect(alert).toHaveCount(0);
});

test('drag and drop a file onto the page to import it; a file that is not JSON is refused', async ({
	page
}) => {
	await openLibrary(page);
	const drop = async (name: string, text: string) => {
		const dataTransfer = await page.evaluateHandle(
			({ name, text }) => {
				const dt = new DataTransfer();
				dt.items.add(new File([text], name, { type: 'application/json' }));
				return dt;
			},
			{ name, text }
		);
		await page.dispatchEvent('main', 'dragenter', { dataTransfer });
		await expect(page.getByText('Drop the file to import it')).toBeVisible();
		await page.dispatchEvent('main', 'drop', { dataTransfer });
		await expect(page.getByText('Drop the file to import it')).toHaveCount(0);
	};

	await drop('notes.json', 'these are my notes, not a library');
	const alert = page.getByRole('alert').filter({ hasText: '“notes.json” was not imported' });
	await expect(alert).toContainText('not valid JSON');
	await expect(cards(page)).toHaveCount(EXAMPLES.length);

	// A bare scenario file, as the command-line runner writes.
	await drop('one.json', JSON.stringify({ ...PRESETS[2].scenario, name: 'Dropped in' }));
	await expect(card(page, 'Dropped in')).toBeVisible();
	await expect(alert).toHaveCount(0);
});

test('two tabs stay in step', async ({ page, context }) => {
	await openLibrary(page);
	const other = await context.newPage();
	await openLibrary(other);

	await createScenario(page, 'Made in tab one');
	await expect(card(other, 'Made in tab one')).toBeVisible();

	await card(other, 'Made in tab one')
		.getByRole('button', { name: /Edit details/ })
		.click();
	await other.getByLabel('Name', { exact: true }).fill('Renamed in tab two');
	await other.getByRole('textbox', { name: 'Tags' }).fill('shared');
	await other.getByRole('button', { name: 'Save details' }).click();
	await expect(card(page, 'Renamed in tab two')).toBeVisible();
	await expect(
		card(page, 'Renamed in tab two').getByRole('button', { name: 'Show scenarios tagged shared' })
	).toBeVisible();

	await card(page, 'Renamed in tab two')
		.getByRole('button', { name: /Delete/ })
		.click();
	await expect(card(other, 'Renamed in tab two')).toHaveCount(0);
	await notices(page).getByRole('button', { name: 'Undo' }).click();
	await expect(card(other, 'Renamed in tab two')).toBeVisible();
	await other.close();
});

/** Stores a result for a scenario straight into IndexedDB, as the workbench would. */
async function storeResult(page: Page, id: string, median: number[], current: boolean) {
	const scenario = await page.evaluate(
		(id) =>
			new Promise<unknown>((resolve, reject) => {
				const open = indexedDB.open('slow-trust');
				open.onsuccess = () => {
					const get = open.result.transaction('scenarios').objectStore('scenarios').get(id);
					get.onsuccess = () => {
						open.result.close();
						resolve(get.result.scenario);
					};
					get.onerror = () => reject(get.error);
				};
				open.onerror = () => reject(open.error);
			}),
		id
	);
	const key = current ? resultKey(scenario as Scenario) : 'an-older-version:0';
	await page.evaluate(
		({ id, key, median, modelVersion }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('slow-trust');
				open.onsuccess = () => {
					const tx = open.result.transaction(['scenarios', 'results'], 'readwrite');
					const summary = {
						threshold: 0.6,
						receipt: { runs: 1000, modelVersion },
						series: { trust: { p50: median } }
					};
					tx.objectStore('results').put({ key, scenarioId: id, summary, createdAt: Date.now() });
					const store = tx.objectStore('scenarios');
					const get = store.get(id);
					get.onsuccess = () => store.put({ ...get.result, lastResultKey: key });
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
				open.onerror = () => reject(open.error);
			}),
		{ id, key, median, modelVersion: MODEL_VERSION }
	);
}

test('a scenario with a stored result shows a sparkline of its median trust', async ({
	page
}, testInfo) => {
	await openLibrary(page);
	await createScenario(page, 'Has run');
	await createScenario(page, 'Ran before an edit');
	const idOf = async (name: string) =>
		((await card(page, name).getByRole('link', { name }).getAttribute('href')) ?? '')
			.split('/')
			.pop() ?? '';
	const median = Array.from({ length: 24 }, (_, m) => 0.3 + (0.32 * m) / 23);
	await storeResult(page, await idOf('Has run'), median, true);
	await storeResult(page, await idOf('Ran before an edit'), median.slice(0, 12), false);
	await page.reload();

	const ran = card(page, 'Has run');
	await expect(
		ran.getByRole('img', {
			name: 'Median trust over 24 months, from 0.30 to 0.62, highest 0.62; the threshold is 0.60.'
		})
	).toBeVisible();
	await expect(ran.getByText('Not run yet')).toHaveCount(0);
	await expect(ran.locator('svg path.median')).toHaveAttribute(
		'd',
		/^M[\d.]+,[\d.]+(L[\d.]+,[\d.]+){23}$/
	);

	const past = card(page, 'Ran before an edit');
	await expect(past.getByText('before the latest edit')).toBeVisible();
	await expect(
		past.getByRole('img', { name: /This result is from before the latest edit/ })
	).toBeVisible();
	await expect(card(page, TYPICAL).getByText('Not run yet')).toBeVisible();
	await expectAccessible(page);
	await list(page).screenshot({ path: testInfo.outputPath('sparklines.png') });
});

test('shows the space used and asks the browser to keep the library', async ({ page }) => {
	await openLibrary(page);
	const storage = page.getByRole('region', { name: 'Your data on this device' });
	await expect(storage.getByTestId('storage-used')).toHaveText(/^\d+(\.\d)? (bytes|KB|MB|GB)$/);
	const ask = storage.getByRole('button', { name: 'Ask the browser to keep it' });
	if (await ask.isVisible()) {
		await ask.click();
		await expect(
			storage.getByText(/Yes: the browser has agreed|The browser said no for now/)
		).toBeVisible();
	} else {
		await expect(storage.getByText(/Yes: the browser has agreed/)).toBeVisible();
	}
});

test('an empty library invites a first scenario or an import', async ({ page }) => {
	await openLibrary(page);
	await page.getByLabel('Select all shown').check();
	await page.getByRole('button', { name: 'Delete selected' }).click();
	await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
	await expectAccessible(page);
	// The examples were deleted on purpose: a reload does not bring them back.
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
	await page.getByRole('main').getByRole('button', { name: 'New scenario' }).last().click();
	await expect(page.getByLabel('Name', { exact: true })).toBeFocused();
});

test('deleted examples can be restored, read-only as shipped, beside the user’s own', async ({
	page
}) => {
	await openLibrary(page);
	const restore = page.getByRole('button', { name: 'Restore examples' });
	// Nothing to restore while every example is there.
	await expect(restore).toHaveCount(0);
	await createScenario(page, 'Kept through it all');
	await card(page, TYPICAL)
		.getByRole('button', { name: `Delete “${TYPICAL}”` })
		.click();
	await expect(card(page, TYPICAL)).toHaveCount(0);
	await restore.click();
	await expect(card(page, TYPICAL)).toBeVisible();
	await expect(card(page, TYPICAL).getByText('Example · read-only')).toBeVisible();
	await expect(notices(page).filter({ hasText: 'Restored 1 example' })).toBeVisible();
	await expect(cards(page)).toHaveCount(EXAMPLES.length + 1);
	await expect(restore).toHaveCount(0);

	// From an empty library too, and they stay after a reload.
	await page.getByLabel('Select all shown').check();
	await page.getByRole('button', { name: 'Delete selected' }).click();
	await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
	await page.reload();
	await expect(page.getByRole('heading', { name: 'Your library is empty' })).toBeVisible();
	await restore.first().click();
	await expect(cards(page)).toHaveCount(EXAMPLES.length);
	for (const name of EXAMPLES) await expect(card(page, name)).toBeVisible();
	await page.reload();
	await expect(cards(page)).toHaveCount(EXAMPLES.length);
	await expectAccessible(page);
});

test('an example opened from the library names each setting in its link to the model', async ({
	page
}) => {
	await openLibrary(page);
	await card(page, TYPICAL).getByRole('link', { name: TYPICAL, exact: true }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TYPICAL);
	// Read as one phrase, with no stray space before the colon.
	const link = page.getByRole('link', { name: 'In the model: Contract length', exact: true });
	await expect(link).toBeVisible();
	await expect(link).toHaveAttribute('href', /\/model#/);
	await expect(page.getByRole('link', { name: /In the model :/ })).toHaveCount(0);
});

test('the printed report of an example keeps its long share link inside the page', async ({
	page
}) => {
	await page.goto('/scenarios/preset-typical');
	const runs = page.getByRole('textbox', { name: 'Simulated futures', exact: true });
	await runs.fill('60');
	await expect(page.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
		timeout: 60_000
	});
	await page.getByRole('button', { name: 'Keep my changes in a copy' }).click();
	await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
	await page.goto(`${new URL(page.url()).pathname}/report`);
	const link = page.getByTestId('receipt-link');
	await expect(link).toHaveAttribute('href', /\/share#v1p?\./, { timeout: 60_000 });
	expect((await link.textContent())?.length ?? 0).toBeGreaterThan(500);
	// As printed on A4 with 15 mm margins: 180 mm, 680 px wide.
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 680, height: 1000 });
	const box = await page.evaluate(() => {
		const a = document.querySelector('[data-testid="receipt-link"]') as HTMLElement;
		const rects = [...a.getClientRects()];
		return {
			right: Math.max(...rects.map((r) => r.right)),
			lines: rects.length,
			page: document.documentElement.clientWidth,
			scroll: document.documentElement.scrollWidth
		};
	});
	expect(box.lines).toBeGreaterThan(3);
	expect(box.right).toBeLessThanOrEqual(box.page);
	expect(box.scroll).toBeLessThanOrEqual(box.page);
});

for (const viewport of [
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
]) {
	test(`fits ${viewport.width}x${viewport.height} without horizontal scrolling`, async ({
		page
	}, testInfo) => {
		await page.setViewportSize(viewport);
		await openLibrary(page);
		await createScenario(page, 'Board paper: five-year option', {
			description: 'Five years with two more on performance, shared power and four partners.',
			tags: 'board, 2027'
		});
		await card(page, 'Board paper: five-year option')
			.getByRole('button', { name: /Duplicate/ })
			.click();
		await expect(cards(page)).toHaveCount(EXAMPLES.length + 2);
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth
		}));
		expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
		const size = `${viewport.width}x${viewport.height}`;
		await page.screenshot({ path: testInfo.outputPath(`library-${size}.png`), fullPage: true });
		await page.getByLabel('Select “Board paper: five-year option”').check();
		await card(page, 'Board paper: five-year option (copy)')
			.getByRole('button', { name: /Edit details/ })
			.click();
		await page.screenshot({ path: testInfo.outputPath(`library-${size}-editing.png`) });
		await expectAccessible(page);
	});
}
