/** Pure reads of the library's data, with no state: saved comparisons with their scenarios' names, and names that clash on import. */
import type { ComparisonRecord } from '$lib/db/db';
import type { StorageResult } from '$lib/db/errors';
import type { Library } from '$lib/db/library';
import type { LibraryEntry } from '$lib/db/live';
import type { ParsedImport } from '$lib/db/transfer';

/** One saved comparison as the library lists it. */
export interface ComparisonRow {
	comparison: ComparisonRecord;
	/** Names of its scenarios still in the library, in order. */
	names: string[];
}

/** Every saved comparison, with the names of its scenarios still in the library. */
export async function readComparisonRows(lib: Library): Promise<StorageResult<ComparisonRow[]>> {
	const [comparisons, scenarios] = await Promise.all([lib.listComparisons(), lib.listScenarios()]);
	if (!comparisons.ok) return comparisons;
	if (!scenarios.ok) return scenarios;
	const names = new Map(scenarios.value.map((s) => [s.id, s.name]));
	return {
		ok: true,
		value: comparisons.value.map((comparison) => ({
			comparison,
			names: comparison.scenarioIds.flatMap((id) => names.get(id) ?? [])
		}))
	};
}

/** A name in a file being imported that is already in the library. */
export interface Clash {
	name: string;
	/** The clash is with a read-only example, which is never replaced. */
	example: boolean;
}

/** The names in a file that are already in the library (in any case), each once, in the file's order. */
export function findClashes(parsed: ParsedImport, entries: readonly LibraryEntry[]): Clash[] {
	const existing = new Map(entries.map((e) => [e.record.name.toLowerCase(), e.record]));
	const clashes: Clash[] = [];
	const seen = new Set<string>();
	for (const item of parsed.items) {
		const key = item.name.toLowerCase();
		const hit = existing.get(key);
		if (hit && !seen.has(key)) {
			seen.add(key);
			clashes.push({ name: item.name, example: Boolean(hit.presetId) });
		}
	}
	return clashes;
}
