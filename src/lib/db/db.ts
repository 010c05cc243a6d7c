/**
 * The one IndexedDB database of Slow Trust, through Dexie: entity types, the versioned
 * schema and its migrations. Components never call IndexedDB directly; they go through
 * the repository in `library.ts`.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { Scenario, Summary } from '../sim';
import type { Step } from '../workshop/storyline';

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

/** The current database version. */
export const DB_VERSION = 3;

/** Fills what version 2 added to a version 1 scenario record. Pure, for tests. */
export function migrateScenarioV1toV2(old: ScenarioRecordV1): ScenarioRecord {
	const inner = old.scenario as Partial<Scenario> | undefined;
	return {
		...old,
		tags: [],
		description: typeof inner?.description === 'string' ? inner.description : ''
	};
}

export class SlowTrustDb extends Dexie {
	scenarios!: EntityTable<ScenarioRecord, 'id'>;
	results!: EntityTable<ResultRecord, 'key'>;
	comparisons!: EntityTable<ComparisonRecord, 'id'>;
	versions!: EntityTable<VersionRecord, 'id'>;
	meta!: EntityTable<MetaRecord, 'key'>;
	storylines!: EntityTable<StorylineRecord, 'id'>;

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
	}
}

let shared: SlowTrustDb | undefined;

/** The app's database, opened on first use. */
export function getDb(): SlowTrustDb {
	shared ??= new SlowTrustDb();
	return shared;
}
