/**
 * Goal seeking over one lever: the least value of a lever (shortest contract, least power
 * shared, fewest partners) at which a probability reaches a target, other levers as they
 * are, with the Monte Carlo error taken into account.
 *
 * A value "meets" the goal only when we are 95% sure it does: the one-sided Wilson lower
 * bound of the estimated probability is at or above the target. It "fails" when the upper
 * bound is below the target. In between the evidence is unclear, so the value is run again
 * with more futures; still unclear at the most futures, it is counted as not shown to meet
 * the goal (the answer errs on the safe side).
 *
 * The search assumes that more of the lever does not make things worse. It first scans a
 * few values from low to high and stops at the first that meets the goal, then bisects
 * between it and the value below, so a lever that is not monotonic cannot hide a meeting
 * value much lower than the scan saw.
 */
import type { ParamSpec } from '$lib/sim';
import { formatParam } from './differs';
import { wilsonBounds, Z_ONE_SIDED_95 } from './stats';
import type { SweepProbability } from './sweep';
import { fmtPct, inSentence } from './words';

/** How many futures reached the goal at one value. */
export interface Evaluation {
	hits: number;
	n: number;
}

export type Verdict = 'meets' | 'fails' | 'unclear';

/** One value tried, with the evidence from the largest run made there. */
export interface GoalStep {
	value: number;
	index: number;
	phase: 'scan' | 'refine';
	hits: number;
	n: number;
	p: number;
	/** Monte Carlo standard error of p. */
	se: number;
	lower: number;
	upper: number;
	verdict: Verdict;
}

export type GoalResult =
	| {
			kind: 'found';
			/** The least value shown to meet the goal. */
			value: number;
			evidence: GoalStep;
			/** The value just below it that was tried and not shown to meet it, if any. */
			below: GoalStep | null;
			steps: GoalStep[];
	  }
	| { kind: 'none'; steps: GoalStep[]; /** The step at the largest value. */ best: GoalStep }
	| { kind: 'cancelled'; steps: GoalStep[] }
	| { kind: 'error'; error: string; steps: GoalStep[] };

export interface GoalSeekOptions {
	/** Candidate values of the lever, ascending. */
	values: readonly number[];
	/** The probability to reach, e.g. 0.8. */
	target: number;
	/**
	 * Futures to run at a value, in turn, while the evidence is unclear, e.g. [200, 800].
	 * Runs on one seed share their first futures, so a longer run extends a shorter one.
	 */
	runSchedule: readonly number[];
	/** Values tried in the first scan, both ends included (default 6). */
	scanCount?: number;
	/** z of the one-sided bounds (default 1.645: 95% sure). */
	z?: number;
	/** Runs the model at a value; null when cancelled, a string for an error. */
	evaluate: (value: number, runs: number) => Promise<Evaluation | null | string>;
	/** Called after each value is settled. */
	onStep?: (step: GoalStep, steps: readonly GoalStep[]) => void;
}

/** Judges one evaluation against the target. */
export function judge(
	e: Evaluation,
	target: number,
	z = Z_ONE_SIDED_95
): { p: number; se: number; lower: number; upper: number; verdict: Verdict } {
	const p = e.n > 0 ? e.hits / e.n : 0;
	const se = e.n > 0 ? Math.sqrt((p * (1 - p)) / e.n) : 0;
	const { lower, upper } = wilsonBounds(e.hits, e.n, z);
	const verdict: Verdict = lower >= target ? 'meets' : upper < target ? 'fails' : 'unclear';
	return { p, se, lower, upper, verdict };
}

/** Indices of `count` values evenly spread over n, both ends included, ascending, distinct. */
export function scanIndices(n: number, count: number): number[] {
	if (n <= 0) return [];
	const k = Math.max(2, Math.min(n, Math.floor(count)));
	const out: number[] = [];
	for (let a = 0; a < k; a++) {
		const idx = Math.round(((n - 1) * a) / (k - 1));
		if (out[out.length - 1] !== idx) out.push(idx);
	}
	return out;
}

class Stop {
	constructor(readonly result: GoalResult) {}
}

