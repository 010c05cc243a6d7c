/**
 * The member step as a WebAssembly kernel, written in AssemblyScript and compiled by
 * `scripts/build-kernel.mjs` (on install, and before every build, check and test). The model
 * runs this wherever WebAssembly SIMD is available (every browser the app supports, Node).
 *
 * It computes what `stepMembers` in `src/lib/sim/members.ts` computes, the readable statement
 * of the model in double precision with one named function per formula (trust.ts, ladder.ts,
 * listening.ts; docs/model.md section 7). Here the arithmetic is single precision, four
 * members per SIMD instruction, in the same order of operations, so that the two agree to
 * single-precision rounding; they use the same draws in the same way, so they make the same
 * decisions but in the rare case that a draw falls within rounding of a chance
 * (tests/unit/sim/kernel.test.ts).
 *
 * Members move in groups of four within a segment (the last group of a segment may be
 * partial: its missing lanes compute but write nothing back). Member j of a segment draws
 * from random stream j mod 4. A group in which some member has something happening (a
 * contribution outstanding or made, a partner leaving) first handles those members one by
 * one, in scalar code, then rejoins the vector path.
 *
 * Everything lives in the module's memory at offsets from `base` declared once in
 * `src/lib/sim/kernel-layout.ts` (generated here as `layout.generated.ts`): the month's
 * scalars, per-segment inputs and outputs and per-rung table, which `src/lib/sim/kernel.ts`
 * writes from the model's constants and the month's values, then the members' arrays.
 */
import {
	AT_ACTED,
	AT_BROKEN,
	AT_COUNTS,
	AT_DISCOVERED,
	AT_GAIN,
	AT_LOSS,
	AT_MEAN,
	AT_MEMBERS,
	AT_RNG,
	AT_RUNG_COUNT,
	AT_S_DOWN,
	AT_S_UP,
	AT_SUCCESSES,
	AT_SUMS,
	AT_WEIGHTS,
	COL_BETWEEN,
	COL_CLIMB,
	COL_DRIFT,
	COL_HAZARD,
	COL_IDEAS,
	COL_INVITE,
	COL_STAY,
	F_CHAR_LOSS_RATE,
	F_CHAR_RATE,
	F_CHARACTER_FADE,
	F_CUSHIONED,
	F_EXPLAIN_BOUND,
	F_FATIGUE,
	F_FLOOR,
	F_FORGETTING,
	F_INV_EPS2,
	F_INV_RAMP,
	F_INV_RAMP2,
	F_INVOLVEMENT_GAIN,
	F_LATITUDE,
	F_LEAVING_SHARE,
	F_LOSS_RATE,
	F_LOW_TRUST_FALL,
	F_MU,
	F_OPENNESS,
	F_P_ACT,
	F_P_SUCCESS,
	F_PRESENCE_GAIN,
	F_RATE,
	F_REACH_BOOST,
	F_SCEPTICISM_ACTED,
	F_SCEPTICISM_BROKEN,
	F_SCEPTICISM_DAMPS,
	F_SCEPTICISM_WEIGHT,
	F_SIGNAL_ACTED,
	F_SIGNAL_BROKEN,
	F_SIGNAL_CANDOUR,
	F_SIGNAL_CONCEALMENT,
	F_SIGNAL_DISCLOSED,
	F_SIGNAL_FAILURE,
	F_SIGNAL_SUCCESS,
	F_TRANSPARENCY,
	I_BROKEN_DROP,
	I_CONVERSATION,
	I_LEFT_PARTNER,
	I_MONTH,
	I_PATIENCE,
	I_SEGMENTS,
	I_STRIDE,
	LAYOUT_SIGNATURE,
	M_BASELINE,
	M_BORROWED,
	M_CHANGED,
	M_COMPETENCE,
	M_INTEGRITY,
	M_INTENT,
	M_LAST_DECIDED,
	M_LAST_HEARD,
	M_LAST_VOICE,
	M_PARTNER,
	M_PENDING,
	M_REACH,
	M_RESULTS,
	M_RUNG,
	M_SCEPTICISM,
	NO_PARTNER,
	S_CHANCE,
	S_DOWN,
	S_DROP,
	S_GAIN_C,
	S_GAIN_I,
	S_GAIN_N,
	S_GAIN_R,
	S_LOSS_C,
	S_LOSS_I,
	S_LOSS_N,
	S_LOSS_R,
	S_PENDING,
	S_UP,
	S_DRAW,
	T_CHANGED,
	T_CONTRIBUTIONS,
	T_DECIDED_YEAR,
	T_DISCLOSED,
	T_DISCOVERED,
	T_EXPLAINED,
	T_HEARD_YEAR,
	T_PENDING,
	T_SCEPTICISM,
	T_SUCCESSES,
	T_TRUST,
	T_VOICE_YEAR,
	V_BYTE_LANE,
	V_CHAR_FADE,
	V_CHAR_LOSS_RATE,
	V_CHAR_RATE,
	V_CUSHIONED,
	V_FLOOR,
	V_FORGETTING,
	V_INV16,
	V_INV_EPS2,
	V_INV_RAMP,
	V_INV_RAMP2,
	V_INVOLVEMENT_GAIN,
	V_LANES,
	V_LEFT,
	V_LOSS_RATE,
	V_LOW16,
	V_LOW_TRUST_FALL,
	V_MINUS_ONE,
	V_MINUS_ONE_F,
	V_MONTH,
	V_MU,
	V_ONE,
	V_ONE_HOT_HIGH,
	V_ONE_HOT_LOW,
	V_ONE_I,
	V_P_ACT,
	V_PATIENCE,
	V_PRESENCE_GAIN,
	V_RATE,
	V_SCEPTICISM_DAMPS,
	V_SCEPTICISM_WEIGHT,
	V_SIXTEEN,
	V_TWELVE,
	V_TWELVE_I,
	V_YEAR_AGO,
	V_ZERO,
	V_ZERO_I,
	V_HALF
} from './layout.generated';

