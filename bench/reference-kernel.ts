/**
 * A minimal agent kernel, written as a yardstick for the model's member step: one trust value
 * per member in a Float32Array, and each member-month one seeded draw (SFC32, inlined as in
 * src/lib/sim/members.ts) that brings a good experience (a saturating gain), a bad one (a
 * proportional loss) or nothing. It has none of the model's mechanisms; it shows how fast
 * plain typed-array code with one draw per member-month runs on this machine.
 */

/** Chance of a good and of a bad experience in a member-month. */
export const P_GOOD = 0.3;
export const P_BAD = 0.1;

/** A 32-bit avalanche mix (MurmurHash3's finaliser). */
function mix32(x: number): number {
	x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
	x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
	return (x ^ (x >>> 16)) >>> 0;
}

export interface ReferenceInput {
	/** Each member's trust at the start of a run. */
	initial: Float32Array;
	months: number;
	/** Gain per good experience, as a share of the gap to full trust. */
	gainRate: number;
	/** Loss per bad experience, as a share of trust. */
	lossRate: number;
	seed: number;
}

/**
 * Simulates runs [firstRun, firstRun + runs) and returns a checksum: the sum over runs and
 * months of the members' mean trust. Returning it keeps the work from being optimised away.
 */
export function referenceKernel(input: ReferenceInput, firstRun: number, runs: number): number {
	const initial = input.initial;
	const n = initial.length;
	const months = input.months;
	const gainRate = input.gainRate;
	const lossRate = input.lossRate;
	const badAbove = 1 - P_BAD;
	const inv32 = 1 / 4294967296;
	const trust = new Float32Array(n);
	let checksum = 0;
	for (let run = firstRun; run < firstRun + runs; run++) {
		trust.set(initial);
		// A stream per (seed, run), as the model seeds its streams.
		const k0 = mix32((input.seed >>> 0) ^ 0x9e3779b9);
		const k1 = mix32(k0 ^ mix32((run >>> 0) + 0x7f4a7c15));
		let a = k0 | 0,
			b = k1 | 0,
			c = mix32(k1 ^ 0x27d4eb2f) | 0,
			d = 1;
		for (let w = 0; w < 12; w++) {
			const x = (((a + b) | 0) + d) | 0;
			d = (d + 1) | 0;
			a = b ^ (b >>> 9);
			b = (c + (c << 3)) | 0;
			c = (((c << 21) | (c >>> 11)) + x) | 0;
		}
		for (let t = 0; t < months; t++) {
			let sum = 0;
			for (let i = 0; i < n; i++) {
				const x = (((a + b) | 0) + d) | 0;
				d = (d + 1) | 0;
				a = b ^ (b >>> 9);
				b = (c + (c << 3)) | 0;
				c = (((c << 21) | (c >>> 11)) + x) | 0;
				const u = (x >>> 0) * inv32;
				// Branch-free: a comparison turned into 0 or 1 selects the experience, so the
				// processor never mispredicts a random branch.
				const g = gainRate * +(u < P_GOOD);
				const l = lossRate * +(u >= badAbove);
				let v = trust[i];
				v += g * (1 - v) - l * v;
				trust[i] = v;
				sum += v;
			}
			checksum += sum / n;
		}
	}
	return checksum;
}
