/**
 * The member step as a WebAssembly kernel, written in AssemblyScript and compiled by
 * `scripts/build-kernel.mjs` (on install, and before every build, check and test).
 *
 * It computes exactly what `stepMembers` in `src/lib/sim/members.ts` computes, bit for bit
 * (a unit test runs both on every preset), about twice as fast: the JavaScript engine checks
 * every typed-array access and boxed number in its hot loop, WebAssembly does not. The
 * formulas and their sources are documented there and in docs/model.md; this file follows
 * the same order of operations, because floating-point results depend on it.
 *
 * All state lives in the module's memory, laid out by `src/lib/sim/kernel.ts`: the members'
 * floating-point variables field after field, their small integers likewise, and the month's
 * inputs and outputs. Every argument is a count or a byte address.
 */

// Scalars at kAt (f64, in this order; see kernel.ts).
const K_ALPHA: i32 = 0;
const K_CHAR_GAIN: i32 = 1;
const K_LOSS: i32 = 2;
const K_CHAR_LOSS: i32 = 3;
const K_TRANSPARENCY: i32 = 4;
const K_PATIENCE: i32 = 5;
const K_LATITUDE: i32 = 6;
const K_SCEPT_WEIGHT: i32 = 7;
const K_HALF_MU: i32 = 8;
const K_INV_EPS2: i32 = 9;
const K_PARTNER_TAKES: i32 = 10;
const K_PARTNER_SHARE: i32 = 11;
const K_P_ACT: i32 = 12;
const K_P_SUCCESS: i32 = 13;
const K_SIG_ACTED: i32 = 14;
const K_SIG_SUCCESS: i32 = 15;
const K_SIG_FAILURE: i32 = 16;
const K_SIG_DISCLOSED: i32 = 17;
const K_SIG_CANDOUR: i32 = 18;
const K_SIG_EXPLAINED: i32 = 19;
const K_SIG_CONCEAL: i32 = 20;
const K_SIG_BROKEN: i32 = 21;
const K_SCEPT_ACTED: i32 = 22;
const K_SCEPT_BROKEN: i32 = 23;
const K_FLOOR: i32 = 24;
const K_FORGETTING: i32 = 25;
const K_HALF_CHAR_FADE: i32 = 26;
const K_INV_RAMP: i32 = 27;
const K_INV_RAMP2: i32 = 28;
const K_LOW_TRUST_FALL: i32 = 29;
const K_REACH_BOOST: i32 = 30;
const K_SCEPT_DAMP: i32 = 31;
const K_LEFT: i32 = 32;
const K_BROKEN_DROP: i32 = 33;

// Per-rung table at tabAt: ROW f64 values per rung, then the loss multipliers with a partner
// and without one.
const ROW: i32 = 8;
const COL_CLIMB: i32 = 0;
const COL_STAY: i32 = 1;
const COL_INVITE: i32 = 2;
const COL_CONTRIB: i32 = 3;
const COL_SERVICE: i32 = 4;
const COL_INVOLVE: i32 = 5;
const COL_HAZARD: i32 = 6;
const COL_DRIFT: i32 = 7;
const RUNGS: i32 = 6;

// Totals at totalsAt (f64).
const T_TRUST: i32 = 0;
const T_SCEPTICISM: i32 = 1;
const T_PENDING: i32 = 2;
const T_DISCLOSED: i32 = 3;
const T_DISCOVERED: i32 = 4;
const T_SUCCESS: i32 = 5;
const T_EXPLAINED: i32 = 6;
const T_CHANGED: i32 = 7;

function k(kAt: i32, index: i32): f64 {
	return load<f64>(kAt + (index << 3));
}

/** max(0, z) without a branch: exactly equal for every z that is not NaN. */
function pos(z: f64): f64 {
	return 0.5 * (z + abs<f64>(z));
}

