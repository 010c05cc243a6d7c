/**
 * Runs the member step in WebAssembly (kernel/member-step.ts, four members per SIMD
 * instruction, single precision) wherever it can be compiled: every browser the app supports,
 * their workers and Node. Where it cannot (no WebAssembly SIMD, or a content security policy
 * without 'wasm-unsafe-eval'), or when `useKernel(false)` turns it off, the model runs
 * `stepMembers` (members.ts), the plain reference the kernel is tested against.
 *
 * A `MemberKernel` owns one WebAssembly memory laid out as declared in kernel-layout.ts. The
 * `Members`, the random streams and the `MonthStep` arrays (`storage`) it hands out are
 * ordinary typed arrays viewing that memory, so the rest of the model reads and writes them as
 * usual and the kernel reads and writes them in place. Each month it writes the month's scalars
 * and per-rung values (and, once a run, the model's constants) from the `MonthStep` into the
 * kernel's step block, runs the kernel, and reads back its totals. A `MonthStep` with arrays of
 * its own is copied in and out instead. The memory never grows (growing would detach the
 * views).
 */
import { allocateMembers, type Members, type SegmentLayout } from './community';
import {
	AT,
	COL,
	COLUMN_WIDTH,
	F,
	I,
	kernelBytes,
	LANES,
	LAYOUT_SIGNATURE,
	MAX_SEGMENTS,
	memberStride,
	NO_PARTNER,
	RUNGS,
	TOTAL
} from './kernel-layout';
import { MEMBER_STEP_WASM } from './kernel/member-step.wasm';
import { RUNG_COUNT } from './ladder';
import { contributionChance } from './listening';
import type { MonthStep, MonthStorage } from './members';
import { FLOOR } from './trust';

const PAGE = 65536;

interface KernelExports {
	step(base: number): void;
	layout(): number;
}

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
			// No WebAssembly (or no SIMD) here, or a policy forbids compiling it: the model runs
			// the member step in TypeScript.
			compiled = null;
		}
	}
	return compiled;
}

/** The layout signature compiled into the kernel (the sentinel test compares it). */
export function kernelLayoutSignature(): number | null {
	const module = kernelModule();
	if (!module) return null;
	const memory = new WebAssembly.Memory({ initial: 1 });
	const instance = new WebAssembly.Instance(module, { env: { memory } });
	return (instance.exports as unknown as KernelExports).layout();
}

/** The member step of one run context, in WebAssembly. */
export class MemberKernel {
	readonly members: Members;
	/** The four random streams, in the kernel's memory (a run context's `agentStreams`). */
	readonly rng: Int32Array;
	/**
	 * Views of the kernel's memory for a MonthStep's arrays: a MonthStep built with them needs
	 * no copying each month.
	 */
	readonly storage: MonthStorage;
	private readonly f32: Float32Array;
	private readonly i32: Int32Array;
	private readonly f64: Float64Array;
	/** Byte address of the step block. */
	private readonly base: number;
	private readonly exports: KernelExports;

	/**
	 * A kernel for the scenario's community, or null when WebAssembly cannot be used here, it
	 * is turned off, or the community has more segments than the kernel holds.
	 */
	static create(layout: SegmentLayout): MemberKernel | null {
		const module = enabled ? kernelModule() : null;
		if (!module || layout.counts.length > MAX_SEGMENTS) return null;
		try {
			return new MemberKernel(layout, module);
		} catch {
			return null;
		}
	}

	private constructor(layout: SegmentLayout, module: WebAssembly.Module) {
		// The first page is left to the module's own data (it has none); the step block and the
		// members follow.
		const base = PAGE;
		const memory = new WebAssembly.Memory({
			initial: Math.ceil((base + kernelBytes(layout.n)) / PAGE)
		});
		const instance = new WebAssembly.Instance(module, { env: { memory } });
		this.exports = instance.exports as unknown as KernelExports;
		// A kernel compiled from another layout (a stale build) must not run.
		if (this.exports.layout() !== LAYOUT_SIGNATURE) throw new Error('Kernel layout differs');
		const buffer = memory.buffer;
		this.base = base;
		this.f32 = new Float32Array(buffer);
		this.i32 = new Int32Array(buffer);
		this.f64 = new Float64Array(buffer);
		this.members = allocateMembers(layout.n, { buffer, byteOffset: base + AT.members });
		this.rng = new Int32Array(buffer, base + AT.rng, LANES * 4);
		this.storage = (name, length) => new Float64Array(buffer, base + AT[name], length);
		const i = (base + AT.scalarsI32) >> 2;
		this.i32[i + I.segments] = layout.counts.length;
		this.i32[i + I.stride] = memberStride(layout.n);
		this.i32.set(layout.counts, (base + AT.counts) >> 2);
	}

