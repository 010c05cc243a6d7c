/**
 * Work that must be saved before the page goes away (a reload for a new version, a closed
 * tab): features register a flush (e.g. the workbench's pending autosave) and whoever is
 * about to reload awaits them all first.
 */

type Flush = () => Promise<unknown>;

const flushes = new Set<Flush>();

/** Registers a flush; returns the function that removes it. */
export function registerFlush(flush: Flush): () => void {
	flushes.add(flush);
	return () => flushes.delete(flush);
}

/** Runs every registered flush and waits for all of them (a failing one does not stop the rest). */
export async function flushAll(): Promise<void> {
	await Promise.allSettled([...flushes].map((flush) => flush()));
}
