/**
 * The member step: one month for every member of the community. This is the model's hot
 * path (it runs members × months × runs times), so it reads everything from locals, makes
 * one random draw per member, and never allocates.
 *
 * For each member, in order: their outstanding contribution is acted on (and the initiative
 * born of it succeeds or fails, disclosed or discovered), waits, or becomes a broken promise;
 * or, with nothing outstanding, they may contribute; a partner leaving takes borrowed trust
 * with it; they experience the service if they know of it; a partner cushions their losses;
 * the four trust components update (saturating gains, proportional losses times the
 * asymmetry, character stickier than outcomes, performance memory fading to baseline); word
 * of mouth pulls them towards their segment's opinion if it is within their open-mindedness;
 * overall trust is combined as a weakest link and discounted by scepticism; they climb, stay
 * or fall on the ladder; participants' people may change behaviour for good.
 *
 * Arithmetic is single precision: every operation below is rounded to 32 bits
 * (`Math.fround`), the members' state is stored in Float32Arrays, and minima and maxima are
 * the `pmin`/`pmax` of WebAssembly SIMD. That lets the WebAssembly kernel
 * (kernel/member-step.ts) update four members with one instruction and still compute
 * exactly, bit for bit, what this function computes. Member j of a segment draws from
 * random stream j mod 4; a segment's sums are kept per stream in single precision for
 * blocks of 64 members and added up in double precision.
 */
import type { Members } from './community';
import {
	BROKEN_PROMISE_DROP,
	HYSTERESIS,
	LOW_TRUST_FALL,
	NEGLECT_FALL,
	PRESENCE_PREVENTS_NEGLECT,
	RAMP_HALF_WIDTH,
	Rung,
	RUNG_COUNT,
	climbThresholds
} from './ladder';
import type { Scenario } from './scenario';
import {
	CHARACTER_FADE,
	FLOOR,
	FORGETTING,
	LATITUDE_FLOOR,
	PARTNER_CUSHION,
	PARTNER_LEAVING_SHARE,
	PEER_CONTACT,
	SCEPTICISM,
	SCEPTICISM_DAMPS_CLIMB,
	SIGNAL
} from './trust';
import { PARTNER_REACH_BOOST } from './community';

/** Random streams the members draw from, interleaved: member j of a segment uses stream j mod 4. */
export const LANES = 4;
/** Members whose sums are kept in single precision before they are added in double precision. */
export const SUM_BLOCK = 64;

/**
 * The step's scalars in single precision, by index (kernel/member-step.ts reads the same
 * indices): constants of the scenario, then the month's values.
 */
export const K = {
	alpha: 0,
	charGainRate: 1,
	lossRate: 2,
	charLossRate: 3,
	transparency: 4,
	patience: 5,
	latitude: 6,
	explainBound: 7,
	scepticismWeight: 8,
	mu: 9,
	invEps2: 10,
	partnerTakes: 11,
	partnerShare: 12,
	pAct: 13,
	pSuccess: 14,
	sigActed: 15,
	sigSuccess: 16,
	sigFailure: 17,
	sigDisclosed: 18,
	sigCandour: 19,
	sigExplained: 20,
	sigConceal: 21,
	sigBroken: 22,
	sceptActed: 23,
	sceptBroken: 24,
	floor: 25,
	forgetting: 26,
	charFade: 27,
	invRamp: 28,
	invRamp2: 29,
	lowTrustFall: 30,
	reachBoost: 31,
	sceptDamp: 32,
	leftPartner: 33,
	brokenDrop: 34,
	presenceGain: 35,
	involvementGain: 36,
	cushion: 37
} as const;
export const SCALAR_COUNT = 38;

/** Per-rung columns of the step's table, 8 values each (rungs 0-5, then two unused). */
export const Col = { climb: 0, stay: 1, invite: 2, contrib: 3, drift: 4, hazard: 5 } as const;
export const COLUMN_COUNT = 6;
export const COLUMN_WIDTH = 8;

/** A climb threshold no trust reaches, and its opposite (the table holds finite numbers). */
const NO_RUNG = 1e6;
/** Not the number of any partner (members without one have -1). */
export const NO_PARTNER = 1 << 20;

/** Where the step's arrays come from: fresh buffers, or views of the WebAssembly kernel's memory. */
export interface StepStorage {
	f32(n: number): Float32Array;
	f64(n: number): Float64Array;
}