export function step(
	n: i32,
	segments: i32,
	f64At: i32,
	i8At: i32,
	countsAt: i32,
	gainAt: i32,
	lossAt: i32,
	sUpAt: i32,
	sDownAt: i32,
	meanAt: i32,
	weightsAt: i32,
	tabAt: i32,
	kAt: i32,
	rngAt: i32,
	sumsAt: i32,
	actedAt: i32,
	brokenAt: i32,
	successesAt: i32,
	discoveredAt: i32,
	rungCountAt: i32,
	totalsAt: i32
): void {
	const field = n << 3;
	const pI = f64At;
	const pN = pI + field;
	const pC = pN + field;
	const pR = pC + field;
	const pS = pR + field;
	const pB = pS + field;
	const pReach = pB + field;
	const pBorrowed = pReach + field;
	const pChanged = pBorrowed + field;
	const qRung = i8At;
	const qPending = qRung + n;
	const qPartner = qPending + n;

	const alpha = k(kAt, K_ALPHA);
	const charGainRate = k(kAt, K_CHAR_GAIN);
	const lossRate = k(kAt, K_LOSS);
	const charLossRate = k(kAt, K_CHAR_LOSS);
	const transparency = k(kAt, K_TRANSPARENCY);
	const patience = <i32>k(kAt, K_PATIENCE);
	const latitude = k(kAt, K_LATITUDE);
	const scepticismWeight = k(kAt, K_SCEPT_WEIGHT);
	const halfMu = k(kAt, K_HALF_MU);
	const invEps2 = k(kAt, K_INV_EPS2);
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
	const floor = k(kAt, K_FLOOR);
	const forgetting = k(kAt, K_FORGETTING);
	const halfCharFade = k(kAt, K_HALF_CHAR_FADE);
	const invRamp = k(kAt, K_INV_RAMP);
	const invRamp2 = k(kAt, K_INV_RAMP2);
	const lowTrustFall = k(kAt, K_LOW_TRUST_FALL);
	const reachBoost = k(kAt, K_REACH_BOOST);
	const sceptDamp = k(kAt, K_SCEPT_DAMP);
	const left = <i32>k(kAt, K_LEFT);
	const brokenDrop = <i32>k(kAt, K_BROKEN_DROP);
	const cushionAt = tabAt + ((RUNGS * ROW) << 3);
	const inv16: f64 = 1.0 / 65536.0;

	let ra = load<i32>(rngAt);
	let rb = load<i32>(rngAt, 4);
	let rc = load<i32>(rngAt, 8);
	let rd = load<i32>(rngAt, 12);
	let trustSum: f64 = 0;
	let sceptSum: f64 = 0;
	let changedNew: f64 = 0;
	let pendingNext: i32 = 0;
	let disclosedAll: i32 = 0;
	let discoveredAll: i32 = 0;
	let successAll: i32 = 0;
	let explained: i32 = 0;
	for (let r: i32 = 0; r < RUNGS; r++) store<f64>(rungCountAt + (r << 3), 0);

	let i: i32 = 0;
	for (let seg: i32 = 0; seg < segments; seg++) {
		const o = seg << 5;
		const o1 = seg << 3;
		const gI0 = load<f64>(gainAt + o);
		const gN0 = load<f64>(gainAt + o, 8);
		const gC0 = load<f64>(gainAt + o, 16);
		const gR0 = load<f64>(gainAt + o, 24);
		const lI0 = load<f64>(lossAt + o);
		const lN0 = load<f64>(lossAt + o, 8);
		const lC0 = load<f64>(lossAt + o, 16);
		const lR0 = load<f64>(lossAt + o, 24);
		const up0 = load<f64>(sUpAt + o1);
		const down = load<f64>(sDownAt + o1);
		const mI = load<f64>(meanAt + o);
		const mN = load<f64>(meanAt + o, 8);
		const mC = load<f64>(meanAt + o, 16);
		const mR = load<f64>(meanAt + o, 24);
		const wI = load<f64>(weightsAt + o);
		const wN = load<f64>(weightsAt + o, 8);
		const wC = load<f64>(weightsAt + o, 16);
		const wR = load<f64>(weightsAt + o, 24);
		let sI: f64 = 0;
		let sN: f64 = 0;
		let sC: f64 = 0;
		let sR: f64 = 0;
		let nActed: i32 = 0;
		let nBroken: i32 = 0;
		let nSuccess: i32 = 0;
		let nDiscovered: i32 = 0;
		const end = i + load<i32>(countsAt + (seg << 2));
		for (; i < end; i++) {
			// One SFC32 draw: high half for the ladder, low half for contributing and acting.
			const x: i32 = ra + rb + rd;
			rd = rd + 1;
			ra = rb ^ (<i32>((<u32>rb) >> 9));
			rb = rc + (rc << 3);
			rc = ((rc << 21) | (<i32>((<u32>rc) >> 11))) + x;
			const u1: f64 = <f64>((<u32>x) >> 16) * inv16;
			const u2: f64 = <f64>(x & 0xffff) * inv16;

			let gI = gI0;
			let gN = gN0;
			let gC = gC0;
			let gR = gR0;
			let lI = lI0;
			let lN = lN0;
			let lC = lC0;
			let lR = lR0;
			let up = up0;
			const at = i << 3;
			let s0 = load<f64>(pS + at);
			let r: i32 = load<i8>(qRung + i);
			const row = tabAt + ((r * ROW) << 3);
			let dropped = false;

			// Listening and acting.
			const p: i32 = load<i8>(qPending + i);
			if (p != 0) {
				if (p > 0 && u2 < pAct) {
					nActed++;
					gI += sigActed;
					gN += sigActed;
					s0 -= sceptActed * s0;
					let y: i32 = (x ^ (<i32>((<u32>x) >> 15))) * 0x2c1b3c6d;
					y = ((y ^ (<i32>((<u32>y) >> 12))) * 0x297a2d39) ^ (<i32>((<u32>y) >> 15));
					if (<f64>((<u32>y) >> 16) * inv16 < pSuccess) {
						nSuccess++;
						gC += sigSuccess;
						gR += sigSuccess;
					} else if (<f64>(y & 0xffff) * inv16 < transparency) {
						disclosedAll++;
						lC += sigDisclosed;
						gI += sigCandour;
					} else {
						nDiscovered++;
						lC += sigFailure;
						lR += sigFailure;
						lI += sigConceal;
					}
					store<i8>(qPending + i, 0);
				} else if ((p > 0 ? p : -p) >= patience) {
					nBroken++;
					lI += sigBroken;
					lN += sigBroken;
					up += sceptBroken;
					store<i8>(qPending + i, 0);
					dropped = true;
				} else if (p > 0) {
					store<i8>(qPending + i, <i8>(p + 1));
					pendingNext++;
				} else store<i8>(qPending + i, <i8>(p - 1));
			} else {
				const contrib = load<f64>(row, COL_CONTRIB << 3);
				if (u2 < contrib) {
					const f = u2 / contrib;
					if (f < latitude) {
						store<i8>(qPending + i, 1);
						pendingNext++;
					} else if (f < latitude + (1 - latitude) * transparency) {
						gI += sigExplained;
						explained++;
					} else store<i8>(qPending + i, -1);
				}
			}

			// Experience of the service.
			const service = load<f64>(row, COL_SERVICE << 3);
			gC += service;
			gR += service;
			gN += load<f64>(row, COL_INVOLVE << 3);

			// Partner.
			const pk: i32 = load<i8>(qPartner + i);
			if (pk == left) {
				store<i8>(qPartner + i, -1);
				const owed = load<f64>(pBorrowed + at);
				if (owed > 0) {
					lI += partnerTakes;
					lN += partnerTakes;
					store<f64>(pB + at, load<f64>(pB + at) - partnerShare * owed);
					store<f64>(pBorrowed + at, 0);
				}
				store<f64>(pReach + at, load<f64>(pReach + at) / reachBoost);
			} else {
				const cf = load<f64>(cushionAt + ((<i32>((<u32>pk) >> 31)) << 3));
				lI *= cf;
				lN *= cf;
				lC *= cf;
				lR *= cf;
			}

			// Trust components and word of mouth.
			let vI = load<f64>(pI + at);
			let vN = load<f64>(pN + at);
			let vC = load<f64>(pC + at);
			let vR = load<f64>(pR + at);
			const b = load<f64>(pB + at);
			let z = vI - b;
			vI +=
				min<f64>(1, charGainRate * gI) * (1 - vI) -
				min<f64>(1, charLossRate * lI) * vI -
				halfCharFade * (z + abs<f64>(z));
			z = vN - b;
			vN +=
				min<f64>(1, charGainRate * gN) * (1 - vN) -
				min<f64>(1, charLossRate * lN) * vN -
				halfCharFade * (z + abs<f64>(z));
			vC +=
				min<f64>(1, alpha * gC) * (1 - vC) -
				min<f64>(1, lossRate * lC) * vC +
				forgetting * (b - vC);
			vR +=
				min<f64>(1, alpha * gR) * (1 - vR) -
				min<f64>(1, lossRate * lR) * vR +
				forgetting * (b - vR);
			let d = mI - vI;
			z = 1 - d * d * invEps2;
			vI += halfMu * d * (z + abs<f64>(z));
			d = mN - vN;
			z = 1 - d * d * invEps2;
			vN += halfMu * d * (z + abs<f64>(z));
			d = mC - vC;
			z = 1 - d * d * invEps2;
			vC += halfMu * d * (z + abs<f64>(z));
			d = mR - vR;
			z = 1 - d * d * invEps2;
			vR += halfMu * d * (z + abs<f64>(z));
			s0 += up * (1 - s0) - down * s0;
			store<f64>(pI + at, vI);
			store<f64>(pN + at, vN);
			store<f64>(pC + at, vC);
			store<f64>(pR + at, vR);
			store<f64>(pS + at, s0);
			sI += vI;
			sN += vN;
			sC += vC;
			sR += vR;

			// Overall trust: weighted harmonic mean, discounted by scepticism.
			const fI = max<f64>(vI, floor);
			const fN = max<f64>(vN, floor);
			const fC = max<f64>(vC, floor);
			const fR = max<f64>(vR, floor);
			const character = fI * fN;
			const outcome = fC * fR;
			const T = min<f64>(
				1,
				((1 - scepticismWeight * s0) * character * outcome) /
					(outcome * (wI * fN + wN * fI) + character * (wC * fR + wR * fC))
			);
			trustSum += T;
			sceptSum += s0;

			// The ladder.
			if (dropped) {
				r = r > brokenDrop + 1 ? r - brokenDrop : r < 1 ? r : 1;
			} else {
				const m1 = pos(0.5 + (T - load<f64>(row, COL_CLIMB << 3)) * invRamp2);
				const ramped = m1 - pos(m1 - 1);
				const m2 = pos((load<f64>(row, COL_STAY << 3) - T) * invRamp);
				const low = m2 - pos(m2 - 1);
				const climbs = <i32>(
					(u1 <
						load<f64>(row, COL_INVITE << 3) *
							load<f64>(pReach + at) *
							ramped *
							(1 - sceptDamp * s0))
				);
				const falls = <i32>(u1 > 1 - (load<f64>(row, COL_DRIFT << 3) + lowTrustFall * low));
				r += climbs - (falls & (climbs ^ 1));
			}
			store<i8>(qRung + i, <i8>r);
			const counted = rungCountAt + (r << 3);
			store<f64>(counted, load<f64>(counted) + 1);

			// Health outcomes.
			const ch = load<f64>(pChanged + at);
			const dc = load<f64>(tabAt + ((r * ROW + COL_HAZARD) << 3)) * (1 - ch);
			store<f64>(pChanged + at, ch + dc);
			changedNew += dc;
		}
		store<f64>(sumsAt + o, sI);
		store<f64>(sumsAt + o, sN, 8);
		store<f64>(sumsAt + o, sC, 16);
		store<f64>(sumsAt + o, sR, 24);
		store<f64>(actedAt + o1, <f64>nActed);
		store<f64>(brokenAt + o1, <f64>nBroken);
		store<f64>(successesAt + o1, <f64>nSuccess);
		store<f64>(discoveredAt + o1, <f64>nDiscovered);
		successAll += nSuccess;
		discoveredAll += nDiscovered;
	}
	store<i32>(rngAt, ra);
	store<i32>(rngAt, rb, 4);
	store<i32>(rngAt, rc, 8);
	store<i32>(rngAt, rd, 12);
	store<f64>(totalsAt + (T_TRUST << 3), trustSum);
	store<f64>(totalsAt + (T_SCEPTICISM << 3), sceptSum);
	store<f64>(totalsAt + (T_PENDING << 3), <f64>pendingNext);
	store<f64>(totalsAt + (T_DISCLOSED << 3), <f64>disclosedAll);
	store<f64>(totalsAt + (T_DISCOVERED << 3), <f64>discoveredAll);
	store<f64>(totalsAt + (T_SUCCESS << 3), <f64>successAll);
	store<f64>(totalsAt + (T_EXPLAINED << 3), <f64>explained);
	store<f64>(totalsAt + (T_CHANGED << 3), changedNew);
}
