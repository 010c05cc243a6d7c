/**
 * The scenario library on the user's device: every read and write of scenarios, results,
 * comparisons and restore points. Every function returns `{ ok, value }` or
 * `{ ok: false, error }` with a StorageError in plain words; none throws.
 */
import {
	LIMITS,
	MODEL_VERSION,
	PRESETS,
	canonicalJson,
	defaultScenario,
	hashText,
	unsafeCharacter,
	unsafeNameMessage,
	validateScenario,
	type Scenario,
	type Summary,
	type ValidationIssue
} from '../sim';
import {
	getDb,
	isCurrentModelResult,
	revisionOf,
	type ComparisonRecord,
	type ResultRecord,
	type ScenarioRecord,
	type SlowTrustDb,
	type TrashRecord,
	type VersionRecord
} from './db';
import { isSummary } from './summary-check';
import { checkRecord, isReadableComparison, isReadableVersion, splitRecords } from './damaged';
import {
	Rejection,
	conflict,
	damaged,
	guard,
	invalid,
	notFound,
	ok,
	readOnly,
	type StorageResult
} from './errors';

export { MESSAGES, toStorageError } from './errors';
export type { StorageResult } from './errors';

/** Restore points kept per scenario. */
export const MAX_VERSIONS = 20;
/** Results kept per scenario (the newest ones). */
const MAX_RESULTS = 5;
const MAX_TAGS = 20;
const TAG_MAX_LENGTH = 40;
export const COMPARISON_MAX_SCENARIOS = 12;
/** Days a deleted scenario stays in the trash before it is purged. */
export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The id of the read-only example made from a preset. */
export function presetRecordId(presetId: string): string {
	return `preset-${presetId}`;
}

/** A new random id (UUID v4), also where `crypto.randomUUID` is missing (plain http). */
export function newId(): string {
	const c = globalThis.crypto;
	if (typeof c?.randomUUID === 'function') return c.randomUUID();
	const b = new Uint8Array(16);
	c.getRandomValues(b);
	b[6] = (b[6] & 0x0f) | 0x40;
	b[8] = (b[8] & 0x3f) | 0x80;
	const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * The key of a scenario's result: a hash of everything that changes the numbers (every
 * parameter, the seed and the number of runs) and the model's version. The scenario's own
 * name and description do not change results, so renaming keeps the result current.
 */
export function resultKey(scenario: Scenario): string {
	const { name: _name, description: _description, ...rest } = scenario;
	void _name;
	void _description;
	return `${MODEL_VERSION}:${hashText(canonicalJson(rest))}`;
}

/**
 * Validates a name: trimmed, 1 to LIMITS.nameMaxLength characters, with no control or
 * text-direction characters.
 */
export function checkName(name: unknown, field = 'name'): StorageResult<string> {
	if (typeof name !== 'string')
		return invalid([{ path: field, message: `${field} must be text.` }]);
	const t = name.trim();
	if (t.length === 0) return invalid([{ path: field, message: `${field} must not be empty.` }]);
	if (t.length > LIMITS.nameMaxLength)
		return invalid([
			{ path: field, message: `${field} must be at most ${LIMITS.nameMaxLength} characters.` }
		]);
	const unsafe = unsafeCharacter(t);
	if (unsafe !== null) return invalid([{ path: field, message: unsafeNameMessage(field, unsafe) }]);
	return ok(t);
}

export function checkDescription(d: unknown): StorageResult<string> {
	if (typeof d !== 'string')
		return invalid([{ path: 'description', message: 'description must be text.' }]);
	if (d.length > LIMITS.descriptionMaxLength)
		return invalid([
			{
				path: 'description',
				message: `description must be at most ${LIMITS.descriptionMaxLength} characters.`
			}
		]);
	return ok(d);
}

