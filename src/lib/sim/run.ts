/**
 * One simulated future, month by month. The process order each month (ODD "process overview
 * and scheduling"):
 *   1. contract: at a term's end, an extension, a retained incumbent or a change of provider;
 *      in the decision month, the commissioner's graded decision;
 *   2. random events and staff turnover (more while a re-procurement is pending);
 *   3. the provider splits capacity between fixed targets and listening and acting;
 *   4. every member: their contribution is acted on, waits, or becomes a broken promise;
 *      they may give their view; trust components update from their own experience, word of
 *      mouth and the service's presence; they move on the ladder;
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
import {
	decide,
	endTerm,
	mobilisationRamp,
	startContract,
	uncertain,
	uncertaintyMonths,
	type ContractState
} from './contract';
import { drawEvents, type MonthEvents } from './events';
import { DEFAULT_CONSTANTS, type ModelConstants } from './assumptions';
import { communityRung, invitations, neglect, Rung, RUNG_COUNT } from './ladder';
import { MemberKernel } from './kernel';
import { ideasPerYear, latitude } from './listening';
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
	actingBudget,
	allocate,
	initiativeSuccess,
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
import { overallTrust } from './trust';

/** Buffers reused across the runs of a chunk; one run's trace is overwritten by the next. */
export interface RunContext {
	scenario: Scenario;
	/** The internal constants (assumptions.ts) this context's runs use. */
	constants: Readonly<ModelConstants>;
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
	/**
	 * The member step in WebAssembly, which runs wherever it is available, or null to run the
	 * TypeScript reference `stepMembers` (`useKernel(false)`, or no WebAssembly SIMD here).
	 */
	kernel: MemberKernel | null;
	/** The member step's four random streams (see seedMemberStreams). */
	agentStreams: Int32Array;
}

export function createRunContext(
	s: Scenario,
	constants: Readonly<ModelConstants> = DEFAULT_CONSTANTS
): RunContext {
	const layout = layoutCommunity(s);
	const months = s.horizonMonths;
	const kernel = MemberKernel.create(layout);
	return {
		scenario: s,
		constants,
		layout,
		members: kernel ? kernel.members : allocateMembers(layout.n),
		months,
		trace: new Float64Array(SERIES_COUNT * months),
		ladder: new Float64Array(RUNG_COUNT * months),
		timeline: new Uint8Array(TIMELINE_COUNT * months),
		metrics: new Float64Array(RUN_VALUE_COUNT),
		step: new MonthStep(s, layout.counts.length, layout.weights, constants, kernel?.storage),
		kernel,
		agentStreams: kernel ? kernel.rng : new Int32Array(LANES * 4)
	};
}

/**
 * Makes the context's next runs use one future's assumptions (uncertainty.ts): its scenario
 * (the same community, other values of the assumptions) and constants.
 */
export function useFuture(
	ctx: RunContext,
	future: { scenario: Scenario; constants: Readonly<ModelConstants> }
): void {
	ctx.scenario = future.scenario;
	ctx.constants = future.constants;
	ctx.step = new MonthStep(
		future.scenario,
		ctx.layout.counts.length,
		ctx.layout.weights,
		future.constants,
		ctx.kernel?.storage
	);
}

/** Whether a community conversation falls in this month (spread evenly over the year). */
function isConversationMonth(perYear: number, month: number): boolean {
	if (perYear <= 0) return false;
	return Math.floor(((month + 1) * perYear) / 12) > Math.floor((month * perYear) / 12);
}

/** Months at the end of the horizon over which end metrics are averaged. */
export const FINAL_YEAR = 12;

