/**
 * Damaged records: a stored scenario that fails validation is reported apart from the
 * readable ones by every read (list, live query, one scenario, export), never handed on as
 * a scenario, and an exported library with one in it always imports.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioRecord } from '../../../src/lib/db/db';
import { checkRecord, damagedFileName } from '../../../src/lib/db/damaged';
import type { Library } from '../../../src/lib/db/library';
import { readDamaged, readLibrary, watchDamaged } from '../../../src/lib/db/live';
import {
	exportScenarios,
	importText,
	parseLibraryValue,
	serializeLibrary
} from '../../../src/lib/db/transfer';
import { defaultScenario } from '../../../src/lib/sim';
import { freshLibrary, must } from './helpers';

const libs: Library[] = [];
afterEach(async () => {
	for (const l of libs.splice(0)) await l.db.delete();
});

/** A library with one whole scenario and one whose stored scenario lost its community. */
async function withDamaged(): Promise<{ lib: Library; good: ScenarioRecord; badId: string }> {
	const lib = freshLibrary();
	libs.push(lib);
	const good = must(await lib.createScenario(defaultScenario('Whole')));
	const bad = must(await lib.createScenario(defaultScenario('Broken')));
	const raw = structuredClone(bad) as unknown as { scenario: Record<string, unknown> };
	delete raw.scenario.community;
	await lib.db.scenarios.put(raw as unknown as ScenarioRecord);
	return { lib, good, badId: bad.id };
}

describe('checkRecord', () => {
	it('passes a whole record and reports each kind of damage in words', () => {
		const now = Date.now();
		const whole = {
			id: 'a',
			name: 'A',
			description: '',
			tags: [],
			scenario: defaultScenario('A'),
			createdAt: now,
			updatedAt: now
		};
		expect(checkRecord(whole).ok).toBe(true);
		const noTags = checkRecord({ ...whole, tags: 'x' });
		expect(noTags.ok).toBe(false);
		if (!noTags.ok) expect(noTags.error.problem).toBe("The record's tags must be a list of text.");
		const notObject = checkRecord(42, 'k');
		expect(notObject.ok).toBe(false);
		if (!notObject.ok) {
			expect(notObject.error.id).toBe('k');
			expect(notObject.error.name).toBe('Unnamed scenario');
			expect(notObject.error.raw).toBe('42');
			expect(damagedFileName(notObject.error)).toBe('slow-trust-damaged-k.json');
		}
	});
});

describe('a damaged record in the library', () => {
	it('is left out of the list and the live list, and reported apart', async () => {
		const { lib, good, badId } = await withDamaged();
		const list = must(await lib.listScenarios());
		expect(list.map((r) => r.id)).toEqual([good.id]);
		const entries = must(await readLibrary(lib));
		expect(entries.map((e) => e.record.id)).toEqual([good.id]);
		const damaged = must(await readDamaged(lib));
		expect(damaged).toHaveLength(1);
		expect(damaged[0]).toMatchObject({ id: badId, name: 'Broken' });
		expect(damaged[0].problem).toMatch(/community/i);
		expect(JSON.parse(damaged[0].raw).scenario.community).toBeUndefined();
	});

	it('is reported by the live query as it comes and goes', async () => {
		const { lib, badId } = await withDamaged();
		const seen: number[] = [];
		const stop = watchDamaged(lib, {
			next: (v) => seen.push(v.length),
			error: (e) => {
				throw new Error(e.message);
			}
		});
		try {
			await expect.poll(() => seen.at(-1)).toBe(1);
			must(await lib.deleteScenario(badId));
			await expect.poll(() => seen.at(-1)).toBe(0);
		} finally {
			stop();
		}
	});

	it('is the error kind "damaged" when opened, with its raw data and the problem in words', async () => {
		const { lib, good, badId } = await withDamaged();
		expect(must(await lib.getScenario(good.id)).id).toBe(good.id);
		const r = await lib.getScenario(badId);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.error.kind).toBe('damaged');
		expect(r.error.message).toMatch(/^This scenario's stored data is damaged: .*community/i);
		expect(r.error.damaged?.id).toBe(badId);
		expect(r.error.damaged?.raw).toContain('"Broken"');
	});

	it('is exported apart, and the exported library imports (leaving it out, with a note)', async () => {
		const { lib, badId } = await withDamaged();
		const doc = must(await exportScenarios(lib));
		expect(doc.scenarios.map((s) => s.name)).toEqual(['Whole']);
		expect(doc.damaged).toHaveLength(1);
		expect((doc.damaged?.[0] as { id: string }).id).toBe(badId);

		const chosen = must(await exportScenarios(lib, [badId]));
		expect(chosen.scenarios).toEqual([]);
		expect(chosen.damaged).toHaveLength(1);

		const parsed = parseLibraryValue(JSON.parse(serializeLibrary(doc)));
		expect(parsed.ok && parsed.value.damagedLeftOut).toBe(1);

		const other = freshLibrary();
		libs.push(other);
		const report = must(await importText(other, serializeLibrary(doc)));
		expect(report.added.map((a) => a.name)).toEqual(['Whole']);
		expect(report.damagedLeftOut).toBe(1);
		expect(must(await readDamaged(other))).toEqual([]);
		expect(must(await other.listScenarios()).map((r) => r.name)).toEqual(['Whole']);
	});

	it('alone in a file, is refused in words (nothing readable to import)', async () => {
		const { lib, badId } = await withDamaged();
		const doc = must(await exportScenarios(lib, [badId]));
		const r = await importText(lib, serializeLibrary(doc));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error.message).toMatch(/only a damaged record/);
	});

	it('can be deleted', async () => {
		const { lib, badId } = await withDamaged();
		must(await lib.deleteScenario(badId));
		expect(must(await readDamaged(lib))).toEqual([]);
	});
});
