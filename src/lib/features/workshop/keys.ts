/**
 * The presenter's keyboard: which key does what, for a keyboard or a presenter clicker
 * (which sends arrow keys or Page Up / Page Down), and when keys are left alone (while
 * typing, or on a focused control that uses the key itself). Pure: no DOM types needed.
 */

export type KeyAction =
	| { type: 'next' }
	| { type: 'previous' }
	| { type: 'playPause' }
	| { type: 'reveal' }
	| { type: 'fullscreen' }
	| { type: 'help' }
	| { type: 'notes' }
	| { type: 'blank' }
	| { type: 'pick'; option: number };

/** The keys listed in the help overlay, in order. */
export const KEY_HELP: readonly { keys: string[]; does: string }[] = [
	{ keys: ['→', 'Page Down'], does: 'Next: reveal the answer, then go to the next step' },
	{ keys: ['←', 'Page Up'], does: 'Previous step' },
	{ keys: ['1', '2', '3', '4', '5'], does: "Record the room's prediction" },
	{ keys: ['R', 'Enter'], does: 'Reveal the simulated answer' },
	{ keys: ['Space', 'K'], does: 'Play or pause the month-by-month chart' },
	{ keys: ['F'], does: 'Full screen on or off' },
	{ keys: ['N'], does: 'Show or hide the facilitator notes' },
	{ keys: ['B', '.'], does: 'Blank the screen the room sees, or show it again' },
	{ keys: ['?', 'H'], does: 'Show or hide this list of keys' }
];

/** What the handler needs to know about a key press (a subset of KeyboardEvent). */
export interface KeyPress {
	key: string;
	ctrlKey?: boolean;
	metaKey?: boolean;
	altKey?: boolean;
}

/** What the handler needs to know about where focus is (a subset of an Element). */
export interface FocusTarget {
	tagName?: string;
	/** The `type` of an input element. */
	type?: string;
	isContentEditable?: boolean;
}

/** Whether focus is somewhere keys type text or move a control (inputs, selects, text areas). */
export function isTypingTarget(t: FocusTarget | null | undefined): boolean {
	if (!t) return false;
	if (t.isContentEditable) return true;
	const tag = (t.tagName ?? '').toUpperCase();
	return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/** Whether focus is on a control that Space and Enter already press (a button or a link). */
function isPressTarget(t: FocusTarget | null | undefined): boolean {
	const tag = (t?.tagName ?? '').toUpperCase();
	return tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY';
}

/**
 * The action for a key press, or null when the presenter should leave the key alone: with
 * Ctrl, Cmd or Alt held (browser shortcuts), while typing, or Space and Enter on a button.
 */
export function actionFor(e: KeyPress, target?: FocusTarget | null): KeyAction | null {
	if (e.ctrlKey || e.metaKey || e.altKey) return null;
	if (isTypingTarget(target)) return null;
	if ((e.key === ' ' || e.key === 'Enter') && isPressTarget(target)) return null;
	switch (e.key) {
		case 'ArrowRight':
		case 'PageDown':
			return { type: 'next' };
		case 'ArrowLeft':
		case 'PageUp':
			return { type: 'previous' };
		case ' ':
		case 'k':
		case 'K':
			return { type: 'playPause' };
		case 'r':
		case 'R':
		case 'Enter':
			return { type: 'reveal' };
		case 'f':
		case 'F':
			return { type: 'fullscreen' };
		case '?':
		case 'h':
		case 'H':
			return { type: 'help' };
		case 'n':
		case 'N':
			return { type: 'notes' };
		case 'b':
		case 'B':
		case '.':
			return { type: 'blank' };
		case '1':
		case '2':
		case '3':
		case '4':
		case '5':
			return { type: 'pick', option: Number(e.key) };
		default:
			return null;
	}
}
