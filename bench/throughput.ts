/**
 * Throughput: agent-months per second of the model on the default preset, of the reference
 * kernel on a community of the same size, and the ratio between them.
 */
import { DEMO_PRESET_ID, presetById, simulateRuns } from '../src/lib/sim/index';
import { kernelAvailable, useKernel } from '../src/lib/sim/kernel';
import { agentMonthsPerRun, cpuSeconds, memberCount, quick, timeLoop, type Benchmark } from './lib';
import { referenceKernel, type ReferenceInput } from './reference-kernel';

/** Runs per simulateRuns call, as a worker of the pool would take them. */
export const CHUNK_RUNS = 250;
/** Runs per simulateRuns call while timing the model: a chunk of the pool's usual size. */
const MODEL_CALL_RUNS = 50;
/** Runs per call of the reference kernel. */
const REFERENCE_CHUNK_RUNS = 50;
/**
 * The model and the reference kernel are timed in alternating windows of at least this
 * many seconds, WINDOWS of each, after warming both up, so both meet the same conditions.
 */
const WINDOWS = quick() ? 2 : 8;
const WINDOW_SECONDS = quick() ? 0.1 : 0.5;
const WARMUP_SECONDS = quick() ? 0.1 : 1;
/** Seconds timed for the TypeScript member step (no target). */
const SCRIPT_SECONDS = quick() ? 0.2 : 2;

/** Targets: agent-months per second, and the model's rate as a share of the kernel's. */
export const TARGET_RATE = 50e6;
export const TARGET_RATIO = 0.2;

/** One timed window: calls `step` (which returns units of work done) for `seconds`. */
function timeWindow(
	step: () => number,
	seconds: number
): { work: number; seconds: number; rate: number; cpuSeconds: number } {
	let work = 0;
	const cpu0 = cpuSeconds();
	const t0 = performance.now();
	let elapsed = 0;
	while (elapsed < seconds) {
		work += step();
		elapsed = (performance.now() - t0) / 1000;
	}
	return { work, seconds: elapsed, rate: work / elapsed, cpuSeconds: cpuSeconds() - cpu0 };
}

