/**
 * The workbench editor's pure parts: reading what a person typed, the words for a range,
 * which parameters differ from the example a scenario came from, segments and slider
 * scales. No DOM and no Svelte, so it is tested in Node.
 */
import {
	DEMO_PRESET_ID,
	LIMITS,
	PARAM_GROUPS,
	PARAMS,
	PRESETS,
	SEGMENT_PARAMS,
	getParam,
	presetById,
	setParam,
	validateScenario,
	type ParamGroup,
	type ParamSpec,
	type Scenario,
	type Segment,
	type ValidationIssue
} from '$lib/sim';

/** A box holding something that cannot be used, for the notice beside the results. */
export interface InvalidField {
	label: string;
	/** The id of the box, to take the person there. */
	inputId: string;
	message: string;
}

/** A value read from a text box, or the reason it cannot be used. */
export type Parsed = { ok: true; value: number } | { ok: false; error: string };

const wholeFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** Significant decimals of a step (0.005 -> 3, 1 -> 0). */
function stepDecimals(step: number): number {
	if (!Number.isFinite(step) || step <= 0) return 0;
	const text = String(step);
	const dot = text.indexOf('.');
	return dot === -1 ? 0 : text.length - dot - 1;
}

/** A number as people read it, with thousands separators for big values. */
export function formatNumber(spec: ParamSpec, value: number): string {
	if (!Number.isFinite(value)) return '';
	if (spec.integer) return wholeFormat.format(value);
	const digits = Math.max(stepDecimals(spec.step), 0);
	return new Intl.NumberFormat('en-GB', { maximumFractionDigits: Math.max(digits, 3) }).format(
		value
	);
}

/** A number as it goes into a text box: no separators, no trailing zeros. */
export function inputText(value: number): string {
	return Number.isFinite(value) ? String(value) : '';
}

/** Units worth repeating after a number ('0 to 1' and 'share' say nothing a range does not). */
export function unitSuffix(spec: ParamSpec): string {
	return spec.unit && spec.unit !== '0 to 1' ? ` ${spec.unit}` : '';
}

/** The allowed range in words, e.g. "6 to 120 months" or "0 to 1". */
export function rangeText(spec: ParamSpec): string {
	return `${formatNumber(spec, spec.min)} to ${formatNumber(spec, spec.max)}${unitSuffix(spec)}`;
}

/** A value with its unit, e.g. "36 months", "1 month", "1 organisation". */
export function valueText(spec: ParamSpec, value: number): string {
	const unit = unitSuffix(spec);
	const singular = value === 1 && (spec.unit === 'months' || spec.unit === 'organisations');
	return `${formatNumber(spec, value)}${singular ? unit.slice(0, -1) : unit}`;
}

/**
 * Reads what a person typed in a parameter's box. Accepts spaces and thousands commas
 * ("10,000"); refuses anything that is not a number in range, saying what is allowed.
 */
export function parseValue(spec: ParamSpec, text: string): Parsed {
	const cleaned = text.trim().replace(/[\s,_]/g, '');
	const range = rangeText(spec);
	const kind = spec.integer ? 'a whole number' : 'a number';
	if (cleaned === '') return { ok: false, error: `Enter ${kind} from ${range}.` };
	if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned))
		return { ok: false, error: `“${text.trim()}” is not a number. Enter ${kind} from ${range}.` };
	const value = Number(cleaned);
	if (!Number.isFinite(value)) return { ok: false, error: `Enter ${kind} from ${range}.` };
	if (spec.integer && !Number.isInteger(value))
		return { ok: false, error: `Enter a whole number from ${range}.` };
	if (value < spec.min || value > spec.max)
		return { ok: false, error: `Out of range: enter ${kind} from ${range}.` };
	return { ok: true, value };
}

/**
 * Sliders: a linear track for most parameters; a logarithmic one where the range spans
 * orders of magnitude (runs, people), so both 100 and 50,000 can be reached by hand.
 * Positions run from 0 to SLIDER_STEPS.
 */
const SLIDER_STEPS = 1000;

