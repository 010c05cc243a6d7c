/**
 * The library's state without a page: the live list, search, tags and selection, the
 * details forms, create, duplicate, delete with undo, restoring the examples, export,
 * import with clashing names, share links, saved comparisons, storage status, and a
 * library that cannot be opened.
 */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StorageResult } from '$lib/db/errors';
import type { Library } from '$lib/db/library';
import { codeFromLink, decodeScenario } from '$lib/db/share';
import { LibraryState, detailsOf, type LibraryDeps } from '$lib/features/library/state.svelte';
import { findClashes } from '$lib/features/library/reads';
import { issueWhere, plural } from '$lib/features/library/words';
import { PRESETS, defaultScenario } from '$lib/sim';
import { freshLibrary, must } from '../../db/helpers';

const TYPICAL = "Today's typical contract";

interface Setup {
	state: LibraryState;
	lib: Library;
	downloads: { fileName: string; text: string; type: string }[];
	afterRemove: ReturnType<typeof vi.fn>;
}

const stops: (() => void)[] = [];
const libs: Library[] = [];
afterEach(async () => {
	for (const stop of stops.splice(0)) stop();
	for (const l of libs.splice(0)) await l.db.delete();
});

/** A library state on a fresh database with the examples in place, opened and listed. */
async function setup(deps: LibraryDeps = {}): Promise<Setup> {
	const lib = freshLibrary();
	libs.push(lib);
	must(await lib.seedPresets());
	const downloads: Setup['downloads'] = [];
	const afterRemove = vi.fn();
	const state = new LibraryState({
		open: async () => ({ ok: true, value: lib }),
		download: (fileName, text, type) => downloads.push({ fileName, text, type }),
		sharePage: () => 'http://localhost/share',
		afterRemove,
		estimate: async () => ({ ok: true, value: { usage: 1000, quota: 10_000, persisted: false } }),
		...deps
	});
	stops.push(state.start());
	await vi.waitFor(() => expect(state.entries).not.toBeNull());
	return { state, lib, downloads, afterRemove };
}

/** Waits until the live list holds a scenario by that name, and returns its entry. */
async function listed(state: LibraryState, name: string) {
	await vi.waitFor(() => expect(state.entries?.map((e) => e.record.name) ?? []).toContain(name));
	const entry = state.entries?.find((e) => e.record.name === name);
	if (!entry) throw new Error(`${name} is not listed`);
	return entry;
}

function messages(state: LibraryState): string[] {
	return state.notices.items.map((n) => `${n.title ? `${n.title} ` : ''}${n.message}`);
}

function jsonFile(value: unknown, name = 'library.json'): File {
	return new File([JSON.stringify(value)], name, { type: 'application/json' });
}

describe('the live list', () => {
	it('lists the examples, counts them and measures the storage', async () => {
		const { state } = await setup();
		expect(state.entries).toHaveLength(PRESETS.length);
		expect(state.exampleCount).toBe(PRESETS.length);
		expect(state.missingExamples).toBe(0);
		expect(state.visible).toHaveLength(PRESETS.length);
		expect(state.tags).toEqual([{ tag: 'example', count: PRESETS.length }]);
		await vi.waitFor(() => expect(state.storage.estimate?.usage).toBe(1000));
		expect(state.storage.used).toBe(0.1);
		expect(state.storage.kept).toBe(false);
		expect(state.comparisons.rows).toEqual([]);
	});

	it('follows a change made elsewhere (another tab)', async () => {
		const { state, lib } = await setup();
		must(await lib.createScenario({ ...defaultScenario(), name: 'From another tab' }));
		await listed(state, 'From another tab');
		expect(state.entries?.[0].record.name).toBe('From another tab');
	});

	it('says when the library cannot be opened, and opens on a second try', async () => {
		const lib = freshLibrary();
		libs.push(lib);
		let fails = true;
		const refused: StorageResult<Library> = {
			ok: false,
			error: { kind: 'unavailable', message: 'No storage here.' }
		};
		const state = new LibraryState({
			open: async () => (fails ? refused : { ok: true, value: lib }),
			estimate: async () => ({ ok: true, value: { usage: null, quota: null, persisted: null } })
		});
		stops.push(() => state.dispose());
		await state.open();
		expect(state.entries).toBeNull();
		expect(state.openError?.message).toBe('No storage here.');
		expect(state.comparisons.error?.message).toBe('No storage here.');
		fails = false;
		await state.open();
		expect(state.openError).toBeNull();
		await vi.waitFor(() => expect(state.entries).toEqual([]));
		expect(state.missingExamples).toBe(PRESETS.length);
	});
});

