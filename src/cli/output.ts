/**
 * What `npm run sim` writes: the summary as JSON or the headline figures as text (the
 * monthly bands as CSV come from `src/lib/export/bands.ts`, shared with the app); and a
 * sweep's headline figures, one line or row per value.
 */
import { type MetricKey, type Probability, type Scenario, type Summary } from '../lib/sim/index';
import { csvNumber } from '../lib/export/bands';
import type { Robustness } from '../lib/analysis/robustness';

/** A second scenario run paired with the first (`--compare`), and the verdict. */
export interface Compared {
	scenario: Scenario;
	summary: Summary;
	/** How the two are called in words (told apart when their names are the same). */
	names: { a: string; b: string };
	verdict: Robustness;
}

/**
 * The JSON document: the scenario that ran, the receipt (model version, seed, runs, scenario
 * hash, assumption mode), monthly bands per series (index 0 is month 1), end metrics (with
 * `explained`, the people told plainly why their idea could not be acted on) and
 * probabilities; in the uncertain mode `spread` (how much of the spread of final-year trust
 * the assumptions explain, and which most); with `--compare`, `comparison`: the second
 * scenario's name, receipt and metrics, `pBetter` (outcome -> chance the second is better)
 * and `flips` (regions of the assumptions where the answer turns, `{ text, share }`).
 */
export function toJson(scenario: Scenario, summary: Summary, compared?: Compared): string {
	const doc = {
		receipt: summary.receipt,
		scenario,
		series: summary.series,
		metrics: { ...summary.metrics, explained: summary.explained },
		probabilities: summary.probabilities,
		...(summary.spread !== undefined ? { spread: summary.spread } : {}),
		...(compared
			? {
					comparison: {
						scenario: compared.scenario.name,
						receipt: compared.summary.receipt,
						metrics: compared.summary.metrics,
						mode: compared.verdict.mode,
						outcome: compared.verdict.outcome,
						winner:
							compared.verdict.winner === 'B'
								? 'second'
								: compared.verdict.winner === 'A'
									? 'first'
									: 'same',
						pBetter: compared.verdict.pBetter,
						flips: compared.verdict.flips.map((f) => ({ text: f.text, share: f.share })),
						...(compared.verdict.noFlip ? { noFlip: compared.verdict.noFlip } : {}),
						...(compared.verdict.concentration
							? {
									concentration: {
										text: compared.verdict.concentration.text,
										share: compared.verdict.concentration.share,
										density: compared.verdict.concentration.density
									}
								}
							: {})
					}
				}
			: {})
	};
	return JSON.stringify(doc, null, 2) + '\n';
}

// ---------------------------------------------------------------------------------------
// Headline figures.

/**
 * How a headline figure is written: a 0-to-1 score, a share or a probability (as a percentage),
 * people, a count, or a number of months.
 */
export type FigureKind = 'score' | 'share' | 'probability' | 'people' | 'count' | 'months';

/** One headline figure of a summary: its mean over futures with the Monte Carlo error. */
export interface HeadlineFigure {
	/** Column stem in a sweep's CSV. */
	key: string;
	label: string;
	/** A short label for a sweep's column. */
	short: string;
	kind: FigureKind;
	/** Mean over futures (a probability's estimate). */
	mean: number;
	/** Monte Carlo standard error of the mean: sd / √n, or √(p(1 − p) / n). */
	se: number;
	/** The 5% and 95% points over futures; null for a probability. */
	p5: number | null;
	p95: number | null;
}

function meanAndSe(values: readonly number[]): { mean: number; se: number } {
	const n = values.length;
	if (n === 0) return { mean: NaN, se: NaN };
	let sum = 0;
	for (const v of values) sum += v;
	const mean = sum / n;
	let ss = 0;
	for (const v of values) ss += (v - mean) ** 2;
	return { mean, se: n > 1 ? Math.sqrt(ss / (n - 1) / n) : NaN };
}

function metricFigure(
	summary: Summary,
	metric: MetricKey,
	kind: FigureKind,
	label: string,
	short: string
): HeadlineFigure {
	const m = summary.metrics[metric];
	return {
		key: metric,
		label,
		short,
		kind,
		...meanAndSe(summary.perRun[metric]),
		p5: m.p5,
		p95: m.p95
	};
}

function probabilityFigure(
	p: Probability,
	key: string,
	label: string,
	short: string
): HeadlineFigure {
	return { key, label, short, kind: 'probability', mean: p.p, se: p.se, p5: null, p95: null };
}

