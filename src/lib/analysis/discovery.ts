/**
 * Scenario discovery with PRIM, the Patient Rule Induction Method (Friedman and Fisher 1999),
 * as Bryant and Lempert (2010) use it and the EMA Workbench implements it
 * (`ema_workbench/analysis/prim.py`): given many futures, each with its own values of some
 * uncertain assumptions and a yes-or-no outcome (say "A is better than B in this future"),
 * find a simple box of the assumptions (a few bounds, such as "trust threshold above 0.6")
 * where the outcome is concentrated, and say it in plain words.
 *
 * Pure TypeScript: no DOM, no randomness, the same answer for the same data.
 */

/** One uncertain assumption: its key and label, and its plausible range. */
import { inSentence, listWords } from './words';

export interface DiscoveryFactor {
	/** Identifies the factor in restrictions. */
	key: string;
	/** As people read it, e.g. "Loss to gain asymmetry" or "KPI rigidity". */
	label: string;
	/** The plausible range: a bound at or beyond it is no restriction. */
	min: number;
	max: number;
	/** e.g. '' or ' months'; appended to numbers */
	unit?: string;
	/** decimals for numbers in words */
	digits?: number;
}

/** A box's bounds on one assumption: the futures in the box have lower ≤ value ≤ upper. */
export interface Restriction {
	key: string;
	label: string;
	/** undefined = unrestricted on that side */
	lower?: number;
	/** undefined = unrestricted on that side */
	upper?: number;
}

/** The region found, with how well it describes where the outcome happens. */
export interface DiscoveredBox {
	/** Only the assumptions actually restricted (at most `maxRestrictions`), most important first. */
	restrictions: Restriction[];
	/** Share of all futures with the outcome that fall in the box. */
	coverage: number;
	/** Share of the futures in the box that have the outcome. */
	density: number;
	/** Share of all futures in the box ("share of plausible assumptions tried"). */
	mass: number;
	/** Plain words, e.g. "loss to gain asymmetry is above 4.2 and transparency is below 0.3". */
	text: string;
}

/** What `discover` found: a box, or null with the reason in plain words. */
export interface DiscoveryResult {
	box: DiscoveredBox | null;
	/** share of futures with y true */
	baseRate: number;
	/** The number of futures. */
	n: number;
	/** Why there is no box, in plain words; only when `box` is null. */
	reason?: string;
}

/** A box: `lower[j]` and `upper[j]` bound factor j; ±Infinity is unrestricted. */
interface Bounds {
	lower: Float64Array;
	upper: Float64Array;
}

/** A box with how many futures it holds and how many of them have the outcome. */
interface Box extends Bounds {
	count: number;
	hits: number;
}

/** One side of one factor's bounds. */
interface Side {
	j: number;
	side: 'lower' | 'upper';
}

/** The data by column, each column's futures in ascending order, and the outcome. */
interface Data {
	n: number;
	k: number;
	cols: Float64Array[];
	/** `sorted[j]`: future indices by ascending value of factor j (ties by index). */
	sorted: Int32Array[];
	y: Uint8Array;
	hits: number;
	/** `logFactorial[i]` = ln(i!), for the binomial tests. */
	logFactorial: Float64Array;
}

/**
 * A restriction is kept only if the futures in the box have the outcome more often than
 * chance would give with the restriction dropped: the one-sided binomial test of Bryant and
 * Lempert (2010), their "quasi-p-value", at this level.
 */
const SIGNIFICANCE = 0.05;
/** The least coverage the chosen box keeps: at least half of the futures with the outcome. */
const MIN_COVERAGE = 0.5;
/** Relative tolerance under which two scores count as equal. */
const TIE = 1e-12;

