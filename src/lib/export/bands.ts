/**
 * The monthly percentile bands as CSV in a wide layout (one row per month): the file the
 * command line writes with `--csv` and the app's monthly-bands download. Pure functions.
 */
import { PERCENTILES, SERIES, type Bands, type Summary } from '../sim/index';

/** The band columns of each series, in CSV order. */
export const BAND_STATS: readonly (keyof Bands)[] = [
	...PERCENTILES.map((p) => `p${p}` as keyof Bands),
	'mean'
];

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
