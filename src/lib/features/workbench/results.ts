/**
 * What the results side of the workbench shows, worked out from the engine's state and
 * the last complete result. Pure, so the rules are tested in Node:
 * - a complete result is shown as current only when its key is the scenario's key now;
 * - a preview is shown (as refining) only when it came from the scenario on screen;
 * - a cancelled job's partial result is never shown as complete.
 */
import type { EngineStatus } from '$lib/engine/engine.svelte';
import type { Progress } from '$lib/engine/pool';
import type { Scenario, Summary } from '$lib/sim';
import { plainMessage } from '$lib/ui/error-details';

/** A finished result and the key of the scenario it belongs to. */
export interface CompleteResult {
	key: string;
	summary: Summary;
	/** The scenario it was computed from (what the charts draw it against). */
	scenario: Scenario;
	/** Read from the library when the page opened, or just run. */
	source: 'stored' | 'run';
	/** When it was stored or finished (ms since the epoch). */
	at: number;
}

export type ResultView =
	| { kind: 'empty' }
	| { kind: 'running'; progress: Progress | null; earlier: Summary | null }
	| { kind: 'refining'; summary: Summary; progress: Progress | null }
	| { kind: 'done'; result: CompleteResult }
	| { kind: 'cancelled'; progress: Progress | null }
	| { kind: 'large'; seconds: number }
	| { kind: 'error'; message: string };

/**
 * The part of a job the engine has not seen: a first run the workbench holds back until the
 * page is idle ('waiting'), a job Cancel stopped before the engine reported it running
 * ('stopped'), or one too large to start unasked ('large': it waits for Run).
 */
export type Held = 'waiting' | 'stopped' | 'large' | null;

export interface ViewInput {
	/** resultKey of the scenario on screen. */
	key: string;
	/** scenarioHash of the scenario on screen (what a summary's receipt names). */
	hash: string;
	complete: CompleteResult | null;
	held: Held;
	/** The estimated seconds of a full run of the scenario on screen (for 'large'). */
	estimate?: number;
	/** The engine's state, read as it is. */
	engine: {
		readonly status: EngineStatus;
		readonly summary: Summary | null;
		readonly progress: Progress | null;
		readonly error: string | null;
	};
}

export function resultView(input: ViewInput): ResultView {
	const { key, hash, complete, held, engine } = input;
	const engineBusy = engine.status === 'running' || engine.status === 'preview';
	const busy = held === 'waiting' || engineBusy;
	if (complete && complete.key === key && !busy) return { kind: 'done', result: complete };
	// Until the first preview arrives, the last result stays faintly in view, marked as
	// belonging to earlier settings.
	const running = (): ResultView => ({
		kind: 'running',
		progress: engineBusy ? engine.progress : null,
		earlier: complete?.summary ?? null
	});
	if (busy) {
		const preview = engine.summary;
		if (engine.status === 'preview' && preview && preview.receipt.scenarioHash === hash)
			return { kind: 'refining', summary: preview, progress: engine.progress };
		return running();
	}
	if (held === 'stopped') return { kind: 'cancelled', progress: engine.progress };
	if (held === 'large') return { kind: 'large', seconds: input.estimate ?? 0 };
	switch (engine.status) {
		case 'idle':
			return { kind: 'empty' };
		case 'done':
			// A result the workbench keeps a moment later, or one for earlier settings while the
			// request for these waits for quiet: either way, the result on screen is on its way.
			return running();
		case 'cancelled':
			return { kind: 'cancelled', progress: engine.progress };
		case 'error':
			return {
				kind: 'error',
				message: engine.error
					? plainMessage(engine.error)
					: 'The simulation stopped with an error nobody expected.'
			};
		default:
			return engine.status satisfies never;
	}
}

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

/** "3,400 of 10,000 futures". */
export function progressText(progress: Progress | null, runs: number): string {
	const done = progress?.runsDone ?? 0;
	const total = progress?.runsTotal ?? runs;
	return `${wholeNumber.format(done)} of ${wholeNumber.format(total)} futures`;
}

/** "about 12 seconds left", "under a second left", or '' while unknown. */
export function remainingText(progress: Progress | null): string {
	const ms = progress?.remainingMs;
	if (ms === null || ms === undefined || !Number.isFinite(ms)) return '';
	if (ms < 1000) return 'under a second left';
	const s = Math.round(ms / 1000);
	if (s < 60) return `about ${s} second${s === 1 ? '' : 's'} left`;
	const m = Math.round(s / 60);
	return `about ${m} minute${m === 1 ? '' : 's'} left`;
}

/** Share of the job done, 0 to 1. */
export function progressShare(progress: Progress | null): number {
	if (!progress || progress.runsTotal <= 0) return 0;
	return Math.min(1, Math.max(0, progress.runsDone / progress.runsTotal));
}

/** "just now", "4 minutes ago", "yesterday at 14:05", or a date. */
export function whenText(at: number, now = Date.now()): string {
	const seconds = Math.max(0, Math.round((now - at) / 1000));
	if (seconds < 45) return 'just now';
	const minutes = Math.round(seconds / 60);
	if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
	const time = new Date(at).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
	const day = new Date(at);
	const today = new Date(now);
	if (day.toDateString() === today.toDateString()) return `today at ${time}`;
	const yesterday = new Date(now - 86_400_000);
	if (day.toDateString() === yesterday.toDateString()) return `yesterday at ${time}`;
	return `${day.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' })} at ${time}`;
}

/** A precise timestamp for a title or a screen reader. */
export function exactTime(at: number): string {
	return new Date(at).toLocaleString('en-GB', {
		day: 'numeric',
		month: 'short',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit'
	});
}
