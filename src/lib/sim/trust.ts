/**
 * Trust with four components (Covey 2006; Mayer, Davis & Schoorman 1995): integrity and
 * intent (character), competence and results (outcomes). Gains are slow and saturating,
 * losses proportional and faster by the asymmetry multiplier (Slovic 1993; Sterman 2000).
 * Overall trust is a weighted harmonic mean of the four, a weakest-link combination: high
 * results cannot buy back low integrity. Scepticism of "the system" discounts it.
 */

/** Sizes of the signals members receive, in units of one "good experience". */
export const SIGNAL = {
	/** The member's own contribution was acted on: integrity and intent. */
	acted: 1,
	/** The member's own initiative succeeded: competence and results. */
	success: 1,
	/** The member's initiative failed and it was found out: competence and results. */
	failure: 0.6,
	/** A discovered failure also reads as concealment: integrity (Schweitzer et al. 2006). */
	concealment: 0.4,
	/** A failure the provider disclosed costs this share of a discovered one. */
	disclosedShare: 0.4,
	/** Candour about a failure builds integrity (seed claim 6). */
	candour: 0.4,
	/** Explaining plainly why a contribution cannot be acted on: this share of candour. */
	explainedShare: 0.5,
	/** The member's contribution waited past patience: a broken promise. */
	broken: 1,
	/** Monthly experience of a present, competent service for those who know of it. */
	presence: 0.25,
	/** Extra monthly experience of the provider's intent for members engaged or higher. */
	involvement: 0.3,
	/** Intent lost per unit of monthly staff turnover (leavers take relationships). */
	staffLeaving: 0.25,
	/** A key worker leaving: intent of the segment's members. */
	keyWorkerLeaves: 0.6,
	/** The wider system breaking a promise: integrity. */
	systemBroken: 0.3,
	/** Bad press: competence and results (halved by full transparency). */
	badPress: 0.8
} as const;

/** How many peers hear of each acted-on contribution or broken promise. */
export const NEWS_REACH = 15;
/** Share of members' peer contact per month that moves opinions (scales word of mouth). */
export const PEER_CONTACT = 0.25;
/** Monthly drift of competence and results trust back to a member's baseline without news. */
export const FORGETTING = 0.01;
/** Monthly fade of integrity and intent above a member's baseline without fresh evidence. */
export const CHARACTER_FADE = 0.01;
/** Scepticism: rises on a broken promise and a system-wide one; falls slowly with action seen. */
export const SCEPTICISM = {
	broken: 0.2,
	system: 0.08,
	acted: 0.05,
	/** Monthly fall for members who hear that contributions were acted on (share of the gap). */
	heardActed: 0.02
} as const;
/** Losses for members reached through a partner are cushioned by this share. */
export const PARTNER_CUSHION = 0.3;
/** Share of contributions a provider may act on when it shares no power (all at full power). */
export const LATITUDE_FLOOR = 0.15;
/** Share of borrowed trust that leaves with a partner; also scales the loss felt then. */
export const PARTNER_LEAVING_SHARE = 0.5;
/** Full scepticism lowers the chance of accepting an invitation to climb by this share. */
export const SCEPTICISM_DAMPS_CLIMB = 0.5;
/** Strength of a piece of news relative to the opinion-convergence rate `trust.wordOfMouth`. */
export const NEWS_STRENGTH = 2;
/** Full transparency cuts the cost of bad press by this share. */
export const BAD_PRESS_CANDOUR = 0.5;
/** Smallest component value used in the harmonic mean (avoids dividing by zero). */
export const FLOOR = 0.01;

/**
 * Overall trust from the four components, given normalised weights, discounted by
 * scepticism: T = (1 - sw * S) / (wI/I + wN/N + wC/C + wR/R).
 */
export function overallTrust(
	integrity: number,
	intent: number,
	competence: number,
	results: number,
	wI: number,
	wN: number,
	wC: number,
	wR: number,
	scepticism: number,
	scepticismWeight: number
): number {
	const h =
		wI / (integrity > FLOOR ? integrity : FLOOR) +
		wN / (intent > FLOOR ? intent : FLOOR) +
		wC / (competence > FLOOR ? competence : FLOOR) +
		wR / (results > FLOOR ? results : FLOOR);
	return (1 - scepticismWeight * scepticism) / h;
}

/**
 * One asymmetric update of a component: x + a_g * g * (1 - x) - a_l * l * x, kept in [0, 1].
 * `gain` and `loss` are signal sizes; `gainRate` and `lossRate` already include stickiness
 * and the asymmetry multiplier.
 */
export function updateComponent(
	x: number,
	gain: number,
	loss: number,
	gainRate: number,
	lossRate: number
): number {
	let g = gainRate * gain;
	if (g > 1) g = 1;
	let l = lossRate * loss;
	if (l > 1) l = 1;
	const y = x + g * (1 - x) - l * x;
	return y < 0 ? 0 : y > 1 ? 1 : y;
}