function median(values: readonly number[]): number {
	const v = [...values].sort((x, y) => x - y);
	const m = v.length >> 1;
	return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export const throughput: Benchmark = {
	id: 'throughput',
	title: 'Throughput, one thread',
	run() {
		const preset = presetById(DEMO_PRESET_ID);
		if (!preset) throw new Error(`No preset ${DEMO_PRESET_ID}`);
		const s = preset.scenario;
		const members = memberCount(s);
		const perRun = agentMonthsPerRun(s);

		let nextRun = 0;
		let sink = 0;
		const modelStep = () => {
			const acc = simulateRuns(s, nextRun, MODEL_CALL_RUNS);
			nextRun += MODEL_CALL_RUNS;
			sink += acc.count;
			return acc.count;
		};
		const kernel = kernelAvailable();

		// The same members (each starting at its segment's trust) and months.
		const initial = new Float32Array(members);
		let i = 0;
		for (const g of s.community.segments) {
			const count = Math.max(1, Math.round(g.size / s.community.peoplePerAgent));
			initial.fill(g.initialTrust, i, i + count);
			i += count;
		}
		const input: ReferenceInput = {
			initial,
			months: s.horizonMonths,
			// The yardstick's rates only set its numbers, not its speed.
			gainRate: s.trust.responsiveness,
			lossRate: Math.min(1, s.trust.responsiveness * s.trust.asymmetry),
			seed: s.seed
		};
		let refRun = 0;
		let checksum = 0;
		const referenceStep = () => {
			checksum += referenceKernel(input, refRun, REFERENCE_CHUNK_RUNS);
			refRun += REFERENCE_CHUNK_RUNS;
			return REFERENCE_CHUNK_RUNS;
		};

		// Warm both up, then alternate: model window, reference window, and so on.
		timeLoop(modelStep, 0, WARMUP_SECONDS, 2);
		timeLoop(referenceStep, 0, WARMUP_SECONDS);
		const modelWindows: number[] = [];
		const referenceWindows: number[] = [];
		const ratios: number[] = [];
		let modelCpu = 0;
		let modelWork = 0;
		let referenceCpu = 0;
		let referenceWork = 0;
		for (let w = 0; w < WINDOWS; w++) {
			const m = timeWindow(modelStep, WINDOW_SECONDS);
			const r = timeWindow(referenceStep, WINDOW_SECONDS);
			modelWindows.push(m.rate * perRun);
			referenceWindows.push(r.rate * perRun);
			ratios.push(m.rate / r.rate);
			modelCpu += m.cpuSeconds;
			modelWork += m.work;
			referenceCpu += r.cpuSeconds;
			referenceWork += r.work;
		}
		if (sink !== nextRun) throw new Error('simulateRuns skipped runs');
		// The fastest window is the one least slowed by other work on the machine (as with
		// timeit's minimum); the ratio is that of the two printed rates.
		const modelRate = Math.max(...modelWindows);
		const referenceRate = Math.max(...referenceWindows);
		const ratio = modelRate / referenceRate;
		const modelCpuRate = (modelWork * perRun) / modelCpu;
		const referenceCpuRate = (referenceWork * perRun) / referenceCpu;

		// The same with the member step in TypeScript, the fallback where WebAssembly cannot run.
		useKernel(false);
		let scriptRun = 0;
		const script = timeLoop(
			() => {
				const acc = simulateRuns(s, scriptRun, 10);
				scriptRun += 10;
				return acc.count;
			},
			SCRIPT_SECONDS,
			WARMUP_SECONDS,
			2
		);
		useKernel(true);
		const scriptRate = (script.work * perRun) / script.seconds;

		return {
			figures: [
				{
					id: 'modelRate',
					label: `Model, preset ${DEMO_PRESET_ID}`,
					value: modelRate,
					unit: 'M agent-months/s',
					scale: 1e6,
					digits: 1,
					target: { kind: 'atLeast', value: TARGET_RATE }
				},
				{
					id: 'modelMedianRate',
					label: '  median window',
					value: median(modelWindows),
					unit: 'M agent-months/s',
					scale: 1e6,
					digits: 1
				},
				{
					id: 'scriptRate',
					label: 'Model, member step in TypeScript',
					value: scriptRate,
					unit: 'M agent-months/s',
					scale: 1e6,
					digits: 1
				},
				{
					id: 'referenceRate',
					label: 'Reference kernel',
					value: referenceRate,
					unit: 'M agent-months/s',
					scale: 1e6,
					digits: 1
				},
				{
					id: 'referenceMedianRate',
					label: '  median window',
					value: median(referenceWindows),
					unit: 'M agent-months/s',
					scale: 1e6,
					digits: 1
				},
				{
					id: 'ratio',
					label: 'Model / reference',
					value: ratio,
					unit: '',
					digits: 3,
					target: { kind: 'atLeast', value: TARGET_RATIO }
				},
				{
					id: 'pairedRatio',
					label: '  median of windows timed back to back',
					value: median(ratios),
					unit: '',
					digits: 3
				},
				{
					id: 'modelCpuRate',
					label: 'Model, per CPU-second',
					value: modelCpuRate,
					unit: 'M agent-months/s',
					scale: 1e6,
					digits: 1
				},
				{
					id: 'referenceCpuRate',
					label: 'Reference kernel, per CPU-second',
					value: referenceCpuRate,
					unit: 'M agent-months/s',
					scale: 1e6,
					digits: 1
				}
			],
			details: {
				preset: DEMO_PRESET_ID,
				memberStep: kernel ? 'WebAssembly' : 'TypeScript (WebAssembly unavailable)',
				members,
				months: s.horizonMonths,
				agentMonthsPerRun: perRun,
				modelCallRuns: MODEL_CALL_RUNS,
				referenceCallRuns: REFERENCE_CHUNK_RUNS,
				windows: WINDOWS,
				windowSeconds: WINDOW_SECONDS,
				modelWindows,
				referenceWindows,
				ratios,
				script: { ...script, runsPerSecond: script.work / script.seconds },
				checksum
			}
		};
	}
};
