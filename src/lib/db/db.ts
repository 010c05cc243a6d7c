/**
 * The one IndexedDB database of Slow Trust, through Dexie: entity types, the versioned
 * schema and its migrations. Components never call IndexedDB directly; they go through
 * the repository in `library.ts`.
 */
import { Dexie, type EntityTable, type Transaction } from 'dexie';
import { MODEL_VERSION, upgradeScenario, type Scenario, type Summary } from '../sim';
import type { Step } from './storyline';

/** The database's name in the browser. Tests pass their own name to keep databases apart. */
export const DB_NAME = 'slow-trust';

/** A scenario in the user's library. */
export interface ScenarioRecord {
	/** A random UUID, or `preset-<presetId>` for a read-only example. */
	id: string;
	name: string;
	description: string;
	tags: string[];
	scenario: Scenario;
	/** Set on the read-only examples shipped with the app: the preset's id. */
	presetId?: string;
	/** Milliseconds since the epoch. */
	createdAt: number;
	updatedAt: number;
	/** The key of the last result computed for this scenario (it may be stale). */
	lastResultKey?: string;
	/**
	 * Goes up by one with every change to the scenario, its name, description or tags (not
	 * with a new result). A save names the revision it started from and is refused when the
	 * stored one has moved on, so that one tab never silently overwrites another's change.
	 * Missing on records written before it existed: read as 0 (see `revisionOf`).
	 */
	revision?: number;
}

/** A record's revision (0 for a record written before revisions existed). */
export function revisionOf(record: Pick<ScenarioRecord, 'revision'>): number {
	return typeof record.revision === 'number' && Number.isFinite(record.revision)
		? record.revision
		: 0;
}

/**
 * A stored summary of runs. The key is the hash of everything that changes a result
 * (see `resultKey`), so an edited scenario never finds a stale result under its new key.
 */
export interface ResultRecord {
	key: string;
	scenarioId: string;
	summary: Summary;
	createdAt: number;
}

/** Scenarios shown side by side. */
export interface ComparisonRecord {
	id: string;
	name: string;
	scenarioIds: string[];
	createdAt: number;
	updatedAt: number;
}

/** A restore point: a scenario as it was saved. */
export interface VersionRecord {
	/** Auto-incremented, so a later restore point always has a larger id. */
	id: number;
	scenarioId: string;
	scenario: Scenario;
	savedAt: number;
}

/** Small facts about the library itself (e.g. which presets were placed). */
export interface MetaRecord {
	key: string;
	value: unknown;
}

/** A workshop storyline: a sequence of scenarios with a question and notes per step. */
export interface StorylineRecord {
	id: string;
	name: string;
	steps: Step[];
	createdAt: number;
	updatedAt: number;
}

/**
 * A scenario in the trash: the record with its restore points, results and places in
 * comparisons as they were when it was deleted. Kept for TRASH_DAYS, then purged when the
 * library opens. The read-only examples never go to the trash.
 */
export interface TrashRecord {
	/** The scenario's id. */
	id: string;
	/** When it was deleted (milliseconds since the epoch). */
	deletedAt: number;
	record: ScenarioRecord;
	versions: VersionRecord[];
	results: ResultRecord[];
	/** Comparisons that listed the scenario, as they were. */
	comparisons: ComparisonRecord[];
}

/** The shape of a scenario in schema version 1: no tags, the description only inside the scenario. */
export interface ScenarioRecordV1 {
	id: string;
	name: string;
	scenario: Scenario;
	presetId?: string;
	createdAt: number;
	updatedAt: number;
	lastResultKey?: string;
}

/** Version 1 of the schema. Kept so older libraries open and migrate. */
export const SCHEMA_V1 = {
	scenarios: 'id, name, updatedAt, presetId',
	results: 'key, scenarioId, createdAt',
	comparisons: 'id, name, updatedAt',
	versions: '++id, scenarioId, savedAt'
} as const;

/** Version 2: tags on scenarios (multi-entry index) and a small meta table. */
export const SCHEMA_V2 = {
	scenarios: 'id, name, updatedAt, presetId, *tags',
	results: 'key, scenarioId, createdAt',
	comparisons: 'id, name, updatedAt',
	versions: '++id, scenarioId, savedAt',
	meta: 'key'
} as const;

/** Version 3: workshop storylines. */
export const SCHEMA_V3 = {
	...SCHEMA_V2,
	storylines: 'id, name, updatedAt'
} as const;

/**
 * Version 4: the same tables. Stored scenarios and restore points move to scenario schema 2
 * (model 2.0), and results computed by an earlier major version of the model are dropped,
 * since their numbers mean something else (see `upgradeToModel2`).
 */
const SCHEMA_V4 = SCHEMA_V3;

/** Version 5: the trash, where deleted scenarios wait TRASH_DAYS before they are gone. */
const SCHEMA_V5 = {
	...SCHEMA_V3,
	trash: 'id, deletedAt'
} as const;

