/**
 * Is a comparison's answer robust? Two scenarios run paired (one seed, one number of futures,
 * and in the uncertain mode the same assumptions future by future): for each outcome, the
 * chance that B is better than A over chance and the assumptions together; and "what would
 * flip this": the region of the assumptions in which the usual loser wins, found by scenario
 * discovery (PRIM, discovery.ts) over the paired futures, in plain words with its share of the
 * assumptions tried.
 */
import {
	AssumptionDraws,
	UNCERTAIN_FACTORS,
	freeFactors,
	isUncertain,
	scenarioRanges,
	spreadSources,
	type Scenario,
	type Summary
} from '$lib/sim';
import { discover, type DiscoveryFactor } from './discovery';
import { OUTCOMES, outcomeInfo, perRunOutcome, type OutcomeKey } from './outcomes';
import { pairValues } from './paired';
import { fmtPct as pct, inSentence, listWords } from './words';

/** A region of the assumptions in which the answer turns. */
interface Flip {
	/** The region in words, e.g. "loss to gain asymmetry is above 4.2 and …". */
	text: string;
	/** Its share of the assumptions tried (futures in the region), 0 to 1. */
	share: number;
	/** Share of the futures in the region in which the usual loser wins. */
	density: number;
}

export interface Robustness {
	/** The assumption mode both ran in. */
	mode: 'fixed' | 'uncertain';
	/** Chance that B is better than A, by outcome (futures with the same result count for neither). */
	pBetter: Record<OutcomeKey, number>;
	/** The outcome the flips are about. */
	outcome: OutcomeKey;
	/** Which scenario is better in most futures on that outcome ('same' when neither is). */
	winner: 'A' | 'B' | 'same';
	/** Share of futures in which the winner is better (or, for 'same', equal). */
	winnerShare: number;
	/**
	 * Whether the two are too close to call: the shares of futures in which each is better
	 * differ by less than two standard errors of that difference.
	 */
	close: boolean;
	/** Share of futures in which the other design (the usual loser) is better. */
	loserShare: number;
	/** Regions where the other one wins (empty when none explains it, or in the fixed mode). */
	flips: Flip[];
	/** Why there are no flips, in words, when there are none. */
	noFlip?: string;
	/**
	 * When nothing turns the answer but the usual loser is rare: a region where its wins gather
	 * (at least `CONCENTRATION_LIFT` times as often as overall), without it winning most there.
	 */
	concentration?: Flip;
	/** Futures paired. */
	n: number;
}

/** "12 of 1,000 futures (1.2%)". */
function futuresWords(k: number, n: number): string {
	const share = (100 * k) / n;
	const pct = share < 1 ? share.toFixed(1) : String(Math.round(share));
	return `${k.toLocaleString('en-GB')} of ${n.toLocaleString('en-GB')} futures (${pct}%)`;
}

/**
 * A region where a rare loser's wins gather is worth naming when they are at least this many
 * times as common there as overall (and the region passes discovery's significance tests).
 */
const CONCENTRATION_LIFT = 3;
/** ... and when the usual loser wins in less than this share of futures overall. */
const RARE_LOSER = 0.2;

/** The outcome "what would flip this" looks at unless told: median trust's measure. */
const FLIP_OUTCOME: OutcomeKey = 'finalTrust';

/** The free assumptions of a scenario (see `freeFactors`), as discovery factors. */
function discoveryFactors(s: Scenario): { index: number; factor: DiscoveryFactor }[] {
	const ranges = scenarioRanges(s);
	return freeFactors(s).map((j) => {
		const f = UNCERTAIN_FACTORS[j];
		return {
			index: j,
			factor: {
				key: f.id,
				label: f.label,
				min: ranges[j].min,
				max: ranges[j].max,
				unit: unitWords(f.unit)
			}
		};
	});
}

/** A unit as it follows a number in a sentence ('' for pure numbers and shares). */
function unitWords(unit: string): string {
	return unit && !['0 to 1', 'share', 'signal', 'probability'].includes(unit) ? ` ${unit}` : '';
}

/**
 * The paired verdict of B against A. Both summaries must come from scenarios run on one seed
 * and one number of futures (and the same assumption mode, for flips).
 */
