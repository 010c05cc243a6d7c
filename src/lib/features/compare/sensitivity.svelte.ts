/**
 * One-at-a-time sensitivity in the worker pool: the baseline, then each lever at the low
 * and high end of its range. Every measure is kept per job, so changing the measure shown
 * needs no new run. The lifecycle (status, progress, cancel, error) is the engine's `Task`.
 */
import {
	MEASURES,
	sensitivityDesign,
	type MeasureKey,
	type SensitivityDesign
} from '$lib/analysis';
import { RowsRun } from '$lib/engine/rows-run.svelte';
import { setParam, type ParamSpec, type Scenario, type Summary } from '$lib/sim';

/** Every measure of a summary, by key. */
function readMeasures(summary: Summary): Record<MeasureKey, number> {
	const row = {} as Record<MeasureKey, number>;
	for (const m of MEASURES) row[m.key] = m.read(summary);
	return row;
}

export class SensitivityRun extends RowsRun<Record<MeasureKey, number>> {
	design = $state.raw<SensitivityDesign | null>(null);

	/** The values of one measure by job index, for `tornado`. */
	measure(key: MeasureKey): (number | undefined)[] {
		return this.values.map((v) => v?.[key]);
	}

	async run(base: Scenario, levers: readonly ParamSpec[], runs: number): Promise<void> {
		const design = sensitivityDesign(setParam(base, 'runs', runs), levers);
		this.design = design;
		await this.runRows(
			design.jobs.map((j) => j.scenario),
			readMeasures
		);
	}
}
