/**
 * The community as individual members in struct-of-arrays form: one typed array per state
 * variable, one slot per member. A member may stand for a group of similar people
 * (`community.peoplePerAgent`); every count the model reports is in people.
 */
import type { ModelConstants } from './assumptions';
import type { Scenario } from './scenario';
import { MEMBER_F32, MEMBER_I32, memberStride } from './kernel-layout';
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
const NOT_YET = -1000;

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

/** Where the members' arrays live: a buffer and the byte offset of the first (16-byte aligned). */
export interface MemberMemory {
	buffer: ArrayBuffer;
	byteOffset: number;
}

type FloatVariable = (typeof MEMBER_F32)[number];
type IntVariable = (typeof MEMBER_I32)[number];
/** Every field of Members but the segment is in the layout (allocateMembers checks the converse). */
const _MEMBERS_LAID_OUT: [Exclude<keyof Members, 'segment'>] extends [FloatVariable | IntVariable]
	? true
	: never = true;

/**
 * Allocates the members' state as laid out in kernel-layout.ts: the real-valued variables
 * (`MEMBER_F32`), then the integer ones (`MEMBER_I32`), each a block of `memberStride(n)`
 * slots, one after another. By default in a fresh buffer; the WebAssembly kernel passes its
 * own memory, which the arrays then view.
 */
export function allocateMembers(n: number, memory?: MemberMemory): Members {
	const stride = memberStride(n);
	const floats = MEMBER_F32.length * stride;
	const ints = MEMBER_I32.length * stride;
	const buffer = memory?.buffer ?? new ArrayBuffer((floats + ints) * 4);
	const at = memory?.byteOffset ?? 0;
	const f32 = new Float32Array(buffer, at, floats);
	const i32 = new Int32Array(buffer, at + floats * 4, ints);
	const m: Partial<Record<keyof Members, Float32Array | Int32Array | Uint8Array>> = {
		segment: new Uint8Array(n)
	};
	MEMBER_F32.forEach((name, k) => (m[name] = f32.subarray(k * stride, k * stride + n)));
	MEMBER_I32.forEach((name, k) => (m[name] = i32.subarray(k * stride, k * stride + n)));
	return m as Members;
}

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
			const trust = clamp01(g.initialTrust + c.startTrustShift + c.individualSpread * rng.normal());
			const u = rng.next();
			const reachJitter = 0.5 + rng.next();
			let base = trust;
			let partner = -1;
			if (u < linkChance) {
				partner = Math.min(partnerCount - 1, Math.floor((u / linkChance) * partnerCount));
				if (pTrust > base) base = base + borrow * (pTrust - base);
			}
			const sceptic = clamp01(
				g.scepticism + c.startScepticismShift + c.individualSpread * (rng.next() * 2 - 1)
			);
			m.segment[i] = k;
			m.baseline[i] = base;
			m.integrity[i] = base;
			m.intent[i] = base;
			m.competence[i] = base;
			m.results[i] = base;
			m.scepticism[i] = sceptic;
			m.reach[i] = clamp01(
				g.reachability *
					c.reachabilityScale *
					reachJitter *
					(partner >= 0 ? 1 + c.partnerReachBoost : 1)
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
