/** The share page's state without a page: reading a link, adding its scenario, and links that cannot be opened. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Library } from '$lib/db/library';
import { encodeScenario } from '$lib/db/share';
import { SimEngine } from '$lib/engine/engine.svelte';
import { SimPool } from '$lib/engine/pool';
import {
	FIRST_LOOK_RUNS,
	firstLookRuns,
	SharedScenarioState
} from '$lib/features/library/shared.svelte';
import { PRESETS, setParam, type Scenario } from '$lib/sim';
import { freshLibrary, must } from '../../db/helpers';
import { fakeRunners } from '../../engine/fake-runner';

const TOWARDS = PRESETS.find((p) => p.id === 'towards')?.scenario ?? PRESETS[0].scenario;

/** The `#…` part of a share link to a scenario. */
async function hashOf(scenario: typeof TOWARDS): Promise<string> {
	const r = await encodeScenario(scenario);
	if (!r.ok) throw new Error(r.error);
	return `#${r.value}`;
}

const libs: Library[] = [];
afterEach(async () => {
	for (const l of libs.splice(0)) await l.db.delete();
});

function shared(): { state: SharedScenarioState; lib: Library } {
	const lib = freshLibrary();
	libs.push(lib);
	return { state: new SharedScenarioState(async () => ({ ok: true, value: lib })), lib };
}

describe('a shared scenario', () => {
	it('reads the scenario in the link and adds a copy, renamed when the name is taken', async () => {
		const { state, lib } = shared();
		expect(state.view.kind).toBe('loading');
		expect(state.title).toBe('Shared scenario');
		await state.read(await hashOf(TOWARDS));
		expect(state.view).toEqual({ kind: 'ready', scenario: TOWARDS });
		expect(state.title).toBe(`${TOWARDS.name} · Shared scenario`);

		const adding = state.add();
		expect(state.status).toEqual({ kind: 'adding' });
		await adding;
		const added = state.status.kind === 'added' ? state.status.copy : null;
		expect(added).toMatchObject({ name: TOWARDS.name, renamed: false });
		const stored = must(await lib.getScenario(added?.id ?? ''));
		expect(stored.scenario).toEqual({ ...TOWARDS });

		await state.add();
		expect(state.status).toMatchObject({
			kind: 'added',
			copy: { name: `${TOWARDS.name} (2)`, renamed: true }
		});
	});

	it('says plainly when a link cannot be read, and adds nothing', async () => {
		const { state } = shared();
		await state.read('#v1.garbage');
		expect(state.view.kind).toBe('invalid');
		expect(state.title).toBe('Link cannot be opened');
		await state.add();
		expect(state.status).toEqual({ kind: 'idle' });
	});

	it('keeps the scenario on screen with the reason when it cannot be added', async () => {
		const state = new SharedScenarioState(async () => ({
			ok: false,
			error: { kind: 'unavailable', message: 'No storage.' }
		}));
		await state.read(await hashOf(TOWARDS));
		await state.add();
		expect(state.status).toEqual({
			kind: 'failed',
			error: { kind: 'unavailable', message: 'No storage.' }
		});
		expect(state.view.kind).toBe('ready');
	});
});

/** A scenario quick to simulate in Node: few agents and a short horizon. */
function quick(runs: number): Scenario {
	return {
		...setParam(setParam(TOWARDS, 'community.peoplePerAgent', 100), 'horizonMonths', 12),
		runs,
		description: 'A five-year contract with four partners.'
	};
}

/** A share page state on in-thread runners, whose settings are "drawn" when `draw()` is called. */
function sharedWithEngine() {
	const runners = fakeRunners({ maxDelayMs: 1 });
	const engine = new SimEngine({
		createPool: () => new SimPool({ createRunner: runners.factory, size: 2, targetChunkMs: 10 }),
		previewRuns: 10
	});
	let waiting: (() => void) | null = null;
	const state = new SharedScenarioState(
		async () => ({ ok: false, error: { kind: 'unavailable', message: 'none' } }),
		{
			engine,
			whenDrawn: (work) => {
				waiting = work;
				return () => (waiting = null);
			}
		}
	);
	return {
		state,
		engine,
		draw() {
			const work = waiting;
			waiting = null;
			work?.();
		}
	};
}

