/**
 * The member step: one month for every member of the community. This is the model's hot
 * path (it runs members × months × runs times), so it reads everything from locals, makes
 * one random draw per member, and never allocates.
 *
 * For each member, in order: their outstanding contribution is acted on (and the initiative
 * born of it succeeds or fails, disclosed or discovered), waits, or becomes a broken promise;
 * they experience the service if they know of it; a partner cushions their losses or leaves;
 * the four trust components update (saturating gains, proportional losses times the
 * asymmetry, character stickier than outcomes, performance memory fading to baseline); word
 * of mouth pulls them towards their segment's opinion if it is within their open-mindedness;
 * overall trust is combined as a weakest link and discounted by scepticism; they climb, stay
 * or fall on the ladder; a member with nothing outstanding may contribute.
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
	readonly weights: Float64Array;
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
	readonly gain: Float64Array;
	readonly loss: Float64Array;
	readonly sUp: Float64Array;
	readonly sDown: Float64Array;
	/** Segment means of the four components last month (4 per segment). */
	readonly mean: Float64Array;

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

	/**
	 * `alloc` provides the arrays the step reads and writes each month (by default fresh
	 * ones; the WebAssembly kernel passes views of its memory).
	 */
	constructor(
		s: Scenario,
		segments: number,
		weights: Float64Array,
		alloc: (n: number) => Float64Array = (n) => new Float64Array(n)
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
		this.weights = weights;
		climbThresholds(s.trust.threshold, this.climb);
		this.stay[0] = -Infinity;
		for (let r = 1; r < RUNG_COUNT; r++) this.stay[r] = this.climb[r - 1] - HYSTERESIS;
		this.gain = alloc(segments * 4);
		this.loss = alloc(segments * 4);
		this.sUp = alloc(segments);
		this.sDown = alloc(segments);
		this.mean = alloc(segments * 4);
		this.sums = alloc(segments * 4);
		this.acted = alloc(segments);
		this.broken = alloc(segments);
		this.successes = alloc(segments);
		this.discovered = alloc(segments);
		this.rungCount = alloc(RUNG_COUNT);
	}
}

/**
 * Runs one month for every member, advancing the SFC32 state `rs` in place. Members are laid
 * out segment by segment, so the segment's signals and running sums live in registers.
 */
