import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { readLibrary, watch, watchLibrary, type LibraryEntry } from '../../../src/lib/db/live';
import { Library, presetRecordId } from '../../../src/lib/db/library';
import type { StorageError } from '../../../src/lib/db/errors';
import {
	MODEL_VERSION,
	PRESETS,
	defaultScenario,
	setParam,
	type Summary
} from '../../../src/lib/sim';
import { freshLibrary, must } from './helpers';

const libs: Library[] = [];
function lib(): Library {
	const l = freshLibrary();
	libs.push(l);
	return l;
}
afterEach(async () => {
	for (const l of libs.splice(0)) await l.db.delete();
});

/** The smallest summary a sparkline reads: a median series, a threshold and a receipt. */
function summaryWith(median: number[], runs = 100, modelVersion = MODEL_VERSION): Summary {
	return {
		threshold: 0.6,
		receipt: { runs, modelVersion },
		series: { trust: { p50: median } }
	} as unknown as Summary;
}

/** Resolves with the first value for which `until` holds, or fails after a while. */
function nextMatching<T>(
	subscribe: (h: { next: (v: T) => void; error: (e: StorageError) => void }) => () => void,
	until: (v: T) => boolean
): Promise<T> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			stop();
			reject(new Error('no matching value within 2 s'));
		}, 2000);
		const stop = subscribe({
			next: (v) => {
				if (!until(v)) return;
				clearTimeout(timer);
				queueMicrotask(() => stop());
				resolve(v);
			},
			error: (e) => {
				clearTimeout(timer);
				reject(new Error(e.message));
			}
		});
	});
}

describe('readLibrary', () => {
	it('lists scenarios newest first, with no trend until a result is stored', async () => {
		const l = lib();
		must(await l.seedPresets(1000));
		const mine = must(await l.createScenario(undefined, 2000));
		const entries = must(await readLibrary(l));
		expect(entries).toHaveLength(PRESETS.length + 1);
		expect(entries[0].record.id).toBe(mine.id);
		expect(entries.every((e) => e.trend === null)).toBe(true);
	});

	it('gives the median trust of the last result, marked current or past', async () => {
		const l = lib();
		const mine = must(await l.createScenario(undefined, 1000));
		must(await l.putResult(mine.id, mine.scenario, summaryWith([0.2, 0.3, 0.4], 500), 1500));
		let entry = must(await readLibrary(l))[0];
		expect(entry.trend).toEqual({
			median: [0.2, 0.3, 0.4],
			threshold: 0.6,
			runs: 500,
			computedAt: 1500,
			current: true
		});

		// Renaming does not change the numbers: the result stays current.
		must(
			await l.updateDetails(
				mine.id,
				{ name: 'Renamed', description: mine.description, tags: mine.tags },
				1600
			)
		);
		entry = must(await readLibrary(l))[0];
		expect(entry.trend?.current).toBe(true);

		// A changed parameter makes the stored result a past one (still shown, not as current).
		const edited = setParam(entry.record.scenario, 'contract.lengthMonths', 60);
		must(await l.saveScenario(mine.id, edited, 1700));
		entry = must(await readLibrary(l))[0];
		expect(entry.trend?.median).toEqual([0.2, 0.3, 0.4]);
		expect(entry.trend?.current).toBe(false);
	});

	it('never shows a result of another model version as current', async () => {
		const l = lib();
		const mine = must(await l.createScenario(undefined, 1000));
		// Results computed by model 1.x meant other things (trust at the horizon): not shown.
		must(await l.putResult(mine.id, mine.scenario, summaryWith([0.2, 0.3], 100, '1.2.0'), 1100));
		expect(must(await readLibrary(l))[0].trend).toBeNull();
		// Another release of this model: shown, but as past, until the scenario runs again.
		must(await l.putResult(mine.id, mine.scenario, summaryWith([0.2, 0.3], 100, '2.0.0-x'), 1200));
		expect(must(await readLibrary(l))[0].trend?.current).toBe(false);
		must(await l.putResult(mine.id, mine.scenario, summaryWith([0.2, 0.3]), 1300));
		expect(must(await readLibrary(l))[0].trend?.current).toBe(true);
	});

	it('treats a result that has gone missing or has no median as never run', async () => {
		const l = lib();
		const mine = must(await l.createScenario(undefined, 1000));
		const put = must(await l.putResult(mine.id, mine.scenario, summaryWith([]), 1100));
		expect(must(await readLibrary(l))[0].trend).toBeNull();
		await l.db.results.delete(put.key);
		expect(must(await readLibrary(l))[0].trend).toBeNull();
	});
});

describe('watch', () => {
	it('reports the library now and again after a change', async () => {
		const l = lib();
		must(await l.seedPresets());
		const first = await nextMatching<LibraryEntry[]>(
			(h) => watchLibrary(l, h),
			() => true
		);
		expect(first.map((e) => e.record.id)).toContain(presetRecordId(PRESETS[0].id));

		const seen: LibraryEntry[][] = [];
		let resolveAdded: (v: LibraryEntry[]) => void = () => undefined;
		const added = new Promise<LibraryEntry[]>((r) => (resolveAdded = r));
		const stop = watchLibrary(l, {
			next: (v) => {
				seen.push(v);
				if (v.some((e) => e.record.name === 'Watched')) resolveAdded(v);
			},
			error: (e) => {
				throw new Error(e.message);
			}
		});
		await new Promise((r) => setTimeout(r, 50));
		must(await l.createScenario(defaultScenario('Watched')));
		const after = await added;
		expect(after).toHaveLength(PRESETS.length + 1);
		expect(after[0].record.name).toBe('Watched');
		stop();

		// After stopping, a change is not reported.
		const count = seen.length;
		must(await l.createScenario(defaultScenario('Unseen')));
		await new Promise((r) => setTimeout(r, 100));
		expect(seen.length).toBe(count);
	});

	it('reports a storage error from the query as a plain-words error', async () => {
		const l = lib();
		const error = await new Promise<StorageError>((resolve) => {
			const stop = watch(
				async () => ({
					ok: false as const,
					error: { kind: 'quota' as const, message: 'out of space' }
				}),
				{ next: () => undefined, error: (e) => (stop(), resolve(e)) }
			);
		});
		expect(error).toEqual({ kind: 'quota', message: 'out of space' });

		const thrown = await new Promise<StorageError>((resolve) => {
			const stop = watch(
				async () => {
					await l.db.scenarios.count();
					throw Object.assign(new Error('gone'), { name: 'DatabaseClosedErrorX' });
				},
				{ next: () => undefined, error: (e) => (stop(), resolve(e)) }
			);
		});
		expect(thrown.kind).toBe('unknown');
		expect(thrown.message).toMatch(/Nothing was changed/);
	});
});
