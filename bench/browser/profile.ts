/**
 * `npx tsx bench/browser/profile.ts`: where the page's main-thread time goes while the
 * workbench runs, from a Chromium trace of the production build (not minified, so that
 * function names read).
 *
 * It opens the demo scenario, then (1) types five contract lengths in turn, each followed
 * by its full result, (2) starts a 50,000-run job, lets it run for a few seconds and
 * cancels it, and (3) runs the end-to-end scale test's job (300 futures, then 25,000 people
 * typed into each of the four segments) to its result. For each phase it prints the main thread's tasks over a threshold with what
 * they spent their time on (trace events and, from the sampling profiler, the functions),
 * and a total per kind of work. The trace itself goes to .out/<out>/profile.json for
 * chrome://tracing or the DevTools Performance panel.
 *
 * Options: SLOW_TRUST_OUT (build folder, default `profile`), PROFILE_MIN_MS (list every task
 * at least this long, besides the eight longest; default 30), PROFILE_SAMPLES=1 to add the
 * sampling profiler (names the functions, but slows every thread), PROFILE_NO_BUILD=1 to
 * reuse the last build, PROFILE_BUILD=<folder> to profile another build (to compare two
 * versions), PROFILE_TRACE=<file> to summarise a saved trace again without running anything.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { chromiumArgs, findBrowser } from '../../scripts/find-browser.mjs';
import { serve } from './serve';
import { mainThread, mark, markTime, startTrace, TRACE_CATEGORIES, type TraceEvent } from './trace';

const root = fileURLToPath(new URL('../..', import.meta.url));
const outName = process.env.SLOW_TRUST_OUT ?? 'profile';
const minMs = Number(process.env.PROFILE_MIN_MS ?? 30);

interface ProfileNode {
	id: number;
	parent?: number;
	callFrame: { functionName?: string; url?: string; lineNumber?: number };
}

const CATEGORIES = process.env.PROFILE_SAMPLES
	? [...TRACE_CATEGORIES, 'disabled-by-default-v8.cpu_profiler']
	: TRACE_CATEGORIES;

/** Samples of the main thread's CPU profile: [time in µs, leaf node], and the node table. */
function samples(
	events: TraceEvent[],
	thread: { pid: number; tid: number }
): { at: number[]; leaf: number[]; nodes: Map<number, ProfileNode> } {
	const nodes = new Map<number, ProfileNode>();
	const at: number[] = [];
	const leaf: number[] = [];
	const profiles = new Map<string, number>();
	for (const e of events)
		if (e.name === 'Profile' && e.pid === thread.pid && e.tid === thread.tid && e.id)
			profiles.set(e.id, (e.args?.data as { startTime: number }).startTime);
	let t = new Map<string, number>();
	t = new Map(profiles);
	for (const e of events) {
		if (e.name !== 'ProfileChunk' || e.pid !== thread.pid || !e.id || !profiles.has(e.id)) continue;
		const data = e.args?.data as {
			cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
			timeDeltas?: number[];
		};
		for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
		const s = data.cpuProfile?.samples ?? [];
		const d = data.timeDeltas ?? [];
		let time = t.get(e.id) ?? 0;
		for (let i = 0; i < s.length; i++) {
			time += d[i] ?? 0;
			at.push(time);
			leaf.push(s[i]);
		}
		t.set(e.id, time);
	}
	return { at, leaf, nodes };
}

function frameName(n: ProfileNode | undefined): string {
	if (!n) return '?';
	const f = n.callFrame;
	const file = (f.url ?? '').split('/').pop() ?? '';
	return `${f.functionName || '(anonymous)'}${file ? ` ${file}:${(f.lineNumber ?? 0) + 1}` : ''}`;
}

