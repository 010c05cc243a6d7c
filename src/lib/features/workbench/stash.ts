/**
 * The last edit of a scenario, kept at once when the page goes away before autosave has
 * stored it. A save to IndexedDB is asynchronous and a closing page may not live to finish
 * it (the "Leave site?" dialog even holds it back until the page is gone); a write to
 * localStorage is synchronous. The next time the scenario opens, an edit kept here is put
 * back and saved; if the scenario was saved elsewhere since, the person chooses what to keep
 * (the stash holds the version the edit started from, for a merge).
 */
import { validateScenario, type Scenario } from '$lib/sim';

/** The part of the Web Storage API the stash needs (localStorage, or a stand-in in tests). */
export interface StashStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
	removeItem(key: string): void;
}

export interface Stash {
	scenario: Scenario;
	/** The stored record's `updatedAt` when the edit was made. */
	savedAt: number;
	/** The stored record's revision the edit started from (absent in older stashes). */
	revision?: number;
	/** The stored scenario the edit started from (absent in older stashes). */
	base?: Scenario;
}

const keyOf = (id: string) => `slow-trust:unsaved:${id}`;

/** The browser's localStorage, or null where there is none (or it is blocked). */
export function defaultStashStore(): StashStore | null {
	try {
		return typeof localStorage === 'undefined' ? null : localStorage;
	} catch {
		return null;
	}
}

/** Keeps the edit; a full or blocked storage loses nothing that autosave would not. */
export function writeStash(store: StashStore | null, id: string, stash: Stash): void {
	try {
		store?.setItem(keyOf(id), JSON.stringify(stash));
	} catch {
		// Nothing more can be done while the page closes.
	}
}

export function clearStash(store: StashStore | null, id: string): void {
	try {
		store?.removeItem(keyOf(id));
	} catch {
		// As above.
	}
}

/** Takes (reads and removes) the kept edit of a scenario, if any and still valid. */
export function takeStash(store: StashStore | null, id: string): Stash | null {
	let text: string | null = null;
	try {
		text = store?.getItem(keyOf(id)) ?? null;
	} catch {
		return null;
	}
	if (text === null) return null;
	clearStash(store, id);
	try {
		const raw: unknown = JSON.parse(text);
		if (typeof raw !== 'object' || raw === null || !('scenario' in raw) || !('savedAt' in raw))
			return null;
		const scenario = validateScenario(raw.scenario);
		if (!scenario.ok || typeof raw.savedAt !== 'number') return null;
		const kept: Stash = { scenario: scenario.value, savedAt: raw.savedAt };
		if ('revision' in raw && typeof raw.revision === 'number') kept.revision = raw.revision;
		const base = 'base' in raw ? validateScenario(raw.base) : null;
		if (base?.ok) kept.base = base.value;
		return kept;
	} catch {
		return null;
	}
}
