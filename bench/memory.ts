/**
 * Peak memory of 10,000 runs of the default preset, simulated in chunks and merged as the
 * worker pool does (simulateRuns per chunk, mergeInto the running total, then
 * finalizeSummary). Run in
 * a fresh Node process, so the peak resident set size is this work's alone.
 */
import {
	DEMO_PRESET_ID,
	finalizeSummary,
	mergeInto,
	presetById,
	simulateRuns,
	type Accumulator
} from '../src/lib/sim/index';
import { quick, type Benchmark } from './lib';
import { CHUNK_RUNS } from './throughput';

export const MEMORY_RUNS = quick() ? 1000 : 10_000;
/** Target: peak resident set size, in MB. */
export const TARGET_PEAK_MB = 300;

/** Peak resident set size of this process so far, in MB (maxRSS is in KiB on Linux). */
function peakMb(): number {
	return process.resourceUsage().maxRSS / 1024;
}

export const memory: Benchmark = {
	id: 'memory',
	title: `Memory, ${MEMORY_RUNS.toLocaleString('en-GB')} runs`,
	run() {
		const preset = presetById(DEMO_PRESET_ID);
		if (!preset) throw new Error(`No preset ${DEMO_PRESET_ID}`);
		const s = { ...preset.scenario, runs: MEMORY_RUNS };
		const startMb = peakMb();
		const t0 = performance.now();
		let total: Accumulator | undefined;
		for (let start = 0; start < MEMORY_RUNS; start += CHUNK_RUNS) {
			const part = simulateRuns(s, start, Math.min(CHUNK_RUNS, MEMORY_RUNS - start));
			if (!total) total = part;
			else {
				const merged = mergeInto(total, part);
				if (!merged.ok) throw new Error(merged.error);
			}
		}
		if (!total) throw new Error('No runs');
		const summary = finalizeSummary(s, total);
		if (!summary.ok) throw new Error(summary.error);
		const seconds = (performance.now() - t0) / 1000;
		const peak = peakMb();
		return {
			figures: [
				{
					id: 'peakRssMb',
					label: `Peak RSS, ${MEMORY_RUNS.toLocaleString('en-GB')} runs`,
					value: peak,
					unit: 'MB',
					digits: 1,
					target: { kind: 'below', value: TARGET_PEAK_MB }
				},
				{
					id: 'startRssMb',
					label: 'of which Node at start',
					value: startMb,
					unit: 'MB',
					digits: 1
				}
			],
			details: {
				preset: DEMO_PRESET_ID,
				runs: summary.value.receipt.runs,
				chunkRuns: CHUNK_RUNS,
				seconds,
				heapUsedMb: process.memoryUsage().heapUsed / 1048576,
				finalTrustMean: summary.value.metrics.finalTrust.mean
			}
		};
	}
};
