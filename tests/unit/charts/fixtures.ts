/**
 * Summaries for the chart tests: small hand-made ones whose every number is known, and real
 * ones from the simulation core on a preset (cached, so each is simulated once per file).
 */
import { vi } from 'vitest';
import {
	presetById,
	SERIES,
	simulate,
	type Bands,
	type MetricKey,
	type MetricSummary,
	type Scenario,
	type SeriesKey,
	type Summary
} from '$lib/sim';

// Simulating takes a second or two on a busy two-core machine; give tests that do it room.
vi.setConfig({ testTimeout: 30_000 });

/** A preset's scenario with a given number of runs (and, optionally, a shorter horizon). */
export function scenarioOf(id: string, runs: number, horizonMonths?: number): Scenario {
	const p = presetById(id);
	if (!p) throw new Error(`No preset "${id}"`);
	return { ...p.scenario, runs, horizonMonths: horizonMonths ?? p.scenario.horizonMonths };
}

const cache = new Map<string, Summary>();

/** The summary of a preset simulated with `runs` runs over `horizonMonths` (default 60). */
export function simulated(id: string, runs: number, horizonMonths = 60): Summary {
	const key = `${id}:${runs}:${horizonMonths}`;
	let s = cache.get(key);
	if (!s) {
		s = simulate(scenarioOf(id, runs, horizonMonths));
		cache.set(key, s);
	}
	return s;
}

/** Bands that are the same at every month: p50 = v, p25/p75 = v ∓ 0.05, p5/p95 = v ∓ 0.1. */
export function flatBands(months: number, v: number): Bands {
	const f = (x: number) => new Array<number>(months).fill(x);
	return {
		p5: f(v - 0.1),
		p10: f(v - 0.08),
		p25: f(v - 0.05),
		p50: f(v),
		p75: f(v + 0.05),
		p90: f(v + 0.08),
		p95: f(v + 0.1),
		mean: f(v)
	};
}

const emptyMetric: MetricSummary = {
	mean: null,
	p5: null,
	p10: null,
	p25: null,
	p50: null,
	p75: null,
	p90: null,
	p95: null,
	min: null,
	max: null
};

export interface HandMade {
	months?: number;
	threshold?: number;
	/** Month each future first reaches the threshold (-1 for never). */
	monthsToTrust: number[];
	/** Trust in the final year of each future. */
	finalTrust?: number[];
	/** Trust over the whole horizon of each future (default: its final-year trust). */
	meanTrust?: number[];
	kpiMet?: number[];
	collapsed?: number[];
	outcomes?: number[];
	/** Median trust in month 1 (the starting level the headline compares with). */
	start?: number;
}

function prob(hits: number, n: number) {
	const p = n ? hits / n : 0;
	return { p, se: n ? Math.sqrt((p * (1 - p)) / n) : 0, count: n };
}

/** A small summary whose per-run numbers are given and whose bands are flat. */
export function handMade(h: HandMade): Summary {
	const months = h.months ?? 24;
	const threshold = h.threshold ?? 0.6;
	const n = h.monthsToTrust.length;
	const finalTrust = h.finalTrust ?? h.monthsToTrust.map((m) => (m >= 1 ? 0.65 : 0.4));
	const series = {} as Record<SeriesKey, Bands>;
	for (const k of SERIES) series[k] = flatBands(months, 0.5);
	if (h.start !== undefined) series.trust.p50[0] = h.start;
	const perRun: Record<MetricKey, number[]> = {
		finalTrust,
		minTrust: finalTrust.map((v) => Math.min(v, 0.3)),
		monthsToTrust: h.monthsToTrust,
		rung: h.monthsToTrust.map(() => 2),
		kpiMet: h.kpiMet ?? h.monthsToTrust.map(() => 0.5),
		brokenPromises: h.monthsToTrust.map(() => 0),
		providerChanges: h.monthsToTrust.map(() => 0),
		outcomes: h.outcomes ?? h.monthsToTrust.map((_, i) => 10 * i),
		collapsed: h.collapsed ?? h.monthsToTrust.map(() => 0),
		meanTrust: h.meanTrust ?? finalTrust.slice(),
		tookPart: h.monthsToTrust.map(() => 0.2),
		sharedDecisions: h.monthsToTrust.map(() => 0.05),
		heard: h.monthsToTrust.map(() => 0.1),
		// Trust stays at or above the threshold once it gets there.
		monthsAbove: h.monthsToTrust.map((m) => (m >= 1 ? months - m + 1 : 0))
	};
	const metrics = {} as Summary['metrics'];
	for (const k of Object.keys(perRun) as MetricKey[]) metrics[k] = { ...emptyMetric };
	const reachedBy = new Array<number>(months).fill(0);
	for (const m of h.monthsToTrust) if (m >= 1) reachedBy[m - 1]++;
	for (let t = 1; t < months; t++) reachedBy[t] += reachedBy[t - 1];
	const zeros = () => new Array<number>(months).fill(0);
	return {
		receipt: { modelVersion: 'test', schemaVersion: 2, seed: 1, runs: n, scenarioHash: 'test' },
		months,
		threshold,
		series,
		ladder: [0.5, 0.2, 0.1, 0.1, 0.06, 0.04].map((v) => new Array<number>(months).fill(v)),
		timeline: {
			contractEnd: zeros(),
			providerChange: zeros(),
			mobilising: zeros(),
			extended: zeros()
		},
		metrics,
		neverTrusted: n ? h.monthsToTrust.filter((m) => m < 1).length / n : 0,
		timeToTrust: reachedBy.map((c) => (n ? c / n : 0)),
		perRun,
		probabilities: {
			trustAboveThreshold: prob(finalTrust.filter((v) => v >= threshold).length, n),
			reachesCodesigning: prob(0, n),
			collapse: prob((h.collapsed ?? []).filter((v) => v === 1).length, n)
		}
	};
}
