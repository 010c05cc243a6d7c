/**
 * "Why is B better?": splits the paired difference in final-year trust between two designs
 * into the model's own mechanisms, future by future (docs/model.md, section 7.19).
 *
 * Future i of A and future i of B share their random numbers, so for each future we have the
 * difference in trust, Δy_i, and the differences in how often each mechanism fired, Δx_ij
 * (changes of provider, broken promises, KPI reviews met, views acted on, shared decisions).
 * A least-squares fit across futures,
 *
 *   Δy_i = α + Σ_j β_j · Δx_ij + e_i,
 *
 * with each β_j held to the sign the model's rules give the mechanism, splits the mean
 * difference exactly: mean(Δy) = α + Σ_j β_j · mean(Δx_j). β_j · mean(Δx_j) is the part
 * carried by mechanism j; α is what the levers do directly (presence, the partners' cushion,
 * the power shared, ...) and everything the counted mechanisms do not carry. It is an
 * association within the model, not a separate experiment per mechanism.
 */
import type { MetricKey, Summary } from '$lib/sim';
import { meanAndError } from './stats';
import { listWords } from './words';

/** The mechanisms counted, each a per-future end metric of the simulation. */
type WhyMechanism = 'providerChanges' | 'brokenPromises' | 'kpiMet' | 'heard' | 'sharedDecisions';

/** An item of the split: a mechanism, or the remainder. */
type WhyKey = WhyMechanism | 'rest';

interface MechanismInfo {
	key: WhyMechanism & MetricKey;
	label: string;
	/** The mechanism as a plural noun inside a sentence ("broken promises"). */
	noun: string;
	/** What B does when the metric is higher in B, and when lower. */
	more: string;
	less: string;
	/**
	 * The sign of the mechanism's effect on trust in the model's rules: +1 it can only raise
	 * trust, −1 only lower it.
	 */
	sign: 1 | -1;
}

const WHY_MECHANISMS: readonly MechanismInfo[] = [
	{
		key: 'providerChanges',
		label: 'Changes of provider',
		noun: 'changes of provider',
		more: 'changes provider more often',
		less: 'changes provider less often',
		sign: -1
	},
	{
		key: 'brokenPromises',
		label: 'Broken promises',
		noun: 'broken promises',
		more: 'breaks more promises',
		less: 'breaks fewer promises',
		sign: -1
	},
	{
		key: 'kpiMet',
		label: 'KPI reviews met',
		noun: 'KPI reviews',
		more: 'meets more of its KPI reviews',
		less: 'meets fewer of its KPI reviews',
		sign: 1
	},
	{
		key: 'heard',
		label: 'Views acted on',
		noun: 'views acted on',
		more: "acts on more people's views",
		less: "acts on fewer people's views",
		sign: 1
	},
	{
		key: 'sharedDecisions',
		label: 'Shared decisions',
		noun: 'shared decisions',
		more: 'shares more decisions with the community',
		less: 'shares fewer decisions with the community',
		sign: 1
	}
];

const REST_LABEL = 'The levers directly, and everything else';

interface WhyItem {
	mechanism: WhyKey;
	label: string;
	/** The part of the mean difference in final-year trust (B − A) this item carries. */
	contribution: number;
	/** Its standard error over futures (bootstrap). */
	se: number;
	/** contribution / the mean difference (NaN when the difference is 0). */
	share: number;
	/** What B does differently, in words ("changes provider less often"). */
	direction: string;
	/** Mean difference B − A of the mechanism's own measure (NaN for the remainder). */
	meanChange: number;
	/** Trust per unit of the measure, as fitted (NaN for the remainder or an unfitted one). */
	perUnit: number;
}

type WhyVerdict = 'b-better' | 'a-better' | 'unclear' | 'same';

