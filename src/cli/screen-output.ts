/**
 * What `npm run sim -- --screen` writes: for each screened output, the inputs it depends on
 * most, as text, as JSON (every input), or as one Markdown table for the model documentation.
 */
import { MODEL_VERSION, type Scenario } from '../lib/sim/index';
import type {
	Factor,
	FactorEffect,
	FactorKind,
	OutputScreening,
	ScreeningResult
} from '../lib/sim/screening';

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/**
 * A number to three significant figures: whole with thousands separators from 1,000 up, in
 * powers of ten below 0.001.
 */
export function sig3(v: number): string {
	if (!Number.isFinite(v)) return '–';
	if (v === 0) return '0';
	if (Math.abs(v) >= 1000) return wholeNumber.format(v);
	if (Math.abs(v) < 0.001) return v.toExponential(1);
	return String(Number(v.toPrecision(3)));
}

/** An output's top inputs by μ*: at most `top`, and only those that changed it at all. */
function topEffects(o: OutputScreening, top: number): FactorEffect[] {
	return o.ranked.slice(0, top).filter((e) => e.muStar > 0);
}

/** How an input's kind is written. */
function kindText(kind: FactorKind): string {
	switch (kind) {
		case 'parameter':
			return 'parameter';
		case 'constant':
			return 'constant';
		case 'segment':
			return 'segment parameter';
		default:
			return kind satisfies never;
	}
}

function countKind(factors: readonly Factor[], kind: FactorKind): number {
	return factors.filter((f) => f.target.kind === kind).length;
}

/** One sentence on what was screened and how. */
function screeningHeader(scenario: Scenario, r: ScreeningResult): string {
	const f = r.factors;
	return (
		`Morris screening of "${scenario.name}": ${f.length} inputs (${countKind(f, 'parameter')} parameters, ` +
		`${countKind(f, 'segment')} segment parameters applied to every segment, ${countKind(f, 'constant')} internal constants), ` +
		`${r.trajectories} trajectories on a ${r.levels}-level grid (Δ = ${sig3(r.delta)} of each range), ` +
		`${r.runs} future${r.runs === 1 ? '' : 's'} a point on seed ${r.seed} (the same futures at every point) over ${r.horizonMonths} months: ` +
		`${wholeNumber.format(r.points)} points, ${wholeNumber.format(r.points * r.runs)} futures; model ${MODEL_VERSION}.`
	);
}

const LEGEND =
	'μ* is the mean absolute elementary effect: how much the output changes, in its own units, ' +
	'when the input moves over its full range (on its scale) with the others held; μ is the mean ' +
	'effect, whose sign is the direction when the effects agree; σ is their spread, large where ' +
	"the input's effect depends on the other inputs or is not linear.";

function unitText(o: OutputScreening): string {
	return o.output.unit ? ` (${o.output.unit})` : '';
}

/** The screening as text: per output, its top `top` inputs by μ*, with μ, σ and their kind. */
export function screeningText(scenario: Scenario, r: ScreeningResult, top: number): string {
	const lines = [screeningHeader(scenario, r), LEGEND, ''];
	for (const o of r.outputs) {
		lines.push(
			`${o.output.label}${unitText(o)}: from ${sig3(o.min)} to ${sig3(o.max)} over the design, mean ${sig3(o.mean)}`
		);
		const shown = topEffects(o, top);
		if (shown.length === 0) {
			lines.push('  No input changed it over the design.', '');
			continue;
		}
		const rows = [['rank', 'input', 'kind', 'μ*', 'μ', 'σ']];
		shown.forEach((e, i) => {
			const f = r.factors[e.factor];
			rows.push([
				String(i + 1),
				f.id,
				kindText(f.target.kind),
				sig3(e.muStar),
				sig3(e.mu),
				sig3(e.sigma)
			]);
		});
		const widths = rows[0].map((_, c) => Math.max(...rows.map((row) => row[c].length)));
		for (const row of rows)
			lines.push(
				'  ' +
					row
						.map((cell, c) =>
							c === 1 || c === 2 ? cell.padEnd(widths[c]) : cell.padStart(widths[c])
						)
						.join('  ')
						.trimEnd()
			);
		if (shown.length < top) lines.push('  No other input changed it over the design.');
		lines.push('');
	}
	return lines.join('\n');
}

