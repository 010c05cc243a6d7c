/**
 * Runs the member step in WebAssembly when the environment allows it (browsers, workers and
 * Node all do; a content security policy without 'wasm-unsafe-eval' does not). The kernel,
 * compiled from kernel/member-step.ts, computes exactly what `stepMembers` computes, bit for
 * bit, about twice as fast; when it cannot be used, the model runs `stepMembers` instead and
 * the results are the same.
 *
 * A `MemberKernel` owns one WebAssembly memory holding the members' state and the month's
 * inputs and outputs. The `Members` and `MonthStep` it hands out are ordinary typed arrays
 * viewing that memory, so the rest of the model reads and writes them as usual. The memory
 * never grows (growing would detach those views).
 */
import { allocateMembers, type Members, type SegmentLayout } from './community';
import {
	BROKEN_PROMISE_DROP,
	LOW_TRUST_FALL,
	PRESENCE_PREVENTS_NEGLECT,
	RAMP_HALF_WIDTH,
	Rung,
	RUNG_COUNT
} from './ladder';
import { MonthStep } from './members';
import { MEMBER_STEP_WASM } from './kernel/member-step.wasm';
import type { Scenario } from './scenario';
import {
	CHARACTER_FADE,
	FLOOR,
	FORGETTING,
	PARTNER_CUSHION,
	SCEPTICISM,
	SCEPTICISM_DAMPS_CLIMB,
	SIGNAL
} from './trust';
import { PARTNER_REACH_BOOST } from './community';

/** A climb threshold no trust reaches (the kernel's clamps need finite numbers, not ±Infinity). */
const NO_RUNG = 1e6;
/** Not the number of any partner (members without one have -1). */
const NO_PARTNER = 1 << 20;
/** Columns of the per-rung table (see kernel/member-step.ts). */
const ROW = 8;
/** Scalars passed to the kernel (see kernel/member-step.ts). */
const SCALARS = 34;
/** Totals the kernel writes (see kernel/member-step.ts). */
const TOTALS = 8;
const PAGE = 65536;

type StepFn = (...addresses: number[]) => void;

let compiled: WebAssembly.Module | null | undefined;
let enabled = true;

/** Turns the WebAssembly kernel off (or back on) for runs started afterwards, e.g. to compare. */
export function useKernel(on: boolean): void {
	enabled = on;
}

/** Whether new runs will use the WebAssembly kernel. */
export function kernelAvailable(): boolean {
	return enabled && kernelModule() !== null;
}

function kernelModule(): WebAssembly.Module | null {
	if (compiled === undefined) {
		try {
			const binary = atob(MEMBER_STEP_WASM);
			const bytes = new Uint8Array(binary.length);
			for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
			compiled = new WebAssembly.Module(bytes);
		} catch {
			// No WebAssembly here (or a policy forbids compiling it): the model runs in JavaScript.
			compiled = null;
		}
	}
	return compiled;
}

/** Hands out typed arrays one after another from a buffer, each aligned to 8 bytes. */
class Arena {
	private at: number;
	constructor(
		private readonly buffer: ArrayBuffer,
		start: number
	) {
		this.at = start;
	}
	private take(bytes: number): number {
		const at = this.at;
		this.at += (bytes + 7) & ~7;
		if (this.at > this.buffer.byteLength) throw new Error('Kernel memory too small');
		return at;
	}
	f64 = (n: number): Float64Array => new Float64Array(this.buffer, this.take(n * 8), n);
	i8 = (n: number): Int8Array => new Int8Array(this.buffer, this.take(n), n);
	i32 = (n: number): Int32Array => new Int32Array(this.buffer, this.take(n * 4), n);
}

/** The member step of one run context, in WebAssembly. */
export class MemberKernel {
	readonly members: Members;
	readonly monthStep: MonthStep;
	private readonly counts: Int32Array;
	private readonly table: Float64Array;
	private readonly scalars: Float64Array;
	private readonly rng: Int32Array;
	private readonly totals: Float64Array;
	private readonly weights: Float64Array;
	private readonly run: () => void;

	/** A kernel for the scenario's community, or null when WebAssembly cannot be used. */
	static create(s: Scenario, layout: SegmentLayout): MemberKernel | null {
		const module = enabled ? kernelModule() : null;
		if (!module) return null;
		try {
			return new MemberKernel(s, layout, module);
		} catch {
			return null;
		}
	}