/**
 * Finds the box of assumptions where `y` is concentrated, with PRIM.
 *
 * 1. Peeling: starting from every future, each step tries, for every factor, removing the
 *    `alpha` share of the futures in the box with the lowest or the highest values (a whole
 *    group of tied values goes together, so a constant factor is never peeled) and keeps the
 *    peel that raises density most per future removed (Friedman and Fisher's criterion; when
 *    peels remove equally many futures, as they do unless values tie, simply the one that
 *    raises density most). It stops when no peel raises density while leaving at least
 *    `minMass` of the futures in the box.
 * 2. Choosing: on that trajectory, among the boxes with density of at least `minDensity`,
 *    the one with the best product of density and coverage, among those with coverage of at
 *    least a half when there are any (`chooseBox` says why not simply the densest box).
 * 3. Simplifying: restrictions are dropped, those whose loss costs least density first, until
 *    at most `maxRestrictions` remain; then any bound that is not statistically significant is
 *    dropped too (Bryant and Lempert's quasi-p-value above 0.05, one side at a time). A bound
 *    at or beyond an end of the factor's plausible range is no restriction.
 * 4. Pasting: each remaining bound is moved back out by `alpha` of the box at a time while
 *    that adds coverage without lowering density.
 *
 * Bounds lie halfway between the last future kept and the first one left out, in the
 * factors' own units. Returns `box: null` with a reason when there are no futures, when `y`
 * is never or always true, or when the box found has no restriction or a density below
 * `minDensity`. Peeling keeps the futures in the box sorted by every factor, so the whole
 * search costs about O(k × n / alpha) after sorting.
 *
 * @param x one row per future, one value per factor, all finite
 * @param y one outcome per future (true: the minority outcome to explain)
 * @param factors the assumptions, in the order of the columns of `x`
 * @param options `alpha`: share peeled at each step (default 0.05); `minMass`: least share of
 *   futures a box may hold (default 0.05); `maxRestrictions` (default 3); `minDensity`: least
 *   density of a box worth reporting (default 0.5)
 * @throws RangeError when the shapes of `x`, `y` and `factors` disagree, a value is not
 *   finite, or an option is out of range
 */
export function discover(
	x: readonly (readonly number[])[] | Float64Array[],
	y: readonly boolean[],
	factors: readonly DiscoveryFactor[],
	options: {
		alpha?: number /* peel fraction, default 0.05 */;
		minMass?: number /* default 0.05 */;
		maxRestrictions?: number /* default 3 */;
		minDensity?: number /* threshold on density to report a box, e.g. 0.5 default */;
	} = {}
): DiscoveryResult {
	const alpha = options.alpha ?? 0.05;
	const minMass = options.minMass ?? 0.05;
	const maxRestrictions = options.maxRestrictions ?? 3;
	const minDensity = options.minDensity ?? 0.5;
	if (!(alpha > 0 && alpha < 0.5)) throw new RangeError('alpha must be between 0 and 0.5.');
	if (!(minMass > 0 && minMass <= 1)) throw new RangeError('minMass must be between 0 and 1.');
	if (!(Number.isInteger(maxRestrictions) && maxRestrictions >= 1))
		throw new RangeError('maxRestrictions must be a whole number of at least 1.');
	if (!(minDensity >= 0 && minDensity <= 1))
		throw new RangeError('minDensity must be between 0 and 1.');

	const n = x.length;
	if (y.length !== n)
		throw new RangeError(`There are ${n} futures but ${y.length} outcomes; they must match.`);
	if (n === 0) return { box: null, baseRate: 0, n: 0, reason: 'There are no futures to analyse.' };

	const data = prepare(x, y, factors);
	const baseRate = data.hits / n;
	if (data.hits === 0)
		return {
			box: null,
			baseRate,
			n,
			reason: 'A is never better than B in these futures, so there is no region where it is.'
		};
	if (data.hits === n)
		return {
			box: null,
			baseRate,
			n,
			reason:
				'A is better than B in every future, so no region of the assumptions is needed to explain it.'
		};

	const minCount = Math.max(1, Math.ceil(minMass * n - 1e-9));
	const trajectory = peel(data, alpha, minCount);
	const box = copyBox(chooseBox(trajectory, data.hits, minDensity));
	unrestrictEnds(box, factors);
	recount(data, box);
	while (restrictedFactors(box).length > maxRestrictions)
		dropRestriction(data, box, cheapest(data, box));
	for (;;) {
		const weakest = leastSignificant(data, box);
		if (weakest === null) break;
		if (weakest.side === 'lower') box.lower[weakest.j] = -Infinity;
		else box.upper[weakest.j] = Infinity;
		recount(data, box);
	}
	paste(data, box, alpha);
	unrestrictEnds(box, factors);
	recount(data, box);

	const density = box.hits / box.count;
	const order = restrictedFactors(box)
		.map((j) => ({ j, cost: density - densityWithout(data, box, j) }))
		.sort((a, b) => b.cost - a.cost || a.j - b.j);
	if (order.length === 0 || density < minDensity)
		return {
			box: null,
			baseRate,
			n,
			reason:
				'No simple region of the assumptions explains where A is better than B: ' +
				(order.length === 0
					? 'those futures are spread across the plausible assumptions.'
					: `the best box found has A better in only ${percent(density)} of its futures.`)
		};
	const restrictions = order.map(({ j }) => restriction(factors[j], box, j));
	return {
		box: {
			restrictions,
			coverage: box.hits / data.hits,
			density,
			mass: box.count / n,
			text: describeBox(restrictions, factors)
		},
		baseRate,
		n
	};
}

