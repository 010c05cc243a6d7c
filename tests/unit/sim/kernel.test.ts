/**
 * The WebAssembly member step (kernel/member-step.ts), which the model runs, against the
 * TypeScript reference (`stepMembers` in src/lib/sim/members.ts), which states the model one
 * formula at a time in double precision. The kernel computes in single precision, so:
 *
 * - one month from the same members and random state gives the same members, outputs and
 *   random state, real values within single-precision rounding and everything discrete
 *   exactly, at default constants and at constants drawn across their ranges;
 * - whole runs, in which rounding can now and then tip a draw the other way and the futures
 *   then part, give the same summary metrics within a few Monte Carlo standard errors;
 * - the layout compiled into the kernel is the one declared in kernel-layout.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { PRESETS, type Scenario } from '$lib/sim';
import { ASSUMPTIONS, DEFAULT_CONSTANTS, type ModelConstants } from '$lib/sim/assumptions';
import type { Members } from '$lib/sim/community';
import { kernelAvailable, kernelLayoutSignature, useKernel } from '$lib/sim/kernel';
import {
	AT,
	COLUMN_WIDTH,
	LANES,
	LAYOUT_SIGNATURE,
	MAX_SEGMENTS,
	MEMBER_F32,
	MEMBER_I32,
	memberStride,
	RUNGS,
	SCALAR_F32,
	TOTALS
} from '$lib/sim/kernel-layout';
import { RUNG_COUNT } from '$lib/sim/ladder';
import { LANES as MEMBER_LANES, stepMembers, type MonthStep } from '$lib/sim/members';
import { METRICS, RUN_VALUE_COUNT } from '$lib/sim/outputs';
import { LIMITS } from '$lib/sim/params';
import { Rng, Stream } from '$lib/sim/rng';
import { createRunContext, simulateRun, type RunContext } from '$lib/sim/run';
import { triangularQuantile } from '$lib/sim/screening';

afterEach(() => useKernel(true));

/** Whole runs in the reference take seconds, more on a busy machine. */
const SLOW = 120_000;

/** A run context with the kernel on or off. */
function context(
	s: Scenario,
	kernel: boolean,
	c: Readonly<ModelConstants> = DEFAULT_CONSTANTS
): RunContext {
	useKernel(kernel);
	try {
		return createRunContext(s, c);
	} finally {
		useKernel(true);
	}
}

/** Constants drawn across their ranges (ASSUMPTIONS), the k-th set from a fixed seed. */
function drawConstants(k: number): ModelConstants {
	const rng = new Rng(2024, k, Stream.screening);
	const c = { ...DEFAULT_CONSTANTS };
	for (const a of ASSUMPTIONS) {
		const u = rng.next();
		let v =
			a.shape === 'log-uniform'
				? Math.exp(Math.log(a.min) + u * (Math.log(a.max) - Math.log(a.min)))
				: a.shape === 'triangular'
					? triangularQuantile(a.min, a.default, a.max, u)
					: a.min + u * (a.max - a.min);
		if (a.integer) v = Math.round(v);
		c[a.key] = v;
	}
	return c;
}

const REAL = MEMBER_F32;
const WHOLE = MEMBER_I32;
/** The month's outputs of the member step. */
const OUTPUT_ARRAYS = ['sums', 'acted', 'broken', 'successes', 'discovered', 'rungCount'] as const;
const OUTPUT_COUNTS = [
	'pendingNext',
	'disclosedAll',
	'discoveredAll',
	'successAll',
	'explained',
	'contributions',
	'voiceYear',
	'heardYear',
	'decidedYear'
] as const;
const OUTPUT_SUMS = ['trustSum', 'sceptSum', 'changedNew'] as const;

function copyMembers(from: Members, to: Members): void {
	for (const k of [...REAL, ...WHOLE, 'segment'] as const) to[k].set(from[k]);
}

function outputs(st: MonthStep) {
	return {
		arrays: OUTPUT_ARRAYS.map((k) => Array.from(st[k])),
		counts: OUTPUT_COUNTS.map((k) => st[k]),
		sums: OUTPUT_SUMS.map((k) => st[k])
	};
}

/**
 * Runs the reference context `ref` for `months` months of run `run` (the scenario's horizon
 * set to that), then steps one more month from that state twice: with `stepMembers` and with
 * the kernel of a second context, from copies of the same members and random state, and
 * checks they agree. `adjust` may change the month's inputs first.
 */
