import type { Attachment } from 'svelte/attachments';

/**
 * Follows an element's width (its content box, in whole pixels) and hands each new width to
 * `onwidth`: `<div {@attach measureWidth((w) => (width = w))}>`. `round` makes whole pixels of
 * a fractional width: down by default; `Math.round` gives what `clientWidth` gives.
 *
 * The width is handed over in the next animation frame, not inside the observer's callback:
 * redrawing there changes the page's layout while the browser is still delivering size
 * changes, which it reports as an error ("ResizeObserver loop completed with undelivered
 * notifications").
 */
export function measureWidth(
	onwidth: (width: number) => void,
	round: (width: number) => number = Math.floor
): Attachment<HTMLElement> {
	return (element) => {
		let frame = 0;
		const observer = new ResizeObserver((entries) => {
			const width = round(entries[0]?.contentRect.width ?? 0);
			cancelAnimationFrame(frame);
			frame = requestAnimationFrame(() => onwidth(width));
		});
		observer.observe(element);
		return () => {
			cancelAnimationFrame(frame);
			observer.disconnect();
		};
	};
}
