/**
 * Faults injected into a real browser: a database held at an older version by another tab,
 * a damaged cached result, and a simulation worker that crashes in the middle of a job.
 * Each ends in plain words or a quiet recovery, and the app stays usable.
 */
import { PRESETS } from '../../src/lib/sim/index';
import { resultKey } from '../../src/lib/db/library';
import { expect, test } from './fixtures';

test.describe('faults', () => {
	test.describe.configure({ timeout: 120_000 });

	test('a library held open by an older version in another tab is explained, and opens once that tab is gone', async ({
		context
	}) => {
		const older = await context.newPage();
		await older.goto('/model');
		// The library as the first version of the app made it (its schema version 1, which
		// IndexedDB numbers 10), open and not letting go (no versionchange handler), as an old
		// tab that was never reloaded would hold it.
		await older.evaluate(
			() =>
				new Promise<void>((resolve, reject) => {
					const request = indexedDB.open('slow-trust', 10);
					request.onupgradeneeded = () => {
						const db = request.result;
						const stores: [string, string, boolean, string[]][] = [
							['scenarios', 'id', false, ['name', 'updatedAt', 'presetId']],
							['results', 'key', false, ['scenarioId', 'createdAt']],
							['comparisons', 'id', false, ['name', 'updatedAt']],
							['versions', 'id', true, ['scenarioId', 'savedAt']]
						];
						for (const [name, keyPath, autoIncrement, indexes] of stores) {
							const store = db.createObjectStore(name, { keyPath, autoIncrement });
							for (const index of indexes) store.createIndex(index, index);
						}
					};
					request.onsuccess = () => {
						(window as unknown as { held: IDBDatabase }).held = request.result;
						resolve();
					};
					request.onerror = () => reject(request.error);
				})
		);

		const page = await context.newPage();
		await page.goto('/');
		await expect(page.getByText(/open in another tab with an older version/).first()).toBeVisible({
			timeout: 30_000
		});

		await older.close();
		await page.reload();
		await expect(page.getByText("Today's typical contract").first()).toBeVisible({
			timeout: 30_000
		});
	});

	test('a damaged cached result is not drawn: the scenario simply runs again', async ({ page }) => {
		const typical = PRESETS.find((p) => p.id === 'typical');
		if (!typical) throw new Error('no typical preset');
		const key = resultKey(typical.scenario);
		// First visit places the examples; then damage the stored result of the demo.
		await page.goto('/');
		await expect(page.getByText("Today's typical contract").first()).toBeVisible();
		await page.evaluate(
			(k) =>
				new Promise<void>((resolve, reject) => {
					const request = indexedDB.open('slow-trust');
					request.onsuccess = () => {
						const db = request.result;
						const tx = db.transaction('results', 'readwrite');
						tx.objectStore('results').put({
							key: k,
							scenarioId: 'preset-typical',
							summary: { receipt: { modelVersion: 'damaged' }, series: {} },
							createdAt: Date.now()
						});
						tx.oncomplete = () => {
							db.close();
							resolve();
						};
						tx.onerror = () => reject(tx.error);
					};
					request.onerror = () => reject(request.error);
				}),
			key
		);
		await page.goto('/scenarios/preset-typical');
		const state = page.locator('[data-run-state]');
		// It runs again: the first look at the new run is drawn.
		await expect(state).toHaveAttribute('data-run-state', /refining|done/, { timeout: 60_000 });
		await expect(page.getByRole('heading', { name: 'Trust over time' })).toBeVisible();
		await expect(page.getByText('Something went wrong')).toHaveCount(0);
	});

	test('a worker that crashes mid-job gives a plain message; the next run works', async ({
		page
	}) => {
		// Keep every simulation worker the page creates, to make one fail on demand.
		await page.addInitScript(() => {
			const made: Worker[] = [];
			(window as unknown as { workers: Worker[] }).workers = made;
			const Original = window.Worker;
			window.Worker = class extends Original {
				constructor(url: string | URL, options?: WorkerOptions) {
					super(url, options);
					made.push(this);
				}
			};
		});
		await page.goto('/scenarios/preset-typical');
		const state = page.locator('[data-run-state]');
		await page.getByRole('button', { name: 'Make an editable copy' }).click();
		await expect(page).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);
		await page.getByRole('textbox', { name: 'Simulated futures', exact: true }).fill('20000');
		await expect(state).toHaveAttribute('data-run-state', /running|refining/, { timeout: 30_000 });
		// The crash: the worker stops and reports an error, as a worker that dies does.
		await page.evaluate(() => {
			const workers = (window as unknown as { workers: Worker[] }).workers;
			const w = workers[workers.length - 1];
			w.terminate();
			w.dispatchEvent(new ErrorEvent('error', { message: 'injected fault: worker crashed' }));
		});
		await expect(state).toHaveAttribute('data-run-state', 'error', { timeout: 30_000 });
		await expect(state).toContainText(/worker crashed|stopped|could not/i);

		await expect(state.getByRole('button', { name: 'Try again' })).toBeVisible();

		// The pool has replaced the worker: the next run completes.
		await page.getByRole('textbox', { name: 'Simulated futures', exact: true }).fill('200');
		await expect(state).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
		await expect(state).toContainText('200 futures simulated');
	});

	test('settings that cannot be handed to the simulation give plain words, not the browser’s', async ({
		page
	}) => {
		// The next message to a simulation worker fails as postMessage does with a value it
		// cannot copy (a DataCloneError), once, when the test arms it.
		await page.addInitScript(() => {
			const w = window as unknown as { cloneFault: boolean };
			w.cloneFault = false;
			const original = Worker.prototype.postMessage;
			Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
				if (w.cloneFault) {
					w.cloneFault = false;
					throw new DOMException(
						"Failed to execute 'postMessage' on 'Worker': #<Object> could not be cloned.",
						'DataCloneError'
					);
				}
				return (original as (...a: unknown[]) => void).apply(this, args);
			} as typeof Worker.prototype.postMessage;
		});
		await page.goto('/scenarios/preset-typical');
		const state = page.locator('[data-run-state]');
		const runs = page.getByRole('textbox', { name: 'Simulated futures', exact: true });
		await runs.fill('100');
		await expect(state).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
		await page.evaluate(() => ((window as unknown as { cloneFault: boolean }).cloneFault = true));
		await runs.fill('150');
		await expect(state).toHaveAttribute('data-run-state', 'error', { timeout: 30_000 });
		await expect(state).toContainText('The simulation could not be handed its settings');
		await expect(state).toContainText('Nothing you entered was lost');
		await expect(state).not.toContainText(/clone|postMessage|Worker/);
		// The edit is still on screen, and the next run works.
		await expect(runs).toHaveValue('150');
		await state.getByRole('button', { name: 'Try again' }).click();
		await expect(state).toHaveAttribute('data-run-state', 'done', { timeout: 60_000 });
		await expect(state).toContainText('150 futures simulated');
	});
});
