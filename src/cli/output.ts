/**
 * What `npm run sim` writes: the summary as JSON, or the monthly bands as CSV in a wide
 * layout (one row per month).
 */
import { PERCENTILES, SERIES, type Bands, type Scenario, type Summary } from '../lib/sim/index';

/** The band columns of each series, in CSV order. */
export const BAND_STATS: readonly (keyof Bands)[] = [
	...PERCENTILES.map((p) => `p${p}` as keyof Bands),
	'mean'
];

/**
 * The JSON document: the scenario that ran, the receipt (model version, seed, runs, scenario
 * hash), monthly bands per series (index 0 is month 1), end metrics (with `explained`, the
 * people told plainly why their idea could not be acted on) and probabilities.
 */
export function toJson(scenario: Scenario, summary: Summary): string {
	const doc = {
		receipt: summary.receipt,
		scenario,
		series: summary.series,
		metrics: { ...summary.metrics, explained: summary.explained },
		probabilities: summary.probabilities
	};
	return JSON.stringify(doc, null, 2) + '\n';
}

/** A CSV header: `month`, then `<series>_<stat>` for every series and band. */
export function csvHeader(): string {
	const cols = ['month'];
	for (const key of SERIES) for (const stat of BAND_STATS) cols.push(`${key}_${stat}`);
	return cols.join(',');
}

/** A number for CSV: at most 8 significant digits, empty when not finite. */
export function csvNumber(v: number): string {
	return Number.isFinite(v) ? String(Number(v.toPrecision(8))) : '';
}

/** The monthly bands, one row per month, months numbered from 1. */
export function toCsv(summary: Summary): string {
	const lines = [csvHeader()];
	for (let t = 0; t < summary.months; t++) {
		const row = [String(t + 1)];
		for (const key of SERIES) {
			const bands = summary.series[key];
			for (const stat of BAND_STATS) row.push(csvNumber(bands[stat][t]));
		}
		lines.push(row.join(','));
	}
	return lines.join('\n') + '\n';
}