/**
 * The restrictions in plain words: "X is above 4.2", "X is below 0.05", "X is between 0.2
 * and 0.4", joined with commas and "and" before the last, to sit inside a sentence ("A is
 * better when …"). Numbers are rounded to the factor's `digits` (by default two significant
 * figures of its range, with more where that would hide the bound) and carry its unit. A
 * label's first letter is lower-cased unless its first word looks like an acronym ("KPI").
 * A bound at or beyond an end of the factor's range says nothing and is left out, and so is
 * a restriction with no bound left.
 */
export function describeBox(
	restrictions: readonly Restriction[],
	factors: readonly DiscoveryFactor[]
): string {
	const parts: string[] = [];
	for (const given of restrictions) {
		const factor = factors.find((f) => f.key === given.key);
		const r: Restriction = { key: given.key, label: given.label };
		if (given.lower !== undefined && !(factor && given.lower <= factor.min)) r.lower = given.lower;
		if (given.upper !== undefined && !(factor && given.upper >= factor.max)) r.upper = given.upper;
		const label = inSentence(r.label);
		const unit = factor?.unit ?? '';
		const [lo, hi] = formatBounds(r, factor);
		// A unit that is a word (" months") is said once: "between 7 and 12 months"; a sign
		// ("%") stays with each number: "between 5% and 10%".
		const first = /^\s/.test(unit) ? lo : lo + unit;
		if (lo !== undefined && hi !== undefined)
			parts.push(`${label} is between ${first} and ${hi}${unit}`);
		else if (lo !== undefined) parts.push(`${label} is above ${lo}${unit}`);
		else if (hi !== undefined) parts.push(`${label} is below ${hi}${unit}`);
	}
	return listWords(parts);
}

/** Columns, sort orders and the outcome as numbers; throws on shapes that disagree. */
function prepare(
	x: readonly (readonly number[])[] | Float64Array[],
	y: readonly boolean[],
	factors: readonly DiscoveryFactor[]
): Data {
	const n = x.length;
	const k = factors.length;
	const cols = factors.map(() => new Float64Array(n));
	for (let i = 0; i < n; i++) {
		const row = x[i];
		if (row.length !== k)
			throw new RangeError(
				`Future ${i + 1} has ${row.length} values but there are ${k} factors; they must match.`
			);
		for (let j = 0; j < k; j++) {
			const v = row[j];
			if (!Number.isFinite(v))
				throw new RangeError(`Future ${i + 1} has no finite value of ${factors[j].label}.`);
			cols[j][i] = v;
		}
	}
	const sorted = cols.map((col) =>
		Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => col[a] - col[b] || a - b)
	);
	const yy = Uint8Array.from(y, (v) => (v ? 1 : 0));
	let hits = 0;
	for (let i = 0; i < n; i++) hits += yy[i];
	const logFactorial = new Float64Array(n + 1);
	for (let i = 2; i <= n; i++) logFactorial[i] = logFactorial[i - 1] + Math.log(i);
	return { n, k, cols, sorted, y: yy, hits, logFactorial };
}

