/**
 * Listening and acting (section 7.7): who gives their view and when, how much of what is heard
 * the provider has latitude to act on, and what happens to each contribution. Co-production
 * means sharing power to act on what is heard; consultation without that latitude is not
 * co-production and breeds scepticism (seed claims 1, 3 and 8).
 */
import type { ModelConstants } from './assumptions';
import { Rung, RUNG_COUNT } from './ladder';

/**
 * The share of contributions within the provider's latitude to act: the power it shares (none
 * at 0: consultation without power to act), lowered by pre-set aims (rigid KPIs).
 */
export function latitude(c: ModelConstants, sharing: number, rigidity: number): number {
	return sharing * (1 - c.rigidityLocksLatitude * rigidity);
}

/**
 * Ideas a year that a member on each rung has to put forward (index = rung): none until they
 * have been consulted, more on higher rungs. `rate` is `listening.contributionRate`.
 */
export function ideasPerYear(c: ModelConstants, rate: number, out: Float64Array): void {
	for (let r = 0; r < RUNG_COUNT; r++)
		out[r] = r >= Rung.consulted ? rate * (1 + c.rungUplift * (r - Rung.consulted)) : 0;
}

/**
 * The chance that a member with nothing outstanding gives their view this month. Ideas build
 * up at `ideas` a year; a community conversation collects what has built up since the member
 * last gave their view (`monthsSince`, at most a year's worth), so more conversations hear
 * people sooner, not more often. Between conversations, members engaged or higher put forward
 * the share `between` of theirs.
 */
export function contributionChance(
	ideas: number,
	monthsSince: number,
	conversation: boolean,
	rung: number,
	between: number
): number {
	if (conversation) {
		const c = (ideas * (monthsSince < 12 ? monthsSince : 12)) / 12;
		return c < 1 ? c : 1;
	}
	return rung >= Rung.engaged ? (ideas * between) / 12 : 0;
}

/** What becomes of a contribution when it is made. */
export const Fate = {
	/** Within the provider's latitude: it waits to be acted on. */
	actionable: 0,
	/** Outside it, and the provider says so plainly: nothing is left waiting. */
	explained: 1,
	/** Outside it and left hanging: it waits for action that cannot come. */
	hanging: 2
} as const;
export type Fate = (typeof Fate)[keyof typeof Fate];

/**
 * The fate of a contribution from `f`, uniform on [0, 1): within the latitude `L` it is
 * actionable; otherwise a candid provider (transparency `τ`) explains it; otherwise it hangs.
 */
export function contributionFate(f: number, latitude: number, transparency: number): Fate {
	if (f < latitude) return Fate.actionable;
	if (f < latitude + (1 - latitude) * transparency) return Fate.explained;
	return Fate.hanging;
}
