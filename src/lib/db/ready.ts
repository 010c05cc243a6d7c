/**
 * The app's one way into its library: opens the database and places the read-only
 * examples once per page load, whichever page the user lands on first (the library, a
 * scenario's workbench, a share link).
 */
import { library, type Library } from './library';
import type { StorageResult } from './errors';

let ready: Promise<StorageResult<Library>> | undefined;

/** The library with the examples in place, or a storage error a person can read. */
export function ensureLibrary(): Promise<StorageResult<Library>> {
	ready ??= (async (): Promise<StorageResult<Library>> => {
		const lib = library();
		const seeded = await lib.seedPresets();
		if (!seeded.ok) {
			// A later call may succeed (the other tab closed, space was freed).
			ready = undefined;
			return seeded;
		}
		return { ok: true, value: lib };
	})();
	return ready;
}
