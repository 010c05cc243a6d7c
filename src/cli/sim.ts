/**
 * `npm run sim -- [options]`: runs a scenario headless in Node with the same core as the app
 * and writes its summary as JSON, CSV or text; or runs it at each value of one parameter
 * (`--sweep`); or screens which inputs each headline output depends on (`--screen`). Run with
 * --help for the options.
 *
 * Exit status: 0 done; 2 bad input, with one line on stderr naming the problem; 1 an
 * unexpected failure.
 */
import { accessSync, constants, existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { simulate, type Scenario, type Summary } from '../lib/sim/index';
import { screeningFactors, screenModel, type ScreeningResult } from '../lib/sim/screening';
import {
	parseArgs,
	type RunFormat,
	type ScreenFormat,
	type ScreenSettings,
	type SimOptions,
	type Sweep
} from './args';
import { helpText, paramsText, presetsText } from './help';
import { toCsv } from '../lib/export/bands';
import {
	sweepCsv,
	sweepJson,
	sweepText,
	toJson,
	toText,
	type Compared,
	type SweepRow
} from './output';
import { createProgress } from './progress';
import { resolveCompared, resolveScenario, resolveSweep, type ReadText } from './resolve';
import { robustness } from '../lib/analysis/robustness';
import { screeningJson, screeningMarkdown, screeningText } from './screen-output';

const BAD_INPUT = 2;
const FAILURE = 1;

const readText: ReadText = (path) => {
	try {
		return { ok: true, value: readFileSync(path, 'utf8') };
	} catch (e) {
		const why = e instanceof Error ? e.message : String(e);
		return { ok: false, error: `Cannot read scenario file ${path}: ${why}` };
	}
};

/** One line on stderr (newlines inside a message are flattened). */
function fail(message: string, code: number): void {
	process.stderr.write(`sim: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
	process.exitCode = code;
}

/** Why the output file cannot be written, checked before any simulation; null when it can. */
function outProblem(out: string): string | null {
	try {
		if (existsSync(out)) {
			if (statSync(out).isDirectory()) return `Cannot write ${out}: it is a folder.`;
			accessSync(out, constants.W_OK);
		} else {
			const folder = dirname(resolve(out));
			if (!existsSync(folder)) return `Cannot write ${out}: the folder ${folder} does not exist.`;
			accessSync(folder, constants.W_OK);
		}
		return null;
	} catch (e) {
		return `Cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`;
	}
}

function main(argv: readonly string[]): void {
	// Output piped into e.g. `head` may close early; that is not an error.
	process.stdout.on('error', (e: NodeJS.ErrnoException) => {
		if (e.code === 'EPIPE') process.exit(0);
		throw e;
	});

	const parsed = parseArgs(argv);
	if (!parsed.ok) return fail(parsed.error, BAD_INPUT);
	const command = parsed.value;
	if ('options' in command && command.options.out !== undefined) {
		const problem = outProblem(command.options.out);
		if (problem !== null) return fail(problem, BAD_INPUT);
	}
	switch (command.kind) {
		case 'help':
			process.stdout.write(helpText());
			return;
		case 'list-presets':
			process.stdout.write(presetsText());
			return;
		case 'list-params':
			process.stdout.write(paramsText());
			return;
		case 'run':
			return run(command.options);
		case 'sweep':
			return sweep(command.options, command.sweep);
		case 'screen':
			return screen(command.options, command.screen);
		default:
			command satisfies never;
	}
}

/** A progress bar on stderr when it is a terminal. */
function progressBar(total: number) {
	return createProgress(
		total,
		process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined
	);
}

/** Writes the output to --out or stdout. */
function emit(text: string, out: string | undefined): void {
	if (out === undefined) {
		process.stdout.write(text);
		return;
	}
	try {
		writeFileSync(out, text);
	} catch (e) {
		return fail(`Cannot write ${out}: ${e instanceof Error ? e.message : String(e)}`, BAD_INPUT);
	}
}

function failure(e: unknown): void {
	fail(`The simulation failed: ${e instanceof Error ? e.message : String(e)}`, FAILURE);
}

function run(options: SimOptions<RunFormat>): void {
	const resolved = resolveScenario(options, readText);
	if (!resolved.ok) return fail(resolved.error, BAD_INPUT);
	const scenario = resolved.value;
	let second: Scenario | undefined;
	if (options.compare !== undefined) {
		const other = resolveCompared(options, scenario, readText);
		if (!other.ok) return fail(other.error, BAD_INPUT);
		second = other.value;
	}

	const progress = progressBar(scenario.runs * (second ? 2 : 1));
	let summary: Summary;
	let comparison: Compared | undefined;
	try {
		summary = simulate(scenario, (done) => progress.update(done));
		if (second) {
			const other = simulate(second, (done) => progress.update(scenario.runs + done));
			// Two scenarios of one name (a preset against itself with --set) are told apart.
			const same = scenario.name === second.name;
			const names = {
				a: same ? `${scenario.name} (first)` : scenario.name,
				b: same ? `${second.name} (second)` : second.name
			};
			comparison = {
				scenario: second,
				summary: other,
				names,
				verdict: robustness(scenario, summary, second, other, undefined, names)
			};
		}
	} catch (e) {
		progress.finish();
		return failure(e);
	}
	progress.finish();

	switch (options.format) {
		case 'json':
			return emit(toJson(scenario, summary, comparison), options.out);
		case 'csv':
			return emit(toCsv(summary), options.out);
		case 'text':
			return emit(toText(scenario, summary, comparison), options.out);
		default:
			options.format satisfies never;
	}
}

function sweep(options: SimOptions<RunFormat>, sw: Sweep): void {
	const resolved = resolveSweep(options, sw, readText);
	if (!resolved.ok) return fail(resolved.error, BAD_INPUT);
	const points = resolved.value;

	const progress = progressBar(points.reduce((n, p) => n + p.scenario.runs, 0));
	const rows: SweepRow[] = [];
	let before = 0;
	try {
		for (const { value, scenario } of points) {
			const summary = simulate(scenario, (done) => progress.update(before + done));
			before += scenario.runs;
			rows.push({ value, scenario, summary });
		}
	} catch (e) {
		progress.finish();
		return failure(e);
	}
	progress.finish();

	switch (options.format) {
		case 'text':
			return emit(sweepText(sw.path, rows), options.out);
		case 'csv':
			return emit(sweepCsv(sw.path, rows), options.out);
		case 'json':
			return emit(sweepJson(sw.path, rows), options.out);
		default:
			options.format satisfies never;
	}
}

function screen(options: SimOptions<ScreenFormat>, settings: ScreenSettings): void {
	const resolved = resolveScenario(options, readText);
	if (!resolved.ok) return fail(resolved.error, BAD_INPUT);
	const scenario: Scenario = resolved.value;

	const factors = screeningFactors();
	const progress = progressBar(settings.trajectories * (factors.length + 1) * settings.runs);
	let result: ScreeningResult;
	try {
		const r = screenModel(
			scenario,
			{ trajectories: settings.trajectories, runs: settings.runs, factors },
			(done) => progress.update(done)
		);
		progress.finish();
		if (!r.ok) return fail(r.error, BAD_INPUT);
		result = r.value;
	} catch (e) {
		progress.finish();
		return failure(e);
	}

	switch (options.format) {
		case 'text':
			return emit(screeningText(scenario, result, settings.top), options.out);
		case 'json':
			return emit(screeningJson(scenario, result), options.out);
		case 'markdown':
			return emit(screeningMarkdown(scenario, result, settings.top), options.out);
		default:
			options.format satisfies never;
	}
}

try {
	main(process.argv.slice(2));
} catch (e) {
	// Never a stack trace: one line, as for every other failure.
	failure(e);
}
