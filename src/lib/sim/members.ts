/**
 * The member step: one month for every member of the community (docs/model.md sections 7.2
 * to 7.6 and 7.10). This is the readable statement of the model's hot loop, in plain
 * double-precision TypeScript, one named function per formula. The app, the CLI and the
 * benchmarks run the same step compiled to WebAssembly (kernel/member-step.ts), four members
 * per SIMD instruction in single precision; tests/unit/sim/kernel.test.ts checks that the two
 * agree.
 *
 * For each member, in order: their outstanding contribution is acted on (and the initiative
 * born of it succeeds or fails, disclosed or discovered), waits, or becomes a broken promise;
 * or, with nothing outstanding, they may give their view, which is actionable, explained or
 * left hanging; a partner leaving takes borrowed trust with it; a partner cushions their
 * losses; the four trust components move in log-odds (losses `asymmetry` times gains,
 * scepticism discounting gains); performance memory drifts to the baseline and character
 * above it fades; word of mouth pulls them towards their segment's opinion; scepticism
 * updates; overall trust is combined as a weakest link; they climb, stay or fall on the
 * ladder; participants' people may change behaviour for good.
 *
 * Every member draws one 32-bit number a month from one of four streams (member j of a
 * segment from stream j mod 4): its high half moves them on the ladder, its low half decides
 * contributing and acting, and a hash of it decides an initiative's success and disclosure.
 */
import type { ModelConstants } from './assumptions';
import type { Members } from './community';
import {
	afterBrokenPromise,
	ladderMove,
	ladderRules,
	Rung,
	RUNG_COUNT,
	type LadderRules
} from './ladder';
import { contributionChance, contributionFate, Fate } from './listening';
import type { Scenario } from './scenario';
import {
	fadeCharacter,
	forget,
	logOddsStep,
	overallTrust,
	updateScepticism,
	wordOfMouth
} from './trust';

/** Random streams the members draw from, interleaved: member j of a segment uses stream j mod 4. */
export const LANES = 4;

/** The month's per-segment and per-rung arrays of a MonthStep. */
type MonthArray =
	| 'weights'
	| 'gain'
	| 'loss'
	| 'sUp'
	| 'sDown'
	| 'mean'
	| 'sums'
	| 'acted'
	| 'broken'
	| 'successes'
	| 'discovered'
	| 'rungCount';

/**
 * Where a MonthStep's arrays come from: fresh ones, or views of the WebAssembly kernel's
 * memory, which it then reads and writes in place.
 */
export type MonthStorage = (name: MonthArray, length: number) => Float64Array;

const freshStorage: MonthStorage = (_name, length) => new Float64Array(length);

/** Inputs and outputs of the member step, reused month after month. */
export class MonthStep {
	// Constant for a scenario.
	/** The internal constants the run uses. */
	readonly c: Readonly<ModelConstants>;
	/** The ladder's thresholds and fall rules. */
	readonly ladder: LadderRules;
	readonly rate: number;
	readonly charRate: number;
	readonly asymmetry: number;
	readonly transparency: number;
	readonly patience: number;
	readonly scepticismWeight: number;
	readonly mu: number;
	readonly invEps2: number;
	/** Segment weights of integrity, intent, competence and results (4 per segment). */
	readonly weights: Float64Array;

	// Set each month.
	month = 0;
	/** Share of contributions within the provider's latitude to act. */
	latitude = 0;
	/** Scepticism a member gains when told nothing will come of their view (consultation fatigue). */
	fatigue = 0;
	/**
	 * Chance that a contribution which ran out of patience is explained rather than left as a
	 * broken promise: the provider's candour, and where power is shared, the community's own
	 * open decisions about what cannot be done.
	 */
	openness = 0;
	pAct = 0;
	pSuccess = 0;
	presenceGain = 0;
	involvementGain = 0;
	leftPartner = -1;
	/** Whether this month holds a community conversation. */
	conversation = false;
	/** Monthly invitation to climb from each rung. */
	readonly invite = new Float64Array(RUNG_COUNT);
	/** Monthly chance of drifting down a rung through neglect, by rung. */
	readonly drift = new Float64Array(RUNG_COUNT);
	/** Ideas a year a member on each rung has to put forward. */
	readonly ideas = new Float64Array(RUNG_COUNT);
	/** Monthly chance that a member's people change behaviour for good, by rung. */
	readonly hazard = new Float64Array(RUNG_COUNT);
	/** Segment signals: gains and losses per component (4 per segment), scepticism up and down. */
	readonly gain: Float64Array;
	readonly loss: Float64Array;
	readonly sUp: Float64Array;
	readonly sDown: Float64Array;
	/** Segment means of the four components last month (4 per segment). */
	readonly mean: Float64Array;

