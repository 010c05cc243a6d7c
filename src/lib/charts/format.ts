/** Number formatting for chart labels, readouts, tables and sentences (British English). */
import { fmtPct } from '$lib/analysis/words';

export { fmtPct };
export { inSentence, listWords } from '$lib/analysis/words';

/** A trust score or other 0-to-1 score, to two decimals. */
export function fmtScore(v: number): string {
	return v.toFixed(2);
}

/**
 * A chance with its Monte Carlo standard error, "38% ± 2.2" (with `unit`, "± 2.2 points"); a
 * chance of 0 or 1 is what was seen ("in no future", "in every future"), never "100% ± 0.0",
 * which would claim a certainty that a finite number of futures cannot give.
 */
export function fmtChance(p: number, se: number, unit = ''): string {
	if (p <= 0) return 'in no future';
	if (p >= 1) return 'in every future';
	return `${fmtPct(p)} ± ${(se * 100).toFixed(1)}${unit}`;
}

const countFormat = new Intl.NumberFormat('en-GB');

/** A whole count of people or runs with thousands separators. */
export function fmtCount(n: number): string {
	// One formatter for every call: toLocaleString builds a new one each time, which showed
	// among the costliest calls when six charts redraw.
	return countFormat.format(Math.round(n));
}

/** A number of months as words, with years when it is a whole number of them. */
export function fmtDuration(months: number): string {
	if (months % 12 === 0) {
		const y = months / 12;
		return `${y} year${y === 1 ? '' : 's'}`;
	}
	return `${months} month${months === 1 ? '' : 's'}`;
}

/** Capitalises the first letter of a sentence. */
export function capitalise(s: string): string {
	return s.length ? s[0].toUpperCase() + s.slice(1) : s;
}
