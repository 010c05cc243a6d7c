/**
 * The workshop in two windows: the presenter opens an audience screen for the projector, the
 * two stay in step (steps, the room's votes, the reveal), a clicker pointed at the audience's
 * window drives the presenter, and closing either leaves the other usable. Also screenshots
 * of both windows on a projector, a laptop and a phone.
 */
import type { Page, TestInfo } from '@playwright/test';
import { expect, expectAccessible, test } from './fixtures';

/** Waits until a result is shown: the quick first look or the full one. */
async function waitForResult(page: Page): Promise<void> {
	await expect(page.getByTestId('run-status')).toHaveText(/simulated futures|First look/, {
		timeout: 60_000
	});
}

async function attachScreenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
	const path = testInfo.outputPath(`${name}.png`);
	await page.screenshot({ path });
	await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function openAudience(page: Page): Promise<Page> {
	const [audience] = await Promise.all([
		page.context().waitForEvent('page'),
		page.getByRole('button', { name: 'Open audience screen', exact: true }).click()
	]);
	await audience.waitForLoadState();
	return audience;
}

test.describe('workshop in two windows', () => {
	test.describe.configure({ timeout: 180_000 });

	test('the audience screen follows the presenter; votes show on the reveal; closing it leaves the presenter working', async ({
		page
	}) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/workshop');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText("Today's typical contract");
		const audience = await openAudience(page);
		await expect(audience.getByRole('heading', { level: 1 })).toHaveText(
			"Today's typical contract"
		);
		await expect(
			audience.getByRole('heading', { name: 'What will trust be after 5 years?' })
		).toBeVisible();
		// The presenter keeps the notes, the next step and the timer; the room sees none of them.
		await expect(page.getByLabel('Notes for step 1')).toBeVisible();
		await expect(page.getByTestId('next-step')).toContainText('Consulting without acting');
		await expect(page.getByTestId('timer')).toContainText(/Step\s+0:\d\d/);
		await expect(audience.getByTestId('timer')).toHaveCount(0);
		await expect(audience.getByLabel(/Notes/)).toHaveCount(0);
		await expect(audience.getByRole('button', { name: 'Reveal (R)' })).toHaveCount(0);

		// The room's show of hands, typed by the presenter, shows on both screens.
		await page.getByLabel('Notes for step 1').blur();
		await page.getByRole('button', { name: 'Count hands' }).click();
		await page.getByLabel('Hands raised for Middling').fill('12');
		await page.getByLabel('Hands raised for Fair').fill('5');
		await expect(audience.getByText('12 hands')).toBeVisible();
		// Enter hands the keys back to the presenter.
		await page.getByLabel('Hands raised for Fair').press('Enter');
		await page.keyboard.press('3');
		await expect(page.getByRole('button', { name: /Middling/ })).toHaveAttribute(
			'aria-pressed',
			'true'
		);
		await waitForResult(page);

		// Reveal: the answer and the room's votes against it, on both screens.
		await page.keyboard.press('r');
		for (const p of [page, audience]) {
			await expect(p.getByTestId('answer')).toHaveText(/^0\.\d\d$/);
			await expect(p.getByTestId('votes')).toBeVisible();
			await expect(p.getByTestId('votes-words')).toContainText('of 17 hands');
		}
		await expect(audience.getByTestId('votes').locator('li.right')).toHaveCount(1);
		await expect(audience.getByTestId('answer')).toHaveText(
			(await page.getByTestId('answer').textContent()) ?? ''
		);
		await expect(audience.locator('svg[data-month]')).toHaveAttribute('data-month', '120');

		// The next step, on both screens.
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 5');
		await expect(audience.getByRole('heading', { level: 1 })).toHaveText(
			'Consulting without acting'
		);
		await expect(
			audience.getByRole('heading', { name: 'Will trust collapse at some point?' })
		).toBeVisible();

		// A clicker pointed at the audience's window drives the presenter.
		await audience.keyboard.press('PageDown');
		await expect(page.getByTestId('answer')).toBeVisible();
		await expect(audience.getByTestId('answer')).toBeVisible();
		await audience.keyboard.press('b');
		await expect(audience.getByTestId('blank')).toBeVisible();
		await expect(page.getByText("The room's screen is blank.")).toBeVisible();
		await page.keyboard.press('b');
		await expect(audience.getByTestId('blank')).toBeHidden();
		await expectAccessible(audience);

		// A reload of the audience's window catches up with the presenter.
		await audience.reload();
		await expect(audience.getByRole('heading', { level: 1 })).toHaveText(
			'Consulting without acting'
		);
		await expect(audience.getByTestId('answer')).toBeVisible();

		// Closing it: the presenter says so, keeps working, and can open it again.
		await audience.close();
		await expect(page.getByTestId('audience-closed')).toContainText('Audience screen closed');
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('step-count')).toHaveText('Step 3 of 5');
		await expectAccessible(page);
		const again = await openAudience(page);
		await expect(again.getByRole('heading', { level: 1 })).toHaveText(
			'Short contracts, re-procured again and again'
		);
		await expect(page.getByTestId('audience-closed')).toHaveCount(0);
	});

	test('the audience screen says when the presenter has gone, and can present from there', async ({
		page
	}) => {
		await page.goto('/workshop?storyline=commissioners');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText("Today's typical contract");
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(page.getByTestId('step-count')).toHaveText('Step 2 of 4');
		const audience = await openAudience(page);
		await expect(audience.getByRole('heading', { level: 1 })).toHaveText(
			'Short contracts, re-procured again and again'
		);
		await page.close();
		await expect(audience.getByTestId('presenter-gone')).toContainText(
			'The presenter’s screen has closed'
		);
		// The last step stays on screen; from here it becomes the presenter, at that step.
		await expect(audience.getByRole('heading', { level: 1 })).toHaveText(
			'Short contracts, re-procured again and again'
		);
		await audience.getByRole('button', { name: 'Present from this window' }).click();
		await expect(audience.getByTestId('step-count')).toHaveText('Step 2 of 4');
		await expect(
			audience.getByRole('heading', { name: 'What will trust be in the final year of 10 years?' })
		).toBeVisible();
	});

	test('opens the audience screen offline after one visit', async ({ page, context }) => {
		await page.goto('/workshop');
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
			if (navigator.serviceWorker.controller) return;
			await new Promise<void>((resolve) =>
				navigator.serviceWorker.addEventListener('controllerchange', () => resolve(), {
					once: true
				})
			);
		});
		await waitForResult(page);
		await context.setOffline(true);
		await page.reload();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText("Today's typical contract");
		const audience = await openAudience(page);
		await expect(audience.getByRole('heading', { level: 1 })).toHaveText(
			"Today's typical contract"
		);
		await waitForResult(page);
		await page.keyboard.press('r');
		await expect(audience.getByTestId('answer')).toBeVisible();
	});

	test('an audience screen with no presenter says so', async ({ page }) => {
		await page.goto('/workshop/audience?session=nobody');
		await expect(page.getByTestId('presenter-gone')).toContainText(
			'No presenter’s screen answered'
		);
		await expectAccessible(page);
	});

	test('looks right on a projector, a laptop and a phone', async ({ page }, testInfo) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.setViewportSize({ width: 1920, height: 1080 });
		await page.goto('/workshop');
		await waitForResult(page);
		const audience = await openAudience(page);
		await audience.emulateMedia({ reducedMotion: 'reduce' });
		await audience.setViewportSize({ width: 1920, height: 1080 });
		await expect(audience.getByRole('heading', { level: 1 })).toBeVisible();
		await page.getByLabel('Notes for step 1').blur();
		await page.getByRole('button', { name: 'Count hands' }).click();
		for (const [label, n] of [
			['Guarded', '4'],
			['Middling', '11'],
			['Fair', '7'],
			['High', '2']
		])
			await page.getByLabel(`Hands raised for ${label}`).fill(n);
		await page.getByLabel('Hands raised for High').blur();
		await attachScreenshot(page, testInfo, 'two-presenter-predict-1920x1080');
		await attachScreenshot(audience, testInfo, 'two-audience-predict-1920x1080');
		await page.keyboard.press('r');
		await expect(audience.getByTestId('votes')).toBeVisible();
		await attachScreenshot(page, testInfo, 'two-presenter-reveal-1920x1080');
		await attachScreenshot(audience, testInfo, 'two-audience-reveal-1920x1080');
		for (const size of [
			{ width: 1366, height: 768 },
			{ width: 390, height: 844 }
		]) {
			const tag = `${size.width}x${size.height}`;
			await page.setViewportSize(size);
			await audience.setViewportSize(size);
			await attachScreenshot(page, testInfo, `two-presenter-reveal-${tag}`);
			await attachScreenshot(audience, testInfo, `two-audience-reveal-${tag}`);
		}
		await expectAccessible(page);
		await expectAccessible(audience);
	});
});
