/**
 * Names as people type them: a very long name without spaces wraps in its card and on the
 * workbench instead of scrolling the page sideways, and a name with a text-direction
 * override or a control character is refused with the character named.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Whether the page scrolls sideways. */
function scrollsSideways(page: Page): Promise<boolean> {
	return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
}

test('a 120-character name without spaces wraps, on the card and on the workbench', async ({
	page
}) => {
	await page.setViewportSize({ width: 1366, height: 768 });
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Your scenarios' })).toBeVisible();
	const long = 'Outcomes'.repeat(15);
	await page.getByRole('button', { name: 'New scenario' }).first().click();
	await page.getByLabel('Name', { exact: true }).fill(long);
	await page.getByRole('button', { name: 'Save details' }).click();
	const card = page.getByRole('list', { name: 'Your scenarios' }).getByRole('article', {
		name: long
	});
	await expect(card).toBeVisible();
	expect(await scrollsSideways(page)).toBe(false);

	await card.getByRole('link', { name: long }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(long);
	expect(await scrollsSideways(page)).toBe(false);
});

test('a name with a text-direction override is refused, saying which character', async ({
	page
}) => {
	await page.goto('/');
	await expect(page.getByRole('list', { name: 'Your scenarios' })).toBeVisible();
	await page.getByRole('button', { name: 'New scenario' }).first().click();
	await page.getByLabel('Name', { exact: true }).fill('Bid \u202Eexe.ftp');
	await page.getByRole('button', { name: 'Save details' }).click();
	await expect(
		page.getByText(/must not contain control or text-direction characters/)
	).toBeVisible();
	await expect(page.getByText(/U\+202E/)).toBeVisible();
});
