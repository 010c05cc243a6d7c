/**
 * `npm run bench`: the Node benchmarks (bench/run.ts), then the browser benchmarks
 * (bench/browser/run.ts). Options go where they apply: benchmark ids and --tsx to the Node
 * benchmarks only (naming benchmarks skips the browser ones), --quick to both.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const named = args.some((a) => !a.startsWith('-'));

/** Runs a command in the project folder, its output passed through; returns its status. */
function run(command: string, commandArgs: readonly string[]): number {
	const r = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit' });
	return r.status ?? 1;
}

const tsx = join(root, 'node_modules', '.bin', 'tsx');
let status = run(tsx, [join(root, 'bench', 'run.ts'), ...args]);
if (status === 0 && !named) {
	status = run(process.execPath, [join(root, 'scripts', 'ensure-browser.mjs')]);
	if (status === 0)
		status = run(tsx, [join(root, 'bench', 'browser', 'run.ts'), ...(quick ? ['--quick'] : [])]);
}
process.exitCode = status;
