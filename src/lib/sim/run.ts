/**
 * One simulated future, month by month. The process order each month (ODD "process overview
 * and scheduling"):
 *   1. contract: extension or re-procurement at a term's end; a change of provider;
 *   2. random events and staff turnover;
 *   3. the provider splits capacity between fixed targets and listening and acting;
 *   4. every member: their contribution is acted on, waits, or becomes a broken promise;
 *      initiatives succeed or fail; trust components update from their own experience, word of
 *      mouth and the service's presence; they move on the ladder; they may contribute;
 *   5. the provider learns; KPI attainment, reviews and health outcomes are recorded.
 * Member updates within a month read last month's segment news, so the order of members
 * does not matter.
 */
import {
	allocateMembers,
	initialiseMembers,
	layoutCommunity,
	type Members,
	type SegmentLayout
} from './community';
import { decideAtEnd, mobilisationRamp, startContract, type ContractState } from './contract';
import { drawEvents, type MonthEvents } from './events';
import { communityRung, invitations, Rung, RUNG_COUNT } from './ladder';
import { MemberKernel } from './kernel';
import { LANES, MonthStep, stepMembers } from './members';
import {
	MetricIndex,
	RUN_VALUE_COUNT,
	RunValueIndex,
	NEVER,
	SERIES_COUNT,
	SeriesIndex,
	TIMELINE_COUNT
} from './outputs';
import {
	allocate,
	FUNDING_CUT,
	initiativeSuccess,
	KEY_WORKER_RELATIONSHIPS,
	kpiAttainment,
	learn,
	loseStaff,
	newProvider,
	presence,
	rebuildRelationships,
	recordAttainment,
	type ProviderState
} from './provider';
import { Rng, seedMemberStreams, Stream } from './rng';
import type { Scenario } from './scenario';
import {
	BAD_PRESS_CANDOUR,
	NEWS_REACH,
	NEWS_STRENGTH,
	overallTrust,
	SCEPTICISM,
	SIGNAL
} from './trust';

/** Buffers reused across the runs of a chunk; one run's trace is overwritten by the next. */
export interface RunContext {
	scenario: Scenario;
	layout: SegmentLayout;
	members: Members;
	months: number;
	/** series × months, this run's monthly values. */
	trace: Float64Array;
	/** rungs × months, this run's share of the community on each rung. */
	ladder: Float64Array;
	/** timeline flags × months (0 or 1). */
	timeline: Uint8Array;
	/** This run's end metrics. */
	metrics: Float64Array;
	/** The member step's inputs and outputs. */
	step: MonthStep;
	/** The member step in WebAssembly, or null to run it in JavaScript (same results). */
	kernel: MemberKernel | null;
	/** The member step's four random streams (see seedMemberStreams). */
	agentStreams: Int32Array;
}

export function createRunContext(s: Scenario): RunContext {
	const layout = layoutCommunity(s);
	const months = s.horizonMonths;
	const kernel = MemberKernel.create(s, layout);
	return {
		scenario: s,
		layout,
		members: kernel ? kernel.members : allocateMembers(layout.n),
		months,
		trace: new Float64Array(SERIES_COUNT * months),
		ladder: new Float64Array(RUNG_COUNT * months),
		timeline: new Uint8Array(TIMELINE_COUNT * months),
		metrics: new Float64Array(RUN_VALUE_COUNT),
		step: kernel ? kernel.monthStep : new MonthStep(s, layout.counts.length, layout.weights),
		kernel,
		agentStreams: new Int32Array(LANES * 4)
	};
}

/** Whether a community conversation falls in this month (spread evenly over the year). */
export function isConversationMonth(perYear: number, month: number): boolean {
	if (perYear <= 0) return false;
	return Math.floor(((month + 1) * perYear) / 12) > Math.floor((month * perYear) / 12);
}

