/**
 * The model page documents every setting, with the anchor the editor's "In the model"
 * links use, and such a link lands on the right entry.
 */
import { PARAMS, SEGMENT_PARAMS, paramAnchor } from '../../src/lib/sim/index';
import { expect, expectAccessible, test } from './fixtures';

test('every setting has an entry with its default, range and source', async ({ page }) => {
	await page.goto('/model');
	for (const p of PARAMS) {
		const entry = page.locator(`#${paramAnchor(p.path)}`);
		await expect(entry, p.path).toHaveCount(1);
		await expect(entry.getByRole('heading')).toHaveText(p.label);
		await expect(entry).toContainText('Default');
		await expect(entry).toContainText(`Source: ${p.source}`);
	}
	for (const p of SEGMENT_PARAMS) {
		await expect(page.locator(`#${paramAnchor(p.path, true)}`), p.path).toHaveCount(1);
	}
	await expectAccessible(page);
});

test("the editor's link for a setting lands on its entry", async ({ page }) => {
	await page.goto('/scenarios/preset-typical');
	const link = page.getByRole('link', { name: /^In the model\s*: Contract length$/ });
	await link.click();
	await expect(page).toHaveURL(/\/model#param-contract-lengthMonths$/);
	const entry = page.locator('#param-contract-lengthMonths');
	await expect(entry).toBeInViewport();
	await expect(entry.getByRole('heading')).toHaveText('Contract length');
});
