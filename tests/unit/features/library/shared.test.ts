/** The share page's state without a page: reading a link, adding its scenario, and links that cannot be opened. */
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { Library } from '$lib/db/library';
import { encodeScenario } from '$lib/db/share';
import { SharedScenarioState } from '$lib/features/library/shared.svelte';
import { PRESETS } from '$lib/sim';
import { freshLibrary, must } from '../../db/helpers';

const TOWARDS = PRESETS.find((p) => p.id === 'towards')?.scenario ?? PRESETS[0].scenario;

/** The `#…` part of a share link to a scenario. */
async function hashOf(scenario: typeof TOWARDS): Promise<string> {
	const r = await encodeScenario(scenario);
	if (!r.ok) throw new Error(r.error);
	return `#${r.value}`;
}

const libs: Library[] = [];
afterEach(async () => {
	for (const l of libs.splice(0)) await l.db.delete();
});

function shared(): { state: SharedScenarioState; lib: Library } {
	const lib = freshLibrary();
	libs.push(lib);
	return { state: new SharedScenarioState(async () => ({ ok: true, value: lib })), lib };
}

describe('a shared scenario', () => {
	it('reads the scenario in the link and adds a copy, renamed when the name is taken', async () => {
		const { state, lib } = shared();
		expect(state.view.kind).toBe('loading');
		expect(state.title).toBe('Shared scenario');
		await state.read(await hashOf(TOWARDS));
		expect(state.view).toEqual({ kind: 'ready', scenario: TOWARDS });
		expect(state.title).toBe(`${TOWARDS.name} · Shared scenario`);

		const adding = state.add();
		expect(state.status).toEqual({ kind: 'adding' });
		await adding;
		const added = state.status.kind === 'added' ? state.status.copy : null;
		expect(added).toMatchObject({ name: TOWARDS.name, renamed: false });
		const stored = must(await lib.getScenario(added?.id ?? ''));
		expect(stored.scenario).toEqual({ ...TOWARDS });

		await state.add();
		expect(state.status).toMatchObject({
			kind: 'added',
			copy: { name: `${TOWARDS.name} (2)`, renamed: true }
		});
	});

	it('says plainly when a link cannot be read, and adds nothing', async () => {
		const { state } = shared();
		await state.read('#v1.garbage');
		expect(state.view.kind).toBe('invalid');
		expect(state.title).toBe('Link cannot be opened');
		await state.add();
		expect(state.status).toEqual({ kind: 'idle' });
	});

	it('keeps the scenario on screen with the reason when it cannot be added', async () => {
		const state = new SharedScenarioState(async () => ({
			ok: false,
			error: { kind: 'unavailable', message: 'No storage.' }
		}));
		await state.read(await hashOf(TOWARDS));
		await state.add();
		expect(state.status).toEqual({
			kind: 'failed',
			error: { kind: 'unavailable', message: 'No storage.' }
		});
		expect(state.view.kind).toBe('ready');
	});
});