/** Simulates run `run` of the context's scenario, filling trace, ladder, timeline and metrics. */
export function simulateRun(ctx: RunContext, run: number): void {
	const s = ctx.scenario;
	const { layout, members: m, months } = ctx;
	const n = layout.n;
	const nSeg = layout.counts.length;
	const ppa = layout.peoplePerAgent;
	initialiseMembers(s, layout, m, run);

	const agentStreams = ctx.agentStreams;
	seedMemberStreams(s.seed, run, agentStreams);
	const eventRng = new Rng(s.seed, run, Stream.events);
	const staffRng = new Rng(s.seed, run, Stream.staff);
	const procurementRng = new Rng(s.seed, run, Stream.procurement);

	const contract: ContractState = startContract(s);
	let provider: ProviderState = newProvider(s, 0);
	const activePartners = new Uint8Array(s.partners.count).fill(1);
	const ev: MonthEvents = {
		keyWorkerSegment: -1,
		partnerLeft: -1,
		systemBrokenPromise: false,
		badPress: false,
		fundingCut: false
	};

	const st = ctx.step;
	const {
		gain,
		loss,
		sUp,
		sDown,
		mean,
		sums,
		acted,
		broken,
		successes,
		discovered,
		rungCount,
		inv,
		contrib
	} = st;
	const counts = layout.counts;
	const transparency = s.provider.transparency;
	const threshold = s.trust.threshold;
	const contributionRate = s.listening.contributionRate;
	// Strength of news heard from peers.
	const news = NEWS_STRENGTH * s.trust.wordOfMouth;
	acted.fill(0);
	broken.fill(0);
	successes.fill(0);
	discovered.fill(0);

	// Last month's segment means start at the members' initial values.
	sums.fill(0);
	for (let i = 0; i < n; i++) {
		const k = m.segment[i] * 4;
		sums[k] += m.integrity[i];
		sums[k + 1] += m.intent[i];
		sums[k + 2] += m.competence[i];
		sums[k + 3] += m.results[i];
	}
	for (let k = 0; k < nSeg; k++)
		for (let c = 0; c < 4; c++) mean[k * 4 + c] = sums[k * 4 + c] / counts[k];

	const trace = ctx.trace;
	const ladder = ctx.ladder;
	const timeline = ctx.timeline;
	trace.fill(0);
	ladder.fill(0);
	timeline.fill(0);

	let pendingActionable = 0;
	let brokenPeople = 0;
	let outcomesPeople = 0;
	let explainedPeople = 0;
	let lastSuccessShare = initiativeSuccess(s, provider.competence);
	let minTrust = Infinity;
	let peakTrust = 0;
	let collapsed = 0;
	let monthsToTrust = NEVER;
	let prevTrust = initialTrust(m, layout, s);
	let prevEngaged = 0;
	let reviewsHeld = 0;
	let reviewsMet = 0;

	for (let t = 0; t < months; t++) {
		// 1. Contract.
		let changed = false;
		if (t > 0 && t === contract.end) {
			const decision = decideAtEnd(s, contract, t, procurementRng);
			timeline[0 * months + t] = 1;
			switch (decision) {
				case 'extended':
					timeline[3 * months + t] = 1;
					break;
				case 'retained':
					loseStaff(s, provider, s.contract.uncertaintyStaffLoss);
					break;
				case 'changed':
					changed = true;
					timeline[1 * months + t] = 1;
					break;
				case 'none':
					break;
				default:
					decision satisfies never;
			}
		}
		if (changed) {
			brokenPeople += changeProvider(s, m, n) * ppa;
			provider = newProvider(s, s.contract.handoverRetention * provider.relationships);
			pendingActionable = 0;
		}
		if (t < contract.mobilisedAt) timeline[2 * months + t] = 1;

		// 2. Events and staff turnover.
		drawEvents(s, eventRng, nSeg, activePartners, ev);
		if (ev.fundingCut) provider.funding *= FUNDING_CUT;
		let leavers = (s.provider.staffTurnover / 12) * (1 + STAFF_TURNOVER_NOISE * staffRng.normal());
		if (leavers < 0) leavers = 0;
		if (leavers > 1) leavers = 1;
		loseStaff(s, provider, leavers);
		if (ev.keyWorkerSegment >= 0) provider.relationships *= KEY_WORKER_RELATIONSHIPS;

		// 3. Capacity.
		const ramp = mobilisationRamp(contract, t);
		const pres = presence(provider, ramp);
		const sinceStart = t - contract.start;
		const reviewEvery = s.kpi.reviewMonths;
		const monthsToReview = reviewEvery - (sinceStart % reviewEvery);
		const isReview = monthsToReview === 1;
		const alloc = allocate(s, provider, monthsToReview);
		const conversation = isConversationMonth(s.listening.conversationsPerYear, t);
		const budget = s.provider.capacity * provider.funding * ramp * alloc.free * n;
		const pAct = pendingActionable > 0 ? Math.min(1, budget / pendingActionable) : 1;
		const pSuccess = initiativeSuccess(s, provider.competence);
		const effectiveness = provider.competence * pres;
		invitations(pres, conversation, s.power.sharing, s.kpi.rigidity, inv);
		for (let r = 0; r < RUNG_COUNT; r++) {
			contrib[r] =
				r < Rung.consulted
					? 0
					: conversation
						? contributionRate * (1 + CONVERSATION_RUNG_UPLIFT * (r - Rung.consulted))
						: r >= Rung.engaged
							? contributionRate * BETWEEN_CONVERSATIONS * (r - Rung.consulted)
							: 0;
		}

		// Segment signals: word of mouth about last month's news, and this month's events.
		for (let k = 0; k < nSeg; k++) {
			const nk = counts[k];
			const heardActed = Math.min(1, (NEWS_REACH * acted[k]) / nk);
			const heardBroken = Math.min(1, (NEWS_REACH * broken[k]) / nk);
			const heardSuccess = Math.min(1, (NEWS_REACH * successes[k]) / nk);
			const heardFailure = Math.min(1, (NEWS_REACH * discovered[k]) / nk);
			const o = k * 4;
			gain[o] = news * heardActed;
			gain[o + 1] = news * heardActed;
			gain[o + 2] = news * heardSuccess;
			gain[o + 3] = news * heardSuccess;
			loss[o] = news * heardBroken;
			loss[o + 1] = news * heardBroken + SIGNAL.staffLeaving * leavers;
			loss[o + 2] = news * heardFailure;
			loss[o + 3] = news * heardFailure;
			sUp[k] = 0;
			sDown[k] = SCEPTICISM.heardActed * heardActed;
			if (ev.keyWorkerSegment === k) loss[o + 1] += SIGNAL.keyWorkerLeaves;
			if (ev.systemBrokenPromise) {
				loss[o] += SIGNAL.systemBroken;
				sUp[k] += SCEPTICISM.system;
			}
			if (ev.badPress) {
				const hit = SIGNAL.badPress * (1 - BAD_PRESS_CANDOUR * transparency);
				loss[o + 2] += hit;
				loss[o + 3] += hit;
			}
		}

		// 4. Members.
		st.pAct = pAct;
		st.pSuccess = pSuccess;
		st.presence = pres;
		st.presenceGain = SIGNAL.presence * effectiveness;
		st.involvementGain = SIGNAL.involvement * pres;
		st.leftPartner = ev.partnerLeft;
		st.outcomeHazard = s.outcomes.monthlyRate * effectiveness;
		st.outcomeHazardCo = st.outcomeHazard * (1 + s.outcomes.coproductionUplift * lastSuccessShare);
		if (ctx.kernel) ctx.kernel.step(agentStreams);
		else stepMembers(m, counts, st, agentStreams);
		const { trustSum, sceptSum, disclosedAll, discoveredAll, successAll } = st;
		pendingActionable = st.pendingNext;
		// A partner that left is gone for good.
		if (ev.partnerLeft >= 0) activePartners[ev.partnerLeft] = 0;

		// Last month's segment means for next month's word of mouth.
		let brokenNow = 0;
		let sI = 0,
			sN = 0,
			sC = 0,
			sR = 0;
		for (let k = 0; k < nSeg; k++) {
			const o = k * 4;
			const nk = counts[k];
			mean[o] = sums[o] / nk;
			mean[o + 1] = sums[o + 1] / nk;
			mean[o + 2] = sums[o + 2] / nk;
			mean[o + 3] = sums[o + 3] / nk;
			sI += sums[o];
			sN += sums[o + 1];
			sC += sums[o + 2];
			sR += sums[o + 3];
			brokenNow += broken[k];
		}

		// 5. Provider learning, KPIs and outcomes.
		const trust = trustSum / n;
		const engagedShare = (rungCount[3] + rungCount[4] + rungCount[5]) / n;
		const attainment = kpiAttainment(s, alloc, effectiveness, prevTrust, prevEngaged);
		contract.attainmentSum += attainment;
		contract.attainmentMonths++;
		const review = recordAttainment(s, provider, attainment, isReview);
		if (review !== 'none') {
			reviewsHeld++;
			if (review === 'met') reviewsMet++;
		}
		learn(s, provider, successAll, disclosedAll, discoveredAll, n);
		rebuildRelationships(provider);
		const resolved = successAll + disclosedAll + discoveredAll;
		if (resolved > 0) lastSuccessShare = successAll / resolved;
		outcomesPeople += st.changedNew * ppa;
		explainedPeople += st.explained * ppa;
		brokenPeople += brokenNow * ppa;
		prevTrust = trust;
		prevEngaged = engagedShare;

		// Record the month.
		trace[SeriesIndex.trust * months + t] = trust;
		trace[SeriesIndex.integrity * months + t] = sI / n;
		trace[SeriesIndex.intent * months + t] = sN / n;
		trace[SeriesIndex.competence * months + t] = sC / n;
		trace[SeriesIndex.results * months + t] = sR / n;
		trace[SeriesIndex.scepticism * months + t] = sceptSum / n;
		trace[SeriesIndex.engaged * months + t] = engagedShare;
		trace[SeriesIndex.coproducing * months + t] = rungCount[5] / n;
		trace[SeriesIndex.brokenPromises * months + t] = brokenPeople;
		trace[SeriesIndex.kpiAttainment * months + t] = attainment;
		trace[SeriesIndex.outcomes * months + t] = outcomesPeople;
		for (let r = 0; r < RUNG_COUNT; r++) ladder[r * months + t] = rungCount[r] / n;

		if (trust < minTrust) minTrust = trust;
		if (trust > peakTrust) peakTrust = trust;
		if (peakTrust >= COLLAPSE_MIN_PEAK && trust < peakTrust * (1 - s.reporting.collapseDrawdown))
			collapsed = 1;
		if (monthsToTrust === NEVER && trust >= threshold) monthsToTrust = t + 1;
	}

	const met = ctx.metrics;
	const last = months - 1;
	const finalShares = new Float64Array(RUNG_COUNT);
	for (let r = 0; r < RUNG_COUNT; r++) finalShares[r] = ladder[r * months + last];
	met[MetricIndex.finalTrust] = trace[SeriesIndex.trust * months + last];
	met[MetricIndex.minTrust] = minTrust;
	met[MetricIndex.monthsToTrust] = monthsToTrust;
	met[MetricIndex.rung] = communityRung(finalShares, s.reporting.rungShare);
	met[MetricIndex.kpiMet] = reviewsHeld > 0 ? reviewsMet / reviewsHeld : 0;
	met[MetricIndex.brokenPromises] = brokenPeople;
	met[MetricIndex.providerChanges] = contract.providerChanges;
	met[MetricIndex.outcomes] = outcomesPeople;
	met[MetricIndex.collapsed] = collapsed;
	met[RunValueIndex.explained] = explainedPeople;
}

