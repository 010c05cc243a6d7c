/**
 * The engine in the page: a 10,000-run job shows a moving progress bar, can be cancelled
 * (the page says so and shows nothing from the unfinished job as a result), a new job
 * completes after the cancel, and the main thread never blocks for more than 50 ms while
 * the job runs (PerformanceObserver 'longtask', installed before the app loads).
 */
import { expect, test } from './fixtures';

// The observer times tasks by the clock, not by the page's own CPU time. Measured with
// `npx tsx bench/browser/profile.ts` (a Chromium trace): during this job the page's longest
// task costs 16 to 20 ms of CPU, but on a 2-core machine it waits for a core behind the two
// simulation workers and anything else running, and on a busy machine it takes 2 to 10 times
// as long by the clock. With other jobs on the machine (load average 4 to 8) a first attempt
// failed on a 54 ms and a 78 ms task and its retry passed, so the retries stay. A regression
// (a blocking merge or redraw) fails every attempt; a task stretched by the machine's load
// now and then does not. `npm run bench:browser` reports the same job's longest task by the
// clock and by CPU time.
test.describe.configure({ retries: 2 });

declare global {
	interface Window {
		__longTasks: { start: number; duration: number }[];
		__states: { at: number; state: string }[];
	}
}

test('a 10,000-run job shows progress, cancels cleanly, and the page stays responsive', async ({
	page
}) => {
	test.setTimeout(180_000);
	await page.addInitScript(() => {
		window.__longTasks = [];
		new PerformanceObserver((list) => {
			for (const entry of list.getEntries())
				window.__longTasks.push({ start: entry.startTime, duration: entry.duration });
		}).observe({ type: 'longtask', buffered: true });
		// When the results side changes state, to tell in a failure what a long task overlapped.
		window.__states = [];
		new MutationObserver((records) => {
			for (const r of records)
				if (r.target instanceof Element && r.attributeName === 'data-run-state')
					window.__states.push({
						at: Math.round(performance.now()),
						state: r.target.getAttribute('data-run-state') ?? ''
					});
		}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-run-state'] });
	});

	// An editable copy of the demo example with a finished 100-run result, so that no other
	// job is running when the big one starts.
	await page.goto('/scenarios/preset-typical');
	// The observer can see long tasks in this browser, so an empty list means there were none.
	expect(await page.evaluate(() => PerformanceObserver.supportedEntryTypes)).toContain('longtask');
	const runState = page.locator('[data-run-state]');
	const runs = page.getByRole('textbox', { name: 'Simulated futures', exact: true });
	await runs.fill('100');
	await expect(runState).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	await page.getByRole('button', { name: 'Keep my changes in a copy' }).click();
	await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
	await expect(runs).toHaveValue('100');
	await expect(runState).toHaveAttribute('data-run-state', 'done');
	await expect(runState).toContainText('100 futures simulated');

	// Start the big job, noting when it was asked for.
	const jobStart = await page.evaluate(() => performance.now());
	await runs.fill('10000');
	const bar = page.getByRole('progressbar', { name: 'Simulation progress' });
	await expect(bar).toHaveAttribute('aria-valuemax', '10000', { timeout: 30_000 });

	// The quick first look arrives and is marked as refining, not as the result.
	await expect(runState).toHaveAttribute('data-run-state', 'refining', { timeout: 60_000 });
	await expect(page.getByText(/A first quick estimate from \d+ simulated futures/)).toBeVisible();

	// The bar moves.
	const first = Number(await bar.getAttribute('aria-valuenow'));
	await expect
		.poll(async () => Number(await bar.getAttribute('aria-valuenow')), { timeout: 60_000 })
		.toBeGreaterThan(first);
	await expect(bar).toHaveAttribute('aria-valuetext', /of 10,000 futures$/);
	const moved = Number(await bar.getAttribute('aria-valuenow'));
	expect(moved).toBeLessThan(10000);

	// Cancel: the page says so, and nothing from the unfinished job is shown as a result.
	await page.getByRole('button', { name: 'Cancel' }).click();
	await expect(runState).toHaveAttribute('data-run-state', 'cancelled');
	const jobEnd = await page.evaluate(() => performance.now());
	await expect(runState).toContainText('Cancelled');
	await expect(runState).toContainText(/Stopped after [\d,]+ of 10,000 futures/);
	await expect(page.getByRole('region', { name: 'Results' })).toHaveCount(0);
	await expect(
		page.getByText('No results: the run was cancelled before it finished.')
	).toBeVisible();
	await expect(page.getByRole('button', { name: 'Run again' })).toBeVisible();
	await expect(bar).toHaveCount(0);

	// No main-thread task during the job took longer than 50 ms.
	const longTasks = await page.evaluate(() => window.__longTasks);
	const states = await page.evaluate(() => window.__states);
	const during = longTasks.filter((t) => t.start + t.duration >= jobStart && t.start <= jobEnd);
	expect(
		during.filter((t) => t.duration > 50),
		`long tasks during the job (started ${Math.round(jobStart)}, cancelled ${Math.round(jobEnd)}): ${JSON.stringify(during)}; states: ${JSON.stringify(states)}`
	).toEqual([]);

	// A new job after the cancel completes.
	await runs.fill('200');
	await expect(runState).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
	await expect(runState).toContainText('200 futures simulated');
	await expect(page.getByRole('region', { name: 'Results' })).toBeVisible();
});