async function until(done: () => boolean, what: string): Promise<void> {
	const start = Date.now();
	while (!done()) {
		if (Date.now() - start > 20_000) throw new Error(`timed out waiting for ${what}`);
		await new Promise((r) => setTimeout(r, 2));
	}
}

describe('the results of a shared scenario', () => {
	const states: SharedScenarioState[] = [];
	afterEach(() => {
		for (const s of states.splice(0)) s.dispose();
	});

	it('runs at most a first look of futures, fewer for a large scenario', () => {
		expect(firstLookRuns(quick(300))).toBe(300);
		expect(firstLookRuns(quick(50_000))).toBe(FIRST_LOOK_RUNS);
		const large = {
			...setParam(setParam(TOWARDS, 'community.peoplePerAgent', 1), 'horizonMonths', 240),
			runs: 10_000
		};
		const runs = firstLookRuns(large);
		expect(runs).toBeLessThan(FIRST_LOOK_RUNS);
		expect(runs).toBeGreaterThanOrEqual(100);
		expect(runs % 100).toBe(0);
	});

	it('starts once the settings are drawn, shows progress, and keeps the result without storing it', async () => {
		const { state, draw } = sharedWithEngine();
		states.push(state);
		await state.openLink(await hashOf(quick(1200)));
		expect(state.view.kind).toBe('ready');
		expect(state.run.kind).toBe('waiting');
		expect(state.descriptionIssues.map((m) => m.kind)).toEqual([]);
		draw();
		expect(state.run).toMatchObject({ kind: 'running', runs: FIRST_LOOK_RUNS });
		await until(() => state.run.kind === 'done', 'the first look');
		expect(state.result?.all).toBe(false);
		expect(state.result?.scenario.runs).toBe(FIRST_LOOK_RUNS);
		expect(state.result?.summary.receipt.runs).toBe(FIRST_LOOK_RUNS);
		const first = state.result;

		// Every future on request: the first look stays until the full result replaces it.
		const all = state.runAll();
		expect(state.run).toMatchObject({ kind: 'running', runs: 1200 });
		expect(state.result).toBe(first);
		state.cancel();
		expect(state.run.kind).toBe('cancelled');
		expect(state.result).toBe(first);
		expect((await all)?.status).toBe('cancelled');
		await state.runAll();
		expect(state.run.kind).toBe('done');
		expect(state.result).toMatchObject({ all: true, scenario: { runs: 1200 } });
	});

	it('cancelled before any result shows nothing as complete, and runs again on request', async () => {
		const { state, draw } = sharedWithEngine();
		states.push(state);
		await state.openLink(await hashOf(quick(400)));
		draw();
		state.cancel();
		expect(state.run.kind).toBe('cancelled');
		expect(state.result).toBeNull();
		await state.runFirstLook();
		expect(state.run.kind).toBe('done');
		expect(state.result?.all).toBe(true);
	});

	it('flags a description the settings contradict; a new link forgets the old result', async () => {
		const { state, draw } = sharedWithEngine();
		states.push(state);
		const moved = setParam(setParam(quick(100), 'contract.lengthMonths', 84), 'partners.count', 6);
		await state.openLink(await hashOf(moved));
		expect(state.descriptionIssues.map((m) => m.message)).toEqual([
			'The description says five-year contract; the settings say 84 months.',
			'The description says four partners; the settings say 6 partners.'
		]);
		draw();
		await until(() => state.run.kind === 'done', 'the run');
		await state.openLink('#v1.garbage');
		expect(state.result).toBeNull();
		expect(state.descriptionIssues).toEqual([]);
		expect(state.run.kind).toBe('waiting');
	});
});