export function robustness(
	a: Scenario,
	sa: Summary,
	b: Scenario,
	sb: Summary,
	outcome: OutcomeKey = FLIP_OUTCOME,
	names: { a: string; b: string } = { a: 'A', b: 'B' }
): Robustness {
	const pBetter = {} as Record<OutcomeKey, number>;
	for (const o of OUTCOMES)
		pBetter[o.key] = pairValues(
			o.key,
			perRunOutcome(sa, o.key),
			perRunOutcome(sb, o.key)
		).bBetter.p;
	const pair = pairValues(outcome, perRunOutcome(sa, outcome), perRunOutcome(sb, outcome));
	const winner =
		pair.bBetter.p > pair.aBetter.p ? 'B' : pair.aBetter.p > pair.bBetter.p ? 'A' : 'same';
	const mode = isUncertain(a) && isUncertain(b) ? 'uncertain' : 'fixed';
	const winnerShare =
		winner === 'B' ? pair.bBetter.p : winner === 'A' ? pair.aBetter.p : pair.same.p;
	const loserShare = winner === 'B' ? pair.aBetter.p : winner === 'A' ? pair.bBetter.p : 0;
	const pb = pair.bBetter.p;
	const pa = pair.aBetter.p;
	const close = Math.abs(pb - pa) < 2 * Math.sqrt(Math.max(0, pb + pa - (pb - pa) ** 2) / pair.n);
	const base = {
		mode,
		pBetter,
		outcome,
		winner,
		winnerShare,
		loserShare,
		close,
		n: pair.n
	} as const;
	if (mode === 'fixed')
		return {
			...base,
			flips: [],
			noFlip: 'With fixed assumptions every future uses the same assumptions: only chance differs.'
		};
	if (winner === 'same')
		return { ...base, flips: [], noFlip: 'Neither design is better in most futures.' };

	// The usual loser's futures: where the answer turns.
	const direction = outcomeInfo(outcome).direction;
	const y = pair.differences.map((d) => (winner === 'B' ? d * direction < 0 : d * direction > 0));
	const free = discoveryFactors(a);
	const draws = new AssumptionDraws(a);
	const all = new Float64Array(UNCERTAIN_FACTORS.length);
	const x = y.map((_, i) => {
		draws.values(i, all);
		return free.map((f) => all[f.index]);
	});
	const found = discover(
		x,
		y,
		free.map((f) => f.factor)
	);
	if (!found.box) {
		// A rare loser's wins may still gather somewhere, without it winning most there: the
		// floor on density is then relative to how often it wins at all.
		if (found.baseRate > 0 && found.baseRate < RARE_LOSER) {
			const relative = discover(
				x,
				y,
				free.map((f) => f.factor),
				{ minDensity: CONCENTRATION_LIFT * found.baseRate }
			);
			if (relative.box) {
				const loser = winner === 'A' ? names.b : names.a;
				const c = relative.box;
				return {
					...base,
					flips: [],
					concentration: { text: c.text, share: c.mass, density: c.density },
					noFlip: `No region of the assumptions turns the answer, but ${loser}'s wins gather where ${c.text}: there ${loser} is better in ${pct(c.density)} of futures, against ${pct(found.baseRate)} overall (${pct(c.mass)} of the assumptions tried).`
				};
			}
		}
		if (found.baseRate === 0)
			return {
				...base,
				flips: [],
				noFlip: `${winner === 'A' ? names.a : names.b} is better in every future: nothing in the assumptions tried turns it.`
			};
		// No region: say which assumptions move the difference most, rather than blame chance.
		const d = pair.differences.map((x) => (Number.isFinite(x) ? x : 0));
		const drivers = spreadSources(a, d)?.drivers.slice(0, 3) ?? [];
		const list = drivers.map((x) => inSentence(x.label));
		const named =
			list.length > 1
				? ` The assumptions that move the difference most: ${listWords(list)}.`
				: list.length === 1
					? ` The assumption that moves the difference most: ${list[0]}.`
					: '';
		return {
			...base,
			flips: [],
			noFlip: `${winner === 'A' ? names.b : names.a} is better in ${futuresWords(Math.round(found.baseRate * found.n), found.n)}, but no simple region of the assumptions holds most of them: they come from many assumptions acting together, and from chance.${named}`
		};
	}
	return {
		...base,
		flips: [{ text: found.box.text, share: found.box.mass, density: found.box.density }]
	};
}

/**
 * The verdict in plain words, with the scenarios called `a` and `b` (letters or names): who
 * is better and in how many futures, under which assumptions, and what would flip it.
 */
export function verdictText(v: Robustness, a: string, b: string): string {
	const winner = v.winner === 'B' ? b : a;
	const loser = v.winner === 'B' ? a : b;
	const mode =
		v.mode === 'uncertain'
			? 'over chance and the assumptions together'
			: 'under fixed assumptions (chance only)';
	const parts: string[] = [];
	if (v.close && v.winner !== 'same')
		parts.push(
			`Too close to call: ${winner} has higher final-year trust in ${pct(v.winnerShare)} of futures and ${loser} in ${pct(v.loserShare)}, ${mode}.`
		);
	else if (v.winner === 'same')
		parts.push(`Final-year trust is the same under ${b} and ${a} in most futures, ${mode}.`);
	else
		parts.push(
			`${winner} has higher final-year trust ${v.winnerShare >= 1 ? 'in every simulated future' : `in ${pct(v.winnerShare)} of futures`}, ${mode}.`
		);
	// The final year can fall just after a change of provider: the whole horizon may differ.
	const horizon = v.pBetter.meanTrust;
	if (Number.isFinite(horizon) && Math.abs(horizon - v.pBetter.finalTrust) > 0.15)
		parts.push(
			`Over the whole horizon the picture differs: ${b} has higher trust in ${pct(horizon)} of futures.`
		);
	for (const f of v.close ? [] : v.flips)
		parts.push(
			`${winner} is better unless ${f.text}: ${pct(f.share)} of the assumptions tried (there ${loser} wins in ${pct(f.density)} of futures).`
		);
	if (v.mode === 'fixed')
		parts.push(
			'Every future here shares one set of assumptions, so only chance differs; run with uncertain assumptions to see whether the answer survives what we do not know.'
		);
	else if (v.noFlip) parts.push(v.noFlip);
	return parts.join(' ');
}
