/**
 * Import and export of the library as a JSON document. Parsing and validation are pure
 * functions (`parseLibraryText`, `parseLibraryValue`), separate from the one database
 * write (`importLibrary`), which runs in a single transaction: a file with any problem
 * changes nothing.
 */
import {
	MODEL_VERSION,
	describeIssues,
	validateScenario,
	type Scenario,
	type ValidationIssue
} from '../sim';
import { revisionOf, type ComparisonRecord, type ScenarioRecord } from './db';
import { isReadableComparison, splitRecords } from './damaged';
import { guard, notFound, ok, type StorageResult } from './errors';
import {
	COMPARISON_MAX_SCENARIOS,
	checkDescription,
	checkName,
	checkTags,
	newId,
	uniqueName,
	type Library
} from './library';

export const LIBRARY_FORMAT = 'slow-trust-library';
const LIBRARY_FILE_VERSION = 1;
/** Files larger than this are refused before they are read. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;
/** The most scenarios one file may hold. */
const MAX_IMPORT_ITEMS = 1000;
const MAX_IMPORT_COMPARISONS = 200;

/** One scenario in a library file. */
interface LibraryItem {
	name: string;
	description: string;
	tags: string[];
	scenario: Scenario;
}

/** A comparison in a library file: its scenarios by position in `scenarios`. */
interface LibraryComparison {
	name: string;
	scenarios: number[];
}

export interface LibraryDocument {
	format: typeof LIBRARY_FORMAT;
	version: typeof LIBRARY_FILE_VERSION;
	/** ISO 8601 time of export. */
	exportedAt: string;
	modelVersion: string;
	scenarios: LibraryItem[];
	comparisons?: LibraryComparison[];
	/**
	 * Stored records that failed validation, as they were stored: kept apart so the rest of
	 * the file always imports (import leaves them out, with a note).
	 */
	damaged?: unknown[];
}

/** One problem in a file: which item (0-based index and name, when it is about an item) and which field. */
export interface TransferIssue {
	index?: number;
	name?: string;
	path: string;
	message: string;
}

interface TransferError {
	/** What is wrong and that nothing was imported, in plain words. */
	message: string;
	issues: TransferIssue[];
}

export type TransferResult<T> = { ok: true; value: T } | { ok: false; error: TransferError };

/** A validated file, ready to write. */
export interface ParsedImport {
	kind: 'library' | 'scenario' | 'list';
	items: LibraryItem[];
	comparisons: LibraryComparison[];
	/** Damaged records the file carried apart, which are not imported. */
	damagedLeftOut: number;
}

const NOTHING = 'Nothing was imported.';

function fileError(message: string, path = ''): TransferResult<never> {
	return { ok: false, error: { message: `${message} ${NOTHING}`, issues: [{ path, message }] } };
}

