/**
 * Votes from the room: the presenter types the show of hands for each option of a prediction,
 * and the reveal sets them against the simulated answer. Plain arrays (one count per option,
 * in key order) and pure functions: no DOM.
 */
import type { PredictOption } from './predict';

/** Hands raised per option: `votes[key - 1]`. */
export type Votes = readonly number[];

/** The most hands one option can be given (a large hall, with room to spare). */
export const MAX_HANDS = 9999;

/** A count typed by the presenter, as a whole number of hands (0 when not a number). */
export function handsFrom(value: number | string): number {
	const n = typeof value === 'number' ? value : Number(String(value).trim());
	if (!Number.isFinite(n) || n <= 0) return 0;
	return Math.min(MAX_HANDS, Math.floor(n));
}

/** The votes with option `key` (1-based, of `count` options) set to `hands`. */
export function setHands(votes: Votes | null, key: number, hands: number, count = 5): Votes {
	const out = Array.from({ length: count }, (_, i) => votes?.[i] ?? 0);
	if (key >= 1 && key <= count) out[key - 1] = handsFrom(hands);
	return out;
}

export function totalHands(votes: Votes | null): number {
	return (votes ?? []).reduce((a, b) => a + b, 0);
}

/** What the room's votes say against the simulated answer. */
export interface RoomTally {
	total: number;
	/** Hands on the option holding the simulated answer. */
	right: number;
	/** `right / total` (0 when nobody voted). */
	rightShare: number;
	/** Each option with its hands and share of all hands. */
	rows: { option: PredictOption; hands: number; share: number; isRight: boolean }[];
	/** The tally in one sentence. */
	words: string;
}

/** Sets the room's votes against the option that holds the simulated answer. */
export function tallyVotes(
	votes: Votes,
	options: readonly PredictOption[],
	right: PredictOption
): RoomTally {
	const total = totalHands(votes);
	const rows = options.map((option) => {
		const hands = votes[option.key - 1] ?? 0;
		return { option, hands, share: total ? hands / total : 0, isRight: option.key === right.key };
	});
	const rightHands = votes[right.key - 1] ?? 0;
	const rightShare = total ? rightHands / total : 0;
	const noun = (n: number) => `${n} hand${n === 1 ? '' : 's'}`;
	const words =
		total === 0
			? 'No hands counted.'
			: `${rightHands} of ${noun(total)} (${Math.round(rightShare * 100)}%) on the simulated answer, ${right.label.toLowerCase()}.`;
	return { total, right: rightHands, rightShare, rows, words };
}
