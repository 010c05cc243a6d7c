/**
 * How scenarios are told apart on the comparison charts: a letter, an Okabe–Ito colour and
 * a dash pattern each, so they read without colour and in greyscale.
 */
import { OKABE_ITO } from '$lib/charts/palette';

const LETTERS = ['A', 'B', 'C', 'D'] as const;

export const SCENARIO_STYLE = [
	{ colour: OKABE_ITO.blue, dash: '' },
	{ colour: OKABE_ITO.vermillion, dash: '9 4' },
	{ colour: OKABE_ITO.green, dash: '2 3' },
	{ colour: OKABE_ITO.purple, dash: '12 3 3 3' }
] as const;

/** The letter of the scenario at an index (A, B, C, D). */
export function letter(i: number): string {
	return LETTERS[i] ?? String(i + 1);
}
