/**
 * The components chart's mathematics: the layout of small multiples on a shared scale, the
 * readout at a month, the summary in words and the table. Pure functions: no DOM.
 */
import type { Summary } from '$lib/sim';
import { fmtScore, listWords } from './format';
import { COMPONENT_LABELS, COMPONENTS, type ComponentKey } from './labels';
import type { TableData } from './table';

/** Where each small multiple sits. */
interface Panel {
	x: number;
	y: number;
	width: number;
	height: number;
	row: number;
	col: number;
}

export interface GridLayout {
	cols: number;
	rows: number;
	panels: Panel[];
	width: number;
	height: number;
}

/**
 * Lays out `n` panels in as many columns (1, 2 or n) as fit at least `minWidth` each, with
 * `gapX` between columns and `gapY` between rows; each panel is `ratio` as tall as it is wide,
 * kept between `minHeight` and `maxHeight`.
 */
export function gridLayout(
	width: number,
	n: number,
	opts: {
		minWidth: number;
		gapX: number;
		gapY: number;
		ratio: number;
		minHeight: number;
		maxHeight: number;
	}
): GridLayout {
	const fits = (c: number) => (width - (c - 1) * opts.gapX) / c >= opts.minWidth;
	const cols = fits(n) ? n : fits(2) ? 2 : 1;
	const rows = Math.ceil(n / cols);
	const pw = Math.max(1, (width - (cols - 1) * opts.gapX) / cols);
	const ph = Math.round(Math.min(opts.maxHeight, Math.max(opts.minHeight, pw * opts.ratio)));
	const panels: Panel[] = [];
	for (let i = 0; i < n; i++) {
		const row = Math.floor(i / cols);
		const col = i % cols;
		panels.push({
			x: col * (pw + opts.gapX),
			y: row * (ph + opts.gapY),
			width: pw,
			height: ph,
			row,
			col
		});
	}
	return { cols, rows, panels, width, height: rows * ph + (rows - 1) * opts.gapY };
}

/** Index of the panel under a point, or -1 between panels. */
export function panelAt(layout: GridLayout, x: number, y: number): number {
	return layout.panels.findIndex(
		(p) => x >= p.x && x <= p.x + p.width && y >= p.y && y <= p.y + p.height
	);
}

/** Readout of all four components at month index i. */
export function componentsReadout(
	summary: Summary,
	i: number
): { heading: string; lines: string[] } {
	return {
		heading: `Month ${i + 1}, median (middle half of futures)`,
		lines: COMPONENTS.map((k) => {
			const b = summary.series[k];
			return `${COMPONENT_LABELS[k]}: ${fmtScore(b.p50[i])} (${fmtScore(b.p25[i])} to ${fmtScore(b.p75[i])})`;
		})
	};
}

/** The weakest component by median at the last month. */
export function weakestAtEnd(summary: Summary): ComponentKey {
	const last = summary.months - 1;
	return COMPONENTS.reduce((a, b) =>
		summary.series[b].p50[last] < summary.series[a].p50[last] ? b : a
	);
}

/** The components chart in words. */
export function componentsSummaryText(summary: Summary): string {
	const last = summary.months - 1;
	const parts = COMPONENTS.map((k) => {
		const b = summary.series[k];
		const from = b.p50[0];
		const to = b.p50[last];
		const change = to - from >= 0.02 ? 'rises' : from - to >= 0.02 ? 'falls' : 'stays';
		return change === 'stays'
			? `${COMPONENT_LABELS[k].toLowerCase()} stays near ${fmtScore(to)}`
			: `${COMPONENT_LABELS[k].toLowerCase()} ${change} from ${fmtScore(from)} to ${fmtScore(to)}`;
	});
	const weakest = weakestAtEnd(summary);
	return `In the median future, ${listWords(parts)}. At the end, ${COMPONENT_LABELS[weakest].toLowerCase()} is the weakest component; overall trust is held back by its weakest link.`;
}

/** The components' medians and middle halves by month. */
export function componentsTable(summary: Summary): TableData {
	return {
		caption: `The four components of trust by month: median and (in brackets) the middle half of ${summary.receipt.runs} simulated futures`,
		columns: ['Month', ...COMPONENTS.map((k) => COMPONENT_LABELS[k])],
		rows: summary.series.trust.p50.map((_, i) => [
			String(i + 1),
			...COMPONENTS.map((k) => {
				const b = summary.series[k];
				return `${fmtScore(b.p50[i])} (${fmtScore(b.p25[i])} to ${fmtScore(b.p75[i])})`;
			})
		])
	};
}