/** Children of a task by name (only direct timeline events, not nested ones). */
function breakdown(task: TraceEvent, inside: TraceEvent[]): Map<string, number> {
	const out = new Map<string, number>();
	const end = task.ts + (task.dur ?? 0);
	// Direct children: events inside the task not inside another event inside the task.
	const kids = inside
		.filter((e) => e !== task && e.ph === 'X' && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
		.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
	let coveredTo = task.ts;
	for (const k of kids) {
		if (k.ts < coveredTo) continue;
		let name = k.name;
		const data = k.args?.data as { functionName?: string; url?: string; type?: string } | undefined;
		if (k.name === 'FunctionCall' && data?.functionName) name = `FunctionCall ${data.functionName}`;
		if (k.name === 'EventDispatch' && data?.type) name = `EventDispatch ${data.type}`;
		out.set(name, (out.get(name) ?? 0) + cpu(k));
		coveredTo = k.ts + (k.dur ?? 0);
	}
	return out;
}

/** Layout, style, painting and garbage collection anywhere inside a task (forced ones too). */
const NOTABLE = new Set([
	'Layout',
	'UpdateLayoutTree',
	'Paint',
	'PrePaint',
	'Commit',
	'Layerize',
	'MinorGC',
	'MajorGC',
	'V8.GC_SCAVENGER',
	'V8.GCIncrementalMarking',
	'V8.GCFinalizeMC',
	'RunMicrotasks'
]);

function inside(task: TraceEvent, events: TraceEvent[]): Map<string, number> {
	const out = new Map<string, number>();
	const end = task.ts + (task.dur ?? 0);
	for (const e of events)
		if (e.ph === 'X' && NOTABLE.has(e.name) && e.ts >= task.ts && e.ts + (e.dur ?? 0) <= end)
			out.set(e.name, (out.get(e.name) ?? 0) + cpu(e));
	return out;
}

/** CPU time of an event in ms (its wall time where the trace has no CPU time). */
function cpu(e: TraceEvent): number {
	return (e.tdur ?? e.dur ?? 0) / 1000;
}

function top(map: Map<string, number>, n: number): string {
	return [...map]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([k, v]) => `${v.toFixed(1)} ${k}`)
		.join('; ');
}

/** Summarises the main thread's tasks between two trace times (µs). */
function report(title: string, events: TraceEvent[], from: number, to: number): void {
	const thread = mainThread(events);
	const mine = events.filter(
		(e) => e.pid === thread.pid && e.tid === thread.tid && e.ts >= from && e.ts <= to
	);
	const tasks = mine.filter((e) => e.ph === 'X' && e.name === 'RunTask');
	const { at, leaf, nodes } = samples(events, thread);
	const selfIn = (a: number, b: number) => {
		const out = new Map<string, number>();
		for (let i = 0; i < at.length; i++) {
			if (at[i] < a || at[i] > b) continue;
			const dt = i + 1 < at.length ? Math.min(at[i + 1] - at[i], 2000) : 0;
			const name = frameName(nodes.get(leaf[i]));
			out.set(name, (out.get(name) ?? 0) + dt / 1000);
		}
		return out;
	};
	const kinds = new Map<string, number>();
	let busy = 0;
	let busyCpu = 0;
	for (const t of tasks) {
		busy += (t.dur ?? 0) / 1000;
		busyCpu += cpu(t);
		for (const [k, v] of breakdown(t, mine)) kinds.set(k, (kinds.get(k) ?? 0) + v);
	}
	const durs = tasks.map((t) => (t.dur ?? 0) / 1000).sort((a, b) => b - a);
	const cpus = tasks.map(cpu).sort((a, b) => b - a);
	const list = (v: number[]) =>
		v
			.slice(0, 8)
			.map((d) => d.toFixed(1))
			.join(', ');
	process.stdout.write(
		`\n== ${title}: ${((to - from) / 1000).toFixed(0)} ms; main thread busy ${busy.toFixed(0)} ms ` +
			`(CPU ${busyCpu.toFixed(0)} ms) in ${tasks.length} tasks\n` +
			`   longest (wall): ${list(durs)}\n   longest (CPU): ${list(cpus)}\n` +
			`   CPU by kind: ${top(kinds, 12)}\n` +
			(at.length ? `   functions (self): ${top(selfIn(from, to), 15)}\n` : '')
	);
	const longest = [...tasks].sort((a, b) => cpu(b) - cpu(a)).slice(0, 8);
	for (const t of tasks.filter((t) => cpu(t) >= minMs || longest.includes(t))) {
		const a = t.ts;
		const b = t.ts + (t.dur ?? 0);
		process.stdout.write(
			`   task at +${((a - from) / 1000).toFixed(0)} ms: ${((t.dur ?? 0) / 1000).toFixed(1)} ms (CPU ${cpu(t).toFixed(1)} ms)\n     events: ${top(breakdown(t, mine), 8)}\n     inside: ${top(inside(t, mine), 8)}\n${at.length ? `     functions: ${top(selfIn(a, b), 12)}\n` : ''}`
		);
	}
}

