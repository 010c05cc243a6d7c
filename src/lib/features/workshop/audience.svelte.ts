/**
 * The audience's side of the two-window workshop (the projector): shows what the presenter
 * sends (the step, the question, the reveal, the chart) and draws the chart's playback on its
 * own clock from where the presenter last set it. It never simulates. It says hello when it
 * opens (or reloads), to be sent the current moment; it passes a clicker's keys on when it has
 * the focus; it says so plainly when the presenter's window has gone.
 */
import {
	applyToView,
	channelName,
	emptyView,
	message,
	readMessage,
	type AudienceView,
	type Command
} from './channel';
import { actionFor, type FocusTarget, type KeyPress } from './keys';
import { tick, type Playback } from './playback';

/** How long to wait for the presenter's answer before saying none came, in ms. */
const ANSWER_MS = 2500;

export interface AudienceOptions {
	channel?: (
		name: string
	) => Pick<BroadcastChannel, 'postMessage' | 'close' | 'addEventListener' | 'removeEventListener'>;
	answerMs?: number;
}

export class AudienceState {
	readonly session: string;
	view = $state.raw<AudienceView>(emptyView());
	/** The chart's playback, moved on here by animation frames. */
	playback = $state.raw<Playback | null>(null);
	/** No presenter answered the hello in time. */
	unanswered = $state(false);

	readonly #channel: ReturnType<NonNullable<AudienceOptions['channel']>>;
	readonly #answerMs: number;
	#timer: ReturnType<typeof setTimeout> | null = null;
	readonly #onMessage = (e: MessageEvent) => this.receive(e.data);

	get stage() {
		return this.view.stage;
	}
	/** The presenter's window is gone (it said so, or never answered). */
	get alone(): boolean {
		return this.view.presenterGone || (this.unanswered && !this.view.stage);
	}

	constructor(session: string, options: AudienceOptions = {}) {
		this.session = session;
		this.#answerMs = options.answerMs ?? ANSWER_MS;
		this.#channel = (options.channel ?? ((name) => new BroadcastChannel(name)))(
			channelName(session)
		);
		this.#channel.addEventListener('message', this.#onMessage);
	}

	/** Says hello, to be sent the current moment. */
	start(): void {
		this.#post({ type: 'hello', from: 'audience' });
		if (this.#timer) clearTimeout(this.#timer);
		this.#timer = setTimeout(() => {
			if (!this.view.stage) this.unanswered = true;
		}, this.#answerMs);
	}

	#post(body: Parameters<typeof message>[1]): void {
		try {
			this.#channel.postMessage(message(this.session, body));
		} catch {
			// The page is going away.
		}
	}

	receive(data: unknown): void {
		const m = readMessage(data, this.session);
		if (!m) return;
		const before = this.view.stage;
		this.view = applyToView(this.view, m);
		if (m.type === 'stage') {
			this.unanswered = false;
			// The presenter set the playback (a step, play, pause, scrub): take it as it is.
			if (!before || JSON.stringify(before.playback) !== JSON.stringify(m.stage.playback))
				this.playback = m.stage.playback;
		}
		// A presenter that opens (or reloads) says hello: answer, to be sent the moment.
		if (m.type === 'hello' && m.from === 'presenter')
			this.#post({ type: 'hello', from: 'audience' });
	}

	/** Moves the chart's playback on by `elapsedMs` (from animation frames). */
	advance(elapsedMs: number): void {
		if (this.playback && this.view.summary) this.playback = tick(this.playback, elapsedMs);
	}

	/**
	 * Passes a key on to the presenter (a clicker pointed at this window); true when it was
	 * one to pass on.
	 */
	handleKey(e: KeyPress, target: FocusTarget | null): boolean {
		if (this.alone) return false;
		const action = actionFor(e, target);
		let command: Command | null = null;
		switch (action?.type) {
			case 'next':
			case 'previous':
			case 'reveal':
			case 'playPause':
			case 'blank':
				command = action.type;
				break;
			default:
				command = null;
		}
		if (!command) return false;
		this.#post({ type: 'command', command });
		return true;
	}

	dispose(): void {
		this.#post({ type: 'bye', from: 'audience' });
		if (this.#timer) clearTimeout(this.#timer);
		this.#channel.removeEventListener('message', this.#onMessage);
		this.#channel.close();
	}
}
