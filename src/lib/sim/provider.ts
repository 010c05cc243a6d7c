/**
 * The provider: capacity, relationships held by its staff, competence learnt by trial and
 * error, and how fixed KPIs split its capacity between target delivery and listening and
 * acting.
 */
import type { Scenario } from './scenario';

export interface ProviderState {
	/** Competence at delivering and at making initiatives work, 0 to 1. */
	competence: number;
	/** Share of staff-community relationships intact, 0 to 1. */
	relationships: number;
	/** Funding relative to the contract's start (cuts lower it). */
	funding: number;
	/** KPI attainment: sum and count since the last review. */
	reviewSum: number;
	reviewMonths: number;
}

/** Relationships rebuilt each month by staff who stay (share of the gap). */
export const RELATIONSHIP_REBUILD = 0.08;
/** A new provider starts with this share of relationships (plus what it inherits). */
export const NEW_PROVIDER_RELATIONSHIPS = 0.2;
/** Competence lost per unit of staff turnover (share of the gap to a new provider's level). */
export const TURNOVER_COMPETENCE_LOSS = 0.5;
/** Learning from routine delivery, per month, before the learning-rate multiplier. */
export const ROUTINE_LEARNING = 0.01;
/** Learning from each initiative outcome relative to community size, before the multiplier. */
export const INITIATIVE_LEARNING = 2;
/** Attainment a provider reaches on committed activity with no effectiveness at all. */
export const KPI_BASE = 0.55;
/** Relationships left after a key worker leaves. */
export const KEY_WORKER_RELATIONSHIPS = 0.9;
/** Funding left after a cut. */
export const FUNDING_CUT = 0.8;

export function newProvider(s: Scenario, inheritedRelationships: number): ProviderState {
	return {
		competence: s.provider.initialCompetence,
		relationships: Math.min(1, NEW_PROVIDER_RELATIONSHIPS + inheritedRelationships),
		funding: 1,
		reviewSum: 0,
		reviewMonths: 0
	};
}

/** How present the provider is for the community this month, 0 to 1. */
export function presence(p: ProviderState, ramp: number): number {
	return ramp * (0.5 + 0.5 * p.relationships);
}

export interface Allocation {
	/** Share of capacity locked into fixed-target delivery. */
	locked: number;
	/** Extra share pulled into targets before a review when behind. */
	pulled: number;
	/** Share left for listening and acting. */
	free: number;
}

/**
 * Rigid KPIs lock capacity into target delivery, and, when delivery is behind in the month
 * before a review, pull more away from listening and acting.
 */
export function allocate(s: Scenario, p: ProviderState, monthsToReview: number): Allocation {
	const r = s.kpi.rigidity;
	const locked = r * s.kpi.demand;
	let pulled = 0;
	if (monthsToReview <= 1 && p.reviewMonths > 0) {
		const avg = p.reviewSum / p.reviewMonths;
		if (avg < s.kpi.target) pulled = Math.min(1 - locked, r * 1.5 * (s.kpi.target - avg));
	}
	return { locked, pulled, free: Math.max(0, 1 - locked - pulled) };
}

/**
 * Monthly KPI attainment: a blend, weighted by rigidity, of activity volume against fixed
 * targets and progress on outcomes agreed with the community. Both depend on how effective
 * the provider is and on whether people turn up, which depends on trust.
 */
export function kpiAttainment(
	s: Scenario,
	a: Allocation,
	effectiveness: number,
	meanTrust: number,
	engagedShare: number
): number {
	const r = s.kpi.rigidity;
	const turnout = Math.min(1, 0.5 + meanTrust);
	const committed = r * s.kpi.demand;
	const volumeShare = committed > 0 ? (a.locked + a.pulled) / committed : 1;
	const volume = Math.min(1, volumeShare * (KPI_BASE + effectiveness * turnout));
	const agreed = Math.min(1, KPI_BASE + effectiveness * (0.2 + engagedShare));
	return r * volume + (1 - r) * agreed;
}

export type ReviewOutcome = 'none' | 'met' | 'missed';

/** Records a month's attainment; at a review, says whether the target was met. */
export function recordAttainment(
	s: Scenario,
	p: ProviderState,
	attainment: number,
	isReview: boolean
): ReviewOutcome {
	p.reviewSum += attainment;
	p.reviewMonths++;
	if (!isReview) return 'none';
	const met = p.reviewSum / p.reviewMonths >= s.kpi.target;
	p.reviewSum = 0;
	p.reviewMonths = 0;
	return met ? 'met' : 'missed';
}

/** Chance an initiative born of an acted-on contribution succeeds. */
export function initiativeSuccess(s: Scenario, competence: number): number {
	const fit = 0.5 + 0.5 * s.power.sharing;
	const sight = 0.6 + 0.4 * s.oversight.diversity;
	return Math.min(0.95, 0.2 + 0.8 * competence * fit * sight);
}

/**
 * Learning: a little from routine delivery, more from initiatives, most from failures that
 * are disclosed and examined (a diverse oversight group helps lessons land).
 */
export function learn(
	s: Scenario,
	p: ProviderState,
	successes: number,
	disclosedFailures: number,
	discoveredFailures: number,
	members: number
): void {
	const rate = s.provider.learningRate;
	const lessons =
		(successes +
			2 * (0.5 + 0.5 * s.oversight.diversity) * disclosedFailures +
			0.5 * discoveredFailures) /
		Math.max(1, members);
	const gain = rate * (ROUTINE_LEARNING + INITIATIVE_LEARNING * lessons);
	p.competence += Math.min(1, gain) * (1 - p.competence);
}

/** Staff leaving: relationships and some competence go with them. */
export function loseStaff(s: Scenario, p: ProviderState, share: number): void {
	p.relationships *= 1 - share;
	const floor = 0.5 * s.provider.initialCompetence;
	if (p.competence > floor)
		p.competence -= TURNOVER_COMPETENCE_LOSS * share * (p.competence - floor);
}

/** Staff who stay rebuild relationships month by month. */
export function rebuildRelationships(p: ProviderState): void {
	p.relationships += RELATIONSHIP_REBUILD * (1 - p.relationships);
}
