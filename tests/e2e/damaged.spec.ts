/**
 * A damaged record (a stored scenario that fails validation) on every page: the library
 * shows it apart, with its data to download and Delete; the workbench says it is damaged
 * instead of crashing; compare leaves it out; and an export of the library carries it apart,
 * so the file imports in a fresh browser profile.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const BROKEN = 'e2e-broken';
const WHOLE = 'e2e-whole';

/** Writes a whole copy of an example and a copy that lost its community, straight into IndexedDB. */
async function writeRecords(page: Page) {
	await page.evaluate(
		({ broken, whole }) =>
			new Promise<void>((resolve, reject) => {
				const open = indexedDB.open('slow-trust');
				open.onsuccess = () => {
					const tx = open.result.transaction('scenarios', 'readwrite');
					const store = tx.objectStore('scenarios');
					const get = store.get('preset-typical');
					get.onsuccess = () => {
						const base = { ...get.result, tags: [], updatedAt: Date.now() };
						delete base.presetId;
						store.put({
							...base,
							id: whole,
							name: 'Kept whole',
							scenario: { ...base.scenario, name: 'Kept whole' }
						});
						const scenario = { ...base.scenario, name: 'Broken one' };
						delete scenario.community;
						store.put({ ...base, id: broken, name: 'Broken one', scenario });
					};
					tx.oncomplete = () => {
						open.result.close();
						resolve();
					};
					tx.onerror = () => reject(tx.error);
				};
				open.onerror = () => reject(open.error);
			}),
		{ broken: BROKEN, whole: WHOLE }
	);
}

test('a damaged record is shown apart everywhere, never crashes a page, and a backup with it imports', async ({
	page,
	browser,
	baseURL
}, testInfo) => {
	test.setTimeout(90_000);
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Your scenarios' })).toBeVisible();
	await writeRecords(page);
	await page.reload();

	// The library: listed apart, with the problem in words, its data and Delete.
	const section = page.getByRole('region', { name: 'Damaged scenarios' });
	await expect(section).toBeVisible();
	await expect(section.getByText('Broken one')).toBeVisible();
	await expect(section.getByText(/community/i)).toBeVisible();
	const list = page.getByRole('list', { name: 'Your scenarios' });
	await expect(list.getByRole('article', { name: 'Kept whole', exact: true })).toBeVisible();
	await expect(list.getByRole('article', { name: 'Broken one', exact: true })).toHaveCount(0);
	const [data] = await Promise.all([
		page.waitForEvent('download'),
		section.getByRole('button', { name: 'Download its data' }).click()
	]);
	expect(data.suggestedFilename()).toBe(`slow-trust-damaged-${BROKEN}.json`);
	const rawFile = testInfo.outputPath('damaged.json');
	await data.saveAs(rawFile);
	const raw = JSON.parse(await readFile(rawFile, 'utf8'));
	expect(raw.id).toBe(BROKEN);
	expect(raw.scenario.community).toBeUndefined();
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.screenshot({ path: testInfo.outputPath('library-damaged.png') });
	await expectAccessible(page);

	// The library's export leaves it out of the scenarios and carries it apart.
	const [exported] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Export my library' }).click()
	]);
	const file = testInfo.outputPath('library.json');
	await exported.saveAs(file);
	const doc = JSON.parse(await readFile(file, 'utf8'));
	expect(doc.scenarios.map((s: { name: string }) => s.name)).toEqual(['Kept whole']);
	expect(doc.damaged.map((d: { id: string }) => d.id)).toEqual([BROKEN]);
	await expect(page.getByText(/1 damaged record is kept apart/)).toBeVisible();

	// The workbench: a plain message, its data, and a way back; nothing crashes.
	await page.goto(`/scenarios/${BROKEN}`);
	await expect(page.getByRole('heading', { name: 'This scenario cannot be opened' })).toBeVisible();
	await expect(page.getByText(/This scenario's stored data is damaged: /)).toBeVisible();
	const [again] = await Promise.all([
		page.waitForEvent('download'),
		page.getByRole('button', { name: 'Download its data' }).click()
	]);
	expect(again.suggestedFilename()).toBe(`slow-trust-damaged-${BROKEN}.json`);
	await expect(page.getByRole('link', { name: 'Go to the library' })).toBeVisible();
	await page.screenshot({ path: testInfo.outputPath('workbench-damaged.png') });
	await expectAccessible(page);

	// Its report page says the same in words.
	await page.goto(`/scenarios/${BROKEN}/report`);
	await expect(page.getByText(/This scenario's stored data is damaged: /)).toBeVisible();

	// Compare: the damaged record is not offered; the page works.
	await page.goto('/compare');
	await expect(page.getByRole('checkbox', { name: /Kept whole/ })).toBeVisible();
	await expect(page.getByRole('checkbox', { name: /Broken one/ })).toHaveCount(0);
	await page.goto(`/compare/sweep?scenario=${BROKEN}`);
	await expect(page.getByRole('heading').first()).toBeVisible();

	// The exported file imports in a fresh profile, leaving the damaged record out.
	const context = await browser.newContext({ baseURL, viewport: { width: 1366, height: 768 } });
	const fresh = await context.newPage();
	const errors: string[] = [];
	fresh.on('pageerror', (e) => errors.push(e.message));
	await fresh.goto('/');
	await expect(fresh.getByRole('list', { name: 'Your scenarios' })).toBeVisible();
	await fresh.locator('input[type=file]').setInputFiles(file);
	await expect(
		fresh.getByText(/Imported 1 scenario from “library\.json”\..*1 damaged record .* was left out/)
	).toBeVisible();
	await expect(
		fresh.getByRole('list', { name: 'Your scenarios' }).getByRole('article', { name: 'Kept whole' })
	).toBeVisible();
	await expect(fresh.getByRole('region', { name: 'Damaged scenarios' })).toHaveCount(0);
	expect(errors).toEqual([]);
	await context.close();

	// Back in the library, Delete (a second click confirms) removes it.
	await page.goto('/');
	const again2 = page.getByRole('region', { name: 'Damaged scenarios' });
	await again2.getByRole('button', { name: 'Delete' }).click();
	await again2.getByRole('button', { name: 'Delete for good' }).click();
	await expect(page.getByRole('region', { name: 'Damaged scenarios' })).toHaveCount(0);
});
