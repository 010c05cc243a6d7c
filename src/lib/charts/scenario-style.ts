/**
 * How scenarios are told apart on the comparison charts: a letter, an Okabe–Ito colour and
 * a dash pattern each, so they read without colour and in greyscale.
 */
import { INK_MUTED, OKABE_ITO } from '$lib/charts/palette';

const LETTERS = ['A', 'B', 'C', 'D'] as const;

export const SCENARIO_STYLE = [
	{ colour: OKABE_ITO.blue, dash: '' },
	{ colour: OKABE_ITO.vermillion, dash: '9 4' },
	{ colour: OKABE_ITO.green, dash: '2 3' },
	{ colour: OKABE_ITO.purple, dash: '12 3 3 3' }
] as const;

/**
 * The trust threshold on a comparison chart: grey and dash-dot-dot, so that it is unlike every
 * scenario's median in colour and in dash (the brown dashes of the single-scenario charts
 * would read as B's dashed vermillion line).
 */
export const THRESHOLD_STYLE = { colour: INK_MUTED, dash: '16 3 2 3 2 3' } as const;

/** The letter of the scenario at an index (A, B, C, D). */
export function letter(i: number): string {
	return LETTERS[i] ?? String(i + 1);
}