/** Trims, drops empties and duplicates (ignoring case); checks count and length. */
export function checkTags(tags: unknown): StorageResult<string[]> {
	if (!Array.isArray(tags)) return invalid([{ path: 'tags', message: 'tags must be a list.' }]);
	const out: string[] = [];
	const seen = new Set<string>();
	const issues: ValidationIssue[] = [];
	tags.forEach((t, i) => {
		if (typeof t !== 'string') {
			issues.push({ path: `tags.${i}`, message: `Tag ${i + 1} must be text.` });
			return;
		}
		const v = t.trim();
		if (!v) return;
		if (v.length > TAG_MAX_LENGTH) {
			issues.push({
				path: `tags.${i}`,
				message: `Tag ${i + 1} must be at most ${TAG_MAX_LENGTH} characters.`
			});
			return;
		}
		const unsafe = unsafeCharacter(v);
		if (unsafe !== null) {
			issues.push({ path: `tags.${i}`, message: unsafeNameMessage(`Tag ${i + 1}`, unsafe) });
			return;
		}
		if (seen.has(v.toLowerCase())) return;
		seen.add(v.toLowerCase());
		out.push(v);
	});
	if (out.length > MAX_TAGS)
		issues.push({ path: 'tags', message: `A scenario can have at most ${MAX_TAGS} tags.` });
	return issues.length ? invalid(issues) : ok(out);
}

/** `base`, or `base (2)`, `base (3)`… : the first name not in `taken` (compared ignoring case). */
export function uniqueName(base: string, taken: Iterable<string>): string {
	const lower = new Set(Array.from(taken, (n) => n.toLowerCase()));
	const fit = (b: string, suffix: string) =>
		b.slice(0, Math.max(1, LIMITS.nameMaxLength - suffix.length)).trimEnd() + suffix;
	const first = fit(base, '');
	if (!lower.has(first.toLowerCase())) return first;
	for (let n = 2; ; n++) {
		const candidate = fit(base, ` (${n})`);
		if (!lower.has(candidate.toLowerCase())) return candidate;
	}
}

/** A scenario with its name and description set (the record and the scenario agree). */
function withText(s: Scenario, name: string, description: string): Scenario {
	return { ...structuredClone(s), name, description };
}

/** What `deleteScenario` returns: everything `undoDelete` needs to put it back. */
export interface DeletedScenario {
	record: ScenarioRecord;
	versions: VersionRecord[];
	results: ResultRecord[];
	/** Comparisons that listed the scenario, as they were. */
	comparisons: ComparisonRecord[];
}

export interface StorageEstimate {
	/** Bytes used by this site, if the browser says. */
	usage: number | null;
	/** Bytes this site may use, if the browser says. */
	quota: number | null;
	/** Whether storage is marked persistent (not cleared under pressure), if known. */
	persisted: boolean | null;
}

interface StorageManagerLike {
	estimate?: () => Promise<{ usage?: number; quota?: number }>;
	persist?: () => Promise<boolean>;
	persisted?: () => Promise<boolean>;
}

function storageManager(): StorageManagerLike | undefined {
	const nav = (globalThis as { navigator?: { storage?: StorageManagerLike } }).navigator;
	return nav?.storage;
}

/** How much space the site uses and may use. Safe where `navigator.storage` is missing. */
export async function storageEstimate(): Promise<StorageResult<StorageEstimate>> {
	const sm = storageManager();
	const out: StorageEstimate = { usage: null, quota: null, persisted: null };
	try {
		if (typeof sm?.estimate === 'function') {
			const e = await sm.estimate();
			out.usage = typeof e.usage === 'number' ? e.usage : null;
			out.quota = typeof e.quota === 'number' ? e.quota : null;
		}
		if (typeof sm?.persisted === 'function') out.persisted = await sm.persisted();
	} catch {
		// The estimate is advisory: report what is known.
	}
	return ok(out);
}

/**
 * Asks the browser to keep this site's storage under pressure. `value` is true when it
 * will, false when it declined or cannot be asked.
 */
