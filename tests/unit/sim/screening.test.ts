/**
 * The Morris screening (src/lib/sim/screening.ts): the design is a valid Morris design, the
 * statistics rank known functions' inputs correctly, and the model's screening runs and finds
 * no effect where the model has none.
 */
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS, DEFAULT_CONSTANTS } from '$lib/sim/assumptions';
import { PARAMS } from '$lib/sim/params';
import { setParam, validateScenario, type Scenario } from '$lib/sim/scenario';
import {
	designPoint,
	designSize,
	elementaryEffects,
	factorValue,
	morrisDelta,
	morrisDesign,
	morrisStatistics,
	rankByMuStar,
	scenarioAt,
	SEGMENT_CONSTANTS,
	screenFunction,
	screeningFactors,
	screenModel,
	triangularQuantile,
	UNSCREENED_PARAMS,
	type Factor
} from '$lib/sim/screening';
import { METRICS, MetricIndex, type MetricKey } from '$lib/sim/outputs';
import { createRunContext, simulateRun } from '$lib/sim/run';
import { preset } from './helpers';

describe('morrisDesign', () => {
	const k = 7;
	const r = 12;
	const design = morrisDesign(k, r, 20221130);

	it('has r trajectories of k + 1 points on the grid of four levels', () => {
		expect(design.delta).toBeCloseTo(2 / 3, 12);
		expect(morrisDelta(6)).toBeCloseTo(6 / 10, 12);
		expect(designSize(design)).toBe(r * (k + 1));
		expect(design.points).toHaveLength(r * (k + 1) * k);
		const grid = [0, 1 / 3, 2 / 3, 1];
		for (const x of design.points) expect(grid).toContain(x);
	});

	it('changes every factor exactly once a trajectory, by ± Δ, in the recorded order and direction', () => {
		for (let t = 0; t < r; t++) {
			const moved = new Set<number>();
			for (let j = 1; j <= k; j++) {
				const before = designPoint(design, t * (k + 1) + j - 1);
				const after = designPoint(design, t * (k + 1) + j);
				const changed: number[] = [];
				for (let i = 0; i < k; i++) if (after[i] !== before[i]) changed.push(i);
				expect(changed).toHaveLength(1);
				const f = changed[0];
				expect(design.order[t * k + j - 1]).toBe(f);
				expect(after[f] - before[f]).toBeCloseTo(design.direction[t * k + f] * design.delta, 12);
				moved.add(f);
			}
			expect(moved.size).toBe(k);
		}
	});

	it('starts trajectories all over the grid, moving up and down', () => {
		const big = morrisDesign(20, 50, 1);
		const starts = new Set<number>();
		for (let t = 0; t < big.trajectories; t++)
			for (const x of designPoint(big, t * 21)) starts.add(Math.round(x * 3));
		expect([...starts].sort()).toEqual([0, 1, 2, 3]);
		const ups = big.direction.filter((d) => d === 1).length;
		expect(ups).toBeGreaterThan(big.direction.length * 0.4);
		expect(ups).toBeLessThan(big.direction.length * 0.6);
	});

	it('is deterministic for a seed, differs between seeds, and extends with more trajectories', () => {
		const again = morrisDesign(k, r, 20221130);
		expect(again.points).toEqual(design.points);
		expect(again.order).toEqual(design.order);
		expect(again.direction).toEqual(design.direction);
		expect(morrisDesign(k, r, 7).points).not.toEqual(design.points);
		const longer = morrisDesign(k, r + 3, 20221130);
		expect(longer.points.subarray(0, design.points.length)).toEqual(design.points);
	});

	it('refuses impossible designs', () => {
		expect(() => morrisDesign(0, 10, 1)).toThrow(RangeError);
		expect(() => morrisDesign(3, 0, 1)).toThrow(RangeError);
		expect(() => morrisDesign(3, 10, 1, 5)).toThrow(RangeError);
	});
});

