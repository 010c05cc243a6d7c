/**
 * From parsed options to a valid scenario: the preset or the file, then `--set`, `--runs` and
 * `--seed`, then validation. Reading the file is passed in, so this is pure and testable.
 */
import {
	DEMO_PRESET_ID,
	describeIssues,
	presetById,
	PRESETS,
	validateScenario,
	type Result,
	type ValidScenario
} from '../lib/sim/index';
import type { Assignment, SimOptions, Sweep } from './args';

/** The scenario the options describe, validated here (the command line's edge), or why not. */
export type Resolved = Result<ValidScenario, string>;

/** Reads a text file; returns the text or an error message. */
export type ReadText = (path: string) => Result<string, string>;

function isRecord(x: unknown): x is Record<string, unknown> {
	return typeof x === 'object' && x !== null;
}

/**
 * Sets the number at a dotted path of plain JSON in place. Fails when a container on the way
 * is missing (e.g. a segment index past the end) or the field is not a number.
 */
function assign(target: unknown, a: Assignment): { ok: true } | { ok: false; error: string } {
	const parts = a.path.split('.');
	let node: unknown = target;
	for (let i = 0; i < parts.length - 1; i++) {
		if (Array.isArray(node) && i === 2 && parts[0] === 'community' && parts[1] === 'segments') {
			const k = Number(parts[i]);
			if (k >= node.length)
				return {
					ok: false,
					error: `--set ${a.path}: the scenario has ${node.length} segment${node.length === 1 ? '' : 's'} (numbered from 0).`
				};
		}
		node = isRecord(node) ? node[parts[i]] : undefined;
	}
	const last = parts[parts.length - 1];
	if (!isRecord(node) || typeof node[last] !== 'number')
		return { ok: false, error: `--set ${a.path}: the scenario has no number there.` };
	node[last] = a.value;
	return { ok: true };
}

/** Deeper than this, a file cannot be a scenario (one nests five levels). */
const MAX_DEPTH = 32;
/** The format name of the app's library files ("Export my library"). */
const LIBRARY_FORMAT = 'slow-trust-library';

/** Whether JSON nests deeper than `limit` levels; iterative, so any depth is safe to check. */
function nestsDeeper(value: unknown, limit: number): boolean {
	const stack: [unknown, number][] = [[value, 1]];
	while (stack.length > 0) {
		const [node, depth] = stack.pop() as [unknown, number];
		if (!isRecord(node)) continue;
		if (depth > limit) return true;
		for (const child of Object.values(node)) stack.push([child, depth + 1]);
	}
	return false;
}

/** The scenarios of a library file, or of a list of scenarios, with their names. */
function libraryItems(value: unknown): { name: string; scenario: unknown }[] | null {
	const nameOf = (x: unknown, fallback: string) =>
		isRecord(x) && typeof x.name === 'string' ? x.name : fallback;
	if (Array.isArray(value))
		return value.map((s, i) => ({ name: nameOf(s, `scenario ${i + 1}`), scenario: s }));
	if (isRecord(value) && value.format === LIBRARY_FORMAT && Array.isArray(value.scenarios))
		return value.scenarios.map((item: unknown, i: number) => ({
			name: nameOf(item, `scenario ${i + 1}`),
			scenario: isRecord(item) ? item.scenario : undefined
		}));
	return null;
}

/**
 * The scenario in a file's text: a scenario, or one scenario of a library file (the one
 * `pick` names, or its only one). A byte-order mark is allowed, as in the app.
 */
function scenarioFromText(
	text: string,
	file: string,
	pick: string | undefined
): { ok: true; value: unknown } | { ok: false; error: string } {
	let value: unknown;
	try {
		value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
	} catch (e) {
		const why =
			e instanceof RangeError ? 'it nests too deeply' : e instanceof Error ? e.message : String(e);
		return { ok: false, error: `${file} is not valid JSON: ${why}` };
	}
	if (nestsDeeper(value, MAX_DEPTH))
		return {
			ok: false,
			error: `${file} nests more than ${MAX_DEPTH} levels deep, so it is not a Slow Trust scenario.`
		};
	const items = libraryItems(value);
	if (items === null) {
		if (pick !== undefined)
			return { ok: false, error: `--pick: ${file} is one scenario, not a library file.` };
		return { ok: true, value };
	}
	const names = items
		.slice(0, 5)
		.map((item, i) => `${i + 1} “${item.name}”`)
		.join(', ');
	const listed = `${names}${items.length > 5 ? ', …' : ''}`;
	if (items.length === 0)
		return { ok: false, error: `${file} is a library file with no scenarios.` };
	if (pick === undefined) {
		if (items.length === 1) return { ok: true, value: items[0].scenario };
		return {
			ok: false,
			error: `${file} is a library file with ${items.length} scenarios, not one scenario; choose one with --pick NAME or --pick NUMBER (${listed}).`
		};
	}
	const number = /^\d+$/.test(pick.trim()) ? Number(pick.trim()) : NaN;
	const chosen =
		items[number - 1] ??
		items.find((item) => item.name === pick) ??
		items.find((item) => item.name.toLowerCase() === pick.trim().toLowerCase());
	if (chosen === undefined)
		return {
			ok: false,
			error: `--pick: ${file} has no scenario “${pick}”; its scenarios are ${listed} (1 to ${items.length}).`
		};
	return { ok: true, value: chosen.scenario };
}