/** The best peel of one step: which side of which factor, the new bound and what it removes. */
interface Peel {
	j: number;
	side: 'lower' | 'upper';
	bound: number;
	removed: number;
	removedHits: number;
	score: number;
}

/**
 * The peeling trajectory, from the whole data to the last box: each step removes the slice
 * of one factor (bottom or top) that raises density most per future removed. The futures in
 * the box are kept sorted by every factor, so a step costs O(k × count) and the whole
 * trajectory about O(k × n / alpha).
 */
function peel(data: Data, alpha: number, minCount: number): Box[] {
	const { n, k, cols, y } = data;
	const lower = new Float64Array(k).fill(-Infinity);
	const upper = new Float64Array(k).fill(Infinity);
	const inBox = new Uint8Array(n).fill(1);
	// members[j][0 .. count-1]: the futures in the box, by ascending value of factor j.
	const members = data.sorted.map((s) => s.slice());
	let count = n;
	let hits = data.hits;
	const trajectory: Box[] = [{ lower: lower.slice(), upper: upper.slice(), count, hits }];

	for (;;) {
		const want = Math.max(1, Math.ceil(alpha * count - 1e-9));
		let best: Peel | null = null;
		// The better of the best so far and a candidate peel.
		const consider = (sofar: Peel | null, c: Omit<Peel, 'score'>): Peel | null => {
			const kept = count - c.removed;
			const keptHits = hits - c.removedHits;
			// Density must rise: keptHits / kept > hits / count, compared in whole numbers.
			if (kept < minCount || keptHits * count <= hits * kept) return sofar;
			const candidate = { ...c, score: (keptHits / kept - hits / count) / c.removed };
			return sofar === null || better(candidate, sofar, lower, upper) ? candidate : sofar;
		};
		for (let j = 0; j < k; j++) {
			const order = members[j];
			const col = cols[j];
			// Bottom: remove the lowest `want` futures and every future tied with the last.
			let t = want;
			while (t < count && col[order[t]] === col[order[t - 1]]) t++;
			if (t < count) {
				let h = 0;
				for (let r = 0; r < t; r++) h += y[order[r]];
				const bound = lowerBound(col[order[t - 1]], col[order[t]]);
				best = consider(best, { j, side: 'lower', bound, removed: t, removedHits: h });
			}
			// Top: the same from the highest value down.
			t = want;
			while (t < count && col[order[count - 1 - t]] === col[order[count - t]]) t++;
			if (t < count) {
				let h = 0;
				for (let r = count - t; r < count; r++) h += y[order[r]];
				const bound = upperBound(col[order[count - t - 1]], col[order[count - t]]);
				best = consider(best, { j, side: 'upper', bound, removed: t, removedHits: h });
			}
		}
		const chosen = best;
		if (chosen === null) break;

		const order = members[chosen.j];
		if (chosen.side === 'lower') {
			lower[chosen.j] = chosen.bound;
			for (let r = 0; r < chosen.removed; r++) inBox[order[r]] = 0;
		} else {
			upper[chosen.j] = chosen.bound;
			for (let r = count - chosen.removed; r < count; r++) inBox[order[r]] = 0;
		}
		for (let j = 0; j < k; j++) {
			const m = members[j];
			let w = 0;
			for (let r = 0; r < count; r++) if (inBox[m[r]]) m[w++] = m[r];
		}
		count -= chosen.removed;
		hits -= chosen.removedHits;
		trajectory.push({ lower: lower.slice(), upper: upper.slice(), count, hits });
	}
	return trajectory;
}