describe('search, tags and selection', () => {
	it('narrows by words and by tag, and says what is shown', async () => {
		const { state, lib } = await setup();
		must(await lib.createScenario({ ...defaultScenario(), name: 'Alpha plan' }));
		const alpha = await listed(state, 'Alpha plan');
		must(
			await lib.updateDetails(alpha.record.id, {
				name: 'Alpha plan',
				description: 'A café in the park',
				tags: ['parks']
			})
		);
		await vi.waitFor(() => expect(state.tags.map((t) => t.tag)).toContain('parks'));

		expect(state.filtered).toBe(false);
		state.query = 'cafe';
		expect(state.visible.map((e) => e.record.name)).toEqual(['Alpha plan']);
		expect(state.filtered).toBe(true);
		expect(state.shownText).toBe(`Showing 1 of ${PRESETS.length + 1} scenarios matching “cafe”.`);

		state.clearFilters();
		state.filterByTag('example');
		expect(state.visible).toHaveLength(PRESETS.length);
		expect(state.shownText).toBe(
			`Showing ${PRESETS.length} of ${PRESETS.length + 1} scenarios tagged “example”.`
		);
		state.clearFilters();
		expect(state.visible).toHaveLength(PRESETS.length + 1);

		state.sort = 'name';
		const names = state.visible.map((e) => e.record.name);
		expect(names).toEqual([...names].sort());
	});

	it('selects all shown, and drops deleted scenarios from the selection', async () => {
		const { state, lib } = await setup();
		state.filterByTag('example');
		state.selectAllShown(true);
		expect(state.selected.length).toBe(PRESETS.length);
		expect(state.allShownSelected).toBe(true);
		state.select(state.visible[0].record.id, false);
		expect(state.allShownSelected).toBe(false);
		expect(state.someShownSelected).toBe(true);
		expect(state.selectedEntries).toHaveLength(PRESETS.length - 1);

		const gone = state.visible[1].record.id;
		must(await lib.deleteScenario(gone));
		await vi.waitFor(() => expect(state.selected).not.toContain(gone));
		expect(state.selected.length).toBe(PRESETS.length - 2);
		state.clearSelection();
		expect(state.someShownSelected).toBe(false);
	});
});

