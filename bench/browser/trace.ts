/**
 * Chromium traces for the browser benchmarks, through Playwright's CDP session: start and
 * stop a trace, find the page's main thread, and read its tasks between two marks.
 */
import type { CDPSession, Page } from '@playwright/test';

export interface TraceEvent {
	name: string;
	cat: string;
	ph: string;
	ts: number;
	dur?: number;
	/** CPU time of the thread during the event (µs), where the trace has it. */
	tdur?: number;
	pid: number;
	tid: number;
	id?: string;
	args?: Record<string, unknown>;
}

/** Categories enough to see the page's tasks and what they did (not the sampling profiler). */
export const TRACE_CATEGORIES: readonly string[] = [
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'v8.execute',
	'blink.user_timing'
];

/** Starts tracing; the function it resolves with stops it and resolves with the events. */
export async function startTrace(
	cdp: CDPSession,
	categories: readonly string[] = TRACE_CATEGORIES
): Promise<() => Promise<TraceEvent[]>> {
	const events: TraceEvent[] = [];
	// The protocol's types give trace events as maps of strings; Chromium sends numbers too.
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
	await cdp.send('Tracing.start', {
		transferMode: 'ReportEvents',
		traceConfig: { includedCategories: [...categories], recordMode: 'recordAsMuchAsPossible' }
	});
	return async () => {
		const complete = new Promise<void>((resolve) =>
			cdp.once('Tracing.tracingComplete', () => resolve())
		);
		await cdp.send('Tracing.end');
		await complete;
		return events;
	};
}

/** The main thread of the page's renderer: the CrRendererMain thread with the most events. */
export function mainThread(events: TraceEvent[]): { pid: number; tid: number } {
	const mains = events.filter(
		(e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
	);
	let best = { pid: 0, tid: 0, n: -1 };
	for (const m of mains) {
		const n = events.filter((e) => e.pid === m.pid && e.tid === m.tid).length;
		if (n > best.n) best = { pid: m.pid, tid: m.tid, n };
	}
	return best;
}

/** Marks a moment in the page (`performance.mark`), to find it in the trace. */
export async function mark(page: Page, name: string): Promise<void> {
	await page.evaluate((n) => performance.mark(n), name);
}

/** The trace time (µs) of a mark made with `mark`. */
export function markTime(events: TraceEvent[], name: string): number {
	const e = events.find((x) => x.name === name && x.cat.includes('blink.user_timing'));
	if (!e) throw new Error(`no mark ${name} in the trace`);
	return e.ts;
}

/** One task of the page's main thread: its length on the clock and in CPU time (ms). */
export interface MainThreadTask {
	/** Trace time of its start (µs). */
	ts: number;
	wallMs: number;
	cpuMs: number;
	/** The task's own event, to say what it did (`taskContents`). */
	event: TraceEvent;
}

/**
 * The main thread's tasks that overlap [from, to] (trace µs): wall time (what the page's
 * long-task observer sees) and the thread's CPU time (ms). On a busy machine a task's wall
 * time includes the time the thread waited for a core, so CPU time is the page's own cost.
 */
export function mainThreadTasks(events: TraceEvent[], from: number, to: number): MainThreadTask[] {
	const thread = mainThread(events);
	return events
		.filter(
			(e) =>
				e.pid === thread.pid &&
				e.tid === thread.tid &&
				e.ph === 'X' &&
				e.name === 'RunTask' &&
				e.ts + (e.dur ?? 0) >= from &&
				e.ts <= to
		)
		.map((e) => ({
			ts: e.ts,
			wallMs: (e.dur ?? 0) / 1000,
			cpuMs: (e.tdur ?? e.dur ?? 0) / 1000,
			event: e
		}));
}

/** CPU time of an event in ms (its wall time where the trace has no CPU time). */
export function cpuMs(e: TraceEvent): number {
	return (e.tdur ?? e.dur ?? 0) / 1000;
}

/**
 * What a task spent its CPU time on: its direct children by name (a function call named by
 * the function, an event dispatch by the event's type), in ms. `events` may be all of the
 * trace's events; only those of the task's thread inside it count.
 */
export function taskContents(task: TraceEvent, events: TraceEvent[]): Map<string, number> {
	const out = new Map<string, number>();
	const end = task.ts + (task.dur ?? 0);
	// Direct children: events inside the task not inside another event inside the task.
	const kids = events
		.filter(
			(e) =>
				e !== task &&
				e.pid === task.pid &&
				e.tid === task.tid &&
				e.ph === 'X' &&
				e.ts >= task.ts &&
				e.ts + (e.dur ?? 0) <= end
		)
		.sort((a, b) => a.ts - b.ts || (b.dur ?? 0) - (a.dur ?? 0));
	let coveredTo = task.ts;
	for (const k of kids) {
		if (k.ts < coveredTo) continue;
		let name = k.name;
		const data = k.args?.data as { functionName?: string; type?: string } | undefined;
		if (k.name === 'FunctionCall' && data?.functionName) name = `FunctionCall ${data.functionName}`;
		if (k.name === 'EventDispatch' && data?.type) name = `EventDispatch ${data.type}`;
		out.set(name, (out.get(name) ?? 0) + cpuMs(k));
		coveredTo = k.ts + (k.dur ?? 0);
	}
	return out;
}

/** The largest entries of a map of ms, as text: `12.3 Layout; 4.5 FunctionCall`. */
export function topEntries(map: Map<string, number>, n: number): string {
	return [...map]
		.sort((a, b) => b[1] - a[1])
		.slice(0, n)
		.map(([k, v]) => `${v.toFixed(1)} ${k}`)
		.join('; ');
}
