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
export function assign(
	target: unknown,
	a: Assignment
): { ok: true } | { ok: false; error: string } {
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
		try {
			base = JSON.parse(text.value);
		} catch (e) {
			const why = e instanceof Error ? e.message : String(e);
			return { ok: false, error: `${file} is not valid JSON: ${why}` };
		}
		from = file;
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
	const checked = validateScenario(draft);
	if (!checked.ok)
		return { ok: false, error: `Invalid scenario (${from}): ${describeIssues(checked.error)}` };
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
