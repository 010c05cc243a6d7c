/**
 * The scenario workbench (/scenarios/[id]): opening the demo example, making an editable
 * copy, editing with sliders and boxes, invalid values, "changed" markers and resets,
 * autosave across a reload, restore points, accessibility and screenshots.
 *
 * Runs are kept small (100 futures) after the copy is made, so the tests stay quick on a
 * busy machine; the engine's long runs are tested in engine.spec.ts.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

const DEMO = '/scenarios/preset-typical';
const DEMO_NAME = "Today's typical contract";

/** The run-status block, whose data-state says what the results side shows. */
function runState(page: Page): Locator {
	return page.locator('[data-run-state]');
}

function saveState(page: Page): Locator {
	return page.locator('.save-state');
}

/** How many results the library has stored. */
function storedResults(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve, reject) => {
				const open = indexedDB.open('slow-trust');
				open.onerror = () => reject(open.error);
				open.onsuccess = () => {
					const db = open.result;
					const count = db.transaction('results').objectStore('results').count();
					count.onsuccess = () => {
						db.close();
						resolve(count.result);
					};
					count.onerror = () => reject(count.error);
				};
			})
	);
}

/** The plain-English headline above the charts. */
function headline(page: Page): Locator {
	return page.getByRole('region', { name: 'Results' }).locator('p').first();
}

function box(page: Page, label: string): Locator {
	return page.getByRole('textbox', { name: label, exact: true });
}

