// The two-window workshop: the message protocol, the votes, the presenter's timer, and a
// presenter and an audience linked over a real BroadcastChannel (Node has one).
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SlowTrustDb } from '../../../src/lib/db/db';
import { Storylines } from '../../../src/lib/db/storylines';
import { SimEngine } from '../../../src/lib/engine/engine.svelte';
import { SimPool } from '../../../src/lib/engine/pool';
import { AudienceState } from '../../../src/lib/features/workshop/audience.svelte';
import {
	applyToView,
	channelName,
	emptyView,
	message,
	newSession,
	PROTOCOL_VERSION,
	readMessage,
	type Stage
} from '../../../src/lib/features/workshop/channel';
import { PresenterLink, type OpenedWindow } from '../../../src/lib/features/workshop/link.svelte';
import { createPlayback } from '../../../src/lib/features/workshop/playback';
import { optionsFor, rightOption } from '../../../src/lib/features/workshop/predict';
import { WorkshopState } from '../../../src/lib/features/workshop/state.svelte';
import { recordHands, reveal, startProgress } from '../../../src/lib/features/workshop/steps';
import {
	clockText,
	enterStep,
	startTimer,
	stepElapsed,
	totalElapsed
} from '../../../src/lib/features/workshop/timer';
import {
	handsFrom,
	setHands,
	tallyVotes,
	totalHands
} from '../../../src/lib/features/workshop/votes';
import { defaultScenario, simulate } from '../../../src/lib/sim';
import { fakeRunners } from '../engine/fake-runner';
import { freshName } from '../db/helpers';

const stage = (over: Partial<Stage> = {}): Stage => ({
	storyId: 'default',
	storyName: 'A storyline',
	at: 0,
	count: 5,
	title: 'Step one',
	scenario: null,
	problem: null,
	question: 'collapse',
	progress: startProgress('collapse'),
	playback: createPlayback(120),
	resultHash: null,
	preview: false,
	blank: false,
	...over
});

describe('the message protocol', () => {
	it('reads its own messages back, for its own session only', () => {
		const hello = message('s1', { type: 'hello', from: 'audience' });
		expect(hello).toEqual({ v: PROTOCOL_VERSION, session: 's1', type: 'hello', from: 'audience' });
		expect(readMessage(hello, 's1')).toEqual(hello);
		expect(readMessage(hello, 's2')).toBeNull();
		const st = message('s1', { type: 'stage', stage: stage() });
		expect(readMessage(structuredClone(st), 's1')).toEqual(st);
		const cmd = message('s1', { type: 'command', command: 'next' });
		expect(readMessage(cmd, 's1')).toEqual(cmd);
		expect(readMessage(message('s1', { type: 'bye', from: 'presenter' }), 's1')?.type).toBe('bye');
		expect(channelName('abc')).toBe('slow-trust-workshop-abc');
	});

	it('ignores other versions, unknown types and malformed bodies', () => {
		const base = { v: PROTOCOL_VERSION, session: 's' };
		expect(readMessage({ ...base, v: 2, type: 'hello', from: 'audience' }, 's')).toBeNull();
		expect(readMessage({ ...base, type: 'dance' }, 's')).toBeNull();
		expect(readMessage({ ...base, type: 'hello', from: 'someone' }, 's')).toBeNull();
		expect(readMessage({ ...base, type: 'command', command: 'format-disk' }, 's')).toBeNull();
		expect(readMessage({ ...base, type: 'stage', stage: { at: 1 } }, 's')).toBeNull();
		expect(
			readMessage({ ...base, type: 'stage', stage: { ...stage(), progress: { phase: 'x' } } }, 's')
		).toBeNull();
		expect(
			readMessage({ ...base, type: 'result', hash: 'h', summary: { nope: 1 } }, 's')
		).toBeNull();
		for (const junk of [null, undefined, 7, 'hello', [], {}])
			expect(readMessage(junk, 's')).toBeNull();
	});

	it('makes session ids of ten letters and digits', () => {
		expect(newSession()).toMatch(/^[0-9a-z]{10}$/);
		expect(newSession(() => 0)).toBe('0000000000');
	});

	it('shows a result once its stage names it, whichever comes first, and notes the presenter leaving', () => {
		const summary = simulate({ ...defaultScenario(), runs: 4, horizonMonths: 12 });
		let view = emptyView();
		view = applyToView(view, message('s', { type: 'result', hash: 'h1', summary }));
		expect(view.summary).toBeNull();
		view = applyToView(view, message('s', { type: 'stage', stage: stage({ resultHash: 'h1' }) }));
		expect(view.summary).toBe(summary);
		// A stage naming a result not yet sent waits for it.
		view = applyToView(view, message('s', { type: 'stage', stage: stage({ resultHash: 'h2' }) }));
		expect(view.summary).toBeNull();
		view = applyToView(view, message('s', { type: 'result', hash: 'h2', summary }));
		expect(view.summary).toBe(summary);
		view = applyToView(view, message('s', { type: 'bye', from: 'presenter' }));
		expect(view.presenterGone).toBe(true);
		view = applyToView(view, message('s', { type: 'hello', from: 'presenter' }));
		expect(view.presenterGone).toBe(false);
		// It keeps a dozen results at most.
		for (let i = 0; i < 20; i++)
			view = applyToView(view, message('s', { type: 'result', hash: `x${i}`, summary }));
		expect(view.results.size).toBe(12);
	});
});