/** The headline figures of a summary, in reading order. */
export function headline(summary: Summary): HeadlineFigure[] {
	const pr = summary.probabilities;
	return [
		metricFigure(summary, 'finalTrust', 'score', 'Trust in the final year', 'Trust final'),
		metricFigure(summary, 'meanTrust', 'score', 'Trust over the whole horizon', 'Trust horizon'),
		probabilityFigure(
			pr.trustAboveThreshold,
			'pTrustAboveThreshold',
			`P(trust in the final year ≥ ${summary.threshold})`,
			'P(trust≥thr)'
		),
		metricFigure(
			summary,
			'monthsAbove',
			'months',
			`Months with trust ≥ ${summary.threshold}`,
			'Months≥thr'
		),
		probabilityFigure(pr.collapse, 'pCollapse', 'P(collapse)', 'P(collapse)'),
		metricFigure(summary, 'brokenPromises', 'people', 'Broken promises (people)', 'Broken'),
		metricFigure(summary, 'outcomes', 'people', 'Health outcomes (people)', 'Outcomes'),
		metricFigure(summary, 'tookPart', 'share', 'Took part, final year', 'Took part'),
		metricFigure(summary, 'sharedDecisions', 'share', 'Shared decisions, final year', 'Shared'),
		metricFigure(summary, 'providerChanges', 'count', 'Changes of provider', 'Changes'),
		metricFigure(summary, 'kpiMet', 'share', 'KPI reviews met', 'KPI met')
	];
}

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/**
 * A value of a headline figure as text: scores to 3 places, shares as percentages, people
 * whole, months to one place.
 */
export function formatValue(kind: FigureKind, v: number | null): string {
	if (v === null || !Number.isFinite(v)) return '–';
	switch (kind) {
		case 'score':
			return v.toFixed(3);
		case 'share':
		case 'probability':
			return `${(100 * v).toFixed(1)}%`;
		case 'people':
			return wholeNumber.format(v);
		case 'count':
			return v.toFixed(2);
		case 'months':
			return v.toFixed(1);
		default:
			return kind satisfies never;
	}
}

/** A standard error as text, in the figure's units (a percentage in points). */
function formatSe(kind: FigureKind, se: number): string {
	if (!Number.isFinite(se)) return '–';
	switch (kind) {
		case 'score':
			return se.toFixed(3);
		case 'share':
		case 'probability':
			return (100 * se).toFixed(1);
		case 'people':
			return se < 10 ? se.toFixed(1) : wholeNumber.format(se);
		case 'count':
			return se.toFixed(2);
		case 'months':
			return se.toFixed(1);
		default:
			return kind satisfies never;
	}
}

function meanPlusMinus(f: HeadlineFigure): string {
	// A chance of 0 or 1 has no Monte Carlo error to speak of: say what was seen instead.
	if (f.kind === 'probability' && (f.mean === 0 || f.mean === 1))
		return f.mean === 0 ? 'in no future' : 'in every future';
	return `${formatValue(f.kind, f.mean)} ± ${formatSe(f.kind, f.se)}`;
}

/** Lines of columns, each padded to its widest cell; the first column left-aligned, others right. */
function columns(rows: readonly (readonly string[])[], gap = '  '): string[] {
	const widths: number[] = [];
	for (const row of rows)
		row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
	return rows.map((row) =>
		row
			.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
			.join(gap)
			.trimEnd()
	);
}

/** A short human summary of a run: each headline figure with its Monte Carlo error and band. */
export function toText(scenario: Scenario, summary: Summary, compared?: Compared): string {
	const r = summary.receipt;
	const rows: string[][] = [['', 'mean ± s.e.', '5% to 95%']];
	for (const f of headline(summary))
		rows.push([
			f.label,
			meanPlusMinus(f),
			f.p5 === null || f.p95 === null
				? ''
				: `${formatValue(f.kind, f.p5)} to ${formatValue(f.kind, f.p95)}`
		]);
	return (
		[
			scenario.name,
			`${wholeNumber.format(r.runs)} futures on seed ${r.seed} over ${summary.months} months; model ${r.modelVersion}.`,
			assumptionsLine(summary),
			'± is the Monte Carlo standard error of the mean; the band is where 90% of futures fall.',
			'',
			...columns(rows),
			...(compared ? ['', ...comparisonLines(compared)] : [])
		].join('\n') + '\n'
	);
}

