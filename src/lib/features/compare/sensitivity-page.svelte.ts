/**
 * What the sensitivity page knows and does: the scenario, the measure shown, the futures per
 * run and the groups of levers moved, and the one-at-a-time run with its tornado chart.
 */
import {
	ASSUMPTION_GROUPS,
	DEFAULT_MEASURE,
	LEVER_GROUPS,
	measureByKey,
	paramsIn,
	tornado,
	type MeasureKey
} from '$lib/analysis';
import type { SimPool } from '$lib/engine/pool';
import type { ParamGroup } from '$lib/sim';
import { AnalysisPage } from './analysis-page.svelte';
import { SensitivityRun } from './sensitivity.svelte';

/** The groups of parameters that may be moved: the levers, then the model's assumptions. */
export const SENSITIVITY_GROUPS = [...LEVER_GROUPS, ...ASSUMPTION_GROUPS];

export class SensitivityPage extends AnalysisPage {
	runs = $state(200);
	measureKey = $state<MeasureKey>(DEFAULT_MEASURE);
	/** The groups whose parameters are moved (the levers to start with). */
	groups = $state<ParamGroup[]>([...LEVER_GROUPS]);

	/** The analysis run (the base class's pool exists before this field is set). */
	readonly sens = new SensitivityRun(this.pool.get);

	readonly levers = $derived(paramsIn(this.groups));
	readonly measure = $derived(measureByKey(this.measureKey));
	/** The tornado chart of the measure shown, from the jobs run so far. */
	readonly chart = $derived(
		this.sens.design ? tornado(this.sens.design, this.sens.measure(this.measureKey)) : null
	);

	constructor(createPool?: () => SimPool) {
		super('preset-typical', createPool);
	}

	/** Runs the analysis on the chosen scenario, unless none is chosen. */
	start(): void {
		if (!this.record) return;
		void this.sens.run(this.record.scenario, this.levers, this.runs);
	}

	override dispose(): void {
		this.sens.cancel();
		super.dispose();
	}
}
