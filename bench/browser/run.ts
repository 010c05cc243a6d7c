/**
 * `npm run bench:browser`: the engine measured where users run it, in headless Chromium on
 * a production build. Prints a table and writes bench/results/browser.json.
 *
 * Figures, engine page: time for the full 1,000-run result of the demo preset on the pool
 * this machine gets (one worker per core, up to 8), the same on one worker, the pool's
 * speed-up, the time to the 100-run preview, and a 10 x 10 sweep at 200 futures a cell
 * (contract length against power sharing) as the compare pages run it.
 * Figures, the app itself (production build, served as a static host serves it): on the
 * demo scenario's workbench, the time from changing a setting (contract length typed into
 * its box) to the first redrawn chart, and to the full 1,000-run result on screen; and while
 * a 50,000-run job runs (for 5 s, then cancelled), the longest task of the page's main
 * thread (target under 50 ms), the longest by
 * the thread's own CPU time (what the page costs, whatever else the machine is doing), and
 * the main thread's CPU use (time the simulation workers cannot use when they fill the cores).
 * Then, as in the end-to-end scale test, the demo scenario's four segments are given 25,000
 * people each (100,000 people, 10,000 simulated members) and the job runs to its result: the
 * page's longest main-thread tasks by the clock and by CPU time (target under 50 ms), each
 * with what it spent its time on, as the trace names it.
 * Misses are reported, never turned into a failing exit status.
 *
 * --quick runs every measure once on small jobs (a smoke test for CI, figures not comparable
 * with a full run) and writes no results file. BENCH_WORKBENCH_ONLY=1 measures only the
 * workbench (both jobs) and prints its figures without writing the results file;
 * SLOW_TRUST_OUT names the app's build folder (default `bench`), and BENCH_APP_BUILD=<folder>
 * measures an app already built there (to compare two versions, or to reuse a build).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { build } from 'vite';
import { execFileSync } from 'node:child_process';
import { chromiumArgs, findBrowser } from '../../scripts/find-browser.mjs';
import { meets, type Figure } from '../lib';
import type { BenchApi, PoolTiming } from './harness';
import { serve } from './serve';
import {
	mainThreadTasks,
	mark,
	markTime,
	startTrace,
	taskContents,
	topEntries,
	type MainThreadTask,
	type TraceEvent
} from './trace';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outDir = join(root, 'node_modules', '.cache', 'slow-trust-bench', 'browser');
const resultsFile = join(root, 'bench', 'results', 'browser.json');

function parseCli(argv: readonly string[]): { quick: boolean } {
	let quick = false;
	for (const arg of argv) {
		if (arg === '--quick') quick = true;
		else throw new Error(`Unknown option ${arg} (the one option is --quick)`);
	}
	return { quick };
}

const { quick: QUICK } = parseCli(process.argv.slice(2));

const RUNS = QUICK ? 200 : 1000;
/** The demo scenario's own number of futures: what the workbench runs after each edit. */
const DEMO_RUNS = 1000;
const REPEATS = QUICK ? 1 : 5;
const PREVIEW_RUNS = 100;
const SWEEP = QUICK ? 3 : 10;
const SWEEP_RUNS = QUICK ? 50 : 200;
/** The long job of the responsiveness figure, and how long it runs before it is cancelled. */
const LONG_RUNS = 50_000;
const LONG_JOB_MS = QUICK ? 1000 : 5000;
/** Futures of the 100,000-person job (10,000 simulated members; about 70 ms of CPU each). */
const SCALE_RUNS = QUICK ? 60 : 300;
const SCALE_SEGMENT_PEOPLE = '25000';
/** Tasks of the 100,000-person job whose contents are printed, longest by CPU first. */
const SCALE_NAMED = 3;

/** Contract lengths typed in turn; each differs from the last, so each one re-runs. */
const LENGTHS = QUICK ? ['48', '60'] : ['48', '60', '36', '72', '42'];

/** The page's main-thread tasks in a traced stretch: the longest, and the thread's totals. */
interface TaskFigures {
	tasks: number;
	/** The five longest by the clock, and by CPU time (ms). */
	longestMs: number[];
	longestCpuMs: number[];
	busyMs: number;
	cpuMs: number;
	ms: number;
}

