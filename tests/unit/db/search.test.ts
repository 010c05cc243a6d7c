import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioRecord } from '../../../src/lib/db/db';
import { Library, MESSAGES } from '../../../src/lib/db/library';
import {
	compareRecords,
	filterAndSort,
	hasTag,
	matchesQuery,
	tagCounts
} from '../../../src/lib/db/search';
import { PRESETS, defaultScenario } from '../../../src/lib/sim';
import { freshLibrary, must } from './helpers';

function rec(
	id: string,
	name: string,
	extra: Partial<ScenarioRecord> = {}
): { record: ScenarioRecord } {
	return {
		record: {
			id,
			name,
			description: '',
			tags: [],
			scenario: defaultScenario(name),
			createdAt: 0,
			updatedAt: 0,
			...extra
		}
	};
}

const items = [
	rec('a', 'Café contract', { tags: ['Board'], createdAt: 3, updatedAt: 10 }),
	rec('b', 'Long contract', {
		description: 'Five years, shared power',
		createdAt: 1,
		updatedAt: 30
	}),
	rec('c', 'scenario 10', { tags: ['board', 'draft'], createdAt: 2, updatedAt: 20 }),
	rec('d', 'Scenario 9', { tags: ['draft'], createdAt: 4, updatedAt: 5 })
];

describe('search', () => {
	it('finds every word in the name, description or tags, ignoring case and accents', () => {
		expect(matchesQuery(items[0].record, 'cafe')).toBe(true);
		expect(matchesQuery(items[1].record, 'SHARED years')).toBe(true);
		expect(matchesQuery(items[1].record, 'shared board')).toBe(false);
		expect(matchesQuery(items[2].record, 'draft')).toBe(true);
		expect(matchesQuery(items[2].record, '   ')).toBe(true);
	});

	it('filters by tag ignoring case', () => {
		expect(hasTag(items[0].record, 'board')).toBe(true);
		expect(hasTag(items[1].record, 'board')).toBe(false);
		expect(hasTag(items[1].record, '')).toBe(true);
	});

	it('sorts by last edited, name (numbers in order) and creation, without changing the input', () => {
		const ids = (sort: 'edited' | 'name' | 'created') =>
			filterAndSort(items, { query: '', tag: '', sort }).map((e) => e.record.id);
		expect(ids('edited')).toEqual(['b', 'c', 'a', 'd']);
		expect(ids('name')).toEqual(['a', 'b', 'd', 'c']);
		expect(ids('created')).toEqual(['d', 'a', 'c', 'b']);
		expect(items.map((e) => e.record.id)).toEqual(['a', 'b', 'c', 'd']);
		expect(compareRecords(items[0].record, items[0].record, 'edited')).toBe(0);
	});

	it('combines the query and the tag', () => {
		const r = filterAndSort(items, { query: 'scenario', tag: 'Board', sort: 'name' });
		expect(r.map((e) => e.record.id)).toEqual(['c']);
	});

	it('counts tags, one spelling per tag, in name order', () => {
		expect(tagCounts(items.map((e) => e.record))).toEqual([
			{ tag: 'Board', count: 2 },
			{ tag: 'draft', count: 2 }
		]);
	});
});

describe('updateDetails', () => {
	const libs: Library[] = [];
	afterEach(async () => {
		for (const l of libs.splice(0)) await l.db.delete();
	});

	it('sets name, description and tags together, and the scenario follows', async () => {
		const l = freshLibrary();
		libs.push(l);
		const r = must(await l.createScenario(undefined, 1));
		const next = must(
			await l.updateDetails(
				r.id,
				{ name: '  Board option  ', description: 'For March', tags: ['board', ' Board', 'x'] },
				2
			)
		);
		expect(next).toMatchObject({
			name: 'Board option',
			description: 'For March',
			tags: ['board', 'x'],
			updatedAt: 2
		});
		expect(next.scenario.name).toBe('Board option');
		expect(next.scenario.description).toBe('For March');
		expect(must(await l.getScenario(r.id))).toEqual(next);
	});

	it('changes nothing when any field is invalid, and refuses examples', async () => {
		const l = freshLibrary();
		libs.push(l);
		must(await l.seedPresets());
		const r = must(await l.createScenario(undefined, 1));
		const bad = await l.updateDetails(r.id, {
			name: 'Fine',
			description: 'ok',
			tags: ['x'.repeat(41)]
		});
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.error.kind).toBe('invalid');
		const empty = await l.updateDetails(r.id, { name: '  ', description: 'ok', tags: [] });
		expect(empty.ok).toBe(false);
		expect(must(await l.getScenario(r.id))).toEqual(r);

		const example = await l.updateDetails(`preset-${PRESETS[0].id}`, {
			name: 'Mine now',
			description: '',
			tags: []
		});
		expect(example).toEqual({
			ok: false,
			error: { kind: 'read-only', message: MESSAGES.readOnly }
		});
	});
});
