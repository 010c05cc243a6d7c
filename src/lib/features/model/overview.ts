/**
 * The sections of the model page's plain-English overview, shared by the overview component
 * (which renders them) and the page's server load (which keeps the documentation's heading
 * ids clear of them).
 */
export const OVERVIEW_ID = 'overview';

export const OVERVIEW_SECTIONS: readonly { id: string; title: string }[] = [
	{ id: 'overview-parts', title: 'Trust has four parts' },
	{ id: 'overview-slow-in-fast-out', title: 'Slow in, fast out' },
	{ id: 'overview-ladder', title: 'The ladder of co-production' },
	{ id: 'overview-contracts', title: 'Contracts and KPIs' },
	{ id: 'overview-futures', title: 'Many possible futures' },
	{ id: 'overview-settings', title: 'Every setting, with its source' }
];

/** Every id the model page sets outside the rendered documentation (with the shell's). */
export const PAGE_IDS: readonly string[] = [
	'main',
	OVERVIEW_ID,
	'overview-heading',
	...OVERVIEW_SECTIONS.map((s) => s.id)
];

/** The model's documentation as the page gets it, rendered at build time (src/lib/docs). */
export interface ModelDoc {
	html: string;
	title: string;
	/** Every heading: its Markdown level, id and plain text. */
	headings: { depth: number; id: string; text: string }[];
	/** The anchors the document declares, each with the id of the heading above it. */
	anchors: { id: string; headingId: string | null }[];
}