/** Opens the demo example, makes an editable copy and sets its runs low; returns its id. */
async function editableCopy(page: Page, runs = 100): Promise<string> {
	await page.goto(DEMO);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_NAME);
	await expect(page.getByText('This is an example', { exact: true })).toBeVisible();
	await page.getByRole('button', { name: 'Make an editable copy' }).click();
	await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${DEMO_NAME} (copy)`);
	await expect(page.getByText(`This is your editable copy of “${DEMO_NAME}”`)).toBeVisible();
	await expect(page.getByText('This is an example', { exact: true })).toHaveCount(0);
	await box(page, 'Simulated futures').fill(String(runs));
	await expect(saveState(page)).toHaveText('Saved');
	await expect(runState(page)).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	return new URL(page.url()).pathname.split('/').pop() ?? '';
}

/**
 * Opens the demo example and tries it with 100 futures (the page's 1,000 are cancelled): for
 * tests of how the results read, not of their numbers.
 */
async function openDemoWithFewFutures(page: Page): Promise<void> {
	await page.goto(DEMO);
	await box(page, 'Simulated futures').fill('100');
	await expect(runState(page)).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	await expect(runState(page)).toContainText('100 futures simulated');
}

test.describe('the workbench', () => {
	test.describe.configure({ timeout: 120_000 });

	test('an example says so, and editing it offers to keep the changes in a copy', async ({
		page
	}) => {
		await page.goto(DEMO);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_NAME);
		await expect(page.getByText('Example scenario')).toBeVisible();
		await expect(page.getByText(/^A three-year contract with a two-year extension/)).toBeVisible();
		await expect(page.getByRole('link', { name: 'Report for printing' })).toHaveAttribute(
			'href',
			'/scenarios/preset-typical/report'
		);
		await box(page, 'Contract length').fill('60');
		await expect(page.getByText('Your changes to this example are not saved')).toBeVisible();
		await page.getByRole('button', { name: 'Keep my changes in a copy' }).click();
		await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
		await expect(page.getByText(/with your changes/)).toBeVisible();
		await expect(box(page, 'Contract length')).toHaveValue('60');
		// The example itself is unchanged.
		await page.goto(DEMO);
		await expect(box(page, 'Contract length')).toHaveValue('36');
	});

	test('an example with no result runs on arrival, with nothing clicked, to its full result', async ({
		page
	}) => {
		await page.goto(DEMO);
		// Once the page is drawn: simulating (or already the first look), never "not run yet".
		await expect(runState(page)).toHaveAttribute('data-run-state', /running|refining|done/);
		await expect(page.getByText('Not run yet')).toHaveCount(0);
		await expect(runState(page)).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
		await expect(runState(page)).toContainText('1,000 futures simulated');
		await expect(page.getByRole('heading', { name: 'Trust over time' })).toBeVisible();
	});

	test('changing the contract length by slider and by box re-runs and changes the headline', async ({
		page
	}) => {
		await editableCopy(page);
		const before = await headline(page).innerText();
		expect(before).toMatch(/3-year contract/);

		const slider = page.getByRole('slider', { name: 'Contract length' });
		await slider.focus();
		await page.keyboard.press('End');
		await expect(box(page, 'Contract length')).toHaveValue('120');
		// It re-runs: the headline comes to speak of the new length (a run can start and finish
		// between two looks at the run state, so the test waits for its result instead).
		await expect(headline(page)).toContainText('10-year contract', { timeout: 60_000 });
		await expect(runState(page)).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
		const afterSlider = await headline(page).innerText();
		expect(afterSlider).not.toBe(before);
		expect(afterSlider).toMatch(/10-year contract/);

		await box(page, 'Contract length').fill('48');
		await expect(slider).toHaveValue('48');
		await expect(runState(page)).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
		await expect(headline(page)).toContainText('4-year contract');
		await expect(saveState(page)).toHaveText('Saved');
	});

	test('an invalid number shows the allowed range beside the box and is never run or saved', async ({
		page
	}) => {
		await editableCopy(page);
		const length = box(page, 'Contract length');
		await length.fill('500');
		const message = 'Out of range: enter a whole number from 6 to 120 months.';
		await expect(page.locator('[data-param="contract.lengthMonths"]')).toContainText(message);
		await expect(length).toHaveAttribute('aria-invalid', 'true');
		await expect(page.getByRole('alert')).toContainText('Not run:');
		await expect(page.getByRole('alert')).toContainText(message);
		// Nothing starts: the last result stays current and no progress bar appears.
		await page.waitForTimeout(800);
		await expect(runState(page)).toHaveAttribute('data-run-state', 'done');
		await expect(page.getByRole('progressbar')).toHaveCount(0);
		await expect(saveState(page)).toHaveText('Saved');

		await length.fill('abc');
		await expect(page.locator('[data-param="contract.lengthMonths"]')).toContainText(
			'“abc” is not a number'
		);
		await page.getByRole('button', { name: 'Put back 36 months' }).click();
		await expect(length).toHaveValue('36');
		await expect(length).toHaveAttribute('aria-invalid', 'false');
		await expect(page.getByRole('alert')).toHaveCount(0);

		await length.fill('500');
		await page.reload();
		await expect(box(page, 'Contract length')).toHaveValue('36');
	});

	test('an edited control is marked as changed and can be reset, one or all', async ({ page }) => {
		await editableCopy(page);
		const control = page.locator('[data-param="contract.lengthMonths"]');
		await expect(control.getByText('Changed')).toHaveCount(0);
		// Only the number of runs differs from the example so far.
		await expect(page.getByText(`1 change from “${DEMO_NAME}”`)).toBeVisible();
		await expect(page.locator('[data-param="runs"]').getByText('Changed')).toBeVisible();

		await box(page, 'Contract length').fill('48');
		await expect(control.getByText('Changed')).toBeVisible();
		await expect(control).toContainText('Range 6 to 120 months · example: 36');
		await expect(page.getByText(`2 changes from “${DEMO_NAME}”`)).toBeVisible();
		await page.getByRole('button', { name: 'Reset Contract length to 36 months' }).click();
		await expect(box(page, 'Contract length')).toHaveValue('36');
		await expect(control.getByText('Changed')).toHaveCount(0);

		await box(page, 'Contract length').fill('60');
		await box(page, 'KPI rigidity').fill('0.3');
		await expect(page.getByText(`3 changes from “${DEMO_NAME}”`)).toBeVisible();
		await page.getByRole('button', { name: 'Reset all' }).click();
		await expect(box(page, 'Contract length')).toHaveValue('36');
		await expect(box(page, 'KPI rigidity')).toHaveValue('0.8');
		await expect(box(page, 'Simulated futures')).toHaveValue('1000');
		await expect(page.getByText(`Same as the example “${DEMO_NAME}”`)).toBeVisible();
	});

	test('edits are saved as you go and are still there after a reload', async ({ page }) => {
		await editableCopy(page);
		const resultsBefore = await storedResults(page);
		// Every save state shown from now on, however briefly (a busy machine may not look in time).
		await page.evaluate(() => {
			const el = document.querySelector('.save-state');
			const seen: string[] = [];
			(window as unknown as { saveStates: string[] }).saveStates = seen;
			if (el)
				new MutationObserver(() => seen.push(el.textContent?.trim() ?? '')).observe(el, {
					subtree: true,
					childList: true,
					characterData: true
				});
		});
		await box(page, 'KPI rigidity').fill('0.45');
		const states = () =>
			page.evaluate(() => (window as unknown as { saveStates: string[] }).saveStates.join(' | '));
		// Said to be waiting or saving, then saved.
		await expect.poll(states).toMatch(/(Unsaved changes…|Saving…).* \| Saved$/);
		await expect(runState(page)).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
		// The finished result is stored just after it is shown; reload once it is.
		await expect.poll(() => storedResults(page)).toBeGreaterThan(resultsBefore);
		await page.reload();
		await expect(box(page, 'KPI rigidity')).toHaveValue('0.45');
		// The result stored for these settings is shown at once, without running again.
		await expect(runState(page)).toHaveAttribute('data-run-state', 'done');
		await expect(runState(page)).toContainText('saved result from');
		await expect(page.getByRole('slider', { name: 'KPI rigidity' })).toHaveValue('0.45');
		await expect(page.locator('[data-param="kpi.rigidity"]').getByText('Changed')).toBeVisible();
	});

	test('an edit made just before the tab is closed survives a confirmed close', async ({
		page,
		context
	}) => {
		const id = await editableCopy(page);
		// Storage cannot take the write before the tab goes (a closing page may not live to
		// finish it): the edit must survive all the same.
		await page.evaluate(() => {
			const lost = () => {
				throw new DOMException('The page is closing.', 'AbortError');
			};
			IDBObjectStore.prototype.put = lost;
			IDBObjectStore.prototype.add = lost;
		});
		await box(page, 'KPI rigidity').fill('0.3');
		await expect(saveState(page)).toHaveText(/Couldn't save/);
		// Closed at once: the browser asks whether to leave, and the person confirms.
		page.on('dialog', (dialog) => void dialog.accept());
		const closed = page.waitForEvent('close');
		await page.close({ runBeforeUnload: true });
		await closed;
		const again = await context.newPage();
		await again.goto(`/scenarios/${id}`);
		await expect(box(again, 'KPI rigidity')).toHaveValue('0.3');
		await expect(
			again.getByText(/Your last change, made just before the page closed/)
		).toBeVisible();
		await expect(saveState(again)).toHaveText(/Saved|All changes saved/);
		// And it is stored now: a reload shows it without help.
		await again.reload();
		await expect(box(again, 'KPI rigidity')).toHaveValue('0.3');
	});

	test('a copy can be renamed and described, without running again', async ({ page }) => {
		await editableCopy(page);
		await page.getByRole('button', { name: 'Rename or describe' }).click();
		const form = page.getByRole('form', { name: 'Name and description' });
		await form.getByRole('textbox', { name: 'Name' }).fill('   ');
		await form.getByRole('button', { name: 'Save name and description' }).click();
		await expect(form).toContainText('Give the scenario a name.');
		await form.getByRole('textbox', { name: 'Name' }).fill('Five years with partners');
		await form.getByRole('textbox', { name: 'Description' }).fill('For the board paper.');
		await form.getByRole('button', { name: 'Save name and description' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Five years with partners');
		await expect(page.getByText('For the board paper.')).toBeVisible();
		await expect(runState(page)).toHaveAttribute('data-run-state', 'done');
		await expect(saveState(page)).toHaveText('Saved');
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Five years with partners');
		await expect(page).toHaveTitle('Five years with partners · Slow Trust');
		await expect(runState(page)).toHaveAttribute('data-run-state', 'done');
	});

	test('a restore point brings back an earlier version', async ({ page }) => {
		await editableCopy(page);
		const toggle = page.getByRole('button', { name: /^Restore points/ });
		// The copy as made, then with 100 runs.
		await expect(toggle).toHaveText('Restore points (2)');
		await box(page, 'Contract length').fill('48');
		await expect(toggle).toHaveText('Restore points (3)');
		await box(page, 'Contract length').fill('60');
		await expect(toggle).toHaveText('Restore points (4)');

		await toggle.click();
		const panel = page.locator('#restore-points');
		await expect(panel.getByText('Current')).toBeVisible();
		const older = panel.getByRole('listitem').filter({ hasText: '36 months → 48 months' });
		await older.getByRole('button', { name: /^Restore the version saved/ }).click();
		await expect(box(page, 'Contract length')).toHaveValue('48');
		await expect(page.getByText(/^Restored the version saved/)).toBeVisible();
		await expect(toggle).toHaveText('Restore points (5)');
		await page.reload();
		await expect(box(page, 'Contract length')).toHaveValue('48');
	});

	test('segments can be added, edited and removed', async ({ page }) => {
		await editableCopy(page);
		await expect(page.getByText('5,000 people in 4 segments')).toBeVisible();
		await page.getByRole('button', { name: 'Add a segment' }).click();
		await expect(page.getByText('6,000 people in 5 segments')).toBeVisible();
		await page.getByRole('textbox', { name: 'People' }).last().fill('2000');
		await expect(page.getByText('7,000 people in 5 segments')).toBeVisible();
		await page.getByRole('textbox', { name: 'People' }).last().fill('99000');
		await expect(page.getByText(/The segments add up to 104,000 people/).first()).toBeVisible();
		await expect(page.getByRole('alert')).toContainText('Not run:');
		await page.getByRole('button', { name: 'Remove Segment 5' }).click();
		await expect(page.getByText('5,000 people in 4 segments')).toBeVisible();
		await expect(saveState(page)).toHaveText('Saved');
	});

	test('a scenario that is not in the library gets a clear message and a way back', async ({
		page
	}) => {
		await page.goto('/scenarios/no-such-scenario');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'This scenario is not in your library'
		);
		await expect(page.getByRole('link', { name: 'Go to the library' })).toHaveAttribute(
			'href',
			'/'
		);
		await expectAccessible(page);
	});

	test('a library that cannot be opened is explained in plain words', async ({ page }) => {
		// As in a browser that refuses storage to the site.
		await page.addInitScript(() => {
			Object.defineProperty(window, 'indexedDB', { value: undefined, configurable: true });
		});
		await page.goto(DEMO);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(
			'The library could not be opened'
		);
		await expect(page.getByText(/not letting Slow Trust store anything/)).toBeVisible();
		await expect(page.getByRole('link', { name: 'Go to the library' })).toBeVisible();
	});

	test('has no serious accessibility problems, as an example and as a copy', async ({ page }) => {
		await page.goto(DEMO);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(DEMO_NAME);
		await expectAccessible(page);
		await editableCopy(page);
		await box(page, 'Contract length').fill('500');
		await page.getByRole('button', { name: /^Restore points/ }).click();
		await expectAccessible(page);
	});

	test('copies a share link that opens these settings on the share page', async ({
		page,
		context,
		baseURL
	}) => {
		await context.grantPermissions(['clipboard-read', 'clipboard-write']);
		await editableCopy(page);
		await box(page, 'Contract length').fill('60');
		await expect(saveState(page)).toHaveText('Saved');
		await page.getByRole('button', { name: 'Copy share link' }).click();
		await expect(page.getByText('Link copied.')).toBeVisible();
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(link).toMatch(new RegExp(`^${baseURL}/share#v1p?\\.[A-Za-z0-9_-]+$`));
		await page.goto(link);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(`${DEMO_NAME} (copy)`);
	});

	test('screenshots at 1366x768 and 1920x1080', async ({ page }, testInfo) => {
		await editableCopy(page, 200);
		await box(page, 'Contract length').fill('60');
		await expect(runState(page)).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
		for (const [width, height] of [
			[1366, 768],
			[1920, 1080]
		]) {
			await page.setViewportSize({ width, height });
			await page.evaluate(() => {
				if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
				window.scrollTo(0, 0);
				document.querySelector('.editor-column')?.scrollTo(0, 0);
			});
			for (const fullPage of [false, true]) {
				const name = `workbench-${width}x${height}${fullPage ? '-full' : ''}.png`;
				const path = testInfo.outputPath(name);
				await page.screenshot({ path, fullPage });
				await testInfo.attach(name, { path, contentType: 'image/png' });
			}
		}
	});

	test('each chart downloads as SVG and PNG, and the data as CSV, once the full result is in', async ({
		page
	}) => {
		await editableCopy(page, 100);
		const fan = page.getByRole('group', { name: 'Download Trust over time' });
		const [svgDownload] = await Promise.all([
			page.waitForEvent('download'),
			fan.getByRole('button', { name: 'Download Trust over time as SVG' }).click()
		]);
		expect(svgDownload.suggestedFilename()).toMatch(/trust-over-time\.svg$/);
		const svg = await readFile(await svgDownload.path(), 'utf8');
		expect(svg).toMatch(/^<svg|^<\?xml/);
		expect(svg).toContain('<path');
		expect(svg).toContain('Trust over time');
		expect(svg).toContain('100 futures');

		const [pngDownload] = await Promise.all([
			page.waitForEvent('download'),
			fan.getByRole('button', { name: 'Download Trust over time as PNG' }).click()
		]);
		const png = await readFile(await pngDownload.path());
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');

		const [csvDownload] = await Promise.all([
			page.waitForEvent('download'),
			fan.getByRole('button', { name: 'Download the data of Trust over time as CSV' }).click()
		]);
		const csv = (await readFile(await csvDownload.path(), 'utf8')).trim().split('\n');
		expect(csv[0]).toMatch(/^month,trust_p5,/);
		expect(csv).toHaveLength(1 + 120);

		// Every chart offers its downloads, the group of end distributions as one figure.
		await expect(page.getByRole('group', { name: /^Download / })).toHaveCount(6);
	});

	test('pointing at the trade-off chart reads out the future nearest the pointer', async ({
		page
	}) => {
		await openDemoWithFewFutures(page);
		const probe = page.getByRole('slider', {
			name: /^KPI reviews met against trust in the final year/
		});
		await probe.scrollIntoViewIfNeeded();
		const box = await probe.boundingBox();
		expect(box).not.toBeNull();
		if (!box) return;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await expect(probe).toHaveAttribute('aria-valuetext', /^Future \d+: KPI reviews met: /);
		const first = await probe.getAttribute('aria-valuetext');
		// Another place picks another future.
		await page.mouse.move(box.x + 4, box.y + 4);
		await page.mouse.move(box.x + box.width - 4, box.y + box.height - 4);
		await expect(probe).not.toHaveAttribute('aria-valuetext', first ?? '');
	});

	test("a chart's values can be read month by month from the keyboard, and shown as a table", async ({
		page
	}) => {
		await openDemoWithFewFutures(page);
		const probe = page.getByRole('slider', { name: /^Trust by month/ });
		await probe.focus();
		// Focus lands on the last month; Home goes to the first, arrows step by one.
		await expect(probe).toHaveAttribute('aria-valuenow', '120');
		await page.keyboard.press('Home');
		await expect(probe).toHaveAttribute('aria-valuenow', '1');
		await expect(probe).toHaveAttribute('aria-valuetext', /Month 1\b/);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(probe).toHaveAttribute('aria-valuenow', '3');
		await expect(probe).toHaveAttribute('aria-valuetext', /Month 3\b.*\d\.\d\d/);
		// Page Up and Page Down move a year, as on any slider.
		await page.keyboard.press('PageUp');
		await expect(probe).toHaveAttribute('aria-valuenow', '15');
		await page.keyboard.press('PageDown');
		await expect(probe).toHaveAttribute('aria-valuenow', '3');

		// The table toggle swaps the drawing for a table of the same values, and back.
		const toggle = page.getByRole('button', { name: 'Show as table' }).first();
		await toggle.click();
		const table = page.getByRole('region', { name: 'Trust over time: table' });
		await expect(table).toBeVisible();
		await expect(table.getByRole('row')).toHaveCount(121);
		await expect(probe).toHaveCount(0);
		await page.getByRole('button', { name: 'Show as chart' }).first().click();
		await expect(table).toHaveCount(0);
		await expect(page.getByRole('slider', { name: /^Trust by month/ })).toBeVisible();
	});
});
