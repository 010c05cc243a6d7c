/**
 * Command-line arguments of `npm run sim`: parsing is pure (no files, no process), so every
 * rule here is unit-tested. Each error is one line that names the problem.
 */
import { paramSpec, segmentParamSpec } from '../lib/sim/index';

export type OutputFormat = 'json' | 'csv';

/** One `--set path=value`. */
export interface Assignment {
	path: string;
	value: number;
}

export interface SimOptions {
	/** Preset id; undefined when a scenario file is given (the demo preset is the default). */
	preset?: string;
	/** Path of a scenario JSON file. */
	scenarioFile?: string;
	/** `--set` assignments, in the order given. */
	sets: Assignment[];
	/** `--runs`, applied after the assignments. */
	runs?: number;
	/** `--seed`, applied after the assignments. */
	seed?: number;
	format: OutputFormat;
	/** File to write instead of stdout. */
	out?: string;
}

export type Command =
	| { kind: 'run'; options: SimOptions }
	| { kind: 'help' }
	| { kind: 'list-presets' }
	| { kind: 'list-params' };

export type ParseResult = { ok: true; value: Command } | { ok: false; error: string };

const SEGMENT_PATH = /^community\.segments\.(\d+)\.(.+)$/;

/**
 * Whether a dotted path names a number the CLI may set: a parameter of the registry, or a
 * numeric field of one segment (`community.segments.N.field`).
 */
export function isSettablePath(path: string): boolean {
	if (paramSpec(path)) return true;
	const m = SEGMENT_PATH.exec(path);
	return m !== null && segmentParamSpec(m[2]) !== undefined;
}

/** A decimal number as typed on a command line (no hex, no empty text, no Infinity). */
export function parseNumber(text: string): number | undefined {
	const t = text.trim();
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
	const n = Number(t);
	return Number.isFinite(n) ? n : undefined;
}

function parseAssignment(
	text: string
): { ok: true; value: Assignment } | { ok: false; error: string } {
	const eq = text.indexOf('=');
	if (eq <= 0)
		return { ok: false, error: `--set expects path=value (e.g. kpi.rigidity=0.5); got "${text}".` };
	const path = text.slice(0, eq).trim();
	const raw = text.slice(eq + 1);
	if (!isSettablePath(path))
		return {
			ok: false,
			error: `--set: unknown parameter "${path}"; run with --list-params to see the parameters.`
		};
	const value = parseNumber(raw);
	if (value === undefined) return { ok: false, error: `--set ${path}: "${raw}" is not a number.` };
	return { ok: true, value: { path, value } };
}

function parseWhole(
	flag: string,
	text: string
): { ok: true; value: number } | { ok: false; error: string } {
	const n = parseNumber(text);
	if (n === undefined || !Number.isInteger(n) || n < 0)
		return { ok: false, error: `${flag} must be a whole number; got "${text}".` };
	return { ok: true, value: n };
}

/** Flags that take a value. */
const VALUE_FLAGS = [
	'--preset',
	'--scenario',
	'--set',
	'--runs',
	'--seed',
	'--format',
	'--out'
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function isValueFlag(flag: string): flag is ValueFlag {
	return (VALUE_FLAGS as readonly string[]).includes(flag);
}

/** Parses the arguments after the script name (process.argv.slice(2)). */
export function parseArgs(argv: readonly string[]): ParseResult {
	const options: SimOptions = { sets: [], format: 'json' };
	let help = false;
	let listPresets = false;
	let listParams = false;
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (arg === '--help' || arg === '-h') {
			help = true;
			continue;
		}
		if (arg === '--list-presets') {
			listPresets = true;
			continue;
		}
		if (arg === '--list-params') {
			listParams = true;
			continue;
		}
		// --flag=value or --flag value.
		const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
		const flag = eq > 0 ? arg.slice(0, eq) : arg;
		if (!isValueFlag(flag)) {
			return {
				ok: false,
				error: arg.startsWith('-')
					? `Unknown option ${flag}; run with --help for usage.`
					: `Unexpected argument "${arg}"; run with --help for usage.`
			};
		}
		let value: string;
		if (eq > 0) value = arg.slice(eq + 1);
		else {
			const next = argv[i + 1];
			if (next === undefined || (next.startsWith('--') && next.length > 2))
				return { ok: false, error: `${flag} needs a value; run with --help for usage.` };
			value = next;
			i++;
		}
		switch (flag) {
			case '--preset':
				if (options.preset !== undefined || options.scenarioFile !== undefined)
					return { ok: false, error: 'Give one --preset or one --scenario, not both or twice.' };
				if (value === '') return { ok: false, error: '--preset needs a preset id.' };
				options.preset = value;
				break;
			case '--scenario':
				if (options.preset !== undefined || options.scenarioFile !== undefined)
					return { ok: false, error: 'Give one --preset or one --scenario, not both or twice.' };
				if (value === '') return { ok: false, error: '--scenario needs a file name.' };
				options.scenarioFile = value;
				break;
			case '--set': {
				const r = parseAssignment(value);
				if (!r.ok) return r;
				options.sets.push(r.value);
				break;
			}
			case '--runs': {
				const r = parseWhole('--runs', value);
				if (!r.ok) return r;
				options.runs = r.value;
				break;
			}
			case '--seed': {
				const r = parseWhole('--seed', value);
				if (!r.ok) return r;
				options.seed = r.value;
				break;
			}
			case '--format':
				if (value !== 'json' && value !== 'csv')
					return { ok: false, error: `--format must be json or csv; got "${value}".` };
				options.format = value;
				break;
			case '--out':
				if (value === '') return { ok: false, error: '--out needs a file name.' };
				options.out = value;
				break;
			default:
				flag satisfies never;
		}
	}
	if (help) return { ok: true, value: { kind: 'help' } };
	if (listPresets) return { ok: true, value: { kind: 'list-presets' } };
	if (listParams) return { ok: true, value: { kind: 'list-params' } };
	return { ok: true, value: { kind: 'run', options } };
}