export async function requestPersistence(): Promise<StorageResult<boolean>> {
	const sm = storageManager();
	try {
		if (typeof sm?.persist !== 'function') return ok(false);
		return ok(await sm.persist());
	} catch {
		return ok(false);
	}
}

/** A scenario's name, description and tags, as the details form edits them. */
export interface ScenarioDetails {
	name: string;
	description: string;
	tags: string[];
}

function sameDetails(r: ScenarioDetails, d: ScenarioDetails): boolean {
	return (
		r.name === d.name &&
		r.description === d.description &&
		r.tags.length === d.tags.length &&
		r.tags.every((t, i) => t === d.tags[i])
	);
}

/** The scenario library. Construct with a database (tests pass a fresh one). */
export class Library {
	constructor(readonly db: SlowTrustDb) {}

	/**
	 * Places the presets as read-only examples. Idempotent: a preset is placed once (one the
	 * user deleted does not come back); an example already present is brought up to date
	 * with the preset shipped in this version.
	 */
	seedPresets(now = Date.now()): Promise<StorageResult<number>> {
		return this.#placePresets(now, false);
	}

	/**
	 * Puts back every read-only example the user deleted, as shipped with this version of
	 * the app (the person asked for them, so the record of deleted examples is set aside).
	 * Examples still in the library are left as they are. Resolves with how many came back.
	 */
	restorePresets(now = Date.now()): Promise<StorageResult<number>> {
		return this.#placePresets(now, true);
	}