/** The screening as JSON: the settings, every input, and per output every input ranked by μ*. */
export function screeningJson(scenario: Scenario, r: ScreeningResult): string {
	const doc = {
		screening: {
			method: 'Morris elementary effects',
			modelVersion: MODEL_VERSION,
			seed: r.seed,
			trajectories: r.trajectories,
			levels: r.levels,
			delta: r.delta,
			runsPerPoint: r.runs,
			points: r.points,
			horizonMonths: r.horizonMonths
		},
		scenario,
		inputs: r.factors.map((f) => ({
			id: f.id,
			kind: f.target.kind,
			label: f.label,
			unit: f.unit,
			min: f.min,
			max: f.max,
			default: f.default,
			scale: f.scale,
			integer: f.integer
		})),
		outputs: r.outputs.map((o) => ({
			metric: o.output.metric,
			label: o.output.label,
			unit: o.output.unit,
			min: o.min,
			mean: o.mean,
			max: o.max,
			ranked: o.ranked.map((e) => ({
				id: r.factors[e.factor].id,
				muStar: e.muStar,
				mu: e.mu,
				sigma: e.sigma,
				muStarSe: e.muStarSe
			}))
		}))
	};
	return JSON.stringify(doc, null, 2) + '\n';
}

/**
 * The rows of the Markdown table: the union of each output's top `top` inputs (those that
 * changed it at all), ordered by
 * their largest μ* relative to the largest μ* of the same output (outputs are in different
 * units, so an input's importance is read against the output's most important input).
 */
export function tableRows(r: ScreeningResult, top: number): number[] {
	const weight = new Map<number, number>();
	for (const o of r.outputs) {
		const largest = o.ranked[0]?.muStar ?? 0;
		for (const e of topEffects(o, top)) {
			const rel = largest > 0 ? e.muStar / largest : 0;
			weight.set(e.factor, Math.max(weight.get(e.factor) ?? 0, rel));
		}
	}
	return [...weight.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0]).map(([f]) => f);
}

function escapeCell(text: string): string {
	return text.replace(/\|/g, '\\|');
}

/**
 * The screening as one Markdown table for the model documentation: a row per input in any
 * output's top `top`, a column of μ* per output, bold where the input is in that output's top.
 */
export function screeningMarkdown(scenario: Scenario, r: ScreeningResult, top: number): string {
	const inTop = r.outputs.map((o) => new Set(topEffects(o, top).map((e) => e.factor)));
	const muStar = r.outputs.map((o) => new Map(o.ranked.map((e) => [e.factor, e.muStar])));
	const header = ['Input', 'Kind', ...r.outputs.map((o) => `${o.output.short}${unitText(o)}`)];
	const lines = [
		`${screeningHeader(scenario, r)} ${LEGEND} Each column gives μ* for one output; bold marks that output's top ${top}. Rows are the inputs in any output's top ${top}, most important first (by μ* relative to the output's largest).`,
		'',
		`| ${header.map(escapeCell).join(' | ')} |`,
		`| ${header.map((_, i) => (i < 2 ? '---' : '---:')).join(' | ')} |`
	];
	for (const f of tableRows(r, top)) {
		const factor = r.factors[f];
		const cells = [
			`${escapeCell(factor.label)} (\`${factor.id}\`)`,
			kindText(factor.target.kind),
			...r.outputs.map((_, o) => {
				const v = sig3(muStar[o].get(f) ?? NaN);
				return inTop[o].has(f) ? `**${v}**` : v;
			})
		];
		lines.push(`| ${cells.join(' | ')} |`);
	}
	return lines.join('\n') + '\n';
}
