/**
 * Scale: a library of 1,000 scenarios opens and can be searched; a community of 100,000
 * people runs with progress, to a result, without freezing the page. (How quickly is
 * measured by the benchmarks, not here.)
 */
import { readFile } from 'node:fs/promises';
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

	/**
	 * "Without freezing" is measured as the main thread's own CPU time per task, from a
	 * Chromium performance trace: no task may use more than 50 ms of it. A task's length on
	 * the clock (what PerformanceObserver's 'longtask' reports) is not used as the bound: on
	 * two cores shared by two simulation workers, the page and other tests, the scheduler
	 * alone stretches 5 ms tasks past 200 ms (measured: tasks of 50 to 560 ms on the clock
	 * used 1 to 14 ms of CPU). Work that blocks the page (one future of 100,000 people takes
	 * about 70 ms) shows in CPU time whatever the load. The page answering clicks while the
	 * job runs is checked directly.
	 */
	test('a community of 100,000 people runs with progress and the page stays responsive', async ({
		page,
		browser
	}, testInfo) => {
		await page.goto('/scenarios/preset-typical');
		const runState = page.locator('[data-run-state]');
		// 300 futures: a preview and a full run with moving progress. At 100,000 people (10,000
		// simulated members) a future takes about 70 ms of one core, so the default 1,000 would
		// take a large share of the suite's time on two shared cores.
		await page.getByRole('textbox', { name: 'Simulated futures', exact: true }).fill('300');
		await expect(runState).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
		await expect(page.getByText('5,000 people in 4 segments')).toBeVisible();

		// As a person would: open each segment and give it 25,000 people.
		const rows = page.locator('.segments .rows > li');
		await expect(rows).toHaveCount(4);
		for (let i = 0; i < 4; i++) await rows.nth(i).locator('summary').click();
		const tracePath = testInfo.outputPath('main-thread-trace.json');
		await browser.startTracing(page, {
			path: tracePath,
			categories: [
				'devtools.timeline',
				// Where the main thread's tasks (RunTask) are recorded.
				'disabled-by-default-devtools.timeline'
			]
		});
		for (let i = 0; i < 4; i++)
			await rows.nth(i).getByRole('textbox', { name: 'People', exact: true }).fill('25000');
		await expect(page.getByText('100,000 people in 4 segments')).toBeVisible();
		// The default 10 people per simulated member: 10,000 simulated members (the field sits
		// under the community's closed advanced settings).
		await expect(
			page
				.getByLabel('People per simulated member', { exact: true })
				.and(page.locator('[inputmode]'))
		).toHaveValue('10');

		// Progress is shown and moves.
		const bar = page.getByRole('progressbar', { name: 'Simulation progress' });
		await expect(bar).toHaveAttribute('aria-valuemax', '300', { timeout: 60_000 });
		const first = Number(await bar.getAttribute('aria-valuenow'));
		await expect
			.poll(async () => Number((await bar.getAttribute('aria-valuenow')) ?? 300), {
				timeout: 60_000
			})
			.toBeGreaterThan(first);

		// The page answers clicks while the job runs: a segment row closes and opens again.
		const row = rows.nth(3).locator('details');
		await rows.nth(3).locator('summary').click();
		await expect(row).not.toHaveAttribute('open');
		await rows.nth(3).locator('summary').click();
		await expect(row).toHaveAttribute('open');
		await expect(bar).toBeVisible();

		// The result arrives.
		await expect(runState).toHaveAttribute('data-run-state', 'done', { timeout: 150_000 });
		await expect(runState).toContainText('300 futures simulated');
		await expect(page.getByRole('region', { name: 'Results' })).toBeVisible();
		await browser.stopTracing();

		const { traceEvents } = JSON.parse(await readFile(tracePath, 'utf8')) as {
			traceEvents: TraceEvent[];
		};
		const main = new Set(
			traceEvents
				.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
				.map((e) => `${e.pid}:${e.tid}`)
		);
		const tasks = traceEvents.filter(
			(e) => e.name === 'RunTask' && e.ph === 'X' && main.has(`${e.pid}:${e.tid}`)
		);
		expect(tasks.length, 'the trace holds the main thread’s tasks').toBeGreaterThan(100);
		const ms = (us: number | undefined) => Math.round((us ?? 0) / 1000);
		const heavy = tasks.filter((t) => (t.tdur ?? 0) > 50_000);
		const longest = tasks.reduce((a, t) => Math.max(a, t.tdur ?? 0), 0);
		testInfo.annotations.push({
			type: 'main thread',
			description: `${tasks.length} tasks; longest ${ms(longest)} ms of CPU; ${tasks.filter((t) => (t.dur ?? 0) > 50_000).length} over 50 ms on the clock`
		});
		expect(
			heavy.map((t) => ({ cpuMs: ms(t.tdur), clockMs: ms(t.dur) })),
			'main-thread tasks using more than 50 ms of CPU'
		).toEqual([]);
	});
});

/** One event of a Chromium trace (the fields read here). */
interface TraceEvent {
	name: string;
	ph: string;
	pid: number;
	tid: number;
	/** Duration on the clock, in microseconds. */
	dur?: number;
	/** CPU time of the thread, in microseconds. */
	tdur?: number;
	args?: { name?: string };
}
