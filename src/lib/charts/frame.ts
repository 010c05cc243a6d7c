/**
 * The drawing area of a chart: its outer size, its margins and the plot inside them. Apart from
 * the scales (scales.ts), so that a small chart (the library's sparklines) loads only this.
 */

export interface Margin {
	top: number;
	right: number;
	bottom: number;
	left: number;
}

/** The drawing area of a chart: its outer size, its margins and the plot inside them. */
export interface Frame {
	width: number;
	height: number;
	margin: Margin;
	innerWidth: number;
	innerHeight: number;
}

/** A frame of the given outer size; the inner size never goes below 1 pixel. */
export function makeFrame(width: number, height: number, margin: Margin): Frame {
	return {
		width,
		height,
		margin,
		innerWidth: Math.max(1, width - margin.left - margin.right),
		innerHeight: Math.max(1, height - margin.top - margin.bottom)
	};
}