const freshStorage: StepStorage = {
	f32: (n) => new Float32Array(n),
	f64: (n) => new Float64Array(n)
};

/** Inputs and outputs of the member step, reused month after month. */
export class MonthStep {
	// Constant for a scenario.
	readonly alpha: number;
	readonly charGainRate: number;
	readonly lossRate: number;
	readonly charLossRate: number;
	readonly transparency: number;
	readonly patience: number;
	/** Share of contributions within the provider's latitude to act. */
	readonly latitude: number;
	readonly scepticismWeight: number;
	readonly mu: number;
	readonly eps2: number;
	readonly partnerTakes: number;
	readonly partnerShare: number;
	/** Segment weights of integrity, intent, competence and results (4 per segment). */
	readonly weights: Float32Array;
	readonly climb = new Float64Array(RUNG_COUNT);
	readonly stay = new Float64Array(RUNG_COUNT);
	readonly neglect = Float64Array.from(NEGLECT_FALL);

	// Set each month.
	pAct = 0;
	pSuccess = 0;
	presence = 0;
	presenceGain = 0;
	involvementGain = 0;
	leftPartner = -1;
	/** Monthly chance that a participant's people change behaviour for good (engaged, co-designing or higher). */
	outcomeHazard = 0;
	outcomeHazardCo = 0;
	/** Monthly invitation to climb from each rung. */
	readonly inv = new Float64Array(RUNG_COUNT);
	/** Monthly chance of contributing on each rung. */
	readonly contrib = new Float64Array(RUNG_COUNT);
	/** Segment signals: gains and losses per component (4 per segment), scepticism up and down. */
	readonly gain: Float32Array;
	readonly loss: Float32Array;
	readonly sUp: Float32Array;
	readonly sDown: Float32Array;
	/** Segment means of the four components last month (4 per segment). */
	readonly mean: Float32Array;

	/** The step's scalars (indices in K) and per-rung table (Col), as the step reads them. */
	readonly k: Float32Array;
	readonly table: Float32Array;

	// Outputs of the month.
	readonly sums: Float64Array;
	readonly acted: Float64Array;
	readonly broken: Float64Array;
	readonly successes: Float64Array;
	readonly discovered: Float64Array;
	readonly rungCount: Float64Array;
	trustSum = 0;
	sceptSum = 0;
	pendingNext = 0;
	disclosedAll = 0;
	discoveredAll = 0;
	successAll = 0;
	/** Contributions outside the provider's latitude that it explained candidly. */
	explained = 0;
	/** Members' new sustained behaviour change this month (in members, fractional). */
	changedNew = 0;

	/** Per-stream sums over a segment, in double precision. */
	readonly laneSums = new Float64Array(7 * LANES);