export interface WhyResult {
	verdict: WhyVerdict;
	/** "Why is B better?", "Why is A better?" or "Why do they differ?". */
	heading: string;
	/** Mean difference in final-year trust, B − A, and its standard error. */
	total: number;
	totalSe: number;
	/** The counted mechanisms, largest part first, then the remainder. */
	items: WhyItem[];
	/** Share of the mean difference the counted mechanisms carry (NaN when it is 0). */
	explainedShare: number;
	/** Share of the future-to-future variation of the difference they track (R²). */
	r2: number;
	/** The answer in one or two sentences. */
	sentence: string;
	/** What the split can and cannot say, in words. */
	caveat: string;
	/** Mechanisms that differ by the same amount in every future, so cannot be told apart. */
	inseparable: string[];
	/** Futures paired. */
	n: number;
}

export type WhyOutcome = { ok: true; value: WhyResult } | { ok: false; error: string };

/** Per-future values of what the split reads: final-year trust and the mechanisms. */
export type WhyRuns = Pick<Record<MetricKey, readonly number[]>, 'finalTrust' | WhyMechanism>;

/** Futures needed per fitted coefficient (the mechanisms and the remainder). */
const FUTURES_PER_TERM = 5;
/** Bootstrap resamples for the standard errors. */
const RESAMPLES = 200;
/** An item is named in the sentence when it carries at least this share of the difference… */
const MATERIAL_SHARE = 0.1;
/** …and is at least this many standard errors from zero. */
const CLEAR_SE = 2;

interface Fit {
	beta: number[];
	alpha: number;
	r2: number;
}

/**
 * Least squares of y on the columns of x with an intercept, each coefficient held to its
 * sign (+1 or −1): every subset of free columns is fitted and the best fit whose signs all
 * agree is kept (5 columns: 32 small fits), which is exact sign-constrained least squares.
 * Columns are centred; the fit uses the centred cross-products `sxx` and `sxy`.
 */
function constrainedFit(
	sxx: number[][],
	sxy: number[],
	syy: number,
	signs: readonly number[],
	ybar: number,
	xbar: readonly number[]
): Fit {
	const k = signs.length;
	let best: number[] = new Array<number>(k).fill(0);
	let bestSse = syy;
	for (let mask = 1; mask < 1 << k; mask++) {
		const cols: number[] = [];
		for (let j = 0; j < k; j++) if (mask & (1 << j)) cols.push(j);
		const b = solve(
			cols.map((r) => cols.map((c) => sxx[r][c])),
			cols.map((r) => sxy[r])
		);
		if (!b) continue;
		if (b.some((v, i) => v * signs[cols[i]] < 0)) continue;
		// SSE = syy − 2 b·sxy + b'·sxx·b, which for the least-squares b is syy − b·sxy.
		let explained = 0;
		for (let i = 0; i < cols.length; i++) explained += b[i] * sxy[cols[i]];
		const sse = syy - explained;
		if (sse < bestSse - 1e-15 * Math.max(1, syy)) {
			bestSse = sse;
			best = new Array<number>(k).fill(0);
			cols.forEach((c, i) => (best[c] = b[i]));
		}
	}
	let alpha = ybar;
	for (let j = 0; j < k; j++) alpha -= best[j] * xbar[j];
	return { beta: best, alpha, r2: syy > 0 ? Math.max(0, 1 - bestSse / syy) : 0 };
}

