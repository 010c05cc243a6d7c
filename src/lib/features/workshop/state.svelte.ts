/**
 * What the workshop presenter knows and does: the open storyline and each step's scenario,
 * the step shown and its phase (predict, then revealed), the room's picks, the playback
 * clock, the quick levers, the facilitator's notes, the keys, and running the step's scenario
 * through the engine (with a cache, so going back to a step is instant).
 */
import { untrack } from 'svelte';
import { fanSummaryText } from '$lib/charts/fan';
import { headWords, latestEvent, timelineEvents } from '$lib/charts/timeline';
import type { StorylineRecord } from '$lib/db/db';
import type { StorageResult } from '$lib/db/errors';
import type { Library } from '$lib/db/library';
import { ensureLibrary } from '$lib/db/ready';
import { NOTES_MAX, type QuestionKind, type Step, type Storyline } from '$lib/db/storyline';
import { storylines, type Storylines } from '$lib/db/storylines';
import { SimEngine } from '$lib/engine/engine.svelte';
import { presetById, scenarioHash, type Scenario, type Summary } from '$lib/sim';
import type { Stage } from './channel';
import { actionFor, type FocusTarget, type KeyPress } from './keys';
import { withLevers, type LeverPath, type LeverValues } from './levers';
import {
	createPlayback,
	pause,
	scrub,
	setSpeed,
	startReveal,
	tick,
	toggle,
	withMonths,
	type Playback
} from './playback';
import {
	clampIndex,
	nextMove,
	previousIndex,
	recordHands,
	recordPick,
	reveal,
	startProgress,
	type StepProgress
} from './steps';
import { builtInStoryline, defaultStoryline, storylineChoices, updateStep } from './storyline';
import { enterStep, startTimer, stepElapsed, totalElapsed, type SessionTimer } from './timer';

/** Futures in the quick first look after a change (well under a second); the rest follow. */
const PREVIEW_RUNS = 50;
/**
 * At most this many futures per scenario on the presenter screen: a room reads a
 * probability to the nearest few points (about 2 points of error at 500), and a laptop in
 * a hall gets there in a few seconds.
 */
const PRESENTER_MAX_RUNS = 500;
/** Quiet time after typing in the notes before they are saved, in milliseconds. */
const NOTES_SAVE_MS = 500;

const FULLSCREEN_REFUSED =
	'This browser did not allow full screen here. Press F11 (on a Mac, Control+Command+F) to use the browser’s own full screen; the presenter already fills the window.';

export interface WorkshopOptions {
	/** The engine (default: Web Workers, a quick first look of 50 futures, 120 ms debounce). */
	engine?: SimEngine;
	/** The stored storylines (default: the app's database). */
	storylines?: () => Storylines;
	/** The library, for steps that show a scenario of the user's own (default: the app's). */
	openLibrary?: () => Promise<StorageResult<Pick<Library, 'getScenario'>>>;
	/** Keeps the open storyline's id in the address (default: nothing). */
	showInAddress?: (id: string) => void;
	/** The clock for the presenter's timer, in milliseconds (default: Date.now). */
	now?: () => number;
	/** At most this many futures per scenario (default 500). */
	maxRuns?: number;
	/** Futures in the quick first look when a step opens (default 50). */
	previewRuns?: number;
}

export class WorkshopState {
	readonly engine: SimEngine;

	story = $state.raw<Storyline>(defaultStoryline());
	#playback = $state.raw<Playback>(createPlayback(120));
	/**
	 * The playback as last set by the presenter (played, paused, scrubbed, a new step), not
	 * moved on by each frame: what the audience's window is told, so that it is told only
	 * when something changes.
	 */
	#announced = $state.raw<Playback>(createPlayback(120));
	get playback(): Playback {
		return this.#playback;
	}
	set playback(p: Playback) {
		this.#playback = p;
		this.#announced = p;
	}
	/** The result on screen: the step's (with its levers), or null while the first is coming. */
	shown = $state.raw<Summary | null>(null);
	helpOpen = $state(false);
	notesOpen = $state(false);
	fullscreen = $state(false);
	notice = $state<string | null>(null);
	saveStatus = $state('');
	/** The room's screen blanked (a clicker's B): the audience's window shows nothing. */
	blank = $state(false);
	/** The presenter's timer and the time it was last read (moved on each second by the page). */
	timer = $state.raw<SessionTimer>(startTimer(0));
	now = $state(0);
	/** Whether the whole chart shows at once on Reveal rather than playing. */
	reduceMotion = false;

