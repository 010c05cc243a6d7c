/**
 * The contract: a core term, a mobilisation period for each new provider, an optional
 * extension granted on KPI performance, and re-procurement at each end across the horizon.
 * The commissioner decides some months before a term ends (the notice period); its decisions
 * are graded, a chance that rises with KPI attainment, not a cliff at the target. A
 * re-procurement announced is a period of uncertainty in which experienced staff leave.
 */
import type { ModelConstants } from './assumptions';
import type { Scenario } from './scenario';
import type { Rng } from './rng';

export type Plan = 'none' | 'extend' | 'retain' | 'change';

export interface ContractState {
	/** Month the current term started. */
	start: number;
	/** Month the current term ends (exclusive). */
	end: number;
	/** Month the commissioner decides what happens at `end`. */
	decideAt: number;
	/** What happens at `end`, once decided. */
	plan: Plan;
	/** Whether the current contract has already been extended. */
	extended: boolean;
	/** Month mobilisation ends (exclusive); equal to start when there is none. */
	mobilisedAt: number;
	/** Sum and count of monthly KPI attainment in the current term. */
	attainmentSum: number;
	attainmentMonths: number;
	/** Changes of provider so far. */
	providerChanges: number;
}

export type ContractDecision = 'none' | 'extended' | 'retained' | 'changed';

/** When the commissioner decides about a term [start, end): `notice` months before its end, at most half the term. */
function decisionMonth(start: number, end: number, notice: number): number {
	return end - Math.max(1, Math.min(notice, Math.floor((end - start) / 2)));
}

export function startContract(s: Scenario, c: ModelConstants): ContractState {
	const end = s.contract.lengthMonths;
	return {
		start: 0,
		end,
		decideAt: decisionMonth(0, end, c.noticeMonths),
		plan: 'none',
		extended: false,
		mobilisedAt: s.contract.mobilisationMonths,
		attainmentSum: 0,
		attainmentMonths: 0,
		providerChanges: 0
	};
}

/** Mean KPI attainment over the current term (1 before any month is measured). */
function termAttainment(c: ContractState): number {
	return c.attainmentMonths > 0 ? c.attainmentSum / c.attainmentMonths : 1;
}

/**
 * How well the commissioner rates the provider's record, 0 to 1: a logistic curve in the
 * term's mean attainment, even at the target.
 */
function grade(attainment: number, target: number, scale: number): number {
	return 1 / (1 + Math.exp(-(attainment - target) / scale));
}

/**
 * In the decision month: extend (once per contract) with a chance equal to the grade,
 * otherwise re-procure, which the incumbent wins with `incumbentWinChance` scaled from the
 * constant `retainFloor` (worst record) to 1 (best). Always consumes two draws, so the procurement
 * stream stays aligned across scenarios (the k-th decision uses draws 2k and 2k + 1).
 */
export function decide(
	s: Scenario,
	k: ModelConstants,
	c: ContractState,
	month: number,
	rng: Rng,
	trust = 0
): Plan {
	if (month !== c.decideAt || c.plan !== 'none') return 'none';
	const uExtend = rng.next();
	const uRetain = rng.next();
	const g = grade(termAttainment(c), s.kpi.target, k.gradeScale);
	if (!c.extended && s.contract.extensionMonths > 0 && uExtend < g) c.plan = 'extend';
	else {
		const record = s.contract.incumbentWinChance * (k.retainFloor + (1 - k.retainFloor) * g);
		// Where power is shared, the community has a say in who runs its service, and backs a
		// provider it trusts (PSR 2023 weighs integration and social value; Slovic 1993).
		const voice = Math.min(1, k.communityVoice * s.power.sharing * trust);
		const pRetain = record + (1 - record) * voice;
		c.plan = uRetain < pRetain ? 'retain' : 'change';
	}
	return c.plan;
}

/** Whether the month falls in a re-procurement's period of uncertainty. */
export function uncertain(c: ContractState, month: number): boolean {
	return (c.plan === 'retain' || c.plan === 'change') && month >= c.decideAt && month < c.end;
}

/** Months of uncertainty before the current term ends (once re-procurement is decided). */
export function uncertaintyMonths(c: ContractState): number {
	return c.end - c.decideAt;
}

/** At the month a term ends: carries out the plan and starts the next term. */
export function endTerm(
	s: Scenario,
	k: ModelConstants,
	c: ContractState,
	month: number
): ContractDecision {
	if (month !== c.end) return 'none';
	const plan = c.plan;
	c.plan = 'none';
	c.attainmentSum = 0;
	c.attainmentMonths = 0;
	switch (plan) {
		case 'extend':
			c.extended = true;
			c.end = month + s.contract.extensionMonths;
			c.decideAt = decisionMonth(month, c.end, k.noticeMonths);
			return 'extended';
		case 'none':
		case 'retain':
		case 'change': {
			c.start = month;
			c.end = month + s.contract.lengthMonths;
			c.decideAt = decisionMonth(month, c.end, k.noticeMonths);
			c.extended = false;
			if (plan === 'change') {
				c.mobilisedAt = month + s.contract.mobilisationMonths;
				c.providerChanges++;
				return 'changed';
			}
			c.mobilisedAt = month;
			return 'retained';
		}
		default:
			return plan satisfies never;
	}
}

/** Capacity ramps from `mobilisationStart` (a third) to full across mobilisation. */
export function mobilisationRamp(k: ModelConstants, c: ContractState, month: number): number {
	if (month >= c.mobilisedAt) return 1;
	const len = c.mobilisedAt - c.start;
	return k.mobilisationStart + ((1 - k.mobilisationStart) * (month - c.start)) / len;
}