	/**
	 * Writes what stays the same through a run: the model's constants, the scenario's rates
	 * and the month-independent columns of the per-rung table.
	 */
	private writeConstants(st: MonthStep): void {
		const { f32, i32, base } = this;
		const c = st.c;
		const L = st.ladder;
		const f = (base + AT.scalarsF32) >> 2;
		f32[f + F.rate] = st.rate;
		f32[f + F.charRate] = st.charRate;
		f32[f + F.lossRate] = st.rate * st.asymmetry;
		f32[f + F.charLossRate] = st.charRate * st.asymmetry;
		f32[f + F.scepticismWeight] = st.scepticismWeight;
		f32[f + F.transparency] = st.transparency;
		f32[f + F.latitude] = st.latitude;
		f32[f + F.explainBound] = st.latitude + (1 - st.latitude) * st.transparency;
		f32[f + F.fatigue] = st.fatigue;
		f32[f + F.openness] = st.openness;
		f32[f + F.mu] = st.mu;
		f32[f + F.invEps2] = st.invEps2;
		f32[f + F.signalActed] = c.signalActed;
		f32[f + F.signalSuccess] = c.signalSuccess;
		f32[f + F.signalDisclosed] = c.signalFailure * c.signalDisclosedShare;
		f32[f + F.signalCandour] = c.signalCandour;
		f32[f + F.signalFailure] = c.signalFailure;
		f32[f + F.signalConcealment] = c.signalConcealment;
		f32[f + F.signalBroken] = c.signalBroken;
		f32[f + F.scepticismActed] = c.scepticismActed;
		f32[f + F.scepticismBroken] = c.scepticismBroken;
		f32[f + F.leavingShare] = c.partnerLeavingShare;
		f32[f + F.reachBoost] = 1 + c.partnerReachBoost;
		f32[f + F.cushioned] = 1 - c.partnerCushion;
		f32[f + F.forgetting] = c.forgetting;
		f32[f + F.characterFade] = c.characterFade;
		f32[f + F.floor] = FLOOR;
		f32[f + F.invRamp2] = 1 / (2 * L.rampHalfWidth);
		f32[f + F.invRamp] = 1 / L.rampHalfWidth;
		f32[f + F.lowTrustFall] = L.lowTrustFall;
		f32[f + F.scepticismDamps] = L.scepticismDamps;
		const i = (base + AT.scalarsI32) >> 2;
		i32[i + I.patience] = Math.ceil(st.patience);
		i32[i + I.brokenDrop] = L.brokenDrop;
		const t = (base + AT.table) >> 2;
		for (let r = 0; r < RUNG_COUNT; r++) {
			f32[t + COL.climb * COLUMN_WIDTH + r] = L.climb[r];
			f32[t + COL.stay * COLUMN_WIDTH + r] = L.stay[r];
			f32[t + COL.ideas * COLUMN_WIDTH + r] = st.ideas[r];
			f32[t + COL.between * COLUMN_WIDTH + r] = contributionChance(
				st.ideas[r],
				0,
				false,
				r,
				c.betweenConversations
			);
		}
		if (!this.owns(st)) this.f64.set(st.weights, (base + AT.weights) >> 3);
		this.constantsOf = st;
	}

	/** Whether the MonthStep's arrays are views of this kernel's memory. */
	private owns(st: MonthStep): boolean {
		return st.gain.buffer === this.f64.buffer;
	}

	/** The MonthStep whose constants are in memory (they are written again each month 0). */
	private constantsOf: MonthStep | null = null;

	/**
	 * One month for every member: what `stepMembers(members, counts, st, rs)` does, with the
	 * members in this kernel's memory.
	 */
	step(st: MonthStep, rs: Int32Array): void {
		if (st !== this.constantsOf || st.month === 0) this.writeConstants(st);
		const { f32, i32, f64, base } = this;
		const f = (base + AT.scalarsF32) >> 2;
		f32[f + F.pAct] = st.pAct;
		f32[f + F.pSuccess] = st.pSuccess;
		f32[f + F.presenceGain] = st.presenceGain;
		f32[f + F.involvementGain] = st.involvementGain;
		const i = (base + AT.scalarsI32) >> 2;
		i32[i + I.month] = st.month;
		i32[i + I.conversation] = st.conversation ? 1 : 0;
		i32[i + I.leftPartner] = st.leftPartner >= 0 ? st.leftPartner : NO_PARTNER;
		const t = (base + AT.table) >> 2;
		for (let r = 0; r < RUNG_COUNT; r++) {
			f32[t + COL.invite * COLUMN_WIDTH + r] = st.invite[r];
			f32[t + COL.drift * COLUMN_WIDTH + r] = st.drift[r];
			f32[t + COL.hazard * COLUMN_WIDTH + r] = st.hazard[r];
		}

		// A MonthStep built on this kernel's storage is read and written in place; another one
		// (as in the tests) is copied in and out.
		const own = this.owns(st);
		if (!own)
			for (const name of ['gain', 'loss', 'sUp', 'sDown', 'mean'] as const)
				f64.set(st[name], (base + AT[name]) >> 3);
		if (rs !== this.rng) this.rng.set(rs);

		this.exports.step(base);

		if (rs !== this.rng) rs.set(this.rng);
		if (!own) {
			for (const name of ['sums', 'acted', 'broken', 'successes', 'discovered'] as const)
				st[name].set(
					f64.subarray((base + AT[name]) >> 3, ((base + AT[name]) >> 3) + st[name].length)
				);
			st.rungCount.set(
				f64.subarray((base + AT.rungCount) >> 3, ((base + AT.rungCount) >> 3) + RUNGS)
			);
		}
		const o = (base + AT.totals) >> 3;
		st.trustSum = f64[o + TOTAL.trust];
		st.sceptSum = f64[o + TOTAL.scepticism];
		st.pendingNext = f64[o + TOTAL.pending];
		st.disclosedAll = f64[o + TOTAL.disclosed];
		st.discoveredAll = f64[o + TOTAL.discovered];
		st.successAll = f64[o + TOTAL.successes];
		st.explained = f64[o + TOTAL.explained];
		st.changedNew = f64[o + TOTAL.changed];
		st.contributions = f64[o + TOTAL.contributions];
		st.voiceYear = f64[o + TOTAL.voiceYear];
		st.heardYear = f64[o + TOTAL.heardYear];
		st.decidedYear = f64[o + TOTAL.decidedYear];
	}
}