describe('votes from the room', () => {
	it('keeps whole, non-negative hands per option', () => {
		expect(handsFrom('12')).toBe(12);
		expect(handsFrom(3.7)).toBe(3);
		expect(handsFrom(-2)).toBe(0);
		expect(handsFrom(Number.NaN)).toBe(0);
		expect(handsFrom('lots')).toBe(0);
		expect(handsFrom(1e9)).toBe(9999);
		const v = setHands(setHands(null, 2, 7), 5, 3);
		expect(v).toEqual([0, 7, 0, 0, 3]);
		expect(setHands(v, 9, 4)).toEqual(v);
		expect(totalHands(v)).toBe(10);
		expect(totalHands(null)).toBe(0);
	});

	it('are counted only before the reveal', () => {
		const p = recordHands(startProgress('collapse'), 2, 7);
		expect(p.votes).toEqual([0, 7, 0, 0, 0]);
		const shown = reveal(p);
		expect(recordHands(shown, 1, 4)).toBe(shown);
	});

	it('are set against the option holding the simulated answer', () => {
		const options = optionsFor('collapse');
		const right = rightOption('collapse', 0.12);
		expect(right.label).toBe('Unlikely');
		const t = tallyVotes([3, 9, 6, 2, 0], options, right);
		expect(t.total).toBe(20);
		expect(t.right).toBe(9);
		expect(t.rightShare).toBeCloseTo(0.45);
		expect(t.rows.filter((r) => r.isRight).map((r) => r.option.key)).toEqual([2]);
		expect(t.rows[2].share).toBeCloseTo(0.3);
		expect(t.words).toBe('9 of 20 hands (45%) on the simulated answer, unlikely.');
		expect(tallyVotes([0, 0, 0, 0, 0], options, right).words).toBe('No hands counted.');
	});
});

describe("the presenter's timer", () => {
	it('counts time per step over every visit, and in the whole session', () => {
		let t = startTimer(1000);
		t = enterStep(t, 'a', 1000);
		expect(stepElapsed(t, 61_000)).toBe(60_000);
		t = enterStep(t, 'b', 61_000);
		expect(stepElapsed(t, 91_000)).toBe(30_000);
		t = enterStep(t, 'a', 91_000);
		expect(stepElapsed(t, 101_000)).toBe(70_000);
		expect(enterStep(t, 'a', 200_000)).toBe(t);
		expect(totalElapsed(t, 101_000)).toBe(100_000);
		expect(clockText(65_000)).toBe('1:05');
		expect(clockText(3_725_000)).toBe('1:02:05');
		expect(clockText(-5)).toBe('0:00');
	});
});

