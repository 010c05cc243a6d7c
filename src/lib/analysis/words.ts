/** Small helpers for analyses written in words. */

/** A probability as a whole percentage, never rounding a non-zero chance to 0% or 100%. */
export function fmtPct(p: number): string {
	if (!Number.isFinite(p)) return 'unknown';
	if (p <= 0) return '0%';
	if (p >= 1) return '100%';
	const r = Math.round(p * 100);
	if (r === 0) return 'under 1%';
	if (r === 100) return 'over 99%';
	return `${r}%`;
}

/** A list in words: "a", "a and b", "a, b and c" ('' for none). */
export function listWords(items: readonly string[]): string {
	if (items.length <= 1) return items.join('');
	return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/**
 * A label as it reads inside a sentence: its first letter lower-cased, unless its first word
 * looks like an acronym ("KPI rigidity" stays, "Contract length" becomes "contract length").
 */
export function inSentence(label: string): string {
	const first = label.split(/[\s-]/, 1)[0];
	if (/[A-Z0-9]/.test(first.slice(1))) return label;
	return label.charAt(0).toLowerCase() + label.slice(1);
}