export function isLogScale(spec: ParamSpec): boolean {
	return spec.min > 0 && spec.max / spec.min >= 1000;
}

/** Whether a parameter gets a slider at all (a random seed does not). */
export function hasSlider(spec: ParamSpec): boolean {
	return spec.path !== 'seed';
}

/** Rounds a log-slider value to two significant figures, on the parameter's step. */
function niceRound(spec: ParamSpec, value: number): number {
	const magnitude = 10 ** Math.max(0, Math.floor(Math.log10(Math.abs(value))) - 1);
	const rounded = Math.round(value / magnitude) * magnitude;
	const stepped = Math.round(rounded / spec.step) * spec.step;
	return Math.min(spec.max, Math.max(spec.min, stepped));
}

export function toSlider(spec: ParamSpec, value: number): number {
	if (!Number.isFinite(value)) return 0;
	const v = Math.min(spec.max, Math.max(spec.min, value));
	if (!isLogScale(spec)) return v;
	const t = Math.log(v / spec.min) / Math.log(spec.max / spec.min);
	return Math.round(t * SLIDER_STEPS);
}

export function fromSlider(spec: ParamSpec, position: number): number {
	if (!isLogScale(spec)) {
		const digits = stepDecimals(spec.step);
		return Number(position.toFixed(digits));
	}
	const t = Math.min(1, Math.max(0, position / SLIDER_STEPS));
	return niceRound(spec, spec.min * (spec.max / spec.min) ** t);
}

/** The slider's own range and step (positions, for a log slider). */
export function sliderRange(spec: ParamSpec): { min: number; max: number; step: number } {
	return isLogScale(spec)
		? { min: 0, max: SLIDER_STEPS, step: 1 }
		: { min: spec.min, max: spec.max, step: spec.step };
}

/** The groups the editor shows, in the registry's order, with their parameters split. */
export interface EditorGroup {
	group: ParamGroup;
	/** One line saying what the group is about. */
	intro: string;
	/** Model assumptions rather than levers of a contract: shown closed at first. */
	assumptions: boolean;
	main: ParamSpec[];
	advanced: ParamSpec[];
}

const GROUP_INTROS: Record<ParamGroup, string> = {
	Contract: 'How long each contract runs and what happens when it ends.',
	KPIs: 'How fixed the targets are and how much of the service they lock in.',
	'Power sharing': 'How often the community is listened to, and the latitude to act on it.',
	Provider: 'The organisation delivering the service.',
	Partners: 'Trusted local people and organisations the provider works alongside.',
	Oversight: 'Who holds the service to account.',
	Community: 'The people the service is for, in segments that engage for different reasons.',
	Trust: 'How trust is built, lost and passed on. Model assumptions.',
	Events: 'Things that happen now and then, whatever the contract says. Model assumptions.',
	Outcomes: 'How participation turns into behaviour change. Model assumptions.',
	Simulation: 'How many futures to simulate, how far ahead, and from which seed.'
};

const ASSUMPTION_GROUPS: ReadonlySet<ParamGroup> = new Set(['Trust', 'Events', 'Outcomes']);

export function editorGroups(): EditorGroup[] {
	return PARAM_GROUPS.map((group) => {
		const specs = PARAMS.filter((p) => p.group === group);
		return {
			group,
			intro: GROUP_INTROS[group],
			assumptions: ASSUMPTION_GROUPS.has(group),
			main: specs.filter((p) => !p.advanced),
			advanced: specs.filter((p) => p.advanced)
		};
	});
}

/** A segment field's value. */
export function getSegmentParam(segment: Segment, path: string): number {
	let node: unknown = segment;
	for (const k of path.split('.')) {
		if (typeof node !== 'object' || node === null) return NaN;
		node = (node as Record<string, unknown>)[k];
	}
	return typeof node === 'number' ? node : NaN;
}

/** A copy of the scenario with one segment field replaced. */
export function setSegmentParam(
	scenario: Scenario,
	index: number,
	path: string,
	value: number
): Scenario {
	return setParam(scenario, `community.segments.${index}.${path}`, value);
}

