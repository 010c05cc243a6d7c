/**
 * The member step as a WebAssembly kernel, written in AssemblyScript and compiled by
 * `scripts/build-kernel.mjs` (on install, and before every build, check and test).
 *
 * It computes exactly what `stepMembers` in `src/lib/sim/members.ts` computes, bit for bit
 * (a unit test runs both on every preset and on random scenarios), four members at a time:
 * the members' state is single precision, so one 128-bit SIMD instruction updates four
 * members, and every operation is one IEEE operation, which `stepMembers` reproduces with
 * Math.fround. The formulas and their sources are documented there and in docs/model.md;
 * this file follows the same order of operations, because floating-point results depend on it.
 *
 * Members move in groups of four within a segment (the last group of a segment may be
 * partial: its missing lanes compute but write nothing back). Member j of a segment draws
 * from random stream j mod 4. A group in which some member has something happening (a
 * contribution outstanding or made, a partner leaving) first handles those members one by
 * one, in scalar code, then rejoins the vector path.
 *
 * All state lives in the module's memory, laid out by `src/lib/sim/kernel.ts`. Every argument
 * is a count or a byte address.
 */

// Scalars at kAt (f32, in this order; see K in src/lib/sim/members.ts).
const K_ALPHA: i32 = 0;
const K_CHAR_GAIN: i32 = 1;
const K_LOSS: i32 = 2;
const K_CHAR_LOSS: i32 = 3;
const K_TRANSPARENCY: i32 = 4;
const K_PATIENCE: i32 = 5;
const K_LATITUDE: i32 = 6;
const K_EXPLAIN: i32 = 7;
const K_SCEPT_WEIGHT: i32 = 8;
const K_MU: i32 = 9;
const K_INV_EPS2: i32 = 10;
const K_PARTNER_TAKES: i32 = 11;
const K_PARTNER_SHARE: i32 = 12;
const K_P_ACT: i32 = 13;
const K_P_SUCCESS: i32 = 14;
const K_SIG_ACTED: i32 = 15;
const K_SIG_SUCCESS: i32 = 16;
const K_SIG_FAILURE: i32 = 17;
const K_SIG_DISCLOSED: i32 = 18;
const K_SIG_CANDOUR: i32 = 19;
const K_SIG_EXPLAINED: i32 = 20;
const K_SIG_CONCEAL: i32 = 21;
const K_SIG_BROKEN: i32 = 22;
const K_SCEPT_ACTED: i32 = 23;
const K_SCEPT_BROKEN: i32 = 24;
const K_FLOOR: i32 = 25;
const K_FORGETTING: i32 = 26;
const K_CHAR_FADE: i32 = 27;
const K_INV_RAMP: i32 = 28;
const K_INV_RAMP2: i32 = 29;
const K_LOW_TRUST_FALL: i32 = 30;
const K_REACH_BOOST: i32 = 31;
const K_SCEPT_DAMP: i32 = 32;
const K_LEFT: i32 = 33;
const K_BROKEN_DROP: i32 = 34;
const K_PRESENCE_GAIN: i32 = 35;
const K_INVOLVE_GAIN: i32 = 36;
const K_CUSHION: i32 = 37;

// The partner number that means no partner leaves this month (NO_PARTNER in members.ts).
const NO_PARTNER: i32 = 1 << 20;

// Per-rung columns at tabAt: 8 f32 each (rungs 0-5, then two unused).
const COL_CLIMB: i32 = 0;
const COL_STAY: i32 = 1;
const COL_INVITE: i32 = 2;
const COL_CONTRIB: i32 = 3;
const COL_DRIFT: i32 = 4;
const COL_HAZARD: i32 = 5;
const ENGAGED: i32 = 3;

// Totals at totalsAt (f64).
const T_TRUST: i32 = 0;
const T_SCEPTICISM: i32 = 1;
const T_PENDING: i32 = 2;
const T_DISCLOSED: i32 = 3;
const T_DISCOVERED: i32 = 4;
const T_SUCCESS: i32 = 5;
const T_EXPLAINED: i32 = 6;
const T_CHANGED: i32 = 7;

// Scratch at scratchAt (16 bytes each): the adjustments of members handled one by one, and the
// group's draws and pending contributions.
const D_GI: i32 = 0;
const D_GN: i32 = 16;
const D_GC: i32 = 32;
const D_GR: i32 = 48;
const D_LI: i32 = 64;
const D_LN: i32 = 80;
const D_LC: i32 = 96;
const D_LR: i32 = 112;
const D_UP: i32 = 128;
const D_S: i32 = 144;
const D_DROP: i32 = 160;
const D_X: i32 = 176;
const D_P: i32 = 192;