	// Outputs of the month.
	/** Sums of the four components per segment (4 per segment). */
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
	/** Contributions made this month. */
	contributions = 0;
	/** Members' new sustained behaviour change this month (in members, fractional). */
	changedNew = 0;
	/** Members who took part in a consultation in the last 12 months (including this one). */
	voiceYear = 0;
	/** Members who had a contribution acted on in the last 12 months. */
	heardYear = 0;
	/** Members who shared decisions (co-designing or co-producing) in the last 12 months. */
	decidedYear = 0;

	constructor(
		s: Scenario,
		segments: number,
		weights: Float64Array,
		c: Readonly<ModelConstants>,
		storage: MonthStorage = freshStorage
	) {
		this.c = c;
		this.ladder = ladderRules(c);
		this.rate = s.trust.responsiveness;
		this.charRate = s.trust.responsiveness * (1 - s.trust.characterStickiness);
		this.asymmetry = s.trust.asymmetry;
		this.transparency = s.provider.transparency;
		this.patience = s.listening.patienceMonths;
		this.scepticismWeight = s.trust.scepticismWeight;
		this.mu = s.trust.wordOfMouth * c.peerContact;
		this.invEps2 = 1 / (s.trust.confidence * s.trust.confidence);
		this.weights = storage('weights', segments * 4);
		this.weights.set(weights);
		this.gain = storage('gain', segments * 4);
		this.loss = storage('loss', segments * 4);
		this.sUp = storage('sUp', segments);
		this.sDown = storage('sDown', segments);
		this.mean = storage('mean', segments * 4);
		this.sums = storage('sums', segments * 4);
		this.acted = storage('acted', segments);
		this.broken = storage('broken', segments);
		this.successes = storage('successes', segments);
		this.discovered = storage('discovered', segments);
		this.rungCount = storage('rungCount', RUNG_COUNT);
	}
}

/** A uniform number on [0, 1) from 16 bits. */
const U16 = 1 / 65536;

/**
 * The bits that decide an acted-on contribution's initiative: a hash of the member's draw, so
 * that every member consumes exactly one draw a month whatever happens to them.
 */
function initiativeBits(x: number): number {
	let y = Math.imul(x ^ (x >>> 15), 0x2c1b3c6d);
	y = Math.imul(y ^ (y >>> 12), 0x297a2d39) ^ (y >>> 15);
	return y;
}

/**
 * Runs one month for every member, advancing the four SFC32 states in `rs` in place
 * (a, b, c and counter of each stream, as rs[word * 4 + stream]).
 */
