/**
 * The database upgrade to model 2.0: stored scenarios and restore points written for scenario
 * schema 1 become schema 2, and results computed by model 1.x are never shown again.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
	DB_VERSION,
	SCHEMA_V3,
	SlowTrustDb,
	isCurrentModelResult,
	isEarlierModelResult,
	modelMajor,
	upgradeStoredScenario
} from '../../../src/lib/db/db';
import { Library, resultKey } from '../../../src/lib/db/library';
import { readLibrary } from '../../../src/lib/db/live';
import {
	MODEL_VERSION,
	SCHEMA_VERSION,
	presetById,
	simulate,
	validateScenario,
	type Scenario,
	type Summary
} from '../../../src/lib/sim';
import { freshName, must } from './helpers';

const opened: Dexie[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

type Loose = Record<string, Record<string, unknown>> & { schemaVersion?: number };

/** A scenario as model 1.2 stored it (schema 1): the fields model 2.0 renamed or rescaled. */
function schema1(s: Scenario, capacity = 0.06): Loose {
	const old = structuredClone(s) as unknown as Loose;
	old.schemaVersion = 1;
	delete old.trust.responsiveness;
	old.trust.gainRate = 0.08;
	old.reporting = { rungShare: s.reporting.rungShare, collapseDrawdown: 0.4 };
	old.provider.capacity = capacity;
	old.listening.contributionRate = 0.15;
	old.community.peoplePerAgent = 500;
	return old;
}

const typical = (): Scenario => {
	const p = presetById('typical');
	if (!p) throw new Error('preset');
	return structuredClone(p.scenario);
};

/** A summary whose receipt names a model version (the rest is never read here). */
function summaryOf(modelVersion: string): Summary {
	return { receipt: { modelVersion, runs: 1 } } as unknown as Summary;
}

/** A library as the previous version of the app (database version 3, model 1.2) left it. */
async function version3Library(name: string): Promise<{ old: Loose }> {
	const db = new Dexie(name);
	db.version(3).stores(SCHEMA_V3);
	await db.open();
	const old = schema1({ ...typical(), name: 'Mine' });
	await db.table('scenarios').bulkAdd([
		{
			id: 'mine',
			name: 'Mine',
			description: '',
			tags: [],
			scenario: old,
			createdAt: 1,
			updatedAt: 2,
			lastResultKey: '1.2.0:abc'
		},
		{
			id: 'other',
			name: 'Other',
			description: '',
			tags: [],
			scenario: schema1({ ...typical(), name: 'Other' }, 0.1),
			createdAt: 1,
			updatedAt: 2,
			lastResultKey: 'kept'
		}
	]);
	await db.table('versions').bulkAdd([
		{ scenarioId: 'mine', scenario: old, savedAt: 1 },
		{ scenarioId: 'mine', scenario: schema1({ ...typical(), name: 'Mine' }, 0.02), savedAt: 2 }
	]);
	await db.table('results').bulkAdd([
		{ key: '1.2.0:abc', scenarioId: 'mine', summary: summaryOf('1.2.0'), createdAt: 3 },
		{ key: '1.1.0:def', scenarioId: 'mine', summary: summaryOf('1.1.0'), createdAt: 2 },
		{ key: 'kept', scenarioId: 'other', summary: summaryOf(MODEL_VERSION), createdAt: 3 }
	]);
	db.close();
	return { old };
}

