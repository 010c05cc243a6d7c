/**
 * The memory layout of the WebAssembly member step, declared once. `community.ts` lays out
 * the members' arrays from it, `kernel.ts` writes the month's inputs and reads its outputs
 * through it, and `scripts/build-kernel.mjs` generates the kernel's constants from it
 * (`kernel/layout.generated.ts`, not committed), so the three can never disagree. The kernel
 * returns `LAYOUT_SIGNATURE` from its `layout()` export; `kernel.ts` refuses a kernel whose
 * signature differs (a stale build).
 *
 * This file imports nothing: the build script compiles it on its own.
 *
 * Memory, from the address the kernel is given (`base`, 16-byte aligned):
 *
 *   step block   scalars, random streams, per-segment inputs and outputs, per-rung table,
 *                totals, scratch and vector constants, at fixed offsets (`AT`)
 *   members      the real-valued variables, then the integer ones, `memberStride(n)` slots
 *                each (`AT.members` onwards)
 */

/** Members updated by one SIMD instruction, and random streams (member j of a segment uses j mod 4). */
export const LANES = 4;

/** The most segments the kernel's step block holds (LIMITS.maxSegments in params.ts). */
export const MAX_SEGMENTS = 12;

/** Columns of the per-rung table have this many slots (rungs 0 to 5, then two unused). */
export const COLUMN_WIDTH = 8;

/** Real-valued member variables (f32), in memory order. */
export const MEMBER_F32 = [
	'integrity',
	'intent',
	'competence',
	'results',
	'scepticism',
	'baseline',
	'reach',
	'borrowed',
	'changed'
] as const;

/** Integer member variables (i32), in memory order, after the real-valued ones. */
export const MEMBER_I32 = [
	'rung',
	'pending',
	'partner',
	'lastVoice',
	'lastHeard',
	'lastDecided'
] as const;

/**
 * Slots per member variable for n members: a multiple of four with four to spare, so the
 * kernel can read a whole group of four members from anywhere in the community.
 */
export function memberStride(n: number): number {
	return ((n + 3) & ~3) + 4;
}

/** The month's real-valued scalars (f32), by index. */
export const SCALAR_F32 = [
	/** responsiveness, for competence and results */
	'rate',
	/** responsiveness × (1 − stickiness), for integrity and intent */
	'charRate',
	/** rate × asymmetry */
	'lossRate',
	/** charRate × asymmetry */
	'charLossRate',
	'scepticismWeight',
	'transparency',
	'latitude',
	/** latitude + (1 − latitude) · transparency: the upper end of the explained band */
	'explainBound',
	'fatigue',
	'openness',
	'pAct',
	'pSuccess',
	'presenceGain',
	'involvementGain',
	'mu',
	'invEps2',
	'signalActed',
	'signalSuccess',
	/** signalFailure × signalDisclosedShare */
	'signalDisclosed',
	'signalCandour',
	'signalFailure',
	'signalConcealment',
	'signalBroken',
	'scepticismActed',
	'scepticismBroken',
	'leavingShare',
	/** 1 + partnerReachBoost */
	'reachBoost',
	/** 1 − partnerCushion */
	'cushioned',
	'forgetting',
	'characterFade',
	'floor',
	/** 1 / (2 · rampHalfWidth) */
	'invRamp2',
	/** 1 / rampHalfWidth */
	'invRamp',
	'lowTrustFall',
	'scepticismDamps'
] as const;

/** The month's integer scalars (i32), by index. */
export const SCALAR_I32 = [
	'segments',
	'stride',
	'month',
	/** 1 in a conversation month, else 0 */
	'conversation',
	'patience',
	/** the partner that leaves this month, or NO_PARTNER */
	'leftPartner',
	'brokenDrop'
] as const;

/** `leftPartner` when no partner leaves (members without a partner have −1). */
export const NO_PARTNER = 1 << 20;

/** Per-rung columns (f32, COLUMN_WIDTH slots each). */
export const RUNG_COLUMNS = [
	/** trust at which an invitation from the rung is taken up half the time (±Infinity) */
	'climb',
	/** trust below which a member on the rung starts to slip (−Infinity on rungs 0 and 1) */
	'stay',
	'invite',
	'drift',
	'hazard',
	/** ideas a year */
	'ideas',
	/** chance of giving a view outside a conversation month */
	'between'
] as const;

/** Per-segment inputs (f64, as the model computes them), with their values per segment. */
export const SEGMENT_IN = {
	gain: 4,
	loss: 4,
	sUp: 1,
	sDown: 1,
	mean: 4,
	weights: 4
} as const;

/** Per-segment outputs (f64), with their values per segment. */
export const SEGMENT_OUT = {
	sums: 4,
	acted: 1,
	broken: 1,
	successes: 1,
	discovered: 1
} as const;

