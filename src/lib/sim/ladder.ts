/**
 * The ladder of co-production (Think Local Act Personal, after NEF): the rungs a member
 * can stand on, what it takes to climb, and what makes people fall.
 */

export const RUNGS = [
	'unaware',
	'informed',
	'consulted',
	'engaged',
	'co-designing',
	'co-producing'
] as const;
export type RungName = (typeof RUNGS)[number];
export const RUNG_COUNT = RUNGS.length;

export const Rung = {
	unaware: 0,
	informed: 1,
	consulted: 2,
	engaged: 3,
	coDesigning: 4,
	coProducing: 5
} as const;

/** Plain-English labels for the rungs. */
export const RUNG_LABELS: Record<RungName, string> = {
	unaware: 'Unaware',
	informed: 'Informed',
	consulted: 'Consulted',
	engaged: 'Engaged',
	'co-designing': 'Co-designing',
	'co-producing': 'Co-producing'
};

/**
 * Trust needed to climb from rung r to r + 1, as an offset from the trust threshold.
 * Awareness needs none; co-producing needs the threshold itself.
 */
export const CLIMB_OFFSETS = [-Infinity, -0.3, -0.2, -0.1, 0] as const;
/** Half-width of the ramp around each climbing threshold (a smooth step, not a cliff). */
export const RAMP_HALF_WIDTH = 0.12;
/** Members slip off a rung when trust falls this far below the level that got them there. */
export const HYSTERESIS = 0.05;

/** Monthly invitation to climb from each rung when the provider is fully present. */
export const BASE_INVITATION = {
	/** Outreach: leaflets, partners, word of the service. */
	aware: 0.3,
	/** A community conversation consults those who hear of it. */
	consultAtConversation: 0.5,
	/** Between conversations a few are still consulted. */
	consultOtherwise: 0.02,
	/** Joining in regular activity. */
	engage: 0.08,
	/** Co-designing needs shared power and loose KPIs. */
	codesign: 0.06,
	/** Co-producing needs more of both. */
	coproduce: 0.04
} as const;

/** How much KPI rigidity closes the doors to co-designing and co-producing. */
export const RIGIDITY_CLOSES = 0.8;

/** Monthly chance of drifting down a rung through neglect when the provider is absent. */
export const NEGLECT_FALL = [0, 0.01, 0.03, 0.03, 0.03, 0.03] as const;
/** A fully present provider prevents this share of drift through neglect. */
export const PRESENCE_PREVENTS_NEGLECT = 0.7;
/** Monthly chance of stepping down when trust is well below what the rung needs. */
export const LOW_TRUST_FALL = 0.15;
/** Rungs lost on a broken promise. */
export const BROKEN_PROMISE_DROP = 2;

/** Monthly invitation probabilities to climb from each rung (index = current rung). */
export function invitations(
	presence: number,
	conversation: boolean,
	sharing: number,
	rigidity: number,
	out: Float64Array
): void {
	const open = 1 - RIGIDITY_CLOSES * rigidity;
	out[0] = BASE_INVITATION.aware * presence;
	out[1] =
		(conversation ? BASE_INVITATION.consultAtConversation : BASE_INVITATION.consultOtherwise) *
		presence;
	out[2] = BASE_INVITATION.engage * presence;
	out[3] = BASE_INVITATION.codesign * presence * sharing * open;
	out[4] = BASE_INVITATION.coproduce * presence * sharing * sharing * open;
	out[5] = 0;
}

/** Trust needed to climb from each rung (index = current rung), given the threshold. */
export function climbThresholds(threshold: number, out: Float64Array): void {
	for (let r = 0; r < RUNG_COUNT - 1; r++) out[r] = threshold + CLIMB_OFFSETS[r];
	out[RUNG_COUNT - 1] = Infinity;
}

/**
 * The highest rung on which at least `share` of the community stands (counting everyone on
 * that rung or above).
 */
export function communityRung(rungShares: ArrayLike<number>, share: number): number {
	let above = 0;
	for (let r = RUNG_COUNT - 1; r >= 0; r--) {
		above += rungShares[r];
		if (above >= share - 1e-12) return r;
	}
	return 0;
}