/**
 * Whether peel `a` beats peel `b`: a larger gain in density per future removed; on a tie,
 * the one that removes fewer futures, then the one that restricts no new factor. Otherwise
 * the earlier stays (factors in order, bottom before top).
 */
function better(a: Peel, b: Peel, lower: Float64Array, upper: Float64Array): boolean {
	if (Math.abs(a.score - b.score) > TIE * Math.max(Math.abs(a.score), Math.abs(b.score)))
		return a.score > b.score;
	if (a.removed !== b.removed) return a.removed < b.removed;
	const isNew = (p: Peel): boolean => lower[p.j] === -Infinity && upper[p.j] === Infinity;
	return !isNew(a) && isNew(b);
}

/**
 * Chooses the box on the peeling trajectory: among the boxes dense enough to report (density
 * at least `minDensity`), the one with the best trade-off of density and coverage (their
 * product) among those that keep at least half of the futures with the outcome, or, when
 * none does, among them all. When no box is dense enough, the best trade-off with coverage
 * of at least a half (which will be reported as not dense enough).
 *
 * Why not simply the densest box with coverage of at least a half: every step of peeling
 * raises density and lowers coverage, so that would always be the last such box, and with
 * any noise in the outcome, peeling past the real region keeps raising density a little by
 * shedding the odd future without the outcome (the best of 2k peels is taken each time):
 * that box lies inside the real region, with bounds set by noise. The product peaks where
 * peeling stops removing futures without the outcome and starts removing futures with it.
 */
function chooseBox(trajectory: readonly Box[], totalHits: number, minDensity: number): Box {
	const covers = (b: Box): boolean => b.hits >= MIN_COVERAGE * totalHits;
	const dense = (b: Box): boolean => b.hits >= minDensity * b.count;
	return (
		best(trajectory.filter((b) => dense(b) && covers(b))) ??
		best(trajectory.filter(dense)) ??
		best(trajectory.filter(covers)) ??
		trajectory[0]
	);
}

/** The box with the largest density × coverage (the first of equals), if any. */
function best(boxes: readonly Box[]): Box | undefined {
	let top: Box | undefined;
	let topScore = -Infinity;
	for (const box of boxes) {
		const score = (box.hits * box.hits) / box.count; // density × coverage × all hits
		if (score > topScore * (1 + TIE)) {
			topScore = score;
			top = box;
		}
	}
	return top;
}

/** A copy to change without changing the trajectory. */
function copyBox(box: Box): Box {
	return { lower: box.lower.slice(), upper: box.upper.slice(), count: box.count, hits: box.hits };
}

/** A bound at or beyond the end of a factor's plausible range is no restriction. */
function unrestrictEnds(box: Bounds, factors: readonly DiscoveryFactor[]): void {
	factors.forEach((f, j) => {
		if (box.lower[j] <= f.min) box.lower[j] = -Infinity;
		if (box.upper[j] >= f.max) box.upper[j] = Infinity;
	});
}

/** The factors with a bound on either side, in order. */
function restrictedFactors(box: Bounds): number[] {
	const out: number[] = [];
	for (let j = 0; j < box.lower.length; j++)
		if (box.lower[j] !== -Infinity || box.upper[j] !== Infinity) out.push(j);
	return out;
}

/** Counts the futures in the box, and those with the outcome, ignoring factor `skip`. */
function countIn(data: Data, box: Bounds, skip = -1): { count: number; hits: number } {
	const restricted = restrictedFactors(box).filter((j) => j !== skip);
	let count = 0;
	let hits = 0;
	for (let i = 0; i < data.n; i++) {
		let inside = true;
		for (const j of restricted) {
			const v = data.cols[j][i];
			if (v < box.lower[j] || v > box.upper[j]) {
				inside = false;
				break;
			}
		}
		if (inside) {
			count++;
			hits += data.y[i];
		}
	}
	return { count, hits };
}

