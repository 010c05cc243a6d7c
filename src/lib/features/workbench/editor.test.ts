import { describe, expect, it } from 'vitest';
import {
	PRESETS,
	defaultScenario,
	paramSpec,
	presetById,
	setParam,
	type ParamSpec,
	type Scenario
} from '$lib/sim';
import {
	addSegment,
	baselineFor,
	changedCount,
	describeChanges,
	fromSlider,
	isLogScale,
	parseValue,
	rangeText,
	removeSegment,
	resetAll,
	restorePointRows,
	setSegmentParam,
	toSlider,
	tryChange
} from './editor';
import { resultView, type CompleteResult, type ViewInput } from './results';

function spec(path: string): ParamSpec {
	const found = paramSpec(path);
	if (!found) throw new Error(path);
	return found;
}

function typical(): Scenario {
	const p = presetById('typical');
	if (!p) throw new Error('no typical preset');
	return p.scenario;
}

describe('parseValue', () => {
	const length = spec('contract.lengthMonths');
	const rigidity = spec('kpi.rigidity');

	it('accepts numbers in range, with spaces and thousands commas', () => {
		expect(parseValue(length, ' 48 ')).toEqual({ ok: true, value: 48 });
		expect(parseValue(spec('runs'), '10,000')).toEqual({ ok: true, value: 10000 });
		expect(parseValue(rigidity, '.5')).toEqual({ ok: true, value: 0.5 });
	});

	it('refuses out-of-range values, naming the range and unit', () => {
		const r = parseValue(length, '500');
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toBe('Out of range: enter a whole number from 6 to 120 months.');
	});

	it('refuses fractions of whole-number parameters, text and empty boxes', () => {
		expect(parseValue(length, '36.5')).toEqual({
			ok: false,
			error: 'Enter a whole number from 6 to 120 months.'
		});
		const text = parseValue(rigidity, 'high');
		expect(text.ok).toBe(false);
		if (!text.ok) expect(text.error).toContain('“high” is not a number');
		expect(parseValue(rigidity, '').ok).toBe(false);
	});

	it('writes ranges in plain words', () => {
		expect(rangeText(rigidity)).toBe('0 to 1');
		expect(rangeText(spec('runs'))).toBe('10 to 100,000 runs');
	});
});

describe('sliders', () => {
	it('are linear for ordinary ranges and round to the step', () => {
		const s = spec('kpi.rigidity');
		expect(isLogScale(s)).toBe(false);
		expect(toSlider(s, 0.7)).toBe(0.7);
		expect(fromSlider(s, 0.7000000001)).toBe(0.7);
	});

	it('are logarithmic for runs, reaching both ends and round values', () => {
		const runs = spec('runs');
		expect(isLogScale(runs)).toBe(true);
		expect(fromSlider(runs, 0)).toBe(10);
		expect(fromSlider(runs, 1000)).toBe(100000);
		const mid = fromSlider(runs, toSlider(runs, 1000));
		expect(mid).toBeGreaterThanOrEqual(900);
		expect(mid).toBeLessThanOrEqual(1100);
		expect(Number.isInteger(mid)).toBe(true);
	});
});

describe('baselines and changes', () => {
	it('compares an example with itself and a copy with the example it is closest to', () => {
		const towards = PRESETS.find((p) => p.id === 'towards');
		if (!towards) throw new Error('no towards preset');
		expect(baselineFor('typical', typical()).presetId).toBe('typical');
		const copy = setParam(towards.scenario, 'kpi.rigidity', 0.35);
		expect(baselineFor(undefined, copy).presetId).toBe('towards');
		expect(baselineFor(undefined, defaultScenario()).presetId).toBe('typical');
	});

	it('counts changed parameters and segment fields, and reset all puts them back', () => {
		const base = typical();
		let s = setParam(base, 'contract.lengthMonths', 60);
		s = setSegmentParam(s, 0, 'initialTrust', 0.5);
		s = addSegment(s);
		expect(changedCount(s, base)).toBe(3);
		const back = resetAll({ ...s, name: 'Mine' }, base);
		expect(changedCount(back, base)).toBe(0);
		expect(back.name).toBe('Mine');
	});

	it('keeps at least one segment', () => {
		let s = typical();
		while (s.community.segments.length > 1) s = removeSegment(s, 0);
		expect(removeSegment(s, 0).community.segments).toHaveLength(1);
	});

	it('refuses a change that breaks a rule across fields, in plain words', () => {
		const s = setSegmentParam(typical(), 0, 'size', 99000);
		const attempt = tryChange(s);
		expect(attempt.ok).toBe(false);
		if (!attempt.ok) expect(attempt.error).toMatch(/^The segments add up to 102,800 people/);
	});

	it('describes what changed between two versions', () => {
		const base = typical();
		const after = setParam(base, 'contract.lengthMonths', 48);
		expect(describeChanges(base, after)).toEqual(['Contract length: 36 months → 48 months']);
	});
});

