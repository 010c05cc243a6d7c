import { describe, expect, it } from 'vitest';
import {
	DEFAULT_MEASURE,
	LEVER_GROUPS,
	measureByKey,
	MEASURES,
	paramsIn,
	sensitivityDesign,
	tornado
} from '$lib/analysis';
import { getParam, paramSpec, presetById, setParam, simulate, type ParamSpec } from '$lib/sim';

const base = presetById('typical')?.scenario;
if (!base) throw new Error('preset');

function specs(...paths: string[]): ParamSpec[] {
	return paths.map((p) => {
		const s = paramSpec(p);
		if (!s) throw new Error(p);
		return s;
	});
}

describe('sensitivity design', () => {
	it('moves each lever to both ends of its range, one at a time', () => {
		const d = sensitivityDesign(base, specs('contract.lengthMonths', 'kpi.rigidity'));
		expect(d.jobs[0].side).toBe('base');
		expect(d.jobs).toHaveLength(5);
		const low = d.jobs.find((j) => j.lever === 0 && j.side === 'low');
		expect(low && getParam(low.scenario, 'contract.lengthMonths')).toBe(6);
		expect(low && getParam(low.scenario, 'kpi.rigidity')).toBe(0.8);
		const high = d.jobs.find((j) => j.lever === 1 && j.side === 'high');
		expect(high && getParam(high.scenario, 'kpi.rigidity')).toBe(1);
		expect(high && getParam(high.scenario, 'contract.lengthMonths')).toBe(36);
	});

	it('does not run a side again when the baseline already sits there', () => {
		// A baseline with no power shared sits at the low end of that lever.
		const s = structuredClone(base);
		s.power.sharing = 0;
		const d = sensitivityDesign(s, specs('power.sharing'));
		expect(d.jobs.map((j) => j.side)).toEqual(['base', 'high']);
		const t = tornado(d, [0.3, 0.5]);
		expect(t?.bars[0].atLow).toBe(0.3);
		expect(t?.bars[0].atHigh).toBe(0.5);
	});

	it('offers the contract and provider levers, not the simulation settings', () => {
		const paths = paramsIn(LEVER_GROUPS).map((p) => p.path);
		expect(paths).toContain('contract.lengthMonths');
		expect(paths).toContain('power.sharing');
		expect(paths).not.toContain('seed');
		expect(paths).not.toContain('trust.asymmetry');
	});
});

describe('tornado', () => {
	it('sorts bars by their widest swing from the baseline', () => {
		const d = sensitivityDesign(
			base,
			specs('contract.lengthMonths', 'kpi.rigidity', 'power.sharing')
		);
		// Jobs: 0 base, 1/2 length low/high, 3/4 rigidity low/high, 5/6 power low/high.
		const values = [0.4, 0.35, 0.45, 0.6, 0.38, 0.3, 0.42];
		const t = tornado(d, values);
		expect(t?.baseline).toBe(0.4);
		expect(t?.bars.map((b) => b.spec.path)).toEqual([
			'kpi.rigidity',
			'power.sharing',
			'contract.lengthMonths'
		]);
		expect(t?.bars[0].swing).toBeCloseTo(0.2, 12);
	});

	it('waits for the baseline and leaves out levers not yet run', () => {
		const d = sensitivityDesign(base, specs('contract.lengthMonths', 'kpi.rigidity'));
		expect(tornado(d, [undefined, 0.3])).toBe(null);
		const t = tornado(d, [0.4, 0.3, 0.5]);
		expect(t?.bars.map((b) => b.spec.path)).toEqual(['contract.lengthMonths']);
	});
});

describe('the tornado on the typical contract', () => {
	it('shows trust in the final year, lower with rigid KPIs and higher with power shared', () => {
		expect(DEFAULT_MEASURE).toBe('medianFinalTrust');
		const measure = measureByKey(DEFAULT_MEASURE);
		expect(measure.label).toBe('Median trust in the final year');
		// Two hundred futures on the preset's seed: the levers' effects are many standard
		// errors wide at this size (model 2.0: about 0.43 to 0.40 across rigidity, 0.39 to 0.48
		// across power sharing, each median within about 0.002).
		const d = sensitivityDesign(
			setParam(base, 'runs', 200),
			specs('kpi.rigidity', 'power.sharing')
		);
		const values = d.jobs.map((j) => measure.read(simulate(j.scenario)));
		const t = tornado(d, values);
		if (!t) throw new Error('no tornado');
		const bar = (path: string) => {
			const b = t.bars.find((x) => x.spec.path === path);
			if (!b) throw new Error(path);
			return b;
		};
		const rigidity = bar('kpi.rigidity');
		expect(rigidity.atHigh).toBeLessThan(rigidity.atLow);
		expect(rigidity.atHigh).toBeLessThanOrEqual(t.baseline);
		const power = bar('power.sharing');
		expect(power.atHigh).toBeGreaterThan(power.atLow);
		expect(power.atHigh).toBeGreaterThan(t.baseline);
		expect(power.atLow).toBeLessThan(t.baseline);
	}, 120_000);

	it('offers trust over the whole horizon too, and reads every measure as a number', () => {
		expect(MEASURES.map((m) => m.key)).toContain('medianMeanTrust');
		const s = simulate(setParam(setParam(base, 'runs', 20), 'horizonMonths', 24));
		for (const m of MEASURES) expect(Number.isFinite(m.read(s)), m.key).toBe(true);
	}, 60_000);
});
