/**
 * The trash: a deleted scenario waits there with its restore points and results, out of
 * every list, search and export, until it is restored, deleted for good or 30 days old.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, SCHEMA_V3, SlowTrustDb, revisionOf } from '../../../src/lib/db/db';
import { Library, TRASH_DAYS, presetRecordId } from '../../../src/lib/db/library';
import { readLibrary } from '../../../src/lib/db/live';
import { filterAndSort } from '../../../src/lib/db/search';
import { exportScenarios } from '../../../src/lib/db/transfer';
import { PRESETS, defaultScenario, setParam, simulate, type Summary } from '../../../src/lib/sim';
import { freshLibrary, freshName, must } from './helpers';

const libs: Library[] = [];
function lib(): Library {
	const l = freshLibrary();
	libs.push(l);
	return l;
}
const opened: Dexie[] = [];
afterEach(async () => {
	for (const l of libs.splice(0)) await l.db.delete();
	for (const db of opened.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

const DAY = 24 * 60 * 60 * 1000;
const summary: Summary = simulate({ ...PRESETS[0].scenario, runs: 3 });

/** A scenario with two restore points and a result, in a comparison with another. */
async function populated(l: Library) {
	const a = must(await l.createScenario(defaultScenario('Alpha')));
	const b = must(await l.createScenario(defaultScenario('Beta')));
	must(await l.saveScenario(a.id, setParam(a.scenario, 'power.sharing', 0.7)));
	const current = must(await l.getScenario(a.id));
	must(await l.putResult(a.id, current.scenario, summary));
	const cmp = must(await l.createComparison('A vs B', [a.id, b.id]));
	return { a: must(await l.getScenario(a.id)), b, cmp };
}

describe('the trash', () => {
	it('holds a deleted scenario with its restore points and results, out of every list', async () => {
		const l = lib();
		must(await l.seedPresets());
		const { a, b, cmp } = await populated(l);
		must(await l.deleteScenario(a.id, 1_000));

		const trash = must(await l.listTrash());
		expect(trash).toHaveLength(1);
		expect(trash[0]).toMatchObject({ id: a.id, deletedAt: 1_000, record: a });
		expect(trash[0].versions).toHaveLength(2);
		expect(trash[0].results).toHaveLength(1);

		// Gone from the library: lists, reads, live view, search, restore points, results.
		expect(must(await l.listScenarios()).map((r) => r.id)).not.toContain(a.id);
		expect((await l.getScenario(a.id)).ok).toBe(false);
		const entries = must(await readLibrary(l));
		expect(entries.map((e) => e.record.id)).not.toContain(a.id);
		expect(
			filterAndSort(entries, { query: 'Alpha', tag: '', sort: 'edited' }).map((e) => e.record.id)
		).toEqual([]);
		expect(must(await l.listVersions(a.id))).toEqual([]);
		expect(await l.db.results.where('scenarioId').equals(a.id).count()).toBe(0);
		// Comparisons behave as for any deleted scenario.
		expect(must(await l.getComparison(cmp.id)).scenarioIds).toEqual([b.id]);
		// Its name is free again.
		expect(must(await l.createScenario(defaultScenario('Alpha'))).name).toBe('Alpha');
	});

	it('restores a scenario with its restore points, results and place in comparisons', async () => {
		const l = lib();
		const { a, b, cmp } = await populated(l);
		const versions = must(await l.listVersions(a.id));
		must(await l.deleteScenario(a.id));

		// Back as it was, as its next revision (a page still showing it sees it come back).
		const back = { ...a, revision: revisionOf(a) + 1 };
		expect(must(await l.restoreFromTrash(a.id))).toEqual(back);
		expect(must(await l.getScenario(a.id))).toEqual(back);
		expect(must(await l.listVersions(a.id))).toEqual(versions);
		expect(must(await l.currentResult(a.id))?.summary).toEqual(summary);
		expect(must(await l.getComparison(cmp.id)).scenarioIds).toEqual([a.id, b.id]);
		expect(must(await l.listTrash())).toEqual([]);
		// Only once.
		const again = await l.restoreFromTrash(a.id);
		expect(again.ok).toBe(false);
	});

	it('gives a restored scenario a free name when its own was taken meanwhile', async () => {
		const l = lib();
		const a = must(await l.createScenario(defaultScenario('Alpha')));
		must(await l.deleteScenario(a.id));
		must(await l.createScenario(defaultScenario('Alpha')));
		const back = must(await l.restoreFromTrash(a.id));
		expect(back.name).toBe('Alpha (2)');
		expect(back.scenario.name).toBe('Alpha (2)');
	});

	it('undo puts the scenario back from the trash', async () => {
		const l = lib();
		const { a } = await populated(l);
		const token = must(await l.deleteScenario(a.id));
		must(await l.undoDelete(structuredClone(token)));
		expect(must(await l.getScenario(a.id))).toEqual({ ...a, revision: revisionOf(a) + 1 });
		expect(must(await l.listVersions(a.id))).toHaveLength(2);
		expect(must(await l.listTrash())).toEqual([]);
	});

	it('does not take read-only examples: they go as before, and undo or restorePresets brings them back', async () => {
		const l = lib();
		must(await l.seedPresets());
		const id = presetRecordId(PRESETS[0].id);
		const token = must(await l.deleteScenario(id));
		expect(must(await l.listTrash())).toEqual([]);
		expect(must(await l.seedPresets())).toBe(0);
		must(await l.undoDelete(token));
		expect(must(await l.getScenario(id)).presetId).toBe(PRESETS[0].id);
		must(await l.deleteScenario(id));
		expect(must(await l.restorePresets())).toBe(1);
	});

	it('deletes one scenario forever, or empties the whole trash', async () => {
		const l = lib();
		const { a, b } = await populated(l);
		must(await l.deleteScenario(a.id, 1));
		must(await l.deleteScenario(b.id, 2));
		expect(must(await l.listTrash()).map((t) => t.id)).toEqual([b.id, a.id]);

		expect(must(await l.deleteForever(a.id)).record.name).toBe('Alpha');
		expect(must(await l.listTrash()).map((t) => t.id)).toEqual([b.id]);
		expect((await l.restoreFromTrash(a.id)).ok).toBe(false);
		expect((await l.deleteForever(a.id)).ok).toBe(false);

		expect(must(await l.emptyTrash())).toBe(1);
		expect(must(await l.listTrash())).toEqual([]);
		expect(await l.db.versions.count()).toBe(0);
		expect(await l.db.results.count()).toBe(0);
	});

	it(`purges what was deleted more than ${TRASH_DAYS} days ago`, async () => {
		const l = lib();
		const now = 100 * DAY;
		const old = must(await l.createScenario(defaultScenario('Old')));
		const recent = must(await l.createScenario(defaultScenario('Recent')));
		must(await l.deleteScenario(old.id, now - TRASH_DAYS * DAY - 1));
		must(await l.deleteScenario(recent.id, now - TRASH_DAYS * DAY + 60_000));
		expect(must(await l.purgeTrash(now))).toBe(1);
		expect(must(await l.listTrash()).map((t) => t.id)).toEqual([recent.id]);
		expect(must(await l.purgeTrash(now))).toBe(0);
	});

	it('leaves trashed scenarios out of the export', async () => {
		const l = lib();
		const { a, b } = await populated(l);
		must(await l.deleteScenario(a.id));
		const doc = must(await exportScenarios(l));
		expect(doc.scenarios.map((s) => s.name)).toEqual([b.name]);
		expect(JSON.stringify(doc)).not.toContain(a.id);
	});
});