const opened: Dexie[] = [];
const cleanup: (() => void)[] = [];
afterEach(async () => {
	for (const c of cleanup.splice(0)) c();
	for (const db of opened.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

function presenter(session: string, now = () => 0) {
	const db = new SlowTrustDb(freshName());
	opened.push(db);
	const stories = new Storylines(db);
	const engine = new SimEngine({
		createPool: () =>
			new SimPool({ createRunner: fakeRunners().factory, size: 2, targetChunkMs: 10 }),
		debounceMs: 5,
		previewRuns: 5
	});
	const ws = new WorkshopState({
		engine,
		storylines: () => stories,
		maxRuns: 20,
		previewRuns: 5,
		now
	});
	ws.reduceMotion = true;
	const windows: { closed: boolean; focus: () => void }[] = [];
	const link = new PresenterLink(ws, {
		session,
		pollMs: 20,
		openWindow: (url) => {
			expect(url).toBe(`/workshop/audience?session=${session}`);
			const w = { closed: false, focus: () => {} };
			windows.push(w);
			return w as OpenedWindow;
		}
	});
	link.connect();
	/** What the page's effects do in a browser: run the step, show its result, tell the audience. */
	const settle = async () => {
		ws.sync();
		await vi.waitFor(() => expect(engine.status).toBe('done'), { timeout: 20_000 });
		ws.receive();
		link.publish();
	};
	cleanup.push(() => {
		link.dispose();
		ws.dispose();
	});
	return { ws, link, engine, windows, settle };
}

function audience(session: string) {
	const a = new AudienceState(session, { answerMs: 50 });
	cleanup.push(() => a.dispose());
	return a;
}

// In Node, Svelte runs its server build, where effects do not run: the tests call what the
// page's effects call (`settle`, `link.publish`).
describe('a presenter and an audience window in step', () => {
	it('the audience follows steps, picks, votes and the reveal, and is sent the result', async () => {
		const session = newSession();
		const { ws, link, windows, settle } = presenter(session);
		await ws.openStory('default');
		link.open();
		expect(windows).toHaveLength(1);
		expect(ws.notesOpen).toBe(true);
		const a = audience(session);
		a.start();
		await vi.waitFor(() => expect(a.stage?.title).toBe("Today's typical contract"));
		expect(link.status).toBe('open');
		await settle();
		await vi.waitFor(() => expect(a.view.summary?.receipt.runs).toBe(20));
		expect(a.stage?.question).toBe('trustAtYear5');
		expect(a.stage?.resultHash).toBe(ws.shown?.receipt.scenarioHash);

		ws.pick(3);
		ws.setHands(3, 12);
		ws.setHands(4, 5);
		link.publish();
		await vi.waitFor(() => expect(a.stage?.progress.votes).toEqual([0, 0, 12, 5, 0]));
		expect(a.stage?.progress.pick).toBe(3);
		ws.reveal();
		link.publish();
		await vi.waitFor(() => expect(a.stage?.progress.phase).toBe('revealed'));
		// Reduced motion: the whole chart at once, on both screens.
		expect(a.playback?.month).toBe(120);

		ws.next();
		link.publish();
		await vi.waitFor(() => expect(a.stage?.at).toBe(1));
		expect(a.stage?.title).toBe('Consulting without acting');
		await settle();
		await vi.waitFor(() =>
			expect(a.view.summary?.receipt.scenarioHash).toBe(ws.shown?.receipt.scenarioHash)
		);

		ws.toggleBlank();
		link.publish();
		await vi.waitFor(() => expect(a.stage?.blank).toBe(true));
	});

	it("a clicker pointed at the audience's window drives the presenter", async () => {
		const session = newSession();
		const { ws, link } = presenter(session);
		await ws.openStory('default');
		const a = audience(session);
		a.start();
		await vi.waitFor(() => expect(a.stage).not.toBeNull());
		expect(link.status).toBe('open');
		expect(a.handleKey({ key: 'PageDown' }, null)).toBe(true);
		await vi.waitFor(() => expect(ws.progress.phase).toBe('revealed'));
		a.handleKey({ key: 'PageDown' }, null);
		await vi.waitFor(() => expect(ws.at).toBe(1));
		a.handleKey({ key: 'PageUp' }, null);
		await vi.waitFor(() => expect(ws.at).toBe(0));
		a.handleKey({ key: 'b' }, null);
		await vi.waitFor(() => expect(ws.blank).toBe(true));
		// Keys it does not pass on: predictions and notes stay with the presenter.
		expect(a.handleKey({ key: '3' }, null)).toBe(false);
		expect(a.handleKey({ key: 'n' }, null)).toBe(false);
	});

	it('a window opened late or reloaded catches up; closing either leaves the other usable', async () => {
		const session = newSession();
		const { ws, link, windows } = presenter(session);
		await ws.openStory('default');
		ws.next();
		ws.next();
		expect(ws.at).toBe(1);
		link.open();
		// Late: the audience opens at step 2... and reloads.
		const first = audience(session);
		first.start();
		await vi.waitFor(() => expect(first.stage?.at).toBe(1));
		first.dispose();
		await vi.waitFor(() => expect(link.status).toBe('closed'));
		const again = audience(session);
		again.start();
		await vi.waitFor(() => expect(again.stage?.at).toBe(1));
		expect(link.status).toBe('open');

		// The window closed by hand (no goodbye): the presenter notices, and still works. (A
		// browser's window.open with the window's name finds the open one again.)
		link.open();
		expect(windows).toHaveLength(2);
		windows[1].closed = true;
		await vi.waitFor(() => expect(link.status).toBe('closed'));
		ws.next();
		expect(ws.progress.phase).toBe('revealed');
		link.open();
		expect(windows).toHaveLength(3);

		// The presenter goes: the audience says so, and keeps the last step.
		link.dispose();
		await vi.waitFor(() => expect(again.alone).toBe(true));
		expect(again.stage?.at).toBe(1);
		expect(again.handleKey({ key: 'PageDown' }, null)).toBe(false);
	});

	it('an audience with no presenter says so', async () => {
		const a = audience(newSession());
		a.start();
		expect(a.alone).toBe(false);
		await vi.waitFor(() => expect(a.alone).toBe(true));
		expect(a.stage).toBeNull();
	});

	it('the presenter reloaded finds the audience window still open', async () => {
		const session = newSession();
		const a = audience(session);
		a.start();
		await vi.waitFor(() => expect(a.alone).toBe(true));
		const { ws, link } = presenter(session);
		await ws.openStory('default');
		await vi.waitFor(() => expect(link.status).toBe('open'));
		link.publish();
		await vi.waitFor(() => expect(a.stage?.title).toBe("Today's typical contract"));
		expect(a.alone).toBe(false);
	});

	it("the presenter's timer counts the step and the session", async () => {
		let clock = 0;
		const { ws } = presenter(newSession(), () => clock);
		await ws.openStory('default');
		clock = 30_000;
		ws.tickClock();
		expect(ws.stepTime).toBe(30_000);
		ws.next();
		ws.next();
		clock = 45_000;
		ws.tickClock();
		expect(ws.stepTime).toBe(15_000);
		expect(ws.totalTime).toBe(45_000);
		expect(ws.nextTitle).toBe('Short contracts, re-procured again and again');
	});
});
