/**
 * Searching and sorting the library list. Pure functions over what `readLibrary` returns,
 * so the page filters as the user types without touching the database.
 */
import type { ScenarioRecord } from './db';

/** The orders the library can be shown in. */
export type SortKey = 'edited' | 'name' | 'created';

export const SORT_OPTIONS: readonly { key: SortKey; label: string }[] = [
	{ key: 'edited', label: 'Last edited' },
	{ key: 'name', label: 'Name (A to Z)' },
	{ key: 'created', label: 'Newest first' }
];

export interface LibraryFilter {
	/** Words to find in the name, description or tags (every word must be found). */
	query: string;
	/** Only scenarios with this tag ('' for any). */
	tag: string;
	sort: SortKey;
}

/** Lower case without accents, so "cafe" finds "Café". */
function fold(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase();
}

/** Whether a scenario matches every word of the query in its name, description or tags. */
export function matchesQuery(
	record: Pick<ScenarioRecord, 'name' | 'description' | 'tags'>,
	query: string
): boolean {
	const words = fold(query).split(/\s+/).filter(Boolean);
	if (words.length === 0) return true;
	const haystack = [record.name, record.description, ...record.tags].map(fold);
	return words.every((w) => haystack.some((h) => h.includes(w)));
}

/** Whether a scenario has a tag (ignoring case). */
export function hasTag(record: Pick<ScenarioRecord, 'tags'>, tag: string): boolean {
	if (!tag) return true;
	const t = fold(tag);
	return record.tags.some((x) => fold(x) === t);
}

const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** Compares two scenarios for an order; ties fall back to the name, then the id. */
export function compareRecords(a: ScenarioRecord, b: ScenarioRecord, sort: SortKey): number {
	let d: number;
	switch (sort) {
		case 'edited':
			d = b.updatedAt - a.updatedAt;
			break;
		case 'created':
			d = b.createdAt - a.createdAt;
			break;
		case 'name':
			d = 0;
			break;
		default:
			return sort satisfies never;
	}
	return d || collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The items that pass the filter, in the chosen order. Does not change `items`. */
export function filterAndSort<T extends { record: ScenarioRecord }>(
	items: readonly T[],
	filter: LibraryFilter
): T[] {
	return items
		.filter((e) => hasTag(e.record, filter.tag) && matchesQuery(e.record, filter.query))
		.sort((a, b) => compareRecords(a.record, b.record, filter.sort));
}

/** Every tag in use with how many scenarios carry it, in name order (one spelling per tag). */
export function tagCounts(
	records: readonly Pick<ScenarioRecord, 'tags'>[]
): { tag: string; count: number }[] {
	const counts = new Map<string, { tag: string; count: number }>();
	for (const r of records)
		for (const t of r.tags) {
			const key = fold(t);
			const c = counts.get(key);
			if (c) c.count++;
			else counts.set(key, { tag: t, count: 1 });
		}
	return [...counts.values()].sort((a, b) => collator.compare(a.tag, b.tag));
}
