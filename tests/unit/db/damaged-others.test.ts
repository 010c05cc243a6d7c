// Restore points and comparisons whose stored data is damaged never reach a page: they are
// left out of lists and exports, and cannot be restored or opened.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { isReadableComparison, isReadableVersion } from '../../../src/lib/db/damaged';
import { Library } from '../../../src/lib/db/library';
import { exportScenarios } from '../../../src/lib/db/transfer';
import { defaultScenario, setParam } from '../../../src/lib/sim';
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

describe('damaged restore points and comparisons', () => {
	it('tells readable records from damaged ones', () => {
		const scenario = defaultScenario('A');
		expect(isReadableVersion({ id: 1, scenarioId: 'a', savedAt: 1, scenario })).toBe(true);
		expect(isReadableVersion({ id: 1, scenarioId: 'a', savedAt: 1, scenario: {} })).toBe(false);
		expect(isReadableVersion(null)).toBe(false);
		const c = { id: 'c', name: 'C', scenarioIds: ['a'], createdAt: 1, updatedAt: 1 };
		expect(isReadableComparison(c)).toBe(true);
		expect(isReadableComparison({ ...c, scenarioIds: 'a' })).toBe(false);
		expect(isReadableComparison({ ...c, name: 3 })).toBe(false);
	});

	it('leaves a damaged restore point out and refuses to restore it', async () => {
		const l = lib();
		const r = must(await l.createScenario(defaultScenario('A')));
		must(await l.saveScenario(r.id, setParam(r.scenario, 'kpi.rigidity', 0.2)));
		const bad = (await l.db.versions.add({
			scenarioId: r.id,
			savedAt: 5,
			scenario: { broken: true }
		} as never)) as number;
		const listed = must(await l.listVersions(r.id));
		expect(listed).toHaveLength(2);
		expect(listed.some((v) => v.id === bad)).toBe(false);
		const restored = await l.restoreVersion(bad);
		expect(restored.ok ? 'restored' : restored.error.kind).toBe('not-found');
	});

	it('leaves a damaged comparison out of lists, deletes and exports', async () => {
		const l = lib();
		const a = must(await l.createScenario(defaultScenario('A')));
		const good = must(await l.createComparison('Good', [a.id]));
		await l.db.comparisons.put({ id: 'bad', name: 7, scenarioIds: 'x' } as never);
		expect(must(await l.listComparisons()).map((c) => c.id)).toEqual([good.id]);
		const opened = await l.getComparison('bad');
		expect(opened.ok ? 'opened' : opened.error.kind).toBe('not-found');
		const doc = must(await exportScenarios(l));
		expect(doc.comparisons?.map((c) => c.name)).toEqual(['Good']);
		// Deleting a scenario does not trip over it.
		must(await l.deleteScenario(a.id));
		must(await l.restoreFromTrash(a.id));
		expect(must(await l.getComparison(good.id)).scenarioIds).toEqual([a.id]);
	});
});
