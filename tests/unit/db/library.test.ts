import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
	Library,
	MAX_VERSIONS,
	MESSAGES,
	presetRecordId,
	requestPersistence,
	resultKey,
	storageEstimate,
	toStorageError,
	uniqueName
} from '../../../src/lib/db/library';
import { PRESETS, defaultScenario, setParam, simulate, type Summary } from '../../../src/lib/sim';
import { revisionOf } from '../../../src/lib/db/db';
import { freshLibrary, must } from './helpers';

const libs: Library[] = [];
function lib(): Library {
	const l = freshLibrary();
	libs.push(l);
	return l;
}
afterEach(async () => {
	vi.restoreAllMocks();
	for (const l of libs.splice(0)) await l.db.delete();
});

// A real (small) summary, told apart by its receipt's seed: stored results are checked.
const realSummary = simulate({ ...PRESETS[0].scenario, runs: 3 });
const fakeSummary = (tag: number): Summary => ({
	...realSummary,
	receipt: { ...realSummary.receipt, seed: tag }
});

describe('presets', () => {
	it('are placed once, read-only, and not brought back after deletion', async () => {
		const l = lib();
		expect(must(await l.seedPresets())).toBe(PRESETS.length);
		expect(must(await l.seedPresets())).toBe(0);
		const list = must(await l.listScenarios());
		expect(list).toHaveLength(PRESETS.length);
		const p = list[0];
		expect(p.presetId).toBe(PRESETS[0].id);
		expect(p.id).toBe(presetRecordId(PRESETS[0].id));

		const s = setParam(p.scenario, 'contract.lengthMonths', 60);
		for (const r of [
			await l.saveScenario(p.id, s),
			await l.updateDetails(p.id, { name: 'Mine now', description: 'x', tags: ['a'] })
		]) {
			expect(r.ok).toBe(false);
			if (!r.ok) {
				expect(r.error.kind).toBe('read-only');
				expect(r.error.message).toBe(MESSAGES.readOnly);
			}
		}
		expect(must(await l.getScenario(p.id)).scenario).toEqual(PRESETS[0].scenario);

		must(await l.deleteScenario(p.id));
		expect(must(await l.seedPresets())).toBe(0);
		expect(must(await l.listScenarios())).toHaveLength(PRESETS.length - 1);
	});

	it('deleted examples come back on request, as shipped; the rest is untouched', async () => {
		const l = lib();
		must(await l.seedPresets(1));
		const mine = must(await l.createScenario(undefined, 2));
		const [first, second] = PRESETS;
		must(await l.deleteScenario(presetRecordId(first.id)));
		must(await l.deleteScenario(presetRecordId(second.id)));
		expect(must(await l.seedPresets(3))).toBe(0);
		expect(must(await l.restorePresets(4))).toBe(2);
		const list = must(await l.listScenarios());
		expect(list).toHaveLength(PRESETS.length + 1);
		const back = must(await l.getScenario(presetRecordId(first.id)));
		expect(back.presetId).toBe(first.id);
		expect(back.scenario).toEqual(first.scenario);
		expect(back.tags).toEqual(['example']);
		expect(must(await l.getScenario(mine.id)).name).toBe(mine.name);
		// Nothing left to restore; ordinary seeding still leaves them in place.
		expect(must(await l.restorePresets(5))).toBe(0);
		expect(must(await l.seedPresets(6))).toBe(0);
		expect(must(await l.listScenarios())).toHaveLength(PRESETS.length + 1);
	});

	it('a copy of a read-only example is editable and named "(copy)"', async () => {
		const l = lib();
		must(await l.seedPresets());
		const id = presetRecordId(PRESETS[0].id);
		const copy = must(await l.duplicateScenario(id));
		expect(copy.name).toBe(`${PRESETS[0].scenario.name} (copy)`);
		expect(copy.scenario.name).toBe(copy.name);
		expect(copy.presetId).toBeUndefined();
		const saved = must(
			await l.saveScenario(copy.id, setParam(copy.scenario, 'power.sharing', 0.9))
		);
		expect(saved.scenario.power.sharing).toBe(0.9);
		const again = must(await l.duplicateScenario(id));
		expect(again.name).toBe(`${PRESETS[0].scenario.name} (copy) (2)`);
		// A copy of a copy is another copy of the original, not "(copy) (copy)".
		const third = must(await l.duplicateScenario(copy.id));
		expect(third.name).toBe(`${PRESETS[0].scenario.name} (copy) (3)`);
		const fourth = must(await l.duplicateScenario(again.id));
		expect(fourth.name).toBe(`${PRESETS[0].scenario.name} (copy) (4)`);
	});
});

