/**
 * The provider: capacity, relationships held by its staff, competence learnt by trial and
 * error, and how fixed KPIs split its capacity between target delivery and listening and
 * acting.
 */
import type { ModelConstants } from './assumptions';
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

export function newProvider(
	s: Scenario,
	c: ModelConstants,
	inheritedRelationships: number
): ProviderState {
	return {
		competence: s.provider.initialCompetence,
		relationships: Math.min(1, c.newProviderRelationships + inheritedRelationships),
		funding: 1,
		reviewSum: 0,
		reviewMonths: 0
	};
}

/**
 * How present the provider is for the community this month, 0 to 1: its capacity ramp during
 * mobilisation, part of which rests on its staff's relationships.
 */
export function presence(c: ModelConstants, p: ProviderState, ramp: number): number {
	const w = c.presenceFromRelationships;
	return ramp * (1 - w + w * p.relationships);
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
export function allocate(
	s: Scenario,
	c: ModelConstants,
	p: ProviderState,
	monthsToReview: number
): Allocation {
	const r = s.kpi.rigidity;
	const locked = r * s.kpi.demand;
	let pulled = 0;
	if (monthsToReview <= 1 && p.reviewMonths > 0) {
		const avg = p.reviewSum / p.reviewMonths;
		if (avg < s.kpi.target)
			pulled = Math.min(1 - locked, r * c.pullStrength * (s.kpi.target - avg));
	}
	return { locked, pulled, free: Math.max(0, 1 - locked - pulled) };
}

/**
 * Monthly KPI attainment: a blend, weighted by rigidity, of activity volume against fixed
 * targets and progress on outcomes agreed with the community. For an equally effective
 * provider the two are equally attainable: both rise with its effectiveness and with people
 * turning up, which depends on trust. Capacity pulled into targets before a review adds to
 * the volume delivered.
 */
export function kpiAttainment(
	s: Scenario,
	c: ModelConstants,
	a: Allocation,
	effectiveness: number,
	meanTrust: number
): number {
	const r = s.kpi.rigidity;
	const turnout = Math.min(1, c.turnoutBase + meanTrust);
	const delivery = Math.min(1, c.kpiBase + effectiveness * turnout);
	const committed = r * s.kpi.demand;
	const volume = committed > 0 ? Math.min(1, (1 + a.pulled / committed) * delivery) : delivery;
	return r * volume + (1 - r) * delivery;
}

/**
 * Contributions the provider can act on this month, in members: its capacity, less what
 * fixed targets lock up, plus a devolved budget that grows with the power it shares, plus
 * what members co-designing and co-producing do themselves (asset-based community
 * development: Kretzmann & McKnight 1993; seed claim 2).
 */
export function actingBudget(
	s: Scenario,
	c: ModelConstants,
	p: ProviderState,
	a: Allocation,
	ramp: number,
	members: number,
	coDesigning: number,
	coProducing: number
): number {
	const own =
		(s.provider.capacity / 1000) *
		p.funding *
		ramp *
		members *
		(a.free + c.devolvedCapacity * s.power.sharing);
	return own + c.communityHands * (0.5 * coDesigning + coProducing);
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
export function initiativeSuccess(s: Scenario, c: ModelConstants, competence: number): number {
	const fit = 1 - c.powerFit + c.powerFit * s.power.sharing;
	const sight = 1 - c.oversightSight + c.oversightSight * s.oversight.diversity;
	return c.successBase + (1 - c.successBase) * competence * fit * sight;
}

/**
 * Learning: a little from routine delivery, more from initiatives, most from failures that
 * are disclosed and examined (a diverse oversight group helps lessons land).
 */
export function learn(
	s: Scenario,
	c: ModelConstants,
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
	const gain = rate * (c.routineLearning + c.initiativeLearning * lessons);
	p.competence += Math.min(1, gain) * (1 - p.competence);
}

/** Staff leaving: relationships and some competence go with them. */
export function loseStaff(s: Scenario, c: ModelConstants, p: ProviderState, share: number): void {
	p.relationships *= 1 - share;
	const floor = 0.5 * s.provider.initialCompetence;
	if (p.competence > floor)
		p.competence -= c.turnoverCompetenceLoss * share * (p.competence - floor);
}

/** Staff who stay rebuild relationships month by month. */
export function rebuildRelationships(c: ModelConstants, p: ProviderState): void {
	p.relationships += c.relationshipRebuild * (1 - p.relationships);
}
