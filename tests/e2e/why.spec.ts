import { expect, expectAccessible, test } from './fixtures';

// Two presets, a hundred futures each, in the workers on two shared cores.
test.describe.configure({ timeout: 120_000 });

test.describe('why one design is better', () => {
	test('each pair says in words and a chart which mechanisms carry the difference', async ({
		page
	}) => {
		await page.goto('/compare');
		await page.getByRole('checkbox', { name: /Today's typical contract/ }).check();
		await page
			.getByRole('checkbox', { name: /Short contracts, re-procured again and again/ })
			.check();
		await page.getByLabel('Futures per scenario').selectOption('100');
		await page.getByRole('button', { name: 'Run comparison' }).click();

		const why = page.getByRole('region', { name: /^Why (is [AB] better|do they differ)\?$/ });
		await expect(why).toBeVisible({ timeout: 60_000 });
		// Two-year contracts re-let again and again end with less trust than the typical one.
		await expect(why.getByRole('heading', { name: 'Why is A better?' })).toBeVisible();
		const sentence = why.getByTestId('why-sentence');
		await expect(sentence).toHaveText(
			/^B ends with less trust than A \(−0\.\d+ in the final year, on average\), which goes (mainly|partly) with the fact that it /
		);
		await expect(sentence).toContainText('breaks more promises');
		await expect(sentence).toContainText('changes provider more often');

		// The chart: the total, then a bar per part, each labelled.
		const figure = why.getByRole('figure');
		await expect(figure).toContainText('What carries the difference in trust in the final year');
		const bars = figure.getByTestId('why-bar');
		const count = await bars.count();
		expect(count).toBeGreaterThanOrEqual(3);
		await expect(figure.locator('[data-testid="why-bar"][data-key="total"]')).toHaveCount(1);
		await expect(figure.locator('[data-testid="why-bar"][data-key="rest"]')).toHaveCount(1);
		await expect(figure.locator('[data-testid="why-bar"][data-key="brokenPromises"]')).toHaveCount(
			1
		);
		// Chart text is at least 12 px.
		const sizes = await figure
			.locator('svg text')
			.evaluateAll((els) => els.map((e) => parseFloat(getComputedStyle(e).fontSize)));
		expect(sizes.length).toBeGreaterThan(count);
		expect(Math.min(...sizes)).toBeGreaterThanOrEqual(12);

		// The table alternative has a row per part and one for the whole difference.
		await why.getByRole('button', { name: 'Show as a table' }).click();
		const table = why.getByRole('table');
		await expect(table.getByRole('row')).toHaveCount(count + 1);
		await expect(
			table.getByRole('row', { name: /^Broken promises breaks more promises/ })
		).toBeVisible();
		await expect(
			table.getByRole('row', { name: /^Difference B − A All together −0\.\d+/ })
		).toBeVisible();
		await expect(why).toContainText('not a separate experiment for each mechanism');
		await expectAccessible(page);
	});
});