/** Sets the box's counts from its bounds. */
function recount(data: Data, box: Box): void {
	const { count, hits } = countIn(data, box);
	box.count = count;
	box.hits = hits;
}

/** The density of the box with factor `j` unrestricted. */
function densityWithout(data: Data, box: Bounds, j: number): number {
	const { count, hits } = countIn(data, box, j);
	return hits / count;
}

/** Unrestricts factor `j` on both sides. */
function dropRestriction(data: Data, box: Box, j: number): void {
	box.lower[j] = -Infinity;
	box.upper[j] = Infinity;
	recount(data, box);
}

/** The restricted factor whose restriction costs least density to drop. */
function cheapest(data: Data, box: Box): number {
	let best = -1;
	let bestDensity = -Infinity;
	for (const j of restrictedFactors(box)) {
		const d = densityWithout(data, box, j);
		if (d > bestDensity) {
			bestDensity = d;
			best = j;
		}
	}
	return best;
}

/**
 * The bound with the largest quasi-p-value, if that is above `SIGNIFICANCE`: the chance that
 * the futures in the box would have the outcome at least as often as they do if they had it
 * at the rate of the box without that bound (a one-sided binomial test). Each side of a
 * factor is tested on its own, as in the EMA Workbench.
 */
function leastSignificant(data: Data, box: Box): Side | null {
	let worst: Side | null = null;
	let worstP = SIGNIFICANCE;
	for (const j of restrictedFactors(box))
		for (const side of ['lower', 'upper'] as const) {
			const bounds = { lower: box.lower.slice(), upper: box.upper.slice() };
			if (side === 'lower') {
				if (bounds.lower[j] === -Infinity) continue;
				bounds.lower[j] = -Infinity;
			} else {
				if (bounds.upper[j] === Infinity) continue;
				bounds.upper[j] = Infinity;
			}
			const without = countIn(data, bounds);
			const p = binomialUpperTail(data, box.count, box.hits, without.hits / without.count);
			if (p > worstP) {
				worstP = p;
				worst = { j, side };
			}
		}
	return worst;
}

/** P(X ≥ h) for X ~ Binomial(trials, p). */
function binomialUpperTail(data: Data, trials: number, h: number, p: number): number {
	if (h <= 0) return 1;
	if (h > trials) return 0;
	if (p <= 0) return 0;
	if (p >= 1) return 1;
	const lf = data.logFactorial;
	const lp = Math.log(p);
	const lq = Math.log1p(-p);
	let sum = 0;
	for (let i = h; i <= trials; i++)
		sum += Math.exp(lf[trials] - lf[i] - lf[trials - i] + i * lp + (trials - i) * lq);
	return Math.min(1, sum);
}

/**
 * Pasting: while it adds coverage without lowering density, moves out the one bound whose
 * next `alpha` of the box's futures (with ties; only futures outside the box on that bound
 * alone) give the highest density. A bound with no such futures left beyond it is dropped.
 */
