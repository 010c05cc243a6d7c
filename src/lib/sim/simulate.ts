/**
 * The model's entry points: simulate a range of runs into a mergeable accumulator, and the
 * whole scenario into a summary. Pure and synchronous; a worker, a test or the CLI calls these.
 */
import { RUN_VALUE_COUNT } from './outputs';
import { createRunContext, simulateRun, useFuture } from './run';
import { AssumptionDraws, usesPlainAssumptions } from './uncertainty';
import {
	emptyAccumulator,
	addRunSeries,
	attachRunMetrics,
	finalizeSummary,
	trimRaw,
	mergeAccumulators,
	mergeInto,
	type Accumulator,
	type Summary
} from './summary';
import type { Scenario } from './scenario';

/**
 * Simulates runs [start, start + count) of a (valid) scenario, each with its own assumptions
 * when the scenario says so (see uncertainty.ts). `onRun` is called after each
 * run, e.g. for progress; returning false stops early (the accumulator then holds fewer runs).
 */
export function simulateRuns(
	s: Scenario,
	start: number,
	count: number,
	onRun?: (done: number) => boolean | void
): Accumulator {
	const acc = emptyAccumulator(s, count);
	const ctx = createRunContext(s);
	// Pins, or assumptions drawn future by future (uncertainty.ts).
	const draws = usesPlainAssumptions(s) ? null : new AssumptionDraws(s);
	const metrics = new Float64Array(count * RUN_VALUE_COUNT);
	let done = 0;
	while (done < count) {
		if (draws) useFuture(ctx, draws.at(start + done));
		simulateRun(ctx, start + done);
		addRunSeries(acc, ctx);
		metrics.set(ctx.metrics, done * RUN_VALUE_COUNT);
		done++;
		if (onRun && onRun(done) === false) break;
	}
	attachRunMetrics(acc, start, done, metrics);
	trimRaw(acc);
	return acc;
}

/** Simulates every run of a scenario in this thread and returns the summary. */
export function simulate(s: Scenario, onRun?: (done: number) => boolean | void): Summary {
	const acc = simulateRuns(s, 0, s.runs, onRun);
	const r = finalizeSummary(s, acc);
	if (!r.ok) throw new Error(r.error);
	return r.value;
}

export { mergeAccumulators, mergeInto, finalizeSummary };