describe('Morris statistics on functions with known answers', () => {
	it('ranks the inputs of y = 10·x1 + x2 + 0·x3 and recovers the slopes exactly', () => {
		const stats = screenFunction(3, (x) => 10 * x[0] + x[1] + 0 * x[2], {
			trajectories: 8,
			seed: 3
		});
		expect(rankByMuStar(stats)).toEqual([0, 1, 2]);
		expect(stats[0].muStar).toBeCloseTo(10, 10);
		expect(stats[0].mu).toBeCloseTo(10, 10);
		expect(stats[0].sigma).toBeCloseTo(0, 10);
		expect(stats[1].muStar).toBeCloseTo(1, 10);
		expect(stats[2].muStar).toBe(0);
		expect(stats[2].sigma).toBe(0);
	});

	it('tells a negative effect by μ and an interaction by σ', () => {
		// x1 and x2 act only together; x3 lowers y; x4 does nothing.
		const stats = screenFunction(4, (x) => 6 * x[0] * x[1] - 2 * x[2], {
			trajectories: 20,
			seed: 11
		});
		expect(stats[2].mu).toBeCloseTo(-2, 10);
		expect(stats[2].muStar).toBeCloseTo(2, 10);
		expect(stats[2].sigma).toBeCloseTo(0, 10);
		for (const i of [0, 1]) {
			expect(stats[i].muStar).toBeGreaterThan(0.5);
			expect(stats[i].sigma).toBeGreaterThan(0.5);
		}
		expect(stats[3].muStar).toBe(0);
		expect(rankByMuStar(stats)[3]).toBe(3);
	});

	it('tells effects of opposite signs by μ* against μ', () => {
		// y = (x − ½)²: the effect is + above the middle and − below it.
		const stats = screenFunction(2, (x) => 9 * (x[0] - 0.5) ** 2, { trajectories: 30, seed: 5 });
		expect(stats[0].muStar).toBeGreaterThan(1);
		expect(Math.abs(stats[0].mu)).toBeLessThan(stats[0].muStar);
		expect(stats[1].muStar).toBe(0);
	});

	it('measures an effect per full range, whichever way the factor moved', () => {
		const design = morrisDesign(2, 4, 9);
		const y = Array.from({ length: designSize(design) }, (_, i) => {
			const x = designPoint(design, i);
			return 3 * x[0] - 5 * x[1];
		});
		const ee = elementaryEffects(design, y);
		for (let t = 0; t < 4; t++) {
			expect(ee[t * 2]).toBeCloseTo(3, 10);
			expect(ee[t * 2 + 1]).toBeCloseTo(-5, 10);
		}
		expect(() => morrisStatistics(design, y.slice(1))).toThrow(RangeError);
	});
});

