// WorkbenchState in Node: a library in fake-indexeddb, an engine on in-thread runners, and an
// idle-page scheduler and clipboard the tests drive by hand.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { ScenarioRecord } from '$lib/db/db';
import { presetRecordId, resultKey, type Library } from '$lib/db/library';
import type { openScenario } from '$lib/db/ready';
import { SimEngine } from '$lib/engine/engine.svelte';
import { estimatedSeconds, LARGE_JOB_SECONDS } from '$lib/engine/estimate';
import { SimPool } from '$lib/engine/pool';
import { takeNotice } from '$lib/features/workbench/notice';
import { writeStash, type StashStore } from '$lib/features/workbench/stash';
import { WorkbenchState, type WorkbenchOptions } from '$lib/features/workbench/state.svelte';
import { defaultScenario, setParam, type Scenario } from '$lib/sim';
import { freshLibrary, must } from '../../db/helpers';
import { fakeRunners, type FakeRunnerOptions } from '../../engine/fake-runner';

/** A scenario small enough to simulate in a blink. */
const small = (name = 'Small'): Scenario => ({
	...defaultScenario(name),
	runs: 30,
	horizonMonths: 24,
	seed: 5
});

const DEMO = presetRecordId('typical');

/** Resolves once `done()` holds (it may be async), or fails after a while. */
async function until(done: () => boolean | Promise<boolean>, what: string): Promise<void> {
	const start = Date.now();
	while (!(await done())) {
		if (Date.now() - start > 10_000) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 2));
	}
}

/** Whether the library holds a result for scenario `id`. */
async function hasResult(lib: Library, id: string): Promise<boolean> {
	const stored = await lib.currentResult(id);
	return stored.ok && stored.value !== null;
}

const made: WorkbenchState[] = [];
afterEach(() => {
	for (const wb of made.splice(0)) wb.dispose();
});

interface Setup {
	lib: Library;
	record: ScenarioRecord;
	runners?: FakeRunnerOptions;
	clipboard?: (text: string) => Promise<void>;
	stash?: StashStore;
	saveDelayMs?: number;
	watchRecord?: WorkbenchOptions['watchRecord'];
}

/** A workbench on scenario `id` of `lib`, whose idle moment comes when `idle()` is called. */
function workbench(lib: Library, id: string, options: Partial<Setup> = {}) {
	const runners = fakeRunners({ maxDelayMs: 2, ...options.runners });
	const engine = new SimEngine({
		createPool: () => new SimPool({ createRunner: runners.factory, size: 2, targetChunkMs: 10 }),
		debounceMs: 5,
		previewRuns: 10
	});
	let waiting: (() => void) | null = null;
	const open: typeof openScenario = async (which) => {
		const found = await lib.getScenario(which);
		if (!found.ok)
			return {
				ok: false,
				error:
					found.error.kind === 'not-found'
						? { kind: 'not-found' }
						: found.error.kind === 'damaged' && found.error.damaged
							? { kind: 'damaged', message: found.error.message, damaged: found.error.damaged }
							: { kind: 'error', message: found.error.message }
			};
		return { ok: true, value: { lib, record: found.value } };
	};
	const copied: string[] = [];
	const downloads: { fileName: string; text: string }[] = [];
	const settings: WorkbenchOptions = {
		open,
		engine,
		stashStore: options.stash ?? null,
		download: (fileName, text) => downloads.push({ fileName, text }),
		saveDelayMs: options.saveDelayMs ?? 5,
		watchRecord: options.watchRecord,
		whenIdle: (work) => {
			waiting = work;
			return () => {
				waiting = null;
			};
		},
		writeClipboard:
			options.clipboard ??
			(async (text) => {
				copied.push(text);
			})
	};
	const wb = new WorkbenchState(id, settings);
	made.push(wb);
	return {
		wb,
		engine,
		runners,
		copied,
		downloads,
		/** Lets the page fall idle: the held-back start (or warm-up) begins. */
		idle() {
			const work = waiting;
			waiting = null;
			work?.();
		},
		hasWaiting: () => waiting !== null
	};
}

async function libraryWith(scenario: Scenario): Promise<{ lib: Library; record: ScenarioRecord }> {
	const lib = freshLibrary();
	must(await lib.seedPresets());
	const record = must(await lib.createScenario(scenario));
	return { lib, record };
}

