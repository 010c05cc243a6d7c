/**
 * Seeded random numbers. Every draw in the model comes from a stream derived from
 * (scenario seed, run index, stochastic process), so a run's numbers never depend on
 * how runs are split across workers, and two scenarios run with the same seed draw the
 * same numbers for the same purpose (common random numbers).
 *
 * The generator is SFC32 (Chris Doty-Humphrey's small fast counting generator, from
 * PractRand): 128 bits of state, passes PractRand to terabytes, and needs only 32-bit
 * integer arithmetic, which JavaScript engines run fast.
 */

/** The stochastic processes that own a stream each. Never renumber: seeds depend on it. */
export const Stream = {
	/** Agent initialisation: individual variation, partner links. */
	init: 1,
	/** Agent-months: rung moves, contributions, acting, initiatives. */
	agents: 2,
	/** Random events: staff leaving, partner leaving, bad press, funding cuts, system promises. */
	events: 3,
	/** Monthly staff turnover. */
	staff: 4,
	/** Contract decisions: extensions and re-procurement. */
	procurement: 5,
	/** Agent-months, the second, third and fourth of the member step's four streams. */
	agents2: 6,
	agents3: 7,
	agents4: 8,
	/** The Morris screening's design: each trajectory's starting point, directions and order. */
	screening: 9,
	/** Each future's draw of the uncertain assumptions (within its Latin hypercube strata). */
	assumptions: 10
} as const;

/** The member step's streams: member j of a segment draws from stream j mod 4. */
const MEMBER_STREAMS = [Stream.agents, Stream.agents2, Stream.agents3, Stream.agents4] as const;
export type StreamId = (typeof Stream)[keyof typeof Stream];

/** A 32-bit avalanche mix (from MurmurHash3's finaliser). */
export function mix32(x: number): number {
	x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
	x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
	return (x ^ (x >>> 16)) >>> 0;
}

/** SFC32 state held in a small typed array so the hot loop can inline the step. */
export class Rng {
	/** a, b, c, counter */
	readonly s: Uint32Array;

	constructor(seed: number, run: number, stream: StreamId) {
		this.s = new Uint32Array(4);
		// Derive four well-mixed words from the triple; the run index and the stream id are
		// mixed separately so neighbouring runs or streams do not share structure.
		const k0 = mix32((seed >>> 0) ^ 0x9e3779b9);
		const k1 = mix32(k0 ^ mix32((run >>> 0) + 0x7f4a7c15));
		const k2 = mix32(k1 ^ mix32(stream * 0x632be5ab + 0x165667b1));
		this.s[0] = k0 ^ k2;
		this.s[1] = k1;
		this.s[2] = mix32(k2 ^ 0x27d4eb2f);
		this.s[3] = 1;
		// Discard the first outputs so weak seeds are fully mixed.
		for (let i = 0; i < 12; i++) this.nextU32();
	}

	/** The next 32-bit unsigned integer. */
	nextU32(): number {
		const s = this.s;
		const a = s[0],
			b = s[1],
			c = s[2],
			d = s[3];
		const t = (((a + b) | 0) + d) | 0;
		s[3] = (d + 1) | 0;
		s[0] = b ^ (b >>> 9);
		s[1] = (c + (c << 3)) | 0;
		s[2] = (((c << 21) | (c >>> 11)) + t) | 0;
		return t >>> 0;
	}

	/** A uniform number in [0, 1) with 32 bits of resolution. */
	next(): number {
		return this.nextU32() / 4294967296;
	}

	/** A standard normal deviate (Box-Muller; always consumes exactly two draws). */
	normal(): number {
		const u1 = (this.nextU32() + 1) / 4294967297;
		const u2 = this.next();
		return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}
}

/**
 * Seeds the member step's four SFC32 streams for a run into `out`, word by word
 * (out[word * 4 + stream]; words a, b, c and the counter), the layout the member step and
 * its WebAssembly kernel read.
 */
export function seedMemberStreams(seed: number, run: number, out: Int32Array): void {
	for (let l = 0; l < MEMBER_STREAMS.length; l++) {
		const s = new Rng(seed, run, MEMBER_STREAMS[l]).s;
		for (let w = 0; w < 4; w++) out[w * 4 + l] = s[w];
	}
}
