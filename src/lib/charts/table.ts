/** The data behind a chart, as a plain table that any chart can show instead of its plot. */
export interface TableData {
	/** Says what the table holds; becomes the table's caption. */
	caption: string;
	/** Column headings; the first column heads each row. */
	columns: string[];
	/** Cells as text, already formatted; the first cell of a row is its heading. */
	rows: string[][];
	/** Columns holding words rather than numbers (left-aligned); by index. */
	textColumns?: number[];
}