export function setSegmentName(scenario: Scenario, index: number, name: string): Scenario {
	const copy = structuredClone(scenario);
	copy.community.segments[index].name = name;
	return copy;
}

/** A new segment at the registry defaults, named so it does not clash with the others. */
function newSegment(existing: readonly Segment[]): Segment {
	const names = new Set(existing.map((s) => s.name));
	let n = existing.length + 1;
	while (names.has(`Segment ${n}`)) n++;
	const segment: Segment = {
		name: `Segment ${n}`,
		size: 0,
		initialTrust: 0,
		scepticism: 0,
		reachability: 0,
		weights: { integrity: 0, intent: 0, competence: 0, results: 0 }
	};
	for (const spec of SEGMENT_PARAMS) {
		const parts = spec.path.split('.');
		if (parts.length === 1) (segment as unknown as Record<string, number>)[parts[0]] = spec.default;
		else (segment.weights as unknown as Record<string, number>)[parts[1]] = spec.default;
	}
	return segment;
}

export function addSegment(scenario: Scenario): Scenario {
	if (scenario.community.segments.length >= LIMITS.maxSegments) return scenario;
	const copy = structuredClone(scenario);
	copy.community.segments.push(newSegment(copy.community.segments));
	return copy;
}

export function removeSegment(scenario: Scenario, index: number): Scenario {
	if (scenario.community.segments.length <= LIMITS.minSegments) return scenario;
	const copy = structuredClone(scenario);
	copy.community.segments.splice(index, 1);
	return copy;
}

/** How many top-level parameters differ between two scenarios. */
function differenceCount(a: Scenario, b: Scenario): number {
	let n = 0;
	for (const p of PARAMS) if (getParam(a, p.path) !== getParam(b, p.path)) n++;
	return n;
}

/** The example a scenario is compared with for "changed" markers, and why. */
export interface Baseline {
	presetId: string;
	name: string;
	scenario: Scenario;
}

/**
 * The example a scenario came from: its own preset for an example; otherwise the example
 * closest to `origin` (the scenario as first saved), the demo example on a tie.
 */
export function baselineFor(presetId: string | undefined, origin: Scenario): Baseline {
	const own = presetId ? presetById(presetId) : undefined;
	if (own) return { presetId: own.id, name: own.scenario.name, scenario: own.scenario };
	const demo = presetById(DEMO_PRESET_ID) ?? PRESETS[0];
	let best = demo;
	let bestCount = differenceCount(origin, demo.scenario);
	for (const p of PRESETS) {
		const count = differenceCount(origin, p.scenario);
		if (count < bestCount) {
			best = p;
			bestCount = count;
		}
	}
	return { presetId: best.id, name: best.scenario.name, scenario: best.scenario };
}

/** Whether a top-level parameter differs from the baseline. */
export function isChanged(scenario: Scenario, baseline: Scenario, path: string): boolean {
	return getParam(scenario, path) !== getParam(baseline, path);
}

/** The baseline's value of a segment field, or undefined for a segment the baseline lacks. */
export function baselineSegmentValue(
	baseline: Scenario,
	index: number,
	path: string
): number | undefined {
	const segment = baseline.community.segments[index];
	return segment ? getSegmentParam(segment, path) : undefined;
}

/** Top-level parameters and segment fields that differ from the baseline. */
export function changedCount(scenario: Scenario, baseline: Scenario): number {
	let n = differenceCount(scenario, baseline);
	const a = scenario.community.segments;
	const b = baseline.community.segments;
	for (let i = 0; i < Math.max(a.length, b.length); i++) {
		if (!a[i] || !b[i]) {
			n++;
			continue;
		}
		if (a[i].name !== b[i].name) n++;
		for (const spec of SEGMENT_PARAMS)
			if (getSegmentParam(a[i], spec.path) !== getSegmentParam(b[i], spec.path)) n++;
	}
	return n;
}

