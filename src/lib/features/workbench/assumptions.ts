/**
 * The workbench's assumption settings, pure: the mode (fixed or uncertain), pins and narrowed
 * ranges as changes to a scenario, and the rows the editor lists. A scenario with fixed
 * assumptions and nothing pinned or narrowed carries no `assumptions` field at all, so its
 * hash, file and link stay as they were before assumptions had settings.
 */
import {
	scenarioRanges,
	UNCERTAIN_FACTORS,
	withAssumptionMode,
	withAssumptions,
	type AssumptionSettings,
	type PlausibleRange,
	type Scenario
} from '$lib/sim';

/** One assumption as the editor lists it. */
export interface AssumptionRow {
	id: string;
	label: string;
	unit: string;
	/** 'Scenario settings' for a parameter, 'Model constants' for an internal constant. */
	group: 'Scenario settings' | 'Model constants';
	/** Where its values are drawn from in this scenario (narrowed, if it is). */
	range: PlausibleRange;
	/** Hard limits of a pin or a narrowed range. */
	min: number;
	max: number;
	integer: boolean;
	pinned?: number;
	narrowed?: [number, number];
}

function settingsOf(s: Scenario): AssumptionSettings {
	return s.assumptions ?? { mode: 'fixed' };
}

export const withMode = withAssumptionMode;

/** Holds an assumption at one value (and forgets a narrowed range of it). */
export function withPin(s: Scenario, id: string, value: number): Scenario {
	const a = settingsOf(s);
	const ranges = { ...a.ranges };
	delete ranges[id];
	return withAssumptions(s, { ...a, pins: { ...a.pins, [id]: value }, ranges });
}

/** Narrows an assumption's range (and forgets a pin of it). */
export function withRange(s: Scenario, id: string, low: number, high: number): Scenario {
	const a = settingsOf(s);
	const pins = { ...a.pins };
	delete pins[id];
	return withAssumptions(s, { ...a, pins, ranges: { ...a.ranges, [id]: [low, high] } });
}

/** Lets an assumption take its whole plausible range again. */
export function released(s: Scenario, id: string): Scenario {
	const a = settingsOf(s);
	const pins = { ...a.pins };
	const ranges = { ...a.ranges };
	delete pins[id];
	delete ranges[id];
	return withAssumptions(s, { ...a, pins, ranges });
}

/** Every assumption with its range in this scenario, pinned and narrowed ones marked. */
export function assumptionRows(s: Scenario): AssumptionRow[] {
	const ranges = scenarioRanges(s);
	const pins = s.assumptions?.pins ?? {};
	const narrowed = s.assumptions?.ranges ?? {};
	return UNCERTAIN_FACTORS.map((f, j) => ({
		id: f.id,
		label: f.label,
		unit: f.unit,
		group: f.kind === 'parameter' ? 'Scenario settings' : 'Model constants',
		range: ranges[j],
		min: f.min,
		max: f.max,
		integer: f.integer,
		...(f.id in pins ? { pinned: pins[f.id] } : {}),
		...(narrowed[f.id] ? { narrowed: narrowed[f.id] } : {})
	}));
}

/** A number as the editor writes it: up to three significant decimals, no trailing zeros. */
export function numberText(x: number): string {
	return Number(x.toPrecision(3)).toLocaleString('en-GB', { maximumFractionDigits: 4 });
}

const SHAPE_WORDS: Record<PlausibleRange['shape'], string> = {
	uniform: 'any value equally likely',
	triangular: 'most likely',
	'log-uniform': 'evenly on a log scale'
};

/** A range in words, e.g. "2 to 5, most likely 3". */
export function rangeWords(row: AssumptionRow): string {
	const r = row.range;
	const unit = row.unit && !['0 to 1', 'share', 'signal'].includes(row.unit) ? ` ${row.unit}` : '';
	const span = `${numberText(r.min)} to ${numberText(r.max)}${unit}`;
	if (!(r.max > r.min)) return `${numberText(r.min)}${unit}`;
	return r.shape === 'triangular'
		? `${span}, ${SHAPE_WORDS.triangular} ${numberText(r.mode)}`
		: `${span}, ${SHAPE_WORDS[r.shape]}`;
}