describe('the upgrade to model 2.0', () => {
	it('tells results of earlier model versions from current ones', () => {
		expect(modelMajor('1.2.0')).toBe(1);
		expect(modelMajor(MODEL_VERSION)).toBe(2);
		expect(modelMajor(undefined)).toBeNaN();
		expect(isEarlierModelResult({ summary: summaryOf('1.2.0') })).toBe(true);
		expect(isEarlierModelResult({ summary: {} })).toBe(true);
		expect(isEarlierModelResult({ summary: summaryOf(MODEL_VERSION) })).toBe(false);
		expect(isCurrentModelResult({ summary: summaryOf(MODEL_VERSION) })).toBe(true);
		expect(isCurrentModelResult({ summary: summaryOf('2.0.0-other') })).toBe(false);
	});

	it('brings a stored schema-1 scenario up to schema 2 that validates', () => {
		const up = upgradeStoredScenario(schema1(typical()));
		expect(up.schemaVersion).toBe(SCHEMA_VERSION);
		expect(validateScenario(up).ok).toBe(true);
		expect(up.trust).not.toHaveProperty('gainRate');
		expect(up.reporting).toEqual({
			rungShare: typical().reporting.rungShare,
			collapseDrop: 0.15,
			collapseWindowMonths: 6
		});
		// Capacity keeps its ratio to the old default (0.05 a month → 4 per 1,000 residents a
		// month), on the new parameter's steps of 0.5: 0.06 → 4.8 → 5.
		expect(up.provider.capacity).toBe(5);
		expect(up.community.peoplePerAgent).toBe(100);
		// A current scenario is left as it is.
		const now = typical();
		expect(upgradeStoredScenario(now)).toEqual(now);
	});

	it('upgrades scenarios and restore points, and drops every model 1.x result', async () => {
		const name = freshName();
		await version3Library(name);
		const db = new SlowTrustDb(name);
		opened.push(db);
		await db.open();
		expect(db.verno).toBe(DB_VERSION);
		expect(DB_VERSION).toBe(5);

		for (const r of await db.scenarios.toArray()) {
			expect(r.scenario.schemaVersion, r.id).toBe(SCHEMA_VERSION);
			const checked = validateScenario(r.scenario);
			expect(checked.ok, r.id).toBe(true);
			expect(checked.ok && checked.value).toEqual(r.scenario);
		}
		const versions = await db.versions.toArray();
		expect(versions).toHaveLength(2);
		for (const v of versions) expect(validateScenario(v.scenario).ok).toBe(true);
		expect(versions.map((v) => v.scenario.provider.capacity)).toEqual([5, 1.5]);

		// Model 1.x results are gone, and the scenario that pointed at one no longer does.
		expect((await db.results.toArray()).map((r) => r.key)).toEqual(['kept']);
		expect((await db.scenarios.get('mine'))?.lastResultKey).toBeUndefined();
		expect((await db.scenarios.get('other'))?.lastResultKey).toBe('kept');
	});

	it('shows no model 1.x numbers afterwards: the library has no trend, the scenario runs again', async () => {
		const name = freshName();
		await version3Library(name);
		const db = new SlowTrustDb(name);
		opened.push(db);
		const lib = new Library(db);
		const entries = must(await readLibrary(lib));
		expect(entries.find((e) => e.record.id === 'mine')?.trend).toBeNull();
		expect(must(await lib.currentResult('mine'))).toBeNull();
	});
});

describe('a stored result of another model version', () => {
	it('is never the current result, even under the current key, and is dropped', async () => {
		const db = new SlowTrustDb(freshName());
		opened.push(db);
		const lib = new Library(db);
		const rec = must(await lib.createScenario({ ...typical(), runs: 10, horizonMonths: 12 }));
		const real = simulate(rec.scenario);
		const key = resultKey(rec.scenario);
		// Written by an older release into today's key (a hand-edited or half-upgraded library).
		await db.results.put({
			key,
			scenarioId: rec.id,
			summary: { ...real, receipt: { ...real.receipt, modelVersion: '1.2.0' } },
			createdAt: 1
		});
		expect(must(await lib.currentResult(rec.id))).toBeNull();
		expect(await db.results.get(key)).toBeUndefined();
		// The same result from this model is current.
		must(await lib.putResult(rec.id, rec.scenario, real));
		expect(must(await lib.currentResult(rec.id))?.summary.receipt.modelVersion).toBe(MODEL_VERSION);
	}, 30_000);
});