describe('creating and editing', () => {
	it('creates a scenario from the demo, opens its form, and saves the details', async () => {
		const { state } = await setup();
		state.query = 'nothing like this';
		await state.create();
		expect(state.query).toBe('');
		expect(messages(state)).toContain(`Created “New scenario” from “${TYPICAL}”.`);
		const entry = await listed(state, 'New scenario');
		const draft = state.editing[entry.record.id];
		expect(draft?.name).toBe('New scenario');

		if (!draft) return;
		draft.name = 'Board option A';
		draft.description = 'Five years';
		draft.tags = ' board, , draft ';
		expect(detailsOf(draft).tags).toEqual(['board', 'draft']);
		await state.saveDetails(entry.record.id);
		expect(entry.record.id in state.editing).toBe(false);
		expect(messages(state)).toContain('Saved “Board option A”.');
		const saved = await listed(state, 'Board option A');
		expect(saved.record.tags).toEqual(['board', 'draft']);
		expect(saved.record.description).toBe('Five years');
	});

	it('keeps a form open with what was typed when the details are refused', async () => {
		const { state } = await setup();
		await state.create();
		const entry = await listed(state, 'New scenario');
		const draft = state.editing[entry.record.id];
		if (!draft) throw new Error('no form');
		draft.tags = 'x'.repeat(41);
		await state.saveDetails(entry.record.id);
		expect(state.editing[entry.record.id]).toBe(draft);
		expect(draft.saving).toBe(false);
		expect(draft.error?.message).toContain('at most 40 characters');
		expect(draft.tags).toBe('x'.repeat(41));
		state.cancelEdit(entry.record.id);
		expect(state.editing).toEqual({});
	});

	it('refuses once to overwrite a rename made in another tab while the form was open', async () => {
		const { state, lib } = await setup();
		await state.create();
		const entry = await listed(state, 'New scenario');
		const draft = state.editing[entry.record.id];
		if (!draft) throw new Error('no form');
		// Another tab renames the scenario meanwhile.
		must(await lib.updateDetails(entry.record.id, { name: 'Theirs', description: '', tags: [] }));
		draft.name = 'Mine';
		await state.saveDetails(entry.record.id);
		expect(draft.error?.kind).toBe('conflict');
		expect(draft.error?.message).toContain('now called “Theirs”');
		expect(draft.name).toBe('Mine');
		expect(must(await lib.getScenario(entry.record.id)).name).toBe('Theirs');
		// Saving again, knowing, replaces it.
		await state.saveDetails(entry.record.id);
		expect(entry.record.id in state.editing).toBe(false);
		expect(must(await lib.getScenario(entry.record.id)).name).toBe('Mine');
	});

	it('keeps what was typed when the form of an open scenario is asked for again', async () => {
		const { state } = await setup();
		await state.create();
		const entry = await listed(state, 'New scenario');
		const draft = state.editing[entry.record.id];
		if (!draft) throw new Error('no form');
		draft.name = 'Half typed';
		state.edit(entry.record);
		expect(state.editing[entry.record.id]?.name).toBe('Half typed');
	});

	it('duplicates an example, with a notice that opens the copy’s form', async () => {
		const { state } = await setup();
		const typical = await listed(state, TYPICAL);
		await state.duplicate(typical);
		const notice = state.notices.items.at(-1);
		expect(notice?.message).toBe(`Made “${TYPICAL} (copy)”. It is yours to edit.`);
		if (!notice) return;
		await state.notices.act(notice.id);
		const copy = await listed(state, `${TYPICAL} (copy)`);
		expect(state.editing[copy.record.id]?.name).toBe(`${TYPICAL} (copy)`);
	});
});

describe('deleting and undoing', () => {
	it('deletes several, says so with Undo, and Undo puts them back', async () => {
		const { state, afterRemove } = await setup();
		const ids = state.entries?.slice(0, 2).map((e) => e.record.id) ?? [];
		for (const id of ids) state.select(id, true);
		await state.remove(ids);
		expect(state.selected.length).toBe(0);
		expect(afterRemove).toHaveBeenCalledOnce();
		expect(state.busy).toBe(false);
		const notice = state.notices.items.at(-1);
		expect(notice?.title).toBe('Deleted');
		expect(notice?.message).toBe('2 scenarios.');
		await vi.waitFor(() => expect(state.entries).toHaveLength(PRESETS.length - 2));
		expect(state.missingExamples).toBe(2);

		if (!notice) return;
		await state.notices.act(notice.id);
		expect(messages(state)).toContain('Restored 2 scenarios.');
		await vi.waitFor(() => expect(state.entries).toHaveLength(PRESETS.length));
	});

	it('restores the examples the user deleted', async () => {
		const { state } = await setup();
		const typical = await listed(state, TYPICAL);
		await state.remove([typical.record.id]);
		expect(state.notices.items.at(-1)?.message).toBe(`“${TYPICAL}”.`);
		await vi.waitFor(() => expect(state.missingExamples).toBe(1));
		await state.restoreExamples();
		expect(messages(state)).toContain(
			'Restored 1 example: it is read-only, as shipped with the app.'
		);
		await vi.waitFor(() => expect(state.missingExamples).toBe(0));
		await state.restoreExamples();
		expect(messages(state)).toContain('Every example is already in your library.');
	});
});

