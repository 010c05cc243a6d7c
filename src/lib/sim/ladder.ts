/**
 * The ladder of co-production (Think Local Act Personal, after NEF): the rungs a member
 * can stand on, what it takes to climb, and what makes people fall.
 */
import type { ModelConstants } from './assumptions';

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
 * The ladder's rules for one scenario and set of constants, precomputed per rung (index =
 * current rung): the trust needed to climb and below which a member slips.
 */
export interface LadderRules {
	/** Trust at which an invitation to climb from each rung is taken up half the time. */
	readonly climb: Float64Array;
	/** Trust below which a member on each rung starts to slip (−∞ on the first two rungs). */
	readonly stay: Float64Array;
	readonly rampHalfWidth: number;
	readonly lowTrustFall: number;
	readonly scepticismDamps: number;
	readonly brokenDrop: number;
}

/**
 * The thresholds (section 7.6): awareness needs no trust; being consulted needs a little,
 * joining in more, sharing decisions more still (people "show up" when they trust you: seed
 * text). Members slip when trust falls `hysteresis` below what got them onto their rung.
 */
export function ladderRules(c: ModelConstants): LadderRules {
	const climb = Float64Array.from([
		-Infinity,
		c.climbConsulted,
		c.climbEngaged,
		c.climbCoDesigning,
		c.climbCoProducing,
		Infinity
	]);
	const stay = new Float64Array(RUNG_COUNT);
	for (let r = 0; r < RUNG_COUNT; r++) stay[r] = r < 2 ? -Infinity : climb[r - 1] - c.hysteresis;
	return {
		climb,
		stay,
		rampHalfWidth: c.rampHalfWidth,
		lowTrustFall: c.lowTrustFall,
		scepticismDamps: c.scepticismDampsClimb,
		brokenDrop: c.brokenPromiseDrop
	};
}

/** Monthly invitation probabilities to climb from each rung (index = current rung). */
export function invitations(
	c: ModelConstants,
	presence: number,
	conversation: boolean,
	sharing: number,
	rigidity: number,
	out: Float64Array
): void {
	const open = 1 - c.rigidityCloses * rigidity;
	out[0] = c.inviteAware * presence;
	out[1] = (conversation ? c.inviteConsult : c.inviteConsultOtherwise) * presence;
	out[2] = c.inviteEngage * presence;
	out[3] = c.inviteCoDesign * presence * sharing * open;
	out[4] = c.inviteCoProduce * presence * sharing * open;
	out[5] = 0;
}

/**
 * Monthly chance of drifting down a rung through neglect (index = current rung), which a
 * present provider partly prevents.
 */
export function neglect(c: ModelConstants, presence: number, out: Float64Array): void {
	const kept = 1 - c.presencePreventsNeglect * presence;
	out[0] = 0;
	out[1] = c.neglectInformed * kept;
	out[2] = c.neglectConsulted * kept;
	for (let r = 3; r < RUNG_COUNT; r++) out[r] = c.neglectActive * kept;
}

/**
 * A member's monthly move on the ladder (section 7.6), from one uniform number `u`: climb if
 * invited and trusting enough, slip through neglect or when trust is well below what the rung
 * needs, otherwise stay. Climbing and falling use the two ends of `u`, so they exclude each
 * other. `invite` is this month's invitation from the rung, `drift` its neglect chance.
 */
export function ladderMove(
	L: LadderRules,
	rung: number,
	trust: number,
	reach: number,
	scepticism: number,
	invite: number,
	drift: number,
	u: number
): number {
	const climb =
		invite *
		reach *
		clamp01(0.5 + (trust - L.climb[rung]) / (2 * L.rampHalfWidth)) *
		(1 - L.scepticismDamps * scepticism);
	if (u < climb) return rung + 1;
	const low = clamp01((L.stay[rung] - trust) / L.rampHalfWidth);
	if (u > 1 - (drift + L.lowTrustFall * low)) return rung - 1;
	return rung;
}

/** Where a broken promise leaves a member: `drop` rungs down, but no lower than informed, never up. */
export function afterBrokenPromise(rung: number, drop: number): number {
	return rung > drop + 1 ? rung - drop : rung < 1 ? rung : 1;
}

function clamp01(x: number): number {
	return x < 0 ? 0 : x > 1 ? 1 : x;
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
