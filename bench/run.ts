/**
 * `npm run bench`: runs each benchmark of bench/benchmarks.ts in its own Node process, one
 * after another, prints a table and writes the figures to bench/results/latest.json.
 *
 * The benchmarks are bundled with esbuild and run by plain Node, so the model's code runs as
 * it does in the app's built worker. Options:
 *   ID ...   run only these benchmarks (e.g. `npm run bench -- throughput`)
 *   --tsx    run the TypeScript sources through tsx instead of bundling (for comparison)
 *   --quick  run each benchmark once on small amounts of work, to check that they run (CI
 *            does); prints the table but writes no results file: the figures are not
 *            comparable with a full run's
 * Misses are reported, never turned into a failing exit status.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus, platform } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { meets, type BenchResult, type Benchmark, type Figure, type Target } from './lib';

const root = fileURLToPath(new URL('..', import.meta.url));
const cacheDir = join(root, 'node_modules', '.cache', 'slow-trust-bench');
const bundle = join(cacheDir, 'child.mjs');
/** The worker thread of the pool benchmark, bundled beside the child. */
const workerBundle = join(cacheDir, 'pool-worker.mjs');
const resultsFile = join(root, 'bench', 'results', 'latest.json');

type Mode = 'bundle' | 'tsx';

function parseCli(
	argv: readonly string[],
	BENCHMARKS: readonly Benchmark[]
): {
	mode: Mode;
	quick: boolean;
	selected: readonly Benchmark[];
} {
	let mode: Mode = 'bundle';
	let quick = false;
	const ids: string[] = [];
	for (const arg of argv) {
		if (arg === '--tsx') mode = 'tsx';
		else if (arg === '--quick') quick = true;
		else if (arg.startsWith('-')) throw new Error(`Unknown option ${arg}`);
		else ids.push(arg);
	}
	for (const id of ids) {
		if (!BENCHMARKS.some((b) => b.id === id))
			throw new Error(`No benchmark "${id}"; they are: ${BENCHMARKS.map((b) => b.id).join(', ')}`);
	}
	const selected = ids.length ? BENCHMARKS.filter((b) => ids.includes(b.id)) : BENCHMARKS;
	return { mode, quick, selected };
}

function buildBundle(): void {
	const esbuild = join(root, 'node_modules', '.bin', 'esbuild');
	if (!existsSync(esbuild)) throw new Error('esbuild not found; run npm install, or use --tsx');
	mkdirSync(cacheDir, { recursive: true });
	for (const [entry, out] of [
		[join(root, 'bench', 'child.ts'), bundle],
		[join(root, 'src', 'lib', 'engine', 'node.worker.ts'), workerBundle]
	])
		execFileSync(
			esbuild,
			[
				entry,
				'--bundle',
				'--platform=node',
				'--format=esm',
				'--target=node20',
				`--alias:$lib=${join(root, 'src', 'lib')}`,
				`--outfile=${out}`,
				'--log-level=warning'
			],
			{ stdio: 'inherit' }
		);
}

function runChild(mode: Mode, id: string): BenchResult {
	const args =
		mode === 'bundle' ? [bundle, id] : ['--import', 'tsx', join(root, 'bench', 'child.ts'), id];
	const r = spawnSync(process.execPath, args, {
		cwd: root,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
		maxBuffer: 64 * 1024 * 1024
	});
	if (r.status !== 0) throw new Error(`Benchmark ${id} failed (exit status ${r.status})`);
	const last = r.stdout.trimEnd().split('\n').pop() ?? '';
	return JSON.parse(last) as BenchResult;
}

function format(f: Figure, value: number): string {
	return (value / (f.scale ?? 1)).toFixed(f.digits);
}

function targetText(f: Figure, t: Target): string {
	switch (t.kind) {
		case 'atLeast':
			return `>= ${format(f, t.value)}`;
		case 'below':
			return `< ${format(f, t.value)}`;
		default:
			return t satisfies never;
	}
}

function status(f: Figure): 'PASS' | 'MISS' | '' {
	if (!f.target) return '';
	return meets(f.value, f.target) ? 'PASS' : 'MISS';
}

function gitCommit(): string | null {
	try {
		return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
			cwd: root,
			encoding: 'utf8'
		}).trim();
	} catch {
		return null;
	}
}

function printTable(results: { benchmark: Benchmark; result: BenchResult }[]): void {
	const rows: string[][] = [['Figure', 'Value', 'Unit', 'Target', 'Result']];
	const sections: number[] = [];
	for (const { benchmark, result } of results) {
		sections.push(rows.length);
		rows.push([benchmark.title, '', '', '', '']);
		for (const f of result.figures) {
			rows.push([
				`  ${f.label}`,
				format(f, f.value),
				f.unit,
				f.target ? targetText(f, f.target) : '',
				status(f)
			]);
		}
	}
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	const line = (r: string[]) =>
		r
			.map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
			.join('  ')
			.trimEnd();
	const rule = widths.map((w) => '-'.repeat(w)).join('  ');
	const out = [line(rows[0]), rule];
	rows.slice(1).forEach((r, i) => {
		if (sections.includes(i + 1)) out.push(r[0]);
		else out.push(line(r));
	});
	process.stdout.write(out.join('\n') + '\n');
}

async function main(): Promise<void> {
	// Read by each benchmark's process (bench/lib.ts), and here before the benchmarks' modules
	// load, so that their titles name the amounts of work of this mode.
	if (process.argv.includes('--quick')) process.env.SLOW_TRUST_BENCH_QUICK = '1';
	const { BENCHMARKS } = await import('./benchmarks');
	const { mode, quick, selected } = parseCli(process.argv.slice(2), BENCHMARKS);
	if (mode === 'bundle') buildBundle();
	const results: { benchmark: Benchmark; result: BenchResult }[] = [];
	for (const benchmark of selected) {
		process.stderr.write(`Running ${benchmark.id}...\n`);
		results.push({ benchmark, result: runChild(mode, benchmark.id) });
	}
	process.stdout.write('\n');
	printTable(results);
	if (quick) {
		process.stdout.write(
			'\n--quick: small amounts of work, figures not comparable; nothing written\n'
		);
		return;
	}

	const doc = {
		date: new Date().toISOString(),
		commit: gitCommit(),
		node: process.version,
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		platform: platform(),
		mode,
		benchmarks: results.map(({ benchmark, result }) => ({
			id: benchmark.id,
			title: benchmark.title,
			figures: result.figures.map((f) => ({ ...f, status: status(f) || null })),
			details: result.details
		}))
	};
	mkdirSync(dirname(resultsFile), { recursive: true });
	writeFileSync(resultsFile, JSON.stringify(doc, null, 2) + '\n');
	process.stdout.write(`\nWrote ${join('bench', 'results', 'latest.json')}\n`);
}

main().catch((e: unknown) => {
	process.stderr.write(`bench: ${e instanceof Error ? e.message : String(e)}\n`);
	process.exitCode = 1;
});