describe('the model’s factors', () => {
	const factors = screeningFactors();
	const byId = new Map(factors.map((f) => [f.id, f]));

	it('covers every parameter but the run settings, every constant, and the segment fields', () => {
		for (const p of PARAMS) {
			const screened = !UNSCREENED_PARAMS.includes(p.path) && !p.path.startsWith('reporting.');
			expect(byId.has(p.path), p.path).toBe(screened);
		}
		for (const path of ['seed', 'runs', 'horizonMonths', 'reporting.collapseDrop'])
			expect(byId.has(path)).toBe(false);
		for (const a of ASSUMPTIONS)
			expect(byId.get(a.key)?.target.kind, a.key).toBe(
				SEGMENT_CONSTANTS.has(a.key) ? undefined : 'constant'
			);
		for (const field of ['initialTrust', 'scepticism', 'reachability'])
			expect(byId.get(`community.segments.*.${field}`)?.target.kind).toBe('segment');
		expect(new Set(factors.map((f) => f.id)).size).toBe(factors.length);
	});

	it('keeps values in range, on a log scale where the constant is log-uniform, rounded where whole', () => {
		for (const f of factors)
			for (const u of [0, 1 / 3, 2 / 3, 1]) {
				const v = factorValue(f, u);
				expect(v, f.id).toBeGreaterThanOrEqual(f.min);
				expect(v, f.id).toBeLessThanOrEqual(f.max);
				if (f.integer) expect(Number.isInteger(v), f.id).toBe(true);
			}
		const log = factors.find((f) => f.scale === 'log');
		if (!log) throw new Error('no log-uniform constant');
		expect(factorValue(log, 0.5)).toBeCloseTo(Math.sqrt(log.min * log.max), 10);
		expect(factorValue(log, 0)).toBeCloseTo(log.min, 12);
		expect(factorValue(log, 1)).toBeCloseTo(log.max, 12);
		const whole: Factor = { ...log, min: 0, max: 10, scale: 'linear', integer: true };
		expect(factorValue(whole, 1 / 3)).toBe(3);
		expect(triangularQuantile(0, 0.25, 1, 0.25)).toBeCloseTo(0.25, 12);
		expect(triangularQuantile(0, 0.25, 1, 0)).toBe(0);
		expect(triangularQuantile(0, 0.25, 1, 1)).toBe(1);
	});

	it('builds a valid scenario and the constants at every corner of the grid', () => {
		const base = preset('typical');
		for (const u of [0, 1]) {
			const { scenario, constants } = scenarioAt(
				base,
				factors,
				new Float64Array(factors.length).fill(u)
			);
			const checked = validateScenario(scenario);
			expect(checked.ok || checked.error).toBe(true);
			for (const a of ASSUMPTIONS)
				expect(constants[a.key], a.key).toBeCloseTo(
					SEGMENT_CONSTANTS.has(a.key) ? a.default : u === 0 ? a.min : a.max,
					12
				);
		}
		// Segment fields move from each segment's own value and stay within 0 to 1.
		const at = (id: string, u: number): Scenario => {
			const x = new Float64Array(factors.length).fill(0.5);
			x[factors.findIndex((f) => f.id === id)] = u;
			return scenarioAt(base, factors, x).scenario;
		};
		const low = at('community.segments.*.initialTrust', 0);
		base.community.segments.forEach((g, k) =>
			expect(low.community.segments[k].initialTrust).toBeCloseTo(
				Math.max(0, g.initialTrust - 0.15),
				12
			)
		);
		const reach = at('community.segments.*.reachability', 1);
		base.community.segments.forEach((g, k) =>
			expect(reach.community.segments[k].reachability).toBeCloseTo(
				Math.min(1, g.reachability * 1.5),
				12
			)
		);
		// The base itself is untouched.
		expect(base).toEqual(preset('typical'));
		expect(DEFAULT_CONSTANTS).toEqual(
			Object.fromEntries(ASSUMPTIONS.map((a) => [a.key, a.default]))
		);
	});
});