function presetList(): string {
	return PRESETS.map((p) => p.id).join(', ');
}

/** Builds and validates the scenario the options describe. */
export function resolveScenario(options: SimOptions, readText: ReadText): Resolved {
	let base: unknown;
	let from: string;
	if (options.scenarioFile !== undefined) {
		const file = options.scenarioFile;
		const text = readText(file);
		if (!text.ok) return text;
		const read = scenarioFromText(text.value, file, options.pick);
		if (!read.ok) return read;
		base = read.value;
		from = options.pick === undefined ? file : `${file}, --pick ${options.pick}`;
	} else {
		const id = options.preset ?? DEMO_PRESET_ID;
		const preset = presetById(id);
		if (!preset)
			return { ok: false, error: `Unknown preset "${id}"; the presets are: ${presetList()}.` };
		base = preset.scenario;
		from = `preset ${id}`;
	}

	const changes: Assignment[] = [...options.sets];
	if (options.runs !== undefined) changes.push({ path: 'runs', value: options.runs });
	if (options.seed !== undefined) changes.push({ path: 'seed', value: options.seed });
	const draft: unknown = structuredClone(base);
	for (const a of changes) {
		const r = assign(draft, a);
		if (!r.ok) {
			// A field missing from a broken file is better reported as the file's problem.
			const own = validateScenario(base);
			if (!own.ok)
				return { ok: false, error: `Invalid scenario (${from}): ${describeIssues(own.error)}` };
			return r;
		}
	}
	applyAssumptionOptions(draft, options);
	const checked = validateScenario(draft);
	if (!checked.ok)
		return { ok: false, error: `Invalid scenario (${from}): ${describeIssues(checked.error)}` };
	return checked;
}

/** Sets the mode and pins of `--assumptions` and `--pin` on a draft scenario (kept otherwise). */
function applyAssumptionOptions(draft: unknown, options: SimOptions): void {
	if (!isRecord(draft) || (options.assumptions === undefined && options.pins.length === 0)) return;
	const had = isRecord(draft.assumptions) ? draft.assumptions : {};
	const pins = isRecord(had.pins) ? { ...had.pins } : {};
	for (const p of options.pins) pins[p.path] = p.value;
	draft.assumptions = {
		...had,
		mode: options.assumptions ?? (had.mode === 'uncertain' ? 'uncertain' : 'fixed'),
		...(Object.keys(pins).length ? { pins } : {})
	};
}

/**
 * The second scenario of `--compare` (a preset id, or a scenario or library file), run paired
 * with the first: it takes the first's seed, futures and assumption settings. `--set` changes
 * only the first.
 */
export function resolveCompared(
	options: SimOptions,
	first: ValidScenario,
	readText: ReadText
): Resolved {
	const which = options.compare ?? '';
	const preset = presetById(which);
	const second = resolveScenario(
		{
			sets: [],
			pins: [],
			format: options.format,
			...(preset ? { preset: which } : { scenarioFile: which })
		},
		readText
	);
	if (!second.ok) return { ok: false, error: `--compare: ${second.error}` };
	const paired = {
		...second.value,
		seed: first.seed,
		runs: first.runs,
		...(first.assumptions ? { assumptions: structuredClone(first.assumptions) } : {})
	};
	if (!first.assumptions) delete (paired as { assumptions?: unknown }).assumptions;
	const checked = validateScenario(paired);
	if (!checked.ok) return { ok: false, error: `--compare: ${describeIssues(checked.error)}` };
	return checked;
}

/** One value of a sweep and the scenario it gives. */
export interface SweepPoint {
	value: number;
	scenario: ValidScenario;
}

/**
 * The scenarios of a sweep: the options' scenario with the swept number set to each value in
 * turn (after `--set`; a sweep of `runs` or `seed` takes the place of `--runs` or `--seed`).
 * Every value is checked before anything runs; the first invalid one is the error.
 */
export function resolveSweep(
	options: SimOptions,
	sweep: Sweep,
	readText: ReadText
): Result<SweepPoint[], string> {
	const points: SweepPoint[] = [];
	for (const value of sweep.values) {
		const at: SimOptions = { ...options, sets: [...options.sets, { path: sweep.path, value }] };
		if (sweep.path === 'runs') delete at.runs;
		if (sweep.path === 'seed') delete at.seed;
		const r = resolveScenario(at, readText);
		if (!r.ok) return { ok: false, error: r.error.replace(/^--set /, '--sweep ') };
		points.push({ value, scenario: r.value });
	}
	return { ok: true, value: points };
}