describe('the upgrade to database version 5', () => {
	it('keeps every record of a version 4 library and adds an empty trash', async () => {
		const name = freshName();
		const old = new Dexie(name);
		old.version(4).stores(SCHEMA_V3);
		await old.open();
		const s = defaultScenario('Kept');
		const record = {
			id: 'a',
			name: 'Kept',
			description: '',
			tags: ['x'],
			scenario: s,
			createdAt: 1,
			updatedAt: 2
		};
		await old.table('scenarios').add(record);
		await old.table('versions').add({ scenarioId: 'a', scenario: s, savedAt: 1 });
		await old.table('results').add({ key: 'k', scenarioId: 'a', summary, createdAt: 3 });
		await old
			.table('comparisons')
			.add({ id: 'c', name: 'C', scenarioIds: ['a'], createdAt: 1, updatedAt: 1 });
		await old.table('meta').put({ key: 'seededPresets', value: ['typical'] });
		old.close();

		const db = new SlowTrustDb(name);
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(await db.scenarios.get('a')).toEqual(record);
		expect(await db.versions.count()).toBe(1);
		expect((await db.results.get('k'))?.scenarioId).toBe('a');
		expect((await db.comparisons.get('c'))?.scenarioIds).toEqual(['a']);
		expect((await db.meta.get('seededPresets'))?.value).toEqual(['typical']);
		expect(await db.trash.count()).toBe(0);

		// And the trash works on the upgraded library.
		const l = new Library(db);
		must(await l.deleteScenario('a', 10));
		expect(must(await l.listTrash()).map((t) => t.id)).toEqual(['a']);
		must(await l.restoreFromTrash('a'));
		expect(must(await l.getScenario('a'))).toEqual({ ...record, revision: 1 });
	});
});
