/**
 * Workshop storylines on the user's device: list, read, save and delete. Every function
 * returns `{ ok, value }` or `{ ok: false, error }` with a StorageError in plain words; none
 * throws. A storyline is checked before it is stored, so what is read back is well formed.
 */
import { checkStoryline, type Storyline } from './storyline';
import { getDb, type SlowTrustDb, type StorylineRecord } from './db';
import { guard, invalid, notFound, ok, type StorageResult } from './errors';

/** Checks a record read from storage; a damaged one is reported, not returned. */
function fromRecord(r: StorylineRecord): Storyline | null {
	const checked = checkStoryline(r);
	return checked.ok ? checked.value : null;
}

export class Storylines {
	constructor(readonly db: SlowTrustDb) {}

	/** Every stored storyline, most recently changed first (damaged records are skipped). */
	list(): Promise<StorageResult<StorylineRecord[]>> {
		return guard(async () => {
			const all = await this.db.storylines.orderBy('updatedAt').reverse().toArray();
			return ok(all.filter((r) => fromRecord(r) !== null));
		});
	}

	get(id: string): Promise<StorageResult<StorylineRecord>> {
		return guard(async () => {
			const r = await this.db.storylines.get(id);
			if (!r) return notFound('That storyline');
			if (!fromRecord(r))
				return invalid(
					[{ path: 'storyline', message: 'This storyline is damaged.' }],
					'It cannot be opened:'
				);
			return ok(r);
		});
	}

	/** Stores a storyline (new or changed), keeping the first time it was saved. */
	save(story: Storyline, now = Date.now()): Promise<StorageResult<StorylineRecord>> {
		const checked = checkStoryline(story);
		if (!checked.ok) return Promise.resolve(invalid(checked.error));
		const clean = checked.value;
		return guard(() =>
			this.db.transaction('rw', this.db.storylines, async () => {
				const old = await this.db.storylines.get(clean.id);
				const record: StorylineRecord = {
					id: clean.id,
					name: clean.name,
					steps: structuredClone(clean.steps),
					createdAt: old?.createdAt ?? now,
					updatedAt: now
				};
				await this.db.storylines.put(record);
				return ok(record);
			})
		);
	}

	delete(id: string): Promise<StorageResult<StorylineRecord>> {
		return guard(() =>
			this.db.transaction('rw', this.db.storylines, async () => {
				const r = await this.db.storylines.get(id);
				if (!r) return notFound('That storyline');
				await this.db.storylines.delete(id);
				return ok(r);
			})
		);
	}
}

let shared: Storylines | undefined;

/** The app's storylines, on the app's database. */
export function storylines(): Storylines {
	shared ??= new Storylines(getDb());
	return shared;
}