describe('screenModel', () => {
	/** A small community over three years: a screening that runs in seconds. */
	function tiny(): Scenario {
		const s = structuredClone(preset('typical'));
		s.horizonMonths = 36;
		for (const g of s.community.segments) g.size = 100;
		return s;
	}

	it('runs on a tiny setup and finds no effect of the reporting-only trust threshold on trust', () => {
		const factors = screeningFactors();
		const progress: number[] = [];
		const r = screenModel(tiny(), { trajectories: 2, runs: 2 }, (done, total) => {
			progress.push(done);
			expect(total).toBe(2 * (factors.length + 1) * 2);
		});
		if (!r.ok) throw new Error(r.error);
		const res = r.value;
		expect(res.points).toBe(2 * (factors.length + 1));
		expect(progress).toHaveLength(res.points);
		expect(progress[progress.length - 1]).toBe(res.points * 2);
		const threshold = res.factors.findIndex((f) => f.id === 'trust.threshold');
		expect(threshold).toBeGreaterThanOrEqual(0);
		for (const o of res.outputs) {
			expect(o.ranked).toHaveLength(factors.length);
			for (let i = 1; i < o.ranked.length; i++)
				expect(o.ranked[i - 1].muStar).toBeGreaterThanOrEqual(o.ranked[i].muStar);
			for (const e of o.ranked) {
				expect(Number.isFinite(e.muStar), `${o.output.metric} ${res.factors[e.factor].id}`).toBe(
					true
				);
				expect(e.muStar).toBeGreaterThanOrEqual(Math.abs(e.mu) - 1e-12);
			}
			if (o.output.metric === 'finalTrust' || o.output.metric === 'meanTrust') {
				const e = o.ranked.find((x) => x.factor === threshold);
				expect(e?.muStar).toBeCloseTo(0, 12);
				// Something does move trust.
				expect(o.ranked[0].muStar).toBeGreaterThan(0.01);
			}
		}
	}, 120_000);

	it('finds that every input moves some output (no parameter or constant is inert)', () => {
		// One factor at a time, from the bottom of its range to the top, on three setups that
		// between them put every mechanism to work.
		const setup = (id: string, changes: Record<string, number>): Scenario => {
			let s = structuredClone(preset(id));
			for (const g of s.community.segments) g.size = 200;
			for (const [path, v] of Object.entries({ runs: 6, horizonMonths: 96, ...changes }))
				s = setParam(s, path, v);
			return s;
		};
		const events = {
			'events.staffLeavingPerYear': 1,
			'events.partnerLeavingPerYear': 1,
			'events.systemBrokenPromisePerYear': 1,
			'events.badPressPerYear': 1,
			'events.fundingCutPerYear': 1
		};
		const bases = [
			// Short contracts re-procured with a poor record: changes of provider, partners.
			setup('towards', {
				...events,
				'contract.lengthMonths': 24,
				'kpi.rigidity': 0.6,
				'kpi.target': 0.97
			}),
			// A long, courageous design: co-producing, learning to the limit of success.
			setup('courage', { horizonMonths: 180, 'provider.learningRate': 1 }),
			// Low trust: members slip for lack of it.
			setup('consult-no-act', events)
		];
		const keys: readonly MetricKey[] = METRICS;
		const read = (x: ReturnType<typeof scenarioAt>): number[] => {
			const ctx = createRunContext(x.scenario, x.constants);
			const out: number[] = [];
			for (let r = 0; r < x.scenario.runs; r++) {
				simulateRun(ctx, r);
				for (const k of keys) out.push(ctx.metrics[MetricIndex[k]]);
			}
			return out;
		};
		const factors = screeningFactors();
		const inert: string[] = [];
		factors.forEach((f) => {
			// Only this factor moves; everything else stays as in the base and the defaults.
			const moves = bases.some((base) => {
				const low = read(scenarioAt(base, [f], [0]));
				const high = read(scenarioAt(base, [f], [1]));
				return low.some((v, j) => v !== high[j]);
			});
			if (!moves) inert.push(f.id);
		});
		expect(inert).toEqual([]);
	}, 300_000);

	it('is deterministic for a base scenario and options', () => {
		const factors = screeningFactors().filter((f) =>
			['kpi.rigidity', 'power.sharing', 'trust.threshold'].includes(f.id)
		);
		const a = screenModel(tiny(), { trajectories: 3, runs: 2, factors });
		const b = screenModel(tiny(), { trajectories: 3, runs: 2, factors });
		expect(a).toEqual(b);
	}, 60_000);

	it('returns bad options as an error', () => {
		expect(screenModel(tiny(), { trajectories: 1 })).toEqual({
			ok: false,
			error: expect.stringMatching(/2 or more trajectories/)
		});
		expect(screenModel(tiny(), { runs: 0 }).ok).toBe(false);
		expect(screenModel(tiny(), { levels: 3 }).ok).toBe(false);
		expect(screenModel(tiny(), { factors: [] }).ok).toBe(false);
	});
});
