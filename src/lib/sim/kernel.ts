/**
 * Runs the member step in WebAssembly when the environment allows it (browsers, workers and
 * Node all do; a content security policy without 'wasm-unsafe-eval' does not). The kernel,
 * compiled from kernel/member-step.ts, computes exactly what `stepMembers` computes, bit for
 * bit, four members per SIMD instruction; when it cannot be used, the model runs
 * `stepMembers` instead and the results are the same.
 *
 * A `MemberKernel` owns one WebAssembly memory holding the members' state and the month's
 * inputs and outputs. The `Members` and `MonthStep` it hands out are ordinary typed arrays
 * viewing that memory, so the rest of the model reads and writes them as usual. The memory
 * never grows (growing would detach those views).
 */
import { allocateMembers, memberStride, type Members, type SegmentLayout } from './community';
import { RUNG_COUNT } from './ladder';
import { COLUMN_COUNT, COLUMN_WIDTH, LANES, MonthStep, SCALAR_COUNT } from './members';
import { MEMBER_STEP_WASM } from './kernel/member-step.wasm';
import type { Scenario } from './scenario';

/** Totals the kernel writes (see kernel/member-step.ts). */
const TOTALS = 8;
/** Bytes of scratch space for the members the kernel handles one by one. */
const SCRATCH = 208;
/** Bytes for the kernel's vector constants (39 of 16 bytes). */
const CONSTANTS = 39 * 16;
const PAGE = 65536;

type StepFn = (argsAt: number) => void;

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
			// in JavaScript.
			compiled = null;
		}
	}
	return compiled;
}

/** Hands out typed arrays one after another from a buffer, each aligned to 16 bytes. */
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
		this.at += (bytes + 15) & ~15;
		if (this.at > this.buffer.byteLength) throw new Error('Kernel memory too small');
		return at;
	}
	f64 = (n: number): Float64Array => new Float64Array(this.buffer, this.take(n * 8), n);
	f32 = (n: number): Float32Array => new Float32Array(this.buffer, this.take(n * 4), n);
	i32 = (n: number): Int32Array => new Int32Array(this.buffer, this.take(n * 4), n);
	/** The byte address of the next allocation. */
	next(bytes: number): number {
		return this.take(bytes);
	}
}

/** The member step of one run context, in WebAssembly. */
export class MemberKernel {
	readonly members: Members;
	readonly monthStep: MonthStep;
	private readonly rng: Int32Array;
	private readonly totals: Float64Array;
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
		const stride = memberStride(n);
		// The module's own data (none, but the first page is left to it), the members, then
		// the month's inputs and outputs, with room for alignment.
		const bytes =
			PAGE +
			stride * (9 + 3) * 4 +
			seg * (4 + 18 * 4 + 8 * 8) +
			(SCALAR_COUNT + COLUMN_COUNT * COLUMN_WIDTH + LANES * 4) * 4 +
			(RUNG_COUNT + TOTALS) * 8 +
			SCRATCH +
			CONSTANTS +
			2048;
		const memory = new WebAssembly.Memory({ initial: Math.ceil(bytes / PAGE) });
		const instance = new WebAssembly.Instance(module, { env: { memory } });
		const step = instance.exports.step as StepFn;
		const arena = new Arena(memory.buffer, PAGE);
		this.members = allocateMembers(n, arena);
		const counts = arena.i32(seg);
		counts.set(layout.counts);
		this.monthStep = new MonthStep(s, seg, layout.weights, arena);
		this.rng = arena.i32(LANES * 4);
		this.totals = arena.f64(TOTALS);
		const scratch = arena.next(SCRATCH);
		const constants = arena.next(CONSTANTS);
		const st = this.monthStep;
		const m = this.members;
		const args = arena.i32(23);
		args.set([
			seg,
			stride,
			m.integrity.byteOffset,
			m.rung.byteOffset,
			counts.byteOffset,
			st.gain.byteOffset,
			st.loss.byteOffset,
			st.sUp.byteOffset,
			st.sDown.byteOffset,
			st.mean.byteOffset,
			st.weights.byteOffset,
			st.table.byteOffset,
			st.k.byteOffset,
			this.rng.byteOffset,
			scratch,
			constants,
			st.sums.byteOffset,
			st.acted.byteOffset,
			st.broken.byteOffset,
			st.successes.byteOffset,
			st.discovered.byteOffset,
			st.rungCount.byteOffset,
			this.totals.byteOffset
		]);
		const argsAt = args.byteOffset;
		this.run = () => step(argsAt);
	}

	/** One month for every member: what `stepMembers(members, counts, monthStep, rs)` does. */
	step(rs: Int32Array): void {
		const st = this.monthStep;
		st.prepare();
		this.rng.set(rs);
		this.run();
		rs.set(this.rng);
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