// Vector constants at vAt (16 bytes each).
const V_ALPHA: i32 = 0;
const V_CHAR_GAIN_RATE: i32 = 16;
const V_LOSS_RATE: i32 = 32;
const V_CHAR_LOSS_RATE: i32 = 48;
const V_SCEPTICISM_WEIGHT: i32 = 64;
const V_MU: i32 = 80;
const V_INV_EPS2: i32 = 96;
const V_FLOOR: i32 = 112;
const V_FORGETTING: i32 = 128;
const V_CHAR_FADE: i32 = 144;
const V_INV_RAMP: i32 = 160;
const V_INV_RAMP2: i32 = 176;
const V_LOW_TRUST_FALL: i32 = 192;
const V_SCEPT_DAMP: i32 = 208;
const V_PRESENCE_GAIN: i32 = 224;
const V_INVOLVE_GAIN: i32 = 240;
const V_CUSHION: i32 = 256;
const V_LEFT_V: i32 = 272;
const V_ONE: i32 = 288;
const V_ZERO: i32 = 304;
const V_HALF: i32 = 320;
const V_INV16V: i32 = 336;
const V_LOW16: i32 = 352;
const V_ONE_I: i32 = 368;
const V_MINUS_ONE: i32 = 384;
const V_ZERO_I: i32 = 400;
const V_P_ACT_V: i32 = 416;
const V_PATIENCE_V: i32 = 432;
const V_LANES: i32 = 448;
const V_BYTE_RUNG: i32 = 464;
const V_BYTE_LANE: i32 = 480;
const V_SIXTEEN: i32 = 496;
const V_INFORMED_BELOW: i32 = 512;
const V_DROP_ABOVE: i32 = 528;
const V_DROP_BY: i32 = 544;
const V_RUNG_ONE: i32 = 560;
const V_CONSULTED_V: i32 = 576;
const V_ONE_HOT_LOW: i32 = 592;
const V_ONE_HOT_HIGH: i32 = 608;

// Members a block of lane sums covers before it is added into the segment's f64 totals.
const BLOCK: i32 = 64;

function k(kAt: i32, index: i32): f32 {
	return load<f32>(kAt + (index << 2));
}

function kv(kAt: i32, index: i32): v128 {
	return f32x4.splat(load<f32>(kAt + (index << 2)));
}