async function main(): Promise<void> {
	const { found } = await findBrowser();
	if (!found) throw new Error('no Chromium found; run `node scripts/ensure-browser.mjs` first');
	const out = join(root, '.out', outName);
	if (process.env.PROFILE_TRACE) {
		const { traceEvents } = JSON.parse(readFileSync(process.env.PROFILE_TRACE, 'utf8')) as {
			traceEvents: TraceEvent[];
		};
		summarise(traceEvents);
		return;
	}
	const buildDir = process.env.PROFILE_BUILD ?? join(out, 'build');
	if (!process.env.PROFILE_NO_BUILD && !process.env.PROFILE_BUILD) {
		process.stderr.write(`Building the app (not minified) into .out/${outName}...\n`);
		execFileSync('npx', ['vite', 'build', '--minify', 'false'], {
			cwd: root,
			env: { ...process.env, SLOW_TRUST_OUT: outName },
			stdio: ['ignore', 'ignore', 'inherit']
		});
	}
	const server = await serve(buildDir, '200.html');
	const { port } = server.address() as AddressInfo;
	const browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs });
	try {
		const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
		const page = await context.newPage();
		page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
		await page.goto(`http://127.0.0.1:${port}/scenarios/preset-typical`);
		await page.locator('[data-run-state="done"]').waitFor({ timeout: 120_000 });
		const cdp = await context.newCDPSession(page);
		const stop = await startTrace(cdp, CATEGORIES);

		await mark(page, 'edits-start');
		const length = page.getByRole('textbox', { name: 'Contract length', exact: true });
		for (const v of ['48', '60', '36', '72', '42']) {
			await length.fill(v);
			await page.locator('[data-run-state="done"]').waitFor({ timeout: 60_000 });
		}
		await mark(page, 'edits-end');

		await mark(page, 'big-start');
		await page.getByRole('textbox', { name: 'Simulated futures', exact: true }).fill('50000');
		await page.getByRole('button', { name: 'Run 50,000 futures' }).click();
		await page.locator('[data-run-state="refining"]').waitFor({ timeout: 60_000 });
		await page.waitForTimeout(5000);
		await page.getByRole('button', { name: 'Cancel' }).click();
		await page.locator('[data-run-state="cancelled"]').waitFor();
		await mark(page, 'big-end');

		// (3) The end-to-end scale test's job: 300 futures, then 25,000 people in each segment.
		await page.getByRole('textbox', { name: 'Simulated futures', exact: true }).fill('300');
		await page
			.locator('[data-run-state="done"]', { hasText: '300 futures simulated' })
			.waitFor({ timeout: 120_000 });
		const rows = page.locator('.segments .rows > li');
		for (let i = 0; i < (await rows.count()); i++) await rows.nth(i).locator('summary').click();
		await mark(page, 'scale-start');
		for (let i = 0; i < (await rows.count()); i++)
			await rows.nth(i).getByRole('textbox', { name: 'People', exact: true }).fill('25000');
		await page.getByText('100,000 people in 4 segments').waitFor();
		await page
			.locator('[data-run-state="done"]', { hasText: '300 futures simulated' })
			.waitFor({ timeout: 600_000 });
		await mark(page, 'scale-end');

		const events = await stop();
		mkdirSync(out, { recursive: true });
		writeFileSync(join(out, 'profile.json'), JSON.stringify({ traceEvents: events }));
		summarise(events);
		process.stdout.write(`\nTrace: ${join('.out', outName, 'profile.json')}\n`);
		await context.close();
	} finally {
		await browser.close();
		server.close();
	}
}

function summarise(events: TraceEvent[]): void {
	report(
		'Five contract lengths, each to its full result',
		events,
		markTime(events, 'edits-start'),
		markTime(events, 'edits-end')
	);
	report(
		'A 50,000-run job for 5 s, then cancel',
		events,
		markTime(events, 'big-start'),
		markTime(events, 'big-end')
	);
	report(
		'100,000 people (25,000 typed into each segment), 300 futures to the result',
		events,
		markTime(events, 'scale-start'),
		markTime(events, 'scale-end')
	);
}

main().catch((e: unknown) => {
	process.stderr.write(`profile: ${e instanceof Error ? e.stack : String(e)}\n`);
	process.exitCode = 1;
});
