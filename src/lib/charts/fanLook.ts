/**
 * The two looks of the fan chart, one chart drawn on a page (the workbench and the report) or
 * on a projector (the workshop presenter, played month by month), and the labels of contract
 * events above its plot. Pure: no DOM.
 */
import type { Linear } from './linear';
import type { Summary } from '$lib/sim';
import { boundaryLabel, timelineMarks } from './fan';
import { fmtPct } from './format';
import { INK, INK_MUTED } from './palette';
import { timelineEvents } from './timeline';

export type FanLookName = 'page' | 'projector';

/** Sizes in ems unless said otherwise; opacities 0 to 1. */
export interface FanLook {
	/** Left margin; right margin when the direct "Median" label fits, and when it does not. */
	left: number;
	right: { wide: number; narrow: number };
	bottom: number;
	/** Least gaps between month ticks and between score ticks. */
	gaps: { x: number; y: number };
	ink: string;
	/** Hatch of mobilisation periods: repeat and line width (pixels); opacity at no and all futures. */
	hatch: { size: number; weight: number; opacity: number; perShare: number };
	/** Fill opacity of the 90% and 50% bands. */
	outer: number;
	inner: number;
	/** Width of the median line: at least `min` pixels, else `perEm` of the text size. */
	median: { min: number; perEm: number };
	/** Width of the threshold line (pixels); position of its label (left, above the line). */
	threshold: { weight: number; x: number; above: number };
	/** Width of a contract boundary line (pixels). */
	boundary: number;
	/** Event labels: text size (of the chart's), row height (of the label size), gap (same). */
	labels: { scale: number; row: number; gap: number | null };
	/** Where boundary lines start and labels sit above the plot (ems, upwards). */
	lineTop: number;
	/** Boundary lines reach up to their label's row. */
	lineToLabel: boolean;
	labelTop: number;
	/** Top margin: at least `min`, else the label rows and `pad`. */
	top: { min: number; pad: number };
	/** Radius of the dot at the cursor or playback head (ems); colour and width of its line. */
	head: { r: number; colour: string; weight: number };
}

export const FAN_LOOKS: Record<FanLookName, FanLook> = {
	page: {
		left: 2.6,
		right: { wide: 5, narrow: 1 },
		bottom: 3,
		gaps: { x: 3, y: 2.2 },
		ink: INK,
		hatch: { size: 7, weight: 2, opacity: 0.25, perShare: 0.45 },
		outer: 0.2,
		inner: 0.42,
		median: { min: 2.5, perEm: 0.16 },
		threshold: { weight: 2, x: 0.3, above: 0.4 },
		boundary: 1.5,
		labels: { scale: 1, row: 1.25, gap: null },
		lineTop: 0.3,
		lineToLabel: false,
		labelTop: 0.55,
		top: { min: 0, pad: 0.8 },
		head: { r: 0.3, colour: INK_MUTED, weight: 1 }
	},
	projector: {
		left: 2.8,
		right: { wide: 1.2, narrow: 1.2 },
		bottom: 2.9,
		gaps: { x: 3.2, y: 2.4 },
		ink: '#10161f',
		hatch: { size: 8, weight: 2.5, opacity: 0.3, perShare: 0.5 },
		outer: 0.22,
		inner: 0.5,
		median: { min: 3, perEm: 0.2 },
		threshold: { weight: 3, x: 0.4, above: 0.45 },
		boundary: 2,
		labels: { scale: 0.85, row: 1.15, gap: 0.6 },
		lineTop: 0.4,
		lineToLabel: true,
		labelTop: 0.6,
		top: { min: 2.2, pad: 1.1 },
		head: { r: 0.35, colour: '#10161f', weight: 1.5 }
	}
};

/** A label above the fan's plot, and whether a boundary line runs down from it. */
export interface FanLabel {
	text: string;
	/** Where it is centred, in pixels across the plot. */
	at: number;
	/** The month it belongs to, for playback (shown once drawn that far). */
	month: number;
	line: boolean;
}

/**
 * The labels above the fan: on a page, each contract boundary and each period when a provider
 * is mobilising in half of futures or more (lighter ones are left unlabelled, so the axis does
 * not fill with labels; the readout and table give them); on a projector, each contract event.
 */
export function fanLabels(summary: Summary, x: Linear, look: FanLookName): FanLabel[] {
	switch (look) {
		case 'page': {
			const marks = timelineMarks(summary.timeline);
			return [
				...marks.boundaries.map((b) => ({
					text: boundaryLabel(b),
					at: x(b.month - 0.5),
					month: b.month - 0.5,
					line: true
				})),
				...marks.mobilising
					.filter((s) => s.share >= 0.5)
					.map((s) => ({
						text: s.share >= 0.995 ? 'Mobilising' : `Mobilising (${fmtPct(s.share)})`,
						at: x((s.start + s.end) / 2),
						month: s.start,
						line: false
					}))
			];
		}
		case 'projector':
			return timelineEvents(summary).map((e) => ({
				text: e.label,
				at: x(e.at),
				month: e.at,
				line: true
			}));
		default:
			return look satisfies never;
	}
}