/** The assumption mode in words, and in the uncertain mode where the spread comes from. */
function assumptionsLine(summary: Summary): string {
	const a = summary.receipt.assumptions;
	const pinned = a && a.pinned > 0 ? `, ${a.pinned} pinned` : '';
	if (a?.mode !== 'uncertain')
		return `Assumptions fixed at their best guesses${pinned}: the spread is chance alone.`;
	const spread = summary.spread;
	if (!spread)
		return `Uncertain assumptions${pinned}: each future drew its own (too few futures to say how much of the spread they explain).`;
	const top = spread.drivers
		.slice(0, 3)
		.map((d) => d.label.toLowerCase())
		.join(', ');
	return `Uncertain assumptions${pinned}: at least ${Math.round(spread.fromAssumptions * 100)}% of the spread of final-year trust comes from them, the rest from chance and from assumptions acting together; most from ${top}.`;
}

function comparisonLines(c: Compared): string[] {
	const v = c.verdict;
	const { a: firstName, b: secondName } = c.names;
	const pct = (p: number) => `${Math.round(p * 100)}%`;
	const chance = v.pBetter.finalTrust;
	const lines = [
		`Compared with ${secondName} (paired, ${v.n} futures, ${v.mode} assumptions):`,
		chance === 0 || chance === 1
			? `  ${secondName} has higher final-year trust in ${chance === 1 ? 'every' : 'no'} simulated future`
			: `  chance ${secondName} has higher final-year trust: ${pct(chance)}${v.close ? ' (too close to call)' : ''}`
	];
	for (const f of v.flips)
		lines.push(
			`  ${v.winner === 'B' ? firstName : secondName} wins where ${f.text} (${pct(f.share)} of the assumptions tried)`
		);
	if (v.noFlip) lines.push(`  ${v.noFlip}`);
	return lines;
}

/** One value of a sweep with its scenario and summary. */
export interface SweepRow {
	value: number;
	scenario: Scenario;
	summary: Summary;
}

/** A sweep's figures as text: one line per value, each figure as mean ± s.e. */
export function sweepText(path: string, sweep: readonly SweepRow[]): string {
	if (sweep.length === 0) return '';
	const rows: string[][] = [[path, ...headline(sweep[0].summary).map((f) => f.short)]];
	for (const { value, summary } of sweep)
		rows.push([String(value), ...headline(summary).map(meanPlusMinus)]);
	const r = sweep[0].summary.receipt;
	return (
		[
			`${sweep[0].scenario.name}: ${path} swept over ${sweep.length} value${sweep.length === 1 ? '' : 's'}, ${wholeNumber.format(r.runs)} futures each on seed ${r.seed} (the same futures at every value).`,
			'Each cell is mean ± Monte Carlo standard error; shares and probabilities in %, people whole.',
			'P(trust≥thr): trust in the final year at or above the trust threshold.',
			'Months≥thr: months of the horizon with trust at or above the trust threshold.',
			'',
			...columns(rows)
		].join('\n') + '\n'
	);
}

/** A sweep's figures as CSV: one row per value; per figure its mean, s.e. and 5% and 95% points. */
export function sweepCsv(path: string, sweep: readonly SweepRow[]): string {
	if (sweep.length === 0) return '';
	const cols = [path];
	for (const f of headline(sweep[0].summary)) {
		cols.push(`${f.key}_mean`, `${f.key}_se`);
		if (f.kind !== 'probability') cols.push(`${f.key}_p5`, `${f.key}_p95`);
	}
	const lines = [cols.join(',')];
	for (const { value, summary } of sweep) {
		const row = [csvNumber(value)];
		for (const f of headline(summary)) {
			row.push(csvNumber(f.mean), csvNumber(f.se));
			if (f.kind !== 'probability') row.push(csvNumber(f.p5 ?? NaN), csvNumber(f.p95 ?? NaN));
		}
		lines.push(row.join(','));
	}
	return lines.join('\n') + '\n';
}

/** A sweep as JSON: per value, the receipt and the headline figures. */
export function sweepJson(path: string, sweep: readonly SweepRow[]): string {
	const doc = {
		path,
		values: sweep.map(({ value, summary }) => ({
			value,
			receipt: summary.receipt,
			headline: Object.fromEntries(
				headline(summary).map((f) => [f.key, { mean: f.mean, se: f.se, p5: f.p5, p95: f.p95 }])
			)
		}))
	};
	return JSON.stringify(doc, null, 2) + '\n';
}
