/**
 * Pattern-oriented tests (Grimm et al. 2005): the qualitative patterns listed in
 * /work/shared/DOMAIN.md, "Patterns a credible model reproduces", each checked by comparing
 * scenarios on the same seed (common random numbers) with enough runs that a difference
 * several Monte Carlo standard errors wide is not luck. Every run is deterministic, so these
 * tests never flake; the measured numbers are noted beside each check.
 *
 * Where the model does not reproduce a pattern, the test is marked `.fails` and says what the
 * model does instead; remove `.fails` once the model reproduces it.
 */
import { describe, expect, it } from 'vitest';
import { defaultScenario, setParam, type Scenario } from '$lib/sim';
import { allocateMembers, layoutCommunity } from '$lib/sim/community';
import { Rung } from '$lib/sim/ladder';
import { MonthStep, stepMembers } from '$lib/sim/members';
import { Rng, Stream } from '$lib/sim/rng';
import { overallTrust, SIGNAL, updateComponent } from '$lib/sim/trust';
import {
	at,
	diff,
	mean,
	preset,
	se,
	seOfDifference,
	timeAverage,
	traces,
	withInitialTrust,
	withoutEvents,
	withParams,
	type Traces
} from './helpers';

const SLOW = { timeout: 120_000 };

/** The median of a list. */
function median(xs: readonly number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** Index of the last month of year `y` (month 12 is index 11). */
const endOfYear = (y: number): number => 12 * y - 1;

/** Runs of a scenario, simulated once and shared by the tests that need them. */
function lazyTraces(s: Scenario, runs: number): () => Traces {
	let t: Traces | undefined;
	return () => (t ??= traces(s, runs));
}

/**
 * One month of the member step for a single member whose four components all stand at
 * 0.5, with no word of mouth, no scepticism, no partner and no contributions: only the
 * signals `setup` sets (and a waiting contribution, if `pending` is 1) move it.
 */
function oneMonth(s: Scenario, rung: number, setup: (st: MonthStep) => void, pending = 0) {
	const one = setParam(s, 'trust.wordOfMouth', 0);
	one.community.peoplePerAgent = 1;
	one.community.segments = [{ ...one.community.segments[0], size: 1 }];
	const layout = layoutCommunity(one);
	const m = allocateMembers(layout.n);
	m.integrity[0] = m.intent[0] = m.competence[0] = m.results[0] = m.baseline[0] = 0.5;
	m.scepticism[0] = 0;
	m.reach[0] = 0;
	m.rung[0] = rung;
	m.pending[0] = pending;
	m.partner[0] = -1;
	const st = new MonthStep(one, 1, layout.weights);
	st.mean.fill(0.5);
	setup(st);
	stepMembers(m, layout.counts, st, new Rng(1, 0, Stream.agents).s);
	return {
		integrity: m.integrity[0],
		intent: m.intent[0],
		competence: m.competence[0],
		results: m.results[0],
		trust: st.trustSum
	};
}

// -----------------------------------------------------------------------------------------
// DOMAIN.md pattern: "Slow, concave build-up of trust under steady good practice: years, not
// quarters."
describe('pattern: slow build-up of trust under steady good practice', SLOW, () => {
	// 'courage' without shocks, in one uninterrupted ten-year contract (no re-procurement).
	const s = withoutEvents(
		withParams(preset('courage'), { 'contract.lengthMonths': 120, horizonMonths: 120 })
	);
	const get = lazyTraces(s, 300);
	const threshold = s.trust.threshold;

	it('takes years, not quarters', () => {
		const trust = get().series('trust');
		const start = median(at(trust, 0));
		const year1 = median(at(trust, endOfYear(1)));
		const year5 = median(at(trust, endOfYear(5)));
		// Measured medians: first month 0.429, month 12 0.429, month 60 0.733 (threshold 0.6).
		expect(year1).toBeLessThan(threshold);
		expect(year1 - start).toBeLessThan(0.05);
		expect(year5).toBeGreaterThan(threshold + 0.1);
		expect(year5 - start).toBeGreaterThan(0.25);
	});

	it('rises more slowly once trust is high (concave after year 3)', () => {
		const trust = get().series('trust');
		// Per-run rise over years 4-5 against years 6-7; paired within each run.
		const early = diff(at(trust, endOfYear(5)), at(trust, endOfYear(3)));
		const late = diff(at(trust, endOfYear(7)), at(trust, endOfYear(5)));
		const d = diff(early, late);
		// Measured: 0.183 against 0.071, paired difference 0.112 (standard error 0.0014).
		expect(mean(d)).toBeGreaterThan(6 * se(d));
		expect(mean(late)).toBeGreaterThan(0);
	});

	// The model's build-up is S-shaped, not concave from the start: trust barely moves in
	// year 1 (members start unaware and must be reached and climb the ladder before their
	// experience builds trust), rises fastest in years 3-5, then levels off. Measured mean
	// yearly rises: 0.001, 0.040, 0.081, 0.096, 0.087, 0.059, 0.012; the rise over years
	// 1-3 (0.121) is below that over years 5-7 (0.158; standard error of the difference
	// 0.0016).
	it.fails('rises more in years 1-3 than in years 5-7', () => {
		const trust = get().series('trust');
		const first = diff(at(trust, endOfYear(3)), at(trust, 0));
		const later = diff(at(trust, endOfYear(7)), at(trust, endOfYear(4)));
		const d = diff(first, later);
		expect(mean(d)).toBeGreaterThan(4 * se(d));
	});
});

// -----------------------------------------------------------------------------------------
// DOMAIN.md pattern: "Asymmetry: an event that destroys trust moves it 2 to 5 times further
// than an equal event that builds it."
describe('pattern: asymmetry of trust gains and losses', () => {
	it('moves a component asymmetry times further down than up (updateComponent)', () => {
		for (const asymmetry of [2, 2.25, 3, 4, 5]) {
			const s = setParam(defaultScenario(), 'trust.asymmetry', asymmetry);
			const alpha = s.trust.gainRate;
			const lossRate = alpha * s.trust.asymmetry;
			for (const size of [0.3, 0.6, 1]) {
				const up = updateComponent(0.5, size, 0, alpha, lossRate) - 0.5;
				const down = 0.5 - updateComponent(0.5, 0, size, alpha, lossRate);
				expect(up).toBeGreaterThan(0);
				expect(down / up).toBeCloseTo(asymmetry, 10);
				expect(down / up).toBeGreaterThanOrEqual(2 - 1e-9);
				expect(down / up).toBeLessThanOrEqual(5 + 1e-9);
			}
		}
	});

	it('moves competence 3 times further for bad news than equal good news (member step)', () => {
		const s = defaultScenario();
		const size = SIGNAL.badPress;
		const up = oneMonth(s, Rung.informed, (st) => (st.gain[2] = size)).competence - 0.5;
		const down = 0.5 - oneMonth(s, Rung.informed, (st) => (st.loss[2] = size)).competence;
		// Measured: 3.00, the default asymmetry.
		expect(down / up).toBeCloseTo(s.trust.asymmetry, 4);
	});

	it('moves overall trust 2 to 5 times further for an equal event on every component', () => {
		const s = defaultScenario();
		const size = 0.6;
		const all = (arr: Float64Array) => arr.fill(size, 0, 4);
		const up = oneMonth(s, Rung.informed, (st) => all(st.gain)).trust - 0.5;
		const down = 0.5 - oneMonth(s, Rung.informed, (st) => all(st.loss)).trust;
		// Measured: 3.65 (3 for competence and results, 6 for integrity and intent).
		expect(down / up).toBeGreaterThanOrEqual(2);
		expect(down / up).toBeLessThanOrEqual(5);
	});

	it('moves intent asymmetry times further when character is not sticky (member step)', () => {
		const s = setParam(defaultScenario(), 'trust.characterStickiness', 0);
		const size = SIGNAL.keyWorkerLeaves;
		// An equal-sized involvement gain (engaged members) against a key worker leaving.
		const up = oneMonth(s, Rung.engaged, (st) => (st.involvementGain = size)).intent - 0.5;
		const down = 0.5 - oneMonth(s, Rung.engaged, (st) => (st.loss[1] = size)).intent;
		expect(down / up).toBeCloseTo(s.trust.asymmetry, 4);
	});

	// Integrity and intent gain at gainRate * (1 - characterStickiness) but lose at
	// gainRate * asymmetry, so their loss:gain ratio is asymmetry / (1 - stickiness): 6 at the
	// defaults (3 / 0.5), and up to 50 within the allowed ranges (5 / 0.1), outside the 2 to 5
	// the pattern (and the help text of trust.asymmetry) gives. Measured: 6.00.
	it.fails(
		'moves intent 2 to 5 times further for a key worker leaving than equal involvement',
		() => {
			const s = defaultScenario();
			const size = SIGNAL.keyWorkerLeaves;
			const up = oneMonth(s, Rung.engaged, (st) => (st.involvementGain = size)).intent - 0.5;
			const down = 0.5 - oneMonth(s, Rung.engaged, (st) => (st.loss[1] = size)).intent;
			expect(down / up).toBeLessThanOrEqual(5);
		}
	);
});

// -----------------------------------------------------------------------------------------
// DOMAIN.md pattern: "Longer contracts raise trust at the horizon and lower the chance of
// collapse, with diminishing returns; short cycles give a saw-tooth that never reaches the
// plateau."
describe('pattern: longer contracts, with diminishing returns', SLOW, () => {
	// Good practice ('towards'), no extensions, eight years: a horizon no contract length
	// shares a re-procurement with (at ten years, 24, 48 and 96 months all re-procure at month
	// 96, so the horizon would fall 24 months into a new contract for all three).
	const lengths = [24, 48, 96] as const;
	const scenario = (length: number) =>
		withParams(preset('towards'), {
			horizonMonths: 96,
			'contract.lengthMonths': length,
			'contract.extensionMonths': 0
		});
	const runs = Object.fromEntries(lengths.map((l) => [l, lazyTraces(scenario(l), 300)]));

	it('raises trust over the horizon, less for each doubling', () => {
		const avg = (l: number) => timeAverage(runs[l]().series('trust'));
		const gain1 = diff(avg(48), avg(24));
		const gain2 = diff(avg(96), avg(48));
		// Measured mean trust over the eight years: 0.439, 0.461, 0.474; gains 0.0217 and 0.0136
		// (standard errors 0.0007 and 0.0006; of their difference 0.0010).
		expect(mean(gain1)).toBeGreaterThan(4 * se(gain1));
		expect(mean(gain2)).toBeGreaterThan(4 * se(gain2));
		const d = diff(gain1, gain2);
		expect(mean(d)).toBeGreaterThan(4 * se(d));
	});

	it('raises trust at the horizon from 24 to 48 months', () => {
		const gain = diff(runs[48]().metric('finalTrust'), runs[24]().metric('finalTrust'));
		// Measured: 0.506 to 0.541 (standard error of the gain 0.002).
		expect(mean(gain)).toBeGreaterThan(4 * se(gain));
	});

	it('keeps short cycles below the plateau (saw-tooth)', () => {
		const peak = (l: number) =>
			runs[l]()
				.series('trust')
				.map((run) => Math.max(...run));
		const d = diff(peak(96), peak(24));
		// Measured mean of each future's highest trust: 0.516 (24 months), 0.554 (48), 0.566 (96).
		expect(mean(d)).toBeGreaterThan(4 * se(d));
	});

	// Not reproduced: trust at the horizon stops rising between 48 and 96 months (measured
	// 0.541 and 0.541, paired difference -0.0006 with standard error 0.0019). After a change of
	// provider, a second 48-month contract catches up with an uninterrupted one within the
	// eight years, and in uninterrupted contracts trust levels off from about year 6 as
	// contributions outgrow the provider's capacity to act and broken promises mount.
	it.fails('raises trust at the horizon from 48 to 96 months', () => {
		const gain = diff(runs[96]().metric('finalTrust'), runs[48]().metric('finalTrust'));
		expect(mean(gain)).toBeGreaterThan(2 * se(gain));
	});

	// Not reproduced: longer contracts make collapse more likely, not less. Under today's
	// typical contract trust erodes steadily under one provider, and a change of provider
	// resets every member's components towards their baseline (run.ts changeProvider keeps
	// only handoverRetention of the deviation, below baseline as well as above), which wipes
	// out the erosion; so frequent re-procurement rescues trust. Measured P(collapse) over
	// eight years, 200 runs: 0.105 (24-month contracts), 0.495 (48), 0.86 (96). Under good
	// practice ('towards') no future collapses at any length.
	it.fails('lowers the chance of collapse', () => {
		const typical = (l: number) =>
			traces(
				withParams(preset('typical'), {
					horizonMonths: 96,
					'contract.lengthMonths': l,
					'contract.extensionMonths': 0
				}),
				200
			).metric('collapsed');
		const short = typical(24);
		const long = typical(96);
		expect(mean(short) - mean(long)).toBeGreaterThan(4 * seOfDifference(se(short), se(long)));
	});
});

// -----------------------------------------------------------------------------------------
// DOMAIN.md pattern: "Each change of provider costs relationships and capability for months."
describe('pattern: a change of provider dips trust for months', SLOW, () => {
	// Good practice, and every future changes provider at month 48 (no extension, the
	// incumbent never wins).
	const change = 48;
	const s = withParams(preset('towards'), {
		horizonMonths: 72,
		'contract.lengthMonths': change,
		'contract.extensionMonths': 0,
		'contract.incumbentWinChance': 0
	});
	const get = lazyTraces(s, 300);

	it('changes provider at the end of the contract in every future', () => {
		const t = get();
		for (let r = 0; r < t.runs; r++) expect(t.providerChange(r, change)).toBe(true);
	});

	it('leaves trust and competence below the month before the change for a year', () => {
		const t = get();
		for (const key of ['trust', 'competence'] as const) {
			const series = t.series(key);
			const before = at(series, change - 1);
			for (let m = change; m < change + 12; m++) {
				const d = diff(before, at(series, m));
				// Measured for trust: 0.473 before, 0.418 a month after, 0.453 a year after
				// (at least 17 standard errors apart); competence 0.560 before, 0.505 after.
				expect(mean(d), `${key}, month ${m}`).toBeGreaterThan(4 * se(d));
			}
		}
	});
});

// -----------------------------------------------------------------------------------------
// DOMAIN.md pattern: "Trusted local partners raise early trust and cushion shocks; if a
// partner leaves, some of its trust leaves with it."
describe('pattern: trusted partners shorten the time to trust', SLOW, () => {
	const base = preset('courage');
	const none = lazyTraces(setParam(base, 'partners.count', 0), 300);
	const five = lazyTraces(setParam(base, 'partners.count', 5), 300);

	it('reaches the threshold sooner with five partners than with none', () => {
		const reached = (t: Traces) => t.metric('monthsToTrust').map((m) => (m < 0 ? Infinity : m));
		// Measured median months to trust: 60 without partners, 48 with five; by the end of
		// year 4, 0 against 0.54 of futures.
		expect(median(reached(five()))).toBeLessThan(median(reached(none())) - 6);
		// Share of futures at the threshold by the end of year 4: a paired difference.
		const by4 = (t: Traces) => reached(t).map((m) => (m <= endOfYear(4) + 1 ? 1 : 0));
		const d = diff(by4(five()), by4(none()));
		expect(mean(d)).toBeGreaterThan(4 * se(d));
	});

	it('raises early trust', () => {
		const early = (t: Traces) => at(t.series('trust'), endOfYear(2));
		const d = diff(early(five()), early(none()));
		// Measured at month 24: 0.447 against 0.386 (standard error 0.0003).
		expect(mean(d)).toBeGreaterThan(6 * se(d));
	});
});

// -----------------------------------------------------------------------------------------
// DOMAIN.md pattern: "Transparency makes disclosed failures cost less than discovered ones."
describe('pattern: disclosed failures cost less than discovered ones', SLOW, () => {
	const base = preset('towards');
	const closed = lazyTraces(setParam(base, 'provider.transparency', 0.1), 300);
	const open = lazyTraces(setParam(base, 'provider.transparency', 0.9), 300);

	it('ends with more trust and integrity under a candid provider', () => {
		const final = (t: Traces) => t.metric('finalTrust');
		const d = diff(final(open()), final(closed()));
		// Measured final trust: 0.618 against 0.310 (standard error 0.0045).
		expect(mean(d)).toBeGreaterThan(6 * se(d));
		const integrity = (t: Traces) => at(t.series('integrity'), t.months - 1);
		const di = diff(integrity(open()), integrity(closed()));
		// Measured final integrity: 0.564 against 0.276.
		expect(mean(di)).toBeGreaterThan(6 * se(di));
	});

	it('costs less per failure in the member step', () => {
		// One member's contribution is acted on and the initiative fails (pAct 1, pSuccess 0);
		// a fully transparent provider discloses it, an opaque one lets it be discovered.
		const failure = (transparency: number) =>
			oneMonth(
				setParam(defaultScenario(), 'provider.transparency', transparency),
				Rung.consulted,
				(st) => {
					st.pAct = 1;
					st.pSuccess = 0;
				},
				1
			);
		const disclosed = failure(1);
		const discovered = failure(0);
		expect(disclosed.trust).toBeGreaterThan(discovered.trust);
		expect(disclosed.integrity).toBeGreaterThan(discovered.integrity);
		expect(disclosed.competence).toBeGreaterThan(discovered.competence);
		expect(disclosed.results).toBeGreaterThan(discovered.results);
	});
});

// -----------------------------------------------------------------------------------------
// DOMAIN.md pattern: "Trust and co-production reinforce each other: below a tipping point
// engagement withers, above it it grows."
describe('pattern: a tipping point in engagement', SLOW, () => {
	// Good practice in one uninterrupted ten-year contract with a demanding trust threshold
	// (0.8, so engaging needs trust of about 0.6): the same practice, starting from low or
	// from high trust. With the default threshold (0.6) there is no tipping point in the
	// starting trust: 'towards' lifts engagement from any start (0.2 to 0.7) and today's
	// typical contract lets it wither from any start; the start only shifts the timing.
	const s = withParams(preset('towards'), {
		'trust.threshold': 0.8,
		'contract.lengthMonths': 120,
		horizonMonths: 120
	});
	const low = lazyTraces(withInitialTrust(s, 0.25), 200);
	const high = lazyTraces(withInitialTrust(s, 0.6), 200);
	const meanSeries = (t: Traces) => {
		const eng = t.series('engaged');
		return eng[0].map((_, m) => mean(at(eng, m)));
	};

	it('withers from a low start', () => {
		const eng = meanSeries(low());
		const last = eng[eng.length - 1];
		// Measured: peak 0.0004, 0.0002 at the horizon.
		expect(last).toBeLessThan(0.01);
		expect(last).toBeLessThan(Math.max(...eng));
	});

	it('grows to the horizon from a high start', () => {
		const eng = meanSeries(high());
		const last = eng[eng.length - 1];
		// Measured: 0.174 at year 6, 0.239 at year 8, 0.270 at the horizon.
		expect(last).toBeGreaterThan(0.2);
		expect(last).toBeGreaterThan(eng[endOfYear(6)]);
	});

	it('splits the futures into two far-apart groups', () => {
		const lows = at(low().series('engaged'), 119);
		const highs = at(high().series('engaged'), 119);
		const quantile = (xs: number[], q: number) =>
			[...xs].sort((a, b) => a - b)[Math.floor(q * (xs.length - 1))];
		// Measured: nine in ten low-start futures end with nobody engaged (0.000); nine in ten
		// high-start futures end above 0.162.
		expect(quantile(lows, 0.9)).toBeLessThan(0.01);
		expect(quantile(highs, 0.1)).toBeGreaterThan(0.1);
	});
});

// -----------------------------------------------------------------------------------------
// DOMAIN.md pattern: "A weakest link: high results cannot make up for low integrity."
describe('pattern: a weakest link', () => {
	const w = 0.25;
	const trust = (i: number, n: number, c: number, r: number) =>
		overallTrust(i, n, c, r, w, w, w, w, 0, 0.5);

	it('keeps overall trust far below the plain mean when one component is low', () => {
		const weak = trust(0.1, 0.9, 0.9, 0.9);
		// Measured: 0.30 against a plain mean of 0.70.
		expect(weak).toBeLessThan(0.7 - 0.3);
		expect(weak).toBeLessThan(trust(0.5, 0.5, 0.5, 0.5));
		expect(trust(0.5, 0.5, 0.5, 0.5)).toBeCloseTo(0.5, 12);
	});

	it('cannot be bought back with perfect results', () => {
		expect(trust(0.1, 0.9, 0.9, 1)).toBeLessThan(trust(0.5, 0.5, 0.5, 0.5));
		expect(trust(0.1, 1, 1, 1)).toBeLessThan(0.35);
	});

	it('is discounted by scepticism', () => {
		const open = overallTrust(0.6, 0.6, 0.6, 0.6, w, w, w, w, 0, 0.5);
		const sceptical = overallTrust(0.6, 0.6, 0.6, 0.6, w, w, w, w, 0.8, 0.5);
		expect(sceptical).toBeCloseTo(open * (1 - 0.5 * 0.8), 12);
	});
});
