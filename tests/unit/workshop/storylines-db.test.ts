import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { DB_VERSION, SCHEMA_V2, SlowTrustDb } from '../../../src/lib/db/db';
import { Storylines } from '../../../src/lib/db/storylines';
import { defaultScenario } from '../../../src/lib/sim';
import {
	defaultStoryline,
	moveStep,
	updateStep
} from '../../../src/lib/features/workshop/storyline';
import { freshName, must } from '../db/helpers';

const opened: Dexie[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

function freshStorylines(): Storylines {
	const db = new SlowTrustDb(freshName());
	opened.push(db);
	return new Storylines(db);
}

describe('schema version 3 and later', () => {
	it('opens a version 2 library unchanged and adds an empty storylines table', async () => {
		const name = freshName();
		const old = new Dexie(name);
		old.version(2).stores(SCHEMA_V2);
		await old.open();
		const s = defaultScenario('Kept', 'From version 2');
		const record = {
			id: 'a',
			name: 'Kept',
			description: 'From version 2',
			tags: ['north'],
			scenario: s,
			createdAt: 1,
			updatedAt: 2
		};
		await old.table('scenarios').add(record);
		await old.table('meta').put({ key: 'seededPresets', value: ['typical'] });
		await old.table('versions').add({ scenarioId: 'a', scenario: s, savedAt: 1 });
		old.close();

		const db = new SlowTrustDb(name);
		opened.push(db);
		await db.open();
		// Opened at today's version; a scenario already on schema 2 comes through unchanged.
		expect(db.verno).toBe(DB_VERSION);
		expect(await db.scenarios.get('a')).toEqual(record);
		expect((await db.scenarios.where('tags').equals('north').toArray()).map((r) => r.id)).toEqual([
			'a'
		]);
		expect(await db.meta.get('seededPresets')).toEqual({
			key: 'seededPresets',
			value: ['typical']
		});
		expect(await db.versions.count()).toBe(1);
		expect(await db.storylines.count()).toBe(0);
		// The new table works on the migrated database.
		const lines = new Storylines(db);
		must(await lines.save(defaultStoryline(), 5));
		expect(must(await lines.list()).map((r) => r.id)).toEqual(['default']);
	});
});

describe('stored storylines', () => {
	it('saves, reads back, updates (keeping when it was made) and deletes', async () => {
		const lines = freshStorylines();
		const story = { ...defaultStoryline(), id: 'mine', name: '  Tuesday session  ' };
		const first = must(await lines.save(story, 10));
		expect(first.name).toBe('Tuesday session');
		expect(first.createdAt).toBe(10);

		const edited = updateStep(moveStep(story, story.steps[0].id, 2), story.steps[0].id, {
			notes: 'Ask who has run one of these.',
			question: 'collapse'
		});
		const second = must(await lines.save(edited, 20));
		expect(second.createdAt).toBe(10);
		expect(second.updatedAt).toBe(20);
		const back = must(await lines.get('mine'));
		expect(back.steps[2]).toMatchObject({
			id: story.steps[0].id,
			notes: 'Ask who has run one of these.',
			question: 'collapse'
		});
		expect(back.steps.map((s) => s.id)).toEqual(edited.steps.map((s) => s.id));

		must(await lines.save({ ...defaultStoryline(), id: 'other', name: 'Other' }, 30));
		expect(must(await lines.list()).map((r) => r.id)).toEqual(['other', 'mine']);

		expect(must(await lines.delete('mine')).id).toBe('mine');
		const gone = await lines.get('mine');
		expect(gone.ok).toBe(false);
		if (!gone.ok) expect(gone.error.kind).toBe('not-found');
	});

	it('refuses a storyline with no name or no steps, and stores nothing', async () => {
		const lines = freshStorylines();
		const noName = await lines.save({ ...defaultStoryline(), id: 'x', name: ' ' });
		expect(noName.ok).toBe(false);
		if (!noName.ok) {
			expect(noName.error.kind).toBe('invalid');
			expect(noName.error.message).toContain('Give the storyline a name.');
		}
		const noSteps = await lines.save({ id: 'y', name: 'Empty', steps: [] });
		expect(noSteps.ok).toBe(false);
		if (!noSteps.ok) expect(noSteps.error.message).toContain('at least one step');
		expect(must(await lines.list())).toEqual([]);
	});

	it('skips a damaged record in the list and reports it when opened', async () => {
		const lines = freshStorylines();
		await lines.db.storylines.put({
			id: 'bad',
			name: 'Bad',
			steps: [{ id: 's', source: { kind: 'preset', presetId: 'typical' }, question: 'what' }],
			createdAt: 1,
			updatedAt: 1
		} as never);
		expect(must(await lines.list())).toEqual([]);
		const r = await lines.get('bad');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.kind).toBe('invalid');
	});
});