export async function goalSeek(options: GoalSeekOptions): Promise<GoalResult> {
	const { values, target, runSchedule, evaluate } = options;
	const z = options.z ?? Z_ONE_SIDED_95;
	const steps: GoalStep[] = [];
	if (values.length === 0) return { kind: 'error', error: 'There are no values to try.', steps };
	if (runSchedule.length === 0 || runSchedule.some((r) => !(r >= 1)))
		return { kind: 'error', error: 'The number of futures to run must be at least 1.', steps };
	if (!(target > 0 && target < 1))
		return { kind: 'error', error: 'The target must be a probability between 0 and 1.', steps };
	const known = new Map<number, GoalStep>();

	async function classify(index: number, phase: GoalStep['phase']): Promise<GoalStep> {
		const seen = known.get(index);
		if (seen) return seen;
		let step: GoalStep | null = null;
		for (const runs of runSchedule) {
			const e = await evaluate(values[index], runs);
			if (e === null) throw new Stop({ kind: 'cancelled', steps });
			if (typeof e === 'string') throw new Stop({ kind: 'error', error: e, steps });
			step = { value: values[index], index, phase, hits: e.hits, n: e.n, ...judge(e, target, z) };
			if (step.verdict !== 'unclear') break;
		}
		if (!step) throw new Stop({ kind: 'error', error: 'Nothing was run.', steps });
		known.set(index, step);
		steps.push(step);
		options.onStep?.(step, steps);
		return step;
	}

	try {
		const scan = scanIndices(values.length, options.scanCount ?? 6);
		let lo: GoalStep | null = null;
		let hi: GoalStep | null = null;
		for (const index of scan) {
			const step = await classify(index, 'scan');
			if (step.verdict === 'meets') {
				hi = step;
				break;
			}
			lo = step;
		}
		if (!hi) {
			const best = lo as GoalStep;
			return { kind: 'none', steps, best };
		}
		// Bisect between the last value not shown to meet the goal and the first that does.
		while (lo && hi.index - lo.index > 1) {
			const mid = Math.floor((lo.index + hi.index) / 2);
			const step = await classify(mid, 'refine');
			if (step.verdict === 'meets') hi = step;
			else lo = step;
		}
		return { kind: 'found', value: hi.value, evidence: hi, below: lo, steps };
	} catch (e) {
		if (e instanceof Stop) return e.result;
		return { kind: 'error', error: e instanceof Error ? e.message : String(e), steps };
	}
}

/**
 * Whether the steps tried contradict the search's assumption that more of the lever never
 * makes things worse: a larger value whose chance is clearly lower (its upper bound below the
 * lower bound of a smaller value's). Returns the clearest such fall, or null.
 */
export function nonMonotone(steps: readonly GoalStep[]): { from: GoalStep; to: GoalStep } | null {
	const sorted = [...steps].sort((a, b) => a.value - b.value);
	let worst: { from: GoalStep; to: GoalStep; gap: number } | null = null;
	for (let i = 0; i < sorted.length; i++)
		for (let j = i + 1; j < sorted.length; j++) {
			const gap = sorted[i].lower - sorted[j].upper;
			if (gap > 0 && (!worst || gap > worst.gap)) worst = { from: sorted[i], to: sorted[j], gap };
		}
	return worst && { from: worst.from, to: worst.to };
}

/** The step with the highest chance (the best setting found), or null when none was tried. */
export function bestStep(steps: readonly GoalStep[]): GoalStep | null {
	return steps.reduce<GoalStep | null>((b, s) => (!b || s.p > b.p ? s : b), null);
}

/** The candidate values of a lever: every step of its range (at most `max`, evenly thinned). */
export function leverValues(
	spec: { min: number; max: number; step: number; integer: boolean },
	max = 241
): number[] {
	const count = Math.floor((spec.max - spec.min) / spec.step + 1e-9) + 1;
	const n = Math.min(count, max);
	const decimals = Math.max(0, Math.ceil(-Math.log10(spec.step) - 1e-9));
	const out: number[] = [];
	for (let k = 0; k < n; k++) {
		const steps = n === count ? k : Math.round(((count - 1) * k) / (n - 1));
		const v = spec.min + steps * spec.step;
		const r = spec.integer ? Math.round(v) : Number(v.toFixed(decimals));
		if (out[out.length - 1] !== r) out.push(Math.min(spec.max, r));
	}
	return out;
}

