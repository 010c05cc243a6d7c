/**
 * The engine in the page: a 50,000-run job shows a moving progress bar, the page answers a
 * click while it runs, the job can be cancelled (the page says so and shows nothing from the
 * unfinished job as a result), and a new job completes after the cancel. How long the page's
 * main-thread tasks take during such a job is a figure of `npm run bench:browser`, not a
 * test: it moves with the machine.
 */
import { expect, test } from './fixtures';

test('a 50,000-run job shows progress, cancels cleanly, and the page stays responsive', async ({
	page
}) => {
	test.setTimeout(180_000);
	// An editable copy of the demo example with a finished 100-run result, so that no other
	// job is running when the big one starts.
	await page.goto('/scenarios/preset-typical');
	const runState = page.locator('[data-run-state]');
	const runs = page.getByRole('textbox', { name: 'Simulated futures', exact: true });
	await runs.fill('100');
	await expect(runState).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	await page.getByRole('button', { name: 'Keep my changes in a copy' }).click();
	await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
	await expect(runs).toHaveValue('100');
	await expect(runState).toHaveAttribute('data-run-state', 'done');
	await expect(runState).toContainText('100 futures simulated');

	// Start the big job.
	await runs.fill('50000');
	// A job estimated to take over a minute waits to be asked, saying how long it would take.
	await expect(runState).toHaveAttribute('data-run-state', 'large');
	await expect(runState).toContainText(/A large run: about \d+ minutes?/);
	await page.getByRole('button', { name: 'Run 50,000 futures' }).click();
	const bar = page.getByRole('progressbar', { name: 'Simulation progress' });
	await expect(bar).toHaveAttribute('aria-valuemax', '50000', { timeout: 30_000 });

	// The quick first look arrives and is marked as refining, not as the result.
	await expect(runState).toHaveAttribute('data-run-state', 'refining', { timeout: 60_000 });
	await expect(page.getByText(/A first quick estimate from \d+ simulated futures/)).toBeVisible();

	// The bar moves.
	const first = Number(await bar.getAttribute('aria-valuenow'));
	await expect
		.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 })
		.toBeGreaterThan(first);
	await expect(bar).toHaveAttribute('aria-valuetext', /of 50,000 futures$/);
	const moved = Number(await bar.getAttribute('aria-valuenow'));
	expect(moved).toBeLessThan(50000);

	// The page answers clicks while the job runs: a segment row opens and closes again.
	const row = page.locator('.segments .rows > li').first();
	await row.locator('summary').click();
	await expect(row.locator('details')).toHaveAttribute('open');
	await row.locator('summary').click();
	await expect(row.locator('details')).not.toHaveAttribute('open');
	await expect(bar).toBeVisible();

	// Cancel: the page says so, and nothing from the unfinished job is shown as a result.
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(runState).toHaveAttribute('data-run-state', 'cancelled');
	await expect(runState).toContainText('Cancelled');
	await expect(runState).toContainText(/Stopped after [\d,]+ of 50,000 futures/);
	await expect(page.getByRole('region', { name: 'Results' })).toHaveCount(0);
	await expect(
		page.getByText('No results: the run was cancelled before it finished.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible();
	await expect(bar).toHaveCount(0);

	// A new job after the cancel completes.
	await runs.fill('200');
	await expect(runState).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	await expect(runState).toContainText('200 futures simulated');
	await expect(page.getByRole('region', { name: 'Results' })).toBeVisible();
});
