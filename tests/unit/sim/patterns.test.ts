/**
 * Pattern-oriented tests (Grimm et al. 2005): the qualitative patterns a credible model of
 * commissioning and trust reproduces (docs/model.md section 1), each checked by comparing
 * scenarios on the same seed (common random numbers) with enough futures that a difference
 * several Monte Carlo standard errors wide is not luck. Every run is deterministic, so these
 * tests never flake. The numbers quoted beside the checks were measured with model 2.0.0.
 *
 * The headline levers (KPIs, power, contract length, consultation) are checked on every
 * preset and at several horizons in levers.test.ts; calibration against published figures in
 * calibration.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONSTANTS, type Scenario } from '$lib/sim';
import { allocateMembers, layoutCommunity } from '$lib/sim/community';
import { Rung } from '$lib/sim/ladder';
import { MonthStep, stepMembers } from '$lib/sim/members';
import { seedMemberStreams } from '$lib/sim/rng';
import { logOddsStep, overallTrust } from '$lib/sim/trust';
import {
	at,
	diff,
	mean,
	preset,
	se,
	timeAverage,
	traces,
	withInitialTrust,
	withoutEvents,
	withParams,
	type Traces
} from './helpers';

const SLOW = { timeout: 300_000 };

/** Index of the last month of year `y` (month 12 is index 11). */
const endOfYear = (y: number): number => 12 * y - 1;

/** Runs of a scenario, simulated once and shared by the tests that need them. */
function lazyTraces(s: Scenario, runs: number): () => Traces {
	let t: Traces | undefined;
	return () => (t ??= traces(s, runs));
}

/** Mean over runs of each month's value of a series. */
function monthlyMean(series: number[][]): number[] {
	return series[0].map((_, t) => mean(at(series, t)));
}

/**
 * One month of the member step for a single member whose four components all stand at
 * `level`, with no word of mouth, no scepticism, no partner and no contribution: only the
 * signals `setup` sets move it.
 */
function oneMonth(level: number, setup: (st: MonthStep) => void, stickiness = 0.5) {
	const one = withParams(preset('typical'), {
		'trust.wordOfMouth': 0,
		'trust.characterStickiness': stickiness,
		'community.peoplePerAgent': 1
	});
	one.community.segments = [{ ...one.community.segments[0], size: 1 }];
	const layout = layoutCommunity(one);
	const m = allocateMembers(layout.n);
	m.integrity[0] = m.intent[0] = m.competence[0] = m.results[0] = m.baseline[0] = level;
	m.scepticism[0] = 0;
	m.reach[0] = 0;
	m.rung[0] = Rung.informed;
	m.partner[0] = -1;
	m.lastVoice[0] = m.lastHeard[0] = m.lastDecided[0] = -1000;
	const st = new MonthStep(one, 1, layout.weights, {
		...DEFAULT_CONSTANTS,
		forgetting: 0,
		characterFade: 0
	});
	st.mean.fill(level);
	setup(st);
	const streams = new Int32Array(16);
	seedMemberStreams(1, 0, streams);
	stepMembers(m, layout.counts, st, streams);
	return {
		integrity: m.integrity[0] - level,
		intent: m.intent[0] - level,
		competence: m.competence[0] - level,
		results: m.results[0] - level
	};
}

describe('pattern: slow, S-shaped build-up of trust under steady good practice', SLOW, () => {
	// The courage example without shocks: a long contract, shared power, partners, candour.
	const good = lazyTraces(withoutEvents(preset('courage')), 100);

	it('takes years, not quarters', () => {
		const trust = monthlyMean(good().series('trust'));
		const start = trust[0];
		// Measured: +0.00 after six months, +0.01 after a year, +0.09 after five years.
		expect(trust[5] - start).toBeLessThan(0.01);
		expect(trust[endOfYear(5)] - start).toBeGreaterThan(0.05);
		expect(trust[endOfYear(5)] - start).toBeGreaterThan(5 * (trust[endOfYear(1)] - start));
	});

	it('starts slowly, then speeds up as people join in (S-shaped, not concave)', () => {
		const trust = monthlyMean(good().series('trust'));
		const year1 = trust[endOfYear(1)] - trust[0];
		const years3to4 = trust[endOfYear(4)] - trust[endOfYear(2)];
		// Measured: 0.01 in year 1 against 0.05 in years 3 and 4.
		expect(years3to4 / 2).toBeGreaterThan(2 * year1);
		const engaged = monthlyMean(good().series('engaged'));
		expect(engaged[endOfYear(1)]).toBeLessThan(0.05);
		expect(engaged[endOfYear(5)]).toBeGreaterThan(3 * engaged[endOfYear(1)]);
	});
});

