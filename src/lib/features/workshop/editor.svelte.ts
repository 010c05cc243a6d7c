/**
 * What the storyline editor knows and does: the storylines saved here and the user's own
 * scenarios, the storyline being edited and whether it has unsaved changes, and opening,
 * editing, saving, starting and deleting storylines.
 */
import type { ScenarioRecord, StorylineRecord } from '$lib/db/db';
import type { StorageResult } from '$lib/db/errors';
import { newId, type Library } from '$lib/db/library';
import { ensureLibrary } from '$lib/db/ready';
import {
	checkStoryline,
	type QuestionKind,
	type Step,
	type StepSource,
	type Storyline
} from '$lib/db/storyline';
import { storylines, type Storylines } from '$lib/db/storylines';
import { PRESETS, presetById } from '$lib/sim';
import {
	addStep,
	builtInStoryline,
	DEFAULT_STORYLINE_ID,
	defaultStoryline,
	isBuiltIn,
	moveStep,
	removeStep,
	renameStoryline,
	storylineChoices,
	updateStep
} from './storyline';

export interface StorylineEditorOptions {
	/** The stored storylines (default: the app's database). */
	storylines?: () => Storylines;
	/** The library, whose own scenarios can be steps (default: the app's). */
	openLibrary?: () => Promise<StorageResult<Pick<Library, 'listScenarios'>>>;
	/** Keeps the open storyline's id in the address (default: nothing). */
	showInAddress?: (id: string) => void;
}

export class StorylineEditorState {
	/** The storylines saved on this device. */
	stored = $state.raw<StorylineRecord[]>([]);
	/** The user's own scenarios (not the examples), which steps can show. */
	own = $state.raw<ScenarioRecord[]>([]);
	story = $state.raw<Storyline>(defaultStoryline());
	/** The storyline as last saved (or opened), to tell unsaved changes. */
	savedJson = $state('');
	/** What went wrong, in plain words. */
	message = $state<string | null>(null);
	status = $state('');
	/** The source of the next step to add: `preset:<id>` or `scenario:<id>`. */
	adding = $state(`preset:${PRESETS[0]?.id ?? ''}`);
	loaded = $state(false);

	readonly dirty = $derived(JSON.stringify(this.story) !== this.savedJson);
	/** Whether there are changes to save, once the page has loaded. */
	readonly unsaved = $derived(this.dirty && this.loaded);
	readonly isStored = $derived(this.stored.some((r) => r.id === this.story.id));
	/** The storylines to choose from: the built-in ones (stored or not) and every saved one. */
	readonly options = $derived(storylineChoices(this.stored));
	/** Whether the open storyline is one shipped with the app (perhaps edited here). */
	readonly builtIn = $derived(isBuiltIn(this.story.id));

	readonly #storylines: () => Storylines;
	readonly #openLibrary: () => Promise<StorageResult<Pick<Library, 'listScenarios'>>>;
	readonly #showInAddress: (id: string) => void;

	constructor(options: StorylineEditorOptions = {}) {
		this.#storylines = options.storylines ?? storylines;
		this.#openLibrary = options.openLibrary ?? ensureLibrary;
		this.#showInAddress = options.showInAddress ?? (() => {});
	}

	/** Reads the saved storylines and the user's scenarios, then opens storyline `id`. */
	async load(id: string): Promise<void> {
		await this.refresh();
		const lib = await this.#openLibrary();
		if (lib.ok) {
			const all = await lib.value.listScenarios();
			if (all.ok) this.own = all.value.filter((r) => !r.presetId);
		} else this.message = lib.error.message;
		this.open(id);
		this.loaded = true;
	}

	/** The name of a step's scenario, or why it is missing. */
	sourceName(source: StepSource): string {
		switch (source.kind) {
			case 'preset':
				return presetById(source.presetId)?.scenario.name ?? 'An example no longer shipped';
			case 'scenario':
				return (
					this.own.find((r) => r.id === source.scenarioId)?.name ??
					'A scenario no longer in your library'
				);
			default:
				return source satisfies never;
		}
	}

	sourceKind(step: Step): string {
		return step.source.kind === 'preset' ? 'Example' : 'Your scenario';
	}

	/**
	 * Opens a saved storyline, else the built-in one under `id`, else the default one.
	 */
	open(id: string): void {
		this.message = null;
		this.status = '';
		const r = this.stored.find((x) => x.id === id);
		const next: Storyline = r
			? { id: r.id, name: r.name, steps: structuredClone(r.steps) }
			: (builtInStoryline(id) ?? defaultStoryline());
		this.story = next;
		this.savedJson = JSON.stringify(next);
		this.#showInAddress(next.id);
	}

	async refresh(): Promise<void> {
		const r = await this.#storylines().list();
		if (r.ok) this.stored = r.value;
		else this.message = r.error.message;
	}

	/** Saves the storyline; true when it was saved. */
	async save(): Promise<boolean> {
		this.message = null;
		const checked = checkStoryline(this.story);
		if (!checked.ok) {
			this.message = checked.error.map((e) => e.message).join(' ');
			return false;
		}
		const r = await this.#storylines().save(checked.value);
		if (!r.ok) {
			this.message = r.error.message;
			return false;
		}
		this.story = { id: r.value.id, name: r.value.name, steps: r.value.steps };
		this.savedJson = JSON.stringify(this.story);
		this.#showInAddress(this.story.id);
		this.status = `Saved “${r.value.name}”.`;
		await this.refresh();
		return true;
	}

	/** A new storyline, starting from the default one's steps; not saved until `save`. */
	startNew(): void {
		const base = defaultStoryline();
		this.story = { ...base, id: newId(), name: 'My workshop' };
		this.savedJson = '';
		this.status = 'A new storyline, starting from the examples. Save it to keep it.';
		this.message = null;
	}

	/**
	 * Deletes the storyline (a built-in one goes back to as shipped, and stays open), then
	 * opens the default one.
	 */
	async remove(): Promise<void> {
		this.message = null;
		const id = this.story.id;
		const wasBuiltIn = isBuiltIn(id);
		const r = await this.#storylines().delete(id);
		if (!r.ok) {
			this.message = r.error.message;
			return;
		}
		await this.refresh();
		this.open(wasBuiltIn ? id : DEFAULT_STORYLINE_ID);
		this.status = wasBuiltIn
			? id === DEFAULT_STORYLINE_ID
				? 'The default storyline is back as it was shipped.'
				: `“${this.story.name}” is back as it was shipped.`
			: `Deleted “${r.value.name}”.`;
	}

	/** Adds a step showing the source in `adding`. */
	add(): void {
		const at = this.adding.indexOf(':');
		const [kind, id] = [this.adding.slice(0, at), this.adding.slice(at + 1)];
		if (!id) return;
		const source: StepSource =
			kind === 'preset' ? { kind: 'preset', presetId: id } : { kind: 'scenario', scenarioId: id };
		this.story = addStep(this.story, source);
	}

	rename(name: string): void {
		this.story = renameStoryline(this.story, name);
	}

	moveStep(stepId: string, delta: number): void {
		this.story = moveStep(this.story, stepId, delta);
	}

	removeStep(stepId: string): void {
		this.story = removeStep(this.story, stepId);
	}

	setQuestion(stepId: string, question: QuestionKind): void {
		this.story = updateStep(this.story, stepId, { question });
	}

	setNotes(stepId: string, notes: string): void {
		this.story = updateStep(this.story, stepId, { notes });
	}
}
