/**
 * The ladder chart's mathematics: the community's shares on each rung stacked month by month,
 * the readout, the summary in words and the table. Pure functions: no DOM.
 */
import { area, stack } from 'd3';
import type { Linear } from './linear';
import type { Summary } from '$lib/sim';
import { capitalise, fmtPct } from './format';
import { RUNG_NAMES } from './labels';
import type { TableData } from './table';

/** One rung's layer: its lower and upper edge each month (shares, 0 to 1). */
export interface Layer {
	rung: number;
	lower: number[];
	upper: number[];
}

/**
 * Stacks the rungs, unaware at the bottom and co-producing at the top, from `ladder[rung][month]`
 * (mean shares). Each month's layers end at the total share (1 when every member is counted).
 */
export function ladderStack(ladder: readonly (readonly number[])[]): Layer[] {
	const rungs = ladder.length;
	const months = rungs ? ladder[0].length : 0;
	const rows = Array.from({ length: months }, (_, t) => {
		const row: Record<string, number> = {};
		for (let r = 0; r < rungs; r++) row[String(r)] = Math.max(0, ladder[r][t]);
		return row;
	});
	const series = stack<Record<string, number>>().keys(
		Array.from({ length: rungs }, (_, r) => String(r))
	)(rows);
	return series.map((s, r) => ({
		rung: r,
		lower: s.map((d) => d[0]),
		upper: s.map((d) => d[1])
	}));
}

/** SVG path of a layer. */
export function layerPath(layer: Layer, x: Linear, y: Linear): string {
	const idx = layer.lower.map((_, i) => i);
	return (
		area<number>()
			.x((i) => x(i + 1))
			.y0((i) => y(layer.lower[i]))
			.y1((i) => y(layer.upper[i]))(idx) ?? ''
	);
}

/** Share of the community on a rung or higher at month index i. */
export function shareAtOrAbove(
	ladder: readonly (readonly number[])[],
	rung: number,
	i: number
): number {
	let s = 0;
	for (let r = rung; r < ladder.length; r++) s += ladder[r][i];
	return s;
}

export function ladderReadout(summary: Summary, i: number): { heading: string; lines: string[] } {
	const lines: string[] = [];
	for (let r = summary.ladder.length - 1; r >= 0; r--)
		lines.push(`${RUNG_NAMES[r] ?? `Rung ${r}`}: ${fmtPct(summary.ladder[r][i])}`);
	return { heading: `Month ${i + 1}, average share of the community`, lines };
}

export function ladderSummaryText(summary: Summary): string {
	const last = summary.months - 1;
	const L = summary.ladder;
	let top = 0;
	for (let r = 1; r < L.length; r++) if (L[r][last] > L[top][last]) top = r;
	const engaged = shareAtOrAbove(L, 3, last);
	const codesign = shareAtOrAbove(L, 4, last);
	let peakT = 0;
	for (let t = 1; t < summary.months; t++)
		if (shareAtOrAbove(L, 3, t) > shareAtOrAbove(L, 3, peakT)) peakT = t;
	const peak = shareAtOrAbove(L, 3, peakT);
	const parts = [
		`On average, by the last month the largest group of the community is ${RUNG_NAMES[top]?.toLowerCase() ?? 'unknown'} (${fmtPct(L[top][last])}).`,
		// Capitalised: a share under 1% would otherwise start the sentence "under 1% are…".
		`${capitalise(fmtPct(engaged))} are engaged or higher and ${fmtPct(codesign)} co-designing or co-producing.`
	];
	if (peakT < last && peak - engaged >= 0.02)
		parts.push(`The share engaged or higher peaks at ${fmtPct(peak)} in month ${peakT + 1}.`);
	return parts.join(' ');
}

export function ladderTable(summary: Summary): TableData {
	const rungs = summary.ladder.length;
	return {
		caption: `Average share of the community on each rung of the ladder by month, over ${summary.receipt.runs} simulated futures`,
		columns: ['Month', ...Array.from({ length: rungs }, (_, r) => RUNG_NAMES[r] ?? `Rung ${r}`)],
		rows: Array.from({ length: summary.months }, (_, i) => [
			String(i + 1),
			...summary.ladder.map((row) => fmtPct(row[i]))
		])
	};
}