describe('pattern: asymmetry of trust gains and losses, at every level of trust', () => {
	const levels = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9];

	it('moves a component asymmetry times further down than up in log-odds (the formula)', () => {
		for (const A of [2, 3, 5])
			for (const x of levels) {
				const up = logOddsStep(x, 0.02, 0, 0.15, A, 1) - x;
				const down = x - logOddsStep(x, 0, 0.02, 0.15, A, 1);
				// Small events: the ratio is A at every level (within the Euler step's rounding).
				expect(down / up, `A=${A}, x=${x}`).toBeCloseTo(A, 6);
			}
	});

	it('moves competence 2 to 5 times further for bad news than equal good news (member step)', () => {
		for (const x of levels) {
			const up = oneMonth(x, (st) => (st.gain[2] = 0.1)).competence;
			const down = -oneMonth(x, (st) => (st.loss[2] = 0.1)).competence;
			// Default asymmetry 3: the ratio is 3 whatever the level.
			expect(down / up, `level ${x}`).toBeGreaterThan(2);
			expect(down / up, `level ${x}`).toBeLessThan(5);
			// (Members are stored in single precision, so to about five digits.)
			expect(down / up, `level ${x}`).toBeCloseTo(3, 3);
		}
	});

	it('moves overall trust 2 to 5 times further for an equal event on every component', () => {
		for (const x of levels) {
			const w = [0.25, 0.25, 0.25, 0.25] as const;
			const T = (d: { integrity: number; intent: number; competence: number; results: number }) =>
				overallTrust(x + d.integrity, x + d.intent, x + d.competence, x + d.results, ...w);
			const base = overallTrust(x, x, x, x, ...w);
			const good = oneMonth(x, (st) => st.gain.fill(0.1));
			const bad = oneMonth(x, (st) => st.loss.fill(0.1));
			const ratio = (base - T(bad)) / (T(good) - base);
			expect(ratio, `level ${x}`).toBeGreaterThan(2);
			expect(ratio, `level ${x}`).toBeLessThan(5);
		}
	});

	it('moves character more slowly than outcomes, both ways (stickiness)', () => {
		const up = oneMonth(0.5, (st) => st.gain.fill(0.1));
		const down = oneMonth(0.5, (st) => st.loss.fill(0.1));
		expect(up.integrity).toBeLessThan(up.competence);
		expect(-down.integrity).toBeLessThan(-down.competence);
		// With no stickiness, character and outcomes move alike.
		const same = oneMonth(0.5, (st) => st.gain.fill(0.1), 0);
		expect(same.integrity).toBeCloseTo(same.competence, 9);
	});
});