/** Solves a small symmetric system by Gaussian elimination; null if it is (near) singular. */
function solve(m: number[][], v: number[]): number[] | null {
	const n = v.length;
	const a = m.map((row, i) => [...row, v[i]]);
	const scale = Math.max(1e-300, ...m.map((row, i) => Math.abs(row[i])));
	for (let c = 0; c < n; c++) {
		let p = c;
		for (let r = c + 1; r < n; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
		if (Math.abs(a[p][c]) < 1e-10 * scale) return null;
		[a[c], a[p]] = [a[p], a[c]];
		for (let r = c + 1; r < n; r++) {
			const f = a[r][c] / a[c][c];
			for (let k = c; k <= n; k++) a[r][k] -= f * a[c][k];
		}
	}
	const out = new Array<number>(n).fill(0);
	for (let r = n - 1; r >= 0; r--) {
		let s = a[r][n];
		for (let k = r + 1; k < n; k++) s -= a[r][k] * out[k];
		out[r] = s / a[r][r];
	}
	return out;
}

/** Centred cross-products of the futures listed in `rows` (with repeats, for the bootstrap). */
function moments(
	y: readonly number[],
	x: readonly (readonly number[])[],
	rows: ArrayLike<number>
): { ybar: number; xbar: number[]; sxx: number[][]; sxy: number[]; syy: number } {
	const k = x.length;
	const n = rows.length;
	let ybar = 0;
	const xbar = new Array<number>(k).fill(0);
	for (let r = 0; r < n; r++) {
		const i = rows[r];
		ybar += y[i];
		for (let j = 0; j < k; j++) xbar[j] += x[j][i];
	}
	ybar /= n;
	for (let j = 0; j < k; j++) xbar[j] /= n;
	const sxx = Array.from({ length: k }, () => new Array<number>(k).fill(0));
	const sxy = new Array<number>(k).fill(0);
	let syy = 0;
	const d = new Array<number>(k);
	for (let r = 0; r < n; r++) {
		const i = rows[r];
		const dy = y[i] - ybar;
		syy += dy * dy;
		for (let j = 0; j < k; j++) d[j] = x[j][i] - xbar[j];
		for (let j = 0; j < k; j++) {
			sxy[j] += d[j] * dy;
			for (let l = j; l < k; l++) sxx[j][l] += d[j] * d[l];
		}
	}
	for (let j = 0; j < k; j++) for (let l = 0; l < j; l++) sxx[j][l] = sxx[l][j];
	return { ybar, xbar, sxx, sxy, syy };
}

/** A small seeded generator for the bootstrap (mulberry32), so the answer is reproducible. */
function resampler(seed: number): () => number {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * A signed trust difference for words: "+0.08", "−0.012" (two decimals from 0.1 up, three
 * below, unless `digits` is given); "0.000" when it rounds to nothing.
 */
export function signedTrust(v: number, digits?: number): string {
	if (!Number.isFinite(v)) return 'unknown';
	const d = digits ?? (Math.abs(v) >= 0.0995 ? 2 : 3);
	const s = Math.abs(v).toFixed(d);
	if (Number(s) === 0) return s;
	return `${v > 0 ? '+' : '−'}${s}`;
}

/**
 * Splits the mean paired difference in final-year trust, B − A, into the mechanisms.
 * `runsA` and `runsB` hold each future's end metrics in run order, paired by index.
 */
export function explainRuns(
	runsA: WhyRuns,
	runsB: WhyRuns,
	letters: { a: string; b: string } = { a: 'A', b: 'B' }
): WhyOutcome {
	const n = runsA.finalTrust.length;
	if (runsB.finalTrust.length !== n)
		return {
			ok: false,
			error: `The two results have different numbers of futures (${n} and ${runsB.finalTrust.length}), so they cannot be paired.`
		};
	const { a: la, b: lb } = letters;
	const y = runsB.finalTrust.map((v, i) => v - runsA.finalTrust[i]);
	const { mean: total, se: totalSe } = meanAndError(y);
	const base = { total, totalSe, n };

	if (y.every((v) => v === 0))
		return {
			ok: true,
			value: {
				...base,
				verdict: 'same',
				heading: 'Why do they differ?',
				items: [],
				explainedShare: NaN,
				r2: 0,
				sentence: `${lb} and ${la} end with the same trust in every future: there is no difference to explain.`,
				caveat: '',
				inseparable: []
			}
		};

	// Mechanisms that vary from future to future can be fitted; one that differs by the same
	// amount in every future cannot be told apart from the levers' direct effect.
	const diffs = WHY_MECHANISMS.map((m) => runsB[m.key].map((v, i) => v - runsA[m.key][i]));
	const fitted: number[] = [];
	const inseparable: string[] = [];
	diffs.forEach((d, j) => {
		const { mean } = meanAndError(d);
		const varies = d.some((v) => Math.abs(v - d[0]) > 1e-12 * Math.max(1, Math.abs(d[0])));
		if (varies) fitted.push(j);
		else if (mean !== 0) inseparable.push(WHY_MECHANISMS[j].noun);
	});
	const need = FUTURES_PER_TERM * (fitted.length + 1);
	if (n < need)
		return {
			ok: false,
			error: `${n} futures are too few to split the difference between ${fitted.length} mechanisms: run at least ${need}.`
		};

	const x = fitted.map((j) => diffs[j]);
	const signs = fitted.map((j) => WHY_MECHANISMS[j].sign);
	const all = Uint32Array.from({ length: n }, (_, i) => i);
	const m0 = moments(y, x, all);
	const fit = constrainedFit(m0.sxx, m0.sxy, m0.syy, signs, m0.ybar, m0.xbar);
	const parts = fitted.map((_, c) => fit.beta[c] * m0.xbar[c]);

	// Bootstrap over futures (pairs kept together) for each part's standard error.
	const next = resampler(0x5eed ^ n);
	const rows = new Uint32Array(n);
	const sum = new Array<number>(fitted.length + 1).fill(0);
	const sum2 = new Array<number>(fitted.length + 1).fill(0);
	for (let r = 0; r < RESAMPLES; r++) {
		for (let i = 0; i < n; i++) rows[i] = Math.floor(next() * n);
		const m = moments(y, x, rows);
		const f = constrainedFit(m.sxx, m.sxy, m.syy, signs, m.ybar, m.xbar);
		const values = [...f.beta.map((b, c) => b * m.xbar[c]), f.alpha];
		values.forEach((v, c) => {
			sum[c] += v;
			sum2[c] += v * v;
		});
	}
	const se = sum.map((s, c) =>
		Math.sqrt(Math.max(0, (sum2[c] - (s * s) / RESAMPLES) / (RESAMPLES - 1)))
	);

	const items: WhyItem[] = fitted.map((j, c) => {
		const info = WHY_MECHANISMS[j];
		const meanChange = m0.xbar[c];
		return {
			mechanism: info.key,
			label: info.label,
			contribution: parts[c],
			se: se[c],
			share: total !== 0 ? parts[c] / total : NaN,
			direction:
				meanChange > 0
					? info.more
					: meanChange < 0
						? info.less
						: `${info.noun}: no change on average`,
			meanChange,
			perUnit: fit.beta[c]
		};
	});
	items.sort((p, q) => Math.abs(q.contribution) - Math.abs(p.contribution));
	const rest: WhyItem = {
		mechanism: 'rest',
		label: REST_LABEL,
		contribution: fit.alpha,
		se: se[fitted.length],
		share: total !== 0 ? fit.alpha / total : NaN,
		direction: "the levers' direct effect and everything not counted",
		meanChange: NaN,
		perUnit: NaN
	};
	items.push(rest);

	const counted = items.slice(0, -1).reduce((s, it) => s + it.contribution, 0);
	const explainedShare = total !== 0 ? counted / total : NaN;
	const clear = Math.abs(total) >= CLEAR_SE * totalSe && total !== 0;
	const verdict: WhyVerdict = !clear ? 'unclear' : total > 0 ? 'b-better' : 'a-better';
	const heading =
		verdict === 'b-better'
			? `Why is ${lb} better?`
			: verdict === 'a-better'
				? `Why is ${la} better?`
				: 'Why do they differ?';

	const sentence = words(verdict, items, rest, total, totalSe, fit.r2, la, lb);
	// Mechanisms that differ the way the model's rules say favours the better design, yet get
	// no part: from future to future they do not move with the difference in trust, so the fit
	// held them at zero. Said, so that a missing bar is not read as "no effect".
	const setAside =
		verdict === 'unclear'
			? []
			: fitted.flatMap((j, c) =>
					fit.beta[c] === 0 && WHY_MECHANISMS[j].sign * m0.xbar[c] * total > 0
						? [WHY_MECHANISMS[j].noun]
						: []
				);
	const caveat =
		`An association within the model across ${n} paired futures, not a separate experiment for each mechanism. ` +
		'Views acted on, shared decisions and KPI reviews met also follow from trust (people who trust climb the ladder and turn up), ' +
		'so part of what they carry is trust feeding itself; read them as the channels the difference runs through.' +
		(inseparable.length
			? ` ${listWords(inseparable).replace(/^./, (c) => c.toUpperCase())} differ by the same amount in every future, so their part cannot be told apart from the levers' direct effect and is counted there.`
			: '') +
		(setAside.length
			? ` ${listWords(setAside).replace(/^./, (c) => c.toUpperCase())} differ in the direction that favours ${total > 0 ? lb : la}, but from future to future they do not move with the difference in trust, so this split gives them no part: their effect, whatever it is, is counted with the rest.`
			: '');
	return {
		ok: true,
		value: {
			...base,
			verdict,
			heading,
			items,
			explainedShare,
			r2: fit.r2,
			sentence,
			caveat,
			inseparable
		}
	};
}

/** The answer in words, never claiming more than the split shows. */
function words(
	verdict: WhyVerdict,
	items: WhyItem[],
	rest: WhyItem,
	total: number,
	totalSe: number,
	r2: number,
	la: string,
	lb: string
): string {
	const t = signedTrust(total);
	if (verdict === 'unclear')
		return (
			`${lb} and ${la} end with about the same trust in the final year ` +
			`(${lb} − ${la} = ${t} ± ${Math.abs(totalSe).toFixed(3)} on average): too close to say why one is better.`
		);
	const mechanisms = items.filter((it) => it.mechanism !== 'rest');
	const material = (it: WhyItem) =>
		Math.abs(it.contribution) >= MATERIAL_SHARE * Math.abs(total) &&
		Math.abs(it.contribution) >= CLEAR_SE * it.se;
	const helping = mechanisms.filter((it) => material(it) && it.contribution * total > 0);
	const against = mechanisms.filter((it) => material(it) && it.contribution * total < 0);
	const lead =
		verdict === 'b-better'
			? `${lb} ends with more trust than ${la} (${t} in the final year, on average)`
			: `${lb} ends with less trust than ${la} (${t} in the final year, on average)`;
	const helpingSum = helping.reduce((s, it) => s + it.contribution, 0);
	let out: string;
	if (helping.length === 0) {
		out = `${lead}, and none of the mechanisms counted here clearly carries it`;
	} else {
		const how = helpingSum / total >= 0.5 ? 'mainly' : 'partly';
		const reasons = helping.slice(0, 3).map((it, i) => {
			const v = signedTrust(it.contribution);
			return i === 0 ? `it ${it.direction} (about ${v} of the ${t})` : `${it.direction} (${v})`;
		});
		out = `${lead}, which goes ${how} with the fact that ${listWords(reasons)}`;
	}
	if (against.length > 0) {
		const nouns = against
			.slice(0, 2)
			.map((it) => WHY_MECHANISMS.find((m) => m.key === it.mechanism)?.noun ?? it.label);
		const values = against.slice(0, 2).map((it) => signedTrust(it.contribution));
		out +=
			against.length === 1
				? `; ${nouns[0]} cut the other way (${values[0]})`
				: `; ${nouns[0]} (${values[0]}) and ${nouns[1]} (${values[1]}) cut the other way`;
	}
	out += '.';
	const restShare = rest.contribution / total;
	if (restShare >= 0.5)
		out += ` The mechanisms counted here explain little of it: ${signedTrust(rest.contribution)} of the ${t} is not attributed to them (the levers' direct effect and everything else).`;
	else if (Math.abs(rest.contribution) >= MATERIAL_SHARE * Math.abs(total))
		out += ` The levers' direct effect and everything else add ${signedTrust(rest.contribution)}.`;
	if (r2 < 0.2)
		out += ` They track only ${Math.round(r2 * 100)}% of how the difference varies from future to future, so the split is rough.`;
	return out;
}

/** Splits the paired difference in final-year trust between two summaries (A, then B). */
export function explainDifference(
	a: Summary,
	b: Summary,
	letters: { a: string; b: string } = { a: 'A', b: 'B' }
): WhyOutcome {
	if (a.receipt.seed !== b.receipt.seed)
		return {
			ok: false,
			error: 'These results use different random seeds, so their futures cannot be paired.'
		};
	return explainRuns(a.perRun, b.perRun, letters);
}
