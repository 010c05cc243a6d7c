/**
 * The community as individual members in struct-of-arrays form: one typed array per state
 * variable, one slot per member. A member may stand for a group of similar people
 * (`community.peoplePerAgent`); every count the model reports is in people.
 */
import type { ModelConstants } from './assumptions';
import type { Scenario } from './scenario';
import { Rng, Stream } from './rng';

export interface SegmentLayout {
	/** Members per segment. */
	counts: Int32Array;
	/** Normalised weights per segment: integrity, intent, competence, results (4 per segment). */
	weights: Float64Array;
	/** Total members. */
	n: number;
	/** People each member stands for. */
	peoplePerAgent: number;
}

/**
 * Per-member state. Trust and the other continuous variables are single precision (the
 * member step computes in single precision; see src/lib/sim/members.ts).
 */
export interface Members {
	segment: Uint8Array;
	/** Trust components towards the current provider. */
	integrity: Float32Array;
	intent: Float32Array;
	competence: Float32Array;
	results: Float32Array;
	/** Scepticism of "the system", carried across providers. */
	scepticism: Float32Array;
	/** Where the member's trust in a provider starts and drifts back to. */
	baseline: Float32Array;
	/** How easily invitations reach this member (segment reachability, individual variation, partner). */
	reach: Float32Array;
	/** Rung on the ladder, 0 (unaware) to 5 (co-producing). */
	rung: Int32Array;
	/**
	 * The member's outstanding contribution: 0 none; k > 0 one the provider has latitude to act
	 * on, waiting k - 1 months; k < 0 one outside its latitude, waiting -k - 1 months.
	 */
	pending: Int32Array;
	/** Index of the partner that introduced this member, or -1. */
	partner: Int32Array;
	/** Trust borrowed from the partner, part of the baseline (0 when none was borrowed). */
	borrowed: Float32Array;
	/** Share of the member's people with sustained behaviour change so far, 0 to 1. */
	changed: Float32Array;
	/** Month the member last took part in a consultation (gave their view), or NOT_YET. */
	lastVoice: Int32Array;
	/** Month the member last had a contribution of theirs acted on, or NOT_YET. */
	lastHeard: Int32Array;
	/** Month the member was last co-designing or co-producing (sharing decisions), or NOT_YET. */
	lastDecided: Int32Array;
}

/** The "month" of something that has not happened yet: more than a year before month 0. */
export const NOT_YET = -1000;

/** Sizes the community: members per segment and normalised weights. */
export function layoutCommunity(s: Scenario): SegmentLayout {
	const segs = s.community.segments;
	const ppa = s.community.peoplePerAgent;
	const counts = new Int32Array(segs.length);
	const weights = new Float64Array(segs.length * 4);
	let n = 0;
	segs.forEach((g, k) => {
		counts[k] = Math.max(1, Math.round(g.size / ppa));
		n += counts[k];
		const w = g.weights;
		const sum = w.integrity + w.intent + w.competence + w.results;
		weights[k * 4] = w.integrity / sum;
		weights[k * 4 + 1] = w.intent / sum;
		weights[k * 4 + 2] = w.competence / sum;
		weights[k * 4 + 3] = w.results / sum;
	});
	return { counts, weights, n, peoplePerAgent: ppa };
}

/** Where member arrays come from: fresh buffers, or views of the WebAssembly kernel's memory. */
export interface MemberStorage {
	f32(n: number): Float32Array;
	i32(n: number): Int32Array;
}

const freshStorage: MemberStorage = {
	f32: (n) => new Float32Array(n),
	i32: (n) => new Int32Array(n)
};

/**
 * Slots per variable for n members: a multiple of four with four to spare, so the kernel can
 * read a whole group of four members from anywhere in the community.
 */
export function memberStride(n: number): number {
	return ((n + 3) & ~3) + 4;
}

/**
 * Allocates the members' state. The floating-point variables are views, one after another,
 * of one block (integrity, intent, competence, results, scepticism, baseline, reach,
 * borrowed, changed), each `memberStride(n)` slots apart, and so are the integers (rung,
 * pending, partner, lastVoice, lastHeard, lastDecided): the layout the WebAssembly kernel
 * (kernel/member-step.ts) reads.
 */
export function allocateMembers(n: number, storage: MemberStorage = freshStorage): Members {
	const stride = memberStride(n);
	const f32 = storage.f32(FLOAT_VARIABLES * stride);
	const i32 = storage.i32(INT_VARIABLES * stride);
	const f = (k: number) => f32.subarray(k * stride, k * stride + n);
	const q = (k: number) => i32.subarray(k * stride, k * stride + n);
	return {
		segment: new Uint8Array(n),
		integrity: f(0),
		intent: f(1),
		competence: f(2),
		results: f(3),
		scepticism: f(4),
		baseline: f(5),
		reach: f(6),
		borrowed: f(7),
		changed: f(8),
		rung: q(0),
		pending: q(1),
		partner: q(2),
		lastVoice: q(3),
		lastHeard: q(4),
		lastDecided: q(5)
	};
}

/** Real-valued member variables, one block of `memberStride(n)` slots each. */
export const FLOAT_VARIABLES = 9;
/** Integer member variables, one block each. */
export const INT_VARIABLES = 6;


function clamp01(x: number): number {
	return x < 0 ? 0 : x > 1 ? 1 : x;
}

/**
 * Fills member state for one run from the `init` stream. Each member consumes exactly five
 * draws, so member k's draws are the same whatever the parameter values (common random
 * numbers hold across scenarios with the same community layout).
 */
export function initialiseMembers(
	s: Scenario,
	layout: SegmentLayout,
	m: Members,
	run: number,
	c: ModelConstants
): void {
	const rng = new Rng(s.seed, run, Stream.init);
	const partnerCount = s.partners.count;
	const linkChance = Math.min(0.9, partnerCount * s.partners.reach);
	const pTrust = s.partners.trust;
	const borrow = s.partners.borrow;
	let i = 0;
	s.community.segments.forEach((g, k) => {
		for (let j = 0; j < layout.counts[k]; j++, i++) {
			const trust = clamp01(g.initialTrust + c.individualSpread * rng.normal());
			const u = rng.next();
			const reachJitter = 0.5 + rng.next();
			let base = trust;
			let partner = -1;
			if (u < linkChance) {
				partner = Math.min(partnerCount - 1, Math.floor((u / linkChance) * partnerCount));
				if (pTrust > base) base = base + borrow * (pTrust - base);
			}
			const sceptic = clamp01(g.scepticism + c.individualSpread * (rng.next() * 2 - 1));
			m.segment[i] = k;
			m.baseline[i] = base;
			m.integrity[i] = base;
			m.intent[i] = base;
			m.competence[i] = base;
			m.results[i] = base;
			m.scepticism[i] = sceptic;
			m.reach[i] = clamp01(
				g.reachability * reachJitter * (partner >= 0 ? 1 + c.partnerReachBoost : 1)
			);
			m.rung[i] = 0;
			m.pending[i] = 0;
			m.partner[i] = partner;
			m.borrowed[i] = base - trust;
			m.changed[i] = 0;
			m.lastVoice[i] = NOT_YET;
			m.lastHeard[i] = NOT_YET;
			m.lastDecided[i] = NOT_YET;
		}
	});
}