	/**
	 * `storage` provides the arrays the step reads and writes each month (by default fresh
	 * ones; the WebAssembly kernel passes views of its memory).
	 */
	constructor(
		s: Scenario,
		segments: number,
		weights: Float64Array,
		storage: StepStorage = freshStorage
	) {
		this.alpha = s.trust.gainRate;
		this.charGainRate = s.trust.gainRate * (1 - s.trust.characterStickiness);
		this.lossRate = s.trust.gainRate * s.trust.asymmetry;
		this.charLossRate = this.lossRate * (1 - s.trust.characterStickiness);
		this.transparency = s.provider.transparency;
		this.patience = s.listening.patienceMonths;
		this.latitude = LATITUDE_FLOOR + (1 - LATITUDE_FLOOR) * s.power.sharing;
		this.scepticismWeight = s.trust.scepticismWeight;
		this.mu = s.trust.wordOfMouth * PEER_CONTACT;
		this.eps2 = s.trust.confidence * s.trust.confidence;
		this.partnerTakes = PARTNER_LEAVING_SHARE * s.partners.borrow;
		this.partnerShare = PARTNER_LEAVING_SHARE;
		climbThresholds(s.trust.threshold, this.climb);
		this.stay[0] = -Infinity;
		for (let r = 1; r < RUNG_COUNT; r++) this.stay[r] = this.climb[r - 1] - HYSTERESIS;
		this.weights = storage.f32(segments * 4);
		this.weights.set(weights);
		this.gain = storage.f32(segments * 4);
		this.loss = storage.f32(segments * 4);
		this.sUp = storage.f32(segments);
		this.sDown = storage.f32(segments);
		this.mean = storage.f32(segments * 4);
		this.k = storage.f32(SCALAR_COUNT);
		this.table = storage.f32(COLUMN_COUNT * COLUMN_WIDTH);
		this.sums = storage.f64(segments * 4);
		this.acted = storage.f64(segments);
		this.broken = storage.f64(segments);
		this.successes = storage.f64(segments);
		this.discovered = storage.f64(segments);
		this.rungCount = storage.f64(RUNG_COUNT);

		const k = this.k;
		k[K.alpha] = this.alpha;
		k[K.charGainRate] = this.charGainRate;
		k[K.lossRate] = this.lossRate;
		k[K.charLossRate] = this.charLossRate;
		k[K.transparency] = this.transparency;
		k[K.patience] = this.patience;
		k[K.latitude] = this.latitude;
		k[K.explainBound] = this.latitude + (1 - this.latitude) * this.transparency;
		k[K.scepticismWeight] = this.scepticismWeight;
		k[K.mu] = this.mu;
		k[K.invEps2] = 1 / this.eps2;
		k[K.partnerTakes] = this.partnerTakes;
		k[K.partnerShare] = this.partnerShare;
		k[K.sigActed] = SIGNAL.acted;
		k[K.sigSuccess] = SIGNAL.success;
		k[K.sigFailure] = SIGNAL.failure;
		k[K.sigDisclosed] = SIGNAL.failure * SIGNAL.disclosedShare;
		k[K.sigCandour] = SIGNAL.candour;
		k[K.sigExplained] = SIGNAL.candour * SIGNAL.explainedShare;
		k[K.sigConceal] = SIGNAL.concealment;
		k[K.sigBroken] = SIGNAL.broken;
		k[K.sceptActed] = SCEPTICISM.acted;
		k[K.sceptBroken] = SCEPTICISM.broken;
		k[K.floor] = FLOOR;
		k[K.forgetting] = FORGETTING;
		k[K.charFade] = CHARACTER_FADE;
		k[K.invRamp] = 1 / RAMP_HALF_WIDTH;
		k[K.invRamp2] = 1 / (2 * RAMP_HALF_WIDTH);
		k[K.lowTrustFall] = LOW_TRUST_FALL;
		k[K.reachBoost] = 1 + PARTNER_REACH_BOOST;
		k[K.sceptDamp] = SCEPTICISM_DAMPS_CLIMB;
		k[K.brokenDrop] = BROKEN_PROMISE_DROP;
		k[K.cushion] = 1 - PARTNER_CUSHION;
		for (let r = 0; r < RUNG_COUNT; r++) {
			this.table[Col.climb * COLUMN_WIDTH + r] = Math.min(
				NO_RUNG,
				Math.max(-NO_RUNG, this.climb[r])
			);
			this.table[Col.stay * COLUMN_WIDTH + r] = Math.min(NO_RUNG, Math.max(-NO_RUNG, this.stay[r]));
		}
	}

	/** Writes this month's values into the scalars and the per-rung table. */
	prepare(): void {
		const k = this.k;
		k[K.pAct] = this.pAct;
		k[K.pSuccess] = this.pSuccess;
		k[K.leftPartner] = this.leftPartner >= 0 ? this.leftPartner : NO_PARTNER;
		k[K.presenceGain] = this.presenceGain;
		k[K.involvementGain] = this.involvementGain;
		const tab = this.table;
		const neglectPresence = 1 - PRESENCE_PREVENTS_NEGLECT * this.presence;
		const w = COLUMN_WIDTH;
		for (let r = 0; r < RUNG_COUNT; r++) {
			tab[Col.invite * w + r] = this.inv[r];
			tab[Col.contrib * w + r] = this.contrib[r];
			tab[Col.drift * w + r] = this.neglect[r] * neglectPresence;
			tab[Col.hazard * w + r] =
				r > Rung.engaged ? this.outcomeHazardCo : r === Rung.engaged ? this.outcomeHazard : 0;
		}
	}
}

/** WebAssembly's f32x4.pmin: b if b < a, else a. */
const pmin = (a: number, b: number): number => (b < a ? b : a);
/** WebAssembly's f32x4.pmax: b if a < b, else a. */
const pmax = (a: number, b: number): number => (a < b ? b : a);

