/**
 * The contract: a core term, a mobilisation period for each new provider, an optional
 * extension granted on KPI performance, and re-procurement at each end across the horizon.
 */
import type { Scenario } from './scenario';
import type { Rng } from './rng';

export interface ContractState {
	/** Month the current contract started. */
	start: number;
	/** Month the current contract ends (exclusive). */
	end: number;
	/** Whether the current contract has already been extended. */
	extended: boolean;
	/** Month mobilisation ends (exclusive); equal to start when there is none. */
	mobilisedAt: number;
	/** Sum and count of monthly KPI attainment in the current contract term. */
	attainmentSum: number;
	attainmentMonths: number;
	/** Changes of provider so far. */
	providerChanges: number;
}

export type ContractDecision = 'none' | 'extended' | 'retained' | 'changed';

export function startContract(s: Scenario): ContractState {
	return {
		start: 0,
		end: s.contract.lengthMonths,
		extended: false,
		mobilisedAt: s.contract.mobilisationMonths,
		attainmentSum: 0,
		attainmentMonths: 0,
		providerChanges: 0
	};
}

/** Mean KPI attainment over the current term (1 before any month is measured). */
export function termAttainment(c: ContractState): number {
	return c.attainmentMonths > 0 ? c.attainmentSum / c.attainmentMonths : 1;
}

/**
 * At the end of a term: extend once on performance, otherwise re-procure. Always consumes
 * exactly one draw at a contract end so the procurement stream stays aligned.
 */
export function decideAtEnd(
	s: Scenario,
	c: ContractState,
	month: number,
	rng: Rng
): ContractDecision {
	if (month !== c.end) return 'none';
	const u = rng.next();
	const met = termAttainment(c) >= s.kpi.target;
	c.attainmentSum = 0;
	c.attainmentMonths = 0;
	if (!c.extended && s.contract.extensionMonths > 0 && met) {
		c.extended = true;
		c.end = month + s.contract.extensionMonths;
		return 'extended';
	}
	const pRetain = s.contract.incumbentWinChance * (met ? 1 : 0.5);
	c.start = month;
	c.end = month + s.contract.lengthMonths;
	c.extended = false;
	if (u < pRetain) {
		c.mobilisedAt = month;
		return 'retained';
	}
	c.mobilisedAt = month + s.contract.mobilisationMonths;
	c.providerChanges++;
	return 'changed';
}

/** Capacity ramps from a third to full across mobilisation. */
export function mobilisationRamp(c: ContractState, month: number): number {
	if (month >= c.mobilisedAt) return 1;
	const len = c.mobilisedAt - c.start;
	return 1 / 3 + ((2 / 3) * (month - c.start)) / len;
}
