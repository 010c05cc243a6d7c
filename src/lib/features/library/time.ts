/** Times in the library, in words ("5 minutes ago") and in full ("26 Nov 2026, 11:02"). */

const relative = new Intl.RelativeTimeFormat('en-GB', { numeric: 'auto' });
const absolute = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "just now", "5 minutes ago", "yesterday", "3 weeks ago"… */
export function relativeTime(time: number, now: number): string {
	const d = time - now;
	const a = Math.abs(d);
	if (a < 45_000) return 'just now';
	if (a < HOUR) return relative.format(Math.round(d / MINUTE), 'minute');
	if (a < DAY) return relative.format(Math.round(d / HOUR), 'hour');
	if (a < 7 * DAY) return relative.format(Math.round(d / DAY), 'day');
	if (a < 30 * DAY) return relative.format(Math.round(d / (7 * DAY)), 'week');
	if (a < 365 * DAY) return relative.format(Math.round(d / (30 * DAY)), 'month');
	return relative.format(Math.round(d / (365 * DAY)), 'year');
}

/** The date and time in full, for people. */
export function absoluteTime(time: number): string {
	return absolute.format(new Date(time));
}

/** The ISO form, for `<time datetime>`. */
export function isoTime(time: number): string {
	return new Date(time).toISOString();
}
