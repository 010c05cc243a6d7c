/**
 * Small statistics shared by the analyses: proportions with their Monte Carlo error and
 * one-sided confidence bounds. Pure functions of plain numbers.
 */
import type { Probability } from '$lib/sim';

/** z for a one-sided 95% bound. */
export const Z_ONE_SIDED_95 = 1.6448536269514722;

/** A proportion with its Monte Carlo standard error, sqrt(p(1 - p) / n). */
export function proportion(hits: number, n: number): Probability {
	const p = n > 0 ? hits / n : 0;
	return { p, se: n > 0 ? Math.sqrt((p * (1 - p)) / n) : 0, count: n };
}

/**
 * Wilson score bounds of a proportion, one-sided at `z` (1.645: 95% sure the true value is
 * above `lower`, and 95% sure it is below `upper`). Unlike p ± z·se they stay sensible when
 * no future, or every future, reaches the goal.
 */
export function wilsonBounds(
	hits: number,
	n: number,
	z = Z_ONE_SIDED_95
): { lower: number; upper: number } {
	if (n <= 0) return { lower: 0, upper: 1 };
	const p = hits / n;
	const z2 = z * z;
	const centre = p + z2 / (2 * n);
	const half = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
	const denom = 1 + z2 / n;
	return {
		lower: Math.max(0, (centre - half) / denom),
		upper: Math.min(1, (centre + half) / denom)
	};
}

/** Mean and standard error of the mean of finite values (NaN when there are none). */
export function meanAndError(values: readonly number[]): { mean: number; se: number; n: number } {
	let n = 0;
	let sum = 0;
	for (const v of values)
		if (Number.isFinite(v)) {
			n++;
			sum += v;
		}
	if (n === 0) return { mean: NaN, se: NaN, n };
	const mean = sum / n;
	let ss = 0;
	for (const v of values) if (Number.isFinite(v)) ss += (v - mean) ** 2;
	const sd = n > 1 ? Math.sqrt(ss / (n - 1)) : 0;
	return { mean, se: sd / Math.sqrt(n), n };
}

/** Percentile of values (linear interpolation); NaN for none. Does not change the input. */
export function quantile(values: readonly number[], q: number): number {
	const sorted = values.filter((v) => !Number.isNaN(v)).sort((a, b) => a - b);
	const n = sorted.length;
	if (n === 0) return NaN;
	const pos = (n - 1) * Math.min(1, Math.max(0, q));
	const lo = Math.floor(pos);
	const hi = Math.min(n - 1, lo + 1);
	if (sorted[lo] === sorted[hi]) return sorted[lo];
	return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}