/**
 * Runs one month for every member, advancing the four SFC32 states in `rs` in place
 * (a, b, c and counter of each stream, as rs[w * 4 + stream]). Members are laid out
 * segment by segment, so the segment's signals live in locals.
 */
export function stepMembers(m: Members, counts: Int32Array, st: MonthStep, rs: Int32Array): void {
	st.prepare();
	const I = m.integrity,
		N = m.intent,
		C = m.competence,
		R = m.results,
		S = m.scepticism,
		B = m.baseline,
		reach = m.reach,
		rung = m.rung,
		pend = m.pending,
		partner = m.partner,
		borrowed = m.borrowed,
		changed = m.changed;
	const k = st.k,
		tab = st.table,
		weights = st.weights,
		rungCount = st.rungCount,
		laneSums = st.laneSums;
	const alpha = k[K.alpha],
		charGainRate = k[K.charGainRate],
		lossRate = k[K.lossRate],
		charLossRate = k[K.charLossRate],
		transparency = k[K.transparency],
		patience = k[K.patience],
		latitude = k[K.latitude],
		explainBound = k[K.explainBound],
		scepticismWeight = k[K.scepticismWeight],
		mu = k[K.mu],
		invEps2 = k[K.invEps2],
		partnerTakes = k[K.partnerTakes],
		partnerShare = k[K.partnerShare],
		pAct = k[K.pAct],
		pSuccess = k[K.pSuccess],
		sigActed = k[K.sigActed],
		sigSuccess = k[K.sigSuccess],
		sigFailure = k[K.sigFailure],
		sigDisclosed = k[K.sigDisclosed],
		sigCandour = k[K.sigCandour],
		sigExplained = k[K.sigExplained],
		sigConceal = k[K.sigConceal],
		sigBroken = k[K.sigBroken],
		sceptActed = k[K.sceptActed],
		sceptBroken = k[K.sceptBroken],
		floor = k[K.floor],
		forgetting = k[K.forgetting],
		charFade = k[K.charFade],
		invRamp = k[K.invRamp],
		invRamp2 = k[K.invRamp2],
		lowTrustFall = k[K.lowTrustFall],
		reachBoost = k[K.reachBoost],
		sceptDamp = k[K.sceptDamp],
		leftPartner = k[K.leftPartner],
		brokenDrop = k[K.brokenDrop],
		presenceGain = k[K.presenceGain],
		involvementGain = k[K.involvementGain],
		cushion = k[K.cushion],
		inv16 = 1 / 65536,
		w = COLUMN_WIDTH;
	let trustSum = 0;
	let sceptSum = 0;
	let changedNew = 0;
	let pendingNext = 0;
	let disclosedAll = 0;
	let discoveredAll = 0;
	let successAll = 0;
	let explained = 0;
	rungCount.fill(0);
	let i = 0;
	for (let seg = 0; seg < counts.length; seg++) {
		const o = seg << 2;
		// The segment's signals this month and its opinion last month.
		const gI0 = st.gain[o],
			gN0 = st.gain[o + 1],
			gC0 = st.gain[o + 2],
			gR0 = st.gain[o + 3],
			lI0 = st.loss[o],
			lN0 = st.loss[o + 1],
			lC0 = st.loss[o + 2],
			lR0 = st.loss[o + 3],
			up0 = st.sUp[seg],
			down = st.sDown[seg],
			mI = st.mean[o],
			mN = st.mean[o + 1],
			mC = st.mean[o + 2],
			mR = st.mean[o + 3],
			wI = weights[o],
			wN = weights[o + 1],
			wC = weights[o + 2],
			wR = weights[o + 3];
		let nActed = 0,
			nBroken = 0,
			nSuccess = 0,
			nDiscovered = 0;
		laneSums.fill(0);
		const start = i;
		const count = counts[seg];
		// Each stream's members in turn (member j of the segment is on stream j mod 4); members
		// are independent within a month, so the order only matters for sums, which are kept
		// per stream.
		for (let lane = 0; lane < LANES; lane++) {
			let a = rs[lane],
				b = rs[4 + lane],
				c = rs[8 + lane],
				d = rs[12 + lane];
			// This stream's sums over the current block of 64 members, in single precision.
			let bI = 0,
				bN = 0,
				bC = 0,
				bR = 0,
				bT = 0,
				bS = 0,
				bH = 0;
			for (let j = lane; j < count; j += LANES) {
				const i = start + j;
				// One 32-bit draw (SFC32, inlined) from the member's stream: the high half moves the
				// member on the ladder, the low half decides contributing and acting. Rare outcomes
				// of an acted-on contribution (success, disclosure) take bits hashed from the same
				// draw, so every member consumes exactly one draw a month (common random numbers).
				const x = (((a + b) | 0) + d) | 0;
				a = b ^ (b >>> 9);
				b = (c + (c << 3)) | 0;
				c = (((c << 21) | (c >>> 11)) + x) | 0;
				d = (d + 1) | 0;
				const u1 = (x >>> 16) * inv16;
				const u2 = (x & 0xffff) * inv16;

				let r = rung[i];
				const p = pend[i];
				const contrib = tab[Col.contrib * w + r];
				let s0 = S[i];
				// Experience of the service (informed and above); involvement (engaged and above).
				const service = r >= Rung.informed ? presenceGain : 0;
				let gI = gI0,
					gN = Math.fround(gN0 + (r >= Rung.engaged ? involvementGain : 0)),
					gC = Math.fround(gC0 + service),
					gR = Math.fround(gR0 + service),
					lI = lI0,
					lN = lN0,
					lC = lC0,
					lR = lR0,
					up = up0;
				let dropped = false;

				// Listening and acting. A waiting contribution ages by a month, unless it is acted on
				// now or has waited past the community's patience (a broken promise).
				const acted = p > 0 && u2 < pAct;
				const expired = p !== 0 && !acted && (p > 0 ? p : -p) >= patience;
				if (p !== 0 && !acted && !expired) {
					pend[i] = p > 0 ? p + 1 : p - 1;
					if (p > 0) pendingNext++;
				} else if (acted || expired) pend[i] = 0;
				if (acted || expired || (p === 0 && u2 < contrib) || partner[i] === leftPartner) {
					// Something happens to this member: their signals gain these extras.
					let dGI = 0,
						dGN = 0,
						dGC = 0,
						dGR = 0,
						dLI = 0,
						dLN = 0,
						dLC = 0,
						dLR = 0,
						dUp = 0,
						dS = 0;
					if (acted) {
						nActed++;
						dGI = Math.fround(dGI + sigActed);
						dGN = Math.fround(dGN + sigActed);
						dS = Math.fround(sceptActed * s0);
						let y = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
						y = Math.imul(y ^ (y >>> 12), 0x297a2d39) ^ (y >>> 15);
						if ((y >>> 16) * inv16 < pSuccess) {
							nSuccess++;
							dGC = Math.fround(dGC + sigSuccess);
							dGR = Math.fround(dGR + sigSuccess);
						} else if ((y & 0xffff) * inv16 < transparency) {
							disclosedAll++;
							dLC = Math.fround(dLC + sigDisclosed);
							dGI = Math.fround(dGI + sigCandour);
						} else {
							nDiscovered++;
							dLC = Math.fround(dLC + sigFailure);
							dLR = Math.fround(dLR + sigFailure);
							dLI = Math.fround(dLI + sigConceal);
						}
					} else if (expired) {
						nBroken++;
						dLI = Math.fround(dLI + sigBroken);
						dLN = Math.fround(dLN + sigBroken);
						dUp = Math.fround(dUp + sceptBroken);
						dropped = true;
					} else if (p === 0 && u2 < contrib) {
						// Where the draw falls within the contribution band decides its fate: within the
						// provider's latitude it waits to be acted on; outside it, a candid provider says
						// so plainly (a small gain in integrity, no promise left hanging); otherwise it
						// waits for action that cannot come.
						const fr = Math.fround(u2 / contrib);
						if (fr < latitude) {
							pend[i] = 1;
							pendingNext++;
						} else if (fr < explainBound) {
							dGI = Math.fround(dGI + sigExplained);
							explained++;
						} else pend[i] = -1;
					}
					// A partner leaving takes the trust borrowed from it.
					if (partner[i] === leftPartner) {
						partner[i] = -1;
						const owed = borrowed[i];
						if (owed > 0) {
							dLI = Math.fround(dLI + partnerTakes);
							dLN = Math.fround(dLN + partnerTakes);
							B[i] = B[i] - Math.fround(partnerShare * owed);
							borrowed[i] = 0;
						}
						reach[i] = reach[i] / reachBoost;
					}
					gI = Math.fround(gI + dGI);
					gN = Math.fround(gN + dGN);
					gC = Math.fround(gC + dGC);
					gR = Math.fround(gR + dGR);
					lI = Math.fround(lI + dLI);
					lN = Math.fround(lN + dLN);
					lC = Math.fround(lC + dLC);
					lR = Math.fround(lR + dLR);
					up = Math.fround(up + dUp);
					s0 = Math.fround(s0 - dS);
				}

				// A partner cushions losses.
				const cf = partner[i] >= 0 ? cushion : 1;
				lI = Math.fround(lI * cf);
				lN = Math.fround(lN * cf);
				lC = Math.fround(lC * cf);
				lR = Math.fround(lR * cf);

				// Trust components: saturating gains, proportional losses times the asymmetry;
				// character gains more slowly (stickiness); performance memory fades to baseline.
				let vI = I[i],
					vN = N[i],
					vC = C[i],
					vR = R[i];
				const bl = B[i];
				vI = Math.fround(
					Math.fround(
						Math.fround(
							vI + Math.fround(pmin(1, Math.fround(charGainRate * gI)) * Math.fround(1 - vI))
						) - Math.fround(pmin(1, Math.fround(charLossRate * lI)) * vI)
					) - Math.fround(charFade * pmax(0, Math.fround(vI - bl)))
				);
				vN = Math.fround(
					Math.fround(
						Math.fround(
							vN + Math.fround(pmin(1, Math.fround(charGainRate * gN)) * Math.fround(1 - vN))
						) - Math.fround(pmin(1, Math.fround(charLossRate * lN)) * vN)
					) - Math.fround(charFade * pmax(0, Math.fround(vN - bl)))
				);
				vC = Math.fround(
					Math.fround(
						Math.fround(vC + Math.fround(pmin(1, Math.fround(alpha * gC)) * Math.fround(1 - vC))) -
							Math.fround(pmin(1, Math.fround(lossRate * lC)) * vC)
					) + Math.fround(forgetting * Math.fround(bl - vC))
				);
				vR = Math.fround(
					Math.fround(
						Math.fround(vR + Math.fround(pmin(1, Math.fround(alpha * gR)) * Math.fround(1 - vR))) -
							Math.fround(pmin(1, Math.fround(lossRate * lR)) * vR)
					) + Math.fround(forgetting * Math.fround(bl - vR))
				);
				// Word of mouth: bounded confidence towards the segment's opinion (Deffuant et al.
				// 2000). The kernel max(0, 1 - d^2 / eps^2) is zero beyond eps, like Deffuant's
				// cut-off, but smooth, so no member-dependent branch is needed.
				let dv = Math.fround(mI - vI);
				vI = Math.fround(
					vI +
						Math.fround(
							Math.fround(mu * dv) *
								pmax(0, Math.fround(1 - Math.fround(Math.fround(dv * dv) * invEps2)))
						)
				);
				dv = Math.fround(mN - vN);
				vN = Math.fround(
					vN +
						Math.fround(
							Math.fround(mu * dv) *
								pmax(0, Math.fround(1 - Math.fround(Math.fround(dv * dv) * invEps2)))
						)
				);
				dv = Math.fround(mC - vC);
				vC = Math.fround(
					vC +
						Math.fround(
							Math.fround(mu * dv) *
								pmax(0, Math.fround(1 - Math.fround(Math.fround(dv * dv) * invEps2)))
						)
				);
				dv = Math.fround(mR - vR);
				vR = Math.fround(
					vR +
						Math.fround(
							Math.fround(mu * dv) *
								pmax(0, Math.fround(1 - Math.fround(Math.fround(dv * dv) * invEps2)))
						)
				);
				s0 = Math.fround(
					Math.fround(s0 + Math.fround(up * Math.fround(1 - s0))) - Math.fround(down * s0)
				);
				I[i] = vI;
				N[i] = vN;
				C[i] = vC;
				R[i] = vR;
				S[i] = s0;

				// Overall trust: weighted harmonic mean (weakest link) with one division,
				// 1 / sum(w_k / x_k) = prod(x) / sum(w_k * prod_{j != k} x_j), times (1 - sw * S).
				const fI = pmax(vI, floor),
					fN = pmax(vN, floor),
					fC = pmax(vC, floor),
					fR = pmax(vR, floor);
				const character = Math.fround(fI * fN);
				const outcome = Math.fround(fC * fR);
				const T = pmin(
					1,
					Math.fround(
						Math.fround(
							Math.fround(Math.fround(1 - Math.fround(scepticismWeight * s0)) * character) * outcome
						) /
							Math.fround(
								Math.fround(outcome * Math.fround(Math.fround(wI * fN) + Math.fround(wN * fI))) +
									Math.fround(character * Math.fround(Math.fround(wC * fR) + Math.fround(wR * fC)))
							)
					)
				);

				// The ladder: climb when invited and trusting enough, slip when neglected or when
				// trust falls below what the rung needs; a broken promise drops two rungs.
				if (dropped) {
					// Down two rungs, but no lower than informed (they know the service now), and
					// never up: someone who had already drifted to unaware stays there.
					r = r > brokenDrop + 1 ? r - brokenDrop : r < 1 ? r : 1;
				} else {
					const ramped = pmin(
						1,
						pmax(
							0,
							Math.fround(0.5 + Math.fround(Math.fround(T - tab[Col.climb * w + r]) * invRamp2))
						)
					);
					const invite = Math.fround(
						Math.fround(Math.fround(tab[Col.invite * w + r] * reach[i]) * ramped) *
							Math.fround(1 - Math.fround(sceptDamp * s0))
					);
					const low = pmin(
						1,
						pmax(0, Math.fround(Math.fround(tab[Col.stay * w + r] - T) * invRamp))
					);
					if (u1 < invite) r++;
					else if (
						u1 >
						Math.fround(1 - Math.fround(tab[Col.drift * w + r] + Math.fround(lowTrustFall * low)))
					)
						r--;
				}
				rung[i] = r;
				rungCount[r]++;

				// Health outcomes: participants' people change behaviour for good, each only once.
				const ch = changed[i];
				const dc = Math.fround(tab[Col.hazard * w + r] * Math.fround(1 - ch));
				changed[i] = ch + dc;

				// Sums per stream, in blocks.
				bI = Math.fround(bI + vI);
				bN = Math.fround(bN + vN);
				bC = Math.fround(bC + vC);
				bR = Math.fround(bR + vR);
				bT = Math.fround(bT + T);
				bS = Math.fround(bS + s0);
				bH = Math.fround(bH + dc);
				if (j % SUM_BLOCK >= SUM_BLOCK - LANES || j + LANES >= count) {
					laneSums[lane] += bI;
					laneSums[4 + lane] += bN;
					laneSums[8 + lane] += bC;
					laneSums[12 + lane] += bR;
					laneSums[16 + lane] += bT;
					laneSums[20 + lane] += bS;
					laneSums[24 + lane] += bH;
					bI = bN = bC = bR = bT = bS = bH = 0;
				}
			}
			rs[lane] = a;
			rs[4 + lane] = b;
			rs[8 + lane] = c;
			rs[12 + lane] = d;
		}
		i = start + count;
		const L = laneSums;
		st.sums[o] = L[0] + L[2] + (L[1] + L[3]);
		st.sums[o + 1] = L[4] + L[6] + (L[5] + L[7]);
		st.sums[o + 2] = L[8] + L[10] + (L[9] + L[11]);
		st.sums[o + 3] = L[12] + L[14] + (L[13] + L[15]);
		trustSum += L[16] + L[18] + (L[17] + L[19]);
		sceptSum += L[20] + L[22] + (L[21] + L[23]);
		changedNew += L[24] + L[26] + (L[25] + L[27]);
		st.acted[seg] = nActed;
		st.broken[seg] = nBroken;
		st.successes[seg] = nSuccess;
		st.discovered[seg] = nDiscovered;
		successAll += nSuccess;
		discoveredAll += nDiscovered;
	}
	st.trustSum = trustSum;
	st.sceptSum = sceptSum;
	st.pendingNext = pendingNext;
	st.disclosedAll = disclosedAll;
	st.discoveredAll = discoveredAll;
	st.successAll = successAll;
	st.explained = explained;
	st.changedNew = changedNew;
}