function taskFigures(tasks: readonly MainThreadTask[], from: number, to: number): TaskFigures {
	const longest = (key: 'wallMs' | 'cpuMs') =>
		tasks
			.map((t) => t[key])
			.sort((a, b) => b - a)
			.slice(0, 5);
	return {
		tasks: tasks.length,
		longestMs: longest('wallMs'),
		longestCpuMs: longest('cpuMs'),
		busyMs: tasks.reduce((sum, t) => sum + t.wallMs, 0),
		cpuMs: tasks.reduce((sum, t) => sum + t.cpuMs, 0),
		ms: (to - from) / 1000
	};
}

/** Builds the app (unless BENCH_APP_BUILD names a build) and serves it; resolves with its address. */
async function serveApp(): Promise<{ base: string; close: () => void }> {
	// SLOW_TRUST_OUT gives this build its own folder, as for the end-to-end tests.
	const outName = process.env.SLOW_TRUST_OUT ?? 'bench';
	const out = join(root, '.out', outName);
	const given = process.env.BENCH_APP_BUILD;
	if (!given)
		execFileSync('npx', ['vite', 'build'], {
			cwd: root,
			env: { ...process.env, SLOW_TRUST_OUT: outName },
			stdio: ['ignore', 'ignore', 'inherit']
		});
	const server = await serve(given ? resolve(root, given) : join(out, 'build'), '200.html');
	const { port } = server.address() as AddressInfo;
	return { base: `http://127.0.0.1:${port}`, close: () => server.close() };
}

/**
 * Opens the demo scenario in the production build and, for each length in LENGTHS, types it
 * into the contract length box and times (on the page's clock) the first change to any
 * chart's SVG, and the full result being on screen. Then asks for LONG_RUNS futures, lets
 * the job run for LONG_JOB_MS and cancels it, and reads the page's main-thread tasks from a
 * Chromium trace of that time (changes are made by script, not by Playwright's actions, so
 * that only the page's own work is measured).
 */
async function timeWorkbench(
	browser: Browser,
	base: string
): Promise<{
	firstChartMs: number[];
	fullResultMs: number[];
	longJob: TaskFigures;
}> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	try {
		const page = await context.newPage();
		page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
		await page.goto(`${base}/scenarios/preset-typical`);
		const done = page.locator('[data-run-state="done"]');
		await done.waitFor({ timeout: 120_000 });
		const input = page.getByRole('textbox', { name: 'Contract length', exact: true });
		const firstChartMs: number[] = [];
		const fullResultMs: number[] = [];
		for (const value of LENGTHS) {
			const handle = await input.elementHandle();
			if (!handle) throw new Error('no contract length box');
			const timing = handle.evaluate(
				(el, v) =>
					new Promise<{ first: number; full: number }>((resolve) => {
						const box = el as HTMLInputElement;
						const results = document.querySelector('.results-body') ?? document.body;
						const status = document.querySelector('[data-run-state]');
						let first = -1;
						const start = performance.now();
						const charts = new MutationObserver(() => {
							if (first < 0) first = performance.now() - start;
							charts.disconnect();
						});
						charts.observe(results, { subtree: true, attributes: true, attributeFilter: ['d'] });
						const finished = new MutationObserver(() => {
							const s = document.querySelector('[data-run-state]');
							if (s?.getAttribute('data-run-state') === 'done' && first >= 0) {
								finished.disconnect();
								resolve({ first, full: performance.now() - start });
							}
						});
						finished.observe(status?.parentElement ?? document.body, {
							subtree: true,
							attributes: true,
							childList: true
						});
						box.value = v;
						box.dispatchEvent(new Event('input', { bubbles: true }));
						box.dispatchEvent(new Event('change', { bubbles: true }));
					}),
				value
			);
			const t = await timing;
			firstChartMs.push(t.first);
			fullResultMs.push(t.full);
		}

		const cdp = await context.newCDPSession(page);
		const stop = await startTrace(cdp);
		await mark(page, 'long-job-start');
		await page.evaluate((runs) => {
			const box = [...document.querySelectorAll('input')].find(
				(i) => i.labels?.[0]?.textContent?.trim() === 'Simulated futures'
			);
			if (!box) throw new Error('no box for the number of futures');
			box.value = String(runs);
			box.dispatchEvent(new Event('input', { bubbles: true }));
			box.dispatchEvent(new Event('change', { bubbles: true }));
		}, LONG_RUNS);
		// A job this large waits for Run.
		await page.locator('[data-run-state="large"]').waitFor();
		await page.evaluate(() => {
			const run = [...document.querySelectorAll('button')].find((b) =>
				b.textContent?.trim().startsWith('Run ')
			);
			if (!run) throw new Error('no Run button');
			run.click();
		});
		await page.locator('[data-run-state="refining"]').waitFor({ timeout: 60_000 });
		await page.waitForTimeout(LONG_JOB_MS);
		await page.evaluate(() => {
			const cancel = [...document.querySelectorAll('button')].find(
				(b) => b.textContent?.trim() === 'Cancel'
			);
			if (!cancel) throw new Error('no Cancel button');
			cancel.click();
		});
		await page.locator('[data-run-state="cancelled"]').waitFor();
		// Let the page draw the cancelled state before the trace ends.
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
		await mark(page, 'long-job-end');
		const events = await stop();
		const from = markTime(events, 'long-job-start');
		const to = markTime(events, 'long-job-end');
		const longJob = taskFigures(mainThreadTasks(events, from, to), from, to);
		return { firstChartMs, fullResultMs, longJob };
	} finally {
		await context.close();
	}
}