describe('WorkbenchState', () => {
	it('opens a scenario, says it is running before the first run starts, then shows and stores its result', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb, engine, runners, idle } = workbench(lib, record.id);
		expect(wb.load.kind).toBe('loading');
		await wb.open();
		expect(wb.load.kind).toBe('ready');
		expect(wb.isExample).toBe(false);
		expect(wb.versions).toHaveLength(1);
		// Held back until the page is idle, yet already shown as running.
		expect(wb.view.kind).toBe('running');
		expect(engine.status).toBe('idle');
		expect(runners.calls()).toBe(0);
		idle();
		expect(engine.status).toBe('running');
		await until(() => wb.view.kind === 'done', 'the result');
		expect(wb.complete?.source).toBe('run');
		expect(wb.panel).toMatchObject({ mode: 'current', summary: engine.summary });
		await until(() => hasResult(lib, record.id), 'the result to be stored');
		expect(wb.resultSaveError).toBeNull();
		const stored = must(await lib.currentResult(record.id));
		expect(stored?.key).toBe(resultKey(record.scenario));
	});

	it('opens with a stored result at hand: shows it at once and only warms the workers up', async () => {
		const { lib, record } = await libraryWith(small());
		const first = workbench(lib, record.id);
		await first.wb.open();
		first.idle();
		await until(() => hasResult(lib, record.id), 'the first result to be stored');
		first.wb.dispose();
		const { wb, engine, idle } = workbench(lib, record.id);
		await wb.open();
		expect(wb.view).toMatchObject({ kind: 'done', result: { source: 'stored' } });
		idle();
		expect(engine.status).toBe('idle');
	});

	it('says a scenario that is not in the library is not found', async () => {
		const { lib } = await libraryWith(small());
		const { wb } = workbench(lib, 'no-such-id');
		await wb.open();
		expect(wb.load).toEqual({ kind: 'not-found' });
		expect(wb.title).toBe('Scenario not found');
	});

	it('says a damaged scenario is damaged, never opens it, and downloads its stored data', async () => {
		const { lib, record } = await libraryWith(small());
		const broken = structuredClone(record) as unknown as { scenario: Record<string, unknown> };
		delete broken.scenario.community;
		await lib.db.scenarios.put(broken as unknown as ScenarioRecord);
		const { wb, downloads, hasWaiting } = workbench(lib, record.id);
		await wb.open();
		expect(wb.load.kind).toBe('damaged');
		if (wb.load.kind !== 'damaged') return;
		expect(wb.load.message).toMatch(/^This scenario's stored data is damaged: /);
		expect(wb.title).toBe('Damaged scenario');
		expect(wb.record).toBeNull();
		expect(hasWaiting()).toBe(false);
		wb.downloadDamaged();
		expect(downloads).toHaveLength(1);
		expect(downloads[0].fileName).toMatch(/^slow-trust-damaged-.*\.json$/);
		expect(JSON.parse(downloads[0].text)).toEqual(broken);
	});

	it('saves an edit, re-runs it, and goes back to a result at hand without running', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb, engine, idle } = workbench(lib, record.id);
		await wb.open();
		idle();
		await until(() => wb.view.kind === 'done', 'the first result');
		const original = wb.scenario!;
		const firstResult = wb.complete;

		const changesBefore = wb.changes;
		expect(wb.apply(setParam(original, 'contract.lengthMonths', 48))).toBeNull();
		expect(wb.changes).toBe(changesBefore + 1);
		expect(wb.unsaved).toBe(true);
		expect(['running', 'refining']).toContain(wb.view.kind);
		await until(() => wb.view.kind === 'done', 'the edited result');
		expect(wb.complete).not.toBe(firstResult);
		await wb.flush();
		expect(wb.saveText).toBe('Saved');
		expect(wb.record?.scenario.contract.lengthMonths).toBe(48);
		await until(() => wb.versions.length === 2, 'a second restore point');

		// Back to the first settings: run again (only the latest result is kept).
		wb.apply(original);
		await until(() => wb.view.kind === 'done', 'the original result');
		const kept = wb.complete;
		// A change, then straight back: the result at hand is shown and the job stopped.
		wb.apply(setParam(original, 'contract.lengthMonths', 60));
		expect(engine.status).toBe('running');
		expect(wb.view.kind).toBe('running');
		wb.apply(original);
		expect(engine.status).toBe('cancelled');
		expect(wb.view).toEqual({ kind: 'done', result: kept });
	});

	it('cancels a running job, and a job held back for an idle page, saying so at once', async () => {
		const { lib, record } = await libraryWith({ ...small(), runs: 2000 });
		const { wb, engine, runners, idle, hasWaiting } = workbench(lib, record.id);
		await wb.open();
		expect(wb.view.kind).toBe('running');
		wb.cancel();
		expect(wb.view.kind).toBe('cancelled');
		expect(hasWaiting()).toBe(false);
		expect(runners.calls()).toBe(0);

		wb.runNow();
		expect(engine.status).toBe('running');
		wb.cancel();
		expect(engine.status).toBe('cancelled');
		expect(wb.view.kind).toBe('cancelled');
		expect(wb.panel).toBeNull();
		idle();
	});

	it('shows an engine failure in words, and runs again when asked', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb, idle } = workbench(lib, record.id, { runners: { crash: () => true } });
		await wb.open();
		idle();
		await until(() => wb.view.kind === 'error', 'the failure');
		expect(wb.view).toMatchObject({ kind: 'error', message: expect.stringMatching(/stopped/) });
		wb.runNow();
		expect(wb.view.kind).toBe('running');
	});

	it('renames without running again, and refuses an empty name', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb, engine, idle } = workbench(lib, record.id);
		await wb.open();
		idle();
		await until(() => wb.view.kind === 'done', 'the result');
		expect(wb.rename('   ', '')).toBe('Give the scenario a name.');
		expect(wb.rename(' Renamed ', 'Said differently')).toBeNull();
		expect(wb.scenario?.name).toBe('Renamed');
		expect(wb.scenario?.description).toBe('Said differently');
		expect(wb.view.kind).toBe('done');
		expect(engine.status).toBe('done');
		await wb.flush();
		expect(must(await lib.getScenario(record.id)).name).toBe('Renamed');
	});

	it('flags a description the settings contradict, and replaces it with a summary', async () => {
		const described = {
			...setParam(small(), 'contract.lengthMonths', 84),
			description: 'A five-year contract with four partners.'
		};
		const { lib, record } = await libraryWith(setParam(described, 'partners.count', 6));
		const { wb } = workbench(lib, record.id);
		await wb.open();
		expect(wb.descriptionIssues.map((m) => m.message)).toEqual([
			'The description says five-year contract; the settings say 84 months.',
			'The description says four partners; the settings say 6 partners.'
		]);
		expect(wb.designSummary).toMatch(/^84-month contracts.*, 6 partners\.$/);
		expect(wb.useDesignSummary()).toBeNull();
		expect(wb.scenario?.description).toBe(wb.designSummary);
		expect(wb.descriptionIssues).toEqual([]);
		await wb.flush();
		expect(must(await lib.getScenario(record.id)).description).toBe(wb.designSummary);
	});

	it('makes an editable copy of an edited example, with the changes and the result', async () => {
		const lib = freshLibrary();
		must(await lib.seedPresets());
		const { wb, idle } = workbench(lib, DEMO);
		await wb.open();
		expect(wb.isExample).toBe(true);
		expect(wb.versions).toEqual([]);
		expect(wb.exampleEdited).toBe(false);
		idle();
		const tried = { ...wb.scenario!, runs: 30, horizonMonths: 24 };
		wb.apply(tried);
		expect(wb.exampleEdited).toBe(true);
		expect(wb.unsaved).toBe(false); // An example is never saved.
		await until(() => wb.view.kind === 'done', 'the result of the tried settings');

		const id = await wb.makeCopy();
		expect(id).not.toBeNull();
		const copy = must(await lib.getScenario(id!));
		expect(copy.presetId).toBeUndefined();
		expect(copy.scenario.runs).toBe(30);
		expect(must(await lib.currentResult(id!))?.key).toBe(resultKey(copy.scenario));
		expect(takeNotice(id!)).toMatch(/with your changes/);
		// The example itself is unchanged, and its result (of other settings) was not stored.
		expect(must(await lib.getScenario(DEMO)).scenario.runs).not.toBe(30);
		expect(must(await lib.currentResult(DEMO))).toBeNull();
	});

	it('copies a share link, or shows it when the clipboard is refused', async () => {
		const { lib, record } = await libraryWith(small());
		const ok = workbench(lib, record.id);
		await ok.wb.open();
		await ok.wb.copyShareLink('http://localhost/share');
		expect(ok.wb.share).toEqual({ kind: 'copied' });
		expect(ok.copied[0]).toMatch(/^http:\/\/localhost\/share/);

		const refused = workbench(lib, record.id, {
			clipboard: () => Promise.reject(new Error('denied'))
		});
		await refused.wb.open();
		await refused.wb.copyShareLink('http://localhost/share');
		expect(refused.wb.share).toMatchObject({ kind: 'manual', link: ok.copied[0] });
	});

	it('restores an earlier version, runs it and says so', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb, idle } = workbench(lib, record.id);
		await wb.open();
		idle();
		await until(() => wb.view.kind === 'done', 'the result');
		wb.apply(setParam(wb.scenario!, 'contract.lengthMonths', 60));
		await wb.flush();
		await until(() => wb.versions.length === 2, 'the new restore point');
		const older = wb.versions[1];
		await wb.restore(older);
		expect(wb.restoreError).toBeNull();
		expect(wb.scenario?.contract.lengthMonths).toBe(record.scenario.contract.lengthMonths);
		expect(wb.notice).toMatch(/^Restored the version saved/);
		expect(wb.versions).toHaveLength(3);
		await until(() => wb.view.kind === 'done', 'the restored result');
		wb.dismissNotice();
		expect(wb.notice).toBeNull();
	});

	it('keeps invalid boxes apart from the settings, and Run waits until they are fixed', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb, engine } = workbench(lib, record.id);
		await wb.open();
		wb.cancel();
		const field = { inputId: 'x', label: 'Contract length', message: 'Too long.' };
		wb.setInvalid('contract.lengthMonths', field);
		expect(wb.invalidList).toEqual([field]);
		wb.runNow();
		expect(engine.status).toBe('idle');
		wb.setInvalid('contract.lengthMonths', null);
		expect(wb.invalidList).toEqual([]);
		wb.runNow();
		expect(engine.status).toBe('running');
	});

	it('keeps an edit the page could not save before it closed, and puts it back on opening', async () => {
		const { lib, record } = await libraryWith(small());
		const items = new Map<string, string>();
		const stash: StashStore = {
			getItem: (k) => items.get(k) ?? null,
			setItem: (k, v) => void items.set(k, v),
			removeItem: (k) => void items.delete(k)
		};
		const first = workbench(lib, record.id, { stash });
		await first.wb.open();
		const edited = setParam(record.scenario, 'kpi.rigidity', 0.9);
		first.wb.apply(edited);
		// Closing: kept at once, before any save could finish.
		first.wb.keepUnsaved();
		expect(items.size).toBe(1);
		const kept = [...items.values()][0];
		// Once saved, nothing is kept any more.
		await first.wb.flush();
		await until(() => items.size === 0, 'the kept edit to be dropped after saving');

		// A page that closed before its save: the next opening puts the edit back and saves it.
		items.set(`slow-trust:unsaved:${record.id}`, kept);
		const stored = must(await lib.getScenario(record.id));
		const lost = setParam(stored.scenario, 'kpi.rigidity', 0.1);
		writeStash(stash, record.id, { scenario: lost, savedAt: stored.updatedAt });
		const second = workbench(lib, record.id, { stash });
		await second.wb.open();
		expect(second.wb.scenario).toEqual(lost);
		expect(second.wb.notice).toMatch(/Your last change, made just before the page closed/);
		await second.wb.flush();
		expect(must(await lib.getScenario(record.id)).scenario).toEqual(lost);
		expect(items.size).toBe(0);

		// An edit older than a save made elsewhere since is dropped, not applied.
		writeStash(stash, record.id, { scenario: edited, savedAt: 1 });
		const third = workbench(lib, record.id, { stash });
		await third.wb.open();
		expect(third.wb.scenario).toEqual(lost);
		expect(items.size).toBe(0);
	});
});