// Rungs the step tests against (Rung in src/lib/sim/ladder.ts).
const INFORMED: i32 = 1;
const CONSULTED: i32 = 2;
const ENGAGED: i32 = 3;
const CO_DESIGNING: i32 = 4;

// Members a block of lane sums covers before it is added into the segment's f64 totals.
const BLOCK: i32 = 64;

/** The layout this kernel was compiled with (kernel.ts checks it against its own). */
export function layout(): i32 {
	return LAYOUT_SIGNATURE;
}

/** The bits that decide an acted-on contribution's initiative (initiativeBits in members.ts). */
function initiativeBits(x: i32): i32 {
	let y: i32 = (x ^ (<i32>((<u32>x) >> 15))) * 0x2c1b3c6d;
	y = ((y ^ (<i32>((<u32>y) >> 12))) * 0x297a2d39) ^ (<i32>((<u32>y) >> 15));
	return y;
}

/** The column's value on each lane's rung; `idx` holds byte indices 4r..4r+3 per lane. */
function column(base: i32, col: i32, idx: v128, idxHigh: v128): v128 {
	const at = base + col;
	return v128.or(i8x16.swizzle(v128.load(at), idx), i8x16.swizzle(v128.load(at, 16), idxHigh));
}

/** Byte indices 4r..4r+3 of each lane's rung r in a column (r < 0 gives indices past its end). */
function byteIndex(r: v128, base: i32): v128 {
	const r4 = i32x4.shl(r, 2);
	return i8x16.add(
		i8x16.shuffle(r4, r4, 0, 0, 0, 0, 4, 4, 4, 4, 8, 8, 8, 8, 12, 12, 12, 12),
		v128.load(base, V_BYTE_LANE)
	);
}

/** Adds a block's f32 lane sums into two f64x2 running totals (lanes 0-1 and 2-3). */
function widenLow(v: v128): v128 {
	return f64x2.promote_low_f32x4(v);
}
function widenHigh(v: v128): v128 {
	return f64x2.promote_low_f32x4(i32x4.shuffle(v, v, 2, 3, 2, 3));
}
function total(lo: v128, hi: v128): f64 {
	const s = f64x2.add(lo, hi);
	return f64x2.extract_lane(s, 0) + f64x2.extract_lane(s, 1);
}

/** logOddsStep (trust.ts): x + x·(1 − x)·clamp(rate·g·discount − lossRate·l, −1, 1). */
function logOddsStep(
	x: v128,
	g: v128,
	l: v128,
	rate: v128,
	lossRate: v128,
	discount: v128,
	base: i32
): v128 {
	const one = v128.load(base, V_ONE);
	let d = f32x4.sub(f32x4.mul(f32x4.mul(rate, g), discount), f32x4.mul(lossRate, l));
	d = f32x4.pmin(one, f32x4.pmax(v128.load(base, V_MINUS_ONE_F), d));
	return f32x4.add(x, f32x4.mul(f32x4.mul(x, f32x4.sub(one, x)), d));
}

/** fadeCharacter (trust.ts): what stands above the baseline b fades. */
function fadeCharacter(x: v128, b: v128, base: i32): v128 {
	return f32x4.sub(
		x,
		f32x4.mul(v128.load(base, V_CHAR_FADE), f32x4.pmax(v128.load(base, V_ZERO), f32x4.sub(x, b)))
	);
}

/** forget (trust.ts): performance memory drifts back to the baseline b. */
function forget(x: v128, b: v128, base: i32): v128 {
	return f32x4.add(x, f32x4.mul(v128.load(base, V_FORGETTING), f32x4.sub(b, x)));
}

/** wordOfMouth (trust.ts): x moves towards the segment's opinion m, within the open-mindedness ε. */
function wordOfMouth(x: v128, m: v128, base: i32): v128 {
	const d = f32x4.sub(m, x);
	const k = f32x4.sub(
		v128.load(base, V_ONE),
		f32x4.mul(f32x4.mul(d, d), v128.load(base, V_INV_EPS2))
	);
	return f32x4.add(
		x,
		f32x4.mul(f32x4.mul(v128.load(base, V_MU), d), f32x4.pmax(v128.load(base, V_ZERO), k))
	);
}

/** The larger of x and FLOOR (overallTrust in trust.ts). */
function floored(x: v128, base: i32): v128 {
	return f32x4.pmax(v128.load(base, V_FLOOR), x);
}

/** clamp(x, 0, 1). */
function clamp01(x: v128, base: i32): v128 {
	return f32x4.pmin(v128.load(base, V_ONE), f32x4.pmax(v128.load(base, V_ZERO), x));
}

/** A scalar's value in every lane. */
function splatF(base: i32, at: i32): v128 {
	return f32x4.splat(load<f32>(base + at));
}

