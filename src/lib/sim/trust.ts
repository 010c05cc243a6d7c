/**
 * Trust with four components (Covey 2006; Mayer, Davis & Schoorman 1995): integrity and
 * intent (character), competence and results (outcomes). Each component moves in log-odds:
 * a good experience raises it, a bad one lowers it `asymmetry` times as far, at every level
 * of trust (Slovic 1993). Overall trust is a weighted harmonic mean of the four, a
 * weakest-link combination: high results cannot buy back low integrity. Scepticism of "the
 * system" makes good news count for less.
 *
 * One function per formula of docs/model.md section 7; the member step (members.ts) and the
 * WebAssembly kernel (kernel/member-step.ts) compute the same formulas. The sizes of signals
 * and rates are internal constants (assumptions.ts).
 */

/** Smallest component value used in the harmonic mean (avoids dividing by zero). */
export const FLOOR = 0.01;

/**
 * One month's update of a trust component `x` (section 7.2): gains `g` and losses `l` (sums of
 * the month's signals) move it in log-odds, by the Euler step of
 * d(logit x) = rate·g·(1 − sw·S) − rate·A·l, that is
 *
 *   x ← x + x·(1 − x)·clamp(rate·g·(1 − sw·S) − rate·A·l, −1, 1)
 *
 * so an equal-sized loss moves trust A times as far as a gain at every level of trust (Slovic
 * 1993), and scepticism `S` discounts good news (seed claim 3). The clamp keeps x in [0, 1].
 * `discount` is (1 − sw·S); `rate` includes stickiness for integrity and intent.
 */
export function logOddsStep(
	x: number,
	gain: number,
	loss: number,
	rate: number,
	asymmetry: number,
	discount: number
): number {
	let d = rate * gain * discount - rate * asymmetry * loss;
	if (d > 1) d = 1;
	else if (d < -1) d = -1;
	return x + x * (1 - x) * d;
}

/**
 * Performance memory (competence, results) drifts back to the member's baseline without news
 * (beta reputation with forgetting; Jøsang & Ismail 2002).
 */
export function forget(x: number, baseline: number, rate: number): number {
	return x + rate * (baseline - x);
}

/**
 * Character trust (integrity, intent) built above the baseline fades without fresh evidence,
 * but a deficit below it does not heal on its own (Schweitzer et al. 2006).
 */
export function fadeCharacter(x: number, baseline: number, rate: number): number {
	return x > baseline ? x - rate * (x - baseline) : x;
}

/**
 * Word of mouth (section 7.4): smoothed bounded confidence (Deffuant et al. 2000). A member's
 * component moves towards their segment's mean `m` last month at rate `mu`, less the further
 * it is, and not at all beyond the open-mindedness ε (`invEps2` = 1/ε²): someone whose own
 * promise was broken is not talked round by neighbours who were not let down.
 */
export function wordOfMouth(x: number, m: number, mu: number, invEps2: number): number {
	const d = m - x;
	const k = 1 - d * d * invEps2;
	return k > 0 ? x + mu * d * k : x;
}

/**
 * Scepticism of "the system" (section 7.3): rises by `up` (a share of the gap to 1) and falls
 * by `down` (a share of itself).
 */
export function updateScepticism(s: number, up: number, down: number): number {
	return s + up * (1 - s) - down * s;
}

/**
 * Overall trust (section 7.5): the weighted harmonic mean of the four components, given
 * normalised weights; dominated by the weakest (Covey 2006: all four cores are necessary).
 */
export function overallTrust(
	integrity: number,
	intent: number,
	competence: number,
	results: number,
	wI: number,
	wN: number,
	wC: number,
	wR: number
): number {
	const h =
		wI / (integrity > FLOOR ? integrity : FLOOR) +
		wN / (intent > FLOOR ? intent : FLOOR) +
		wC / (competence > FLOOR ? competence : FLOOR) +
		wR / (results > FLOOR ? results : FLOOR);
	const t = 1 / h;
	return t > 1 ? 1 : t;
}