export function stepMembers(m: Members, counts: Int32Array, st: MonthStep, rs: Int32Array): void {
	const {
		rate,
		charRate,
		asymmetry: A,
		transparency,
		patience,
		scepticismWeight: sw,
		mu,
		invEps2,
		latitude,
		fatigue,
		openness,
		pAct,
		pSuccess,
		presenceGain,
		involvementGain,
		leftPartner,
		conversation,
		month,
		invite,
		drift,
		ideas,
		hazard,
		weights,
		c,
		ladder
	} = st;
	const signalActed = c.signalActed,
		signalSuccess = c.signalSuccess,
		signalDisclosed = c.signalFailure * c.signalDisclosedShare,
		signalCandour = c.signalCandour,
		signalFailure = c.signalFailure,
		signalConcealment = c.signalConcealment,
		signalBroken = c.signalBroken,
		scepticismActed = c.scepticismActed,
		scepticismBroken = c.scepticismBroken,
		between = c.betweenConversations,
		leavingShare = c.partnerLeavingShare,
		reachBoost = 1 + c.partnerReachBoost,
		cushioned = 1 - c.partnerCushion,
		forgetting = c.forgetting,
		characterFade = c.characterFade;
	const yearAgo = month - 11;
	let trustSum = 0,
		sceptSum = 0,
		changedNew = 0,
		pendingNext = 0,
		disclosedAll = 0,
		discoveredAll = 0,
		successAll = 0,
		explained = 0,
		contributions = 0,
		voiceYear = 0,
		heardYear = 0,
		decidedYear = 0;
	st.rungCount.fill(0);
	let start = 0;
	for (let seg = 0; seg < counts.length; seg++) {
		const o = seg * 4;
		const count = counts[seg];
		let nActed = 0,
			nBroken = 0,
			nSuccess = 0,
			nDiscovered = 0;
		let sI = 0,
			sN = 0,
			sC = 0,
			sR = 0;
		for (let j = 0; j < count; j++) {
			const i = start + j;
			// One 32-bit draw (SFC32) from the member's stream.
			const lane = j & 3;
			const a = rs[lane],
				b = rs[4 + lane],
				c = rs[8 + lane],
				d = rs[12 + lane];
			const x = (((a + b) | 0) + d) | 0;
			rs[lane] = b ^ (b >>> 9);
			rs[4 + lane] = (c + (c << 3)) | 0;
			rs[8 + lane] = (((c << 21) | (c >>> 11)) + x) | 0;
			rs[12 + lane] = (d + 1) | 0;
			const u1 = (x >>> 16) * U16;
			const u2 = (x & 0xffff) * U16;

			let r = m.rung[i];
			const p = m.pending[i];
			const s0 = m.scepticism[i];
			// The segment's signals, then the member's own.
			let gI = st.gain[o],
				gN = st.gain[o + 1] + (r >= Rung.coDesigning ? involvementGain : 0),
				gC = st.gain[o + 2] + (r >= Rung.informed ? presenceGain : 0),
				gR = st.gain[o + 3] + (r >= Rung.informed ? presenceGain : 0),
				lI = st.loss[o],
				lN = st.loss[o + 1],
				lC = st.loss[o + 2],
				lR = st.loss[o + 3],
				up = st.sUp[seg],
				down = st.sDown[seg];
			let brokenNow = false;
			let chance = 0;

			// An outstanding contribution is acted on, waits a month more, or is a broken promise.
			const acted = p > 0 && u2 < pAct;
			const expired = p !== 0 && !acted && Math.abs(p) >= patience;
			if (acted || expired) m.pending[i] = 0;
			else if (p !== 0) {
				m.pending[i] = p > 0 ? p + 1 : p - 1;
				if (p > 0) pendingNext++;
			}
			if (acted) {
				nActed++;
				m.lastHeard[i] = month;
				gI += signalActed;
				gN += signalActed;
				down += scepticismActed;
				const y = initiativeBits(x);
				if ((y >>> 16) * U16 < pSuccess) {
					nSuccess++;
					gC += signalSuccess;
					gR += signalSuccess;
				} else if ((y & 0xffff) * U16 < transparency) {
					disclosedAll++;
					lC += signalDisclosed;
					gI += signalCandour;
				} else {
					nDiscovered++;
					lC += signalFailure;
					lR += signalFailure;
					lI += signalConcealment;
				}
			} else if (expired) {
				// Nothing came of it. A candid provider, or a community deciding in the open, says so
				// before patience runs out (consultation fatigue); otherwise it is a broken promise.
				if ((initiativeBits(x) & 0xffff) * U16 < openness) {
					explained++;
					up += fatigue;
				} else {
					nBroken++;
					brokenNow = true;
					lI += signalBroken;
					lN += signalBroken;
					up += scepticismBroken;
				}
			} else if (
				p === 0 &&
				u2 <
					(chance = contributionChance(ideas[r], month - m.lastVoice[i], conversation, r, between))
			) {
				// The member gives their view; where the draw falls in the contribution band decides
				// its fate.
				contributions++;
				m.lastVoice[i] = month;
				switch (contributionFate(u2 / chance, latitude, transparency)) {
					case Fate.actionable:
						m.pending[i] = 1;
						pendingNext++;
						break;
					case Fate.explained:
						explained++;
						up += fatigue;
						break;
					case Fate.hanging:
						m.pending[i] = -1;
						break;
				}
			}
			// A partner leaving takes the trust borrowed from it.
			let partner = m.partner[i];
			if (partner === leftPartner && partner >= 0) {
				const owed = m.borrowed[i];
				if (owed > 0) {
					const takes = leavingShare * owed;
					lI += takes;
					lN += takes;
					m.baseline[i] -= takes;
					m.borrowed[i] = 0;
				}
				m.reach[i] /= reachBoost;
				m.partner[i] = partner = -1;
			}
			// A partner cushions losses.
			if (partner >= 0) {
				lI *= cushioned;
				lN *= cushioned;
				lC *= cushioned;
				lR *= cushioned;
			}

			// The four components: log-odds step, drift, word of mouth.
			const bl = m.baseline[i];
			const discount = 1 - sw * s0;
			let vI = logOddsStep(m.integrity[i], gI, lI, charRate, A, discount);
			let vN = logOddsStep(m.intent[i], gN, lN, charRate, A, discount);
			let vC = logOddsStep(m.competence[i], gC, lC, rate, A, discount);
			let vR = logOddsStep(m.results[i], gR, lR, rate, A, discount);
			vI = wordOfMouth(fadeCharacter(vI, bl, characterFade), st.mean[o], mu, invEps2);
			vN = wordOfMouth(fadeCharacter(vN, bl, characterFade), st.mean[o + 1], mu, invEps2);
			vC = wordOfMouth(forget(vC, bl, forgetting), st.mean[o + 2], mu, invEps2);
			vR = wordOfMouth(forget(vR, bl, forgetting), st.mean[o + 3], mu, invEps2);
			const s1 = updateScepticism(s0, up, down);
			m.integrity[i] = vI;
			m.intent[i] = vN;
			m.competence[i] = vC;
			m.results[i] = vR;
			m.scepticism[i] = s1;
			const T = overallTrust(
				vI,
				vN,
				vC,
				vR,
				weights[o],
				weights[o + 1],
				weights[o + 2],
				weights[o + 3]
			);

			// The ladder.
			if (brokenNow) r = afterBrokenPromise(r, ladder.brokenDrop);
			else {
				const before = r;
				r = ladderMove(ladder, r, T, m.reach[i], s1, invite[r], drift[r], u1);
				// Joining a community conversation is taking part in a consultation.
				if (conversation && before === Rung.informed && r === Rung.consulted)
					m.lastVoice[i] = month;
			}
			m.rung[i] = r;
			st.rungCount[r]++;
			if (r >= Rung.coDesigning) m.lastDecided[i] = month;
			if (m.lastVoice[i] >= yearAgo) voiceYear++;
			if (m.lastHeard[i] >= yearAgo) heardYear++;
			if (m.lastDecided[i] >= yearAgo) decidedYear++;

			// Health outcomes: participants' people change behaviour for good, each only once.
			const ch = m.changed[i];
			const dc = hazard[r] * (1 - ch);
			m.changed[i] = ch + dc;
			changedNew += dc;

			sI += vI;
			sN += vN;
			sC += vC;
			sR += vR;
			trustSum += T;
			sceptSum += s1;
		}
		start += count;
		st.sums[o] = sI;
		st.sums[o + 1] = sN;
		st.sums[o + 2] = sC;
		st.sums[o + 3] = sR;
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
	st.contributions = contributions;
	st.changedNew = changedNew;
	st.voiceYear = voiceYear;
	st.heardYear = heardYear;
	st.decidedYear = decidedYear;
}
