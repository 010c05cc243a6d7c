/**
 * Workshop presenter mode: stepping through a storyline with the keyboard (and a clicker's
 * keys), predict then reveal, month-by-month playback with pause and scrub, quick levers,
 * the storyline editor, offline use after one visit, and screenshots for a projector.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** The month the playback has drawn to, read from the chart. */
async function drawnMonth(page: Page): Promise<number> {
	const v = await page.locator('svg[data-month]').getAttribute('data-month');
	return Number(v);
}

/** Waits until a result is shown: the quick first look or the full one. */
async function waitForResult(page: Page): Promise<void> {
	await expect(page.getByTestId('run-status')).toHaveText(/simulated futures|First look/, {
		timeout: 60_000
	});
}

/** Waits until the full result (all 500 futures, not the first look) is shown. */
async function waitForFullResult(page: Page): Promise<void> {
	await expect(page.getByTestId('run-status')).toHaveText(/^500 simulated futures$/, {
		timeout: 120_000
	});
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

/** Waits until a service worker controls the page, so later loads go through it. */
async function waitForServiceWorker(page: Page): Promise<void> {
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
		if (navigator.serviceWorker.controller) return;
		await new Promise<void>((resolve) =>
			navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {
				once: true
			})
		);
	});
}

test.describe('workshop presenter', () => {
	// Simulations share a small machine with other suites; give each test room.
	test.describe.configure({ timeout: 180_000 });

	test('steps through the storyline with the keyboard: predict, reveal, play and pause', async ({
		page
	}) => {
		await page.goto('/workshop');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText("Today's typical contract");
		await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 5');
		// Presenter mode hides the site's header and footer.
		await expect(page.locator('.site-header')).toBeHidden();
		await expect(page.locator('.site-footer')).toBeHidden();
		await expect(
			page.getByRole('heading', { name: 'What will trust be after 5 years?' })
		).toBeVisible();

		// The room predicts: a number key records its pick; the chart waits for Reveal.
		await page.keyboard.press('4');
		await expect(page.getByRole('button', { name: /Fair/ }).first()).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await waitForResult(page);
		expect(await drawnMonth(page)).toBe(0);
		await expectAccessible(page);

		// Reveal: the simulated answer beside the room's prediction, and the chart plays.
		await page.keyboard.press('r');
		await expect(page.getByTestId('answer')).toHaveText(/^0\.\d\d$/);
		// A level of trust is the answer itself: nothing is set beside it.
		await expect(page.getByTestId('answer-level')).toHaveCount(0);
		await expect(page.getByTestId('room-pick')).toContainText('Fair');
		await expect(page.getByRole('button', { name: 'Pause (Space)' })).toBeVisible();
		await expect.poll(() => drawnMonth(page)).toBeGreaterThan(3);

		// Pause with Space: the month stays put.
		await page.keyboard.press(' ');
		await expect(page.getByRole('button', { name: 'Play (Space)' })).toBeVisible();
		const paused = await drawnMonth(page);
		await page.waitForTimeout(400);
		expect(await drawnMonth(page)).toBe(paused);
		// Play again with K: it moves on.
		await page.keyboard.press('k');
		await expect.poll(() => drawnMonth(page)).toBeGreaterThan(paused);
		await page.keyboard.press('K');
		await expectAccessible(page);

		// A clicker: Page Down moves on, revealing first; Page Up goes back.
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 5');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consulting without acting');
		await page.keyboard.press('PageDown');
		await waitForResult(page);
		await expect(page.getByTestId('answer')).toBeVisible();
		await page.keyboard.press('PageDown');
		await expect(page.getByTestId('step-count')).toHaveText('Step 3 of 5');
		await page.keyboard.press('PageUp');
		await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 5');
		// A step already revealed stays revealed, with the result it had.
		await expect(page.getByTestId('answer')).toBeVisible();
		expect(await drawnMonth(page)).toBe(120);
		await page.keyboard.press('ArrowLeft');
		await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 5');
		await expect(page.getByTestId('room-pick')).toContainText('Fair');

		// Keys are left alone while a control has focus.
		await page.getByLabel('Month shown').focus();
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 5');
		await page.getByLabel('Month shown').blur();

		// The help overlay lists the keys.
		await page.keyboard.press('?');
		const help = page.getByRole('dialog', { name: 'Keys' });
		await expect(help).toBeVisible();
		await expect(help).toContainText('Page Down');
		await expectAccessible(page);
		await page.keyboard.press('Escape');
		await expect(help).toBeHidden();
	});

	test('scrubbing the playback moves the chart to a month', async ({ page }) => {
		await page.goto('/workshop');
		await waitForResult(page);
		await page.keyboard.press('Enter');
		await page.keyboard.press(' ');
		await page.getByLabel('Month shown').fill('37');
		await expect.poll(() => drawnMonth(page)).toBe(37);
		await expect(page.getByTestId('playback-month')).toContainText('Month 37 of 120');
		// Contract ends that have happened by month 37 are drawn; later ones are not yet.
		await expect(page.locator('.event-label').first()).toBeVisible();
		const early = await page.locator('.event-label').count();
		await page.getByLabel('Month shown').fill('120');
		await expect.poll(() => page.locator('.event-label').count()).toBeGreaterThan(early);
	});

	test('with reduced motion, Reveal shows the whole chart at once', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/workshop');
		await waitForResult(page);
		await page.keyboard.press('r');
		expect(await drawnMonth(page)).toBe(120);
		await expect(page.getByRole('button', { name: 'Play (Space)' })).toBeVisible();
	});

	test('a quick lever re-runs the scenario and changes the chart', async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/workshop');
		await waitForFullResult(page);
		await page.keyboard.press('r');
		const median = page.locator('svg[data-month] path').nth(2);
		const before = await median.getAttribute('d');

		await page.getByLabel('Contract length').fill('60');
		await expect(page.getByLabel('Contract length')).toHaveAttribute(
			'aria-valuetext',
			'60 months (5 years)'
		);
		await expect(page.getByText('Scenario: 36 months (3 years)')).toBeVisible();
		// The first look at the changed scenario replaces the chart.
		await expect.poll(() => median.getAttribute('d'), { timeout: 15_000 }).not.toBe(before);
		await expect(page.getByTestId('answer')).toBeVisible();
		await expect(page.locator('.event-label')).not.toHaveCount(0);

		// Back to the scenario as written: its result is kept, so the chart returns at once.
		await page.getByRole('button', { name: 'Back to the scenario' }).click();
		await expect.poll(() => median.getAttribute('d')).toBe(before);
		await expect(page.getByText('Scenario: 36 months (3 years)')).toBeHidden();
	});

	test('full screen is offered with F, with a message when the browser refuses', async ({
		page
	}) => {
		await page.goto('/workshop');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText("Today's typical contract");
		await page.keyboard.press('f');
		const button = page.getByRole('button', { name: /Full screen/ });
		await expect
			.poll(async () => {
				const pressed = await button.getAttribute('aria-pressed');
				const refused = await page.getByText('did not allow full screen').count();
				return pressed === 'true' || refused > 0;
			})
			.toBe(true);
	});

	test('builds a storyline: add, reorder, question, notes, save, then present it', async ({
		page
	}, testInfo) => {
		await page.goto('/workshop/storylines');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Storylines');
		await expect(page.getByLabel('Name')).toHaveValue('From a typical contract to co-production');
		// The examples are placed in the library while the page opens it: wait until they are.
		await expect
			.poll(() =>
				page.evaluate(
					() =>
						new Promise<boolean>((resolve, reject) => {
							const req = indexedDB.open('slow-trust');
							req.onerror = () => reject(req.error);
							req.onsuccess = () => {
								const db = req.result;
								if (!db.objectStoreNames.contains('scenarios')) {
									db.close();
									return resolve(false);
								}
								const get = db
									.transaction('scenarios')
									.objectStore('scenarios')
									.get('preset-towards');
								get.onsuccess = () => {
									db.close();
									resolve(get.result !== undefined);
								};
								get.onerror = () => reject(get.error);
							};
						})
				)
			)
			.toBe(true);
		// A scenario of the user's own in the library (a copy of an example, as the library makes).
		await page.evaluate(async () => {
			const db = await new Promise<IDBDatabase>((resolve, reject) => {
				const req = indexedDB.open('slow-trust');
				req.onsuccess = () => resolve(req.result);
				req.onerror = () => reject(req.error);
			});
			const store = db.transaction('scenarios', 'readwrite').objectStore('scenarios');
			const example = await new Promise<Record<string, unknown>>((resolve, reject) => {
				const req = store.get('preset-towards');
				req.onsuccess = () => resolve(req.result as Record<string, unknown>);
				req.onerror = () => reject(req.error);
			});
			const scenario = { ...(example.scenario as object), name: 'Our borough pilot' };
			const { presetId: _presetId, ...rest } = example;
			void _presetId;
			await new Promise<void>((resolve, reject) => {
				const req = store.put({
					...rest,
					id: 'own-pilot',
					name: 'Our borough pilot',
					tags: [],
					scenario
				});
				req.onsuccess = () => resolve();
				req.onerror = () => reject(req.error);
			});
			db.close();
		});
		await page.reload();
		await page.getByRole('button', { name: 'New storyline' }).click();
		await page.getByLabel('Name').fill('Board awayday');
		// Put the courage example first, and ask the room whether trust will collapse.
		await page.getByRole('button', { name: 'Remove step 1' }).click();
		await page.getByRole('button', { name: 'Move step 4 earlier' }).click();
		for (let i = 3; i > 1; i--)
			await page.getByRole('button', { name: `Move step ${i} earlier` }).click();
		await expect(page.locator('.step h3').first()).toHaveText(/^Courage/);
		await page.getByLabel('The room predicts').first().selectOption('collapse');
		await page.getByLabel('Facilitator notes').first().fill('Ask what would make a board sign.');
		await page.getByLabel('Add a step').selectOption({ label: 'Our borough pilot' });
		await page.getByRole('button', { name: 'Add step' }).click();
		await expect(page.locator('.step')).toHaveCount(5);
		await expect(page.locator('.step h3').last()).toHaveText('Our borough pilot');
		await expect(page.locator('.step .kind').last()).toHaveText('Your scenario');
		// Unsaved changes: presenting saves first.
		await expect(page.getByRole('button', { name: 'Save and present' })).toBeVisible();
		await expectAccessible(page);
		await attachScreenshot(page, testInfo, 'workshop-storylines-1366x768');
		await page.getByRole('button', { name: 'Save storyline' }).click();
		await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText(
			'Saved “Board awayday”'
		);

		// Saved: it survives a reload.
		await page.reload();
		await expect(page.getByLabel('Name')).toHaveValue('Board awayday');
		await expect(page.getByLabel('Facilitator notes').first()).toHaveValue(
			'Ask what would make a board sign.'
		);

		await page.getByRole('link', { name: 'Present this storyline' }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Courage/);
		await expect(page.getByTestId('step-count')).toHaveText('Step 1 of 5');
		await expect(
			page.getByRole('heading', { name: 'Will trust collapse at some point?' })
		).toBeVisible();
		// Notes open with N, and an edit is saved with the storyline.
		await page.keyboard.press('n');
		const notes = page.getByLabel('Notes for step 1');
		await expect(notes).toHaveValue('Ask what would make a board sign.');
		await notes.fill('Ask what would make a board sign. Then try ten years.');
		await expect(page.getByText('Notes saved')).toBeVisible();
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Courage/);
		await page.keyboard.press('n');
		await expect(page.getByLabel('Notes for step 1')).toHaveValue(
			'Ask what would make a board sign. Then try ten years.'
		);
		await expectAccessible(page);

		// The last step is the scenario from the library.
		await page.getByLabel('Notes for step 1').blur();
		for (let i = 0; i < 8; i++) await page.keyboard.press('PageDown');
		await expect(page.getByTestId('step-count')).toHaveText('Step 5 of 5');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our borough pilot');
		await waitForResult(page);
	});

	test('works offline after one visit: reload and run a step', async ({ page, context }) => {
		await page.goto('/workshop');
		await waitForServiceWorker(page);
		await waitForResult(page);

		await context.setOffline(true);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText("Today's typical contract");
		await waitForResult(page);
		await page.keyboard.press('3');
		await page.keyboard.press('r');
		await expect(page.getByTestId('answer')).toBeVisible();
		await expect.poll(() => drawnMonth(page)).toBeGreaterThan(0);
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText('Consulting without acting');
		await waitForResult(page);
	});

	test('looks right on a projector and a laptop screen', async ({ page }, testInfo) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		for (const size of [
			{ width: 1920, height: 1080 },
			{ width: 1366, height: 768 }
		]) {
			const tag = `${size.width}x${size.height}`;
			await page.setViewportSize(size);
			await page.goto('/workshop');
			await waitForResult(page);
			await page.keyboard.press('2');
			await attachScreenshot(page, testInfo, `workshop-predict-${tag}`);
			await page.keyboard.press('r');
			await expect(page.getByTestId('answer')).toBeVisible();
			await attachScreenshot(page, testInfo, `workshop-reveal-${tag}`);
			await page.getByLabel('Month shown').fill('40');
			await page.getByLabel('Month shown').blur();
			await page.keyboard.press('n');
			await expect(page.getByLabel('Notes for step 1')).toBeVisible();
			await attachScreenshot(page, testInfo, `workshop-playback-${tag}`);
			await page.keyboard.press('?');
			await expect(page.getByRole('dialog', { name: 'Keys' })).toBeVisible();
			await attachScreenshot(page, testInfo, `workshop-keys-${tag}`);
			await expectAccessible(page);
		}
	});
});
