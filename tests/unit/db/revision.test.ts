// Optimistic concurrency: every change to a stored scenario is a new revision, and a save
// that names an older revision than the stored one is refused with the stored record.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { revisionOf } from '../../../src/lib/db/db';
import { Library } from '../../../src/lib/db/library';
import { exportScenarios, importText, serializeLibrary } from '../../../src/lib/db/transfer';
import { MODEL_VERSION, defaultScenario, setParam, type Summary } from '../../../src/lib/sim';
import { freshLibrary, must } from './helpers';

const libs: Library[] = [];
function lib(): Library {
	const l = freshLibrary();
	libs.push(l);
	return l;
}
afterEach(async () => {
	for (const l of libs.splice(0)) await l.db.delete();
});

const summary = { threshold: 0.6, receipt: { runs: 1, modelVersion: MODEL_VERSION } } as Summary;

describe('scenario revisions', () => {
	it('starts at 0 (also for records written before revisions) and goes up with each save', async () => {
		const l = lib();
		const r = must(await l.createScenario(defaultScenario('A')));
		expect(revisionOf(r)).toBe(0);
		expect(revisionOf({})).toBe(0);
		const saved = must(await l.saveScenario(r.id, setParam(r.scenario, 'kpi.rigidity', 0.2)));
		expect(saved.revision).toBe(1);
		// Saving the same settings again writes nothing and keeps the revision.
		const same = must(await l.saveScenario(r.id, saved.scenario, Date.now(), 1));
		expect(same.revision).toBe(1);
		const details = must(await l.updateDetails(r.id, { name: 'B', description: 'd', tags: ['x'] }));
		expect(details.revision).toBe(2);
		// A new result is not a change of the scenario.
		must(await l.putResult(r.id, details.scenario, summary));
		expect(must(await l.getScenario(r.id)).revision).toBe(2);
	});

	it('refuses a save from an older revision, carrying the stored record, and writes nothing', async () => {
		const l = lib();
		const r = must(await l.createScenario(defaultScenario('A')));
		// Tab B saves first.
		const b = must(
			await l.saveScenario(r.id, setParam(r.scenario, 'kpi.rigidity', 0.3), Date.now(), 0)
		);
		// Tab A still holds revision 0.
		const a = await l.saveScenario(
			r.id,
			setParam(r.scenario, 'contract.lengthMonths', 60),
			Date.now(),
			0
		);
		expect(a.ok).toBe(false);
		if (a.ok) return;
		expect(a.error.kind).toBe('conflict');
		expect(a.error.message).toMatch(/changed in another tab/);
		expect(a.error.current?.revision).toBe(1);
		expect(a.error.current?.scenario.kpi.rigidity).toBe(0.3);
		const stored = must(await l.getScenario(r.id));
		expect(stored).toEqual(b);
		expect(must(await l.listVersions(r.id))).toHaveLength(2);
		// From the revision it now knows, the save goes through.
		const again = must(
			await l.saveScenario(r.id, setParam(stored.scenario, 'contract.lengthMonths', 60), 1, 1)
		);
		expect(again.scenario.kpi.rigidity).toBe(0.3);
		expect(again.scenario.contract.lengthMonths).toBe(60);
		expect(again.revision).toBe(2);
	});

	it('refuses details saved over a rename made meanwhile, but not over a change of settings', async () => {
		const l = lib();
		const r = must(await l.createScenario(defaultScenario('A')));
		const before = { name: r.name, description: r.description, tags: r.tags };
		// Another tab changes a setting: the details form's save still goes through.
		must(await l.saveScenario(r.id, setParam(r.scenario, 'kpi.rigidity', 0.3)));
		const first = must(
			await l.updateDetails(r.id, { name: 'Mine', description: '', tags: [] }, 1, before)
		);
		expect(first.scenario.kpi.rigidity).toBe(0.3);
		// Another tab renames; a form opened before that is refused.
		must(await l.updateDetails(r.id, { name: 'Theirs', description: '', tags: ['t'] }));
		const refused = await l.updateDetails(r.id, { name: 'Late', description: '', tags: [] }, 2, {
			name: 'Mine',
			description: '',
			tags: []
		});
		expect(refused.ok).toBe(false);
		if (refused.ok) return;
		expect(refused.error.kind).toBe('conflict');
		expect(refused.error.current?.name).toBe('Theirs');
		expect(must(await l.getScenario(r.id)).name).toBe('Theirs');
	});

	it('moves on when an import replaces a scenario or the trash gives one back', async () => {
		const l = lib();
		const r = must(await l.createScenario(defaultScenario('A')));
		const doc = must(await exportScenarios(l, [r.id]));
		must(await l.saveScenario(r.id, setParam(r.scenario, 'kpi.rigidity', 0.3)));
		must(await importText(l, serializeLibrary(doc), { onClash: 'replace' }));
		const replaced = must(await l.getScenario(r.id));
		expect(replaced.revision).toBe(2);
		// A save from before the import is refused rather than undoing it.
		const late = await l.saveScenario(
			r.id,
			setParam(r.scenario, 'kpi.rigidity', 0.9),
			Date.now(),
			1
		);
		expect(late.ok ? 'saved' : late.error.kind).toBe('conflict');
		must(await l.deleteScenario(r.id));
		const back = must(await l.restoreFromTrash(r.id));
		expect(back.revision).toBe(3);
	});
});
