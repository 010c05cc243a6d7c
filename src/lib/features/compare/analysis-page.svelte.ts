/**
 * What the sweep and sensitivity pages share: the library's scenarios, the one chosen (from
 * the address, else a default example), a message about it, and the page's worker pool.
 */
import type { ScenarioRecord } from '$lib/db/db';
import type { SimPool } from '$lib/engine/pool';
import { chooseScenario } from './choose';
import { PagePool } from './page-pool';

export class AnalysisPage {
	records = $state.raw<ScenarioRecord[]>([]);
	/** The chosen scenario's id ('' while none). */
	scenarioId = $state('');
	/** A message for the person: the library could not be read, or the asked-for one is gone. */
	message = $state<string | null>(null);
	/** The chosen scenario's record, once the library is open. */
	readonly record = $derived(this.records.find((r) => r.id === this.scenarioId) ?? null);

	protected readonly pool: PagePool;
	readonly #fallbackId: string;

	constructor(fallbackId: string, createPool?: () => SimPool) {
		this.#fallbackId = fallbackId;
		this.pool = new PagePool(createPool);
	}

	/** Opens the library and chooses the scenario `wanted` (an id from the address) or the default. */
	async open(wanted: string | null): Promise<void> {
		const choice = await chooseScenario(wanted, this.#fallbackId);
		this.records = choice.records;
		this.scenarioId = choice.scenarioId;
		this.message = choice.message;
	}

	/** Stops the workers (subclasses cancel their runs first). */
	dispose(): void {
		this.pool.terminate();
	}
}
