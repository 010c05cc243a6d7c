import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Library } from '../../../src/lib/db/library';
import {
	LIBRARY_FORMAT,
	MAX_FILE_BYTES,
	checkFileSize,
	exportFileName,
	exportScenarios,
	importLibrary,
	importText,
	parseLibraryText,
	parseLibraryValue,
	serializeLibrary
} from '../../../src/lib/db/transfer';
import { PRESETS, defaultScenario, setParam } from '../../../src/lib/sim';
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

async function snapshot(l: Library) {
	return {
		scenarios: await l.db.scenarios.toArray(),
		versions: await l.db.versions.toArray(),
		comparisons: await l.db.comparisons.toArray()
	};
}

describe('export then import', () => {
	it('round-trips scenarios, tags, descriptions and comparisons into another library', async () => {
		const a = lib();
		must(await a.seedPresets());
		const x = must(await a.createScenario(PRESETS[0].scenario));
		must(
			await a.updateDetails(x.id, { name: 'Alliance', description: x.description, tags: ['north'] })
		);
		const y = must(await a.createScenario(setParam(defaultScenario(), 'power.sharing', 0.8)));
		must(await a.updateDetails(y.id, { name: y.name, description: 'Shared power', tags: [] }));
		must(await a.createComparison('Both', [x.id, y.id]));

		const doc = must(await exportScenarios(a, undefined, new Date('2026-01-02T03:04:05Z')));
		expect(doc.format).toBe(LIBRARY_FORMAT);
		expect(doc.version).toBe(1);
		expect(doc.exportedAt).toBe('2026-01-02T03:04:05.000Z');
		// The read-only examples ship with the app and are left out of a whole-library export.
		expect(doc.scenarios.map((s) => s.name)).toEqual(['Alliance', 'New scenario']);
		expect(doc.comparisons).toEqual([{ name: 'Both', scenarios: [0, 1] }]);

		const b = lib();
		const report = must(await importText(b, serializeLibrary(doc)));
		expect(report.added.map((r) => r.name)).toEqual(['Alliance', 'New scenario']);
		expect(report.comparisons).toBe(1);
		const list = must(await b.listScenarios());
		const alliance = list.find((r) => r.name === 'Alliance')!;
		expect(alliance.tags).toEqual(['north']);
		expect(alliance.scenario).toEqual(must(await a.getScenario(x.id)).scenario);
		const other = list.find((r) => r.name === 'New scenario')!;
		expect(other.description).toBe('Shared power');
		expect(other.scenario.power.sharing).toBe(0.8);
		const [cmp] = must(await b.listComparisons());
		expect(cmp.scenarioIds).toEqual([alliance.id, other.id]);
		// Each imported scenario has a first restore point.
		expect(must(await b.listVersions(alliance.id))).toHaveLength(1);
	});

	it('exports a selection (a read-only example too) and one scenario', async () => {
		const l = lib();
		must(await l.seedPresets());
		const x = must(await l.createScenario());
		const presetId = must(await l.listScenarios()).find((r) => r.presetId)!.id;
		const sel = must(await exportScenarios(l, [presetId, x.id]));
		expect(sel.scenarios.map((s) => s.name)).toEqual([PRESETS[0].scenario.name, 'New scenario']);
		const one = must(await exportScenarios(l, [x.id]));
		expect(one.scenarios).toHaveLength(1);
		expect(one.comparisons).toBeUndefined();
		const missing = await exportScenarios(l, ['ghost']);
		expect(missing.ok ? null : missing.error.kind).toBe('not-found');
		expect(exportFileName(new Date('2026-03-04T00:00:00Z'))).toBe(
			'slow-trust-library-2026-03-04.json'
		);
		expect(exportFileName(new Date('2026-03-04T00:00:00Z'), 'Today’s typical contract!')).toBe(
			'slow-trust-today-s-typical-contract-2026-03-04.json'
		);
	});

	it('imports a bare scenario and a list of scenarios', async () => {
		const l = lib();
		const single = must(await importText(l, JSON.stringify(PRESETS[0].scenario)));
		expect(single.added.map((r) => r.name)).toEqual([PRESETS[0].scenario.name]);
		const list = must(
			await importText(l, JSON.stringify([defaultScenario('One'), defaultScenario('Two')]))
		);
		expect(list.added.map((r) => r.name)).toEqual(['One', 'Two']);
		expect(must(await l.listScenarios())).toHaveLength(3);
	});
});