/** Totals over the community (f64), by index, then the count on each rung. */
export const TOTALS = [
	'trust',
	'scepticism',
	'pending',
	'disclosed',
	'discovered',
	'successes',
	'explained',
	'changed',
	'contributions',
	'voiceYear',
	'heardYear',
	'decidedYear'
] as const;

/** Rungs on the ladder (RUNG_COUNT in ladder.ts). */
export const RUNGS = 6;

/**
 * The kernel's scratch space (16 bytes each): lanes handled one by one read and write their
 * signals here.
 */
export const SCRATCH = [
	'gainI',
	'gainN',
	'gainC',
	'gainR',
	'lossI',
	'lossN',
	'lossC',
	'lossR',
	'up',
	'down',
	'drop',
	'draw',
	'pending',
	'chance'
] as const;

/**
 * The kernel's vector constants (16 bytes each), written at the start of every month: a load
 * is one instruction, cheaper than keeping more values alive than there are registers.
 */
export const VECTORS = [
	'rate',
	'charRate',
	'lossRate',
	'charLossRate',
	'scepticismWeight',
	'mu',
	'invEps2',
	'floor',
	'forgetting',
	'charFade',
	'invRamp',
	'invRamp2',
	'lowTrustFall',
	'scepticismDamps',
	'presenceGain',
	'involvementGain',
	'cushioned',
	'pAct',
	'left',
	'patience',
	'month',
	'yearAgo',
	'one',
	'zero',
	'half',
	'minusOneF',
	'twelve',
	'twelveI',
	'inv16',
	'low16',
	'oneI',
	'minusOne',
	'zeroI',
	'lanes',
	'byteLane',
	'sixteen',
	'oneHotLow',
	'oneHotHigh'
] as const;

type Names<T extends readonly string[]> = T[number];
type Regions =
	| 'scalarsF32'
	| 'scalarsI32'
	| 'rng'
	| 'counts'
	| keyof typeof SEGMENT_IN
	| 'table'
	| keyof typeof SEGMENT_OUT
	| 'totals'
	| 'rungCount'
	| 'scratch'
	| 'vectors'
	| 'members';

function align16(n: number): number {
	return (n + 15) & ~15;
}

/** Byte offsets of the step block's regions from `base`, and of the members. */
export const AT: Readonly<Record<Regions, number>> = (() => {
	const at: Partial<Record<Regions, number>> = {};
	let next = 0;
	const take = (name: Regions, bytes: number) => {
		at[name] = next;
		next = align16(next + bytes);
	};
	take('scalarsF32', SCALAR_F32.length * 4);
	take('scalarsI32', SCALAR_I32.length * 4);
	take('rng', LANES * 4 * 4);
	take('counts', MAX_SEGMENTS * 4);
	for (const [name, per] of Object.entries(SEGMENT_IN) as [keyof typeof SEGMENT_IN, number][])
		take(name, MAX_SEGMENTS * per * 8);
	take('table', RUNG_COLUMNS.length * COLUMN_WIDTH * 4);
	for (const [name, per] of Object.entries(SEGMENT_OUT) as [keyof typeof SEGMENT_OUT, number][])
		take(name, MAX_SEGMENTS * per * 8);
	take('totals', TOTALS.length * 8);
	take('rungCount', RUNGS * 8);
	take('scratch', SCRATCH.length * 16);
	take('vectors', VECTORS.length * 16);
	take('members', 0);
	return at as Record<Regions, number>;
})();

/** The index of each name in a list, as an object. */
export function indexOf<T extends readonly string[]>(list: T): Readonly<Record<Names<T>, number>> {
	return Object.fromEntries(list.map((name, i) => [name, i])) as Record<Names<T>, number>;
}

export const F = indexOf(SCALAR_F32);
export const I = indexOf(SCALAR_I32);
export const COL = indexOf(RUNG_COLUMNS);
export const TOTAL = indexOf(TOTALS);

/** Bytes of kernel memory from `base` for n members. */
export function kernelBytes(n: number): number {
	return AT.members + (MEMBER_F32.length + MEMBER_I32.length) * memberStride(n) * 4;
}

/**
 * A number that changes with every part of the layout: the kernel is compiled with it, and
 * `kernel.ts` uses a kernel only if the two agree.
 */
export const LAYOUT_SIGNATURE: number = (() => {
	const text = JSON.stringify([
		LANES,
		MAX_SEGMENTS,
		COLUMN_WIDTH,
		MEMBER_F32,
		MEMBER_I32,
		SCALAR_F32,
		SCALAR_I32,
		NO_PARTNER,
		RUNG_COLUMNS,
		SEGMENT_IN,
		SEGMENT_OUT,
		TOTALS,
		RUNGS,
		SCRATCH,
		VECTORS,
		AT,
		memberStride(1),
		memberStride(5)
	]);
	// FNV-1a, 31 bits so that it is the same as an i32 in the kernel and a number here.
	let h = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
	return h & 0x7fffffff;
})();