describe('a large job', () => {
	it('waits for Run, saying how long it would take, on opening and after an edit', async () => {
		const big = { ...small('Big'), runs: 100_000, horizonMonths: 240 };
		expect(estimatedSeconds(big)).toBeGreaterThan(LARGE_JOB_SECONDS);
		const { lib, record } = await libraryWith(big);
		const { wb, engine, runners, idle, hasWaiting } = workbench(lib, record.id);
		await wb.open();
		expect(wb.view).toEqual({ kind: 'large', seconds: estimatedSeconds(big) });
		expect(hasWaiting()).toBe(false);
		idle();
		expect(engine.status).toBe('idle');
		expect(runners.calls()).toBe(0);

		// Made small again by an edit: it runs as usual.
		wb.apply({ ...big, runs: 30, horizonMonths: 24 });
		await until(() => wb.view.kind === 'done', 'the small run');
		// Made large again: held back, nothing running.
		wb.apply(big);
		expect(wb.view.kind).toBe('large');
		expect(engine.status).not.toBe('running');

		// Run starts it when asked.
		wb.runNow();
		expect(wb.view.kind).toBe('running');
		wb.cancel();
	});
});

describe('the same scenario changed in another tab', () => {
	/** A stash in memory. */
	function memoryStash() {
		const items = new Map<string, string>();
		const stash: StashStore = {
			getItem: (k) => items.get(k) ?? null,
			setItem: (k, v) => void items.set(k, v),
			removeItem: (k) => void items.delete(k)
		};
		return { items, stash };
	}

	it('shows a change saved elsewhere at once when nothing here is unsaved, and says what changed', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb } = workbench(lib, record.id);
		await wb.open();
		// The other tab (the same library, as another tab's would be) saves a change.
		must(await lib.saveScenario(record.id, setParam(record.scenario, 'kpi.rigidity', 0.3)));
		await until(() => wb.scenario?.kpi.rigidity === 0.3, 'the change from the other tab');
		expect(wb.conflict).toBeNull();
		expect(wb.notice).toMatch(/Updated with a change made in another tab: KPI rigidity/i);
		expect(wb.record?.revision).toBe(1);
		// Editing on from there saves over the new revision, not the old one.
		wb.apply(setParam(wb.scenario!, 'contract.lengthMonths', 60));
		await wb.flush();
		const stored = must(await lib.getScenario(record.id));
		expect(stored.scenario.kpi.rigidity).toBe(0.3);
		expect(stored.scenario.contract.lengthMonths).toBe(60);
		expect(wb.saveText).toBe('Saved');
	});

	it('follows a rename made in the library, and its own autosave never undoes it', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb } = workbench(lib, record.id);
		await wb.open();
		wb.apply(setParam(record.scenario, 'kpi.rigidity', 0.2));
		await wb.flush();
		must(await lib.updateDetails(record.id, { name: 'Renamed', description: '', tags: ['x'] }));
		await until(() => wb.scenario?.name === 'Renamed', 'the rename');
		wb.apply(setParam(wb.scenario!, 'kpi.rigidity', 0.4));
		await wb.flush();
		const stored = must(await lib.getScenario(record.id));
		expect(stored.name).toBe('Renamed');
		expect(stored.tags).toEqual(['x']);
		expect(stored.scenario.kpi.rigidity).toBe(0.4);
	});

	it('asks what to keep when this tab has unsaved edits, and merges settings that do not clash', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb } = workbench(lib, record.id, { saveDelayMs: 60_000 });
		await wb.open();
		wb.apply(setParam(record.scenario, 'contract.lengthMonths', 60));
		expect(wb.unsaved).toBe(true);
		must(await lib.saveScenario(record.id, setParam(record.scenario, 'kpi.rigidity', 0.3)));
		await until(() => wb.conflict !== null, 'the choice');
		expect(wb.conflict?.kind).toBe('changed');
		expect(wb.saveText).toBe('Not saved: changed in another tab');
		expect(wb.mergePlan?.mine.map((c) => c.path)).toEqual(['contract.lengthMonths']);
		expect(wb.mergePlan?.theirs.map((c) => c.path)).toEqual(['kpi.rigidity']);
		expect(wb.mergePlan?.clashes).toEqual([]);
		// Nothing was overwritten meanwhile.
		expect(must(await lib.getScenario(record.id)).scenario.kpi.rigidity).toBe(0.3);
		wb.merge();
		expect(wb.conflict).toBeNull();
		expect(wb.notice).toMatch(/^Merged/);
		await wb.flush();
		const stored = must(await lib.getScenario(record.id));
		expect(stored.scenario.contract.lengthMonths).toBe(60);
		expect(stored.scenario.kpi.rigidity).toBe(0.3);
		expect(stored.revision).toBe(2);
	});

	it('takes theirs, dropping the edits made here', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb } = workbench(lib, record.id);
		await wb.open();
		wb.apply(setParam(record.scenario, 'kpi.rigidity', 0.9));
		// The other tab saves first; this tab's save is refused (as if it had not yet heard).
		must(await lib.saveScenario(record.id, setParam(record.scenario, 'kpi.rigidity', 0.3)));
		await wb.flush();
		await until(() => wb.conflict !== null, 'the choice');
		expect(wb.mergePlan?.clashes.map((c) => c.path)).toEqual(['kpi.rigidity']);
		expect(must(await lib.getScenario(record.id)).scenario.kpi.rigidity).toBe(0.3);
		wb.takeTheirs();
		expect(wb.conflict).toBeNull();
		expect(wb.scenario?.kpi.rigidity).toBe(0.3);
		expect(wb.unsaved).toBe(false);
		wb.apply(setParam(wb.scenario!, 'contract.lengthMonths', 48));
		await wb.flush();
		expect(wb.saveText).toBe('Saved');
		expect(must(await lib.getScenario(record.id)).scenario.kpi.rigidity).toBe(0.3);
	});

	it('refuses its own save over a change it has not heard of, and offers the choice', async () => {
		const { lib, record } = await libraryWith(small());
		// No live watch: only the refused save can tell this tab.
		const { wb } = workbench(lib, record.id, {
			watchRecord: () => () => {}
		});
		await wb.open();
		must(await lib.saveScenario(record.id, setParam(record.scenario, 'kpi.rigidity', 0.3)));
		wb.apply(setParam(record.scenario, 'contract.lengthMonths', 60));
		await wb.flush();
		expect(wb.conflict?.kind).toBe('changed');
		expect(must(await lib.getScenario(record.id)).scenario.contract.lengthMonths).toBe(
			record.scenario.contract.lengthMonths
		);
	});

	it('keeps this tab’s version as a copy, leaving theirs as it is', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb } = workbench(lib, record.id, { saveDelayMs: 60_000 });
		await wb.open();
		wb.apply(setParam(record.scenario, 'kpi.rigidity', 0.9));
		must(await lib.saveScenario(record.id, setParam(record.scenario, 'kpi.rigidity', 0.3)));
		await until(() => wb.conflict !== null, 'the choice');
		const copyId = await wb.keepMineAsCopy();
		expect(copyId).not.toBeNull();
		const copy = must(await lib.getScenario(copyId!));
		expect(copy.name).toBe('Small (my version)');
		expect(copy.scenario.kpi.rigidity).toBe(0.9);
		expect(takeNotice(copyId!)).toMatch(/your version, kept as a copy/);
		expect(wb.unsaved).toBe(false);
		await wb.flush();
		expect(must(await lib.getScenario(record.id)).scenario.kpi.rigidity).toBe(0.3);
	});

	it('says so when the scenario is deleted elsewhere, and recovers when it comes back', async () => {
		const { lib, record } = await libraryWith(small());
		const { wb } = workbench(lib, record.id);
		await wb.open();
		must(await lib.deleteScenario(record.id));
		await until(() => wb.conflict?.kind === 'deleted', 'the deletion');
		expect(wb.saveText).toBe('Not saved: deleted in another tab');
		must(await lib.restoreFromTrash(record.id));
		await until(() => wb.conflict === null, 'the scenario back');
		wb.apply(setParam(wb.scenario!, 'kpi.rigidity', 0.2));
		await wb.flush();
		expect(must(await lib.getScenario(record.id)).scenario.kpi.rigidity).toBe(0.2);
	});

	it('keeps an edit made before the page closed, over a change made since elsewhere, as a choice', async () => {
		const { lib, record } = await libraryWith(small());
		const { stash } = memoryStash();
		// The page closed with an edit its save never stored.
		writeStash(stash, record.id, {
			scenario: setParam(record.scenario, 'contract.lengthMonths', 60),
			savedAt: record.updatedAt,
			revision: 0,
			base: record.scenario
		});
		must(await lib.saveScenario(record.id, setParam(record.scenario, 'kpi.rigidity', 0.3)));
		const second = workbench(lib, record.id, { stash });
		await second.wb.open();
		expect(second.wb.conflict?.kind).toBe('changed');
		expect(second.wb.scenario?.contract.lengthMonths).toBe(60);
		expect(second.wb.mergePlan?.theirs.map((c) => c.path)).toEqual(['kpi.rigidity']);
		second.wb.merge();
		await second.wb.flush();
		const stored = must(await lib.getScenario(record.id));
		expect([stored.scenario.contract.lengthMonths, stored.scenario.kpi.rigidity]).toEqual([
			60, 0.3
		]);
	});
});
