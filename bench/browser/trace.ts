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
	cdp.on('Tracing.dataCollected', (e) => events.push(...(e.value as TraceEvent[])));
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

/**
 * The main thread's tasks that overlap [from, to] (trace µs): wall time (what the page's
 * long-task observer sees) and the thread's CPU time (ms). On a busy machine a task's wall
 * time includes the time the thread waited for a core, so CPU time is the page's own cost.
 */
export function mainThreadTasks(
	events: TraceEvent[],
	from: number,
	to: number
): { wallMs: number; cpuMs: number }[] {
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
		.map((e) => ({ wallMs: (e.dur ?? 0) / 1000, cpuMs: (e.tdur ?? e.dur ?? 0) / 1000 }));
}
