/**
 * Results as CSV for spreadsheets: the monthly percentile bands (the same columns as the
 * command line's `--csv`), the per-run end metrics, the assumptions, and any chart's table.
 * Pure functions: no DOM.
 */
import { csvNumber, toCsv } from './bands';
import {
	METRICS,
	NEVER,
	PARAMS,
	SEGMENT_PARAMS,
	getParam,
	type MetricKey,
	type Scenario,
	type Summary
} from '$lib/sim';
import type { TableData } from '$lib/charts';

/**
 * One CSV field: quoted when it holds a comma, a quote, a line break or leading or trailing
 * space, with quotes doubled (RFC 4180). A field starting with =, +, - or @ that is not a
 * number is prefixed with an apostrophe, so a spreadsheet never runs it as a formula.
 */
export function csvField(value: string | number): string {
	if (typeof value === 'number') return csvNumber(value);
	let text = value;
	if (/^[=+\-@\t\r]/.test(text) && !/^[-+]?\d/.test(text)) text = `'${text}`;
	return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A CSV line from fields. */
export function csvLine(fields: readonly (string | number)[]): string {
	return fields.map(csvField).join(',');
}

/**
 * Monthly percentile bands: a header (`month`, then `<series>_<stat>` for every series and
 * p5 to p95 and the mean), then one row per month, months numbered from 1. Identical to the
 * command line's CSV.
 */
export function bandsCsv(summary: Summary): string {
	return toCsv(summary);
}

/** The per-run end metrics' column names, in order. */
const PER_RUN_COLUMNS: readonly string[] = ['run', ...METRICS];

/** A per-run value as a CSV cell: "never reached" months to trust are left empty. */
function perRunCell(key: MetricKey, v: number): string {
	if (key === 'monthsToTrust' && v === NEVER) return '';
	return csvNumber(v);
}

/**
 * Per-run end metrics: a header (`run`, then every end metric), then one row per simulated
 * future in run order, runs numbered from 1. A future that never reaches the trust
 * threshold has an empty `monthsToTrust`; `collapsed` is 1 or 0.
 */
export function perRunCsv(summary: Summary): string {
	const n = summary.perRun[METRICS[0]].length;
	const lines = [csvLine(PER_RUN_COLUMNS)];
	for (let i = 0; i < n; i++) {
		const row = [String(i + 1)];
		for (const key of METRICS) row.push(perRunCell(key, summary.perRun[key][i]));
		lines.push(row.join(','));
	}
	return lines.join('\n') + '\n';
}

/** One parameter as the report and the assumptions CSV show it. */
export interface Assumption {
	/** Dotted path in the scenario, e.g. `contract.lengthMonths` or `community.segments.0.size`. */
	path: string;
	/** The registry's path of the parameter (a segment field's path inside its segment). */
	specPath: string;
	group: string;
	/** The parameter's label (a segment field's label, without the segment's name). */
	label: string;
	/** The segment's name, for a segment field. */
	segment?: string;
	unit: string;
	value: number;
	/** The value in the scenario it is compared with, or null where that has no such field. */
	reference: number | null;
	differs: boolean;
}

/**
 * Every parameter of a scenario (the top-level ones in registry order, then each segment's
 * fields), with whether it differs from a reference scenario (its preset, say).
 */
export function assumptions(scenario: Scenario, reference: Scenario): Assumption[] {
	const list: Assumption[] = PARAMS.map((spec) => {
		const value = getParam(scenario, spec.path);
		const ref = getParam(reference, spec.path);
		return {
			path: spec.path,
			specPath: spec.path,
			group: spec.group,
			label: spec.label,
			unit: spec.unit,
			value,
			reference: Number.isFinite(ref) ? ref : null,
			differs: value !== ref
		};
	});
	scenario.community.segments.forEach((segment, i) => {
		const other = reference.community.segments[i];
		for (const spec of SEGMENT_PARAMS) {
			const path = `community.segments.${i}.${spec.path}`;
			const value = getParam(scenario, path);
			const ref = other ? getParam(reference, path) : NaN;
			list.push({
				path,
				specPath: spec.path,
				group: 'Community',
				label: spec.label,
				segment: segment.name,
				unit: spec.unit,
				value,
				reference: Number.isFinite(ref) ? ref : null,
				differs: other === undefined || value !== ref
			});
		}
	});
	return list;
}

/**
 * The assumptions: a header, then one row per parameter with its path, group, segment
 * (for a segment's field), label, value, unit, the reference value and whether it differs
 * (yes or no).
 */
export function assumptionsCsv(list: readonly Assumption[], referenceName: string): string {
	const lines = [
		csvLine(['path', 'group', 'segment', 'label', 'value', 'unit', referenceName, 'differs'])
	];
	for (const a of list)
		lines.push(
			csvLine([
				a.path,
				a.group,
				a.segment ?? '',
				a.label,
				a.value,
				a.unit,
				a.reference ?? '',
				a.differs ? 'yes' : 'no'
			])
		);
	return lines.join('\n') + '\n';
}

/** A chart's table (the "Show as table" data) as CSV, its caption left out. */
export function tableCsv(table: TableData): string {
	const lines = [csvLine(table.columns), ...table.rows.map((r) => csvLine(r))];
	return lines.join('\n') + '\n';
}
