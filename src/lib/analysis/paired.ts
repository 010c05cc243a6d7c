/**
 * Paired comparison on common random numbers. Two scenarios run on the same seed share
 * their random streams run by run, so future i of A and future i of B differ only by the
 * levers. The difference B − A is taken future by future, and "B better than A" is the
 * share of futures in which B did better.
 */
import type { Probability, Summary } from '$lib/sim';
import { outcomeInfo, perRunOutcome, type OutcomeKey } from './outcomes';
import { meanAndError, proportion, quantile } from './stats';

export interface PairedDifference {
	outcome: OutcomeKey;
	/** B − A in each future, in run order (NaN where both never reach trust). */
	differences: number[];
	/** Share of futures in which B did better than A, with its Monte Carlo error. */
	bBetter: Probability;
	/** Share of futures in which A did better than B. */
	aBetter: Probability;
	/** Share of futures with the same result. */
	same: Probability;
	/** Mean of B − A over futures with a finite difference, and its standard error. */
	mean: number;
	meanSe: number;
	/** Percentiles of B − A (finite and infinite differences both count). */
	p5: number;
	p50: number;
	p95: number;
	/** Futures paired. */
	n: number;
}

/** Differences b − a element by element; throws if the lengths differ. */
export function differences(a: readonly number[], b: readonly number[]): number[] {
	if (a.length !== b.length)
		throw new Error(
			`The two results have different numbers of futures (${a.length} and ${b.length}); run them with the same number of runs.`
		);
	return a.map((x, i) => {
		const y = b[i];
		if (x === y) return 0; // Also Infinity − Infinity: both never reached trust.
		return y - x;
	});
}

/** Compares two sets of per-future values paired by run index. */
export function pairValues(
	outcome: OutcomeKey,
	a: readonly number[],
	b: readonly number[]
): PairedDifference {
	const direction = outcomeInfo(outcome).direction;
	const d = differences(a, b);
	let better = 0;
	let worse = 0;
	for (const x of d) {
		const signed = x * direction;
		if (signed > 0) better++;
		else if (signed < 0) worse++;
	}
	const n = d.length;
	const { mean, se } = meanAndError(d);
	return {
		outcome,
		differences: d,
		bBetter: proportion(better, n),
		aBetter: proportion(worse, n),
		same: proportion(n - better - worse, n),
		mean,
		meanSe: se,
		p5: quantile(d, 0.05),
		p50: quantile(d, 0.5),
		p95: quantile(d, 0.95),
		n
	};
}

/**
 * Pairs two summaries future by future. They must come from the same seed and the same
 * number of runs, or the pairing means nothing; that is checked.
 */
export function pairSummaries(
	a: Summary,
	b: Summary,
	outcome: OutcomeKey
): { ok: true; value: PairedDifference } | { ok: false; error: string } {
	if (a.receipt.seed !== b.receipt.seed)
		return {
			ok: false,
			error: 'These results use different random seeds, so their futures cannot be paired.'
		};
	if (a.receipt.runs !== b.receipt.runs)
		return {
			ok: false,
			error: `These results have different numbers of futures (${a.receipt.runs} and ${b.receipt.runs}), so they cannot be paired.`
		};
	return {
		ok: true,
		value: pairValues(outcome, perRunOutcome(a, outcome), perRunOutcome(b, outcome))
	};
}

/** Every ordered pair (i, j) with i < j: A is the earlier scenario, B the later. */
export function pairsOf(count: number): [number, number][] {
	const out: [number, number][] = [];
	for (let i = 0; i < count; i++) for (let j = i + 1; j < count; j++) out.push([i, j]);
	return out;
}
