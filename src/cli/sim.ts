/**
 * `npm run sim -- [options]`: runs a scenario headless in Node with the same core as the app
 * and writes its summary as JSON or CSV. Run with --help for the options.
 *
 * Exit status: 0 done; 2 bad input, with one line on stderr naming the problem; 1 an
 * unexpected failure.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { simulate, type Summary } from '../lib/sim/index';
import { parseArgs } from './args';
import { helpText, paramsText, presetsText } from './help';
import { toCsv, toJson } from './output';
import { createProgress } from './progress';
import { resolveScenario, type ReadText } from './resolve';

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

function main(argv: readonly string[]): void {
	// Output piped into e.g. `head` may close early; that is not an error.
	process.stdout.on('error', (e: NodeJS.ErrnoException) => {
		if (e.code === 'EPIPE') process.exit(0);
		throw e;
	});

	const parsed = parseArgs(argv);
	if (!parsed.ok) return fail(parsed.error, BAD_INPUT);
	const command = parsed.value;
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
			break;
		default:
			command satisfies never;
	}
	const options = command.options;
	const resolved = resolveScenario(options, readText);
	if (!resolved.ok) return fail(resolved.error, BAD_INPUT);
	const scenario = resolved.value;

	const progress = createProgress(
		scenario.runs,
		process.stderr.isTTY ? (text) => process.stderr.write(text) : undefined
	);
	let summary: Summary;
	try {
		summary = simulate(scenario, (done) => progress.update(done));
	} catch (e) {
		progress.finish();
		return fail(`The simulation failed: ${e instanceof Error ? e.message : String(e)}`, FAILURE);
	}
	progress.finish();

	const text = options.format === 'csv' ? toCsv(summary) : toJson(scenario, summary);
	if (options.out === undefined) {
		process.stdout.write(text);
		return;
	}
	try {
		writeFileSync(options.out, text);
	} catch (e) {
		return fail(
			`Cannot write ${options.out}: ${e instanceof Error ? e.message : String(e)}`,
			BAD_INPUT
		);
	}
}

main(process.argv.slice(2));
