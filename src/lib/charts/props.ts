import type { Summary } from '$lib/sim';

/** The props of a chart that draws one scenario's summary. */
export interface SummaryChartProps {
	summary: Summary;
	/** Unique prefix for element ids. */
	id?: string;
	/** Heading level (default 3). */
	level?: 2 | 3 | 4;
}

/** What every plot is given by its chart frame and its chart. */
export interface PlotProps {
	/** The plot's measured width in pixels. */
	width: number;
	/** Chart text size in pixels. */
	em: number;
	/** Unique prefix for element ids. */
	id: string;
	/** The chart in words (the SVG's description). */
	description: string;
}

/** The props of a plot that draws one scenario's summary. */
export interface SummaryPlotProps extends PlotProps {
	summary: Summary;
}