describe('pattern: collapse is fast, build-up slow ("leaves like a rocket ship")', SLOW, () => {
	const towards = lazyTraces(preset('towards'), 200);

	it('falls much faster than it rises', () => {
		const t = towards();
		// For each future, the largest six-month fall and the largest six-month rise of trust.
		const swings = t.series('trust').map((run) => {
			let fall = 0,
				rise = 0;
			for (let m = 6; m < run.length; m++) {
				fall = Math.max(fall, run[m - 6] - run[m]);
				rise = Math.max(rise, run[m] - run[m - 6]);
			}
			return { fall, rise };
		});
		const changed = swings.filter((_, r) => t.metric('providerChanges')[r] > 0);
		// Measured: in futures that change provider, the worst six-month fall is about 2.5 times
		// the best six-month rise.
		expect(changed.length).toBeGreaterThan(20);
		expect(mean(changed.map((x) => x.fall))).toBeGreaterThan(
			1.5 * mean(changed.map((x) => x.rise))
		);
	});

	it('counts as collapse only a large fall within the window', () => {
		// Consulting without acting collapses in about one future in ten (towards almost never).
		const t = traces(preset('consult-no-act'), 100);
		const collapsed = t.metric('collapsed');
		const series = t.series('trust');
		for (let r = 0; r < t.runs; r++) {
			const run = series[r];
			let fast = false;
			for (let m = 1; m < run.length && !fast; m++)
				for (let w = Math.max(0, m - 6); w < m; w++) if (run[m] <= 0.85 * run[w]) fast = true;
			expect(collapsed[r], `run ${r}`).toBe(fast ? 1 : 0);
		}
		expect(mean(collapsed)).toBeGreaterThan(0);
	});
});

describe(
	'pattern: each change of provider costs relationships and capability for months',
	SLOW,
	() => {
		it('drops engagement and trust after a change, and they take months to come back', () => {
			const t = traces(withoutEvents(preset('towards')), 150);
			const trust = t.series('trust');
			const engaged = t.series('engaged');
			const before: number[] = [];
			const after6: number[] = [];
			const engagedBefore: number[] = [];
			const engagedAfter: number[] = [];
			for (let r = 0; r < t.runs; r++)
				for (let m = 12; m < t.months - 12; m++)
					if (t.providerChange(r, m)) {
						before.push(trust[r][m - 1]);
						after6.push(trust[r][m + 6]);
						engagedBefore.push(engaged[r][m - 1]);
						engagedAfter.push(engaged[r][m + 6]);
					}
			expect(before.length).toBeGreaterThan(20);
			// Measured: trust 0.52 before, 0.47 six months after; engagement 0.13 before, 0.04 after.
			expect(mean(diff(before, after6))).toBeGreaterThan(4 * se(diff(before, after6)));
			expect(mean(engagedAfter)).toBeLessThan(0.6 * mean(engagedBefore));
		});
	}
);

describe('pattern: trusted local partners', SLOW, () => {
	const base = withoutEvents(preset('towards'));
	const none = lazyTraces(withParams(base, { 'partners.count': 0 }), 100);
	const five = lazyTraces(withParams(base, { 'partners.count': 5 }), 100);

	it('raise early trust', () => {
		const a = at(five().series('trust'), endOfYear(1));
		const b = at(none().series('trust'), endOfYear(1));
		// Measured: 0.51 against 0.44 at the end of year 1.
		expect(mean(diff(a, b))).toBeGreaterThan(0.03);
	});

	it('cushion shocks: the same bad press costs less where partners vouch', () => {
		const shock = (count: number) =>
			traces(
				withParams(preset('towards'), {
					'partners.count': count,
					'events.badPressPerYear': 4,
					'events.staffLeavingPerYear': 0,
					'events.partnerLeavingPerYear': 0,
					'events.systemBrokenPromisePerYear': 0,
					'events.fundingCutPerYear': 0
				}),
				60
			);
		const quiet = (count: number) => traces(withParams(base, { 'partners.count': count }), 60);
		const cost = (count: number) =>
			mean(
				diff(
					timeAverage(quiet(count).series('competence')),
					timeAverage(shock(count).series('competence'))
				)
			);
		// Measured: bad press four times a year costs 0.06 of competence trust without partners,
		// 0.05 with five.
		expect(cost(5)).toBeLessThan(cost(0));
	});

	it('take some of their trust with them when they leave', () => {
		const s = withParams(withoutEvents(preset('towards')), { 'partners.count': 4 });
		const stay = traces(s, 80);
		const leave = traces(withParams(s, { 'events.partnerLeavingPerYear': 2 }), 80);
		const d = diff(timeAverage(stay.series('integrity')), timeAverage(leave.series('integrity')));
		// Measured: 0.02 of integrity trust over the horizon.
		expect(mean(d)).toBeGreaterThan(4 * se(d));
	});
});