/** Simulates run `run` of the context's scenario, filling trace, ladder, timeline and metrics. */
export function simulateRun(ctx: RunContext, run: number): void {
	const s = ctx.scenario;
	const c = ctx.constants;
	const { layout, members: m, months } = ctx;
	const n = layout.n;
	const nSeg = layout.counts.length;
	const ppa = layout.peoplePerAgent;
	initialiseMembers(s, layout, m, run, c);

	const agentStreams = ctx.agentStreams;
	seedMemberStreams(s.seed, run, agentStreams);
	const eventRng = new Rng(s.seed, run, Stream.events);
	const staffRng = new Rng(s.seed, run, Stream.staff);
	const procurementRng = new Rng(s.seed, run, Stream.procurement);

	const contract: ContractState = startContract(s, c);
	let provider: ProviderState = newProvider(s, c, 0);
	const activePartners = new Uint8Array(s.partners.count).fill(1);
	const ev: MonthEvents = {
		keyWorkerSegment: -1,
		partnerLeft: -1,
		systemBrokenPromise: false,
		badPress: false,
		fundingCut: false
	};

	const st = ctx.step;
	const { gain, loss, sUp, sDown, mean, sums, acted, broken, successes, discovered, rungCount } =
		st;
	const counts = layout.counts;
	const transparency = s.provider.transparency;
	const threshold = s.trust.threshold;
	// Strength of news heard from peers.
	const news = c.newsStrength * s.trust.wordOfMouth;
	st.latitude = latitude(c, s.power.sharing, s.kpi.rigidity);
	// Where power is shared, what cannot be done is decided in the open, with the community:
	// less of a let-down than being told by the provider (seed claims 1 and 6).
	st.fatigue = c.scepticismFatigue * (1 - s.power.sharing);
	st.openness = transparency + (1 - transparency) * s.power.sharing;
	ideasPerYear(c, s.listening.contributionRate, st.ideas);
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
	let lastSuccessShare = initiativeSuccess(s, c, provider.competence);
	let minTrust = Infinity;
	let trustTotal = 0;
	let collapsed = 0;
	let monthsToTrust = NEVER;
	let monthsAbove = 0;
	let prevTrust = initialTrust(m, layout);
	let coDesigning = 0;
	let coProducing = 0;
	let reviewsHeld = 0;
	let reviewsMet = 0;
	const window = s.reporting.collapseWindowMonths;
	const keep = 1 - s.reporting.collapseDrop;

	for (let t = 0; t < months; t++) {
		// 1. Contract: a term ends, then (perhaps in the same month) the next decision is taken.
		const ending = t > 0 ? endTerm(s, c, contract, t) : 'none';
		switch (ending) {
			case 'none':
				break;
			case 'extended':
				timeline[0 * months + t] = 1;
				timeline[3 * months + t] = 1;
				break;
			case 'retained':
				timeline[0 * months + t] = 1;
				break;
			case 'changed':
				timeline[0 * months + t] = 1;
				timeline[1 * months + t] = 1;
				brokenPeople += changeProvider(s, c, m, n, t) * ppa;
				provider = newProvider(s, c, s.contract.handoverRetention * provider.relationships);
				pendingActionable = 0;
				break;
			default:
				ending satisfies never;
		}
		decide(s, c, contract, t, procurementRng, prevTrust);
		if (t < contract.mobilisedAt) timeline[2 * months + t] = 1;

		// 2. Events and staff turnover, with more leaving while a re-procurement is pending (the
		// "loss of experienced staff that always accompanies periods of uncertainty").
		drawEvents(s, eventRng, nSeg, activePartners, ev);
		if (ev.fundingCut) provider.funding *= c.fundingCut;
		let leavers = (s.provider.staffTurnover / 12) * (1 + c.staffTurnoverNoise * staffRng.normal());
		if (leavers < 0) leavers = 0;
		if (uncertain(contract, t))
			leavers += s.contract.uncertaintyStaffLoss / uncertaintyMonths(contract);
		if (leavers > 1) leavers = 1;
		loseStaff(s, c, provider, leavers);
		if (ev.keyWorkerSegment >= 0) provider.relationships *= c.keyWorkerRelationships;

		// 3. Capacity.
		const ramp = mobilisationRamp(c, contract, t);
		const pres = presence(c, provider, ramp);
		const sinceStart = t - contract.start;
		const reviewEvery = s.kpi.reviewMonths;
		const monthsToReview = reviewEvery - (sinceStart % reviewEvery);
		const isReview = monthsToReview === 1;
		const alloc = allocate(s, c, provider, monthsToReview);
		const conversation = isConversationMonth(s.listening.conversationsPerYear, t);
		const budget = actingBudget(s, c, provider, alloc, pres, n, coDesigning, coProducing);
		const pAct = pendingActionable > 0 ? Math.min(1, budget / pendingActionable) : 1;
		const effectiveness = provider.competence * pres;

		// Segment signals: word of mouth about last month's news, and this month's events.
		for (let k = 0; k < nSeg; k++) {
			const nk = counts[k];
			const heardActed = (c.newsReach * acted[k]) / nk;
			const heardBroken = (c.newsReach * broken[k]) / nk;
			const heardSuccess = (c.newsReach * successes[k]) / nk;
			const heardFailure = (c.newsReach * discovered[k]) / nk;
			const o = k * 4;
			gain[o] = news * heardActed;
			gain[o + 1] = news * heardActed;
			gain[o + 2] = news * heardSuccess;
			gain[o + 3] = news * heardSuccess;
			loss[o] = news * heardBroken;
			loss[o + 1] = news * heardBroken + c.signalStaffLeaving * leavers;
			loss[o + 2] = news * heardFailure;
			loss[o + 3] = news * heardFailure;
			sUp[k] = 0;
			sDown[k] = c.scepticismHeardActed * heardActed + c.scepticismFade;
			if (ev.keyWorkerSegment === k) loss[o + 1] += c.signalKeyWorker;
			if (ev.systemBrokenPromise) {
				loss[o] += c.signalSystemBroken;
				sUp[k] += c.scepticismSystem;
			}
			if (ev.badPress) {
				const hit = c.signalBadPress * (1 - c.badPressCandour * transparency);
				loss[o + 2] += hit;
				loss[o + 3] += hit;
			}
		}

		// 4. Members.
		st.month = t;
		st.conversation = conversation;
		st.pAct = pAct;
		st.pSuccess = initiativeSuccess(s, c, provider.competence);
		// Fixed targets pull delivery towards what is counted rather than what people need:
		// the service people experience fits them less (Lowe & Wilson 2017; Goodhart's law).
		const fit = 1 - c.targetChasing * s.kpi.rigidity;
		st.presenceGain = c.signalPresence * effectiveness * fit;
		st.involvementGain = c.signalInvolvement * pres;
		st.leftPartner = ev.partnerLeft;
		invitations(c, pres, conversation, s.power.sharing, s.kpi.rigidity, st.invite);
		neglect(c, pres, st.drift);
		const hazard =
			s.outcomes.monthlyRate * (1 - c.outcomeQuality + c.outcomeQuality * effectiveness * fit);
		for (let r = 0; r < RUNG_COUNT; r++) {
			st.hazard[r] =
				r >= Rung.coDesigning
					? hazard * (1 + s.outcomes.coproductionUplift * lastSuccessShare)
					: r >= Rung.engaged
						? hazard
						: r >= Rung.informed
							? hazard * c.serviceUseShare
							: 0;
		}
		if (ctx.kernel) ctx.kernel.step(st, agentStreams);
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
		coDesigning = rungCount[Rung.coDesigning];
		coProducing = rungCount[Rung.coProducing];
		const engagedShare = (rungCount[3] + rungCount[4] + rungCount[5]) / n;
		const attainment = kpiAttainment(s, c, alloc, effectiveness, prevTrust);
		contract.attainmentSum += attainment;
		contract.attainmentMonths++;
		const review = recordAttainment(s, provider, attainment, isReview);
		if (review !== 'none') {
			reviewsHeld++;
			if (review === 'met') reviewsMet++;
		}
		learn(s, c, provider, successAll, disclosedAll, discoveredAll, n);
		rebuildRelationships(c, provider);
		const resolved = successAll + disclosedAll + discoveredAll;
		if (resolved > 0) lastSuccessShare = successAll / resolved;
		outcomesPeople += st.changedNew * ppa;
		explainedPeople += st.explained * ppa;
		brokenPeople += brokenNow * ppa;
		prevTrust = trust;

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
		trace[SeriesIndex.tookPart * months + t] = st.voiceYear / n;
		trace[SeriesIndex.sharedDecisions * months + t] = st.decidedYear / n;
		trace[SeriesIndex.heard * months + t] = st.heardYear / n;
		for (let r = 0; r < RUNG_COUNT; r++) ladder[r * months + t] = rungCount[r] / n;

		trustTotal += trust;
		if (trust < minTrust) minTrust = trust;
		if (trust >= threshold) {
			monthsAbove++;
			if (monthsToTrust === NEVER) monthsToTrust = t + 1;
		}
		// Collapse: trust falls by the collapse share of a level it held within the window.
		if (!collapsed) {
			const tr = SeriesIndex.trust * months;
			for (let w = Math.max(0, t - window); w < t; w++)
				if (trust <= keep * trace[tr + w]) {
					collapsed = 1;
					break;
				}
		}
	}

	const met = ctx.metrics;
	const from = Math.max(0, months - FINAL_YEAR);
	const span = months - from;
	const finalShares = new Float64Array(RUNG_COUNT);
	for (let r = 0; r < RUNG_COUNT; r++) {
		let sum = 0;
		for (let t = from; t < months; t++) sum += ladder[r * months + t];
		finalShares[r] = sum / span;
	}
	let finalTrust = 0;
	for (let t = from; t < months; t++) finalTrust += trace[SeriesIndex.trust * months + t];
	const last = months - 1;
	met[MetricIndex.finalTrust] = finalTrust / span;
	met[MetricIndex.minTrust] = minTrust;
	met[MetricIndex.monthsToTrust] = monthsToTrust;
	met[MetricIndex.rung] = communityRung(finalShares, s.reporting.rungShare);
	met[MetricIndex.kpiMet] = reviewsHeld > 0 ? reviewsMet / reviewsHeld : 0;
	met[MetricIndex.brokenPromises] = brokenPeople;
	met[MetricIndex.providerChanges] = contract.providerChanges;
	met[MetricIndex.outcomes] = outcomesPeople;
	met[MetricIndex.collapsed] = collapsed;
	met[MetricIndex.meanTrust] = trustTotal / months;
	met[MetricIndex.tookPart] = trace[SeriesIndex.tookPart * months + last];
	met[MetricIndex.sharedDecisions] = trace[SeriesIndex.sharedDecisions * months + last];
	met[MetricIndex.heard] = trace[SeriesIndex.heard * months + last];
	met[MetricIndex.monthsAbove] = monthsAbove;
	met[RunValueIndex.explained] = explainedPeople;
}

