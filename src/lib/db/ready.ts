/**
 * The app's one way into its library: opens the database, places the read-only examples and
 * purges the trash of what was deleted long ago, once per page load, whichever page the
 * user lands on first (the library, a scenario's workbench, a share link).
 */
import type { Result } from '../sim';
import type { ScenarioRecord } from './db';
import type { DamagedRecord } from './damaged';
import { library, type Library } from './library';
import { MESSAGES, toStorageError, type StorageResult } from './errors';

let ready: Promise<StorageResult<Library>> | undefined;

/**
 * Opens the database, refusing (and closing) one made by a newer version of the app before
 * anything is written to it.
 */
async function openOwnVersion(lib: Library): Promise<StorageResult<number>> {
	try {
		await lib.db.open();
	} catch (e) {
		return { ok: false, error: toStorageError(e) };
	}
	if (lib.db.isNewer()) {
		lib.db.close();
		return {
			ok: false,
			error: { kind: 'unavailable', message: MESSAGES.newer, cause: 'NewerDatabase' }
		};
	}
	return { ok: true, value: lib.db.verno };
}

/** The library with the examples in place, or a storage error a person can read. */
export function ensureLibrary(): Promise<StorageResult<Library>> {
	ready ??= (async (): Promise<StorageResult<Library>> => {
		const lib = library();
		// An older version of the app open in another tab holds the database at its older
		// version; opening would wait for that tab, silently, for as long as it stays open.
		// Say so instead (the open goes on waiting, and completes if the other tab closes).
		let onBlocked = () => {};
		const blocked = new Promise<StorageResult<number>>((resolve) => {
			onBlocked = () =>
				resolve({
					ok: false,
					error: { kind: 'blocked', message: MESSAGES.blocked, cause: 'BlockedEvent' }
				});
		});
		lib.db.on('blocked', onBlocked);
		const opened = await Promise.race([openOwnVersion(lib), blocked]);
		if (!opened.ok) {
			lib.db.on('blocked').unsubscribe(onBlocked);
			ready = undefined;
			return opened;
		}
		const seeded = await Promise.race([lib.seedPresets(), blocked]);
		lib.db.on('blocked').unsubscribe(onBlocked);
		if (!seeded.ok) {
			// A later call may succeed (the other tab closed, space was freed).
			ready = undefined;
			return seeded;
		}
		// Scenarios deleted more than TRASH_DAYS ago go for good. The library opens even if
		// this fails: they are purged on a later open.
		await lib.purgeTrash();
		return { ok: true, value: lib };
	})();
	return ready;
}

/**
 * Why a page could not open its scenario: it is not in the library, its stored data is
 * damaged (with the raw record to download), or storage failed.
 */
export type OpenFailure =
	| { kind: 'not-found' }
	| { kind: 'damaged'; message: string; damaged: DamagedRecord }
	| { kind: 'error'; message: string };

/** Opens the library and one scenario in it, for a page about that scenario. */
export async function openScenario(
	id: string
): Promise<Result<{ lib: Library; record: ScenarioRecord }, OpenFailure>> {
	const ready = await ensureLibrary();
	if (!ready.ok) return { ok: false, error: { kind: 'error', message: ready.error.message } };
	const found = await ready.value.getScenario(id);
	if (!found.ok)
		return {
			ok: false,
			error:
				found.error.kind === 'not-found'
					? { kind: 'not-found' }
					: found.error.kind === 'damaged' && found.error.damaged
						? { kind: 'damaged', message: found.error.message, damaged: found.error.damaged }
						: { kind: 'error', message: found.error.message }
		};
	return { ok: true, value: { lib: ready.value, record: found.value } };
}