function paste(data: Data, box: Box, alpha: number): void {
	const { n, cols, y, sorted } = data;
	// only[i]: -1 inside the box, j outside on factor j alone, -2 outside on several.
	const only = new Int32Array(n);
	for (;;) {
		const restricted = restrictedFactors(box);
		for (let i = 0; i < n; i++) {
			let v = -1;
			for (const j of restricted) {
				const x = cols[j][i];
				if (x < box.lower[j] || x > box.upper[j]) {
					if (v !== -1) {
						v = -2;
						break;
					}
					v = j;
				}
			}
			only[i] = v;
		}
		const want = Math.max(1, Math.ceil(alpha * box.count - 1e-9));
		let best: {
			j: number;
			side: 'lower' | 'upper';
			bound: number;
			count: number;
			hits: number;
		} | null = null;
		for (const j of restricted) {
			const col = cols[j];
			const order = sorted[j];
			for (const side of ['lower', 'upper'] as const) {
				const lower = side === 'lower';
				if (lower ? box.lower[j] === -Infinity : box.upper[j] === Infinity) continue;
				let added = 0;
				let h = 0;
				let last = NaN;
				let next = NaN;
				// Candidates in order of distance from the bound: down from it, or up from it.
				for (let r = 0; r < n; r++) {
					const i = order[lower ? n - 1 - r : r];
					if (only[i] !== j || (lower ? col[i] > box.upper[j] : col[i] < box.lower[j])) continue;
					if (added >= want && col[i] !== last) {
						next = col[i];
						break;
					}
					added++;
					h += y[i];
					last = col[i];
				}
				if (added === 0) continue;
				const count = box.count + added;
				const hits = box.hits + h;
				// Density must not fall (compared in whole numbers): more coverage for no less density.
				if (hits * box.count < box.hits * count) continue;
				if (best !== null && hits * best.count <= best.hits * count) continue;
				const bound = Number.isNaN(next)
					? lower
						? -Infinity
						: Infinity
					: lower
						? lowerBound(next, last)
						: upperBound(last, next);
				best = { j, side, bound, count, hits };
			}
		}
		if (best === null) return;
		if (best.side === 'lower') box.lower[best.j] = best.bound;
		else box.upper[best.j] = best.bound;
		box.count = best.count;
		box.hits = best.hits;
	}
}

/** A lower bound between a value below it (`out`) and one at or above it (`kept`). */
function lowerBound(out: number, kept: number): number {
	const mid = out / 2 + kept / 2;
	return mid > out ? mid : kept;
}

/** An upper bound between a value at or below it (`kept`) and one above it (`out`). */
function upperBound(kept: number, out: number): number {
	const mid = kept / 2 + out / 2;
	return mid < out ? mid : kept;
}

/** Factor `j`'s bounds in the box, as a restriction (without the unrestricted sides). */
function restriction(factor: DiscoveryFactor, box: Bounds, j: number): Restriction {
	const r: Restriction = { key: factor.key, label: factor.label };
	if (box.lower[j] !== -Infinity) r.lower = box.lower[j];
	if (box.upper[j] !== Infinity) r.upper = box.upper[j];
	return r;
}

function percent(share: number): string {
	return `${Math.round(share * 100)}%`;
}

/**
 * A restriction's bounds as numbers in words, without the unit. Without `digits`, decimals give two
 * significant figures of the factor's range, and more (up to four more) where that would
 * round a bound onto an end of the range or both bounds onto one number.
 */
function formatBounds(
	r: Restriction,
	factor: DiscoveryFactor | undefined
): [string | undefined, string | undefined] {
	const show = (v: number | undefined, d: number): string | undefined =>
		v === undefined ? undefined : formatNumber(v, d);
	if (factor?.digits !== undefined) {
		const d = Math.min(20, Math.max(0, Math.round(factor.digits)));
		return [show(r.lower, d), show(r.upper, d)];
	}
	const span = factor ? factor.max - factor.min : NaN;
	const base = span > 0 && Number.isFinite(span) ? Math.max(0, 2 - Math.ceil(Math.log10(span))) : 2;
	let d = Math.min(20, base);
	const round = (v: number): number => Number(v.toFixed(d));
	const clear = (): boolean =>
		(r.lower === undefined ||
			factor === undefined ||
			(round(r.lower) > factor.min && round(r.lower) < factor.max)) &&
		(r.upper === undefined ||
			factor === undefined ||
			(round(r.upper) < factor.max && round(r.upper) > factor.min)) &&
		(r.lower === undefined || r.upper === undefined || round(r.lower) < round(r.upper));
	while (d < Math.min(20, base + 4) && !clear()) d++;
	return [show(r.lower, d), show(r.upper, d)];
}

/** A number with at most `digits` decimals, no trailing zeros and no "-0". */
function formatNumber(v: number, digits: number): string {
	const rounded = Number(v.toFixed(digits));
	return (rounded === 0 ? 0 : rounded).toLocaleString('en-GB', {
		minimumFractionDigits: 0,
		maximumFractionDigits: digits
	});
}