function oneMonth(
	s: Scenario,
	c: Readonly<ModelConstants>,
	months: number,
	run: number,
	adjust: (st: MonthStep) => void = () => {}
): void {
	const short = structuredClone(s);
	short.horizonMonths = months;
	const ref = context(short, false, c);
	const wasm = context(short, true, c);
	expect(ref.kernel).toBeNull();
	expect(wasm.kernel).not.toBeNull();
	simulateRun(ref, run);
	const st = ref.step;
	st.month = months;
	adjust(st);
	copyMembers(ref.members, wasm.members);
	const rsRef = ref.agentStreams;
	const rsWasm = Int32Array.from(rsRef);

	stepMembers(ref.members, ref.layout.counts, st, rsRef);
	const a = outputs(st);
	wasm.kernel!.step(st, rsWasm);
	const b = outputs(st);

	// The random streams advance identically.
	expect(Array.from(rsWasm)).toEqual(Array.from(rsRef));
	// Everything discrete is equal; real values agree to single-precision rounding.
	expect(b.counts).toEqual(a.counts);
	expect(b.arrays.slice(1)).toEqual(a.arrays.slice(1));
	b.arrays[0].forEach((x, i) => expect(x).toBeCloseTo(a.arrays[0][i], 3));
	const n = ref.layout.n;
	b.sums.forEach((x, i) => expect(Math.abs(x - a.sums[i])).toBeLessThanOrEqual(2e-6 * n));
	for (const k of WHOLE) expect(Array.from(wasm.members[k])).toEqual(Array.from(ref.members[k]));
	const apart: string[] = [];
	for (const k of REAL) {
		const x = wasm.members[k];
		const y = ref.members[k];
		// A few units in the last place of a number of order 1.
		for (let i = 0; i < n; i++)
			if (!(Math.abs(x[i] - y[i]) <= 4e-7)) apart.push(`${k}[${i}]: ${x[i]} vs ${y[i]}`);
	}
	expect(apart).toEqual([]);
}

/** Every preset, by id. */
const presets = PRESETS.map((p) => [p.id, p.scenario] as const);

