/**
 * Where the spread of an outcome comes from, in the uncertain-assumptions mode: how much of
 * its variance over the futures the assumptions drawn for them explain, and which
 * assumptions explain most.
 *
 * Method: a linear regression of the outcome on every free assumption's quantile in each
 * future (its place in its plausible range, 0 to 1; pinned and degenerate assumptions left
 * out). The adjusted R² is the share explained by the assumptions' main effects; the rest is
 * chance together with whatever the assumptions do in combination or non-linearly, so the
 * share from assumptions is a lower bound. With a Latin hypercube the quantiles are nearly
 * uncorrelated, so a squared standardised coefficient is that assumption's own share (the
 * standardised regression coefficients of Saltelli et al. 2008, ch. 1). Pure.
 */
import { UNCERTAIN_FACTORS } from './assumption-factors';
import type { Scenario } from './scenario';
import { futureQuantiles, scenarioRanges } from './uncertainty';

/** An assumption's own share of the outcome's variance. */
interface SpreadDriver {
	/** The assumption's id (a parameter's path or `model.<constant>`). */
	id: string;
	label: string;
	/** Share of the outcome's variance, 0 to 1. */
	share: number;
	/** +1 when higher values of the assumption raise the outcome, −1 when they lower it. */
	direction: 1 | -1;
}

export interface SpreadSources {
	/** Share of the outcome's variance the assumptions explain (a lower bound), 0 to 1. */
	fromAssumptions: number;
	/** The assumptions with the largest shares, largest first (at most five). */
	drivers: SpreadDriver[];
	/** Futures the fit used. */
	futures: number;
	/** Assumptions that were free to vary. */
	assumptions: number;
}

/** The most futures the fit reads (the first ones): enough for shares to two digits. */
const MAX_FIT = 4000;

/** Fewest futures per free assumption for a fit worth reporting. */
const FUTURES_PER_ASSUMPTION = 2;

/** The fewest futures that can say where the spread comes from in this scenario. */
export function futuresForSpread(s: Scenario): number {
	return FUTURES_PER_ASSUMPTION * freeFactors(s).length + 20;
}

/**
 * The assumptions free to vary in a scenario (not pinned, with a range wider than a point),
 * as indices into UNCERTAIN_FACTORS.
 */
export function freeFactors(s: Scenario): number[] {
	const pins = s.assumptions?.pins ?? {};
	const ranges = scenarioRanges(s);
	const out: number[] = [];
	UNCERTAIN_FACTORS.forEach((f, j) => {
		if (!(f.id in pins) && ranges[j].max > ranges[j].min) out.push(j);
	});
	return out;
}

/**
 * Where the spread of `y` (one value per future, in run order) comes from, or null when there
 * are too few futures for the fit (see futuresForSpread) or `y` does not vary.
 */
export function spreadSources(s: Scenario, y: readonly number[]): SpreadSources | null {
	const free = freeFactors(s);
	const p = free.length;
	const n = Math.min(y.length, MAX_FIT);
	if (p === 0 || n < futuresForSpread(s)) return null;
	let yMean = 0;
	for (let i = 0; i < n; i++) yMean += y[i];
	yMean /= n;
	let yVar = 0;
	for (let i = 0; i < n; i++) yVar += (y[i] - yMean) ** 2;
	if (!(yVar > 0) || !Number.isFinite(yVar)) return null;

	// Centred design matrix (n × p), row by row.
	const x = new Float64Array(n * p);
	const u = new Float64Array(UNCERTAIN_FACTORS.length);
	const xMean = new Float64Array(p);
	for (let i = 0; i < n; i++) {
		futureQuantiles(s.seed, s.runs, i, u);
		for (let k = 0; k < p; k++) {
			const v = u[free[k]];
			x[i * p + k] = v;
			xMean[k] += v;
		}
	}
	for (let k = 0; k < p; k++) xMean[k] /= n;
	for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) x[i * p + k] -= xMean[k];

	// Normal equations X'X b = X'y, solved by Cholesky.
	const a = new Float64Array(p * p);
	const b = new Float64Array(p);
	for (let i = 0; i < n; i++) {
		const row = i * p;
		const yi = y[i] - yMean;
		for (let k = 0; k < p; k++) {
			const xk = x[row + k];
			b[k] += xk * yi;
			for (let l = 0; l <= k; l++) a[k * p + l] += xk * x[row + l];
		}
	}
	const xVar = new Float64Array(p);
	for (let k = 0; k < p; k++) xVar[k] = a[k * p + k];
	// A whisker of ridge keeps the solve stable; it is far below any column's variance.
	for (let k = 0; k < p; k++) a[k * p + k] *= 1 + 1e-9;
	const beta = choleskySolve(a, b, p);
	if (!beta) return null;

	let explained = 0;
	for (let k = 0; k < p; k++) explained += beta[k] * b[k];
	const r2 = explained / yVar;
	const adjusted = 1 - ((1 - r2) * (n - 1)) / (n - p - 1);
	const drivers: SpreadDriver[] = free
		.map((j, k) => ({
			id: UNCERTAIN_FACTORS[j].id,
			label: UNCERTAIN_FACTORS[j].label,
			share: (beta[k] * beta[k] * xVar[k]) / yVar,
			direction: (beta[k] >= 0 ? 1 : -1) as 1 | -1
		}))
		.sort((p1, p2) => p2.share - p1.share)
		.slice(0, 5);
	return {
		fromAssumptions: Math.min(1, Math.max(0, adjusted)),
		drivers,
		futures: n,
		assumptions: p
	};
}

/** Solves A x = b for a symmetric positive definite A (lower triangle filled), or null. */
function choleskySolve(a: Float64Array, b: Float64Array, p: number): Float64Array | null {
	const l = new Float64Array(p * p);
	for (let i = 0; i < p; i++) {
		for (let j = 0; j <= i; j++) {
			let sum = a[i * p + j];
			for (let k = 0; k < j; k++) sum -= l[i * p + k] * l[j * p + k];
			if (i === j) {
				if (!(sum > 0)) return null;
				l[i * p + i] = Math.sqrt(sum);
			} else l[i * p + j] = sum / l[j * p + j];
		}
	}
	const z = new Float64Array(p);
	for (let i = 0; i < p; i++) {
		let sum = b[i];
		for (let k = 0; k < i; k++) sum -= l[i * p + k] * z[k];
		z[i] = sum / l[i * p + i];
	}
	const out = new Float64Array(p);
	for (let i = p - 1; i >= 0; i--) {
		let sum = z[i];
		for (let k = i + 1; k < p; k++) sum -= l[k * p + i] * out[k];
		out[i] = sum / l[i * p + i];
	}
	return out;
}