describe('scenarios', () => {
	it('creates, names, describes, tags and lists', async () => {
		const l = lib();
		const a = must(await l.createScenario(undefined, 1));
		expect(a.name).toBe('New scenario');
		const b = must(await l.createScenario(undefined, 2));
		expect(b.name).toBe('New scenario (2)');
		const renamed = must(
			await l.updateDetails(
				a.id,
				{
					name: '  Ten-year alliance  ',
					description: 'Longer, with shared power',
					tags: ['north', ' North ', '', 'pilot']
				},
				3
			)
		);
		expect(renamed.name).toBe('Ten-year alliance');
		expect(renamed.scenario.name).toBe('Ten-year alliance');
		const got = must(await l.getScenario(a.id));
		expect(got.tags).toEqual(['north', 'pilot']);
		expect(got.description).toBe('Longer, with shared power');
		expect(got.scenario.description).toBe('Longer, with shared power');
		expect(must(await l.listScenarios()).map((r) => r.id)).toEqual([a.id, b.id]);
	});

	it('rejects bad input with the field named, and unknown ids plainly', async () => {
		const l = lib();
		const a = must(await l.createScenario());
		const bad = await l.saveScenario(a.id, setParam(a.scenario, 'contract.lengthMonths', -5));
		expect(bad.ok).toBe(false);
		if (!bad.ok) {
			expect(bad.error.kind).toBe('invalid');
			expect(bad.error.issues?.[0].path).toBe('contract.lengthMonths');
			expect(bad.error.message).toMatch(/^Nothing was saved: contract\.lengthMonths/);
		}
		const empty = await l.updateDetails(a.id, { name: '   ', description: '', tags: [] });
		expect(empty.ok ? null : empty.error.kind).toBe('invalid');
		for (const details of [
			{ name: 'Bid \u202Eexe.ftp', description: '', tags: [] },
			{ name: 'nul\u0000', description: '', tags: [] },
			{ name: 'Fine', description: '', tags: ['ok', 'tag\u2066'] }
		]) {
			const unsafe = await l.updateDetails(a.id, details);
			expect(unsafe.ok ? null : unsafe.error.message).toMatch(
				/must not contain control or text-direction characters/
			);
		}
		const missing = await l.getScenario('nope');
		expect(missing.ok ? null : missing.error.kind).toBe('not-found');
		const created = await l.createScenario({ hello: 1 });
		expect(created.ok ? null : created.error.kind).toBe('invalid');
	});

	it(`keeps the last ${MAX_VERSIONS} restore points and restores one`, async () => {
		const l = lib();
		const a = must(await l.createScenario(undefined, 0));
		for (let i = 1; i <= 25; i++) {
			must(await l.saveScenario(a.id, setParam(a.scenario, 'contract.lengthMonths', 12 + i), i));
		}
		const versions = must(await l.listVersions(a.id));
		expect(versions).toHaveLength(MAX_VERSIONS);
		expect(versions[0].scenario.contract.lengthMonths).toBe(37);
		expect(versions[MAX_VERSIONS - 1].scenario.contract.lengthMonths).toBe(18);
		// Saving the same scenario again adds nothing.
		must(await l.saveScenario(a.id, must(await l.getScenario(a.id)).scenario, 99));
		expect(must(await l.listVersions(a.id))).toHaveLength(MAX_VERSIONS);

		const restored = must(await l.restoreVersion(versions[5].id, 100));
		expect(restored.scenario.contract.lengthMonths).toBe(32);
		expect(must(await l.getScenario(a.id)).scenario.contract.lengthMonths).toBe(32);
		const after = must(await l.listVersions(a.id));
		expect(after).toHaveLength(MAX_VERSIONS);
		expect(after[0].scenario.contract.lengthMonths).toBe(32);
		const gone = await l.restoreVersion(123456);
		expect(gone.ok ? null : gone.error.kind).toBe('not-found');
	});

	it('deletes with undo: the scenario, its restore points, results and comparisons come back', async () => {
		const l = lib();
		const a = must(await l.createScenario());
		const b = must(await l.createScenario());
		must(await l.saveScenario(a.id, setParam(a.scenario, 'power.sharing', 0.7)));
		must(await l.putResult(a.id, must(await l.getScenario(a.id)).scenario, fakeSummary(1)));
		const current = must(await l.getScenario(a.id));
		const cmp = must(await l.createComparison('A vs B', [b.id, a.id]));

		const token = must(await l.deleteScenario(a.id));
		expect((await l.getScenario(a.id)).ok).toBe(false);
		expect(must(await l.listVersions(a.id))).toHaveLength(0);
		expect(must(await l.getComparison(cmp.id)).scenarioIds).toEqual([b.id]);
		expect(must(await l.currentResult(b.id))).toBeNull();

		// The token survives a trip through structured clone (e.g. kept in app state).
		must(await l.undoDelete(structuredClone(token)));
		expect(must(await l.getScenario(a.id))).toEqual({
			...current,
			revision: revisionOf(current) + 1
		});
		expect(must(await l.listVersions(a.id))).toHaveLength(2);
		expect(must(await l.getComparison(cmp.id)).scenarioIds).toEqual([b.id, a.id]);
		expect(must(await l.currentResult(a.id))?.summary).toEqual(fakeSummary(1));
	});
});

