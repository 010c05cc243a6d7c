/**
 * Command-line arguments of `npm run sim`: parsing is pure (no files, no process), so every
 * rule here is unit-tested. Each error is one line that names the problem.
 */
import { paramSpec, segmentParamSpec, uncertainFactor, type Result } from '../lib/sim/index';
import { DEFAULT_SCREENING_RUNS, DEFAULT_TRAJECTORIES } from '../lib/sim/screening';

const OUTPUT_FORMATS = ['json', 'csv', 'text', 'markdown'] as const;
type OutputFormat = (typeof OUTPUT_FORMATS)[number];
/** What a run or a sweep writes. */
export type RunFormat = Exclude<OutputFormat, 'markdown'>;
/** What a screening writes. */
export type ScreenFormat = Exclude<OutputFormat, 'csv'>;

/** Inputs listed per output by `--screen` (and per output in its Markdown table). */
const DEFAULT_TOP = 10;

/** One `--set path=value`. */
export interface Assignment {
	path: string;
	value: number;
}

export interface SimOptions<F extends OutputFormat = OutputFormat> {
	/** Preset id; undefined when a scenario file is given (the demo preset is the default). */
	preset?: string;
	/** Path of a scenario JSON file (or of a library file, with `pick`). */
	scenarioFile?: string;
	/** `--pick`: which scenario of a library file (its name, or its number from 1). */
	pick?: string;
	/** `--set` assignments, in the order given. */
	sets: Assignment[];
	/** `--runs`, applied after the assignments. */
	runs?: number;
	/** `--seed`, applied after the assignments. */
	seed?: number;
	format: F;
	/** File to write instead of stdout. */
	out?: string;
	/** `--assumptions`: fixed (the best guesses) or uncertain (drawn future by future). */
	assumptions?: 'fixed' | 'uncertain';
	/** `--pin` assumptions, in the order given (a later pin of the same one wins). */
	pins: Assignment[];
	/**
	 * `--compare`: the second scenario (a preset id or a file), run paired with the first on
	 * its seed, futures and assumptions.
	 */
	compare?: string;
}

/** `--sweep path=v1,v2,...`: the scenario run once per value, on the same seed. */
export interface Sweep {
	path: string;
	values: number[];
}

/** The settings of `--screen`. */
export interface ScreenSettings {
	/** Morris trajectories (`--trajectories`). */
	trajectories: number;
	/** Futures simulated at each point of the design (`--runs`). */
	runs: number;
	/** Inputs listed per output (`--top`). */
	top: number;
}

/**
 * What to do. A run writes JSON unless told otherwise; a sweep and a screening write text.
 * For a screening, `--runs` is the futures a point (in `screen`), not the scenario's runs.
 */
export type Command =
	| { kind: 'run'; options: SimOptions<RunFormat> }
	| { kind: 'sweep'; options: SimOptions<RunFormat>; sweep: Sweep }
	| { kind: 'screen'; options: SimOptions<ScreenFormat>; screen: ScreenSettings }
	| { kind: 'help' }
	| { kind: 'list-presets' }
	| { kind: 'list-params' };

export type ParseResult = Result<Command, string>;

const SEGMENT_PATH = /^community\.segments\.(\d+)\.(.+)$/;

/**
 * Whether a dotted path names a number the CLI may set: a parameter of the registry, or a
 * numeric field of one segment (`community.segments.N.field`).
 */
function isSettablePath(path: string): boolean {
	if (paramSpec(path)) return true;
	const m = SEGMENT_PATH.exec(path);
	return m !== null && segmentParamSpec(m[2]) !== undefined;
}

/** A decimal number as typed on a command line (no hex, no empty text, no Infinity). */
function parseNumber(text: string): number | undefined {
	const t = text.trim();
	if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(t)) return undefined;
	const n = Number(t);
	return Number.isFinite(n) ? n : undefined;
}