describe('the WebAssembly member step', () => {
	it('is what the model runs in Node, and can be turned off', () => {
		expect(kernelAvailable()).toBe(true);
		expect(createRunContext(PRESETS[0].scenario).kernel).not.toBeNull();
		useKernel(false);
		expect(kernelAvailable()).toBe(false);
		expect(createRunContext(PRESETS[0].scenario).kernel).toBeNull();
	});

	it('was compiled from the layout the TypeScript side declares', () => {
		expect(kernelLayoutSignature()).toBe(LAYOUT_SIGNATURE);
		// The layout's own numbers match the model's.
		expect(MAX_SEGMENTS).toBe(LIMITS.maxSegments);
		expect(RUNGS).toBe(RUNG_COUNT);
		expect(COLUMN_WIDTH).toBeGreaterThanOrEqual(RUNG_COUNT);
		expect(LANES).toBe(MEMBER_LANES);
		expect(SCALAR_F32.length).toBe(new Set(SCALAR_F32).size);
		expect(TOTALS.length).toBe(new Set(TOTALS).size);
		for (const at of Object.values(AT)) expect(at % 16).toBe(0);
		// The members the kernel hands out sit where the layout says, one block per variable.
		const ctx = createRunContext(PRESETS[0].scenario);
		const m = ctx.members;
		const field = memberStride(ctx.layout.n) * 4;
		const first = m[MEMBER_F32[0]].byteOffset;
		expect(first % 16).toBe(0);
		MEMBER_F32.forEach((k, i) => expect(m[k].byteOffset - first).toBe(i * field));
		MEMBER_I32.forEach((k, i) =>
			expect(m[k].byteOffset - first).toBe((MEMBER_F32.length + i) * field)
		);
	});

	it.each(presets)(
		'steps a month as the reference does, preset %s',
		(_id, s) => {
			for (const [months, run] of [
				[1, 0],
				[13, 1],
				[40, 2],
				[119, 3]
			] as const) {
				oneMonth(s, DEFAULT_CONSTANTS, months, run);
				oneMonth(s, DEFAULT_CONSTANTS, months, run, (st) => (st.conversation = !st.conversation));
			}
		},
		SLOW
	);

	it('steps a month as the reference does when a partner leaves', () => {
		const s = structuredClone(PRESETS[0].scenario);
		s.partners.count = 3;
		s.partners.reach = 0.2;
		for (const left of [0, 1, 2])
			oneMonth(s, DEFAULT_CONSTANTS, 30, left, (st) => (st.leftPartner = left));
	});

	it('steps a month as the reference does when segments are not multiples of four members', () => {
		// Segments of 37, 1, 5 and 203 members: partial groups of four everywhere, and a segment
		// of one member whose group has three missing lanes.
		const s = structuredClone(PRESETS[1].scenario);
		const sizes = [37, 1, 5, 203];
		s.community.segments.forEach((g, k) => (g.size = sizes[k % 4] * s.community.peoplePerAgent));
		expect(Array.from(context(s, true).layout.counts).slice(0, 4)).toEqual(
			sizes.slice(0, s.community.segments.length)
		);
		for (const months of [1, 25, 80]) oneMonth(s, DEFAULT_CONSTANTS, months, months);
	});

	it(
		'steps a month as the reference does at constants drawn across their ranges',
		() => {
			for (let k = 0; k < 24; k++) {
				const c = drawConstants(k);
				const s = PRESETS[k % PRESETS.length].scenario;
				oneMonth(s, c, 20 + 7 * k, k);
				oneMonth(s, c, 20 + 7 * k, k, (st) => (st.conversation = !st.conversation));
			}
		},
		SLOW
	);

	/**
	 * Each end metric's mean over `runs` runs with the kernel and with the reference; they must
	 * agree within `z` Monte Carlo standard errors (of the difference of two means).
	 */
	function agreeStatistically(s: Scenario, c: Readonly<ModelConstants>, runs: number, z = 4) {
		const values = (kernel: boolean) => {
			const ctx = context(s, kernel, c);
			expect(ctx.kernel !== null).toBe(kernel);
			const out: number[][] = [];
			for (let run = 0; run < runs; run++) {
				simulateRun(ctx, run);
				out.push(Array.from(ctx.metrics));
			}
			return out;
		};
		const a = values(true);
		const b = values(false);
		for (let j = 0; j < RUN_VALUE_COUNT; j++) {
			const x = a.map((r) => r[j]);
			const y = b.map((r) => r[j]);
			const mean = (v: number[]) => v.reduce((p, q) => p + q, 0) / v.length;
			const variance = (v: number[], m: number) =>
				v.reduce((p, q) => p + (q - m) ** 2, 0) / Math.max(1, v.length - 1);
			const mx = mean(x);
			const my = mean(y);
			const se = Math.sqrt((variance(x, mx) + variance(y, my)) / runs);
			const name = METRICS[j] ?? 'explained';
			// A metric that does not vary between runs must be equal up to rounding.
			const tolerance = Math.max(z * se, 1e-6 * Math.max(1, Math.abs(my)));
			expect(
				Math.abs(mx - my),
				`${name}: ${mx} vs ${my}, standard error ${se}`
			).toBeLessThanOrEqual(tolerance);
		}
	}

	it.each(presets)(
		'gives the same summary metrics over whole runs, preset %s',
		(_id, s) => {
			agreeStatistically(s, DEFAULT_CONSTANTS, 60);
		},
		SLOW
	);

	it(
		'gives the same summary metrics over whole runs at constants drawn across their ranges',
		() => {
			for (let k = 0; k < 6; k++) {
				const s = structuredClone(PRESETS[k % PRESETS.length].scenario);
				s.horizonMonths = 60;
				agreeStatistically(s, drawConstants(100 + k), 30);
			}
		},
		SLOW
	);

	it('keeps its members in memory that never detaches while a context lives', () => {
		const ctx = createRunContext(PRESETS[0].scenario);
		const before = ctx.members.integrity.buffer;
		for (let run = 0; run < 3; run++) simulateRun(ctx, run);
		expect(ctx.members.integrity.buffer).toBe(before);
		expect(ctx.members.integrity.byteLength).toBeGreaterThan(0);
	});

	it('falls back to the reference for more segments than the kernel holds', () => {
		const s = structuredClone(PRESETS[0].scenario);
		while (s.community.segments.length <= MAX_SEGMENTS)
			s.community.segments.push(structuredClone(s.community.segments[0]));
		expect(createRunContext(s).kernel).toBeNull();
	});
});