	/** The storylines saved on this device. */
	#stored = $state.raw<StorylineRecord[]>([]);
	#index = $state(0);
	#progressById = $state.raw<Record<string, StepProgress>>({});
	#leversById = $state.raw<Record<string, LeverValues>>({});
	/** Each step's scenario, or a message saying why it cannot be shown. */
	#resolved = $state.raw<Record<string, Scenario | string>>({});

	// Cheap reads are getters (reactive all the same); what is costly, or drives an effect or
	// a list, is derived once per change.
	get count(): number {
		return this.story.steps.length;
	}
	/** The index of the step shown. */
	get at(): number {
		return clampIndex(this.#index, this.count);
	}
	get step(): Step | undefined {
		return this.story.steps[this.at];
	}
	get #base(): Scenario | string | undefined {
		return this.step ? this.#resolved[this.step.id] : undefined;
	}
	/** The step's scenario as written, before any lever. */
	get baseScenario(): Scenario | null {
		const base = this.#base;
		return typeof base === 'object' ? base : null;
	}
	/** Why the step's scenario cannot be shown, if it cannot. */
	get problem(): string | null {
		const base = this.#base;
		return typeof base === 'string' ? base : null;
	}
	get levers(): LeverValues {
		return this.step ? (this.#leversById[this.step.id] ?? {}) : {};
	}
	/** The scenario run: the step's, with its levers, capped to the presenter's futures. */
	readonly scenario = $derived.by(() => {
		if (!this.baseScenario) return null;
		const s = withLevers(this.baseScenario, this.levers);
		return s.runs > this.#maxRuns ? { ...s, runs: this.#maxRuns } : s;
	});
	readonly progress = $derived<StepProgress>(
		this.step
			? (this.#progressById[this.step.id] ?? startProgress(this.step.question))
			: startProgress('none')
	);
	get question(): Exclude<QuestionKind, 'none'> | null {
		const q = this.step?.question;
		return q && q !== 'none' ? q : null;
	}
	/** Whether the result shown is a first look of a few futures. */
	get preview(): boolean {
		return !!this.shown && !!this.scenario && this.shown.receipt.runs < this.scenario.runs;
	}
	readonly playing = $derived(this.playback.playing);
	/** The playback head in words. */
	get headText(): string {
		return this.shown
			? headWords(this.shown, this.playback.month)
			: `Month 0 of ${this.playback.months}`;
	}
	readonly #events = $derived(this.shown ? timelineEvents(this.shown) : []);
	/** The latest contract event by the playback head, in words. */
	get eventText(): string {
		return latestEvent(this.#events, this.playback.month)?.words ?? '';
	}
	/** The chart in words. */
	readonly description = $derived(this.shown ? fanSummaryText(this.shown) : '');
	get statusText(): string {
		if (this.problem) return '';
		const engine = this.engine;
		if (engine.status === 'error') return engine.error ?? 'The simulation failed.';
		const shown = this.shown;
		const p = engine.progress;
		if (!shown)
			return p
				? `Simulating futures: ${p.runsDone.toLocaleString('en-GB')} of ${p.runsTotal.toLocaleString('en-GB')}`
				: 'Simulating futures…';
		if ((engine.status === 'running' || engine.status === 'preview') && p)
			return `First look from ${shown.receipt.runs.toLocaleString('en-GB')} futures; refining: ${p.runsDone.toLocaleString('en-GB')} of ${p.runsTotal.toLocaleString('en-GB')}`;
		return `${shown.receipt.runs.toLocaleString('en-GB')} simulated futures`;
	}
	get title(): string {
		return this.baseScenario?.name ?? (this.problem ? 'Scenario missing' : 'Loading…');
	}
	/** The storylines to choose from: the built-in ones (stored or not) and every saved one. */
	readonly storyOptions = $derived(storylineChoices(this.#stored));
	/** The next step's title, for the presenter (null at the last step). */
	get nextTitle(): string | null {
		const next = this.story.steps[this.at + 1];
		if (!next) return null;
		const s = this.#resolved[next.id];
		return typeof s === 'object' ? s.name : 'Scenario missing';
	}
	/** Time on this step (over all its visits) and in the whole session, in milliseconds. */
	get stepTime(): number {
		return stepElapsed(this.timer, this.now);
	}
	get totalTime(): number {
		return totalElapsed(this.timer, this.now);
	}
	/** What the audience's window shows, as of now (its playback as last set, not per frame). */
	readonly stage = $derived<Stage>({
		storyId: this.story.id,
		storyName: this.story.name,
		at: this.at,
		count: this.count,
		title: this.title,
		scenario: this.scenario,
		problem: this.problem,
		question: this.step?.question ?? 'none',
		progress: this.progress,
		playback: this.#announced,
		resultHash: this.shown?.receipt.scenarioHash ?? null,
		preview: this.preview,
		blank: this.blank
	});

	readonly #storylines: () => Storylines;
	readonly #openLibrary: () => Promise<StorageResult<Pick<Library, 'getScenario'>>>;
	readonly #showInAddress: (id: string) => void;
	readonly #now: () => number;
	readonly #maxRuns: number;
	readonly #previewRuns: number;
	// Results by scenario hash, so going back to a step (or a lever position) is instant.
	// Not reactive on purpose: a lookup, never drawn.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly #cache = new Map<string, Summary>();
	#wantHash = '';
	#lastStepId: string | null = null;
	#saveTimer: ReturnType<typeof setTimeout> | null = null;
	#disconnect: (() => void) | null = null;

	constructor(options: WorkshopOptions = {}) {
		this.#previewRuns = options.previewRuns ?? PREVIEW_RUNS;
		this.#maxRuns = options.maxRuns ?? PRESENTER_MAX_RUNS;
		this.engine =
			options.engine ?? new SimEngine({ previewRuns: this.#previewRuns, debounceMs: 120 });
		this.#storylines = options.storylines ?? storylines;
		this.#openLibrary = options.openLibrary ?? ensureLibrary;
		this.#showInAddress = options.showInAddress ?? (() => {});
		this.#now = options.now ?? Date.now;
		this.now = this.#now();
		this.timer = startTimer(this.now);
	}

	/** Reads the clock again (the page calls it each second), moving the timer on. */
	tickClock(): void {
		this.now = this.#now();
	}

	#enterTimer(): void {
		this.now = this.#now();
		if (this.step) this.timer = enterStep(this.timer, this.step.id, this.now);
	}

	/**
	 * Runs the step's scenario whenever it changes, shows the engine's results as they come,
	 * and keeps the playback's horizon to the scenario shown. Call once from the component
	 * that shows the presenter; `dispose` undoes it.
	 */
	connect(): void {
		this.#disconnect?.();
		this.#disconnect = $effect.root(() => {
			$effect(() => {
				void this.scenario;
				void this.step?.id;
				untrack(() => this.sync());
			});
			$effect(() => {
				void this.engine.summary;
				untrack(() => this.receive());
			});
			$effect(() => {
				const months = this.shown?.months ?? this.scenario?.horizonMonths;
				if (months) untrack(() => (this.playback = withMonths(this.playback, months)));
			});
		});
	}

	/**
	 * Runs the step's scenario (with its levers) unless it is the one already wanted: from the
	 * cache when it holds the whole result, else at once for a new step, or once a lever being
	 * dragged settles. `connect` calls it whenever the step or its levers change.
	 */
	sync(): void {
		const s = this.scenario;
		const stepId = this.step?.id;
		if (!s || !stepId) return;
		const hash = scenarioHash(s);
		// The same scenario again (say, after a note was edited): the job under way carries on.
		if (hash === this.#wantHash && stepId === this.#lastStepId) return;
		this.#wantHash = hash;
		const sameStep = stepId === this.#lastStepId;
		this.#lastStepId = stepId;
		const cached = this.#cache.get(hash);
		if (cached) this.shown = cached;
		else if (!sameStep) this.shown = null;
		if (cached && cached.receipt.runs >= s.runs) {
			this.engine.cancel();
			return;
		}
		// A new step starts at once; a lever being dragged waits for it to settle.
		if (sameStep) void this.engine.request(s);
		else void this.engine.run(s, this.#previewRuns);
	}

	/** Shows the engine's result if it is the one wanted; `connect` calls it on each new one. */
	receive(): void {
		const summary = this.engine.summary;
		if (summary && summary.receipt.scenarioHash === this.#wantHash) {
			this.shown = summary;
			// Keep the best result so far (a first look, then the full one) for a return visit.
			const kept = this.#cache.get(this.#wantHash);
			if (!kept || kept.receipt.runs < summary.receipt.runs)
				this.#cache.set(this.#wantHash, summary);
		}
	}

	/** Moves the playback clock on by `elapsedMs` (from animation frames), once a result shows. */
	advance(elapsedMs: number): void {
		if (this.shown) this.#playback = tick(this.#playback, elapsedMs);
	}

	#setProgress(p: StepProgress): void {
		if (this.step) this.#progressById = { ...this.#progressById, [this.step.id]: p };
	}

	/** Shows a step: revealed steps show the whole chart, others wait for the room. */
	goTo(i: number): void {
		const next = clampIndex(i, this.count);
		if (next === this.at && this.story.steps[next]) return;
		this.#index = next;
		const s = this.story.steps[next];
		if (!s) return;
		this.#enterTimer();
		const p = this.#progressById[s.id] ?? startProgress(s.question);
		const fresh = !this.#progressById[s.id];
		if (fresh) this.#progressById = { ...this.#progressById, [s.id]: p };
		if (p.phase === 'revealed')
			this.playback = fresh
				? startReveal(this.playback, this.reduceMotion)
				: scrub(this.playback, this.playback.months);
		else this.playback = scrub(this.playback, 0);
	}

	previous(): void {
		this.goTo(previousIndex(this.at));
	}

	/** Reveals the simulated answer and starts drawing the chart. */
	reveal(): void {
		if (this.progress.phase === 'revealed') return;
		this.#setProgress(reveal(this.progress));
		this.playback = startReveal(this.playback, this.reduceMotion);
	}

	/** "Next": reveals the step's answer first, then moves on. */
	next(): void {
		// A step whose scenario cannot be shown has nothing to reveal.
		const move = nextMove(this.at, this.count, this.problem ? 'revealed' : this.progress.phase);
		switch (move.type) {
			case 'reveal':
				this.reveal();
				break;
			case 'go':
				this.goTo(move.index);
				break;
			case 'stay':
				break;
			default:
				move satisfies never;
		}
	}

	/** Records the room's prediction (the same option again clears it). */
	pick(option: number): void {
		this.#setProgress(recordPick(this.progress, option));
	}

	/** Records the hands raised in the room for one option. */
	setHands(option: number, hands: number): void {
		this.#setProgress(recordHands(this.progress, option, hands));
	}

	/** Blanks the room's screen, or shows it again. */
	toggleBlank(): void {
		this.blank = !this.blank;
	}

	togglePlay(): void {
		if (this.progress.phase === 'predict') this.reveal();
		else this.playback = toggle(this.playback);
	}

	/** Jumps the playback to a month, pausing it. */
	scrubTo(month: number): void {
		this.playback = scrub(pause(this.playback), month);
	}

	setSpeed(speed: number): void {
		this.playback = setSpeed(this.playback, speed);
	}

	setLever(path: LeverPath, value: number): void {
		if (!this.step) return;
		this.#leversById = { ...this.#leversById, [this.step.id]: { ...this.levers, [path]: value } };
	}

	resetLevers(): void {
		if (this.step) this.#leversById = { ...this.#leversById, [this.step.id]: {} };
	}

	toggleNotes(): void {
		this.notesOpen = !this.notesOpen;
	}

	openHelp(): void {
		this.helpOpen = true;
	}

	dismissNotice(): void {
		this.notice = null;
	}

	async toggleFullscreen(): Promise<void> {
		this.notice = null;
		if (document.fullscreenElement) {
			await document.exitFullscreen().catch(() => undefined);
			return;
		}
		if (!document.fullscreenEnabled || !document.documentElement.requestFullscreen) {
			this.notice = FULLSCREEN_REFUSED;
			return;
		}
		try {
			await document.documentElement.requestFullscreen();
		} catch {
			this.notice = FULLSCREEN_REFUSED;
		}
	}

	/**
	 * Acts on a key press anywhere on the presenter; true when the key was used (and so its
	 * default should be prevented). While the list of keys is open, only ? and H (to close it).
	 */
	handleKey(e: KeyPress, target: FocusTarget | null): boolean {
		if (this.helpOpen) {
			if (e.key === '?' || e.key === 'h' || e.key === 'H') {
				this.helpOpen = false;
				return true;
			}
			return false;
		}
		const action = actionFor(e, target);
		if (!action) return false;
		switch (action.type) {
			case 'next':
				this.next();
				break;
			case 'previous':
				this.previous();
				break;
			case 'playPause':
				this.togglePlay();
				break;
			case 'reveal':
				this.reveal();
				break;
			case 'fullscreen':
				void this.toggleFullscreen();
				break;
			case 'help':
				this.openHelp();
				break;
			case 'notes':
				this.toggleNotes();
				break;
			case 'blank':
				this.toggleBlank();
				break;
			case 'pick':
				this.pick(action.option);
				break;
			default:
				action satisfies never;
		}
		return true;
	}

	/** Changes the step's notes; they are saved with the storyline a moment after typing stops. */
	editNotes(value: string): void {
		if (!this.step) return;
		this.story = updateStep(this.story, this.step.id, { notes: value.slice(0, NOTES_MAX) });
		this.saveStatus = 'Saving…';
		if (this.#saveTimer) clearTimeout(this.#saveTimer);
		this.#saveTimer = setTimeout(() => void this.saveStory(), NOTES_SAVE_MS);
	}

	async saveStory(): Promise<void> {
		this.#saveTimer = null;
		const r = await this.#storylines().save(this.story);
		this.saveStatus = r.ok ? 'Notes saved' : r.error.message;
		if (r.ok) await this.loadStoredList();
	}

	async loadStoredList(): Promise<void> {
		const r = await this.#storylines().list();
		this.#stored = r.ok ? r.value : [];
	}

	async #resolveSteps(s: Storyline): Promise<void> {
		const out: Record<string, Scenario | string> = {};
		const needLibrary = s.steps.some((x) => x.source.kind === 'scenario');
		const lib = needLibrary ? await this.#openLibrary() : null;
		for (const x of s.steps) {
			switch (x.source.kind) {
				case 'preset':
					out[x.id] =
						presetById(x.source.presetId)?.scenario ??
						'This example is not in this version of Slow Trust. Skip to the next step.';
					break;
				case 'scenario': {
					if (!lib || !lib.ok) {
						out[x.id] = lib?.error.message ?? 'The library could not be opened.';
						break;
					}
					const r = await lib.value.getScenario(x.source.scenarioId);
					out[x.id] = r.ok
						? r.value.scenario
						: 'This scenario is no longer in your library. Skip to the next step, or edit the storyline.';
					break;
				}
				default:
					x.source satisfies never;
			}
		}
		this.#resolved = out;
	}

	/**
	 * Opens a storyline (a saved one, else a built-in one; the default one when `id` is
	 * neither) at its first step, or at step `at` (0-based).
	 */
	async openStory(id: string, at = 0): Promise<void> {
		let next = builtInStoryline(id) ?? defaultStoryline();
		const r = await this.#storylines().get(id);
		if (r.ok) next = { id: r.value.id, name: r.value.name, steps: r.value.steps };
		else if (!builtInStoryline(id))
			this.notice = `${r.error.message} Showing the default storyline instead.`;
		this.story = next;
		this.#progressById = {};
		this.#leversById = {};
		this.#lastStepId = null;
		this.#index = 0;
		this.playback = scrub(this.playback, 0);
		await this.#resolveSteps(next);
		const start = clampIndex(at, next.steps.length);
		const first = next.steps[start];
		this.#index = start;
		this.#enterTimer();
		if (first && first.question === 'none') {
			this.#progressById = { [first.id]: startProgress('none') };
			this.playback = startReveal(this.playback, this.reduceMotion);
		}
	}

	/** Opens another storyline, keeping its id in the address. */
	async switchStory(id: string): Promise<void> {
		this.#showInAddress(id);
		await this.openStory(id);
	}

	/** Stops the engine and the effects of `connect`; saves notes still waiting to be saved. */
	dispose(): void {
		this.#disconnect?.();
		this.#disconnect = null;
		if (this.#saveTimer) {
			clearTimeout(this.#saveTimer);
			void this.saveStory();
		}
		this.engine.dispose();
	}
}
