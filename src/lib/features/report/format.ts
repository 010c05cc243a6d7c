/** Numbers and dates as the report prints them (British English). */

const whole = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const decimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });

/** A parameter's value: whole numbers with separators, others to at most four decimals. */
export function fmtValue(v: number | null, integer: boolean): string {
	if (v === null || !Number.isFinite(v)) return '—';
	return integer ? whole.format(v) : decimals.format(v);
}

/** A date and time in words, e.g. "26 November 2026, 12:05". */
export function fmtDate(ms: number): string {
	return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeStyle: 'short' }).format(
		new Date(ms)
	);
}