describe('a file with problems changes nothing', () => {
	it('one bad item: nothing written, the message names the item and the field', async () => {
		const l = lib();
		must(await l.createScenario());
		const before = await snapshot(l);
		const good = defaultScenario('Good');
		const bad = setParam(defaultScenario('Too long a contract'), 'contract.lengthMonths', 9999);
		const doc = {
			format: LIBRARY_FORMAT,
			version: 1,
			exportedAt: new Date().toISOString(),
			modelVersion: '1.0.0',
			scenarios: [
				{ name: 'Good', description: '', tags: [], scenario: good },
				{ name: 'Too long a contract', description: '', tags: [], scenario: bad },
				{ name: 'Also good', description: '', tags: [], scenario: good }
			]
		};
		const r = await importText(l, JSON.stringify(doc));
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.kind).toBe('invalid');
			expect(r.error.message).toMatch(
				/^Scenario 2 of 3 \(“Too long a contract”\): contract\.lengthMonths .*Nothing was imported\.$/
			);
			expect(r.error.issues?.[0].path).toBe('scenarios.1.scenario.contract.lengthMonths');
		}
		expect(await snapshot(l)).toEqual(before);

		const parsed = parseLibraryValue(doc);
		expect(parsed.ok).toBe(false);
		if (!parsed.ok) {
			expect(parsed.error.issues[0]).toMatchObject({ index: 1, name: 'Too long a contract' });
		}
	});

	it('a failure while writing rolls the whole import back', async () => {
		const l = lib();
		must(await l.createScenario());
		const before = await snapshot(l);
		const parsed = parseLibraryValue([
			defaultScenario('A'),
			defaultScenario('B'),
			defaultScenario('C')
		]);
		if (!parsed.ok) throw new Error(parsed.error.message);
		const add = l.db.scenarios.add.bind(l.db.scenarios);
		let calls = 0;
		vi.spyOn(l.db.scenarios, 'add').mockImplementation((...args) => {
			if (++calls === 3) throw new DOMException('full', 'QuotaExceededError');
			return add(...args);
		});
		const r = await importLibrary(l, parsed.value);
		expect(r.ok ? null : r.error.kind).toBe('quota');
		vi.restoreAllMocks();
		expect(await snapshot(l)).toEqual(before);
	});

	it.each([
		['not JSON', '{"format": "slow-trust-library", ', /not valid JSON/],
		['an unknown shape', '{"hello": 1}', /neither a list of scenarios nor/],
		[
			'another format',
			'{"format": "other", "version": 1, "scenarios": []}',
			/format is not recognised/
		],
		[
			'a newer version',
			'{"format": "slow-trust-library", "version": 2, "scenarios": []}',
			/newer version/
		],
		['no scenarios', '[]', /holds no scenarios/],
		[
			'a name that is not text',
			JSON.stringify({
				format: LIBRARY_FORMAT,
				version: 1,
				scenarios: [{ name: 42, scenario: defaultScenario() }]
			}),
			/The scenario.*name must be text/
		],
		[
			'a bad tag',
			JSON.stringify({
				format: LIBRARY_FORMAT,
				version: 1,
				scenarios: [{ name: 'T', tags: [1], scenario: defaultScenario() }]
			}),
			/Tag 1 must be text/
		],
		[
			'an unknown field in a scenario',
			JSON.stringify([{ ...defaultScenario('U'), extra: 1 }, defaultScenario('V')]),
			/^Scenario 1 of 2 \(“U”\):.*unknown field/
		],
		[
			'a comparison out of range',
			JSON.stringify({
				format: LIBRARY_FORMAT,
				version: 1,
				scenarios: [{ name: 'A', scenario: defaultScenario() }],
				comparisons: [{ name: 'C', scenarios: [3] }]
			}),
			/Comparison 1 of 1 \(“C”\)/
		]
	])('refuses %s with a plain message', async (_what, text, message) => {
		const l = lib();
		const r = await importText(l, text);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.error.message).toMatch(message);
			expect(r.error.message).toMatch(/Nothing was imported\.$/);
		}
		expect(await l.db.scenarios.count()).toBe(0);
	});

	it('refuses files over the size limit before parsing them', () => {
		const big = ' '.repeat(MAX_FILE_BYTES + 1);
		const r = parseLibraryText(big);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/at most 5\.0 MB/);
		expect(checkFileSize(MAX_FILE_BYTES).ok).toBe(true);
		expect(checkFileSize(0).ok).toBe(false);
		expect(parseLibraryText(42).ok).toBe(false);
	});
});

describe('name clashes', () => {
	it('get a suffix by default and never overwrite', async () => {
		const l = lib();
		const x = must(await l.createScenario(defaultScenario('Plan')));
		must(await l.createScenario(defaultScenario('Plan (2)')));
		const r = must(
			await importText(l, JSON.stringify([defaultScenario('Plan'), defaultScenario('plan')]))
		);
		expect(r.added.map((a) => a.name)).toEqual(['Plan (3)', 'plan (4)']);
		expect(r.renamed).toEqual([
			{ from: 'Plan', to: 'Plan (3)' },
			{ from: 'plan', to: 'plan (4)' }
		]);
		expect(must(await l.getScenario(x.id)).scenario).toEqual(x.scenario);
		expect(must(await l.listScenarios())).toHaveLength(4);
	});

	it('replace when asked, keeping the old one as a restore point; examples are never replaced', async () => {
		const l = lib();
		must(await l.seedPresets());
		const x = must(await l.createScenario(defaultScenario('Plan')));
		const changed = setParam(defaultScenario('Plan'), 'kpi.rigidity', 0.1);
		const r = must(
			await importText(l, JSON.stringify([changed, PRESETS[0].scenario]), { onClash: 'replace' })
		);
		expect(r.replaced).toEqual([{ id: x.id, name: 'Plan' }]);
		expect(r.added.map((a) => a.name)).toEqual([`${PRESETS[0].scenario.name} (2)`]);
		const now = must(await l.getScenario(x.id));
		expect(now.scenario.kpi.rigidity).toBe(0.1);
		const versions = must(await l.listVersions(x.id));
		expect(versions).toHaveLength(2);
		must(await l.restoreVersion(versions[1].id));
		expect(must(await l.getScenario(x.id)).scenario).toEqual(x.scenario);
		const preset = must(await l.getScenario(`preset-${PRESETS[0].id}`));
		expect(preset.scenario).toEqual(PRESETS[0].scenario);
	});
});