export function stepMembers(m: Members, counts: Int32Array, st: MonthStep, rs: Uint32Array): void {
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
	const alpha = st.alpha,
		charGainRate = st.charGainRate,
		lossRate = st.lossRate,
		charLossRate = st.charLossRate,
		transparency = st.transparency,
		patience = st.patience,
		latitude = st.latitude,
		scepticismWeight = st.scepticismWeight,
		mu = st.mu,
		invEps2 = 1 / st.eps2,
		partnerTakes = st.partnerTakes,
		partnerShare = st.partnerShare,
		hzPart = st.outcomeHazard,
		hzCo = st.outcomeHazardCo,
		weights = st.weights,
		climb = st.climb,
		stay = st.stay,
		neglect = st.neglect,
		pAct = st.pAct,
		pSuccess = st.pSuccess,
		pres = st.presence,
		presenceGain = st.presenceGain,
		involvementGain = st.involvementGain,
		leftPartner = st.leftPartner,
		inv = st.inv,
		contrib = st.contrib,
		rungCount = st.rungCount;
	const sigActed = SIGNAL.acted,
		sigSuccess = SIGNAL.success,
		sigFailure = SIGNAL.failure,
		sigDisclosed = SIGNAL.failure * SIGNAL.disclosedShare,
		sigCandour = SIGNAL.candour,
		sigExplained = SIGNAL.candour * SIGNAL.explainedShare,
		sigConceal = SIGNAL.concealment,
		sigBroken = SIGNAL.broken,
		sceptActed = SCEPTICISM.acted,
		sceptBroken = SCEPTICISM.broken,
		floor = FLOOR,
		forgetting = FORGETTING,
		charFade = CHARACTER_FADE,
		cushion = 1 - PARTNER_CUSHION,
		invRamp = 1 / RAMP_HALF_WIDTH,
		invRamp2 = 1 / (2 * RAMP_HALF_WIDTH),
		inv16 = 1 / 65536,
		lowTrustFall = LOW_TRUST_FALL,
		brokenDrop = BROKEN_PROMISE_DROP,
		reachBoost = 1 + PARTNER_REACH_BOOST,
		rInformed = Rung.informed,
		rEngaged = Rung.engaged,
		neglectPresence = 1 - PRESENCE_PREVENTS_NEGLECT * pres,
		sceptDamp = SCEPTICISM_DAMPS_CLIMB;
	let ra = rs[0] | 0,
		rb = rs[1] | 0,
		rc = rs[2] | 0,
		rd = rs[3] | 0;
	let trustSum = 0;
	let sceptSum = 0;
	let pendingNext = 0;
	let disclosedAll = 0;
	let discoveredAll = 0;
	let successAll = 0;
	let explained = 0;
	let changedNew = 0;
	rungCount.fill(0);
	let i = 0;
	for (let k = 0; k < counts.length; k++) {
		const o = k << 2;
		// The segment's signals this month and its opinion last month.
		const gI0 = st.gain[o],
			gN0 = st.gain[o + 1],
			gC0 = st.gain[o + 2],
			gR0 = st.gain[o + 3],
			lI0 = st.loss[o],
			lN0 = st.loss[o + 1],
			lC0 = st.loss[o + 2],
			lR0 = st.loss[o + 3],
			up0 = st.sUp[k],
			down = st.sDown[k],
			mI = st.mean[o],
			mN = st.mean[o + 1],
			mC = st.mean[o + 2],
			mR = st.mean[o + 3],
			wI = weights[o],
			wN = weights[o + 1],
			wC = weights[o + 2],
			wR = weights[o + 3];
		let sI = 0,
			sN = 0,
			sC = 0,
			sR = 0,
			nActed = 0,
			nBroken = 0,
			nSuccess = 0,
			nDiscovered = 0;
		const end = i + counts[k];
		for (; i < end; i++) {
			// One 32-bit draw (SFC32, inlined): the high half moves the member on the ladder,
			// the low half decides contributing and acting. Rare outcomes of an acted-on
			// contribution (success, disclosure) take bits hashed from the same draw, so every
			// member consumes exactly one draw a month (common random numbers).
			const x = (((ra + rb) | 0) + rd) | 0;
			rd = (rd + 1) | 0;
			ra = rb ^ (rb >>> 9);
			rb = (rc + (rc << 3)) | 0;
			rc = (((rc << 21) | (rc >>> 11)) + x) | 0;
			const u1 = (x >>> 16) * inv16;
			const u2 = (x & 0xffff) * inv16;

			let gI = gI0,
				gN = gN0,
				gC = gC0,
				gR = gR0,
				lI = lI0,
				lN = lN0,
				lC = lC0,
				lR = lR0,
				up = up0;
			let s0 = S[i];
			let r = rung[i];
			let dropped = false;

			// Listening and acting.
			const p = pend[i];
			if (p !== 0) {
				if (p > 0 && u2 < pAct) {
					nActed++;
					gI += sigActed;
					gN += sigActed;
					s0 -= sceptActed * s0;
					let y = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
					y = Math.imul(y ^ (y >>> 12), 0x297a2d39) ^ (y >>> 15);
					if ((y >>> 16) * inv16 < pSuccess) {
						nSuccess++;
						gC += sigSuccess;
						gR += sigSuccess;
					} else if ((y & 0xffff) * inv16 < transparency) {
						disclosedAll++;
						lC += sigDisclosed;
						gI += sigCandour;
					} else {
						nDiscovered++;
						lC += sigFailure;
						lR += sigFailure;
						lI += sigConceal;
					}
					pend[i] = 0;
				} else if ((p > 0 ? p : -p) >= patience) {
					nBroken++;
					lI += sigBroken;
					lN += sigBroken;
					up += sceptBroken;
					pend[i] = 0;
					dropped = true;
				} else if (p > 0) {
					pend[i] = p + 1;
					pendingNext++;
				} else pend[i] = p - 1;
			} else if (u2 < contrib[r]) {
				// Where the draw falls within the contribution band decides its fate: within the
				// provider's latitude it waits to be acted on; outside it, a candid provider says
				// so plainly (a small gain in integrity, no promise left hanging); otherwise it
				// waits for action that cannot come.
				const f = u2 / contrib[r];
				if (f < latitude) {
					pend[i] = 1;
					pendingNext++;
				} else if (f < latitude + (1 - latitude) * transparency) {
					gI += sigExplained;
					explained++;
				} else pend[i] = -1;
			}

			// Experience of the service.
			if (r >= rInformed) {
				gC += presenceGain;
				gR += presenceGain;
				if (r >= rEngaged) gN += involvementGain;
			}

			// Partner: cushions losses; leaving takes borrowed trust with it.
			const pk = partner[i];
			if (pk >= 0) {
				if (pk === leftPartner) {
					// Only trust borrowed from the partner leaves with it.
					partner[i] = -1;
					const owed = borrowed[i];
					if (owed > 0) {
						lI += partnerTakes;
						lN += partnerTakes;
						B[i] -= partnerShare * owed;
						borrowed[i] = 0;
					}
					reach[i] /= reachBoost;
				} else {
					lI *= cushion;
					lN *= cushion;
					lC *= cushion;
					lR *= cushion;
				}
			}

			// Trust components: saturating gains, proportional losses times the asymmetry;
			// character gains more slowly (stickiness); performance memory fades to baseline.
			let vI = I[i],
				vN = N[i],
				vC = C[i],
				vR = R[i];
			const b = B[i];
			vI +=
				Math.min(1, charGainRate * gI) * (1 - vI) -
				Math.min(1, charLossRate * lI) * vI -
				charFade * Math.max(0, vI - b);
			vN +=
				Math.min(1, charGainRate * gN) * (1 - vN) -
				Math.min(1, charLossRate * lN) * vN -
				charFade * Math.max(0, vN - b);
			vC +=
				Math.min(1, alpha * gC) * (1 - vC) -
				Math.min(1, lossRate * lC) * vC +
				forgetting * (b - vC);
			vR +=
				Math.min(1, alpha * gR) * (1 - vR) -
				Math.min(1, lossRate * lR) * vR +
				forgetting * (b - vR);
			// Word of mouth: bounded confidence towards the segment's opinion (Deffuant et al.
			// 2000). The kernel max(0, 1 - d^2 / eps^2) is zero beyond eps, like Deffuant's
			// cut-off, but smooth, so no member-dependent branch is needed.
			let d = mI - vI;
			vI += mu * d * Math.max(0, 1 - d * d * invEps2);
			d = mN - vN;
			vN += mu * d * Math.max(0, 1 - d * d * invEps2);
			d = mC - vC;
			vC += mu * d * Math.max(0, 1 - d * d * invEps2);
			d = mR - vR;
			vR += mu * d * Math.max(0, 1 - d * d * invEps2);
			s0 += up * (1 - s0) - down * s0;
			I[i] = vI;
			N[i] = vN;
			C[i] = vC;
			R[i] = vR;
			S[i] = s0;
			sI += vI;
			sN += vN;
			sC += vC;
			sR += vR;

			// Overall trust: weighted harmonic mean (weakest link) with one division,
			// 1 / sum(w_k / x_k) = prod(x) / sum(w_k * prod_{j != k} x_j), times (1 - sw * S).
			const fI = Math.max(vI, floor),
				fN = Math.max(vN, floor),
				fC = Math.max(vC, floor),
				fR = Math.max(vR, floor);
			const character = fI * fN;
			const outcome = fC * fR;
			const T = Math.min(
				1,
				((1 - scepticismWeight * s0) * character * outcome) /
					(outcome * (wI * fN + wN * fI) + character * (wC * fR + wR * fC))
			);
			trustSum += T;
			sceptSum += s0;

			// The ladder: climb when invited and trusting enough, slip when neglected or when
			// trust falls below what the rung needs; a broken promise drops two rungs.
			if (dropped) {
				// Down two rungs, but no lower than informed (they know the service now), and
				// never up: someone who had already drifted to unaware stays there.
				r = r > brokenDrop + 1 ? r - brokenDrop : r < 1 ? r : 1;
			} else {
				const ramped = Math.min(1, Math.max(0, 0.5 + (T - climb[r]) * invRamp2));
				if (u1 < inv[r] * reach[i] * ramped * (1 - sceptDamp * s0)) r++;
				else {
					const low = Math.min(1, Math.max(0, (stay[r] - T) * invRamp));
					if (u1 > 1 - (neglect[r] * neglectPresence + lowTrustFall * low)) r--;
				}
			}
			rung[i] = r;
			rungCount[r]++;
			// Health outcomes: participants' people change behaviour for good, each only once.
			if (r >= rEngaged) {
				const ch = changed[i];
				const dc = (r > rEngaged ? hzCo : hzPart) * (1 - ch);
				changed[i] = ch + dc;
				changedNew += dc;
			}
		}
		st.sums[o] = sI;
		st.sums[o + 1] = sN;
		st.sums[o + 2] = sC;
		st.sums[o + 3] = sR;
		st.acted[k] = nActed;
		st.broken[k] = nBroken;
		st.successes[k] = nSuccess;
		st.discovered[k] = nDiscovered;
		successAll += nSuccess;
		discoveredAll += nDiscovered;
	}
	rs[0] = ra;
	rs[1] = rb;
	rs[2] = rc;
	rs[3] = rd;
	st.trustSum = trustSum;
	st.sceptSum = sceptSum;
	st.pendingNext = pendingNext;
	st.disclosedAll = disclosedAll;
	st.discoveredAll = discoveredAll;
	st.successAll = successAll;
	st.explained = explained;
	st.changedNew = changedNew;
}
