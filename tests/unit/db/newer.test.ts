/**
 * A library made by a newer version of the app (a higher IndexedDB version, perhaps with
 * stores this version does not know) is refused with the plain "newer version" message and
 * never written to.
 */
import 'fake-indexeddb/auto';
import { expect, it } from 'vitest';
import { DB_NAME, DB_VERSION } from '../../../src/lib/db/db';
import { MESSAGES } from '../../../src/lib/db/errors';
import { ensureLibrary, openScenario } from '../../../src/lib/db/ready';

/** Creates the app's database as a newer version would: version 5, with a new store. */
function makeNewerDatabase(): Promise<void> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, (DB_VERSION + 1) * 10);
		request.onupgradeneeded = () => {
			const db = request.result;
			db.createObjectStore('scenarios', { keyPath: 'id' });
			db.createObjectStore('somethingNew', { keyPath: 'id' });
		};
		request.onsuccess = () => {
			request.result.close();
			resolve();
		};
		request.onerror = () => reject(request.error);
	});
}

/** How many scenarios the database holds, read without the app. */
function scenarioCount(): Promise<number> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME);
		request.onsuccess = () => {
			const db = request.result;
			const count = db.transaction('scenarios').objectStore('scenarios').count();
			count.onsuccess = () => {
				db.close();
				resolve(count.result);
			};
		};
		request.onerror = () => reject(request.error);
	});
}

it('refuses a library made by a newer version and writes nothing to it', async () => {
	await makeNewerDatabase();
	const opened = await ensureLibrary();
	expect(opened.ok).toBe(false);
	if (opened.ok) return;
	expect(opened.error.message).toBe(MESSAGES.newer);
	expect(await scenarioCount()).toBe(0);
	const page = await openScenario('preset-typical');
	expect(page.ok ? null : page.error).toEqual({ kind: 'error', message: MESSAGES.newer });
	expect(await scenarioCount()).toBe(0);
});
