/**
 * A structural check of a stored summary before the app draws it. A cached result can be
 * damaged (an interrupted write, a browser bug, a hand-edited database); drawing it would
 * fail or, worse, show wrong numbers. A result that fails this check is discarded and the
 * scenario is simply run again.
 */
import { METRICS, RUNGS, SERIES, type Summary } from '../sim';

const BANDS = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95', 'mean'] as const;

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/** An array of `length` finite numbers (or of nulls, where allowed). */
function isNumbers(x: unknown, length: number, nullable = false): boolean {
	if (!Array.isArray(x) || x.length !== length) return false;
	return x.every((v) => (nullable && v === null) || (typeof v === 'number' && Number.isFinite(v)));
}

function isProbability(x: unknown): boolean {
	return (
		isRecord(x) &&
		typeof x.p === 'number' &&
		x.p >= 0 &&
		x.p <= 1 &&
		typeof x.se === 'number' &&
		Number.isFinite(x.se)
	);
}

/** Whether a stored value has the shape of a summary, with consistent lengths throughout. */
export function isSummary(x: unknown): x is Summary {
	if (!isRecord(x) || !isRecord(x.receipt) || !isRecord(x.series)) return false;
	const { receipt, months } = x;
	if (typeof receipt.modelVersion !== 'string' || typeof receipt.scenarioHash !== 'string')
		return false;
	if (typeof receipt.runs !== 'number' || !(receipt.runs >= 1)) return false;
	if (typeof months !== 'number' || !Number.isInteger(months) || months < 1) return false;
	if (typeof x.threshold !== 'number') return false;
	const series = x.series;
	for (const key of SERIES) {
		const bands = series[key];
		if (!isRecord(bands)) return false;
		for (const band of BANDS) if (!isNumbers(bands[band], months)) return false;
	}
	if (!Array.isArray(x.ladder) || x.ladder.length !== RUNGS.length) return false;
	if (!x.ladder.every((row) => isNumbers(row, months))) return false;
	if (!isRecord(x.timeline)) return false;
	for (const key of ['contractEnd', 'providerChange', 'mobilising', 'extended'])
		if (!isNumbers(x.timeline[key], months)) return false;
	if (!isNumbers(x.timeToTrust, months)) return false;
	if (!isRecord(x.metrics) || !isRecord(x.perRun)) return false;
	for (const key of METRICS) {
		if (!isRecord(x.metrics[key])) return false;
		if (!isNumbers(x.perRun[key], receipt.runs)) return false;
	}
	if (!isRecord(x.probabilities)) return false;
	const p = x.probabilities;
	return (
		isProbability(p.trustAboveThreshold) &&
		isProbability(p.reachesCodesigning) &&
		isProbability(p.collapse)
	);
}
