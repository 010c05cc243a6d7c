import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
	DB_VERSION,
	SCHEMA_V1,
	SlowTrustDb,
	migrateScenarioV1toV2,
	type ScenarioRecordV1
} from '../../../src/lib/db/db';
import { defaultScenario } from '../../../src/lib/sim';
import { freshName } from './helpers';

const opened: Dexie[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

describe('the database schema', () => {
	it('opens at the current version with every table and index', async () => {
		const db = new SlowTrustDb(freshName());
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(db.tables.map((t) => t.name).sort()).toEqual([
			'comparisons',
			'meta',
			'results',
			'scenarios',
			'storylines',
			'trash',
			'versions'
		]);
		const tagIndex = db.scenarios.schema.indexes.find((i) => i.name === 'tags');
		expect(tagIndex?.multi).toBe(true);
		expect(db.versions.schema.primKey.auto).toBe(true);
	});

	it('migrates a version 1 library: tags filled, description copied from the scenario', async () => {
		const name = freshName();
		const old = new Dexie(name);
		old.version(1).stores(SCHEMA_V1);
		await old.open();
		const s = defaultScenario('Old one', 'Written before tags existed');
		const v1: ScenarioRecordV1 = {
			id: 'a',
			name: 'Old one',
			scenario: s,
			createdAt: 1,
			updatedAt: 2,
			lastResultKey: 'k'
		};
		await old
			.table('scenarios')
			.bulkAdd([
				v1,
				{ ...v1, id: 'b', name: 'Odd one', scenario: { ...s, description: undefined } }
			]);
		await old.table('versions').add({ scenarioId: 'a', scenario: s, savedAt: 1 });
		old.close();

		const db = new SlowTrustDb(name);
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		const a = await db.scenarios.get('a');
		expect(a).toEqual({ ...v1, tags: [], description: 'Written before tags existed' });
		const b = await db.scenarios.get('b');
		expect(b?.tags).toEqual([]);
		expect(b?.description).toBe('');
		// The new multi-entry index works on migrated data.
		await db.scenarios.update('a', { tags: ['pilot', 'north'] });
		expect((await db.scenarios.where('tags').equals('north').toArray()).map((r) => r.id)).toEqual([
			'a'
		]);
		// Other tables are carried over untouched.
		expect(await db.versions.count()).toBe(1);
	});

	it('the pure migration keeps every other field', () => {
		const s = defaultScenario('X', 'Y');
		const r = migrateScenarioV1toV2({
			id: 'x',
			name: 'X',
			scenario: s,
			createdAt: 0,
			updatedAt: 0
		});
		expect(r).toEqual({
			id: 'x',
			name: 'X',
			scenario: s,
			createdAt: 0,
			updatedAt: 0,
			tags: [],
			description: 'Y'
		});
	});
});
