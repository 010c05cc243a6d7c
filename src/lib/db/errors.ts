/**
 * Storage errors as values, each with a kind the UI can branch on and a message in plain
 * words. Dexie and DOM errors are mapped by name (an AbortError is mapped by its cause).
 */
import { describeIssues, type Result, type ValidationIssue } from '../sim';
import type { DamagedRecord } from './damaged';
import type { ScenarioRecord } from './db';

type StorageErrorKind =
	| 'quota'
	| 'blocked'
	| 'unavailable'
	| 'not-found'
	| 'read-only'
	| 'invalid'
	| 'damaged'
	| 'conflict'
	| 'unknown';

export interface StorageError {
	kind: StorageErrorKind;
	/** What happened and what to do, in plain words. */
	message: string;
	/** The problems found, when a scenario or a field was not valid. */
	issues?: ValidationIssue[];
	/** The technical name of the underlying error, for a details line or a bug report. */
	cause?: string;
	/** The stored record, when it is damaged (kind 'damaged'). */
	damaged?: DamagedRecord;
	/** The record as stored now, when a save was refused because it had changed (kind 'conflict'). */
	current?: ScenarioRecord;
}

/** A storage operation's value, or its error: the app's one `Result`, with a StorageError. */
export type StorageResult<T> = Result<T, StorageError>;

export const MESSAGES = {
	quota:
		'Your browser is out of storage space for this site. Nothing was saved; your edit is still on screen. Free some space or export your library, then try again.',
	blocked:
		'Slow Trust is open in another tab with an older version of its library. Close the other Slow Trust tabs, then reload this page. Nothing was changed.',
	unavailable:
		'This browser is not letting Slow Trust store anything right now (private browsing can block it). Nothing was saved; your edit is still on screen. Reload the page, or export your work to keep a copy.',
	newer:
		'Your library was saved by a newer version of Slow Trust. Reload the page to get the newest version. Nothing was changed.',
	notFound: 'That item is no longer in your library. It may have been deleted in another tab.',
	conflict:
		'This scenario was changed in another tab or window since this page last saw it. Nothing was overwritten.',
	readOnly: 'This is a read-only example. Make a copy to change it; the copy is yours to edit.',
	unknown:
		'Something went wrong while using this browser’s storage. Nothing was changed. Try again; if it keeps happening, export your library to keep a copy.'
} as const;

export function ok<T>(value: T): StorageResult<T> {
	return { ok: true, value };
}

function fail<T = never>(
	kind: StorageErrorKind,
	message: string,
	extra: Partial<StorageError> = {}
): StorageResult<T> {
	return { ok: false, error: { kind, message, ...extra } };
}

export function notFound<T = never>(what = 'That item'): StorageResult<T> {
	return fail(
		'not-found',
		what === 'That item'
			? MESSAGES.notFound
			: `${what} is no longer in your library. It may have been deleted in another tab.`
	);
}

export function readOnly<T = never>(): StorageResult<T> {
	return fail('read-only', MESSAGES.readOnly);
}

/**
 * A save refused because the stored record changed since the writer read it (another tab
 * saved, renamed or imported over it). Carries the record as it is now.
 */
export function conflict<T = never>(current: ScenarioRecord): StorageResult<T> {
	return fail('conflict', MESSAGES.conflict, { current });
}

/** A stored scenario record that fails validation: never handed to a page as a scenario. */
export function damaged<T = never>(d: DamagedRecord): StorageResult<T> {
	return fail('damaged', `This scenario's stored data is damaged: ${d.problem}`, {
		issues: d.issues,
		damaged: d
	});
}

export function invalid<T = never>(
	issues: ValidationIssue[],
	prefix = 'Nothing was saved:'
): StorageResult<T> {
	return fail('invalid', `${prefix} ${describeIssues(issues)}`, { issues });
}

function nameOf(e: unknown): string | undefined {
	if (typeof e === 'object' && e !== null && 'name' in e) {
		const n = (e as { name: unknown }).name;
		return typeof n === 'string' ? n : undefined;
	}
	return undefined;
}

function innerOf(e: unknown): unknown {
	if (typeof e === 'object' && e !== null) {
		const o = e as { inner?: unknown; cause?: unknown };
		return o.inner ?? o.cause;
	}
	return undefined;
}

/** Maps any error thrown by Dexie or IndexedDB to a StorageError. */
export function toStorageError(e: unknown): StorageError {
	// Follow the chain of causes: an AbortError or OpenFailedError wraps the real reason.
	const names: string[] = [];
	let cur: unknown = e;
	for (let depth = 0; cur !== undefined && cur !== null && depth < 6; depth++) {
		const n = nameOf(cur);
		if (n) names.push(n);
		cur = innerOf(cur);
	}
	const cause = names.join(' ← ') || String(e);
	const has = (n: string) => names.includes(n);
	if (has('QuotaExceededError')) return { kind: 'quota', message: MESSAGES.quota, cause };
	if (has('VersionError')) return { kind: 'unavailable', message: MESSAGES.newer, cause };
	if (has('BlockedError') || has('VersionChangeError'))
		return { kind: 'blocked', message: MESSAGES.blocked, cause };
	if (
		has('MissingAPIError') ||
		has('DatabaseClosedError') ||
		has('OpenFailedError') ||
		has('InvalidStateError') ||
		has('SecurityError') ||
		has('UnknownError')
	)
		return { kind: 'unavailable', message: MESSAGES.unavailable, cause };
	return { kind: 'unknown', message: MESSAGES.unknown, cause };
}

/** Runs a storage operation, turning anything thrown into a StorageError value. */
export async function guard<T>(op: () => Promise<StorageResult<T>>): Promise<StorageResult<T>> {
	try {
		return await op();
	} catch (e) {
		if (e instanceof Rejection) return { ok: false, error: e.error };
		return { ok: false, error: toStorageError(e) };
	}
}

/**
 * Thrown inside a transaction to abort it with a StorageError already in plain words;
 * `guard` turns it back into a value.
 */
export class Rejection extends Error {
	constructor(readonly error: StorageError) {
		super(error.message);
		this.name = 'Rejection';
	}
}
