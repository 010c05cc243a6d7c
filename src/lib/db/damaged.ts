/**
 * Stored scenario records that can no longer be read: a record whose fields or scenario
 * fail validation (written by a bug, an extension or a hand edit) is reported as damaged
 * rather than passed to a page, so no page crashes on it. Its raw JSON stays available to
 * download, and it can be deleted.
 */
import { describeIssues, validateScenario, type ValidationIssue } from '../sim';
import type { ComparisonRecord, ScenarioRecord, VersionRecord } from './db';

/** A stored scenario record that failed validation. */
export interface DamagedRecord {
	/** The record's key in the database (always readable: it is the key). */
	id: string;
	/** The record's name when it has one that is text, otherwise a stand-in. */
	name: string;
	/** What is wrong, in plain words. */
	problem: string;
	issues: ValidationIssue[];
	/** The record as stored, as JSON text. */
	raw: string;
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** The record's problems: its own fields and its scenario. Empty when it is readable. */
function recordIssues(raw: unknown): ValidationIssue[] {
	if (!isObject(raw)) return [{ path: '', message: 'The stored record is not an object.' }];
	const issues: ValidationIssue[] = [];
	const need = (field: string, ok: boolean, what: string) => {
		if (!ok) issues.push({ path: field, message: `The record's ${field} must be ${what}.` });
	};
	need('id', typeof raw.id === 'string' && raw.id.length > 0, 'text');
	need('name', typeof raw.name === 'string', 'text');
	need('description', typeof raw.description === 'string', 'text');
	need(
		'tags',
		Array.isArray(raw.tags) && raw.tags.every((t) => typeof t === 'string'),
		'a list of text'
	);
	need('createdAt', Number.isFinite(raw.createdAt), 'a time');
	need('updatedAt', Number.isFinite(raw.updatedAt), 'a time');
	const s = validateScenario(raw.scenario);
	if (!s.ok)
		issues.push(
			...s.error.map((i) => ({ ...i, path: i.path ? `scenario.${i.path}` : 'scenario' }))
		);
	return issues;
}

/** The record as JSON text; never throws (a value JSON cannot hold is described instead). */
function rawText(raw: unknown): string {
	try {
		return JSON.stringify(raw, null, 2) ?? 'null';
	} catch {
		return JSON.stringify({ unreadable: String(raw) });
	}
}

/** Checks one stored scenario record: the record, or what is wrong with it. */
export function checkRecord(
	raw: unknown,
	key = ''
): { ok: true; value: ScenarioRecord } | { ok: false; error: DamagedRecord } {
	const issues = recordIssues(raw);
	if (issues.length === 0) return { ok: true, value: raw as ScenarioRecord };
	const o = isObject(raw) ? raw : {};
	const id = typeof o.id === 'string' && o.id ? o.id : key;
	const name = typeof o.name === 'string' && o.name.trim() ? o.name.trim() : 'Unnamed scenario';
	return {
		ok: false,
		error: { id, name, problem: describeIssues(issues), issues, raw: rawText(raw) }
	};
}

/** Splits stored records into readable ones and damaged ones, keeping their order. */
export function splitRecords(rows: readonly unknown[]): {
	records: ScenarioRecord[];
	damaged: DamagedRecord[];
} {
	const records: ScenarioRecord[] = [];
	const damaged: DamagedRecord[] = [];
	for (const row of rows) {
		const r = checkRecord(row);
		if (r.ok) records.push(r.value);
		else damaged.push(r.error);
	}
	return { records, damaged };
}

/** A file name for a damaged record's data, e.g. `slow-trust-damaged-1b2c3d4e.json`. */
export function damagedFileName(d: DamagedRecord): string {
	const slug = d.id.replace(/[^A-Za-z0-9-]+/g, '').slice(0, 40);
	return `slow-trust-damaged-${slug || 'record'}.json`;
}

/**
 * Whether a stored comparison can be read: an id, a name and a list of scenario ids. One
 * that cannot (written by a bug or a hand edit) is left out of every list and export rather
 * than passed to a page.
 */
export function isReadableComparison(raw: unknown): raw is ComparisonRecord {
	return (
		isObject(raw) &&
		typeof raw.id === 'string' &&
		typeof raw.name === 'string' &&
		Array.isArray(raw.scenarioIds) &&
		raw.scenarioIds.every((x) => typeof x === 'string') &&
		Number.isFinite(raw.createdAt) &&
		Number.isFinite(raw.updatedAt)
	);
}

/** Whether a stored restore point can be read and restored: its scenario must be valid. */
export function isReadableVersion(raw: unknown): raw is VersionRecord {
	return (
		isObject(raw) &&
		typeof raw.id === 'number' &&
		typeof raw.scenarioId === 'string' &&
		Number.isFinite(raw.savedAt) &&
		validateScenario(raw.scenario).ok
	);
}
