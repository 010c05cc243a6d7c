/**
 * Shared helpers for the model's unit tests: scenario tweaks, per-run traces (read from the
 * run context, so paired and per-run statistics are exact) and small statistics.
 */
import {
	MetricIndex,
	presetById,
	SeriesIndex,
	setParam,
	type MetricKey,
	type Scenario,
	type SeriesKey
} from '$lib/sim';
import { createRunContext, simulateRun } from '$lib/sim/run';

/** The event-rate parameters; setting them all to 0 leaves a world without shocks. */
export const EVENT_PATHS = [
	'events.staffLeavingPerYear',
	'events.partnerLeavingPerYear',
	'events.systemBrokenPromisePerYear',
	'events.badPressPerYear',
	'events.fundingCutPerYear'
] as const;

/** A preset's scenario, failing loudly if the id is unknown. */
export function preset(id: string): Scenario {
	const p = presetById(id);
	if (!p) throw new Error(`No preset "${id}"`);
	return p.scenario;
}

/** Applies several parameter changes by dotted path. */
export function withParams(s: Scenario, changes: Record<string, number>): Scenario {
	let out = s;
	for (const [path, value] of Object.entries(changes)) out = setParam(out, path, value);
	return out;
}

/** Sets every event rate to 0. */
export function withoutEvents(s: Scenario): Scenario {
	return withParams(s, Object.fromEntries(EVENT_PATHS.map((p) => [p, 0])));
}

/** Sets the same starting trust for every segment. */
export function withInitialTrust(s: Scenario, value: number): Scenario {
	const out = structuredClone(s);
	for (const g of out.community.segments) g.initialTrust = value;
	return out;
}

/** Every run's monthly trace, end metrics and timeline flags. */
export interface Traces {
	months: number;
	runs: number;
	/** series[key][run][month] */
	series(key: SeriesKey): number[][];
	/** metric(key)[run] */
	metric(key: MetricKey): number[];
	/** Whether run `run` changed provider in month `month`. */
	providerChange(run: number, month: number): boolean;
}

/** Simulates runs 0..runs-1 of a scenario and keeps each run's trace. */
export function traces(s: Scenario, runs: number): Traces {
	const ctx = createRunContext(s);
	const months = s.horizonMonths;
	const trace: Float64Array[] = [];
	const metrics: Float64Array[] = [];
	const timelines: Uint8Array[] = [];
	for (let r = 0; r < runs; r++) {
		simulateRun(ctx, r);
		trace.push(ctx.trace.slice());
		metrics.push(ctx.metrics.slice());
		timelines.push(ctx.timeline.slice());
	}
	return {
		months,
		runs,
		series(key) {
			const i = SeriesIndex[key];
			return trace.map((t) => Array.from(t.subarray(i * months, (i + 1) * months)));
		},
		metric(key) {
			return metrics.map((m) => m[MetricIndex[key]]);
		},
		providerChange(run, month) {
			// Timeline flag 1 is providerChange (outputs.ts TIMELINE).
			return timelines[run][1 * months + month] === 1;
		}
	};
}

export function mean(xs: readonly number[]): number {
	return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample variance (n - 1). */
export function variance(xs: readonly number[]): number {
	const m = mean(xs);
	return xs.reduce((a, b) => a + (b - m) ** 2, 0) / (xs.length - 1);
}

/** Monte Carlo standard error of the mean. */
export function se(xs: readonly number[]): number {
	return Math.sqrt(variance(xs) / xs.length);
}

/** Element-wise a - b. */
export function diff(a: readonly number[], b: readonly number[]): number[] {
	return a.map((x, i) => x - b[i]);
}

/** Standard error of a difference of two independent estimates. */
export function seOfDifference(seA: number, seB: number): number {
	return Math.sqrt(seA * seA + seB * seB);
}

/** Each run's value in one month. */
export function at(series: number[][], month: number): number[] {
	return series.map((run) => run[month]);
}

/** Each run's mean over all months. */
export function timeAverage(series: number[][]): number[] {
	return series.map((run) => mean(run));
}
