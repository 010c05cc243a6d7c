/**
 * `npm run bench:browser`: the engine measured where users run it, in headless Chromium on
 * a production build. Prints a table and writes bench/results/browser.json.
 *
 * Figures: time for the full 1,000-run result of the demo preset on the pool this machine
 * gets (one worker per core, up to 8), the same on one worker, the pool's speed-up, and
 * the time to the 100-run preview that the workbench shows first.
 * Misses are reported, never turned into a failing exit status.
 */
import { createReadStream, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'vite';
import { chromiumArgs, findBrowser } from '../../scripts/find-browser.mjs';
import { meets, type Figure } from '../lib';
import type { BenchApi, PoolTiming } from './harness';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'node_modules', '.cache', 'slow-trust-bench', 'browser');
const resultsFile = join(root, 'bench', 'results', 'browser.json');

const RUNS = 1000;
const REPEATS = 5;
const PREVIEW_RUNS = 100;

const types: Record<string, string> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json'
};

/** Serves the built page on a free local port. */
function serve(dir: string): Promise<Server> {
	const server = createServer((req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		const file = join(dir, path === '/' ? 'index.html' : path);
		if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
			res.writeHead(404).end('not found');
			return;
		}
		res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
		createReadStream(file).pipe(res);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function median(values: readonly number[]): number {
	const s = [...values].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function row(f: Figure): string[] {
	const value = f.value.toFixed(f.digits);
	let target = '';
	let result = '';
	if (f.target) {
		target = `${f.target.kind === 'atLeast' ? '>=' : '<'} ${f.target.value}`;
		result = meets(f.value, f.target) ? 'PASS' : 'MISS';
	}
	return [f.label, value, f.unit, target, result];
}

async function main(): Promise<void> {
	const { found } = await findBrowser();
	if (!found) throw new Error('no Chromium found; run `node scripts/ensure-browser.mjs` first');
	process.stderr.write('Building the benchmark page...\n');
	mkdirSync(outDir, { recursive: true });
	await build({ configFile: join(root, 'bench', 'browser', 'vite.config.ts') });
	const server = await serve(outDir);
	const { port } = server.address() as AddressInfo;
	const browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs });
	try {
		const page = await browser.newPage();
		page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
		await page.goto(`http://127.0.0.1:${port}/`);
		await page.waitForSelector('body[data-ready="true"]');
		const cores = await page.evaluate(() => navigator.hardwareConcurrency);
		const poolSize = Math.max(1, Math.min(8, cores));
		const time = (size: number, previewRuns: number): Promise<PoolTiming> =>
			page.evaluate(
				([s, r, n, p]) =>
					(window as unknown as { slowTrustBench: BenchApi }).slowTrustBench.timePool(s, r, n, p),
				[size, RUNS, REPEATS, previewRuns] as const
			);
		process.stderr.write(`Timing ${RUNS} runs on 1 worker...\n`);
		const single = await time(1, 0);
		process.stderr.write(`Timing ${RUNS} runs on ${poolSize} workers...\n`);
		const pooled = await time(poolSize, 0);
		process.stderr.write(`Timing the ${PREVIEW_RUNS}-run preview...\n`);
		const withPreview = await time(poolSize, PREVIEW_RUNS);

		const singleMs = median(single.jobsMs);
		const pooledMs = median(pooled.jobsMs);
		const figures: Figure[] = [
			{
				id: 'full1000PoolMs',
				label: `Demo preset, ${RUNS} runs, ${poolSize} workers`,
				value: pooledMs,
				unit: 'ms',
				digits: 0,
				target: { kind: 'below', value: 2000 }
			},
			{
				id: 'full1000SingleMs',
				label: `Demo preset, ${RUNS} runs, 1 worker`,
				value: singleMs,
				unit: 'ms',
				digits: 0
			},
			{
				id: 'poolSpeedup',
				label: `Speed-up of ${poolSize} workers over 1`,
				value: singleMs / pooledMs,
				unit: 'x',
				digits: 2,
				target: { kind: 'atLeast', value: poolSize >= 2 ? 1.6 : 1 }
			},
			{
				id: 'previewMs',
				label: `Time to the ${PREVIEW_RUNS}-run preview (engine only)`,
				value: withPreview.previewMs ?? Number.NaN,
				unit: 'ms',
				digits: 0,
				target: { kind: 'below', value: 150 }
			}
		];
		const rows = [['Figure', 'Value', 'Unit', 'Target', 'Result'], ...figures.map(row)];
		const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
		const text = rows.map((r) =>
			r
				.map((cell, c) => (c === 1 ? cell.padStart(widths[c]) : cell.padEnd(widths[c])))
				.join('  ')
				.trimEnd()
		);
		text.splice(1, 0, widths.map((w) => '-'.repeat(w)).join('  '));
		process.stdout.write(`\nHeadless Chromium (${cores} cores)\n${text.join('\n')}\n`);
		mkdirSync(join(root, 'bench', 'results'), { recursive: true });
		writeFileSync(
			resultsFile,
			JSON.stringify(
				{
					date: new Date().toISOString(),
					browser: browser.version(),
					cores,
					figures,
					details: { single, pooled, withPreview }
				},
				null,
				2
			) + '\n'
		);
		process.stdout.write(`\nWrote ${join('bench', 'results', 'browser.json')}\n`);
	} finally {
		await browser.close();
		server.close();
	}
}

main().catch((e: unknown) => {
	process.stderr.write(`bench:browser: ${e instanceof Error ? e.message : String(e)}\n`);
	process.exitCode = 1;
});