describe('comparisons', () => {
	it('create, list, update, delete', async () => {
		const l = lib();
		const a = must(await l.createScenario());
		const b = must(await l.createScenario());
		const c = must(await l.createComparison('Board options', [a.id, b.id, a.id], 1));
		expect(c.scenarioIds).toEqual([a.id, b.id]);
		const u = must(await l.updateComparison(c.id, { name: 'Final options' }, 2));
		expect(u.name).toBe('Final options');
		const missing = await l.updateComparison(c.id, { scenarioIds: ['ghost'] });
		expect(missing.ok ? null : missing.error.kind).toBe('not-found');
		expect(must(await l.listComparisons()).map((x) => x.name)).toEqual(['Final options']);
		must(await l.deleteComparison(c.id));
		expect(must(await l.listComparisons())).toEqual([]);
		expect((await l.deleteComparison(c.id)).ok).toBe(false);
	});
});

describe('results', () => {
	it('a result is current only for the scenario it was computed from', async () => {
		const s = defaultScenario();
		const k = resultKey(s);
		expect(resultKey(structuredClone(s))).toBe(k);
		expect(resultKey({ ...s, seed: s.seed + 1 })).not.toBe(k);
		expect(resultKey({ ...s, runs: s.runs + 1 })).not.toBe(k);
		expect(resultKey(setParam(s, 'kpi.rigidity', 0.123))).not.toBe(k);
		// Renaming does not change the numbers, so the result stays current.
		expect(resultKey({ ...s, name: 'Other', description: 'Else' })).toBe(k);

		const l = lib();
		const a = must(await l.createScenario());
		must(await l.putResult(a.id, a.scenario, fakeSummary(7)));
		expect(must(await l.getScenario(a.id)).lastResultKey).toBe(resultKey(a.scenario));
		expect(must(await l.getResult(resultKey(a.scenario))).summary).toEqual(fakeSummary(7));
		expect(must(await l.currentResult(a.id))?.summary).toEqual(fakeSummary(7));
		must(await l.saveScenario(a.id, setParam(a.scenario, 'kpi.rigidity', 0.5)));
		expect(must(await l.currentResult(a.id))).toBeNull();
		expect((await l.getResult('nope')).ok).toBe(false);
	});

	it('keeps only the newest results of a scenario', async () => {
		const l = lib();
		const a = must(await l.createScenario());
		for (let i = 0; i < 8; i++)
			must(await l.putResult(a.id, { ...a.scenario, seed: i + 1 }, fakeSummary(i), i));
		expect(await l.db.results.where('scenarioId').equals(a.id).count()).toBe(5);
		expect((await l.getResult(resultKey({ ...a.scenario, seed: 8 }))).ok).toBe(true);
		expect((await l.getResult(resultKey({ ...a.scenario, seed: 1 }))).ok).toBe(false);
	});
});