/** The 100,000-person job: its main-thread figures and its longest tasks, named. */
interface ScaleJob extends TaskFigures {
	runs: number;
	/** The longest tasks by CPU time: when (ms after the edit began), clock, CPU, contents. */
	named: { atMs: number; wallMs: number; cpuMs: number; contents: string }[];
}

/**
 * The end-to-end scale test's job, measured: opens the demo scenario, asks for SCALE_RUNS
 * futures, opens the four segments and gives each 25,000 people (typed, as a person would),
 * and traces the page until the 100,000-person job's result is on screen.
 */
async function timeScaleJob(browser: Browser, base: string): Promise<ScaleJob> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	try {
		const page = await context.newPage();
		page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
		await page.goto(`${base}/scenarios/preset-typical`);
		const state = page.locator('[data-run-state]');
		await page.locator('[data-run-state="done"]').waitFor({ timeout: 120_000 });
		await page
			.getByRole('textbox', { name: 'Simulated futures', exact: true })
			.fill(String(SCALE_RUNS));
		await page
			.locator('[data-run-state="done"]', { hasText: `${SCALE_RUNS} futures simulated` })
			.waitFor({ timeout: 120_000 });
		const rows = page.locator('.segments .rows > li');
		const count = await rows.count();
		for (let i = 0; i < count; i++) await rows.nth(i).locator('summary').click();

		const cdp = await context.newCDPSession(page);
		const stop = await startTrace(cdp);
		await mark(page, 'scale-start');
		for (let i = 0; i < count; i++)
			await rows
				.nth(i)
				.getByRole('textbox', { name: 'People', exact: true })
				.fill(SCALE_SEGMENT_PEOPLE);
		// A light check four times a second (a locator's text search over the whole page would
		// add tasks of its own to the page's main thread while it is traced).
		await page.waitForFunction(
			(runs) => {
				const status = document.querySelector('[data-run-state]');
				const total = document.querySelector('.segments .total');
				return (
					status?.getAttribute('data-run-state') === 'done' &&
					(status.textContent ?? '').includes(`${runs} futures simulated`) &&
					(total?.textContent ?? '').includes('100,000 people')
				);
			},
			SCALE_RUNS,
			{ timeout: 600_000, polling: 250 }
		);
		// Let the page draw the result before the trace ends.
		await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 100))));
		await mark(page, 'scale-end');
		const events: TraceEvent[] = await stop();
		if ((await state.getAttribute('data-run-state')) !== 'done')
			throw new Error('the 100,000-person job did not end with its result');
		const from = markTime(events, 'scale-start');
		const to = markTime(events, 'scale-end');
		const tasks = mainThreadTasks(events, from, to);
		const named = [...tasks]
			.sort((a, b) => b.cpuMs - a.cpuMs)
			.slice(0, SCALE_NAMED)
			.map((t) => ({
				atMs: Math.round((t.ts - from) / 1000),
				wallMs: t.wallMs,
				cpuMs: t.cpuMs,
				contents: topEntries(taskContents(t.event, events), 4)
			}));
		return { ...taskFigures(tasks, from, to), runs: SCALE_RUNS, named };
	} finally {
		await context.close();
	}
}

