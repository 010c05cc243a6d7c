/**
 * Colours and patterns for charts. Colours come from the Okabe–Ito set, which people with
 * the common forms of colour blindness can tell apart; every series is also told apart
 * without colour (a dash pattern, a direct label, a texture or lightness order), so the
 * charts still read in greyscale.
 */

export const OKABE_ITO = {
	black: '#000000',
	orange: '#E69F00',
	sky: '#56B4E9',
	green: '#009E73',
	yellow: '#F0E442',
	blue: '#0072B2',
	vermillion: '#D55E00',
	purple: '#CC79A7'
} as const;

/** The colour of trust (median line and bands). */
export const TRUST_COLOUR = OKABE_ITO.blue;
/** Reference lines such as the trust threshold. */
export const REFERENCE_COLOUR = '#8a4b00';
/** Ink for axes and labels drawn in SVG. */
export const INK = '#1b2430';
export const INK_MUTED = '#4a5361';

/** The four components of trust: a colour and a dash pattern each. */
export const COMPONENT_STYLE = {
	integrity: { colour: OKABE_ITO.blue, dash: '' },
	intent: { colour: OKABE_ITO.vermillion, dash: '8 4' },
	competence: { colour: OKABE_ITO.green, dash: '2 3' },
	results: { colour: OKABE_ITO.purple, dash: '10 3 2 3' }
} as const;

/**
 * Ladder rungs from unaware to co-producing: one hue getting darker as people climb, so the
 * order reads in greyscale too (lightness only ever increases with the rung).
 */
export const RUNG_FILLS = [
	'#f1eef6',
	'#d0d1e6',
	'#a6bddb',
	'#74a9cf',
	'#2b8cbe',
	'#045a8d'
] as const;
/** Text colour that reads on each rung fill (AA contrast). */
export const RUNG_TEXT = [
	'#1b2430',
	'#1b2430',
	'#1b2430',
	'#1b2430',
	'#ffffff',
	'#ffffff'
] as const;

/** Dash patterns for lines that must be told apart without colour. */
export const DASH = {
	solid: '',
	threshold: '7 4',
	boundary: '2 3',
	band: '4 3'
} as const;
