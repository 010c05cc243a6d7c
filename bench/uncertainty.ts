/**
 * Uncertain assumptions: what drawing every assumption future by future costs per run, and
 * how long the analyses of a paired robustness comparison take (where the spread comes from,
 * and PRIM over the paired futures).
 */
import { robustness } from '../src/lib/analysis/robustness';
import {
	DEMO_PRESET_ID,
	presetById,
	setParam,
	simulate,
	simulateRuns,
	spreadSources,
	withAssumptionMode
} from '../src/lib/sim/index';
import { quick, type Benchmark } from './lib';

/** Runs per simulateRuns call, as a worker of the pool would take them. */
const CALL_RUNS = 50;
const WINDOWS = quick() ? 2 : 8;
const WINDOW_SECONDS = quick() ? 0.1 : 0.5;
const WARMUP_SECONDS = quick() ? 0.1 : 1;
/** Futures a side of the paired comparison whose analyses are timed. */
const PAIRED_RUNS = quick() ? 200 : 2000;

/** Target: the uncertain mode costs at most 10% more per run than the fixed one. */
const TARGET_OVERHEAD = 0.1;

function window(step: () => number, seconds: number): number {
	let work = 0;
	const t0 = performance.now();
	let elapsed = 0;
	while (elapsed < seconds) {
		work += step();
		elapsed = (performance.now() - t0) / 1000;
	}
	return work / elapsed;
}

function median(values: readonly number[]): number {
	const v = [...values].sort((x, y) => x - y);
	const m = v.length >> 1;
	return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export const uncertainty: Benchmark = {
	id: 'uncertainty',
	title: 'Uncertain assumptions',
	run() {
		const preset = presetById(DEMO_PRESET_ID);
		if (!preset) throw new Error(`No preset ${DEMO_PRESET_ID}`);
		const fixed = { ...preset.scenario, runs: 100000 };
		const uncertain = withAssumptionMode(fixed, 'uncertain');
		let next = 0;
		const step = (s: typeof fixed) => () => {
			const acc = simulateRuns(s, next % 90000, CALL_RUNS);
			next += CALL_RUNS;
			return acc.count;
		};
		// Warm both up, then alternate windows so both meet the same conditions.
		window(step(fixed), WARMUP_SECONDS);
		window(step(uncertain), WARMUP_SECONDS);
		const ratios: number[] = [];
		const fixedRates: number[] = [];
		const uncertainRates: number[] = [];
		for (let w = 0; w < WINDOWS; w++) {
			const f = window(step(fixed), WINDOW_SECONDS);
			const u = window(step(uncertain), WINDOW_SECONDS);
			fixedRates.push(f);
			uncertainRates.push(u);
			ratios.push(f / u);
		}
		const overhead = Math.max(...fixedRates) / Math.max(...uncertainRates) - 1;

		// A paired robustness comparison's analyses on PAIRED_RUNS futures a side.
		const a = withAssumptionMode({ ...preset.scenario, runs: PAIRED_RUNS }, 'uncertain');
		const b = setParam(a, 'power.sharing', 0.5);
		const sa = simulate(a);
		const sb = simulate(b);
		let t0 = performance.now();
		const spread = spreadSources(a, sa.perRun.finalTrust);
		const spreadSeconds = (performance.now() - t0) / 1000;
		t0 = performance.now();
		const verdict = robustness(a, sa, b, sb);
		const robustnessSeconds = (performance.now() - t0) / 1000;

		return {
			figures: [
				{
					id: 'fixedRate',
					label: `Fixed assumptions, preset ${DEMO_PRESET_ID}`,
					value: Math.max(...fixedRates),
					unit: 'runs/s',
					digits: 0
				},
				{
					id: 'uncertainRate',
					label: 'Uncertain assumptions',
					value: Math.max(...uncertainRates),
					unit: 'runs/s',
					digits: 0
				},
				{
					id: 'overhead',
					label: 'Extra cost per run, uncertain',
					value: overhead,
					unit: '',
					digits: 3,
					target: { kind: 'below', value: TARGET_OVERHEAD }
				},
				{
					id: 'pairedOverhead',
					label: '  median of windows timed back to back',
					value: median(ratios) - 1,
					unit: '',
					digits: 3
				},
				{
					id: 'spreadSeconds',
					label: `Where the spread comes from, ${PAIRED_RUNS} futures`,
					value: spreadSeconds,
					unit: 's',
					digits: 3
				},
				{
					id: 'robustnessSeconds',
					label: `How sure / what would flip it, ${PAIRED_RUNS} futures a side`,
					value: robustnessSeconds,
					unit: 's',
					digits: 3
				}
			],
			details: {
				preset: DEMO_PRESET_ID,
				callRuns: CALL_RUNS,
				windows: WINDOWS,
				pairedRuns: PAIRED_RUNS,
				fromAssumptions: spread?.fromAssumptions ?? null,
				flips: verdict.flips,
				noFlip: verdict.noFlip ?? null
			}
		};
	}
};
