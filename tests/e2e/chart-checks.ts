/**
 * Checks of what a chart draws, as a reader sees it: labels that overlap, text lying across a
 * bar, text running past its chart's edge. Each returns the offending texts (empty when none).
 */
import type { Locator } from '@playwright/test';

/** Pairs of elements among `items` whose boxes overlap by more than a pixel each way. */
export function overlaps(items: Locator): Promise<string[]> {
	return items.evaluateAll((els) => {
		const boxes = els
			.filter((e) => e.textContent?.trim())
			.map((e) => ({ text: e.textContent?.trim() ?? '', r: e.getBoundingClientRect() }));
		const out: string[] = [];
		for (let i = 0; i < boxes.length; i++)
			for (let j = i + 1; j < boxes.length; j++) {
				const a = boxes[i].r;
				const b = boxes[j].r;
				const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
				const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
				if (w > 1 && h > 1) out.push(`${boxes[i].text} / ${boxes[j].text}`);
			}
		return out;
	});
}

/** Texts inside `root` that lie across one of its `.bar` rectangles. */
export function textOverBars(root: Locator): Promise<string[]> {
	return root.evaluate((el) => {
		const bars = [...el.querySelectorAll('.bar')].map((b) => b.getBoundingClientRect());
		const out: string[] = [];
		for (const text of el.querySelectorAll('svg text')) {
			const r = text.getBoundingClientRect();
			const hit = bars.some(
				(b) =>
					Math.min(r.right, b.right) - Math.max(r.left, b.left) > 1 &&
					Math.min(r.bottom, b.bottom) - Math.max(r.top, b.top) > 1
			);
			if (hit && text.textContent?.trim()) out.push(text.textContent.trim());
		}
		return out;
	});
}

/** Texts of the SVGs inside `root` that run past their SVG's right or left edge. */
export function cutOff(root: Locator): Promise<string[]> {
	return root.evaluate((el) => {
		const out: string[] = [];
		for (const svg of el.querySelectorAll('svg')) {
			const box = svg.getBoundingClientRect();
			for (const text of svg.querySelectorAll('text')) {
				const r = text.getBoundingClientRect();
				if (text.textContent?.trim() && (r.right > box.right + 1 || r.left < box.left - 1))
					out.push(text.textContent.trim());
			}
		}
		return out;
	});
}