function parseAssignment(text: string): Result<Assignment, string> {
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

function parsePin(text: string): Result<Assignment, string> {
	const eq = text.indexOf('=');
	if (eq <= 0)
		return {
			ok: false,
			error: `--pin expects path=value (e.g. trust.asymmetry=4 or model.newsReach=6); got "${text}".`
		};
	const path = text.slice(0, eq).trim();
	const raw = text.slice(eq + 1);
	const f = uncertainFactor(path);
	if (!f)
		return {
			ok: false,
			error: `--pin: "${path}" is not an assumption; run with --list-params to see them (marked ~), and internal constants as model.<name> (docs/model.md).`
		};
	const value = parseNumber(raw);
	if (value === undefined) return { ok: false, error: `--pin ${path}: "${raw}" is not a number.` };
	if (value < f.min || value > f.max)
		return { ok: false, error: `--pin ${path} must be from ${f.min} to ${f.max}; got ${raw}.` };
	return { ok: true, value: { path, value } };
}

function parseSweep(text: string): Result<Sweep, string> {
	const eq = text.indexOf('=');
	if (eq <= 0)
		return {
			ok: false,
			error: `--sweep expects path=v1,v2,... (e.g. kpi.rigidity=0,0.5,1); got "${text}".`
		};
	const path = text.slice(0, eq).trim();
	if (!isSettablePath(path))
		return {
			ok: false,
			error: `--sweep: unknown parameter "${path}"; run with --list-params to see the parameters.`
		};
	const values: number[] = [];
	for (const raw of text.slice(eq + 1).split(',')) {
		const value = parseNumber(raw);
		if (value === undefined)
			return { ok: false, error: `--sweep ${path}: "${raw}" is not a number.` };
		values.push(value);
	}
	return { ok: true, value: { path, values } };
}

function parseWhole(flag: string, text: string): Result<number, string> {
	const n = parseNumber(text);
	if (n !== undefined && n < 0)
		return { ok: false, error: `${flag} must be 0 or more; got "${text}".` };
	if (n === undefined || !Number.isInteger(n))
		return { ok: false, error: `${flag} must be a whole number; got "${text}".` };
	return { ok: true, value: n };
}

/** Flags that take a value. */
const VALUE_FLAGS = [
	'--preset',
	'--scenario',
	'--pick',
	'--set',
	'--runs',
	'--seed',
	'--format',
	'--out',
	'--sweep',
	'--trajectories',
	'--top',
	'--assumptions',
	'--pin',
	'--compare'
] as const;
type ValueFlag = (typeof VALUE_FLAGS)[number];

function isValueFlag(flag: string): flag is ValueFlag {
	return (VALUE_FLAGS as readonly string[]).includes(flag);
}

/** Parses the arguments after the script name (process.argv.slice(2)). */
export function parseArgs(argv: readonly string[]): ParseResult {
	const options: SimOptions = { sets: [], pins: [], format: 'json' };
	let help = false;
	let listPresets = false;
	let listParams = false;
	let screen = false;
	let formatGiven = false;
	let sweep: Sweep | undefined;
	let trajectories: number | undefined;
	let top: number | undefined;
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
		if (arg === '--screen') {
			screen = true;
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
			case '--pick':
				if (options.pick !== undefined) return { ok: false, error: 'Give one --pick.' };
				if (value.trim() === '')
					return { ok: false, error: '--pick needs a scenario name or number.' };
				options.pick = value;
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
			case '--format': {
				const format = OUTPUT_FORMATS.find((f) => f === value);
				if (format === undefined)
					return {
						ok: false,
						error: `--format must be json, csv, text or markdown; got "${value}".`
					};
				options.format = format;
				formatGiven = true;
				break;
			}
			case '--out':
				if (value === '') return { ok: false, error: '--out needs a file name.' };
				options.out = value;
				break;
			case '--sweep': {
				if (sweep !== undefined) return { ok: false, error: 'Give one --sweep.' };
				const r = parseSweep(value);
				if (!r.ok) return r;
				sweep = r.value;
				break;
			}
			case '--trajectories': {
				const r = parseWhole('--trajectories', value);
				if (!r.ok) return r;
				if (r.value < 2)
					return { ok: false, error: `--trajectories must be 2 or more; got "${value}".` };
				trajectories = r.value;
				break;
			}
			case '--top': {
				const r = parseWhole('--top', value);
				if (!r.ok) return r;
				if (r.value < 1) return { ok: false, error: `--top must be 1 or more; got "${value}".` };
				top = r.value;
				break;
			}
			case '--assumptions':
				if (value !== 'fixed' && value !== 'uncertain')
					return {
						ok: false,
						error: `--assumptions must be fixed or uncertain; got "${value}".`
					};
				options.assumptions = value;
				break;
			case '--pin': {
				const r = parsePin(value);
				if (!r.ok) return r;
				options.pins.push(r.value);
				break;
			}
			case '--compare':
				if (options.compare !== undefined) return { ok: false, error: 'Give one --compare.' };
				if (value.trim() === '')
					return { ok: false, error: '--compare needs a preset id or a scenario file.' };
				options.compare = value;
				break;
			default:
				flag satisfies never;
		}
	}
	if (help) return { ok: true, value: { kind: 'help' } };
	if (options.pick !== undefined && options.scenarioFile === undefined)
		return {
			ok: false,
			error: '--pick chooses a scenario of a library file given with --scenario.'
		};
	if (listPresets) return { ok: true, value: { kind: 'list-presets' } };
	if (listParams) return { ok: true, value: { kind: 'list-params' } };

	const { format, ...rest } = options;
	if (rest.compare !== undefined && (screen || sweep !== undefined))
		return {
			ok: false,
			error: '--compare runs two scenarios; it goes with neither --screen nor --sweep.'
		};
	if (screen) {
		if (sweep !== undefined) return { ok: false, error: 'Give --screen or --sweep, not both.' };
		const screenFormat: OutputFormat = formatGiven ? format : 'text';
		if (screenFormat === 'csv')
			return { ok: false, error: '--screen writes text, json or markdown; got "csv".' };
		const { runs = DEFAULT_SCREENING_RUNS, ...others } = rest;
		if (runs < 1) return { ok: false, error: '--runs must be 1 or more for --screen; got "0".' };
		return {
			ok: true,
			value: {
				kind: 'screen',
				options: { ...others, format: screenFormat },
				screen: {
					trajectories: trajectories ?? DEFAULT_TRAJECTORIES,
					runs,
					top: top ?? DEFAULT_TOP
				}
			}
		};
	}
	if (trajectories !== undefined)
		return { ok: false, error: '--trajectories is an option of --screen.' };
	if (top !== undefined) return { ok: false, error: '--top is an option of --screen.' };
	if (format === 'markdown')
		return {
			ok: false,
			error: '--format markdown is for --screen; a run writes json, csv or text.'
		};
	if (sweep !== undefined)
		return {
			ok: true,
			value: { kind: 'sweep', options: { ...rest, format: formatGiven ? format : 'text' }, sweep }
		};
	return { ok: true, value: { kind: 'run', options: { ...rest, format } } };
}