/** The column's value on each lane's rung; `idx` holds byte indices 4r..4r+3 per lane. */
function column(tabAt: i32, col: i32, idx: v128, idxHigh: v128): v128 {
	const at = tabAt + (col << 5);
	return v128.or(i8x16.swizzle(v128.load(at), idx), i8x16.swizzle(v128.load(at, 16), idxHigh));
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

/** x + min(1, gainRate·g)·(1 − x) − min(1, lossRate·l)·x: saturating gains, proportional losses. */
function moved(x: v128, g: v128, l: v128, gainRate: v128, lossRate: v128, vAt: i32): v128 {
	const one = v128.load(vAt + V_ONE);
	return f32x4.sub(
		f32x4.add(x, f32x4.mul(f32x4.pmin(one, f32x4.mul(gainRate, g)), f32x4.sub(one, x))),
		f32x4.mul(f32x4.pmin(one, f32x4.mul(lossRate, l)), x)
	);
}

/** A character component after `moved`: what stood above the baseline `b` fades. */
function fadeCharacter(next: v128, x: v128, b: v128, vAt: i32): v128 {
	return f32x4.sub(
		next,
		f32x4.mul(v128.load(vAt + V_CHAR_FADE), f32x4.pmax(v128.load(vAt + V_ZERO), f32x4.sub(x, b)))
	);
}

/** An outcome component after `moved`: performance memory drifts back to the baseline `b`. */
function driftOutcome(next: v128, x: v128, b: v128, vAt: i32): v128 {
	return f32x4.add(next, f32x4.mul(v128.load(vAt + V_FORGETTING), f32x4.sub(b, x)));
}

/** Word of mouth: x moves towards the segment's opinion m, within the open-mindedness ε. */
function heard(x: v128, m: v128, vAt: i32): v128 {
	const d = f32x4.sub(m, x);
	return f32x4.add(
		x,
		f32x4.mul(
			f32x4.mul(v128.load(vAt + V_MU), d),
			f32x4.pmax(
				v128.load(vAt + V_ZERO),
				f32x4.sub(v128.load(vAt + V_ONE), f32x4.mul(f32x4.mul(d, d), v128.load(vAt + V_INV_EPS2)))
			)
		)
	);
}

/** One month for every member. `argsAt` holds the counts and addresses listed below, as i32. */
export function step(argsAt: i32): void {
	const segments = load<i32>(argsAt, 0);
	const stride = load<i32>(argsAt, 4);
	const f32At = load<i32>(argsAt, 8);
	const i32At = load<i32>(argsAt, 12);
	const countsAt = load<i32>(argsAt, 16);
	const gainAt = load<i32>(argsAt, 20);
	const lossAt = load<i32>(argsAt, 24);
	const sUpAt = load<i32>(argsAt, 28);
	const sDownAt = load<i32>(argsAt, 32);
	const meanAt = load<i32>(argsAt, 36);
	const weightsAt = load<i32>(argsAt, 40);
	const tabAt = load<i32>(argsAt, 44);
	const kAt = load<i32>(argsAt, 48);
	const rngAt = load<i32>(argsAt, 52);
	const scratchAt = load<i32>(argsAt, 56);
	const vAt = load<i32>(argsAt, 60);
	const sumsAt = load<i32>(argsAt, 64);
	const actedAt = load<i32>(argsAt, 68);
	const brokenAt = load<i32>(argsAt, 72);
	const successesAt = load<i32>(argsAt, 76);
	const discoveredAt = load<i32>(argsAt, 80);
	const rungCountAt = load<i32>(argsAt, 84);
	const totalsAt = load<i32>(argsAt, 88);
	const field = stride << 2;
	const pI = f32At;
	const pN = pI + field;
	const pC = pN + field;
	const pR = pC + field;
	const pS = pR + field;
	const pB = pS + field;
	const pReach = pB + field;
	const pBorrowed = pReach + field;
	const pChanged = pBorrowed + field;
	const qRung = i32At;
	const qPending = qRung + field;
	const qPartner = qPending + field;

	// Scalars for the members handled one by one.
	const transparency = k(kAt, K_TRANSPARENCY);
	const patience = <i32>k(kAt, K_PATIENCE);
	const latitude = k(kAt, K_LATITUDE);
	const explainBound = k(kAt, K_EXPLAIN);
	const partnerTakes = k(kAt, K_PARTNER_TAKES);
	const partnerShare = k(kAt, K_PARTNER_SHARE);
	const pAct = k(kAt, K_P_ACT);
	const pSuccess = k(kAt, K_P_SUCCESS);
	const sigActed = k(kAt, K_SIG_ACTED);
	const sigSuccess = k(kAt, K_SIG_SUCCESS);
	const sigFailure = k(kAt, K_SIG_FAILURE);
	const sigDisclosed = k(kAt, K_SIG_DISCLOSED);
	const sigCandour = k(kAt, K_SIG_CANDOUR);
	const sigExplained = k(kAt, K_SIG_EXPLAINED);
	const sigConceal = k(kAt, K_SIG_CONCEAL);
	const sigBroken = k(kAt, K_SIG_BROKEN);
	const sceptActed = k(kAt, K_SCEPT_ACTED);
	const sceptBroken = k(kAt, K_SCEPT_BROKEN);
	const reachBoost = k(kAt, K_REACH_BOOST);
	const left = <i32>k(kAt, K_LEFT);
	const brokenDrop = <i32>k(kAt, K_BROKEN_DROP);
	const inv16: f32 = 1.0 / 65536.0;
	const someoneLeaves = left != NO_PARTNER;

	// Vector constants live in memory and are loaded where used: a load is one instruction,
	// cheaper than keeping more values alive than there are registers.
	v128.store(vAt + V_ALPHA, kv(kAt, K_ALPHA));
	v128.store(vAt + V_CHAR_GAIN_RATE, kv(kAt, K_CHAR_GAIN));
	v128.store(vAt + V_LOSS_RATE, kv(kAt, K_LOSS));
	v128.store(vAt + V_CHAR_LOSS_RATE, kv(kAt, K_CHAR_LOSS));
	v128.store(vAt + V_SCEPTICISM_WEIGHT, kv(kAt, K_SCEPT_WEIGHT));
	v128.store(vAt + V_MU, kv(kAt, K_MU));
	v128.store(vAt + V_INV_EPS2, kv(kAt, K_INV_EPS2));
	v128.store(vAt + V_FLOOR, kv(kAt, K_FLOOR));
	v128.store(vAt + V_FORGETTING, kv(kAt, K_FORGETTING));
	v128.store(vAt + V_CHAR_FADE, kv(kAt, K_CHAR_FADE));
	v128.store(vAt + V_INV_RAMP, kv(kAt, K_INV_RAMP));
	v128.store(vAt + V_INV_RAMP2, kv(kAt, K_INV_RAMP2));
	v128.store(vAt + V_LOW_TRUST_FALL, kv(kAt, K_LOW_TRUST_FALL));
	v128.store(vAt + V_SCEPT_DAMP, kv(kAt, K_SCEPT_DAMP));
	v128.store(vAt + V_PRESENCE_GAIN, kv(kAt, K_PRESENCE_GAIN));
	v128.store(vAt + V_INVOLVE_GAIN, kv(kAt, K_INVOLVE_GAIN));
	v128.store(vAt + V_CUSHION, kv(kAt, K_CUSHION));
	v128.store(vAt + V_LEFT_V, i32x4.splat(left));
	v128.store(vAt + V_ONE, f32x4.splat(1));
	v128.store(vAt + V_ZERO, f32x4.splat(0));
	v128.store(vAt + V_HALF, f32x4.splat(0.5));
	v128.store(vAt + V_INV16V, f32x4.splat(inv16));
	v128.store(vAt + V_LOW16, i32x4.splat(0xffff));
	v128.store(vAt + V_ONE_I, i32x4.splat(1));
	v128.store(vAt + V_MINUS_ONE, i32x4.splat(-1));
	v128.store(vAt + V_ZERO_I, i32x4.splat(0));
	v128.store(vAt + V_P_ACT_V, f32x4.splat(pAct));
	v128.store(vAt + V_PATIENCE_V, i32x4.splat(patience));
	v128.store(vAt + V_LANES, i32x4(0, 1, 2, 3));
	v128.store(vAt + V_BYTE_RUNG, i32x4.splat(0x04040404));
	v128.store(vAt + V_BYTE_LANE, i32x4.splat(0x03020100));
	v128.store(vAt + V_SIXTEEN, i8x16.splat(16));
	v128.store(vAt + V_INFORMED_BELOW, i32x4.splat(0));
	v128.store(vAt + V_DROP_ABOVE, i32x4.splat(brokenDrop + 1));
	v128.store(vAt + V_DROP_BY, i32x4.splat(brokenDrop));
	v128.store(vAt + V_RUNG_ONE, i32x4.splat(1));
	v128.store(vAt + V_CONSULTED_V, i32x4.splat(ENGAGED - 1));
	v128.store(vAt + V_ONE_HOT_LOW, i32x4(1, 1 << 5, 1 << 10, 1 << 15));
	v128.store(vAt + V_ONE_HOT_HIGH, i32x4(1 << 20, 1 << 25, 0, 0));

	let ra = v128.load(rngAt);
	let rb = v128.load(rngAt, 16);
	let rc = v128.load(rngAt, 32);
	let rd = v128.load(rngAt, 48);

	let n0 = i32x4.splat(0);
	let n1 = i32x4.splat(0);
	let n2 = i32x4.splat(0);
	let n3 = i32x4.splat(0);
	let n4 = i32x4.splat(0);
	let n5 = i32x4.splat(0);
	let waitingV = i32x4.splat(0);
	let trustSum: f64 = 0;
	let sceptSum: f64 = 0;
	let changedNew: f64 = 0;
	let pendingNext: i32 = 0;
	let disclosedAll: i32 = 0;
	let discoveredAll: i32 = 0;
	let successAll: i32 = 0;
	let explained: i32 = 0;

	let i: i32 = 0;
	for (let seg: i32 = 0; seg < segments; seg++) {
		const o = seg << 4;
		const gI0 = f32x4.splat(load<f32>(gainAt + o));
		const gN0 = f32x4.splat(load<f32>(gainAt + o, 4));
		const gC0 = f32x4.splat(load<f32>(gainAt + o, 8));
		const gR0 = f32x4.splat(load<f32>(gainAt + o, 12));
		const lI0 = f32x4.splat(load<f32>(lossAt + o));
		const lN0 = f32x4.splat(load<f32>(lossAt + o, 4));
		const lC0 = f32x4.splat(load<f32>(lossAt + o, 8));
		const lR0 = f32x4.splat(load<f32>(lossAt + o, 12));
		const up0 = f32x4.splat(load<f32>(sUpAt + (seg << 2)));
		const down = f32x4.splat(load<f32>(sDownAt + (seg << 2)));
		const mI = f32x4.splat(load<f32>(meanAt + o));
		const mN = f32x4.splat(load<f32>(meanAt + o, 4));
		const mC = f32x4.splat(load<f32>(meanAt + o, 8));
		const mR = f32x4.splat(load<f32>(meanAt + o, 12));
		const wI = f32x4.splat(load<f32>(weightsAt + o));
		const wN = f32x4.splat(load<f32>(weightsAt + o, 4));
		const wC = f32x4.splat(load<f32>(weightsAt + o, 8));
		const wR = f32x4.splat(load<f32>(weightsAt + o, 12));
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
		const end = i + load<i32>(countsAt + (seg << 2));
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
					? i32x4.lt_s(v128.load(vAt + V_LANES), i32x4.splat(end - i))
					: v128.load(vAt + V_MINUS_ONE);
				const at = i << 2;

				// One SFC32 draw per lane: high half for the ladder, low half for contributing and acting.
				const x = i32x4.add(i32x4.add(ra, rb), rd);
				let nd = i32x4.add(rd, v128.load(vAt + V_ONE_I));
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
				const u1 = f32x4.mul(f32x4.convert_i32x4_s(i32x4.shr_u(x, 16)), v128.load(vAt + V_INV16V));
				const u2 = f32x4.mul(
					f32x4.convert_i32x4_s(v128.and(x, v128.load(vAt + V_LOW16))),
					v128.load(vAt + V_INV16V)
				);

				const r = v128.load(qRung + at);
				const idx = i32x4.add(
					i32x4.mul(r, v128.load(vAt + V_BYTE_RUNG)),
					v128.load(vAt + V_BYTE_LANE)
				);
				const idxHigh = i8x16.sub(idx, v128.load(vAt + V_SIXTEEN));
				const contrib = column(tabAt, COL_CONTRIB, idx, idxHigh);
				const p = v128.load(qPending + at);
				let pk = v128.load(qPartner + at);
				let s0 = v128.load(pS + at);

				// Experience of the service (informed and above), involvement (engaged and above).
				const service = v128.and(
					i32x4.gt_s(r, v128.load(vAt + V_INFORMED_BELOW)),
					v128.load(vAt + V_PRESENCE_GAIN)
				);
				let gI = gI0;
				let gN = f32x4.add(
					gN0,
					v128.and(i32x4.gt_s(r, v128.load(vAt + V_CONSULTED_V)), v128.load(vAt + V_INVOLVE_GAIN))
				);
				let gC = f32x4.add(gC0, service);
				let gR = f32x4.add(gR0, service);
				let lI = lI0;
				let lN = lN0;
				let lC = lC0;
				let lR = lR0;
				let up = up0;

				// Members with something happening: a contribution settled or made, a partner leaving.
				let rare = f32x4.lt(u2, contrib);
				if (v128.any_true(p)) {
					// Waiting contributions age by a month; those acted on or past patience are settled.
					const pPos = i32x4.gt_s(p, v128.load(vAt + V_ZERO_I));
					const pSet = i32x4.ne(p, v128.load(vAt + V_ZERO_I));
					const acted = v128.and(pPos, f32x4.lt(u2, v128.load(vAt + V_P_ACT_V)));
					const expired = v128.andnot(
						v128.and(pSet, i32x4.ge_s(i32x4.abs(p), v128.load(vAt + V_PATIENCE_V))),
						acted
					);
					const settled = v128.or(acted, expired);
					// p + 1 where p > 0, p - 1 where p < 0 (masks are -1 where true); settled ones 0.
					let aged = v128.andnot(
						i32x4.add(i32x4.sub(p, pPos), i32x4.lt_s(p, v128.load(vAt + V_ZERO_I))),
						settled
					);
					let stillWaiting = v128.andnot(pPos, settled);
					rare = v128.or(settled, v128.andnot(rare, pSet));
					if (partial) {
						aged = v128.bitselect(aged, p, valid);
						stillWaiting = v128.and(stillWaiting, valid);
					}
					v128.store(qPending + at, aged);
					waitingV = i32x4.sub(waitingV, stillWaiting);
				}
				if (someoneLeaves) rare = v128.or(rare, i32x4.eq(pk, v128.load(vAt + V_LEFT_V)));
				if (partial) rare = v128.and(rare, valid);
				let dropped = v128.load(vAt + V_ZERO_I);
				let rareBits = i32x4.bitmask(rare);
				if (rareBits != 0) {
					v128.store(scratchAt + D_X, x);
					v128.store(scratchAt + D_P, p);
					while (rareBits != 0) {
						const lane = ctz<i32>(rareBits);
						rareBits &= rareBits - 1;
						const m = (i + lane) << 2;
						const l4 = lane << 2;
						const xs = load<i32>(scratchAt + D_X + l4);
						const pp = load<i32>(scratchAt + D_P + l4);
						const v2: f32 = <f32>(xs & 0xffff) * inv16;
						let dGI: f32 = 0,
							dGN: f32 = 0,
							dGC: f32 = 0,
							dGR: f32 = 0,
							dLI: f32 = 0,
							dLN: f32 = 0,
							dLC: f32 = 0,
							dLR: f32 = 0,
							dUp: f32 = 0,
							dS: f32 = 0,
							drop: i32 = 0;
						// Listening and acting.
						if (pp != 0) {
							if (pp > 0 && v2 < pAct) {
								nActed++;
								dGI += sigActed;
								dGN += sigActed;
								dS = sceptActed * load<f32>(pS + m);
								let y: i32 = (xs ^ (<i32>((<u32>xs) >> 15))) * 0x2c1b3c6d;
								y = ((y ^ (<i32>((<u32>y) >> 12))) * 0x297a2d39) ^ (<i32>((<u32>y) >> 15));
								if (<f32>((<u32>y) >> 16) * inv16 < pSuccess) {
									nSuccess++;
									dGC += sigSuccess;
									dGR += sigSuccess;
								} else if (<f32>(y & 0xffff) * inv16 < transparency) {
									disclosedAll++;
									dLC += sigDisclosed;
									dGI += sigCandour;
								} else {
									nDiscovered++;
									dLC += sigFailure;
									dLR += sigFailure;
									dLI += sigConceal;
								}
							} else if ((pp > 0 ? pp : -pp) >= patience) {
								nBroken++;
								dLI += sigBroken;
								dLN += sigBroken;
								dUp += sceptBroken;
								drop = -1;
							}
						} else {
							const c = load<f32>(tabAt + (COL_CONTRIB << 5) + (load<i32>(qRung + m) << 2));
							if (v2 < c) {
								const f = v2 / c;
								if (f < latitude) {
									store<i32>(qPending + m, 1);
									pendingNext++;
								} else if (f < explainBound) {
									dGI += sigExplained;
									explained++;
								} else store<i32>(qPending + m, -1);
							}
						}
						// A partner leaving takes the trust borrowed from it.
						if (load<i32>(qPartner + m) == left) {
							store<i32>(qPartner + m, -1);
							const owed = load<f32>(pBorrowed + m);
							if (owed > 0) {
								dLI += partnerTakes;
								dLN += partnerTakes;
								store<f32>(pB + m, load<f32>(pB + m) - partnerShare * owed);
								store<f32>(pBorrowed + m, 0);
							}
							store<f32>(pReach + m, load<f32>(pReach + m) / reachBoost);
						}
						store<f32>(scratchAt + D_GI + l4, dGI);
						store<f32>(scratchAt + D_GN + l4, dGN);
						store<f32>(scratchAt + D_GC + l4, dGC);
						store<f32>(scratchAt + D_GR + l4, dGR);
						store<f32>(scratchAt + D_LI + l4, dLI);
						store<f32>(scratchAt + D_LN + l4, dLN);
						store<f32>(scratchAt + D_LC + l4, dLC);
						store<f32>(scratchAt + D_LR + l4, dLR);
						store<f32>(scratchAt + D_UP + l4, dUp);
						store<f32>(scratchAt + D_S + l4, dS);
						store<i32>(scratchAt + D_DROP + l4, drop);
					}
					gI = v128.bitselect(f32x4.add(gI, v128.load(scratchAt + D_GI)), gI, rare);
					gN = v128.bitselect(f32x4.add(gN, v128.load(scratchAt + D_GN)), gN, rare);
					gC = v128.bitselect(f32x4.add(gC, v128.load(scratchAt + D_GC)), gC, rare);
					gR = v128.bitselect(f32x4.add(gR, v128.load(scratchAt + D_GR)), gR, rare);
					lI = v128.bitselect(f32x4.add(lI, v128.load(scratchAt + D_LI)), lI, rare);
					lN = v128.bitselect(f32x4.add(lN, v128.load(scratchAt + D_LN)), lN, rare);
					lC = v128.bitselect(f32x4.add(lC, v128.load(scratchAt + D_LC)), lC, rare);
					lR = v128.bitselect(f32x4.add(lR, v128.load(scratchAt + D_LR)), lR, rare);
					up = v128.bitselect(f32x4.add(up, v128.load(scratchAt + D_UP)), up, rare);
					s0 = v128.bitselect(f32x4.sub(s0, v128.load(scratchAt + D_S)), s0, rare);
					dropped = v128.and(v128.load(scratchAt + D_DROP), rare);
					pk = v128.load(qPartner + at);
				}

				// A partner cushions losses.
				const cf = v128.bitselect(
					v128.load(vAt + V_CUSHION),
					v128.load(vAt + V_ONE),
					i32x4.gt_s(pk, v128.load(vAt + V_MINUS_ONE))
				);
				lI = f32x4.mul(lI, cf);
				lN = f32x4.mul(lN, cf);
				lC = f32x4.mul(lC, cf);
				lR = f32x4.mul(lR, cf);

				// Trust components: character (integrity, intent) fades above the baseline,
				// outcomes (competence, results) drift back to it; then word of mouth.
				let vI = v128.load(pI + at);
				let vN = v128.load(pN + at);
				let vC = v128.load(pC + at);
				let vR = v128.load(pR + at);
				const b = v128.load(pB + at);
				const charGain = v128.load(vAt + V_CHAR_GAIN_RATE);
				const charLoss = v128.load(vAt + V_CHAR_LOSS_RATE);
				vI = fadeCharacter(moved(vI, gI, lI, charGain, charLoss, vAt), vI, b, vAt);
				vN = fadeCharacter(moved(vN, gN, lN, charGain, charLoss, vAt), vN, b, vAt);
				const gain = v128.load(vAt + V_ALPHA);
				const loss = v128.load(vAt + V_LOSS_RATE);
				vC = driftOutcome(moved(vC, gC, lC, gain, loss, vAt), vC, b, vAt);
				vR = driftOutcome(moved(vR, gR, lR, gain, loss, vAt), vR, b, vAt);
				vI = heard(vI, mI, vAt);
				vN = heard(vN, mN, vAt);
				vC = heard(vC, mC, vAt);
				vR = heard(vR, mR, vAt);
				s0 = f32x4.sub(
					f32x4.add(s0, f32x4.mul(up, f32x4.sub(v128.load(vAt + V_ONE), s0))),
					f32x4.mul(down, s0)
				);

				// Overall trust: weighted harmonic mean, discounted by scepticism.
				const fI = f32x4.pmax(vI, v128.load(vAt + V_FLOOR));
				const fN = f32x4.pmax(vN, v128.load(vAt + V_FLOOR));
				const fC = f32x4.pmax(vC, v128.load(vAt + V_FLOOR));
				const fR = f32x4.pmax(vR, v128.load(vAt + V_FLOOR));
				const character = f32x4.mul(fI, fN);
				const outcome = f32x4.mul(fC, fR);
				const T = f32x4.pmin(
					v128.load(vAt + V_ONE),
					f32x4.div(
						f32x4.mul(
							f32x4.mul(
								f32x4.sub(
									v128.load(vAt + V_ONE),
									f32x4.mul(v128.load(vAt + V_SCEPTICISM_WEIGHT), s0)
								),
								character
							),
							outcome
						),
						f32x4.add(
							f32x4.mul(outcome, f32x4.add(f32x4.mul(wI, fN), f32x4.mul(wN, fI))),
							f32x4.mul(character, f32x4.add(f32x4.mul(wC, fR), f32x4.mul(wR, fC)))
						)
					)
				);

				// The ladder.
				const ramped = f32x4.pmin(
					v128.load(vAt + V_ONE),
					f32x4.pmax(
						v128.load(vAt + V_ZERO),
						f32x4.add(
							v128.load(vAt + V_HALF),
							f32x4.mul(
								f32x4.sub(T, column(tabAt, COL_CLIMB, idx, idxHigh)),
								v128.load(vAt + V_INV_RAMP2)
							)
						)
					)
				);
				const invite = f32x4.mul(
					f32x4.mul(
						f32x4.mul(column(tabAt, COL_INVITE, idx, idxHigh), v128.load(pReach + at)),
						ramped
					),
					f32x4.sub(v128.load(vAt + V_ONE), f32x4.mul(v128.load(vAt + V_SCEPT_DAMP), s0))
				);
				const climbs = f32x4.lt(u1, invite);
				const low = f32x4.pmin(
					v128.load(vAt + V_ONE),
					f32x4.pmax(
						v128.load(vAt + V_ZERO),
						f32x4.mul(
							f32x4.sub(column(tabAt, COL_STAY, idx, idxHigh), T),
							v128.load(vAt + V_INV_RAMP)
						)
					)
				);
				const falls = f32x4.gt(
					u1,
					f32x4.sub(
						v128.load(vAt + V_ONE),
						f32x4.add(
							column(tabAt, COL_DRIFT, idx, idxHigh),
							f32x4.mul(v128.load(vAt + V_LOW_TRUST_FALL), low)
						)
					)
				);
				// climbs: r + 1; else falls: r - 1 (masks are -1 where true).
				let next = i32x4.add(i32x4.sub(r, climbs), v128.andnot(falls, climbs));
				if (v128.any_true(dropped)) {
					// Down two rungs, but no lower than informed, and never up.
					const fallen = v128.bitselect(
						i32x4.sub(r, v128.load(vAt + V_DROP_BY)),
						i32x4.min_s(r, v128.load(vAt + V_RUNG_ONE)),
						i32x4.gt_s(r, v128.load(vAt + V_DROP_ABOVE))
					);
					next = v128.bitselect(fallen, next, dropped);
				}

				// Health outcomes. Lanes past the segment's end look up rung -1, which has no entry.
				let counted = next;
				if (partial) counted = v128.bitselect(next, v128.load(vAt + V_MINUS_ONE), valid);
				const idxNext = i32x4.add(
					i32x4.mul(counted, v128.load(vAt + V_BYTE_RUNG)),
					v128.load(vAt + V_BYTE_LANE)
				);
				const idxNextHigh = i8x16.sub(idxNext, v128.load(vAt + V_SIXTEEN));
				const hz = column(tabAt, COL_HAZARD, idxNext, idxNextHigh);
				const ch = v128.load(pChanged + at);
				let dc = f32x4.mul(hz, f32x4.sub(v128.load(vAt + V_ONE), ch));
				let chNext = f32x4.add(ch, dc);

				// Write back and add up; in a partial group, only the segment's own lanes.
				let tT = T;
				let tS = s0;
				if (partial) {
					vI = v128.bitselect(vI, v128.load(pI + at), valid);
					vN = v128.bitselect(vN, v128.load(pN + at), valid);
					vC = v128.bitselect(vC, v128.load(pC + at), valid);
					vR = v128.bitselect(vR, v128.load(pR + at), valid);
					s0 = v128.bitselect(s0, v128.load(pS + at), valid);
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
				v128.store(pS + at, s0);
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
						i8x16.swizzle(v128.load(vAt + V_ONE_HOT_LOW), idxNext),
						i8x16.swizzle(v128.load(vAt + V_ONE_HOT_HIGH), idxNextHigh)
					)
				);
			}
			const field = i32x4.splat(31);
			n0 = i32x4.add(n0, v128.and(rungBits, field));
			n1 = i32x4.add(n1, v128.and(i32x4.shr_u(rungBits, 5), field));
			n2 = i32x4.add(n2, v128.and(i32x4.shr_u(rungBits, 10), field));
			n3 = i32x4.add(n3, v128.and(i32x4.shr_u(rungBits, 15), field));
			n4 = i32x4.add(n4, v128.and(i32x4.shr_u(rungBits, 20), field));
			n5 = i32x4.add(n5, v128.and(i32x4.shr_u(rungBits, 25), field));
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
		const s8 = seg << 5;
		store<f64>(sumsAt + s8, total(tIlo, tIhi));
		store<f64>(sumsAt + s8, total(tNlo, tNhi), 8);
		store<f64>(sumsAt + s8, total(tClo, tChi), 16);
		store<f64>(sumsAt + s8, total(tRlo, tRhi), 24);
		trustSum += total(tTlo, tThi);
		sceptSum += total(tSlo, tShi);
		changedNew += total(tHlo, tHhi);
		const o1 = seg << 3;
		store<f64>(actedAt + o1, <f64>nActed);
		store<f64>(brokenAt + o1, <f64>nBroken);
		store<f64>(successesAt + o1, <f64>nSuccess);
		store<f64>(discoveredAt + o1, <f64>nDiscovered);
		successAll += nSuccess;
		discoveredAll += nDiscovered;
	}
	v128.store(rngAt, ra);
	v128.store(rngAt, rb, 16);
	v128.store(rngAt, rc, 32);
	v128.store(rngAt, rd, 48);
	store<f64>(rungCountAt, <f64>laneSum(n0));
	store<f64>(rungCountAt, <f64>laneSum(n1), 8);
	store<f64>(rungCountAt, <f64>laneSum(n2), 16);
	store<f64>(rungCountAt, <f64>laneSum(n3), 24);
	store<f64>(rungCountAt, <f64>laneSum(n4), 32);
	store<f64>(rungCountAt, <f64>laneSum(n5), 40);
	store<f64>(totalsAt + (T_TRUST << 3), trustSum);
	store<f64>(totalsAt + (T_SCEPTICISM << 3), sceptSum);
	store<f64>(totalsAt + (T_PENDING << 3), <f64>(pendingNext + laneSum(waitingV)));
	store<f64>(totalsAt + (T_DISCLOSED << 3), <f64>disclosedAll);
	store<f64>(totalsAt + (T_DISCOVERED << 3), <f64>discoveredAll);
	store<f64>(totalsAt + (T_SUCCESS << 3), <f64>successAll);
	store<f64>(totalsAt + (T_EXPLAINED << 3), <f64>explained);
	store<f64>(totalsAt + (T_CHANGED << 3), changedNew);
}

function laneSum(v: v128): i32 {
	return (
		i32x4.extract_lane(v, 0) +
		i32x4.extract_lane(v, 1) +
		i32x4.extract_lane(v, 2) +
		i32x4.extract_lane(v, 3)
	);
}