	/** Places the examples; `all` also puts back those the user deleted. */
	#placePresets(now: number, all: boolean): Promise<StorageResult<number>> {
		return guard(() =>
			this.db.transaction('rw', this.db.scenarios, this.db.meta, async () => {
				const meta = await this.db.meta.get('seededPresets');
				const seeded = new Set(Array.isArray(meta?.value) ? (meta.value as string[]) : []);
				let placed = 0;
				for (const p of PRESETS) {
					const id = presetRecordId(p.id);
					const existing = await this.db.scenarios.get(id);
					if (existing) {
						if (canonicalJson(existing.scenario) !== canonicalJson(p.scenario)) {
							await this.db.scenarios.update(id, {
								scenario: structuredClone(p.scenario),
								name: p.scenario.name,
								description: p.scenario.description,
								updatedAt: now,
								revision: revisionOf(existing) + 1
							});
						}
					} else if (all || !seeded.has(p.id)) {
						await this.db.scenarios.add({
							id,
							name: p.scenario.name,
							description: p.scenario.description,
							tags: ['example'],
							scenario: structuredClone(p.scenario),
							presetId: p.id,
							createdAt: now,
							updatedAt: now
						});
						placed++;
					}
					seeded.add(p.id);
				}
				await this.db.meta.put({ key: 'seededPresets', value: [...seeded] });
				return ok(placed);
			})
		);
	}

	/** Every readable scenario, most recently changed first (damaged records are left out). */
	listScenarios(): Promise<StorageResult<ScenarioRecord[]>> {
		return guard(async () => {
			const rows = await this.db.scenarios.orderBy('updatedAt').reverse().toArray();
			return ok(splitRecords(rows).records);
		});
	}

	/** One scenario; a stored record that fails validation is the error kind 'damaged'. */
	getScenario(id: string): Promise<StorageResult<ScenarioRecord>> {
		return guard(async () => {
			const r = await this.db.scenarios.get(id);
			if (!r) return notFound('That scenario');
			const checked = checkRecord(r, id);
			return checked.ok ? ok(checked.value) : damaged(checked.error);
		});
	}

	private async names(): Promise<string[]> {
		return (await this.db.scenarios.toArray()).map((r) => r.name);
	}

	/** A new editable scenario: a copy of `from` (validated) or the default scenario. */
	createScenario(from?: unknown, now = Date.now()): Promise<StorageResult<ScenarioRecord>> {
		const checked = validateScenario(from ?? defaultScenario());
		if (!checked.ok) return Promise.resolve(invalid(checked.error));
		const base = checked.value;
		return guard(() =>
			this.db.transaction('rw', this.db.scenarios, this.db.versions, async () => {
				const name = uniqueName(base.name, await this.names());
				const record: ScenarioRecord = {
					id: newId(),
					name,
					description: base.description,
					tags: [],
					scenario: withText(base, name, base.description),
					createdAt: now,
					updatedAt: now
				};
				await this.db.scenarios.add(record);
				await this.db.versions.add({
					scenarioId: record.id,
					scenario: record.scenario,
					savedAt: now
				} as VersionRecord);
				return ok(record);
			})
		);
	}

	/** An editable copy, named "<name> (copy)". A copy of a read-only example is editable. */
	duplicateScenario(id: string, now = Date.now()): Promise<StorageResult<ScenarioRecord>> {
		return guard(() =>
			this.db.transaction('rw', this.db.scenarios, this.db.versions, async () => {
				const src = await this.db.scenarios.get(id);
				if (!src) return notFound('That scenario');
				const suffix = ' (copy)';
				// A copy of a copy is another copy of the original: "X (copy) (2)", never "X (copy) (copy)".
				const original = src.name.replace(/ \(copy\)(?: \(\d+\))?$/, '');
				const base = original.slice(0, LIMITS.nameMaxLength - suffix.length).trimEnd() + suffix;
				const name = uniqueName(base, await this.names());
				const record: ScenarioRecord = {
					id: newId(),
					name,
					description: src.description,
					tags: src.tags.filter((t) => !(src.presetId && t === 'example')),
					scenario: withText(src.scenario, name, src.description),
					createdAt: now,
					updatedAt: now
				};
				await this.db.scenarios.add(record);
				await this.db.versions.add({
					scenarioId: record.id,
					scenario: record.scenario,
					savedAt: now
				} as VersionRecord);
				return ok(record);
			})
		);
	}

	/** Loads an editable scenario inside a transaction, or aborts it with a plain error. */
	private async editable(id: string): Promise<ScenarioRecord> {
		const r = await this.db.scenarios.get(id);
		const problem = !r ? notFound('That scenario') : r.presetId ? readOnly() : undefined;
		if (problem && !problem.ok) throw new Rejection(problem.error);
		return r as ScenarioRecord;
	}

	/**
	 * Applies a change to an editable scenario record in one transaction, as the next
	 * revision. `stale` may refuse it, seeing the stored record, as a conflict.
	 */
	private editRecord(
		id: string,
		change: (r: ScenarioRecord) => Omit<ScenarioRecord, 'updatedAt' | 'revision'>,
		now: number,
		stale: (r: ScenarioRecord) => boolean = () => false
	): Promise<StorageResult<ScenarioRecord>> {
		return guard(() =>
			this.db.transaction('rw', this.db.scenarios, async () => {
				const r = await this.editable(id);
				if (stale(r)) return conflict(r);
				const next: ScenarioRecord = {
					...change(r),
					updatedAt: now,
					revision: revisionOf(r) + 1
				};
				await this.db.scenarios.put(next);
				return ok(next);
			})
		);
	}

	/**
	 * Sets a scenario's name, description and tags together, in one transaction: either
	 * all three change or none does (the form that sent them keeps its input on failure).
	 * With `before` (the details as the form found them), a change made meanwhile elsewhere
	 * to any of the three is not overwritten: the save is refused as a conflict. Changes to
	 * the settings made meanwhile are kept either way.
	 */
	updateDetails(
		id: string,
		details: ScenarioDetails,
		now = Date.now(),
		before?: ScenarioDetails
	): Promise<StorageResult<ScenarioRecord>> {
		const name = checkName(details.name);
		if (!name.ok) return Promise.resolve({ ok: false, error: name.error });
		const description = checkDescription(details.description);
		if (!description.ok) return Promise.resolve({ ok: false, error: description.error });
		const tags = checkTags(details.tags);
		if (!tags.ok) return Promise.resolve({ ok: false, error: tags.error });
		return this.editRecord(
			id,
			(r) => ({
				...r,
				name: name.value,
				description: description.value,
				tags: tags.value,
				scenario: withText(r.scenario, name.value, description.value)
			}),
			now,
			(r) => before !== undefined && !sameDetails(r, before)
		);
	}

	/** Adds a restore point and keeps the newest MAX_VERSIONS. Call inside a transaction. */
	async addRestorePoint(scenarioId: string, scenario: Scenario, now: number): Promise<void> {
		await this.db.versions.add({ scenarioId, scenario, savedAt: now } as VersionRecord);
		const keys = (await this.db.versions
			.where('scenarioId')
			.equals(scenarioId)
			.primaryKeys()) as number[];
		if (keys.length > MAX_VERSIONS) {
			keys.sort((a, b) => a - b);
			await this.db.versions.bulkDelete(keys.slice(0, keys.length - MAX_VERSIONS));
		}
	}

	/**
	 * Saves an edited scenario after validating it, and adds a restore point (keeping the
	 * last MAX_VERSIONS). The record's name and description follow the scenario's.
	 *
	 * With `revision` (the revision the edit started from), the save is refused as a
	 * 'conflict', carrying the stored record, when the stored revision has moved on: another
	 * tab saved, renamed or imported over it meanwhile. The check and the write are one
	 * transaction, so no change made elsewhere is ever overwritten unseen.
	 */
	saveScenario(
		id: string,
		scenario: unknown,
		now = Date.now(),
		revision?: number
	): Promise<StorageResult<ScenarioRecord>> {
		const checked = validateScenario(scenario);
		if (!checked.ok) return Promise.resolve(invalid(checked.error));
		const s = checked.value;
		return guard(() =>
			this.db.transaction('rw', this.db.scenarios, this.db.versions, async () => {
				const r = await this.editable(id);
				if (revision !== undefined && revisionOf(r) !== revision) return conflict(r);
				if (canonicalJson(r.scenario) === canonicalJson(s)) return ok(r);
				const next: ScenarioRecord = {
					...r,
					name: s.name,
					description: s.description,
					scenario: structuredClone(s),
					updatedAt: now,
					revision: revisionOf(r) + 1
				};
				await this.db.scenarios.put(next);
				await this.addRestorePoint(id, next.scenario, now);
				return ok(next);
			})
		);
	}

	/** Restore points of a scenario, newest first (one whose stored data is damaged is left out). */
	listVersions(scenarioId: string): Promise<StorageResult<VersionRecord[]>> {
		return guard(async () => {
			const list = await this.db.versions.where('scenarioId').equals(scenarioId).toArray();
			return ok(list.filter(isReadableVersion).sort((a, b) => b.id - a.id));
		});
	}

	/** Makes a restore point the current scenario (itself saved as a new restore point). */
	restoreVersion(versionId: number, now = Date.now()): Promise<StorageResult<ScenarioRecord>> {
		return guard(async () => {
			const v = await this.db.versions.get(versionId);
			if (!v || !isReadableVersion(v)) return notFound('That restore point');
			return this.saveScenario(v.scenarioId, v.scenario, now);
		});
	}

	/**
	 * Deletes a scenario: it leaves the library, with its restore points and results, and
	 * is taken out of comparisons. An editable scenario goes to the trash with all of them,
	 * restorable for TRASH_DAYS; a read-only example is simply removed (`restorePresets`
	 * puts it back). Returns what `undoDelete` needs to put everything back.
	 */
	deleteScenario(id: string, now = Date.now()): Promise<StorageResult<DeletedScenario>> {
		const { scenarios, versions, results, comparisons, trash } = this.db;
		return guard(() =>
			this.db.transaction('rw', [scenarios, versions, results, comparisons, trash], async () => {
				const record = await scenarios.get(id);
				if (!record) return notFound('That scenario');
				const vs = await versions.where('scenarioId').equals(id).toArray();
				const rs = await results.where('scenarioId').equals(id).toArray();
				const cs = (await comparisons.toArray()).filter(
					(c) => isReadableComparison(c) && c.scenarioIds.includes(id)
				);
				await versions.bulkDelete(vs.map((v) => v.id));
				await results.bulkDelete(rs.map((r) => r.key));
				for (const c of cs)
					await comparisons.update(c.id, {
						scenarioIds: c.scenarioIds.filter((x) => x !== id)
					});
				await scenarios.delete(id);
				if (!record.presetId)
					await trash.put({
						id,
						deletedAt: now,
						record,
						versions: vs,
						results: rs,
						comparisons: cs
					});
				return ok({ record, versions: vs, results: rs, comparisons: cs });
			})
		);
	}

	/**
	 * Undoes a delete: an editable scenario comes back from the trash (see
	 * `restoreFromTrash`); a read-only example is put back from the token.
	 */
	undoDelete(token: DeletedScenario): Promise<StorageResult<ScenarioRecord>> {
		if (!token.record.presetId) return this.restoreFromTrash(token.record.id);
		const { scenarios, versions, results, comparisons } = this.db;
		return guard(() =>
			this.db.transaction('rw', [scenarios, versions, results, comparisons], () =>
				this.#putBack({ ...token, id: token.record.id, deletedAt: 0 })
			)
		);
	}

	/** Puts back a scenario, its restore points, results and places in comparisons. */
	async #putBack(t: TrashRecord): Promise<StorageResult<ScenarioRecord>> {
		const { scenarios, versions, results, comparisons } = this.db;
		await scenarios.put(t.record);
		if (t.versions.length) await versions.bulkPut(t.versions);
		if (t.results.length) await results.bulkPut(t.results);
		for (const c of t.comparisons) {
			const now = await comparisons.get(c.id);
			// The comparison itself was deleted (or damaged) since.
			if (!now || !isReadableComparison(now)) continue;
			const ids = now.scenarioIds.includes(t.record.id)
				? now.scenarioIds
				: insertAt(now.scenarioIds, t.record.id, c.scenarioIds.indexOf(t.record.id));
			await comparisons.update(c.id, { scenarioIds: ids });
		}
		return ok(t.record);
	}

	// Trash

	/** The scenarios in the trash, most recently deleted first. */
	listTrash(): Promise<StorageResult<TrashRecord[]>> {
		return guard(async () => ok(await this.db.trash.orderBy('deletedAt').reverse().toArray()));
	}

	/**
	 * Puts a scenario back from the trash with its restore points, results and places in
	 * comparisons. It keeps its name unless another scenario took it meanwhile; then it gets
	 * the first free "<name> (2)".
	 */
	restoreFromTrash(id: string): Promise<StorageResult<ScenarioRecord>> {
		const { scenarios, versions, results, comparisons, trash } = this.db;
		return guard(() =>
			this.db.transaction('rw', [scenarios, versions, results, comparisons, trash], async () => {
				const t = await trash.get(id);
				if (!t) return notFound('That deleted scenario');
				await trash.delete(id);
				let record: ScenarioRecord = { ...t.record, revision: revisionOf(t.record) + 1 };
				// Ids are random, so this is only a safeguard: never overwrite another scenario.
				const newKey = (await scenarios.get(id)) ? newId() : id;
				const name = uniqueName(record.name, await this.names());
				if (name !== record.name)
					record = {
						...record,
						name,
						scenario: withText(record.scenario, name, record.description)
					};
				if (newKey !== id) record = { ...record, id: newKey };
				const taken = new Set(
					(await results.bulkGet(t.results.map((r) => r.key)))
						.filter((r) => r !== undefined)
						.map((r) => r.key)
				);
				return this.#putBack({
					...t,
					record,
					versions: t.versions.map((v) => ({ ...v, scenarioId: newKey })),
					// A result another scenario stored since under the same key stays its own.
					results: t.results.filter((r) => !taken.has(r.key)),
					comparisons: t.comparisons.map((c) => ({
						...c,
						scenarioIds: c.scenarioIds.map((x) => (x === id ? newKey : x))
					}))
				});
			})
		);
	}

	/** Deletes a scenario in the trash for good, with its restore points and results. */
	deleteForever(id: string): Promise<StorageResult<TrashRecord>> {
		return guard(() =>
			this.db.transaction('rw', this.db.trash, async () => {
				const t = await this.db.trash.get(id);
				if (!t) return notFound('That deleted scenario');
				await this.db.trash.delete(id);
				return ok(t);
			})
		);
	}

	/** Deletes everything in the trash for good. Resolves with how many scenarios went. */
	emptyTrash(): Promise<StorageResult<number>> {
		return guard(() =>
			this.db.transaction('rw', this.db.trash, async () => {
				const n = await this.db.trash.count();
				await this.db.trash.clear();
				return ok(n);
			})
		);
	}

	/** Deletes for good what has been in the trash for more than TRASH_DAYS. */
	purgeTrash(now = Date.now()): Promise<StorageResult<number>> {
		return guard(async () =>
			ok(
				await this.db.trash
					.where('deletedAt')
					.below(now - TRASH_DAYS * DAY_MS)
					.delete()
			)
		);
	}

	// Comparisons

	listComparisons(): Promise<StorageResult<ComparisonRecord[]>> {
		return guard(async () =>
			ok(
				(await this.db.comparisons.orderBy('updatedAt').reverse().toArray()).filter(
					isReadableComparison
				)
			)
		);
	}

	getComparison(id: string): Promise<StorageResult<ComparisonRecord>> {
		return guard(async () => {
			const c = await this.db.comparisons.get(id);
			return c && isReadableComparison(c) ? ok(c) : notFound('That comparison');
		});
	}

	private checkComparison(
		name: string,
		scenarioIds: string[]
	): StorageResult<{ name: string; scenarioIds: string[] }> {
		const n = checkName(name);
		if (!n.ok) return n;
		if (!Array.isArray(scenarioIds) || scenarioIds.some((x) => typeof x !== 'string'))
			return invalid([{ path: 'scenarioIds', message: 'scenarioIds must be a list of ids.' }]);
		const ids = [...new Set(scenarioIds)];
		if (ids.length > COMPARISON_MAX_SCENARIOS)
			return invalid([
				{
					path: 'scenarioIds',
					message: `A comparison can show at most ${COMPARISON_MAX_SCENARIOS} scenarios.`
				}
			]);
		return ok({ name: n.value, scenarioIds: ids });
	}

	private async missingScenario(ids: string[]): Promise<boolean> {
		const found = await this.db.scenarios.bulkGet(ids);
		return found.some((r) => !r);
	}

	createComparison(
		name: string,
		scenarioIds: string[],
		now = Date.now()
	): Promise<StorageResult<ComparisonRecord>> {
		const checked = this.checkComparison(name, scenarioIds);
		if (!checked.ok) return Promise.resolve({ ok: false, error: checked.error });
		return guard(() =>
			this.db.transaction('rw', this.db.comparisons, this.db.scenarios, async () => {
				if (await this.missingScenario(checked.value.scenarioIds))
					return notFound('A scenario in this comparison');
				const c: ComparisonRecord = {
					id: newId(),
					...checked.value,
					createdAt: now,
					updatedAt: now
				};
				await this.db.comparisons.add(c);
				return ok(c);
			})
		);
	}

	updateComparison(
		id: string,
		changes: { name?: string; scenarioIds?: string[] },
		now = Date.now()
	): Promise<StorageResult<ComparisonRecord>> {
		return guard(() =>
			this.db.transaction('rw', this.db.comparisons, this.db.scenarios, async () => {
				const c = await this.db.comparisons.get(id);
				if (!c || !isReadableComparison(c)) return notFound('That comparison');
				const checked = this.checkComparison(
					changes.name ?? c.name,
					changes.scenarioIds ?? c.scenarioIds
				);
				if (!checked.ok) return { ok: false, error: checked.error };
				if (changes.scenarioIds && (await this.missingScenario(checked.value.scenarioIds)))
					return notFound('A scenario in this comparison');
				const next: ComparisonRecord = { ...c, ...checked.value, updatedAt: now };
				await this.db.comparisons.put(next);
				return ok(next);
			})
		);
	}

	deleteComparison(id: string): Promise<StorageResult<ComparisonRecord>> {
		return guard(() =>
			this.db.transaction('rw', this.db.comparisons, async () => {
				const c = await this.db.comparisons.get(id);
				if (!c) return notFound('That comparison');
				await this.db.comparisons.delete(id);
				return ok(c);
			})
		);
	}

	// Results

	/**
	 * Stores a summary under the key of the scenario it was computed from, marks it as the
	 * scenario's last result and keeps the newest MAX_RESULTS results of that scenario.
	 */
	putResult(
		scenarioId: string,
		scenario: Scenario,
		summary: Summary,
		now = Date.now()
	): Promise<StorageResult<ResultRecord>> {
		const { scenarios, results } = this.db;
		return guard(() =>
			this.db.transaction('rw', scenarios, results, async () => {
				const r = await scenarios.get(scenarioId);
				if (!r) return notFound('That scenario');
				const record: ResultRecord = {
					key: resultKey(scenario),
					scenarioId,
					summary,
					createdAt: now
				};
				await results.put(record);
				await scenarios.update(scenarioId, { lastResultKey: record.key });
				const mine = await results.where('scenarioId').equals(scenarioId).toArray();
				if (mine.length > MAX_RESULTS) {
					mine.sort((a, b) => b.createdAt - a.createdAt);
					const keep = new Set([record.key, ...mine.slice(0, MAX_RESULTS).map((m) => m.key)]);
					await results.bulkDelete(mine.filter((m) => !keep.has(m.key)).map((m) => m.key));
				}
				return ok(record);
			})
		);
	}

	getResult(key: string): Promise<StorageResult<ResultRecord>> {
		return guard(async () => {
			const r = await this.db.results.get(key);
			return r ? ok(r) : notFound('That result');
		});
	}

	/**
	 * The result for a scenario as it is now, or `null` when there is none (never a stale
	 * one: the key is computed from the current scenario and the model's version, and the
	 * result's own receipt must name this model version; never a damaged one: it is
	 * checked, and dropped if it fails).
	 */
	currentResult(scenarioId: string): Promise<StorageResult<ResultRecord | null>> {
		return guard(async () => {
			const s = await this.db.scenarios.get(scenarioId);
			if (!s) return notFound('That scenario');
			const r = await this.db.results.get(resultKey(s.scenario));
			if (r && (!isSummary(r.summary) || !isCurrentModelResult(r))) {
				// A damaged cached result, or one another version of the model computed, is
				// dropped, so the scenario simply runs again.
				await this.db.results.delete(r.key);
				return ok(null);
			}
			return ok(r ?? null);
		});
	}
}

function insertAt(list: string[], item: string, index: number): string[] {
	const i = index < 0 || index > list.length ? list.length : index;
	return [...list.slice(0, i), item, ...list.slice(i)];
}

let shared: Library | undefined;

/** The app's library, on the app's database. */
export function library(): Library {
	shared ??= new Library(getDb());
	return shared;
}