/**
 * A change of provider: a new provider inherits only part of the relationships (trust above
 * or below each member's baseline), scepticism of the system rises, members step back to
 * being consulted at most, and contributions still waiting are lost (broken promises).
 * Returns the number of members whose contribution was lost.
 */
function changeProvider(
	s: Scenario,
	c: ModelConstants,
	m: Members,
	n: number,
	month: number
): number {
	const h = s.contract.handoverRetention;
	const up = s.contract.changeScepticism;
	// A lost contribution is a broken promise to its contributor (section 7.8): one month's
	// loss of SIGNAL.broken on integrity and intent, in log-odds.
	const d = Math.min(
		1,
		s.trust.responsiveness * (1 - s.trust.characterStickiness) * s.trust.asymmetry * c.signalBroken
	);
	let lost = 0;
	const kept = 1 - c.assetsStay * s.power.sharing;
	for (let i = 0; i < n; i++) {
		const b = m.baseline[i];
		// A trusted local partner that stays vouches for the new provider, and where power was
		// shared the community itself holds much of what was built: its members keep more.
		const lose = (1 - h) * (m.partner[i] >= 0 ? 1 - c.partnerContinuity : 1) * kept;
		const hi = 1 - lose;
		m.integrity[i] = handover(m.integrity[i], b, hi);
		m.intent[i] = handover(m.intent[i], b, hi);
		m.competence[i] = handover(m.competence[i], b, hi);
		m.results[i] = handover(m.results[i], b, hi);
		let sc = m.scepticism[i] + up * (1 - m.scepticism[i]);
		// What the member said to the old provider in the last year and has not seen acted on is
		// lost with it: to them, another consultation that came to nothing (seed claim 3).
		const unheard = m.lastVoice[i] > month - 12 && m.lastHeard[i] < m.lastVoice[i];
		if (m.pending[i] !== 0 || unheard) {
			lost++;
			sc += c.scepticismBroken * (1 - sc);
			const vI = m.integrity[i];
			const vN = m.intent[i];
			m.integrity[i] = vI - vI * (1 - vI) * d;
			m.intent[i] = vN - vN * (1 - vN) * d;
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
function handover(x: number, b: number, h: number): number {
	return x > b ? b + h * (x - b) : x;
}

/** Mean overall trust of the members before the first month. */
function initialTrust(m: Members, layout: SegmentLayout): number {
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
			layout.weights[o + 3]
		);
	}
	return sum / layout.n;
}
