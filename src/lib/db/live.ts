/**
 * Live views of the library through Dexie's liveQuery: a query re-runs whenever the data
 * it read changes, in this tab or in another tab of the same browser, so two open pages
 * stay in step. Framework-free: a component subscribes and unsubscribes.
 */
import { liveQuery } from 'dexie';
import {
	isCurrentModelResult,
	isEarlierModelResult,
	type ScenarioRecord,
	type TrashRecord
} from './db';
import { splitRecords, type DamagedRecord } from './damaged';
import { guard, ok, toStorageError, type StorageError, type StorageResult } from './errors';
import { resultKey, type Library } from './library';

/** The median trust of a scenario's last result, month by month, for a sparkline. */
export interface TrustTrend {
	/** Median (p50) trust by month, 0 to 1. */
	median: number[];
	/** The trust threshold the result was computed with. */
	threshold: number;
	/** Simulated futures behind the result. */
	runs: number;
	/** When the result was computed (milliseconds since the epoch). */
	computedAt: number;
	/**
	 * False when the scenario was edited after this result, or another version of the model
	 * computed it: it is shown, but as past.
	 */
	current: boolean;
}

/** One scenario of the library, with the trend of its last result (null when never run). */
export interface LibraryEntry {
	record: ScenarioRecord;
	trend: TrustTrend | null;
}

/**
 * Reads every readable scenario with the median trust of its last result, most recently
 * changed first. Only the median series is kept from each stored summary. Damaged records
 * are left out (see `readDamaged`).
 */
export function readLibrary(lib: Library): Promise<StorageResult<LibraryEntry[]>> {
	const { db } = lib;
	return guard(() =>
		db.transaction('r', db.scenarios, db.results, async () => {
			const { records } = splitRecords(await db.scenarios.orderBy('updatedAt').reverse().toArray());
			const keys = records.map((r) => r.lastResultKey).filter((k): k is string => Boolean(k));
			const results = keys.length ? await db.results.bulkGet(keys) : [];
			const byKey = new Map(results.filter((r) => r !== undefined).map((r) => [r.key, r] as const));
			return ok(
				records.map((record): LibraryEntry => {
					const result = record.lastResultKey ? byKey.get(record.lastResultKey) : undefined;
					const median = result?.summary?.series?.trust?.p50;
					// An earlier major version of the model measured other things: not shown at all.
					if (
						!result ||
						isEarlierModelResult(result) ||
						!Array.isArray(median) ||
						median.length === 0
					)
						return { record, trend: null };
					return {
						record,
						trend: {
							median: [...median],
							threshold: result.summary.threshold,
							runs: result.summary.receipt?.runs ?? 0,
							computedAt: result.createdAt,
							current: result.key === resultKey(record.scenario) && isCurrentModelResult(result)
						}
					};
				})
			);
		})
	);
}

/** What a live subscription reports: the latest value, or a storage error in plain words. */
export interface WatchHandlers<T> {
	next: (value: T) => void;
	error: (error: StorageError) => void;
}

/**
 * Runs `query` now and again whenever what it read changes (here or in another tab).
 * A query that returns `{ ok: false }` or throws reports through `error`. Returns the
 * function that stops watching.
 */
export function watch<T>(
	query: () => Promise<StorageResult<T>>,
	handlers: WatchHandlers<T>
): () => void {
	const subscription = liveQuery(async () => {
		const r = await query();
		// Throwing makes liveQuery report the error and keep watching for the next change.
		if (!r.ok) throw r.error;
		return r.value;
	}).subscribe({
		next: handlers.next,
		error: (e: unknown) => handlers.error(isStorageError(e) ? e : toStorageError(e))
	});
	return () => subscription.unsubscribe();
}

function isStorageError(e: unknown): e is StorageError {
	return (
		typeof e === 'object' &&
		e !== null &&
		typeof (e as StorageError).kind === 'string' &&
		typeof (e as StorageError).message === 'string'
	);
}

/** Watches the whole library (see `readLibrary`). */
export function watchLibrary(lib: Library, handlers: WatchHandlers<LibraryEntry[]>): () => void {
	return watch(() => readLibrary(lib), handlers);
}

/** Watches the trash, most recently deleted first (see `Library.listTrash`). */
export function watchTrash(lib: Library, handlers: WatchHandlers<TrashRecord[]>): () => void {
	return watch(() => lib.listTrash(), handlers);
}

/** Reads the stored scenario records that fail validation, most recently changed first. */
export function readDamaged(lib: Library): Promise<StorageResult<DamagedRecord[]>> {
	const { db } = lib;
	return guard(async () =>
		ok(splitRecords(await db.scenarios.orderBy('updatedAt').reverse().toArray()).damaged)
	);
}

/** Watches the damaged records of the library (see `readDamaged`). */
export function watchDamaged(lib: Library, handlers: WatchHandlers<DamagedRecord[]>): () => void {
	return watch(() => readDamaged(lib), handlers);
}
