/**
 * What the sensitivity page knows and does: the scenario, the measure shown, the futures per
 * run and the groups of levers moved, and the one-at-a-time run with its tornado chart.
 */
import {
	ASSUMPTION_GROUPS,
	DEFAULT_MEASURE,
	formatParam,
	LEVER_GROUPS,
	measureByKey,
	paramsIn,
	tornado,
	type MeasureKey
} from '$lib/analysis';
import { fmtPct, fmtScore, inSentence } from '$lib/charts/format';
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
	/**
	 * Beside a chance, the level of trust it is a threshold of: the baseline's median trust in the
	 * final year and the lever that moves it most, in a sentence, so that a chance of 0% with every
	 * lever is never all that is said; with whether no lever moves the chance at all. Null for a
	 * measure that is not a chance, or before the baseline has run.
	 */
	readonly beside = $derived.by(() => {
		const design = this.sens.design;
		const chart = this.chart;
		if (!design || !chart || this.measure.kind !== 'probability') return null;
		const trust = tornado(design, this.sens.measure('medianFinalTrust'));
		if (!trust) return null;
		const still = chart.bars.length > 0 && chart.bars.every((b) => b.swing === 0);
		const top = trust.bars[0];
		const moves =
			top && top.swing > 0
				? `; ${inSentence(top.spec.label)} moves it most, from ${fmtScore(top.atLow)} at ${formatParam(top.spec, top.low)} to ${fmtScore(top.atHigh)} at ${formatParam(top.spec, top.high)}`
				: '';
		const lead = still
			? `No lever moves this chance from ${fmtPct(chart.baseline)} at either end of its range. `
			: '';
		return {
			still,
			text: `${lead}Beside it, median trust in the final year is ${fmtScore(trust.baseline)} at the baseline${moves}.`
		};
	});

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
