/**
 * The presenter's side of the two-window workshop: opens the audience's window, tells it what
 * to show whenever that changes (and everything at once when it says hello, having opened
 * late or reloaded), carries out the keys it passes on, and notices when it closes. The
 * simulation runs here only; the audience is sent each result. Messages are those of
 * `channel.ts`.
 */
import { untrack } from 'svelte';
import { channelName, message, newSession, readMessage, type Message } from './channel';
import type { WorkshopState } from './state.svelte';

/** Whether a second window shows the room's screen. */
export type AudienceStatus = 'none' | 'open' | 'closed';

/** What the link needs of a window it opened (a subset of Window). */
export interface OpenedWindow {
	readonly closed: boolean;
	focus(): void;
}

export interface LinkOptions {
	/** The session id (default: a new one). */
	session?: string;
	/** A channel for the session (default: a BroadcastChannel). */
	channel?: (
		name: string
	) => Pick<BroadcastChannel, 'postMessage' | 'close' | 'addEventListener' | 'removeEventListener'>;
	/** Opens the audience's window at `url` (default: window.open). */
	openWindow?: (url: string) => OpenedWindow | null;
	/** The address of the audience's page for a session. */
	audienceUrl?: (session: string) => string;
	/** How often to look whether the window opened here was closed, in ms (default 1000). */
	pollMs?: number;
}

export class PresenterLink {
	readonly session: string;
	status = $state<AudienceStatus>('none');
	/** Why the window could not be opened, in plain words. */
	problem = $state<string | null>(null);

	readonly #ws: WorkshopState;
	readonly #channel: ReturnType<NonNullable<LinkOptions['channel']>>;
	readonly #openWindow: (url: string) => OpenedWindow | null;
	readonly #audienceUrl: (session: string) => string;
	readonly #pollMs: number;
	#window: OpenedWindow | null = null;
	#poll: ReturnType<typeof setInterval> | null = null;
	#sentHash: string | null = null;
	#disconnect: (() => void) | null = null;
	#disposed = false;
	readonly #onMessage = (e: MessageEvent) => this.receive(e.data);

	constructor(ws: WorkshopState, options: LinkOptions = {}) {
		this.#ws = ws;
		this.session = options.session ?? newSession();
		this.#channel = (options.channel ?? ((name) => new BroadcastChannel(name)))(
			channelName(this.session)
		);
		this.#openWindow =
			options.openWindow ??
			((url) => window.open(url, `slow-trust-audience-${this.session}`, 'popup'));
		this.#audienceUrl = options.audienceUrl ?? ((s) => `/workshop/audience?session=${s}`);
		this.#pollMs = options.pollMs ?? 1000;
		this.#channel.addEventListener('message', this.#onMessage);
	}

	/**
	 * Keeps the audience told of every change (through `publish`), and asks whether an
	 * audience window is already open (this page reloaded). Call once; `dispose` undoes it.
	 */
	connect(): void {
		this.#post({ type: 'hello', from: 'presenter' });
		this.#disconnect?.();
		this.#disconnect = $effect.root(() => {
			$effect(() => {
				void this.#ws.stage;
				void this.#ws.shown;
				untrack(() => this.publish());
			});
		});
	}

	/** Sends the audience the result shown (when new) and the stage, if a window is open. */
	publish(): void {
		if (this.status !== 'open') return;
		this.#sendResult(this.#ws.shown);
		this.#post({ type: 'stage', stage: $state.snapshot(this.#ws.stage) });
	}

	#post(body: Parameters<typeof message>[1]): void {
		try {
			this.#channel.postMessage(message(this.session, body));
		} catch {
			// A closed channel (the page is going away): nothing to tell.
		}
	}

	#sendResult(shown: WorkshopState['shown'], force = false): void {
		if (!shown) return;
		const hash = shown.receipt.scenarioHash;
		// A result is sent once (a first look and the full one share a hash but not their runs).
		const key = `${hash}:${shown.receipt.runs}`;
		if (!force && key === this.#sentHash) return;
		this.#sentHash = key;
		this.#post({ type: 'result', hash, summary: shown });
	}

	/** Sends everything the audience needs to show the current moment. */
	#sendAll(): void {
		this.#sendResult(this.#ws.shown, true);
		// The playback where it is now (a window that opens mid-play starts from here).
		const stage = { ...$state.snapshot(this.#ws.stage), playback: this.#ws.playback };
		this.#post({ type: 'stage', stage });
	}

	/** Acts on a message from the channel; `connect` listens, tests may call it directly. */
	receive(data: unknown): void {
		const m: Message | null = readMessage(data, this.session);
		if (!m) return;
		switch (m.type) {
			case 'hello':
				if (m.from !== 'audience') break;
				this.status = 'open';
				this.problem = null;
				this.#sendAll();
				break;
			case 'bye':
				if (m.from === 'audience') this.#closed();
				break;
			case 'command':
				switch (m.command) {
					case 'next':
						this.#ws.next();
						break;
					case 'previous':
						this.#ws.previous();
						break;
					case 'reveal':
						this.#ws.reveal();
						break;
					case 'playPause':
						this.#ws.togglePlay();
						break;
					case 'blank':
						this.#ws.toggleBlank();
						break;
					default:
						m.command satisfies never;
				}
				break;
			case 'stage':
			case 'result':
				break;
			default:
				m satisfies never;
		}
	}

	#closed(): void {
		this.status = 'closed';
		this.#window = null;
		this.#stopPoll();
	}

	#stopPoll(): void {
		if (this.#poll) clearInterval(this.#poll);
		this.#poll = null;
	}

	/** Opens the audience's window (or brings it forward when it is open). */
	open(): void {
		this.problem = null;
		if (this.#window && !this.#window.closed) {
			this.#window.focus();
			return;
		}
		const w = this.#openWindow(this.#audienceUrl(this.session));
		if (!w) {
			this.problem =
				'The browser blocked the second window. Allow pop-ups for this site, then press “Open audience screen” again.';
			return;
		}
		this.#window = w;
		// The window says hello once it has loaded; until then it counts as open.
		this.status = 'open';
		this.#ws.notesOpen = true;
		this.#stopPoll();
		this.#poll = setInterval(() => {
			if (this.#window?.closed) this.#closed();
		}, this.#pollMs);
	}

	/** Tells the audience the presenter is going (the page is being hidden or closed). */
	sayBye(): void {
		this.#post({ type: 'bye', from: 'presenter' });
	}

	/** Tells the audience the presenter is going, and stops listening. */
	dispose(): void {
		if (this.#disposed) return;
		this.#disposed = true;
		this.sayBye();
		this.#disconnect?.();
		this.#disconnect = null;
		this.#stopPoll();
		this.#channel.removeEventListener('message', this.#onMessage);
		this.#channel.close();
	}
}
