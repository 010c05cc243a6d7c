/** Small helpers for analyses written in words. */

/**
 * A label as it reads inside a sentence: its first letter lower-cased, unless its first word
 * looks like an acronym ("KPI rigidity" stays, "Contract length" becomes "contract length").
 */
export function inSentence(label: string): string {
	const first = label.split(/[\s-]/, 1)[0];
	if (/[A-Z0-9]/.test(first.slice(1))) return label;
	return label.charAt(0).toLowerCase() + label.slice(1);
}