/** Coefficient of variation of the monthly share of staff leaving. */
export const STAFF_TURNOVER_NOISE = 0.5;
/** Contributions at a conversation rise by this share for each rung above consulted. */
export const CONVERSATION_RUNG_UPLIFT = 0.3;
/** Between conversations, engaged members and above contribute at this share per rung above consulted. */
export const BETWEEN_CONVERSATIONS = 0.25;

/** A fall only counts as collapse from a peak at least this high. */
export const COLLAPSE_MIN_PEAK = 0.3;

/**
 * A change of provider: a new provider inherits only part of the relationships (trust above
 * or below each member's baseline), scepticism of the system rises, members step back to
 * being consulted at most, and contributions still waiting are lost (broken promises).
 * Returns the number of members whose contribution was lost.
 */
function changeProvider(s: Scenario, m: Members, n: number): number {
	const h = s.contract.handoverRetention;
	const up = s.contract.changeScepticism;
	// A lost contribution is a broken promise to its contributor (section 7.8).
	const brokenLoss = Math.min(
		1,
		s.trust.gainRate * s.trust.asymmetry * (1 - s.trust.characterStickiness) * SIGNAL.broken
	);
	let lost = 0;
	for (let i = 0; i < n; i++) {
		const b = m.baseline[i];
		m.integrity[i] = handover(m.integrity[i], b, h);
		m.intent[i] = handover(m.intent[i], b, h);
		m.competence[i] = handover(m.competence[i], b, h);
		m.results[i] = handover(m.results[i], b, h);
		let sc = m.scepticism[i] + up * (1 - m.scepticism[i]);
		if (m.pending[i] !== 0) {
			lost++;
			sc += SCEPTICISM.broken * (1 - sc);
			m.integrity[i] -= brokenLoss * m.integrity[i];
			m.intent[i] -= brokenLoss * m.intent[i];
			m.pending[i] = 0;
		}
		m.scepticism[i] = sc;
		if (m.rung[i] > Rung.consulted) m.rung[i] = Rung.consulted;
	}
	return lost;
}

/**
 * What a new provider inherits of one trust component: only `h` of the trust built above the
 * member's baseline (it lived in relationships with the old provider's staff), but all of a
 * deficit below it (the community judges the new provider by what the last one failed to do).
 */
export function handover(x: number, b: number, h: number): number {
	return x > b ? b + h * (x - b) : x;
}

/** Mean overall trust of the members before the first month. */
function initialTrust(m: Members, layout: SegmentLayout, s: Scenario): number {
	let sum = 0;
	for (let i = 0; i < layout.n; i++) {
		const o = m.segment[i] * 4;
		sum += overallTrust(
			m.integrity[i],
			m.intent[i],
			m.competence[i],
			m.results[i],
			layout.weights[o],
			layout.weights[o + 1],
			layout.weights[o + 2],
			layout.weights[o + 3],
			m.scepticism[i],
			s.trust.scepticismWeight
		);
	}
	return sum / layout.n;
}
