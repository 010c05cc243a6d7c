/**
 * Scale: a library of 1,000 scenarios opens and can be searched; a community of 100,000
 * people runs with progress. (How quickly is measured by the benchmarks, not here.)
 */
import { expect, test } from './fixtures';

test.describe('scale', () => {
	test.describe.configure({ timeout: 180_000 });

	test('a library of 1,000 scenarios opens and searches', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByText("Today's typical contract").first()).toBeVisible();
		// 1,000 copies of the demo example, written straight into the database.
		await page.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const request = indexedDB.open('slow-trust');
					request.onsuccess = () => {
						const db = request.result;
						const tx = db.transaction('scenarios', 'readwrite');
						const store = tx.objectStore('scenarios');
						const get = store.get('preset-typical');
						get.onsuccess = () => {
							const example = get.result as Record<string, unknown>;
							for (let i = 0; i < 1000; i++) {
								const name = `Bulk scenario ${String(i).padStart(4, '0')}`;
								store.put({
									...example,
									id: `bulk-${i}`,
									name,
									presetId: undefined,
									tags: i % 10 === 0 ? ['tenth'] : [],
									scenario: { ...(example.scenario as object), name },
									createdAt: i,
									updatedAt: i
								});
							}
						};
						tx.oncomplete = () => {
							db.close();
							resolve();
						};
						tx.onerror = () => reject(tx.error);
					};
					request.onerror = () => reject(request.error);
				})
		);
		await page.reload();
		await expect(page.getByText('1,005 scenarios, 5 of them read-only examples')).toBeVisible({
			timeout: 60_000
		});
		await expect(page.getByRole('link', { name: 'Bulk scenario 0999', exact: true })).toBeVisible();
		// 0099 and 0990 to 0999.
		await page.getByRole('searchbox').fill('Bulk scenario 099');
		await expect(page.getByText(/Showing 11 of 1,005 scenarios/)).toBeVisible();
		await page.getByRole('searchbox').fill('tenth');
		await expect(page.getByText(/Showing 100 of 1,005 scenarios/)).toBeVisible();
	});
});
