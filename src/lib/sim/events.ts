/**
 * Random events, each with a yearly rate: a key worker leaving, a partner leaving, the wider
 * system breaking a promise, bad press, a funding cut. Every month consumes the same number
 * of draws so the stream stays aligned across scenarios (common random numbers).
 */
import type { Scenario } from './scenario';
import type { Rng } from './rng';

export interface MonthEvents {
	/** Segment whose key worker left, or -1. */
	keyWorkerSegment: number;
	/** Partner that left, or -1. */
	partnerLeft: number;
	systemBrokenPromise: boolean;
	badPress: boolean;
	fundingCut: boolean;
}

const DRAWS_PER_MONTH = 7;

/** Monthly chance from a yearly rate of a Poisson process. */
function monthlyChance(perYear: number): number {
	return 1 - Math.exp(-perYear / 12);
}

// Scratch space for a month's draws (the model is single-threaded per worker).
const draws = new Float64Array(DRAWS_PER_MONTH);

export function drawEvents(
	s: Scenario,
	rng: Rng,
	segments: number,
	activePartners: Uint8Array,
	out: MonthEvents
): void {
	const d = draws;
	for (let k = 0; k < DRAWS_PER_MONTH; k++) d[k] = rng.next();
	const e = s.events;
	out.keyWorkerSegment =
		d[0] < monthlyChance(e.staffLeavingPerYear) ? Math.floor(d[5] * segments) : -1;
	out.partnerLeft = -1;
	if (d[1] < monthlyChance(e.partnerLeavingPerYear)) {
		let active = 0;
		for (let k = 0; k < activePartners.length; k++) active += activePartners[k];
		if (active > 0) {
			let pick = Math.floor(d[6] * active);
			for (let k = 0; k < activePartners.length; k++) {
				if (activePartners[k] && pick-- === 0) {
					out.partnerLeft = k;
					break;
				}
			}
		}
	}
	out.systemBrokenPromise = d[2] < monthlyChance(e.systemBrokenPromisePerYear);
	out.badPress = d[3] < monthlyChance(e.badPressPerYear);
	out.fundingCut = d[4] < monthlyChance(e.fundingCutPerYear);
}
