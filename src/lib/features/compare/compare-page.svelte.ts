/**
 * What the comparison page knows and does: the library's scenarios and saved comparisons,
 * the two to four chosen, the number of futures, the run on common random numbers, and
 * saving or reopening a comparison by name. The page's components read it and call it.
 */
import type { ComparisonRecord, ScenarioRecord } from '$lib/db/db';
import type { Library } from '$lib/db/library';
import { ensureLibrary } from '$lib/db/ready';
import type { SimPool } from '$lib/engine/pool';
import { ComparisonRun } from '$lib/engine/comparison.svelte';
import { PagePool } from './page-pool';

/** Most scenarios compared at once. */
export const MAX_COMPARED = 4;
/** The choices of futures per scenario. */
export const RUN_CHOICES = [100, 200, 500, 1000, 2000];

export interface ComparePageOptions {
	/**
	 * Shows the comparison with this id in the address: `replace` swaps the current entry
	 * (after saving) rather than adding one (after opening a saved comparison).
	 */
	navigate: (id: string, replace: boolean) => Promise<void>;
	/** The worker pool (default: Web Workers, created on first run). */
	createPool?: () => SimPool;
}

export class ComparePage {
	records = $state.raw<ScenarioRecord[]>([]);
	comparisons = $state.raw<ComparisonRecord[]>([]);
	/** Ids of the chosen scenarios, in the order chosen (A, B, …). */
	selected = $state<string[]>([]);
	runs = $state(500);
	/** Whether every scenario runs with fixed or with uncertain assumptions. */
	assumptions = $state<'fixed' | 'uncertain'>('fixed');
	loading = $state(true);
	/** A message for the person about the library or the comparison opened. */
	message = $state<string | null>(null);
	saved = $state.raw<ComparisonRecord | null>(null);
	saveName = $state('');
	saveMessage = $state<string | null>(null);
	/** The saved comparison chosen to open. */
	openId = $state('');
	/** Names of the scenarios as they were when the comparison ran. */
	ranNames = $state.raw<string[]>([]);
	/**
	 * The comparison report of what last ran (the same scenarios, futures and assumptions),
	 * as an address query; null before a run.
	 */
	reportQuery = $state<string | null>(null);

	readonly run: ComparisonRun;

	// Rebuilt whenever the records change, never mutated: a plain Map is enough.
	// eslint-disable-next-line svelte/prefer-svelte-reactivity
	readonly byId = $derived(new Map(this.records.map((r) => [r.id, r])));
	readonly chosen = $derived(
		this.selected.map((id) => this.byId.get(id)).filter((r): r is ScenarioRecord => !!r)
	);
	readonly canRun = $derived(this.chosen.length >= 2 && this.chosen.length <= MAX_COMPARED);
	/** The seed every scenario runs on: the first chosen one's. */
	readonly commonSeed = $derived(this.chosen[0]?.scenario.seed ?? 0);

	#lib: Library | null = null;
	readonly #pool: PagePool;
	readonly #navigate: ComparePageOptions['navigate'];

	constructor(options: ComparePageOptions) {
		this.#navigate = options.navigate;
		this.#pool = new PagePool(options.createPool);
		this.run = new ComparisonRun(this.#pool.get);
	}

	/**
	 * Opens the library, then what the address asks for: a saved comparison (`id`) or a list
	 * of scenarios (`scenarios`, comma-separated), run at once when there are two or more.
	 */
	async open(params: URLSearchParams): Promise<void> {
		// The workers load while the library opens.
		this.#pool.warm();
		const opened = await ensureLibrary();
		if (!opened.ok) {
			this.message = opened.error.message;
			this.loading = false;
			return;
		}
		this.#lib = opened.value;
		await this.refresh();
		this.loading = false;
		// The model compiled before the first run, so its first look comes quickly.
		this.#pool.warm(this.records[0]?.scenario);
		const id = params.get('id');
		const list = params.get('scenarios');
		if (id) await this.openComparison(id);
		else if (list) {
			this.selected = list
				.split(',')
				.filter((x) => this.byId.has(x))
				.slice(0, MAX_COMPARED);
			if (this.selected.length >= 2) await this.start();
		}
	}

	/** Stops the run and the workers. */
	dispose(): void {
		this.run.cancel();
		this.#pool.terminate();
	}

	async refresh(): Promise<void> {
		const lib = this.#lib;
		if (!lib) return;
		const [s, c] = await Promise.all([lib.listScenarios(), lib.listComparisons()]);
		if (s.ok) this.records = s.value;
		else this.message = s.error.message;
		if (c.ok) this.comparisons = c.value;
	}

	async openComparison(id: string): Promise<void> {
		const lib = this.#lib;
		if (!lib) return;
		const c = await lib.getComparison(id);
		if (!c.ok) {
			this.message = `${c.error.message} It may have been deleted.`;
			return;
		}
		this.saved = c.value;
		this.saveName = c.value.name;
		const present = c.value.scenarioIds.filter((x) => this.byId.has(x));
		this.selected = present.slice(0, MAX_COMPARED);
		this.message =
			present.length < c.value.scenarioIds.length
				? 'Some scenarios of this comparison are no longer in the library.'
				: c.value.scenarioIds.length > MAX_COMPARED
					? `This comparison holds ${c.value.scenarioIds.length} scenarios; the first ${MAX_COMPARED} are shown.`
					: null;
		if (this.selected.length >= 2) await this.start();
	}

	/** Adds a scenario to the comparison (while fewer than the most) or takes it out. */
	toggle(id: string, on: boolean): void {
		if (on) {
			if (!this.selected.includes(id) && this.selected.length < MAX_COMPARED)
				this.selected = [...this.selected, id];
		} else this.selected = this.selected.filter((x) => x !== id);
	}

	async start(): Promise<void> {
		if (!this.canRun) return;
		this.ranNames = this.chosen.map((r) => r.name);
		const ids = encodeURIComponent(this.chosen.map((r) => r.id).join(','));
		this.reportQuery = `scenarios=${ids}&runs=${this.runs}&assumptions=${this.assumptions}`;
		await this.run.run(
			this.chosen.map((r) => r.scenario),
			this.commonSeed,
			this.runs,
			this.assumptions
		);
	}

	/** Saves the chosen scenarios under the name given (as a change when the name is kept). */
	async save(): Promise<void> {
		const lib = this.#lib;
		if (!lib) return;
		this.saveMessage = null;
		const name = this.saveName.trim();
		const saved = this.saved;
		const result =
			saved && saved.name === name
				? await lib.updateComparison(saved.id, { scenarioIds: this.selected })
				: await lib.createComparison(name, this.selected);
		if (!result.ok) {
			this.saveMessage = result.error.message;
			return;
		}
		this.saved = result.value;
		this.saveMessage = `Saved “${result.value.name}”.`;
		await this.refresh();
		await this.#navigate(result.value.id, true);
	}

	async openSaved(): Promise<void> {
		const id = this.openId;
		if (!id) return;
		await this.#navigate(id, false);
		await this.openComparison(id);
	}
}