describe('export, import and share', () => {
	it('has nothing to export while only the examples are there', async () => {
		const { state, downloads } = await setup();
		await state.exportSome(undefined);
		expect(downloads).toEqual([]);
		expect(messages(state)[0]).toMatch(/^There is nothing of yours to export yet/);
	});

	it('exports one scenario to a file named after it, and imports it back with a new name', async () => {
		const { state, downloads } = await setup();
		await state.create();
		const mine = await listed(state, 'New scenario');
		await state.exportSome([mine.record.id], mine.record.name);
		expect(downloads).toHaveLength(1);
		expect(downloads[0].fileName).toMatch(/^slow-trust-new-scenario-\d{4}-\d\d-\d\d\.json$/);
		expect(downloads[0].type).toBe('application/json');
		expect(messages(state).at(-1)).toMatch(/^Exported 1 scenario to “slow-trust-new-scenario/);

		// The same name is in the library: the import waits for a choice.
		const file = new File([downloads[0].text], downloads[0].fileName);
		await state.importFiles([file]);
		expect(state.pendingImport?.clashes).toEqual([{ name: 'New scenario', example: false }]);
		expect(state.importOpen).toBe(true);
		await state.resolveClash('rename');
		expect(state.pendingImport).toBeNull();
		expect(messages(state).at(-1)).toBe(
			`Imported 1 scenario from “${file.name}”. Added “New scenario” as “New scenario (2)”, so no name is used twice.`
		);
		await listed(state, 'New scenario (2)');
	});

	it('imports nothing when the clash is cancelled, and only the first of several files', async () => {
		const { state } = await setup();
		const typical = await listed(state, TYPICAL);
		const file = jsonFile({ ...typical.record.scenario }, 'typical.json');
		await state.importFiles([file, jsonFile({}, 'other.json')]);
		expect(messages(state)).toContain('Importing “typical.json” only: import one file at a time.');
		expect(state.pendingImport?.clashes).toEqual([{ name: TYPICAL, example: true }]);
		await state.resolveClash('cancel');
		expect(messages(state)).toContain('Nothing was imported from “typical.json”.');
		expect(state.entries).toHaveLength(PRESETS.length);
	});

	it('says why a file was not imported, item by item', async () => {
		const { state } = await setup();
		const bad = { ...defaultScenario(), name: '' };
		await state.importFiles([jsonFile([bad, { ...bad, runs: -1 }], 'bad.json')]);
		const problem = state.importProblem;
		expect(problem?.fileName).toBe('bad.json');
		expect(problem?.message).toMatch(/Nothing was imported/);
		expect(problem?.issues.length).toBeGreaterThan(1);
		expect(issueWhere(problem?.issues[0] ?? { path: '', message: '' })).toMatch(
			/^Scenario 1, field /
		);
		state.dismissImportProblem();
		expect(state.importProblem).toBeNull();

		await state.importFiles([new File(['{ not json'], 'broken.json')]);
		expect(state.importProblem?.fileName).toBe('broken.json');
	});

	it('makes a share link that carries the scenario', async () => {
		const { state } = await setup();
		const typical = await listed(state, TYPICAL);
		await state.openShare(typical);
		expect(state.shareOpen).toBe(true);
		expect(state.share?.name).toBe(TYPICAL);
		expect(state.share?.link).toMatch(/^http:\/\/localhost\/share#v1\./);
		const decoded = await decodeScenario(codeFromLink(state.share?.link ?? ''));
		expect(decoded).toEqual({ ok: true, value: typical.record.scenario });
	});
});

describe('saved comparisons and storage', () => {
	it('lists saved comparisons with their scenarios, and deletes one on the second click', async () => {
		const { state, lib } = await setup();
		const ids = state.entries?.slice(0, 2).map((e) => e.record.id) ?? [];
		const c = must(await lib.createComparison('Two designs', ids));
		await vi.waitFor(() => expect(state.comparisons.rows).toHaveLength(1));
		expect(state.comparisons.rows?.[0].names).toEqual(
			state.entries?.slice(0, 2).map((e) => e.record.name)
		);
		await state.comparisons.remove(c.id);
		expect(state.comparisons.confirming).toBe(c.id);
		expect(state.comparisons.rows).toHaveLength(1);
		await state.comparisons.remove(c.id);
		expect(state.comparisons.confirming).toBeNull();
		await vi.waitFor(() => expect(state.comparisons.rows).toEqual([]));
	});

	it('asks the browser to keep the library and says when it declines', async () => {
		const persist = vi.fn(async () => ({ ok: true as const, value: false }));
		const { state } = await setup({ persist });
		await state.storage.ask();
		expect(persist).toHaveBeenCalledOnce();
		expect(state.storage.asking).toBe(false);
		expect(state.storage.declined).toBe(true);
	});
});

describe('words and clashes', () => {
	it('counts in words', () => {
		expect(plural(1, 'scenario')).toBe('1 scenario');
		expect(plural(1200, 'scenario')).toBe('1,200 scenarios');
	});

	it('places a problem in an item, without the file’s own prefix', () => {
		expect(issueWhere({ index: 1, name: 'B', path: 'scenarios.1.runs', message: '' })).toBe(
			'Scenario 2 (“B”), field runs'
		);
		expect(issueWhere({ index: 0, path: '0', message: '' })).toBe(
			'Scenario 1, field the whole item'
		);
	});

	it('finds each clashing name once, in any case', () => {
		const record = { name: 'Plan', presetId: undefined };
		const entries = [{ record, trend: null }] as unknown as Parameters<typeof findClashes>[1];
		const items = [{ name: 'plan' }, { name: 'PLAN' }, { name: 'Other' }];
		const parsed = { kind: 'list', items, comparisons: [] } as unknown as Parameters<
			typeof findClashes
		>[0];
		expect(findClashes(parsed, entries)).toEqual([{ name: 'plan', example: false }]);
	});
});

describe('the trash', () => {
	it('lists a deleted scenario, restores it, deletes forever and empties, each confirmed', async () => {
		const { state, lib } = await setup();
		const a = must(await lib.createScenario(defaultScenario('Alpha')));
		const b = must(await lib.createScenario(defaultScenario('Beta')));
		await listed(state, 'Beta');
		await state.remove([a.id, b.id]);
		await vi.waitFor(() => expect(state.trash.count).toBe(2));
		expect(state.trash.items?.map((t) => t.record.name)).toEqual(['Beta', 'Alpha']);

		await state.trash.restore(a.id);
		expect(messages(state)).toContain('Restored “Alpha” with its restore points.');
		await listed(state, 'Alpha');
		await vi.waitFor(() => expect(state.trash.count).toBe(1));

		// The first click asks; the second deletes.
		await state.trash.deleteForever(b.id);
		expect(state.trash.confirming).toBe(b.id);
		expect(must(await lib.listTrash())).toHaveLength(1);
		await state.trash.deleteForever(b.id);
		expect(messages(state)).toContain('Deleted “Beta” for good.');
		await vi.waitFor(() => expect(state.trash.count).toBe(0));

		await state.remove([a.id]);
		await vi.waitFor(() => expect(state.trash.count).toBe(1));
		await state.trash.empty();
		expect(state.trash.confirming).toBe('all');
		state.trash.cancelConfirm();
		await state.trash.empty();
		await state.trash.empty();
		expect(messages(state)).toContain('Deleted 1 scenario for good.');
		await vi.waitFor(() => expect(state.trash.count).toBe(0));
		expect(must(await lib.listScenarios()).map((r) => r.name)).not.toContain('Alpha');
	});
});

describe('damaged records', () => {
	it('are shown apart with the problem in words, download as stored, and delete on a second click', async () => {
		const { state, lib, downloads } = await setup();
		const made = must(await lib.createScenario(defaultScenario('Broken')));
		const raw = structuredClone(made) as unknown as { scenario: Record<string, unknown> };
		delete raw.scenario.community;
		await lib.db.scenarios.put(raw as unknown as typeof made);
		await vi.waitFor(() => expect(state.damaged.records).toHaveLength(1));
		expect(state.entries?.some((e) => e.record.id === made.id)).toBe(false);
		const record = state.damaged.records[0];
		expect(record.name).toBe('Broken');
		expect(record.problem).toMatch(/community/i);

		state.damaged.download(record);
		expect(downloads.at(-1)?.fileName).toMatch(/^slow-trust-damaged-.*\.json$/);
		expect(JSON.parse(downloads.at(-1)?.text ?? '')).toEqual(raw);

		await state.exportSome(undefined);
		expect(messages(state).at(-1)).toMatch(/1 damaged record is kept apart/);

		await state.damaged.remove(record.id);
		expect(state.damaged.confirming).toBe(record.id);
		await state.damaged.remove(record.id);
		await vi.waitFor(() => expect(state.damaged.records).toEqual([]));
		expect((await lib.getScenario(made.id)).ok).toBe(false);
		// Gone for good: not kept in the trash either.
		expect(must(await lib.listTrash())).toEqual([]);
	});
});