describe('storage errors', () => {
	it('a full disk gives the plain message and writes nothing partial', async () => {
		const l = lib();
		must(await l.createScenario());
		const before = await l.db.scenarios.count();
		const beforeVersions = await l.db.versions.count();
		vi.spyOn(l.db.versions, 'add').mockImplementation(() => {
			throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
		});
		const r = await l.createScenario();
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.kind).toBe('quota');
			expect(r.error.message).toBe(
				'Your browser is out of storage space for this site. Nothing was saved; your edit is still on screen. Free some space or export your library, then try again.'
			);
		}
		vi.restoreAllMocks();
		expect(await l.db.scenarios.count()).toBe(before);
		expect(await l.db.versions.count()).toBe(beforeVersions);
	});

	it('maps errors by name, also when wrapped in an AbortError', () => {
		const quota = new DOMException('full', 'QuotaExceededError');
		expect(toStorageError({ name: 'AbortError', inner: quota }).kind).toBe('quota');
		expect(toStorageError({ name: 'DatabaseClosedError' }).kind).toBe('unavailable');
		expect(toStorageError({ name: 'MissingAPIError' }).kind).toBe('unavailable');
		expect(
			toStorageError({ name: 'OpenFailedError', inner: { name: 'VersionError' } }).message
		).toBe(MESSAGES.newer);
		expect(toStorageError({ name: 'VersionChangeError' }).kind).toBe('blocked');
		expect(toStorageError(new Error('boom')).kind).toBe('unknown');
		expect(toStorageError('weird').kind).toBe('unknown');
	});

	it('a closed database gives a plain message, not a throw', async () => {
		const l = lib();
		l.db.close();
		const r = await l.listScenarios();
		expect(r.ok ? null : r.error.kind).toBe('unavailable');
	});
});

describe('storage manager', () => {
	it('is safe without navigator.storage', async () => {
		const est = must(await storageEstimate());
		expect(est).toHaveProperty('usage');
		expect(typeof must(await requestPersistence())).toBe('boolean');
	});

	it('reports the estimate and persistence where available', async () => {
		vi.stubGlobal('navigator', {
			storage: {
				estimate: async () => ({ usage: 10, quota: 100 }),
				persisted: async () => false,
				persist: async () => true
			}
		});
		try {
			expect(must(await storageEstimate())).toEqual({ usage: 10, quota: 100, persisted: false });
			expect(must(await requestPersistence())).toBe(true);
		} finally {
			vi.unstubAllGlobals();
		}
	});
});

describe('uniqueName', () => {
	it('suffixes (2), (3)… ignoring case and fits the length limit', () => {
		expect(uniqueName('A', [])).toBe('A');
		expect(uniqueName('A', ['a'])).toBe('A (2)');
		expect(uniqueName('A', ['A', 'A (2)'])).toBe('A (3)');
		const long = 'x'.repeat(120);
		const n = uniqueName(long, [long]);
		expect(n.length).toBeLessThanOrEqual(120);
		expect(n.endsWith(' (2)')).toBe(true);
	});
});