function formatBytes(n: number): string {
	return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/** Refuses a file by its size before reading it. */
export function checkFileSize(bytes: number): TransferResult<true> {
	if (bytes > MAX_FILE_BYTES)
		return fileError(
			`This file is ${formatBytes(bytes)}; a Slow Trust library file can be at most ${formatBytes(MAX_FILE_BYTES)}.`
		);
	if (bytes === 0) return fileError('This file is empty.');
	return { ok: true, value: true };
}

function byteLength(text: string): number {
	// Cheap bounds first: a UTF-8 character takes 1 to 3 bytes per UTF-16 unit.
	if (text.length * 3 <= MAX_FILE_BYTES) return text.length;
	if (text.length > MAX_FILE_BYTES) return text.length;
	return new TextEncoder().encode(text).length;
}

/** Parses and validates the text of a file. Pure; never throws. */
export function parseLibraryText(text: unknown): TransferResult<ParsedImport> {
	if (typeof text !== 'string') return fileError('This file could not be read as text.');
	const size = checkFileSize(byteLength(text));
	if (!size.ok) return size;
	let value: unknown;
	try {
		value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch {
		return fileError(
			'This file is not a Slow Trust library or scenario: it is not valid JSON (it may be damaged or cut short).'
		);
	}
	return parseLibraryValue(value);
}

const isObject = (x: unknown): x is Record<string, unknown> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

function label(index: number, total: number, name: string | undefined): string {
	const n = name ? ` (“${name.length > 60 ? name.slice(0, 60) + '…' : name}”)` : '';
	return total === 1 ? `The scenario${n}` : `Scenario ${index + 1} of ${total}${n}`;
}

function itemName(raw: unknown): string | undefined {
	if (isObject(raw)) {
		if (typeof raw.name === 'string' && raw.name.trim()) return raw.name.trim();
		if (isObject(raw.scenario) && typeof raw.scenario.name === 'string')
			return raw.scenario.name.trim() || undefined;
	}
	return undefined;
}

function checkItem(
	raw: unknown,
	wrapped: boolean
): { item?: LibraryItem; issues: ValidationIssue[] } {
	if (!wrapped) {
		const r = validateScenario(raw);
		if (!r.ok) return { issues: r.error };
		return {
			item: { name: r.value.name, description: r.value.description, tags: [], scenario: r.value },
			issues: []
		};
	}
	if (!isObject(raw)) return { issues: [{ path: '', message: 'must be an object.' }] };
	const issues: ValidationIssue[] = [];
	const s = validateScenario(raw.scenario);
	if (!s.ok)
		issues.push(
			...s.error.map((i) => ({ ...i, path: i.path ? `scenario.${i.path}` : 'scenario' }))
		);
	const name = checkName(raw.name ?? (s.ok ? s.value.name : undefined));
	if (!name.ok) issues.push(...(name.error.issues ?? []));
	const description = checkDescription(raw.description ?? (s.ok ? s.value.description : ''));
	if (!description.ok) issues.push(...(description.error.issues ?? []));
	const tags = checkTags(raw.tags ?? []);
	if (!tags.ok) issues.push(...(tags.error.issues ?? []));
	if (issues.length || !s.ok || !name.ok || !description.ok || !tags.ok) return { issues };
	return {
		item: {
			name: name.value,
			description: description.value,
			tags: tags.value,
			scenario: { ...s.value, name: name.value, description: description.value }
		},
		issues: []
	};
}

function checkComparisons(raw: unknown, count: number): TransferResult<LibraryComparison[]> {
	if (raw === undefined) return { ok: true, value: [] };
	if (!Array.isArray(raw)) return fileError('comparisons must be a list.', 'comparisons');
	if (raw.length > MAX_IMPORT_COMPARISONS)
		return fileError(
			`This file has ${raw.length} comparisons; at most ${MAX_IMPORT_COMPARISONS} can be imported at once.`,
			'comparisons'
		);
	const out: LibraryComparison[] = [];
	for (let i = 0; i < raw.length; i++) {
		const c: unknown = raw[i];
		const where = `Comparison ${i + 1} of ${raw.length}`;
		if (!isObject(c)) return fileError(`${where} must be an object.`, `comparisons.${i}`);
		const name = checkName(c.name);
		if (!name.ok)
			return fileError(
				`${where}: ${name.error.message.replace(/^Nothing was saved: /, '')}`,
				`comparisons.${i}.name`
			);
		const ids = c.scenarios;
		if (
			!Array.isArray(ids) ||
			ids.length > COMPARISON_MAX_SCENARIOS ||
			!ids.every((x) => Number.isInteger(x) && x >= 0 && x < count)
		)
			return fileError(
				`${where} (“${name.value}”): scenarios must be a list of up to ${COMPARISON_MAX_SCENARIOS} positions of scenarios in this file (0 to ${count - 1}).`,
				`comparisons.${i}.scenarios`
			);
		out.push({ name: name.value, scenarios: [...new Set(ids as number[])] });
	}
	return { ok: true, value: out };
}

/**
 * Validates a parsed file: a library document, a bare scenario or a list of scenarios.
 * Checks everything before anything is written; every invalid item is reported, by
 * position and name, with the field at fault. Pure; never throws.
 */
export function parseLibraryValue(value: unknown): TransferResult<ParsedImport> {
	let kind: ParsedImport['kind'];
	let rawItems: unknown[];
	let wrapped: boolean;
	let rawComparisons: unknown;
	let damagedLeftOut = 0;
	if (Array.isArray(value)) {
		kind = 'list';
		rawItems = value;
		wrapped = false;
	} else if (isObject(value) && 'format' in value) {
		if (value.format !== LIBRARY_FORMAT)
			return fileError(
				'This file is not a Slow Trust library: its format is not recognised.',
				'format'
			);
		if (typeof value.version === 'number' && value.version > LIBRARY_FILE_VERSION)
			return fileError(
				'This library file was made by a newer version of Slow Trust. Update the app (reload the page), then import it again.',
				'version'
			);
		if (value.version !== LIBRARY_FILE_VERSION)
			return fileError(`The library file's version must be ${LIBRARY_FILE_VERSION}.`, 'version');
		if (!Array.isArray(value.scenarios))
			return fileError('This library file has no list of scenarios.', 'scenarios');
		kind = 'library';
		rawItems = value.scenarios;
		wrapped = true;
		rawComparisons = value.comparisons;
		if (Array.isArray(value.damaged)) damagedLeftOut = value.damaged.length;
	} else if (isObject(value) && 'schemaVersion' in value) {
		kind = 'scenario';
		rawItems = [value];
		wrapped = false;
	} else {
		return fileError(
			'This file is not a Slow Trust library or scenario: it has neither a list of scenarios nor a scenario’s fields.'
		);
	}

	if (rawItems.length === 0)
		return fileError(
			damagedLeftOut
				? `This file holds no readable scenarios: only ${damagedLeftOut === 1 ? 'a damaged record, which is' : `${damagedLeftOut} damaged records, which are`} not imported.`
				: 'This file holds no scenarios.'
		);
	if (rawItems.length > MAX_IMPORT_ITEMS)
		return fileError(
			`This file holds ${rawItems.length} scenarios; at most ${MAX_IMPORT_ITEMS} can be imported at once.`
		);

	const items: LibraryItem[] = [];
	const issues: TransferIssue[] = [];
	const badItems: string[] = [];
	rawItems.forEach((raw, index) => {
		const r = checkItem(raw, wrapped);
		if (r.item) {
			items.push(r.item);
			return;
		}
		const name = itemName(raw);
		const prefix = kind === 'library' ? `scenarios.${index}` : kind === 'list' ? `${index}` : '';
		for (const i of r.issues)
			issues.push({
				index,
				name,
				path: [prefix, i.path].filter(Boolean).join('.'),
				message: i.message
			});
		badItems.push(`${label(index, rawItems.length, name)}: ${describeIssues(r.issues)}`);
	});
	if (badItems.length) {
		const more =
			badItems.length > 1
				? ` ${badItems.length - 1} other scenario${badItems.length > 2 ? 's have' : ' has'} problems too.`
				: '';
		return { ok: false, error: { message: `${badItems[0]}${more} ${NOTHING}`, issues } };
	}

	const comparisons = checkComparisons(rawComparisons, items.length);
	if (!comparisons.ok) return comparisons;
	return { ok: true, value: { kind, items, comparisons: comparisons.value, damagedLeftOut } };
}

/** Builds the export document of some scenarios and the comparisons among them. Pure. */
function buildLibraryDocument(
	records: readonly ScenarioRecord[],
	comparisons: readonly ComparisonRecord[] = [],
	now: Date = new Date(),
	damaged: readonly string[] = []
): LibraryDocument {
	const position = new Map(records.map((r, i) => [r.id, i]));
	const doc: LibraryDocument = {
		format: LIBRARY_FORMAT,
		version: LIBRARY_FILE_VERSION,
		exportedAt: now.toISOString(),
		modelVersion: MODEL_VERSION,
		scenarios: records.map((r) => ({
			name: r.name,
			description: r.description,
			tags: [...r.tags],
			scenario: structuredClone(r.scenario)
		}))
	};
	const cs = comparisons
		.map((c) => ({
			name: c.name,
			scenarios: c.scenarioIds
				.map((id) => position.get(id))
				.filter((i): i is number => i !== undefined)
		}))
		.filter((c) => c.scenarios.length > 0);
	if (cs.length) doc.comparisons = cs;
	if (damaged.length) doc.damaged = damaged.map((raw) => JSON.parse(raw) as unknown);
	return doc;
}

/** The text of a library file. */
export function serializeLibrary(doc: LibraryDocument): string {
	return JSON.stringify(doc, null, 2) + '\n';
}

/** A file name for an export, e.g. `slow-trust-library-2026-11-26.json`. */
export function exportFileName(now: Date = new Date(), single?: string): string {
	const date = now.toISOString().slice(0, 10);
	if (single) {
		const slug = single
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '')
			.slice(0, 60);
		return `slow-trust-${slug || 'scenario'}-${date}.json`;
	}
	return `slow-trust-library-${date}.json`;
}

/**
 * Exports scenarios by id (in the order given), with the comparisons whose scenarios are
 * all among them. Without ids: the whole library except the read-only examples, with
 * every comparison (examples left out of them).
 */
export function exportScenarios(
	lib: Library,
	ids?: readonly string[],
	now: Date = new Date()
): Promise<StorageResult<LibraryDocument>> {
	const { db } = lib;
	return guard(() =>
		db.transaction('r', db.scenarios, db.comparisons, async () => {
			let rows: unknown[];
			let comparisons = (await db.comparisons.toArray()).filter(isReadableComparison);
			if (ids) {
				const found = await db.scenarios.bulkGet([...ids]);
				if (found.some((r) => !r)) return notFound('A scenario you chose');
				rows = found;
				const chosen = new Set(ids);
				comparisons = comparisons.filter((c) => c.scenarioIds.every((id) => chosen.has(id)));
			} else {
				rows = (await db.scenarios.orderBy('name').toArray()).filter((r) => !r.presetId);
			}
			// A damaged record goes apart, so the file's scenarios always import.
			const { records, damaged } = splitRecords(rows);
			const raws = damaged.map((d) => d.raw);
			return ok(buildLibraryDocument(records, comparisons, now, raws));
		})
	);
}

export interface ImportOptions {
	/** What to do when an imported name is already in the library: add with a suffix (default) or replace. */
	onClash?: 'rename' | 'replace';
	now?: number;
}

export interface ImportReport {
	/** Scenarios added, with the names they got. */
	added: { id: string; name: string }[];
	/** Scenarios replaced in place (a restore point keeps what they were). */
	replaced: { id: string; name: string }[];
	/** Imported names changed to avoid a clash. */
	renamed: { from: string; to: string }[];
	comparisons: number;
	/** Damaged records the file carried apart, which were not imported. */
	damagedLeftOut: number;
}

/**
 * Writes a validated import in one transaction. A name already in the library gets a
 * suffix (" (2)", " (3)"…) unless `onClash: 'replace'`, which replaces the editable
 * scenario of that name (read-only examples are never replaced). Either everything is
 * written or nothing is.
 */
export function importLibrary(
	lib: Library,
	parsed: ParsedImport,
	options: ImportOptions = {}
): Promise<StorageResult<ImportReport>> {
	const { db } = lib;
	const now = options.now ?? Date.now();
	const replace = options.onClash === 'replace';
	return guard(() =>
		db.transaction('rw', [db.scenarios, db.versions, db.comparisons], async () => {
			const existing = await db.scenarios.toArray();
			const taken = existing.map((r) => r.name);
			const byName = new Map<string, ScenarioRecord>();
			for (const r of existing) if (!r.presetId) byName.set(r.name.toLowerCase(), r);
			const report: ImportReport = {
				added: [],
				replaced: [],
				renamed: [],
				comparisons: 0,
				damagedLeftOut: parsed.damagedLeftOut
			};
			const ids: string[] = [];
			for (const item of parsed.items) {
				const target = replace ? byName.get(item.name.toLowerCase()) : undefined;
				if (target) {
					byName.delete(item.name.toLowerCase()); // A second item of that name is added.
					const next: ScenarioRecord = {
						...target,
						description: item.description,
						tags: item.tags,
						scenario: { ...item.scenario, name: target.name },
						updatedAt: now,
						revision: revisionOf(target) + 1
					};
					await db.scenarios.put(next);
					await lib.addRestorePoint(target.id, next.scenario, now);
					report.replaced.push({ id: target.id, name: target.name });
					ids.push(target.id);
					continue;
				}
				const name = uniqueName(item.name, taken);
				taken.push(name);
				if (name !== item.name) report.renamed.push({ from: item.name, to: name });
				const record: ScenarioRecord = {
					id: newId(),
					name,
					description: item.description,
					tags: item.tags,
					scenario: { ...item.scenario, name },
					createdAt: now,
					updatedAt: now
				};
				await db.scenarios.add(record);
				await lib.addRestorePoint(record.id, record.scenario, now);
				report.added.push({ id: record.id, name });
				ids.push(record.id);
			}
			const comparisonNames = (await db.comparisons.toArray()).map((c) => c.name);
			for (const c of parsed.comparisons) {
				const name = uniqueName(c.name, comparisonNames);
				comparisonNames.push(name);
				await db.comparisons.add({
					id: newId(),
					name,
					scenarioIds: [...new Set(c.scenarios.map((i) => ids[i]))],
					createdAt: now,
					updatedAt: now
				});
				report.comparisons++;
			}
			return ok(report);
		})
	);
}

/**
 * Parses, validates and imports the text of a file. A file with any problem changes
 * nothing; the error names the item and the field.
 */
export async function importText(
	lib: Library,
	text: unknown,
	options: ImportOptions = {}
): Promise<StorageResult<ImportReport>> {
	const parsed = parseLibraryText(text);
	if (!parsed.ok)
		return {
			ok: false,
			error: {
				kind: 'invalid',
				message: parsed.error.message,
				issues: parsed.error.issues.map(({ path, message }) => ({ path, message }))
			}
		};
	return importLibrary(lib, parsed.value, options);
}
