/**
 * Shared pieces of the benchmarks: what a figure is, the size of a scenario in agent-months,
 * and a timing loop that warms up before it measures.
 */
import type { Scenario } from '../src/lib/sim/index';

/**
 * Whether this is `npm run bench -- --quick` (set for each benchmark's process by
 * bench/run.ts): every benchmark runs once on small amounts of work, to check that it runs
 * (CI does this). Its figures are not comparable with a full run's.
 */
export function quick(): boolean {
	return process.env.SLOW_TRUST_BENCH_QUICK === '1';
}

/** What a figure is measured against. */
export type Target = { kind: 'atLeast'; value: number } | { kind: 'below'; value: number };

export interface Figure {
	/** Stable key in bench/results/latest.json. */
	id: string;
	label: string;
	value: number;
	unit: string;
	/** Decimal places when printed. */
	digits: number;
	/** Printed values are divided by this (e.g. 1e6 to print millions). */
	scale?: number;
	target?: Target;
}

/** What one benchmark reports: figures for the table, details for the JSON file. */
export interface BenchResult {
	figures: Figure[];
	details: Record<string, unknown>;
}

/** A benchmark: run in its own Node process, one at a time, on one thread. */
export interface Benchmark {
	id: string;
	title: string;
	run(): BenchResult | Promise<BenchResult>;
}

/** Whether a figure meets its target. */
export function meets(value: number, target: Target): boolean {
	switch (target.kind) {
		case 'atLeast':
			return value >= target.value;
		case 'below':
			return value < target.value;
		default:
			return target satisfies never;
	}
}

/** Simulated members of a scenario: each segment's size over people per member, at least 1. */
export function memberCount(s: Scenario): number {
	const ppa = s.community.peoplePerAgent;
	return s.community.segments.reduce((n, g) => n + Math.max(1, Math.round(g.size / ppa)), 0);
}

/** Agent-months of one run: members times months. */
export function agentMonthsPerRun(s: Scenario): number {
	return memberCount(s) * s.horizonMonths;
}

export interface Timing {
	/** Units of work done in the timed part (e.g. runs). */
	work: number;
	seconds: number;
	/** Work done while warming up. */
	warmupWork: number;
	warmupSeconds: number;
	/** Work per second of the fastest single call: less disturbed by other processes. */
	bestRate: number;
	/** CPU time of this process in the timed part: unlike wall time, hardly changed by load. */
	cpuSeconds: number;
}

/** CPU time this process has used, in seconds. */
export function cpuSeconds(): number {
	const c = process.cpuUsage();
	return (c.user + c.system) / 1e6;
}

/**
 * Calls `step` (which does some units of work and returns how many) until `warmupSeconds`
 * have passed and at least `minWarmupSteps` calls were made, so the engine has optimised the
 * code; then until `seconds` have passed, timing only that second part.
 */
export function timeLoop(
	step: () => number,
	seconds: number,
	warmupSeconds: number,
	minWarmupSteps = 5
): Timing {
	let warmupWork = 0;
	let t0 = performance.now();
	for (let k = 0; k < minWarmupSteps || performance.now() - t0 < warmupSeconds * 1000; k++)
		warmupWork += step();
	const warmupElapsed = (performance.now() - t0) / 1000;
	let work = 0;
	const cpu0 = cpuSeconds();
	t0 = performance.now();
	let elapsed = 0;
	let bestRate = 0;
	while (elapsed < seconds) {
		const before = performance.now();
		const done = step();
		const after = performance.now();
		work += done;
		bestRate = Math.max(bestRate, done / ((after - before) / 1000));
		elapsed = (after - t0) / 1000;
	}
	return {
		work,
		seconds: elapsed,
		warmupWork,
		warmupSeconds: warmupElapsed,
		bestRate,
		cpuSeconds: cpuSeconds() - cpu0
	};
}
