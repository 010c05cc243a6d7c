/**
 * Throughput: agent-months per second of the model on the default preset, of the reference
 * kernel on a community of the same size, and the ratio between them.
 */
import { DEMO_PRESET_ID, presetById, simulateRuns } from '../src/lib/sim/index';
import { kernelAvailable, useKernel } from '../src/lib/sim/kernel';
import { agentMonthsPerRun, memberCount, timeLoop, type Benchmark } from './lib';
import { referenceKernel, type ReferenceInput } from './reference-kernel';

/** Runs per simulateRuns call, as a worker of the pool would take them. */
export const CHUNK_RUNS = 250;
/** Runs per call of the reference kernel. */
const REFERENCE_CHUNK_RUNS = 50;
/** Seconds timed (after warming up) for the model and for the reference kernel. */
const MODEL_SECONDS = 4;
const REFERENCE_SECONDS = 3;
const WARMUP_SECONDS = 1;

/** Targets: agent-months per second, and the model's rate as a share of the kernel's. */
export const TARGET_RATE = 50e6;
export const TARGET_RATIO = 0.2;

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
		const model = timeLoop(
			() => {
				const acc = simulateRuns(s, nextRun, CHUNK_RUNS);
				nextRun += CHUNK_RUNS;
				sink += acc.count;
				return acc.count;
			},
			MODEL_SECONDS,
			WARMUP_SECONDS,
			2
		);
		if (sink !== nextRun) throw new Error('simulateRuns skipped runs');
		const modelRate = (model.work * perRun) / model.seconds;
		const modelCpuRate = (model.work * perRun) / model.cpuSeconds;
		const kernel = kernelAvailable();

		// The same with the member step in TypeScript, the fallback where WebAssembly cannot run.
		useKernel(false);
		let scriptRun = 0;
		const script = timeLoop(
			() => {
				const acc = simulateRuns(s, scriptRun, CHUNK_RUNS);
				scriptRun += CHUNK_RUNS;
				return acc.count;
			},
			MODEL_SECONDS,
			WARMUP_SECONDS,
			2
		);
		useKernel(true);
		const scriptRate = (script.work * perRun) / script.seconds;

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
			gainRate: s.trust.gainRate,
			lossRate: s.trust.gainRate * s.trust.asymmetry,
			seed: s.seed
		};
		let refRun = 0;
		let checksum = 0;
		const reference = timeLoop(
			() => {
				checksum += referenceKernel(input, refRun, REFERENCE_CHUNK_RUNS);
				refRun += REFERENCE_CHUNK_RUNS;
				return REFERENCE_CHUNK_RUNS;
			},
			REFERENCE_SECONDS,
			WARMUP_SECONDS
		);
		const referenceRate = (reference.work * perRun) / reference.seconds;
		const ratio = modelRate / referenceRate;
		const referenceCpuRate = (reference.work * perRun) / reference.cpuSeconds;

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
					id: 'ratio',
					label: 'Model / reference',
					value: ratio,
					unit: '',
					digits: 3,
					target: { kind: 'atLeast', value: TARGET_RATIO }
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
				chunkRuns: CHUNK_RUNS,
				model: {
					...model,
					runsPerSecond: model.work / model.seconds,
					bestAgentMonthsPerSecond: model.bestRate * perRun
				},
				reference: {
					...reference,
					runsPerSecond: reference.work / reference.seconds,
					bestAgentMonthsPerSecond: reference.bestRate * perRun,
					checksum
				}
			}
		};
	}
};