/** The scenario with every parameter and segment put back as in the baseline (name kept). */
export function resetAll(scenario: Scenario, baseline: Scenario): Scenario {
	return {
		...structuredClone(baseline),
		name: scenario.name,
		description: scenario.description
	};
}

/** What changed between two saved versions, as parameter labels (for restore points). */
export function describeChanges(before: Scenario, after: Scenario): string[] {
	const labels: string[] = [];
	for (const p of PARAMS)
		if (getParam(before, p.path) !== getParam(after, p.path)) {
			const from = valueText(p, getParam(before, p.path));
			const to = valueText(p, getParam(after, p.path));
			labels.push(`${p.label}: ${from} → ${to}`);
		}
	const a = before.community.segments;
	const b = after.community.segments;
	if (a.length !== b.length)
		labels.push(`Community: ${a.length} → ${b.length} segment${b.length === 1 ? '' : 's'}`);
	else if (JSON.stringify(a) !== JSON.stringify(b)) labels.push('Community segments edited');
	if (before.name !== after.name) labels.push(`Name: “${after.name}”`);
	if (before.description !== after.description) labels.push('Description edited');
	return labels;
}

/**
 * Tries a change: the changed scenario when it is valid as a whole, otherwise the first
 * problem in plain words (for rules across fields, such as the community's total size).
 */
export function tryChange(
	next: Scenario
): { ok: true; value: Scenario } | { ok: false; error: string; issues: ValidationIssue[] } {
	const checked = validateScenario(next);
	if (checked.ok) return { ok: true, value: checked.value };
	return { ok: false, error: plainIssue(checked.error[0]), issues: checked.error };
}

/** A validation message without the dotted path the schema starts it with. */
export function plainIssue(issue: ValidationIssue | undefined): string {
	if (!issue) return 'These settings cannot be run.';
	const total =
		/^community\.segments add up to ([\d,]+) people; the model runs communities of up to ([\d,]+)\.$/.exec(
			issue.message
		);
	if (total)
		return `The segments add up to ${total[1]} people; the model runs communities of up to ${total[2]}.`;
	if (issue.message.startsWith('Each segment must weigh'))
		return 'Give at least one of the four weights a value above 0.';
	if (/Segment name must not be empty|name must not be empty/.test(issue.message))
		return 'Give the segment a name.';
	if (/name must be at most/.test(issue.message))
		return `Use at most ${LIMITS.segmentNameMaxLength} characters.`;
	return issue.message;
}

/** A restore point as listed: the version and what it changed, in words. */
export interface RestorePointRow<V extends { scenario: Scenario }> {
	version: V;
	/** What changed, e.g. "Created from “Today's typical contract”: KPI rigidity: 0.8 → 0.3". */
	label: string;
}

/** Changes in a label: the first three, then how many more. */
function someChanges(changes: readonly string[]): string {
	return (
		changes.slice(0, 3).join('; ') + (changes.length > 3 ? `; and ${changes.length - 3} more` : '')
	);
}

/**
 * What each restore point (newest first) changed from the one before it; the oldest, from
 * the example the scenario is compared with (its name and description aside), as "Created"
 * when it is the first save and "Oldest kept" when older ones have been let go (`kept` is
 * the most restore points kept).
 */
export function restorePointRows<V extends { scenario: Scenario }>(
	versions: readonly V[],
	baseline: Baseline,
	kept: number
): RestorePointRow<V>[] {
	return versions.map((version, i) => {
		const older = versions[i + 1];
		if (older) {
			const changes = describeChanges(older.scenario, version.scenario);
			return {
				version,
				label: changes.length > 0 ? someChanges(changes) : 'Saved with no change to the settings'
			};
		}
		const start = versions.length >= kept ? 'Oldest kept' : 'Created';
		const changes = describeChanges(baseline.scenario, version.scenario).filter(
			(c) => !c.startsWith('Name: ') && c !== 'Description edited'
		);
		return {
			version,
			label:
				changes.length > 0
					? `${start}, differing from “${baseline.name}”: ${someChanges(changes)}`
					: `${start}, with the settings of “${baseline.name}”`
		};
	});
}
