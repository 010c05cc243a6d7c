/**
 * The two-window workshop: the messages the presenter's window and the audience's window
 * (the projector) exchange over a BroadcastChannel, on one machine, with no server. Typed,
 * versioned, and checked on arrival: a message of another version, of an unknown type, of
 * another session or of the wrong shape is ignored. Pure: no DOM.
 *
 * The presenter runs the simulation and sends each result it shows (`result`, once per
 * result) and what the room sees (`stage`, on every change: the step, the phase, the
 * prediction and votes, playback started or paused). The audience never simulates: a
 * summary of 500 futures is a few hundred kilobytes, cloned once per result, while running
 * the step again would take the same seconds of the one laptop's processor a second time.
 * The audience says `hello` when it opens (or reloads) and is answered with the current
 * result and stage; the presenter says `hello` when it opens (or reloads), and an audience
 * window already open answers with its own; the audience can send the clicker's keys (`command`) when it has the focus; either
 * says `bye` when it closes.
 */
import type { QuestionKind } from '$lib/db/storyline';
import type { Scenario, Summary } from '$lib/sim';
import type { Playback } from './playback';
import type { StepProgress } from './steps';

export const PROTOCOL_VERSION = 1;

/** The BroadcastChannel's name for a session. */
export function channelName(session: string): string {
	return `slow-trust-workshop-${session}`;
}

/** What the audience's window shows, as of one moment. */
export interface Stage {
	storyId: string;
	storyName: string;
	/** The step shown (0-based) and how many there are. */
	at: number;
	count: number;
	title: string;
	/** The step's scenario with its levers (for the question's words and the answer). */
	scenario: Scenario | null;
	/** Why the step cannot be shown, if it cannot. */
	problem: string | null;
	question: QuestionKind;
	progress: StepProgress;
	playback: Playback;
	/** The scenario hash of the result shown, or null while the first one is coming. */
	resultHash: string | null;
	/** Whether the result shown is a first look of a few futures. */
	preview: boolean;
	/** The screen blanked by the presenter (a clicker's B). */
	blank: boolean;
}

/** Commands the audience's window may pass on (a clicker's keys when it has the focus). */
export type Command = 'next' | 'previous' | 'reveal' | 'playPause' | 'blank';
const COMMANDS: readonly Command[] = ['next', 'previous', 'reveal', 'playPause', 'blank'];

type Role = 'presenter' | 'audience';

export type Message =
	| { v: 1; session: string; type: 'hello'; from: Role }
	| { v: 1; session: string; type: 'stage'; stage: Stage }
	| { v: 1; session: string; type: 'result'; hash: string; summary: Summary }
	| { v: 1; session: string; type: 'command'; command: Command }
	| { v: 1; session: string; type: 'bye'; from: Role };

type Body<T> = T extends unknown ? Omit<T, 'v' | 'session'> : never;

/** A message of this session, ready to post. */
export function message(session: string, body: Body<Message>): Message {
	return { v: PROTOCOL_VERSION, session, ...body } as Message;
}

function isRecord(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isStage(v: unknown): v is Stage {
	if (!isRecord(v)) return false;
	const p = v.progress;
	const pb = v.playback;
	return (
		typeof v.storyId === 'string' &&
		typeof v.storyName === 'string' &&
		Number.isInteger(v.at) &&
		Number.isInteger(v.count) &&
		typeof v.title === 'string' &&
		(v.scenario === null || isRecord(v.scenario)) &&
		(v.problem === null || typeof v.problem === 'string') &&
		typeof v.question === 'string' &&
		isRecord(p) &&
		(p.phase === 'predict' || p.phase === 'revealed') &&
		(p.pick === null || Number.isInteger(p.pick)) &&
		(p.votes === null ||
			(Array.isArray(p.votes) && p.votes.every((n) => Number.isFinite(n) && n >= 0))) &&
		isRecord(pb) &&
		typeof pb.month === 'number' &&
		typeof pb.playing === 'boolean' &&
		typeof pb.speed === 'number' &&
		typeof pb.months === 'number' &&
		(v.resultHash === null || typeof v.resultHash === 'string') &&
		typeof v.preview === 'boolean' &&
		typeof v.blank === 'boolean'
	);
}

function isSummary(v: unknown): v is Summary {
	return (
		isRecord(v) &&
		isRecord(v.receipt) &&
		typeof v.months === 'number' &&
		isRecord(v.series) &&
		isRecord(v.metrics) &&
		isRecord(v.probabilities)
	);
}

/**
 * The message in `data` if it is one of this protocol's, for `session`; null for anything
 * else (another version, another session, an unknown type, a malformed body).
 */
export function readMessage(data: unknown, session: string): Message | null {
	if (!isRecord(data) || data.v !== PROTOCOL_VERSION || data.session !== session) return null;
	switch (data.type) {
		case 'hello':
			return data.from === 'presenter' || data.from === 'audience'
				? { v: 1, session, type: 'hello', from: data.from }
				: null;
		case 'stage':
			return isStage(data.stage) ? { v: 1, session, type: 'stage', stage: data.stage } : null;
		case 'result':
			return typeof data.hash === 'string' && isSummary(data.summary)
				? { v: 1, session, type: 'result', hash: data.hash, summary: data.summary }
				: null;
		case 'command': {
			const command = COMMANDS.find((c) => c === data.command);
			return command ? { v: 1, session, type: 'command', command } : null;
		}
		case 'bye':
			return data.from === 'presenter' || data.from === 'audience'
				? { v: 1, session, type: 'bye', from: data.from }
				: null;
		default:
			return null;
	}
}

/** A new session id: short, random enough for the windows of one machine. */
export function newSession(random: () => number = Math.random): string {
	return Array.from({ length: 10 }, () => Math.floor(random() * 36).toString(36)).join('');
}

/** What the audience's window knows: the latest stage and the results it was sent. */
export interface AudienceView {
	stage: Stage | null;
	/** The result the stage shows, once it has come. */
	summary: Summary | null;
	/** Results by hash (the stage may name one sent earlier). */
	results: ReadonlyMap<string, Summary>;
	/** Whether the presenter has said it closed. */
	presenterGone: boolean;
}

export function emptyView(): AudienceView {
	return { stage: null, summary: null, results: new Map(), presenterGone: false };
}

/** Results kept by the audience: enough to go back a few steps without asking again. */
const KEEP_RESULTS = 12;

/** The audience's view after a message (messages for the presenter leave it as it is). */
export function applyToView(view: AudienceView, m: Message): AudienceView {
	switch (m.type) {
		case 'stage': {
			const hash = m.stage.resultHash;
			const summary = hash ? (view.results.get(hash) ?? null) : null;
			return { ...view, stage: m.stage, summary, presenterGone: false };
		}
		case 'result': {
			const results = new Map(view.results);
			results.delete(m.hash);
			results.set(m.hash, m.summary);
			while (results.size > KEEP_RESULTS) {
				const oldest = results.keys().next().value;
				if (oldest === undefined) break;
				results.delete(oldest);
			}
			const summary = view.stage?.resultHash === m.hash ? m.summary : view.summary;
			return { ...view, results, summary, presenterGone: false };
		}
		case 'bye':
			return m.from === 'presenter' ? { ...view, presenterGone: true } : view;
		case 'hello':
			return m.from === 'presenter' ? { ...view, presenterGone: false } : view;
		case 'command':
			return view;
		default:
			return m satisfies never;
	}
}
