// The workshop presenter's state without a page: storylines, steps, predictions, playback,
// levers, keys, notes and running each step's scenario through the engine.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SlowTrustDb } from '../../../src/lib/db/db';
import type { Storyline } from '../../../src/lib/db/storyline';
import { Storylines } from '../../../src/lib/db/storylines';
import { SimEngine } from '../../../src/lib/engine/engine.svelte';
import { SimPool } from '../../../src/lib/engine/pool';
import { defaultStoryline } from '../../../src/lib/features/workshop/storyline';
import { WorkshopState } from '../../../src/lib/features/workshop/state.svelte';
import { defaultScenario } from '../../../src/lib/sim';
import { fakeRunners } from '../engine/fake-runner';
import { freshName } from '../db/helpers';

const opened: Dexie[] = [];
const states: WorkshopState[] = [];
afterEach(async () => {
	vi.useRealTimers();
	for (const s of states.splice(0)) s.dispose();
	for (const db of opened.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

const BUILT_IN_IDS = ['default', 'commissioners', 'providers', 'community'];

const own = { ...defaultScenario('Our borough pilot'), horizonMonths: 24 };

function workshop(options: { maxRuns?: number } = {}) {
	const db = new SlowTrustDb(freshName());
	opened.push(db);
	const stories = new Storylines(db);
	const engine = new SimEngine({
		createPool: () =>
			new SimPool({ createRunner: fakeRunners().factory, size: 2, targetChunkMs: 10 }),
		debounceMs: 5,
		previewRuns: 5
	});
	const addresses: string[] = [];
	const ws = new WorkshopState({
		engine,
		storylines: () => stories,
		openLibrary: async () => ({
			ok: true,
			value: {
				getScenario: async (id: string) =>
					id === 'own-pilot'
						? {
								ok: true,
								value: {
									id,
									name: own.name,
									description: '',
									tags: [],
									scenario: own,
									createdAt: 0,
									updatedAt: 0
								}
							}
						: { ok: false, error: { kind: 'not-found', message: 'Not found.' } }
			}
		}),
		showInAddress: (id) => addresses.push(id),
		maxRuns: options.maxRuns ?? 20,
		previewRuns: 5
	});
	ws.reduceMotion = true;
	states.push(ws);
	return { ws, stories, engine, addresses };
}

/** A storyline of three steps: an example, the user's own scenario, and one no longer there. */
function mixed(): Storyline {
	const base = defaultStoryline();
	return {
		id: 'mixed',
		name: 'Mixed',
		steps: [
			{ ...base.steps[0], question: 'none' },
			{
				id: 'own',
				source: { kind: 'scenario', scenarioId: 'own-pilot' },
				question: 'collapse',
				notes: ''
			},
			{
				id: 'gone',
				source: { kind: 'scenario', scenarioId: 'gone' },
				question: 'codesign',
				notes: ''
			}
		]
	};
}

describe('the workshop presenter state', () => {
	it('opens the default storyline at its first step, waiting for the room', async () => {
		const { ws } = workshop();
		await ws.openStory('default');
		expect(ws.count).toBe(5);
		expect(ws.at).toBe(0);
		expect(ws.title).toBe("Today's typical contract");
		expect(ws.progress).toEqual({ phase: 'predict', pick: null, votes: null });
		expect(ws.question).toBe('trustAtYear5');
		expect(ws.scenario?.runs).toBe(20);
		expect(ws.playback.month).toBe(0);
		expect(ws.notice).toBeNull();
		expect(ws.storyOptions.map((o) => o.id)).toEqual(BUILT_IN_IDS);
	});

	it('falls back to the default storyline, with a notice, when one cannot be read', async () => {
		const { ws } = workshop();
		await ws.openStory('missing');
		expect(ws.story.id).toBe('default');
		expect(ws.notice).toMatch(/Showing the default storyline instead\.$/);
		ws.dismissNotice();
		expect(ws.notice).toBeNull();
	});

	it('predicts, reveals, then moves on; a step revealed before shows its whole chart again', async () => {
		const { ws } = workshop();
		await ws.openStory('default');
		ws.pick(4);
		expect(ws.progress.pick).toBe(4);
		ws.pick(4);
		expect(ws.progress.pick).toBeNull();
		ws.pick(2);
		ws.next();
		expect(ws.progress).toEqual({ phase: 'revealed', pick: 2, votes: null });
		// With reduced motion, the whole chart at once.
		expect(ws.playback.month).toBe(ws.playback.months);
		ws.pick(3);
		expect(ws.progress.pick).toBe(2);
		ws.next();
		expect(ws.at).toBe(1);
		expect(ws.progress.phase).toBe('predict');
		expect(ws.playback.month).toBe(0);
		ws.previous();
		expect(ws.at).toBe(0);
		expect(ws.progress).toEqual({ phase: 'revealed', pick: 2, votes: null });
		expect(ws.playback.month).toBe(ws.playback.months);
		ws.previous();
		expect(ws.at).toBe(0);
	});

	it('plays the chart month by month once revealed, and pauses, scrubs and changes speed', async () => {
		const { ws } = workshop();
		ws.reduceMotion = false;
		await ws.openStory('default');
		ws.togglePlay();
		expect(ws.progress.phase).toBe('revealed');
		expect(ws.playing).toBe(true);
		// No result yet: the clock waits.
		ws.advance(1000);
		expect(ws.playback.month).toBe(0);
		ws.togglePlay();
		expect(ws.playing).toBe(false);
		ws.scrubTo(37.4);
		expect(ws.playback.month).toBe(37);
		ws.setSpeed(16);
		expect(ws.playback.speed).toBe(16);
	});

	it('runs the step through the engine, keeps the result, and shows it again at once', async () => {
		const { ws, engine } = workshop();
		await ws.openStory('default');
		expect(ws.statusText).toBe('Simulating futures…');
		ws.sync();
		expect(engine.status).toBe('running');
		await vi.waitFor(() => expect(engine.status).toBe('done'), { timeout: 20_000 });
		ws.receive();
		expect(ws.shown?.receipt.runs).toBe(20);
		expect(ws.preview).toBe(false);
		expect(ws.statusText).toBe('20 simulated futures');
		expect(ws.description).not.toBe('');
		const first = ws.shown;

		ws.next();
		ws.next();
		ws.sync();
		expect(ws.at).toBe(1);
		expect(ws.shown).toBeNull();
		ws.previous();
		ws.sync();
		// From the cache: no job needed.
		expect(ws.shown).toBe(first);
		expect(engine.status).toBe('cancelled');
	});

	it('moves a lever for the step shown, and puts it back', async () => {
		const { ws } = workshop({ maxRuns: 20 });
		await ws.openStory('default');
		expect(ws.scenario?.contract.lengthMonths).toBe(36);
		ws.setLever('contract.lengthMonths', 61);
		expect(ws.levers).toEqual({ 'contract.lengthMonths': 61 });
		expect(ws.scenario?.contract.lengthMonths).toBe(61);
		expect(ws.baseScenario?.contract.lengthMonths).toBe(36);
		ws.next();
		ws.next();
		expect(ws.levers).toEqual({});
		ws.previous();
		expect(ws.scenario?.contract.lengthMonths).toBe(61);
		ws.resetLevers();
		expect(ws.scenario?.contract.lengthMonths).toBe(36);
	});

	it('answers keys, leaves them alone while typing, and only closes the key list while it is open', async () => {
		const { ws } = workshop();
		await ws.openStory('default');
		expect(ws.handleKey({ key: '3' }, null)).toBe(true);
		expect(ws.progress.pick).toBe(3);
		expect(ws.handleKey({ key: 'ArrowRight' }, { tagName: 'INPUT', type: 'range' })).toBe(false);
		expect(ws.progress.phase).toBe('predict');
		expect(ws.handleKey({ key: 'r', ctrlKey: true }, null)).toBe(false);
		expect(ws.handleKey({ key: 'n' }, null)).toBe(true);
		expect(ws.notesOpen).toBe(true);
		expect(ws.handleKey({ key: '?' }, null)).toBe(true);
		expect(ws.helpOpen).toBe(true);
		expect(ws.handleKey({ key: 'ArrowRight' }, null)).toBe(false);
		expect(ws.progress.phase).toBe('predict');
		expect(ws.handleKey({ key: 'H' }, null)).toBe(true);
		expect(ws.helpOpen).toBe(false);
		expect(ws.handleKey({ key: 'Enter' }, null)).toBe(true);
		expect(ws.progress.phase).toBe('revealed');
		expect(ws.handleKey({ key: 'PageDown' }, null)).toBe(true);
		expect(ws.at).toBe(1);
		expect(ws.handleKey({ key: 'PageUp' }, null)).toBe(true);
		expect(ws.at).toBe(0);
		expect(ws.handleKey({ key: 'x' }, null)).toBe(false);
	});

	it('opens steps from the library, and moves past one whose scenario is gone', async () => {
		const { ws, stories, addresses } = workshop();
		expect((await stories.save(mixed())).ok).toBe(true);
		await ws.loadStoredList();
		expect(ws.storyOptions.map((o) => o.id)).toEqual([...BUILT_IN_IDS, 'mixed']);
		await ws.switchStory('mixed');
		expect(addresses).toEqual(['mixed']);
		// A first step that asks nothing shows its chart at once.
		expect(ws.progress.phase).toBe('revealed');
		expect(ws.question).toBeNull();
		ws.next();
		expect(ws.title).toBe('Our borough pilot');
		expect(ws.scenario?.horizonMonths).toBe(24);
		ws.next();
		ws.next();
		expect(ws.at).toBe(2);
		expect(ws.title).toBe('Scenario missing');
		expect(ws.problem).toMatch(/no longer in your library/);
		expect(ws.statusText).toBe('');
		// Nothing to reveal: "next" stays at the last step.
		ws.next();
		expect(ws.at).toBe(2);
	});

	it('saves notes with the storyline a moment after typing stops', async () => {
		const { ws, stories } = workshop();
		await ws.openStory('default');
		ws.editNotes('Ask the room');
		ws.editNotes('Ask the room first.');
		expect(ws.step?.notes).toBe('Ask the room first.');
		expect(ws.saveStatus).toBe('Saving…');
		expect((await stories.get('default')).ok).toBe(false);
		await vi.waitFor(() => expect(ws.saveStatus).toBe('Notes saved'), { timeout: 5_000 });
		const saved = await stories.get('default');
		expect(saved.ok && saved.value.steps[0].notes).toBe('Ask the room first.');
		expect(ws.storyOptions.map((o) => o.name)[0]).toBe(defaultStoryline().name);
		expect(ws.storyOptions).toHaveLength(BUILT_IN_IDS.length);
	});
});