/** One month for every member; `base` is the step block's address (kernel-layout.ts). */
export function step(base: i32): void {
	const segments = load<i32>(base + I_SEGMENTS);
	const stride = load<i32>(base + I_STRIDE);
	const month = load<i32>(base + I_MONTH);
	const conversation = load<i32>(base + I_CONVERSATION) != 0;
	const patience = load<i32>(base + I_PATIENCE);
	const left = load<i32>(base + I_LEFT_PARTNER);
	const brokenDrop = load<i32>(base + I_BROKEN_DROP);
	const field = stride << 2;
	const members = base + AT_MEMBERS;
	const pI = members + M_INTEGRITY * field;
	const pN = members + M_INTENT * field;
	const pC = members + M_COMPETENCE * field;
	const pR = members + M_RESULTS * field;
	const pS = members + M_SCEPTICISM * field;
	const pB = members + M_BASELINE * field;
	const pReach = members + M_REACH * field;
	const pBorrowed = members + M_BORROWED * field;
	const pChanged = members + M_CHANGED * field;
	const qRung = members + M_RUNG * field;
	const qPending = members + M_PENDING * field;
	const qPartner = members + M_PARTNER * field;
	const qVoice = members + M_LAST_VOICE * field;
	const qHeard = members + M_LAST_HEARD * field;
	const qDecided = members + M_LAST_DECIDED * field;

	// Scalars for the members handled one by one.
	const transparency = load<f32>(base + F_TRANSPARENCY);
	const latitude = load<f32>(base + F_LATITUDE);
	const explainBound = load<f32>(base + F_EXPLAIN_BOUND);
	const fatigue = load<f32>(base + F_FATIGUE);
	const openness = load<f32>(base + F_OPENNESS);
	const pAct = load<f32>(base + F_P_ACT);
	const pSuccess = load<f32>(base + F_P_SUCCESS);
	const sigActed = load<f32>(base + F_SIGNAL_ACTED);
	const sigSuccess = load<f32>(base + F_SIGNAL_SUCCESS);
	const sigDisclosed = load<f32>(base + F_SIGNAL_DISCLOSED);
	const sigCandour = load<f32>(base + F_SIGNAL_CANDOUR);
	const sigFailure = load<f32>(base + F_SIGNAL_FAILURE);
	const sigConceal = load<f32>(base + F_SIGNAL_CONCEALMENT);
	const sigBroken = load<f32>(base + F_SIGNAL_BROKEN);
	const sceptActed = load<f32>(base + F_SCEPTICISM_ACTED);
	const sceptBroken = load<f32>(base + F_SCEPTICISM_BROKEN);
	const leavingShare = load<f32>(base + F_LEAVING_SHARE);
	const reachBoost = load<f32>(base + F_REACH_BOOST);
	const inv16: f32 = 1.0 / 65536.0;
	const someoneLeaves = left != NO_PARTNER;

	// Vector constants live in memory and are loaded where used: a load is one instruction,
	// cheaper than keeping more values alive than there are registers.
	v128.store(base, splatF(base, F_RATE), V_RATE);
	v128.store(base, splatF(base, F_CHAR_RATE), V_CHAR_RATE);
	v128.store(base, splatF(base, F_LOSS_RATE), V_LOSS_RATE);
	v128.store(base, splatF(base, F_CHAR_LOSS_RATE), V_CHAR_LOSS_RATE);
	v128.store(base, splatF(base, F_SCEPTICISM_WEIGHT), V_SCEPTICISM_WEIGHT);
	v128.store(base, splatF(base, F_MU), V_MU);
	v128.store(base, splatF(base, F_INV_EPS2), V_INV_EPS2);
	v128.store(base, splatF(base, F_FLOOR), V_FLOOR);
	v128.store(base, splatF(base, F_FORGETTING), V_FORGETTING);
	v128.store(base, splatF(base, F_CHARACTER_FADE), V_CHAR_FADE);
	v128.store(base, splatF(base, F_INV_RAMP), V_INV_RAMP);
	v128.store(base, splatF(base, F_INV_RAMP2), V_INV_RAMP2);
	v128.store(base, splatF(base, F_LOW_TRUST_FALL), V_LOW_TRUST_FALL);
	v128.store(base, splatF(base, F_SCEPTICISM_DAMPS), V_SCEPTICISM_DAMPS);
	v128.store(base, splatF(base, F_PRESENCE_GAIN), V_PRESENCE_GAIN);
	v128.store(base, splatF(base, F_INVOLVEMENT_GAIN), V_INVOLVEMENT_GAIN);
	v128.store(base, splatF(base, F_CUSHIONED), V_CUSHIONED);
	v128.store(base, f32x4.splat(pAct), V_P_ACT);
	v128.store(base, i32x4.splat(left), V_LEFT);
	v128.store(base, i32x4.splat(patience), V_PATIENCE);
	v128.store(base, i32x4.splat(month), V_MONTH);
	v128.store(base, i32x4.splat(month - 11), V_YEAR_AGO);
	v128.store(base, f32x4.splat(1), V_ONE);
	v128.store(base, f32x4.splat(0), V_ZERO);
	v128.store(base, f32x4.splat(0.5), V_HALF);
	v128.store(base, f32x4.splat(-1), V_MINUS_ONE_F);
	v128.store(base, f32x4.splat(12), V_TWELVE);
	v128.store(base, i32x4.splat(12), V_TWELVE_I);
	v128.store(base, f32x4.splat(inv16), V_INV16);
	v128.store(base, i32x4.splat(0xffff), V_LOW16);
	v128.store(base, i32x4.splat(1), V_ONE_I);
	v128.store(base, i32x4.splat(-1), V_MINUS_ONE);
	v128.store(base, i32x4.splat(0), V_ZERO_I);
	v128.store(base, i32x4(0, 1, 2, 3), V_LANES);
	v128.store(base, i32x4.splat(0x03020100), V_BYTE_LANE);
	v128.store(base, i8x16.splat(16), V_SIXTEEN);
	v128.store(base, i32x4(1, 1 << 5, 1 << 10, 1 << 15), V_ONE_HOT_LOW);
	v128.store(base, i32x4(1 << 20, 1 << 25, 0, 0), V_ONE_HOT_HIGH);

	let ra = v128.load(base + AT_RNG);
	let rb = v128.load(base + AT_RNG, 16);
	let rc = v128.load(base + AT_RNG, 32);
	let rd = v128.load(base + AT_RNG, 48);

	let n0 = i32x4.splat(0);
	let n1 = i32x4.splat(0);
	let n2 = i32x4.splat(0);
	let n3 = i32x4.splat(0);
	let n4 = i32x4.splat(0);
	let n5 = i32x4.splat(0);
	let waitingV = i32x4.splat(0);
	let voiceV = i32x4.splat(0);
	let heardV = i32x4.splat(0);
	let decidedV = i32x4.splat(0);
	let trustSum: f64 = 0;
	let sceptSum: f64 = 0;
	let changedNew: f64 = 0;
	let pendingNext: i32 = 0;
	let disclosedAll: i32 = 0;
	let discoveredAll: i32 = 0;
	let successAll: i32 = 0;
	let explained: i32 = 0;
	let contributions: i32 = 0;

	let i: i32 = 0;
	for (let seg: i32 = 0; seg < segments; seg++) {
		// The segment's inputs, rounded once to single precision.
		const o = base + (seg << 5);
		const o1 = base + (seg << 3);
		const gI0 = f32x4.splat(<f32>load<f64>(o + AT_GAIN));
		const gN0 = f32x4.splat(<f32>load<f64>(o + AT_GAIN, 8));
		const gC0 = f32x4.splat(<f32>load<f64>(o + AT_GAIN, 16));
		const gR0 = f32x4.splat(<f32>load<f64>(o + AT_GAIN, 24));
		const lI0 = f32x4.splat(<f32>load<f64>(o + AT_LOSS));
		const lN0 = f32x4.splat(<f32>load<f64>(o + AT_LOSS, 8));
		const lC0 = f32x4.splat(<f32>load<f64>(o + AT_LOSS, 16));
		const lR0 = f32x4.splat(<f32>load<f64>(o + AT_LOSS, 24));
		const up0 = f32x4.splat(<f32>load<f64>(o1 + AT_S_UP));
		const down0 = f32x4.splat(<f32>load<f64>(o1 + AT_S_DOWN));
		const mI = f32x4.splat(<f32>load<f64>(o + AT_MEAN));
		const mN = f32x4.splat(<f32>load<f64>(o + AT_MEAN, 8));
		const mC = f32x4.splat(<f32>load<f64>(o + AT_MEAN, 16));
		const mR = f32x4.splat(<f32>load<f64>(o + AT_MEAN, 24));
		const wI = f32x4.splat(<f32>load<f64>(o + AT_WEIGHTS));
		const wN = f32x4.splat(<f32>load<f64>(o + AT_WEIGHTS, 8));
		const wC = f32x4.splat(<f32>load<f64>(o + AT_WEIGHTS, 16));
		const wR = f32x4.splat(<f32>load<f64>(o + AT_WEIGHTS, 24));
		// Segment totals in f64, per lane pair.
		let tIlo = f64x2.splat(0),
			tIhi = f64x2.splat(0),
			tNlo = f64x2.splat(0),
			tNhi = f64x2.splat(0),
			tClo = f64x2.splat(0),
			tChi = f64x2.splat(0),
			tRlo = f64x2.splat(0),
			tRhi = f64x2.splat(0),
			tTlo = f64x2.splat(0),
			tThi = f64x2.splat(0),
			tSlo = f64x2.splat(0),
			tShi = f64x2.splat(0),
			tHlo = f64x2.splat(0),
			tHhi = f64x2.splat(0);
		let nActed: i32 = 0;
		let nBroken: i32 = 0;
		let nSuccess: i32 = 0;
		let nDiscovered: i32 = 0;
		const end = i + load<i32>(base + AT_COUNTS + (seg << 2));
		while (i < end) {
			const blockEnd = min<i32>(i + BLOCK, end);
			let aI = f32x4.splat(0),
				aN = f32x4.splat(0),
				aC = f32x4.splat(0),
				aR = f32x4.splat(0),
				aT = f32x4.splat(0),
				aS = f32x4.splat(0),
				aH = f32x4.splat(0);
			let rungBits = i32x4.splat(0);
			for (; i < blockEnd; i += 4) {
				// In the last group of a segment, lanes past its end compute but change nothing.
				const partial = end - i < 4;
				const valid = partial
					? i32x4.lt_s(v128.load(base, V_LANES), i32x4.splat(end - i))
					: v128.load(base, V_MINUS_ONE);
				const at = i << 2;

				// One SFC32 draw per lane: high half for the ladder, low half for contributing and acting.
				const x = i32x4.add(i32x4.add(ra, rb), rd);
				let nd = i32x4.add(rd, v128.load(base, V_ONE_I));
				let na = v128.xor(rb, i32x4.shr_u(rb, 9));
				let nb = i32x4.add(rc, i32x4.shl(rc, 3));
				let nc = i32x4.add(v128.or(i32x4.shl(rc, 21), i32x4.shr_u(rc, 11)), x);
				if (partial) {
					na = v128.bitselect(na, ra, valid);
					nb = v128.bitselect(nb, rb, valid);
					nc = v128.bitselect(nc, rc, valid);
					nd = v128.bitselect(nd, rd, valid);
				}
				ra = na;
				rb = nb;
				rc = nc;
				rd = nd;
				const u1 = f32x4.mul(f32x4.convert_i32x4_s(i32x4.shr_u(x, 16)), v128.load(base, V_INV16));
				const u2 = f32x4.mul(
					f32x4.convert_i32x4_s(v128.and(x, v128.load(base, V_LOW16))),
					v128.load(base, V_INV16)
				);

				const r = v128.load(qRung + at);
				const idx = byteIndex(r, base);
				const idxHigh = i8x16.sub(idx, v128.load(base, V_SIXTEEN));
				const p = v128.load(qPending + at);

				// contributionChance (listening.ts): what has built up since the member last gave
				// their view in a conversation month, the share put forward directly otherwise.
				let chance: v128;
				if (conversation) {
					const since = i32x4.min_s(
						i32x4.sub(v128.load(base, V_MONTH), v128.load(qVoice + at)),
						v128.load(base, V_TWELVE_I)
					);
					chance = f32x4.pmin(
						v128.load(base, V_ONE),
						f32x4.div(
							f32x4.mul(column(base, COL_IDEAS, idx, idxHigh), f32x4.convert_i32x4_s(since)),
							v128.load(base, V_TWELVE)
						)
					);
				} else chance = column(base, COL_BETWEEN, idx, idxHigh);

				// The segment's signals, then the member's own: the service (informed and above),
				// joint action (co-designing and above).
				const service = v128.and(
					i32x4.ge_s(r, v128.load(base, V_ONE_I)),
					v128.load(base, V_PRESENCE_GAIN)
				);
				let gI = gI0;
				let gN = f32x4.add(
					gN0,
					v128.and(i32x4.gt_s(r, i32x4.splat(ENGAGED)), v128.load(base, V_INVOLVEMENT_GAIN))
				);
				let gC = f32x4.add(gC0, service);
				let gR = f32x4.add(gR0, service);
				let lI = lI0;
				let lN = lN0;
				let lC = lC0;
				let lR = lR0;
				let up = up0;
				let down = down0;

				// Members with something happening: a contribution settled or made, a partner leaving.
				let rare = v128.and(f32x4.lt(u2, chance), i32x4.eq(p, v128.load(base, V_ZERO_I)));
				if (v128.any_true(p)) {
					// Waiting contributions age by a month; those acted on or past patience are settled.
					const pPos = i32x4.gt_s(p, v128.load(base, V_ZERO_I));
					const pSet = i32x4.ne(p, v128.load(base, V_ZERO_I));
					const acted = v128.and(pPos, f32x4.lt(u2, v128.load(base, V_P_ACT)));
					const expired = v128.andnot(
						v128.and(pSet, i32x4.ge_s(i32x4.abs(p), v128.load(base, V_PATIENCE))),
						acted
					);
					const settled = v128.or(acted, expired);
					// p + 1 where p > 0, p - 1 where p < 0 (masks are -1 where true); settled ones 0.
					let aged = v128.andnot(
						i32x4.add(i32x4.sub(p, pPos), i32x4.lt_s(p, v128.load(base, V_ZERO_I))),
						settled
					);
					let stillWaiting = v128.andnot(pPos, settled);
					rare = v128.or(rare, settled);
					if (partial) {
						aged = v128.bitselect(aged, p, valid);
						stillWaiting = v128.and(stillWaiting, valid);
					}
					v128.store(qPending + at, aged);
					waitingV = i32x4.sub(waitingV, stillWaiting);
				}
				if (someoneLeaves)
					rare = v128.or(rare, i32x4.eq(v128.load(qPartner + at), v128.load(base, V_LEFT)));
				if (partial) rare = v128.and(rare, valid);
				let dropped = v128.load(base, V_ZERO_I);
				let rareBits = i32x4.bitmask(rare);
				if (rareBits != 0) {
					v128.store(base, gI, S_GAIN_I);
					v128.store(base, gN, S_GAIN_N);
					v128.store(base, gC, S_GAIN_C);
					v128.store(base, gR, S_GAIN_R);
					v128.store(base, lI, S_LOSS_I);
					v128.store(base, lN, S_LOSS_N);
					v128.store(base, lC, S_LOSS_C);
					v128.store(base, lR, S_LOSS_R);
					v128.store(base, up, S_UP);
					v128.store(base, down, S_DOWN);
					v128.store(base, dropped, S_DROP);
					v128.store(base, x, S_DRAW);
					v128.store(base, p, S_PENDING);
					v128.store(base, chance, S_CHANCE);
					while (rareBits != 0) {
						const lane = ctz<i32>(rareBits);
						rareBits &= rareBits - 1;
						const m = (i + lane) << 2;
						const l4 = base + (lane << 2);
						const xs = load<i32>(l4 + S_DRAW);
						const pp = load<i32>(l4 + S_PENDING);
						const v2: f32 = <f32>(xs & 0xffff) * inv16;
						let sGI = load<f32>(l4 + S_GAIN_I),
							sGN = load<f32>(l4 + S_GAIN_N),
							sGC = load<f32>(l4 + S_GAIN_C),
							sGR = load<f32>(l4 + S_GAIN_R),
							sLI = load<f32>(l4 + S_LOSS_I),
							sLN = load<f32>(l4 + S_LOSS_N),
							sLC = load<f32>(l4 + S_LOSS_C),
							sLR = load<f32>(l4 + S_LOSS_R),
							sUp = load<f32>(l4 + S_UP),
							sDown = load<f32>(l4 + S_DOWN);
						if (pp > 0 && v2 < pAct) {
							// Acted on: the initiative born of it succeeds, or fails and is disclosed or
							// discovered.
							nActed++;
							store<i32>(qHeard + m, month);
							sGI += sigActed;
							sGN += sigActed;
							sDown += sceptActed;
							const y = initiativeBits(xs);
							if (<f32>((<u32>y) >> 16) * inv16 < pSuccess) {
								nSuccess++;
								sGC += sigSuccess;
								sGR += sigSuccess;
							} else if (<f32>(y & 0xffff) * inv16 < transparency) {
								disclosedAll++;
								sLC += sigDisclosed;
								sGI += sigCandour;
							} else {
								nDiscovered++;
								sLC += sigFailure;
								sLR += sigFailure;
								sLI += sigConceal;
							}
						} else if (pp != 0 && (pp > 0 ? pp : -pp) >= patience) {
							// Nothing came of it: explained, or a broken promise.
							if (<f32>(initiativeBits(xs) & 0xffff) * inv16 < openness) {
								explained++;
								sUp += fatigue;
							} else {
								nBroken++;
								store<i32>(l4 + S_DROP, -1);
								sLI += sigBroken;
								sLN += sigBroken;
								sUp += sceptBroken;
							}
						} else if (pp == 0) {
							const c = load<f32>(l4 + S_CHANCE);
							if (v2 < c) {
								// The member gives their view; contributionFate (listening.ts).
								contributions++;
								store<i32>(qVoice + m, month);
								const f = v2 / c;
								if (f < latitude) {
									store<i32>(qPending + m, 1);
									pendingNext++;
								} else if (f < explainBound) {
									explained++;
									sUp += fatigue;
								} else store<i32>(qPending + m, -1);
							}
						}
						// A partner leaving takes the trust borrowed from it.
						if (load<i32>(qPartner + m) == left) {
							const owed = load<f32>(pBorrowed + m);
							if (owed > 0) {
								const takes = leavingShare * owed;
								sLI += takes;
								sLN += takes;
								store<f32>(pB + m, load<f32>(pB + m) - takes);
								store<f32>(pBorrowed + m, 0);
							}
							store<f32>(pReach + m, load<f32>(pReach + m) / reachBoost);
							store<i32>(qPartner + m, -1);
						}
						store<f32>(l4 + S_GAIN_I, sGI);
						store<f32>(l4 + S_GAIN_N, sGN);
						store<f32>(l4 + S_GAIN_C, sGC);
						store<f32>(l4 + S_GAIN_R, sGR);
						store<f32>(l4 + S_LOSS_I, sLI);
						store<f32>(l4 + S_LOSS_N, sLN);
						store<f32>(l4 + S_LOSS_C, sLC);
						store<f32>(l4 + S_LOSS_R, sLR);
						store<f32>(l4 + S_UP, sUp);
						store<f32>(l4 + S_DOWN, sDown);
					}
					gI = v128.load(base, S_GAIN_I);
					gN = v128.load(base, S_GAIN_N);
					gC = v128.load(base, S_GAIN_C);
					gR = v128.load(base, S_GAIN_R);
					lI = v128.load(base, S_LOSS_I);
					lN = v128.load(base, S_LOSS_N);
					lC = v128.load(base, S_LOSS_C);
					lR = v128.load(base, S_LOSS_R);
					up = v128.load(base, S_UP);
					down = v128.load(base, S_DOWN);
					dropped = v128.load(base, S_DROP);
				}

				// A partner cushions losses.
				const cf = v128.bitselect(
					v128.load(base, V_CUSHIONED),
					v128.load(base, V_ONE),
					i32x4.gt_s(v128.load(qPartner + at), v128.load(base, V_MINUS_ONE))
				);
				lI = f32x4.mul(lI, cf);
				lN = f32x4.mul(lN, cf);
				lC = f32x4.mul(lC, cf);
				lR = f32x4.mul(lR, cf);

				// The four components: log-odds step, drift, word of mouth.
				const b = v128.load(pB + at);
				const s0 = v128.load(pS + at);
				const discount = f32x4.sub(
					v128.load(base, V_ONE),
					f32x4.mul(v128.load(base, V_SCEPTICISM_WEIGHT), s0)
				);
				const charRate = v128.load(base, V_CHAR_RATE);
				const charLossRate = v128.load(base, V_CHAR_LOSS_RATE);
				const rate = v128.load(base, V_RATE);
				const lossRate = v128.load(base, V_LOSS_RATE);
				let vI = logOddsStep(v128.load(pI + at), gI, lI, charRate, charLossRate, discount, base);
				let vN = logOddsStep(v128.load(pN + at), gN, lN, charRate, charLossRate, discount, base);
				let vC = logOddsStep(v128.load(pC + at), gC, lC, rate, lossRate, discount, base);
				let vR = logOddsStep(v128.load(pR + at), gR, lR, rate, lossRate, discount, base);
				vI = wordOfMouth(fadeCharacter(vI, b, base), mI, base);
				vN = wordOfMouth(fadeCharacter(vN, b, base), mN, base);
				vC = wordOfMouth(forget(vC, b, base), mC, base);
				vR = wordOfMouth(forget(vR, b, base), mR, base);
				// updateScepticism (trust.ts).
				let s1 = f32x4.sub(
					f32x4.add(s0, f32x4.mul(up, f32x4.sub(v128.load(base, V_ONE), s0))),
					f32x4.mul(down, s0)
				);

				// overallTrust (trust.ts): the weighted harmonic mean, capped at 1, as one division:
				// 1 / (wI/I + wN/N + wC/C + wR/R) = I·N·C·R / (C·R·(wI·N + wN·I) + I·N·(wC·R + wR·C)).
				const fI = floored(vI, base);
				const fN = floored(vN, base);
				const fC = floored(vC, base);
				const fR = floored(vR, base);
				const character = f32x4.mul(fI, fN);
				const outcome = f32x4.mul(fC, fR);
				const T = f32x4.pmin(
					v128.load(base, V_ONE),
					f32x4.div(
						f32x4.mul(character, outcome),
						f32x4.add(
							f32x4.mul(outcome, f32x4.add(f32x4.mul(wI, fN), f32x4.mul(wN, fI))),
							f32x4.mul(character, f32x4.add(f32x4.mul(wC, fR), f32x4.mul(wR, fC)))
						)
					)
				);

				// ladderMove (ladder.ts): climb if invited and trusting enough, fall through neglect
				// or low trust, from the two ends of u1.
				const ramped = clamp01(
					f32x4.add(
						v128.load(base, V_HALF),
						f32x4.mul(
							f32x4.sub(T, column(base, COL_CLIMB, idx, idxHigh)),
							v128.load(base, V_INV_RAMP2)
						)
					),
					base
				);
				const invite = f32x4.mul(
					f32x4.mul(
						f32x4.mul(column(base, COL_INVITE, idx, idxHigh), v128.load(pReach + at)),
						ramped
					),
					f32x4.sub(v128.load(base, V_ONE), f32x4.mul(v128.load(base, V_SCEPTICISM_DAMPS), s1))
				);
				const climbs = f32x4.lt(u1, invite);
				const low = clamp01(
					f32x4.mul(
						f32x4.sub(column(base, COL_STAY, idx, idxHigh), T),
						v128.load(base, V_INV_RAMP)
					),
					base
				);
				const falls = f32x4.gt(
					u1,
					f32x4.sub(
						v128.load(base, V_ONE),
						f32x4.add(
							column(base, COL_DRIFT, idx, idxHigh),
							f32x4.mul(v128.load(base, V_LOW_TRUST_FALL), low)
						)
					)
				);
				// climbs: r + 1; else falls: r - 1 (masks are -1 where true).
				let next = i32x4.add(i32x4.sub(r, climbs), v128.andnot(falls, climbs));
				if (v128.any_true(dropped)) {
					// afterBrokenPromise (ladder.ts): down `brokenDrop` rungs, no lower than informed,
					// never up.
					const fallen = v128.bitselect(
						i32x4.sub(r, i32x4.splat(brokenDrop)),
						i32x4.min_s(r, v128.load(base, V_ONE_I)),
						i32x4.gt_s(r, i32x4.splat(brokenDrop + 1))
					);
					next = v128.bitselect(fallen, next, dropped);
				}

				// The months of taking part: joining a conversation is taking part in a consultation;
				// co-designing and co-producing is sharing decisions.
				let voice = v128.load(qVoice + at);
				if (conversation) {
					let joined = v128.and(
						i32x4.eq(r, i32x4.splat(INFORMED)),
						i32x4.eq(next, i32x4.splat(CONSULTED))
					);
					if (partial) joined = v128.and(joined, valid);
					if (v128.any_true(joined)) {
						voice = v128.bitselect(v128.load(base, V_MONTH), voice, joined);
						v128.store(qVoice + at, voice);
					}
				}
				let decided = v128.load(qDecided + at);
				let deciding = i32x4.ge_s(next, i32x4.splat(CO_DESIGNING));
				if (partial) deciding = v128.and(deciding, valid);
				if (v128.any_true(deciding)) {
					decided = v128.bitselect(v128.load(base, V_MONTH), decided, deciding);
					v128.store(qDecided + at, decided);
				}
				const yearAgo = v128.load(base, V_YEAR_AGO);
				let inVoice = i32x4.ge_s(voice, yearAgo);
				let inHeard = i32x4.ge_s(v128.load(qHeard + at), yearAgo);
				let inDecided = i32x4.ge_s(decided, yearAgo);
				if (partial) {
					inVoice = v128.and(inVoice, valid);
					inHeard = v128.and(inHeard, valid);
					inDecided = v128.and(inDecided, valid);
				}
				voiceV = i32x4.sub(voiceV, inVoice);
				heardV = i32x4.sub(heardV, inHeard);
				decidedV = i32x4.sub(decidedV, inDecided);

				// Health outcomes. Lanes past the segment's end look up rung -1, which has no entry.
				let counted = next;
				if (partial) counted = v128.bitselect(next, v128.load(base, V_MINUS_ONE), valid);
				const idxNext = byteIndex(counted, base);
				const idxNextHigh = i8x16.sub(idxNext, v128.load(base, V_SIXTEEN));
				const hz = column(base, COL_HAZARD, idxNext, idxNextHigh);
				const ch = v128.load(pChanged + at);
				let dc = f32x4.mul(hz, f32x4.sub(v128.load(base, V_ONE), ch));
				let chNext = f32x4.add(ch, dc);

				// Write back and add up; in a partial group, only the segment's own lanes.
				let tT = T;
				let tS = s1;
				if (partial) {
					vI = v128.bitselect(vI, v128.load(pI + at), valid);
					vN = v128.bitselect(vN, v128.load(pN + at), valid);
					vC = v128.bitselect(vC, v128.load(pC + at), valid);
					vR = v128.bitselect(vR, v128.load(pR + at), valid);
					s1 = v128.bitselect(s1, s0, valid);
					next = v128.bitselect(next, r, valid);
					chNext = v128.bitselect(chNext, ch, valid);
					tT = v128.and(T, valid);
					tS = v128.and(tS, valid);
					dc = v128.and(dc, valid);
				}
				v128.store(pI + at, vI);
				v128.store(pN + at, vN);
				v128.store(pC + at, vC);
				v128.store(pR + at, vR);
				v128.store(pS + at, s1);
				v128.store(qRung + at, next);
				v128.store(pChanged + at, chNext);
				if (partial) {
					aI = f32x4.add(aI, v128.and(vI, valid));
					aN = f32x4.add(aN, v128.and(vN, valid));
					aC = f32x4.add(aC, v128.and(vC, valid));
					aR = f32x4.add(aR, v128.and(vR, valid));
				} else {
					aI = f32x4.add(aI, vI);
					aN = f32x4.add(aN, vN);
					aC = f32x4.add(aC, vC);
					aR = f32x4.add(aR, vR);
				}
				aT = f32x4.add(aT, tT);
				aS = f32x4.add(aS, tS);
				aH = f32x4.add(aH, dc);
				// One bit in the rung's 5-bit field of each lane (a block adds at most 16 per lane).
				rungBits = i32x4.add(
					rungBits,
					v128.or(
						i8x16.swizzle(v128.load(base, V_ONE_HOT_LOW), idxNext),
						i8x16.swizzle(v128.load(base, V_ONE_HOT_HIGH), idxNextHigh)
					)
				);
			}
			const bits = i32x4.splat(31);
			n0 = i32x4.add(n0, v128.and(rungBits, bits));
			n1 = i32x4.add(n1, v128.and(i32x4.shr_u(rungBits, 5), bits));
			n2 = i32x4.add(n2, v128.and(i32x4.shr_u(rungBits, 10), bits));
			n3 = i32x4.add(n3, v128.and(i32x4.shr_u(rungBits, 15), bits));
			n4 = i32x4.add(n4, v128.and(i32x4.shr_u(rungBits, 20), bits));
			n5 = i32x4.add(n5, v128.and(i32x4.shr_u(rungBits, 25), bits));
			tIlo = f64x2.add(tIlo, widenLow(aI));
			tIhi = f64x2.add(tIhi, widenHigh(aI));
			tNlo = f64x2.add(tNlo, widenLow(aN));
			tNhi = f64x2.add(tNhi, widenHigh(aN));
			tClo = f64x2.add(tClo, widenLow(aC));
			tChi = f64x2.add(tChi, widenHigh(aC));
			tRlo = f64x2.add(tRlo, widenLow(aR));
			tRhi = f64x2.add(tRhi, widenHigh(aR));
			tTlo = f64x2.add(tTlo, widenLow(aT));
			tThi = f64x2.add(tThi, widenHigh(aT));
			tSlo = f64x2.add(tSlo, widenLow(aS));
			tShi = f64x2.add(tShi, widenHigh(aS));
			tHlo = f64x2.add(tHlo, widenLow(aH));
			tHhi = f64x2.add(tHhi, widenHigh(aH));
		}
		i = end;
		store<f64>(o + AT_SUMS, total(tIlo, tIhi));
		store<f64>(o + AT_SUMS, total(tNlo, tNhi), 8);
		store<f64>(o + AT_SUMS, total(tClo, tChi), 16);
		store<f64>(o + AT_SUMS, total(tRlo, tRhi), 24);
		trustSum += total(tTlo, tThi);
		sceptSum += total(tSlo, tShi);
		changedNew += total(tHlo, tHhi);
		store<f64>(o1 + AT_ACTED, <f64>nActed);
		store<f64>(o1 + AT_BROKEN, <f64>nBroken);
		store<f64>(o1 + AT_SUCCESSES, <f64>nSuccess);
		store<f64>(o1 + AT_DISCOVERED, <f64>nDiscovered);
		successAll += nSuccess;
		discoveredAll += nDiscovered;
	}
	v128.store(base + AT_RNG, ra);
	v128.store(base + AT_RNG, rb, 16);
	v128.store(base + AT_RNG, rc, 32);
	v128.store(base + AT_RNG, rd, 48);
	const rc0 = base + AT_RUNG_COUNT;
	store<f64>(rc0, <f64>laneSum(n0));
	store<f64>(rc0, <f64>laneSum(n1), 8);
	store<f64>(rc0, <f64>laneSum(n2), 16);
	store<f64>(rc0, <f64>laneSum(n3), 24);
	store<f64>(rc0, <f64>laneSum(n4), 32);
	store<f64>(rc0, <f64>laneSum(n5), 40);
	store<f64>(base + T_TRUST, trustSum);
	store<f64>(base + T_SCEPTICISM, sceptSum);
	store<f64>(base + T_PENDING, <f64>(pendingNext + laneSum(waitingV)));
	store<f64>(base + T_DISCLOSED, <f64>disclosedAll);
	store<f64>(base + T_DISCOVERED, <f64>discoveredAll);
	store<f64>(base + T_SUCCESSES, <f64>successAll);
	store<f64>(base + T_EXPLAINED, <f64>explained);
	store<f64>(base + T_CHANGED, changedNew);
	store<f64>(base + T_CONTRIBUTIONS, <f64>contributions);
	store<f64>(base + T_VOICE_YEAR, <f64>laneSum(voiceV));
	store<f64>(base + T_HEARD_YEAR, <f64>laneSum(heardV));
	store<f64>(base + T_DECIDED_YEAR, <f64>laneSum(decidedV));
}

function laneSum(v: v128): i32 {
	return (
		i32x4.extract_lane(v, 0) +
		i32x4.extract_lane(v, 1) +
		i32x4.extract_lane(v, 2) +
		i32x4.extract_lane(v, 3)
	);
}