describe('restorePointRows', () => {
	const baseline = { presetId: 'typical', name: "Today's typical contract", scenario: typical() };
	const v = (id: number, scenario: Scenario) => ({ id, scenario });

	it('labels every restore point by what it changed, the first from its example', () => {
		const copy = { ...typical(), name: 'Copy', description: 'Ours' };
		const looser = setParam(copy, 'kpi.rigidity', 0.3);
		const renamed = { ...looser, name: 'Bid' };
		const rows = restorePointRows([v(3, renamed), v(2, looser), v(1, copy)], baseline, 20);
		expect(rows.map((r) => r.label)).toEqual([
			'Name: “Bid”',
			'KPI rigidity: 0.8 → 0.3',
			"Created, with the settings of “Today's typical contract”"
		]);
		expect(rows.map((r) => r.version.id)).toEqual([3, 2, 1]);
	});

	it('says what the first differs in from its example, and when older ones were let go', () => {
		const first = setParam(setParam(typical(), 'kpi.rigidity', 0.5), 'partners.count', 3);
		expect(restorePointRows([v(1, first)], baseline, 20)[0].label).toBe(
			"Created, differing from “Today's typical contract”: KPI rigidity: 0.8 → 0.5; Trusted local partners: 1 organisation → 3 organisations"
		);
		const same = setParam(first, 'runs', 1000);
		const rows = restorePointRows([v(2, same), v(1, first)], baseline, 2);
		expect(rows[0].label).toBe('Saved with no change to the settings');
		expect(rows[1].label).toMatch(/^Oldest kept, differing from/);
	});
});

describe('resultView', () => {
	const summary = (hash: string, runs: number) =>
		({
			receipt: { scenarioHash: hash, runs, seed: 1, modelVersion: '1', schemaVersion: 1 }
		}) as unknown as CompleteResult['summary'];
	const done: CompleteResult = {
		key: 'k1',
		summary: summary('h1', 1000),
		scenario: typical(),
		source: 'stored',
		at: 0
	};
	const base: ViewInput = {
		key: 'k1',
		hash: 'h1',
		complete: done,
		held: null,
		engine: { status: 'idle', summary: null, progress: null, error: null }
	};

	it('shows a stored result only when its key is the scenario’s key now', () => {
		expect(resultView(base).kind).toBe('done');
		expect(resultView({ ...base, key: 'k2' }).kind).toBe('empty');
	});

	it('shows a preview only when it came from the scenario on screen', () => {
		const preview = summary('h2', 100);
		const input: ViewInput = {
			...base,
			key: 'k2',
			hash: 'h2',
			engine: { status: 'preview', summary: preview, progress: null, error: null }
		};
		expect(resultView(input)).toMatchObject({ kind: 'refining', summary: preview });
		const stale = { ...input, hash: 'h3' };
		expect(resultView(stale)).toMatchObject({ kind: 'running', earlier: done.summary });
	});

	it('never shows a cancelled job as complete', () => {
		const view = resultView({
			...base,
			key: 'k2',
			hash: 'h2',
			engine: { status: 'cancelled', summary: summary('h2', 100), progress: null, error: null }
		});
		expect(view.kind).toBe('cancelled');
	});

	it('reports an error in words', () => {
		const view = resultView({
			...base,
			key: 'k2',
			engine: { status: 'error', summary: null, progress: null, error: 'A worker stopped.' }
		});
		expect(view).toEqual({ kind: 'error', message: 'A worker stopped.' });
	});

	it('shows a run held back for an idle page as running, and one stopped before it began as cancelled', () => {
		expect(resultView({ ...base, key: 'k2', held: 'waiting' })).toEqual({
			kind: 'running',
			progress: null,
			earlier: done.summary
		});
		expect(resultView({ ...base, key: 'k2', held: 'stopped' }).kind).toBe('cancelled');
	});

	it('shows a finished job not yet kept as complete as still on its way', () => {
		const view = resultView({
			...base,
			key: 'k2',
			hash: 'h2',
			engine: { status: 'done', summary: summary('h2', 1000), progress: null, error: null }
		});
		expect(view).toMatchObject({ kind: 'running', progress: null, earlier: done.summary });
	});
});
