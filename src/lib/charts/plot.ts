/**
 * The plot context: the frame (outer size, margins, inner size) and the chart text size that
 * a plot's SVG (PlotSvg) hands to the marks drawn inside it, so a mark needs only its own data.
 */
import { createContext } from 'svelte';
import type { Frame } from './frame';

/** What every mark of a plot may read. Getters, so the marks follow a resized frame. */
export interface PlotContext {
	readonly frame: Frame;
	/** Chart text size in pixels. */
	readonly em: number;
}

/** `getPlot()` in a mark; `setPlot(...)` only in PlotSvg. */
export const [getPlot, setPlot] = createContext<PlotContext>();