/**
 * Levers offered for goal seeking, with the question each answers and, where more of it
 * can make things worse, why (shown beside the search's assumption).
 */
export const GOAL_LEVERS: readonly { path: string; question: string; canHurt?: string }[] = [
	{ path: 'contract.lengthMonths', question: 'the shortest contract' },
	{ path: 'power.sharing', question: 'the least power shared' },
	{ path: 'partners.count', question: 'the fewest trusted local partners' },
	{
		path: 'listening.conversationsPerYear',
		question: 'the fewest community conversations a year',
		canHurt:
			'more conversations can lower trust where little power is shared, because views the provider cannot act on become broken promises'
	}
];

/** What goal seeking was asked, as its answer needs it. */
export interface GoalQuestion {
	path: string;
	/** The target chance, 0–1. */
	target: number;
	probability: SweepProbability;
}

/**
 * Goal seeking's answer in words: the value found (or that none was), with its evidence; and,
 * when the runs show the chance falling as the lever grows, a plain warning that the search's
 * assumption does not hold here, with the best setting tried. Null for a cancelled or failed
 * search.
 */
export function goalAnswerText(r: GoalResult, q: GoalQuestion, spec: ParamSpec): string | null {
	const at = (v: number) => formatParam(spec, v);
	// A chance of 0 or 1 is what was seen in a finite number of futures, said in words instead.
	const pm = (s: GoalStep) =>
		s.p <= 0
			? `0% (in none of ${s.n.toLocaleString('en-GB')} futures)`
			: s.p >= 1
				? `100% (in all ${s.n.toLocaleString('en-GB')} futures)`
				: `${fmtPct(s.p)} ± ${(s.se * 100).toFixed(1)} points`;
	const what =
		q.probability === 'reachesCodesigning'
			? 'is co-designing in the final year'
			: 'has trust at or above the threshold in the final year';
	switch (r.kind) {
		case 'found': {
			const fall = nonMonotone(r.steps);
			const best = bestStep(r.steps);
			const below = r.below;
			const belowText = !below
				? ''
				: below.p >= q.target
					? ` At ${at(below.value)} it was ${fmtPct(below.p)}, above the target but not by enough to be 95% sure it reaches it.`
					: ` At ${at(below.value)} it was ${fmtPct(below.p)}.`;
			const caution =
				fall && best
					? ` Careful: the chance does not only rise with the lever, as the search assumes (${fmtPct(fall.from.p)} at ${at(fall.from.value)} but ${fmtPct(fall.to.p)} at ${at(fall.to.value)}), so a smaller value it did not try may also reach the goal; the best setting tried was ${at(best.value)} (${pm(best)}).`
					: '';
			const question = GOAL_LEVERS.find((g) => g.path === q.path)?.question ?? 'the least value';
			return `${at(r.value)} is ${question} at which the community ${what} in at least ${fmtPct(q.target)} of futures, and we are 95% sure of it: ${pm(r.evidence)} over ${r.evidence.n} futures.${belowText}${caution}`;
		}
		case 'none': {
			const fall = nonMonotone(r.steps);
			const best = bestStep(r.steps);
			// Names the lever and the outcome, so that the sentence stands alone (on paper too).
			const range = `of ${inSentence(spec.label)} from ${at(spec.min)} to ${at(spec.max)}`;
			const reach = `reach a ${fmtPct(q.target)} chance that the community ${what}`;
			if (fall && best)
				return `No value ${range} was shown to ${reach}, and the chance does not rise with the lever as the search assumes: it is ${fmtPct(fall.from.p)} at ${at(fall.from.value)} but ${fmtPct(fall.to.p)} at ${at(fall.to.value)}. The best setting tried is ${at(best.value)}, where the chance is ${pm(best)}; to reach the target, other levers need to change too.`;
			return r.best.p >= q.target
				? `No value ${range} was shown to ${reach}: at ${at(r.best.value)} the chance is ${pm(r.best)}, at or above the target but not by enough to be 95% sure of it; more futures a value would tell.`
				: `No value ${range} was shown to ${reach}: at ${at(r.best.value)} the chance is ${pm(r.best)}. Other levers need to change too.`;
		}
		case 'cancelled':
		case 'error':
			return null;
		default:
			return r satisfies never;
	}
}