/**
 * Futures a side of the paired comparison with uncertain assumptions (more than 200 even when
 * quick, so that a first look comes first).
 */
const PAIRED_RUNS = QUICK ? 500 : 2000;

/**
 * A paired comparison with uncertain assumptions on the compare page, as a person runs it:
 * from "Run comparison" to the first pair's "How sure is this?" on screen, in milliseconds.
 */
async function timeComparison(
	browser: Browser,
	base: string
): Promise<{ firstLookMs: number; fullMs: number }> {
	const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
	try {
		const page = await context.newPage();
		await page.goto(`${base}/compare`);
		await page.getByRole('checkbox', { name: /Today's typical contract/ }).check();
		// A person takes a moment to choose; the page warms its workers meanwhile.
		await page.waitForTimeout(1500);
		await page.getByRole('checkbox', { name: /Working towards co-production/ }).check();
		await page.getByLabel('Futures per scenario').selectOption(String(PAIRED_RUNS));
		await page.getByLabel('Assumptions').selectOption('uncertain');
		const start = Date.now();
		await page.getByRole('button', { name: 'Run comparison' }).click();
		await page.getByText(/A first look from/).waitFor({ timeout: 120_000 });
		const firstLookMs = Date.now() - start;
		await page
			.locator('.receipt')
			.filter({ hasText: `${PAIRED_RUNS.toLocaleString('en-GB')} futures each` })
			.waitFor({ timeout: 120_000 });
		await page.getByTestId('how-sure').first().waitFor({ timeout: 120_000 });
		return { firstLookMs, fullMs: Date.now() - start };
	} finally {
		await context.close();
	}
}

/** The app's figures: the workbench's edits and long job, then the 100,000-person job. */
async function timeApp(browser: Browser): Promise<
	Awaited<ReturnType<typeof timeWorkbench>> & {
		scale: ScaleJob;
		comparison: { firstLookMs: number; fullMs: number };
	}
> {
	const app = await serveApp();
	try {
		const workbench = await timeWorkbench(browser, app.base);
		process.stderr.write(`Timing the 100,000-person job (${SCALE_RUNS} futures)...\n`);
		const scale = await timeScaleJob(browser, app.base);
		process.stderr.write(`Timing a paired comparison, uncertain, ${PAIRED_RUNS} a side...\n`);
		const comparison = await timeComparison(browser, app.base);
		return { ...workbench, scale, comparison };
	} finally {
		app.close();
	}
}

/** The 100,000-person job's longest tasks, with what they did, as lines of text. */
function scaleText(scale: ScaleJob): string {
	const f = (v: number) => v.toFixed(0);
	return (
		`100,000-person job (${scale.runs} futures): longest main-thread tasks (ms) ` +
		`${scale.longestMs.map(f).join(', ')}, by CPU time ${scale.longestCpuMs.map(f).join(', ')}; ` +
		`${scale.tasks} tasks in ${f(scale.ms)} ms\n` +
		scale.named
			.map(
				(t) =>
					`  task at +${t.atMs} ms: ${t.wallMs.toFixed(1)} ms, CPU ${t.cpuMs.toFixed(1)} ms: ${t.contents}\n`
			)
			.join('')
	);
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

/** Only the workbench's figures, printed and not written (to check a change to the page). */
async function workbenchOnly(): Promise<void> {
	const { found } = await findBrowser();
	if (!found) throw new Error('no Chromium found; run `node scripts/ensure-browser.mjs` first');
	const browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs });
	try {
		const app = await timeApp(browser);
		const f = (v: number[]) => v.map((x) => x.toFixed(0)).join(', ');
		process.stdout.write(
			`Setting changed to first redrawn chart (ms): ${f(app.firstChartMs)}\n` +
				`Setting changed to full ${DEMO_RUNS}-run result (ms): ${f(app.fullResultMs)}\n` +
				`${LONG_RUNS}-run job: longest main-thread tasks (ms) ${f(app.longJob.longestMs)}, ` +
				`by CPU time ${f(app.longJob.longestCpuMs)}; busy ` +
				`${((100 * app.longJob.busyMs) / app.longJob.ms).toFixed(0)}% of the time, CPU ` +
				`${((100 * app.longJob.cpuMs) / app.longJob.ms).toFixed(0)}%, in ${app.longJob.tasks} tasks\n` +
				scaleText(app.scale)
		);
	} finally {
		await browser.close();
	}
}

async function main(): Promise<void> {
	if (process.env.BENCH_WORKBENCH_ONLY) return workbenchOnly();
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

		process.stderr.write(`Timing a ${SWEEP} x ${SWEEP} sweep at ${SWEEP_RUNS} futures a cell...\n`);
		const sweepMs = await page.evaluate(
			([n, r]) =>
				(window as unknown as { slowTrustBench: BenchApi }).slowTrustBench.timeSweep(n, r),
			[SWEEP, SWEEP_RUNS] as const
		);
		process.stderr.write('Building the app and timing the workbench...\n');
		const app = await timeApp(browser);

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
				digits: 0
			},
			{
				id: 'sweep10x10Ms',
				label: `Sweep, ${SWEEP} x ${SWEEP} cells at ${SWEEP_RUNS} futures each`,
				value: sweepMs,
				unit: 'ms',
				digits: 0,
				target: { kind: 'below', value: 20_000 }
			},
			{
				id: 'changeToFirstChartMs',
				label: 'Workbench: setting changed to first redrawn chart',
				value: median(app.firstChartMs),
				unit: 'ms',
				digits: 0,
				target: { kind: 'below', value: 150 }
			},
			{
				id: 'changeToFullResultMs',
				label: `Workbench: setting changed to full ${DEMO_RUNS}-run result`,
				value: median(app.fullResultMs),
				unit: 'ms',
				digits: 0,
				target: { kind: 'below', value: 2000 }
			},
			{
				id: 'longJobLongestTaskMs',
				label: `Workbench: longest main-thread task, ${LONG_RUNS}-run job`,
				value: app.longJob.longestMs[0] ?? Number.NaN,
				unit: 'ms',
				digits: 0,
				target: { kind: 'below', value: 50 }
			},
			{
				id: 'longJobLongestTaskCpuMs',
				label: `Workbench: the same, CPU time only`,
				value: app.longJob.longestCpuMs[0] ?? Number.NaN,
				unit: 'ms',
				digits: 0
			},
			{
				id: 'longJobMainThreadCpu',
				label: `Workbench: main thread's CPU use during that job`,
				value: (100 * app.longJob.cpuMs) / app.longJob.ms,
				unit: '%',
				digits: 0
			},
			{
				id: 'pairedUncertainMs',
				label: `Compare page: paired, uncertain assumptions, ${PAIRED_RUNS} futures a side`,
				value: app.comparison.fullMs,
				unit: 'ms',
				digits: 0,
				target: { kind: 'below', value: 5000 }
			},
			{
				id: 'pairedFirstLookMs',
				label: 'Compare page: the same, first look on screen',
				value: app.comparison.firstLookMs,
				unit: 'ms',
				digits: 0,
				target: { kind: 'below', value: 500 }
			},
			{
				id: 'scaleLongestTaskMs',
				label: `100,000 people, ${SCALE_RUNS} futures: longest main-thread task`,
				value: app.scale.longestMs[0] ?? Number.NaN,
				unit: 'ms',
				digits: 0,
				target: { kind: 'below', value: 50 }
			},
			{
				id: 'scaleLongestTaskCpuMs',
				label: `100,000 people: the same, CPU time only`,
				value: app.scale.longestCpuMs[0] ?? Number.NaN,
				unit: 'ms',
				digits: 0,
				target: { kind: 'below', value: 50 }
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
		process.stdout.write(
			`\nHeadless Chromium (${cores} cores)${QUICK ? ', --quick: small jobs, figures not comparable' : ''}\n` +
				`${text.join('\n')}\n\n${scaleText(app.scale)}`
		);
		if (QUICK) return;
		mkdirSync(join(root, 'bench', 'results'), { recursive: true });
		writeFileSync(
			resultsFile,
			JSON.stringify(
				{
					date: new Date().toISOString(),
					browser: browser.version(),
					cores,
					figures,
					details: { single, pooled, withPreview, sweepMs, app }
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