	private constructor(s: Scenario, layout: SegmentLayout, module: WebAssembly.Module) {
		const n = layout.n;
		const seg = layout.counts.length;
		// The module's own data (none, but the first page is left to it), the members, then
		// the month's inputs and outputs, with room for alignment.
		const bytes =
			PAGE +
			n * (9 * 8 + 3 + 8) +
			seg * 8 * 32 +
			(RUNG_COUNT * (ROW + 6) + SCALARS + TOTALS) * 8 +
			1024;
		const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE) });
		const instance = new WebAssembly.Instance(module, { env: { memory } });
		const step = instance.exports.step as StepFn;
		const arena = new Arena(memory.buffer, PAGE);
		this.members = allocateMembers(n, arena);
		this.counts = arena.i32(seg);
		this.counts.set(layout.counts);
		this.weights = arena.f64(seg * 4);
		this.weights.set(layout.weights);
		this.monthStep = new MonthStep(s, seg, this.weights, arena.f64);
		this.table = arena.f64(RUNG_COUNT * ROW + 2);
		this.scalars = arena.f64(SCALARS);
		this.rng = arena.i32(4);
		this.totals = arena.f64(TOTALS);
		const st = this.monthStep;
		const m = this.members;
		const args = [
			n,
			seg,
			m.integrity.byteOffset,
			m.rung.byteOffset,
			this.counts.byteOffset,
			st.gain.byteOffset,
			st.loss.byteOffset,
			st.sUp.byteOffset,
			st.sDown.byteOffset,
			st.mean.byteOffset,
			this.weights.byteOffset,
			this.table.byteOffset,
			this.scalars.byteOffset,
			this.rng.byteOffset,
			st.sums.byteOffset,
			st.acted.byteOffset,
			st.broken.byteOffset,
			st.successes.byteOffset,
			st.discovered.byteOffset,
			st.rungCount.byteOffset,
			this.totals.byteOffset
		];
		this.run = () => step(...args);
		const k = this.scalars;
		k.set([
			st.alpha,
			st.charGainRate,
			st.lossRate,
			st.charLossRate,
			st.transparency,
			st.patience,
			st.latitude,
			st.scepticismWeight,
			0.5 * st.mu,
			1 / st.eps2,
			st.partnerTakes,
			st.partnerShare,
			0, // pAct, each month
			0, // pSuccess, each month
			SIGNAL.acted,
			SIGNAL.success,
			SIGNAL.failure,
			SIGNAL.failure * SIGNAL.disclosedShare,
			SIGNAL.candour,
			SIGNAL.candour * SIGNAL.explainedShare,
			SIGNAL.concealment,
			SIGNAL.broken,
			SCEPTICISM.acted,
			SCEPTICISM.broken,
			FLOOR,
			FORGETTING,
			0.5 * CHARACTER_FADE,
			1 / RAMP_HALF_WIDTH,
			1 / (2 * RAMP_HALF_WIDTH),
			LOW_TRUST_FALL,
			1 + PARTNER_REACH_BOOST,
			SCEPTICISM_DAMPS_CLIMB,
			NO_PARTNER, // the partner leaving, each month
			BROKEN_PROMISE_DROP
		]);
		this.table[RUNG_COUNT * ROW] = 1 - PARTNER_CUSHION;
		this.table[RUNG_COUNT * ROW + 1] = 1;
	}

	/** One month for every member: what `stepMembers(members, counts, monthStep, rs)` does. */
	step(rs: Uint32Array): void {
		const st = this.monthStep;
		const tab = this.table;
		const neglectPresence = 1 - PRESENCE_PREVENTS_NEGLECT * st.presence;
		for (let r = 0; r < RUNG_COUNT; r++) {
			const q = r * ROW;
			tab[q] = Math.min(NO_RUNG, Math.max(-NO_RUNG, st.climb[r]));
			tab[q + 1] = Math.min(NO_RUNG, Math.max(-NO_RUNG, st.stay[r]));
			tab[q + 2] = st.inv[r];
			tab[q + 3] = st.contrib[r];
			tab[q + 4] = r >= Rung.informed ? st.presenceGain : 0;
			tab[q + 5] = r >= Rung.engaged ? st.involvementGain : 0;
			tab[q + 6] =
				r > Rung.engaged ? st.outcomeHazardCo : r === Rung.engaged ? st.outcomeHazard : 0;
			tab[q + 7] = st.neglect[r] * neglectPresence;
		}
		const k = this.scalars;
		k[12] = st.pAct;
		k[13] = st.pSuccess;
		k[32] = st.leftPartner >= 0 ? st.leftPartner : NO_PARTNER;
		const rng = this.rng;
		rng[0] = rs[0];
		rng[1] = rs[1];
		rng[2] = rs[2];
		rng[3] = rs[3];
		this.run();
		rs[0] = rng[0];
		rs[1] = rng[1];
		rs[2] = rng[2];
		rs[3] = rng[3];
		const t = this.totals;
		st.trustSum = t[0];
		st.sceptSum = t[1];
		st.pendingNext = t[2];
		st.disclosedAll = t[3];
		st.discoveredAll = t[4];
		st.successAll = t[5];
		st.explained = t[6];
		st.changedNew = t[7];
	}
}