/**
 * The current database version. An upgrade that reshapes stored scenarios, restore points or
 * results must reshape the copies held in `trash` (its records carry all three) the same
 * way, or a scenario put back from the trash comes back in the old shape.
 */
export const DB_VERSION = 5;

/** Fills what version 2 added to a version 1 scenario record. Pure, for tests. */
export function migrateScenarioV1toV2(old: ScenarioRecordV1): ScenarioRecord {
	const inner = old.scenario as Partial<Scenario> | undefined;
	return {
		...old,
		tags: [],
		description: typeof inner?.description === 'string' ? inner.description : ''
	};
}

/** The major version of a model version string ("2.0.0" → 2), or NaN when it has none. */
export function modelMajor(version: unknown): number {
	if (typeof version !== 'string') return NaN;
	const m = /^(\d+)\./.exec(version);
	return m ? Number(m[1]) : NaN;
}

/**
 * Whether a stored result was computed by the model this app runs. A result from another
 * version (model 1.x before the upgrade, say) is never shown as current: its end metrics
 * meant something else (trust at the horizon, collapse from the peak).
 */
export function isCurrentModelResult(record: { summary?: unknown }): boolean {
	const s = record.summary as { receipt?: { modelVersion?: unknown } } | undefined;
	return s?.receipt?.modelVersion === MODEL_VERSION;
}

/** Whether a stored result was computed by an earlier major version of the model. */
export function isEarlierModelResult(record: { summary?: unknown }): boolean {
	const s = record.summary as { receipt?: { modelVersion?: unknown } } | undefined;
	const major = modelMajor(s?.receipt?.modelVersion);
	// A result without a readable model version is treated as old: it cannot be trusted.
	return !(major >= modelMajor(MODEL_VERSION));
}

/**
 * A stored scenario brought up to the current scenario schema by the core's
 * `upgradeScenario` (a copy; the input is not changed). Anything that is not a schema-1
 * scenario comes back as it is.
 */
export function upgradeStoredScenario(scenario: unknown): Scenario {
	// What was stored as a scenario stays one: the upgrade only renames and rescales fields.
	return upgradeScenario(scenario) as Scenario;
}

/**
 * The upgrade to database version 4 (model 2.0): every stored scenario and restore point
 * goes from scenario schema 1 to 2; results of an earlier major model version are deleted,
 * and a scenario whose last result was one of them forgets it, so the app runs it again
 * rather than showing old numbers.
 */
async function upgradeToModel2(tx: Transaction): Promise<void> {
	const results = tx.table('results');
	const stale = new Set<string>();
	await results.toCollection().each((r: ResultRecord) => {
		if (isEarlierModelResult(r)) stale.add(r.key);
	});
	if (stale.size) await results.bulkDelete([...stale]);
	await tx
		.table('scenarios')
		.toCollection()
		.modify((record: Record<string, unknown>) => {
			record.scenario = upgradeStoredScenario(record.scenario);
			if (typeof record.lastResultKey === 'string' && stale.has(record.lastResultKey))
				delete record.lastResultKey;
		});
	await tx
		.table('versions')
		.toCollection()
		.modify((record: Record<string, unknown>) => {
			record.scenario = upgradeStoredScenario(record.scenario);
		});
}

export class SlowTrustDb extends Dexie {
	scenarios!: EntityTable<ScenarioRecord, 'id'>;
	results!: EntityTable<ResultRecord, 'key'>;
	comparisons!: EntityTable<ComparisonRecord, 'id'>;
	versions!: EntityTable<VersionRecord, 'id'>;
	meta!: EntityTable<MetaRecord, 'key'>;
	storylines!: EntityTable<StorylineRecord, 'id'>;
	trash!: EntityTable<TrashRecord, 'id'>;

	constructor(name: string = DB_NAME) {
		super(name);
		this.version(1).stores(SCHEMA_V1);
		this.version(2)
			.stores(SCHEMA_V2)
			.upgrade((tx) =>
				tx
					.table('scenarios')
					.toCollection()
					.modify((record: Record<string, unknown>) => {
						const next = migrateScenarioV1toV2(record as unknown as ScenarioRecordV1);
						record.tags = next.tags;
						record.description = next.description;
					})
			);
		this.version(3).stores(SCHEMA_V3);
		this.version(4).stores(SCHEMA_V4).upgrade(upgradeToModel2);
		this.version(DB_VERSION).stores(SCHEMA_V5);
	}

	/**
	 * Whether the database on this device was made by a newer version of the app. Dexie opens
	 * such a database at its own version rather than refusing it; the app must not write to
	 * it (its records may have a shape this version cannot read). Call once open.
	 */
	isNewer(): boolean {
		return this.backendDB().version > DB_VERSION * 10;
	}
}

let shared: SlowTrustDb | undefined;

/** The app's database, opened on first use. */
export function getDb(): SlowTrustDb {
	shared ??= new SlowTrustDb();
	return shared;
}
