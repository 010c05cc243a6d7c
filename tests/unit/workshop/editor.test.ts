// The storyline editor's state without a page: open, edit, save, start anew and delete.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { SlowTrustDb } from '../../../src/lib/db/db';
import { Storylines } from '../../../src/lib/db/storylines';
import { StorylineEditorState } from '../../../src/lib/features/workshop/editor.svelte';
import { defaultScenario } from '../../../src/lib/sim';
import { freshName } from '../db/helpers';

const opened: Dexie[] = [];
afterEach(async () => {
	for (const db of opened.splice(0)) {
		db.close();
		await Dexie.delete(db.name);
	}
});

function editor() {
	const db = new SlowTrustDb(freshName());
	opened.push(db);
	const stories = new Storylines(db);
	const addresses: string[] = [];
	const scenario = defaultScenario('Our borough pilot');
	const e = new StorylineEditorState({
		storylines: () => stories,
		openLibrary: async () => ({
			ok: true,
			value: {
				listScenarios: async () => ({
					ok: true,
					value: [
						{
							id: 'own-pilot',
							name: scenario.name,
							description: '',
							tags: [],
							scenario,
							createdAt: 0,
							updatedAt: 0
						},
						{
							id: 'preset-typical',
							presetId: 'typical',
							name: 'Example',
							description: '',
							tags: [],
							scenario,
							createdAt: 0,
							updatedAt: 0
						}
					]
				})
			}
		}),
		showInAddress: (id) => addresses.push(id)
	});
	return { e, stories, addresses };
}

describe('the storyline editor state', () => {
	it('opens the default storyline with the user’s own scenarios to add', async () => {
		const { e, addresses } = editor();
		await e.load('default');
		expect(e.loaded).toBe(true);
		expect(e.story.steps).toHaveLength(5);
		expect(e.own.map((r) => r.id)).toEqual(['own-pilot']);
		expect(e.unsaved).toBe(false);
		expect(e.isStored).toBe(false);
		expect(addresses).toEqual(['default']);
	});

	it('edits a new storyline, saves it, and deletes it', async () => {
		const { e, addresses } = editor();
		await e.load('default');
		e.startNew();
		e.rename('Board awayday');
		const [first, second] = e.story.steps;
		e.removeStep(first.id);
		e.moveStep(e.story.steps[3].id, -3);
		e.setQuestion(second.id, 'collapse');
		e.setNotes(second.id, 'Ask the board.');
		e.adding = 'scenario:own-pilot';
		e.add();
		expect(e.unsaved).toBe(true);
		expect(e.story.steps).toHaveLength(5);
		expect(e.sourceName(e.story.steps[0].source)).toMatch(/^Courage/);
		expect(e.sourceName(e.story.steps[4].source)).toBe('Our borough pilot');
		expect(e.sourceKind(e.story.steps[4])).toBe('Your scenario');

		expect(await e.save()).toBe(true);
		expect(e.status).toBe('Saved “Board awayday”.');
		expect(e.unsaved).toBe(false);
		expect(e.isStored).toBe(true);
		expect(addresses.at(-1)).toBe(e.story.id);
		expect(e.options.map((o) => o.name)).toEqual([
			'From a typical contract to co-production',
			'For commissioners: what a contract buys',
			'For providers: what a bid can promise',
			'For community members: what you can expect',
			'Board awayday'
		]);

		await e.remove();
		expect(e.story.id).toBe('default');
		expect(e.stored).toEqual([]);
	});

	it('refuses to save a storyline without a name, saying why', async () => {
		const { e } = editor();
		await e.load('default');
		e.rename('  ');
		expect(await e.save()).toBe(false);
		expect(e.message).toBe('Give the storyline a name.');
		expect(e.sourceName({ kind: 'scenario', scenarioId: 'gone' })).toBe(
			'A scenario no longer in your library'
		);
	});
});
