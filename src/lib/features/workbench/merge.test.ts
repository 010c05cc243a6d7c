import { describe, expect, it } from 'vitest';
import { defaultScenario, PARAMS, setParam, type Scenario } from '$lib/sim';
import { changesText, planMerge, settingChanges, settingLabel } from './merge';

const base = defaultScenario('Base');

describe('planMerge', () => {
	it('takes each setting from the side that changed it', () => {
		const mine = setParam(base, 'contract.lengthMonths', 60);
		const theirs = setParam({ ...base, name: 'Renamed' }, 'kpi.rigidity', 0.3);
		const plan = planMerge(base, mine, theirs);
		expect(plan.clashes).toEqual([]);
		expect(plan.mine.map((c) => c.path)).toEqual(['contract.lengthMonths']);
		expect(plan.theirs.map((c) => c.path)).toEqual(['name', 'kpi.rigidity']);
		expect(plan.merged.contract.lengthMonths).toBe(60);
		expect(plan.merged.kpi.rigidity).toBe(0.3);
		expect(plan.merged.name).toBe('Renamed');
		// Nothing else moves.
		for (const p of PARAMS)
			if (!['contract.lengthMonths', 'kpi.rigidity'].includes(p.path))
				expect(getAt(plan.merged, p.path)).toBe(getAt(base, p.path));
	});

	it('reports a setting both changed differently, and keeps this tab’s value', () => {
		const mine = setParam(base, 'kpi.rigidity', 0.9);
		const theirs = setParam(base, 'kpi.rigidity', 0.3);
		const plan = planMerge(base, mine, theirs);
		expect(plan.clashes).toEqual([
			{ path: 'kpi.rigidity', label: settingLabel('kpi.rigidity'), mine: '0.9', theirs: '0.3' }
		]);
		expect(plan.merged.kpi.rigidity).toBe(0.9);
		expect(plan.mine).toEqual([]);
		expect(plan.theirs).toEqual([]);
	});

	it('counts the same change made on both sides as no clash', () => {
		const both = setParam(base, 'kpi.rigidity', 0.3);
		const plan = planMerge(base, both, both);
		expect(plan.clashes).toEqual([]);
		expect(plan.merged.kpi.rigidity).toBe(0.3);
	});

	it('keeps the community groups whole', () => {
		const mine = structuredClone(base);
		mine.community.segments[0].initialTrust = 0.9;
		const theirs = structuredClone(base);
		theirs.community.segments = theirs.community.segments.slice(0, 1);
		const plan = planMerge(base, mine, theirs);
		expect(plan.clashes.map((c) => c.path)).toEqual(['community.segments']);
		expect(plan.merged.community.segments).toEqual(mine.community.segments);
	});
});

describe('settingChanges', () => {
	it('says what changed in words, name and description first', () => {
		const after = setParam({ ...base, description: 'New words' }, 'contract.lengthMonths', 60);
		const changes = settingChanges(base, after);
		expect(changes.map((c) => c.path)).toEqual(['description', 'contract.lengthMonths']);
		const length = changes[1];
		expect(length.from).toBe(`${base.contract.lengthMonths} months`);
		expect(length.to).toBe('60 months');
		expect(changesText(changes)).toContain(
			`${settingLabel('contract.lengthMonths')} ${length.from} → 60 months`
		);
	});

	it('says a changed community group changed even when the count is the same', () => {
		const after = structuredClone(base);
		after.community.segments[0].initialTrust = 0.9;
		const [c] = settingChanges(base, after);
		expect(c.label).toBe('Community groups');
		expect(c.to).toMatch(/changed$/);
	});

	it('shortens a long list', () => {
		let after = base;
		for (const path of [
			'kpi.rigidity',
			'kpi.target',
			'power.sharing',
			'partners.count',
			'contract.lengthMonths'
		])
			after = setParam(after, path, PARAMS.find((p) => p.path === path)!.max);
		expect(changesText(settingChanges(base, after), 2)).toMatch(/; and 3 more$/);
	});
});

function getAt(s: Scenario, path: string): unknown {
	return path.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], s);
}