describe(
	'pattern: transparency makes disclosed failures cost less than discovered ones',
	SLOW,
	() => {
		it('keeps more trust in competence and integrity when failures are disclosed', () => {
			const s = withoutEvents(preset('towards'));
			const open = traces(withParams(s, { 'provider.transparency': 1 }), 80);
			const closed = traces(withParams(s, { 'provider.transparency': 0 }), 80);
			for (const key of ['integrity', 'competence'] as const) {
				const d = diff(timeAverage(open.series(key)), timeAverage(closed.series(key)));
				expect(mean(d), key).toBeGreaterThan(4 * se(d));
			}
		});

		it('costs less per failure in the member step', () => {
			// A member whose acted-on contribution fails: disclosed (transparency 1) or discovered (0).
			const fail = (transparency: number) => {
				const s = withParams(preset('typical'), { 'provider.transparency': transparency });
				s.community.segments = [{ ...s.community.segments[0], size: 1 }];
				s.community.peoplePerAgent = 1;
				const layout = layoutCommunity(s);
				const m = allocateMembers(layout.n);
				m.integrity[0] = m.intent[0] = m.competence[0] = m.results[0] = m.baseline[0] = 0.5;
				m.pending[0] = 1;
				m.partner[0] = -1;
				m.rung[0] = Rung.consulted;
				const st = new MonthStep(s, 1, layout.weights, DEFAULT_CONSTANTS);
				st.mean.fill(0.5);
				st.pAct = 1;
				st.pSuccess = 0;
				const streams = new Int32Array(16);
				seedMemberStreams(1, 0, streams);
				stepMembers(m, layout.counts, st, streams);
				return { competence: m.competence[0], integrity: m.integrity[0] };
			};
			expect(fail(1).competence).toBeGreaterThan(fail(0).competence);
			expect(fail(1).integrity).toBeGreaterThan(fail(0).integrity);
		});
	}
);

describe('pattern: trust and co-production reinforce each other', SLOW, () => {
	const from = (t0: number) =>
		lazyTraces(withInitialTrust(withoutEvents(preset('towards')), t0), 60);
	const low = from(0.15);
	const high = from(0.5);

	it('below a tipping point engagement never takes hold; above it, it grows', () => {
		const e = (t: Traces, y: number) => mean(at(t.series('engaged'), endOfYear(y)));
		// Measured: 3% engaged after ten years from a start of 0.15, 16% from 0.5.
		expect(e(low(), 10)).toBeLessThan(0.05);
		expect(e(high(), 10)).toBeGreaterThan(0.1);
		expect(e(high(), 10)).toBeGreaterThan(e(high(), 3));
		expect(e(high(), 10)).toBeGreaterThan(4 * e(low(), 10));
	});
});

describe('pattern: a weakest link', () => {
	it('high results cannot make up for low integrity', () => {
		const w = [0.25, 0.25, 0.25, 0.25] as const;
		const weak = overallTrust(0.1, 0.9, 0.9, 0.9, ...w);
		expect(weak).toBeLessThan(0.35);
		expect(weak).toBeLessThan((0.1 + 0.9 * 3) / 4 - 0.3);
	});
});

describe('pattern: short cycles give a saw-tooth that never reaches the plateau', SLOW, () => {
	it('keeps churn below a long contract of the same design at every year', () => {
		const s = withoutEvents(preset('churn'));
		const short = traces(s, 60);
		const long = traces(withParams(s, { 'contract.lengthMonths': 120 }), 60);
		const a = monthlyMean(short.series('trust'));
		const b = monthlyMean(long.series('trust'));
		for (let y = 3; y <= 10; y++)
			expect(a[endOfYear(y)], `year ${y}`).toBeLessThan(b[endOfYear(y)]);
		// The saw-tooth: trust falls after each change of provider.
		const drops = a.filter((v, m) => m > 0 && v < a[m - 1] - 0.002).length;
		expect(drops).toBeGreaterThan(3);
	});
});
