import { describe, expect, it } from 'vitest';
import {
	describeBox,
	discover,
	type DiscoveredBox,
	type DiscoveryFactor,
	type DiscoveryResult,
	type Restriction
} from './discovery';

/** A small seeded generator (mulberry32): uniform numbers in [0, 1). */
function prng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** k factors on [0, 1], keys x0, x1, …, labels "X0", "X1", …. */
function unitFactors(k: number): DiscoveryFactor[] {
	return Array.from({ length: k }, (_, j) => ({ key: `x${j}`, label: `X${j}`, min: 0, max: 1 }));
}

/** n futures uniform on the factors' ranges. */
function uniform(n: number, factors: readonly DiscoveryFactor[], rnd: () => number): number[][] {
	return Array.from({ length: n }, () => factors.map((f) => f.min + (f.max - f.min) * rnd()));
}

/** Flips each outcome with probability `noise`. */
function flip(y: boolean[], noise: number, rnd: () => number): boolean[] {
	return y.map((v) => (rnd() < noise ? !v : v));
}

function boxOf(result: DiscoveryResult): DiscoveredBox {
	if (result.box === null) throw new Error(`expected a box, got: ${result.reason}`);
	return result.box;
}

function find(box: DiscoveredBox, key: string): Restriction {
	const r = box.restrictions.find((q) => q.key === key);
	if (!r) throw new Error(`${key} is not restricted in: ${box.text}`);
	return r;
}

/** Coverage, density and mass of a box, counted directly from the data. */
function recount(
	x: readonly (readonly number[])[],
	y: readonly boolean[],
	factors: readonly DiscoveryFactor[],
	restrictions: readonly Restriction[]
): { coverage: number; density: number; mass: number } {
	const inside = x.map((row) =>
		restrictions.every((r) => {
			const v = row[factors.findIndex((f) => f.key === r.key)];
			return (r.lower === undefined || v >= r.lower) && (r.upper === undefined || v <= r.upper);
		})
	);
	const count = inside.filter(Boolean).length;
	const hits = inside.filter((v, i) => v && y[i]).length;
	const total = y.filter(Boolean).length;
	return { coverage: hits / total, density: hits / count, mass: count / x.length };
}

describe('discover: a planted rule', () => {
	// y = x0 > 0.7 and x2 < 0.3: the true box holds 0.3 × 0.3 = 9% of the futures.
	const planted = (row: readonly number[]): boolean => row[0] > 0.7 && row[2] < 0.3;

	for (const [k, seed] of [
		[5, 1],
		[5, 2],
		[5, 3],
		[10, 4]
	] as const) {
		it(`recovers x0 above 0.7 and x2 below 0.3 from 2,000 futures in ${k} factors with 5% label noise (seed ${seed})`, () => {
			const rnd = prng(seed);
			const factors = unitFactors(k);
			const x = uniform(2000, factors, rnd);
			const y = flip(x.map(planted), 0.05, rnd);
			const result = discover(x, y, factors);
			const box = boxOf(result);

			expect(result.n).toBe(2000);
			expect(result.baseRate).toBeCloseTo(y.filter(Boolean).length / 2000, 12);
			expect(box.restrictions.map((r) => r.key).sort()).toEqual(['x0', 'x2']);
			const x0 = find(box, 'x0');
			const x2 = find(box, 'x2');
			expect(x0.upper).toBeUndefined();
			expect(x0.lower).toBeGreaterThan(0.65);
			expect(x0.lower).toBeLessThan(0.75);
			expect(x2.lower).toBeUndefined();
			expect(x2.upper).toBeGreaterThan(0.25);
			expect(x2.upper).toBeLessThan(0.35);
			expect(x0.label).toBe('X0');

			expect(box.density).toBeGreaterThan(0.8);
			expect(box.coverage).toBeGreaterThan(0.6);
			expect(box.mass).toBeGreaterThan(0.07);
			expect(box.mass).toBeLessThan(0.11);
			// The statistics are those of the box reported.
			const counted = recount(x, y, factors, box.restrictions);
			expect(box.coverage).toBeCloseTo(counted.coverage, 12);
			expect(box.density).toBeCloseTo(counted.density, 12);
			expect(box.mass).toBeCloseTo(counted.mass, 12);

			expect(box.text).toMatch(/^X[02] is (above|below) 0\.\d+ and X[02] is (above|below) 0\.\d+$/);
			expect(box.text).toContain(`X0 is above ${Number(x0.lower?.toFixed(2))}`);
			expect(box.text).toContain(`X2 is below ${Number(x2.upper?.toFixed(2))}`);
		});
	}

	it('is deterministic, and reads rows of numbers and Float64Arrays alike', () => {
		const rnd = prng(7);
		const factors = unitFactors(5);
		const x = uniform(1000, factors, rnd);
		const y = flip(x.map(planted), 0.05, rnd);
		const first = discover(x, y, factors);
		expect(discover(x, y, factors)).toEqual(first);
		expect(
			discover(
				x.map((row) => Float64Array.from(row)),
				y,
				factors
			)
		).toEqual(first);
	});

	it('keeps at most maxRestrictions, dropping those whose loss costs least density', () => {
		// Three real restrictions, one weak: x4 above 0.1 removes only a tenth of the futures.
		const rnd = prng(11);
		const factors = unitFactors(6);
		const x = uniform(3000, factors, rnd);
		const y = x.map((row) => planted(row) && row[4] > 0.1);

		const three = boxOf(discover(x, y, factors));
		expect(three.restrictions.map((r) => r.key)).toHaveLength(3);
		expect(three.restrictions[2].key).toBe('x4');
		expect(find(three, 'x4').lower).toBeCloseTo(0.1, 1);
		expect(three.density).toBeGreaterThan(0.95);
		expect(three.coverage).toBeGreaterThan(0.95);

		const two = boxOf(discover(x, y, factors, { maxRestrictions: 2 }));
		expect(two.restrictions.map((r) => r.key).sort()).toEqual(['x0', 'x2']);
		// Without x4's bound, a tenth of the box has x4 below 0.1 and no outcome.
		expect(two.density).toBeLessThan(0.93);
		expect(two.density).toBeGreaterThan(0.8);

		const one = discover(x, y, factors, { maxRestrictions: 1, minDensity: 0 });
		expect(boxOf(one).restrictions).toHaveLength(1);
	});
});

describe('discover: choosing and bounding the box', () => {
	it('keeps at least half of the futures where A is better', () => {
		// x0 above 0.8 always (45% of those futures), and 30% of the rest at random.
		const rnd = prng(31);
		const f = unitFactors(4);
		const x = uniform(3000, f, rnd);
		const y = x.map((row) => row[0] > 0.8 || rnd() < 0.3);
		const box = boxOf(discover(x, y, f));
		expect(box.restrictions.map((r) => r.key)).toEqual(['x0']);
		expect(box.coverage).toBeGreaterThanOrEqual(0.5);
		// Reaching half the futures takes the box below 0.8, into the diffuse part.
		expect(find(box, 'x0').lower).toBeLessThan(0.78);
		expect(box.density).toBeGreaterThan(0.5);
	});

	it('never keeps less than minMass of the futures', () => {
		// A is better only where x0 is above 0.97: 3% of the futures.
		const rnd = prng(32);
		const f = unitFactors(4);
		const x = uniform(2000, f, rnd);
		const y = x.map((row) => row[0] > 0.97);
		const wide = boxOf(discover(x, y, f));
		expect(wide.mass).toBeGreaterThanOrEqual(0.05);
		expect(find(wide, 'x0').lower).toBeLessThan(0.96);
		expect(wide.coverage).toBe(1);
		const narrow = boxOf(discover(x, y, f, { minMass: 0.01 }));
		expect(narrow.mass).toBeLessThan(0.05);
		expect(find(narrow, 'x0').lower).toBeCloseTo(0.97, 2);
		expect(narrow.density).toBeGreaterThan(0.95);
	});

	it('puts bounds halfway between the values kept and left out, peeling ties together', () => {
		// Every factor takes only the values 0, 0.1, …, 1, each many times.
		const f = unitFactors(3);
		const x: number[][] = [];
		for (let rep = 0; rep < 10; rep++)
			for (let a = 0; a <= 10; a++)
				for (let b = 0; b <= 10; b++) x.push([a / 10, b / 10, ((rep * 7 + a * 3 + b) % 11) / 10]);
		const y = x.map((row) => row[0] <= 0.3 && row[1] >= 0.6);
		const box = boxOf(discover(x, y, f));
		expect(box.restrictions.map((r) => r.key).sort()).toEqual(['x0', 'x1']);
		expect(find(box, 'x0').lower).toBeUndefined();
		expect(find(box, 'x0').upper).toBeCloseTo(0.35, 12);
		expect(find(box, 'x1').lower).toBeCloseTo(0.55, 12);
		expect(find(box, 'x1').upper).toBeUndefined();
		expect(box.density).toBe(1);
		expect(box.coverage).toBe(1);
		expect(box.text).toMatch(
			/^(X0 is below 0\.35 and X1 is above 0\.55|X1 is above 0\.55 and X0 is below 0\.35)$/
		);
	});

	it('does not count a bound outside the plausible range as a restriction', () => {
		// x1 is plausible from 0.3 to 1; futures below that (as low as 0) were run anyway.
		const rnd = prng(33);
		const f = unitFactors(3);
		f[1] = { ...f[1], min: 0.3 };
		const x = uniform(2000, unitFactors(3), rnd);
		const y = x.map((row) => row[0] > 0.7 && row[1] > 0.1);
		const box = boxOf(discover(x, y, f));
		expect(box.restrictions.map((r) => r.key)).toEqual(['x0']);
		expect(box.coverage).toBeGreaterThan(0.95);
	});

	it('pastes back a bound that peeling took too far', () => {
		// A large region and a small one; peeling toward the large one cuts into it on x0, and
		// pasting moves x0's lower bound back out to the region's edge at 0.36.
		const rnd = prng(18);
		const f = unitFactors(3);
		const x = uniform(1000, f, rnd);
		const y = x.map(
			(r) =>
				(r[0] > 0.4 && r[0] < 0.44 && r[1] > 0.04 && r[1] < 0.08) ||
				(r[0] > 0.36 && r[0] < 0.85 && r[1] > 0.72 && r[1] < 0.92)
		);
		const box = boxOf(discover(x, y, f, { maxRestrictions: 2 }));
		expect(find(box, 'x1').lower).toBeCloseTo(0.72, 2);
		expect(find(box, 'x1').upper).toBeCloseTo(0.92, 2);
		expect(find(box, 'x0').lower).toBeCloseTo(0.36, 2);
		expect(box.density).toBe(1);
	});
});

describe('discover: nothing to find', () => {
	const factors = unitFactors(4);
	const x = uniform(500, factors, prng(3));

	it('says so when there are no futures', () => {
		const result = discover([], [], factors);
		expect(result).toMatchObject({ box: null, n: 0, baseRate: 0 });
		expect(result.reason).toMatch(/no futures/);
	});

	it('says so when A is never better', () => {
		const result = discover(
			x,
			x.map(() => false),
			factors
		);
		expect(result).toMatchObject({ box: null, n: 500, baseRate: 0 });
		expect(result.reason).toMatch(/never better/);
	});

	it('says so when A is always better', () => {
		const result = discover(
			x,
			x.map(() => true),
			factors
		);
		expect(result).toMatchObject({ box: null, n: 500, baseRate: 1 });
		expect(result.reason).toMatch(/every future/);
	});

	for (const rate of [0.1, 0.3, 0.6])
		it(`finds no region when y is noise independent of x (rate ${rate})`, () => {
			const rnd = prng(Math.round(rate * 100));
			const f = unitFactors(10);
			const xx = uniform(2000, f, rnd);
			const y = xx.map(() => rnd() < rate);
			const result = discover(xx, y, f);
			expect(result.box).toBeNull();
			expect(result.reason).toMatch(/No simple region/);
			expect(result.baseRate).toBeCloseTo(rate, 1);
		});

	it('reports a real but diffuse region only when its density reaches minDensity', () => {
		// A is better in 35% of futures with x0 above 0.7 and in 5% of the rest.
		const rnd = prng(21);
		const f = unitFactors(4);
		const xx = uniform(4000, f, rnd);
		const y = xx.map((row) => rnd() < (row[0] > 0.7 ? 0.35 : 0.05));

		const strict = discover(xx, y, f);
		expect(strict.box).toBeNull();
		expect(strict.reason).toMatch(/only \d+% of its futures/);

		const lenient = boxOf(discover(xx, y, f, { minDensity: 0.2 }));
		expect(lenient.restrictions.map((r) => r.key)).toEqual(['x0']);
		expect(lenient.restrictions[0].lower).toBeGreaterThan(0.65);
		expect(lenient.restrictions[0].lower).toBeLessThan(0.75);
		expect(lenient.density).toBeGreaterThan(0.2);
		expect(lenient.density).toBeLessThan(0.5);
	});
});

describe('discover: units, ties and constants', () => {
	const factors: DiscoveryFactor[] = [
		{ key: 'asym', label: 'Loss to gain asymmetry', min: 1, max: 5 },
		{ key: 'months', label: 'Contract length', min: 0, max: 24, unit: ' months' },
		{ key: 'reach', label: 'Reach of each partner', min: 0, max: 0.2, unit: '', digits: 3 },
		{ key: 'kpi', label: 'KPI rigidity', min: -10, max: 10 }
	];

	it('gives bounds in the factors own units and words', () => {
		const rnd = prng(5);
		const x = uniform(2000, factors, rnd);
		const y = x.map((row) => row[0] > 3.4 && row[1] < 6);
		const box = boxOf(discover(x, y, factors));
		expect(box.restrictions.map((r) => r.key).sort()).toEqual(['asym', 'months']);
		expect(find(box, 'asym').lower).toBeCloseTo(3.4, 1);
		expect(find(box, 'asym').upper).toBeUndefined();
		expect(find(box, 'months').upper).toBeGreaterThan(5.7);
		expect(find(box, 'months').upper).toBeLessThan(6.3);
		expect(box.density).toBeGreaterThan(0.95);
		expect(box.coverage).toBeGreaterThan(0.95);
		expect(box.text).toContain('loss to gain asymmetry is above 3.4');
		expect(box.text).toContain('contract length is below 6 months');
	});

	it('finds a rule on a negative range and on a narrow one', () => {
		const rnd = prng(6);
		const x = uniform(2000, factors, rnd);
		const y = x.map((row) => row[3] < -4 && row[2] > 0.05);
		const box = boxOf(discover(x, y, factors));
		expect(box.restrictions.map((r) => r.key).sort()).toEqual(['kpi', 'reach']);
		expect(find(box, 'kpi').upper).toBeCloseTo(-4, 0);
		expect(find(box, 'reach').lower).toBeCloseTo(0.05, 2);
		expect(box.text).toMatch(/KPI rigidity is below -4(\.\d)?/);
		expect(box.text).toMatch(/reach of each partner is above 0\.0[45]\d/);
	});

	it('never restricts a constant factor, and peels tied values together', () => {
		const rnd = prng(8);
		const f: DiscoveryFactor[] = [
			...unitFactors(3),
			{ key: 'same', label: 'Constant', min: 0, max: 1 },
			{ key: 'flat', label: 'Fixed', min: 2, max: 2 },
			{ key: 'level', label: 'Level', min: 0, max: 2 }
		];
		const x = uniform(2000, unitFactors(3), rnd).map((row) => [
			...row,
			0.5,
			2,
			Math.floor(rnd() * 3)
		]);
		// A is better where x0 is above 0.6 and the level is 2 (a third of the futures).
		const y = flip(
			x.map((row) => row[0] > 0.6 && row[5] === 2),
			0.02,
			rnd
		);
		const box = boxOf(discover(x, y, f));
		const keys = box.restrictions.map((r) => r.key);
		expect(keys).not.toContain('same');
		expect(keys).not.toContain('flat');
		expect(keys.sort()).toEqual(['level', 'x0']);
		// The level's bound lies between its values 1 and 2, so every tie is on one side.
		expect(find(box, 'level').lower).toBeGreaterThan(1);
		expect(find(box, 'level').lower).toBeLessThan(2);
		expect(find(box, 'level').upper).toBeUndefined();
		expect(box.text).toContain('level is above 1.5');
		expect(box.density).toBeGreaterThan(0.9);
		expect(box.coverage).toBeGreaterThan(0.8);
	});

	it('handles every factor constant', () => {
		const f = unitFactors(2);
		const x = Array.from({ length: 100 }, () => [0.5, 0.5]);
		const y = x.map((_, i) => i % 3 === 0);
		const result = discover(x, y, f);
		expect(result.box).toBeNull();
		expect(result.reason).toMatch(/spread across/);
	});
});

describe('discover: bad input', () => {
	const f = unitFactors(2);
	it('throws on shapes that disagree and on values that are not finite', () => {
		expect(() => discover([[0, 1]], [true, false], f)).toThrow(RangeError);
		expect(() => discover([[0, 1, 2]], [true], f)).toThrow(/3 values but there are 2 factors/);
		expect(() => discover([[0, NaN]], [true], f)).toThrow(/finite/);
	});
	it('throws on options out of range', () => {
		const x = [
			[0, 1],
			[1, 0]
		];
		const y = [true, false];
		expect(() => discover(x, y, f, { alpha: 0 })).toThrow(RangeError);
		expect(() => discover(x, y, f, { alpha: 0.5 })).toThrow(RangeError);
		expect(() => discover(x, y, f, { minMass: 0 })).toThrow(RangeError);
		expect(() => discover(x, y, f, { maxRestrictions: 0 })).toThrow(RangeError);
		expect(() => discover(x, y, f, { maxRestrictions: 1.5 })).toThrow(RangeError);
		expect(() => discover(x, y, f, { minDensity: 2 })).toThrow(RangeError);
	});
});

describe('describeBox', () => {
	const factors: DiscoveryFactor[] = [
		{ key: 'asym', label: 'Loss to gain asymmetry', min: 1, max: 5 },
		{ key: 'reach', label: 'Partner reach', min: 0, max: 100, unit: '%' },
		{ key: 'kpi', label: 'KPI rigidity', min: 0, max: 1 },
		{ key: 'months', label: 'Months between KPI reviews', min: 1, max: 24, unit: ' months' },
		{ key: 'open', label: 'Open-mindedness', min: 0, max: 1, digits: 3 },
		{ key: 'event', label: 'A partner leaves', min: 0, max: 0.1 }
	];
	const asym: Restriction = { key: 'asym', label: 'Loss to gain asymmetry', lower: 4.2371 };
	const reach: Restriction = { key: 'reach', label: 'Partner reach', upper: 4.6 };
	const kpi: Restriction = { key: 'kpi', label: 'KPI rigidity', lower: 0.2049, upper: 0.3951 };

	it('says one restriction', () => {
		expect(describeBox([asym], factors)).toBe('loss to gain asymmetry is above 4.2');
		expect(describeBox([reach], factors)).toBe('partner reach is below 5%');
	});

	it('says two with "and"', () => {
		expect(describeBox([asym, reach], factors)).toBe(
			'loss to gain asymmetry is above 4.2 and partner reach is below 5%'
		);
	});

	it('says three with a comma and "and", keeping acronyms', () => {
		expect(describeBox([asym, reach, kpi], factors)).toBe(
			'loss to gain asymmetry is above 4.2, partner reach is below 5% and KPI rigidity is between 0.2 and 0.4'
		);
	});

	it('says nothing for no restrictions', () => {
		expect(describeBox([], factors)).toBe('');
	});

	it('uses the unit, the given digits and the range for decimals', () => {
		expect(
			describeBox(
				[{ key: 'months', label: 'Months between KPI reviews', lower: 6.5, upper: 11.5 }],
				factors
			)
		).toBe('months between KPI reviews is between 7 and 12 months');
		expect(
			describeBox([{ key: 'reach', label: 'Partner reach', lower: 5.2, upper: 9.6 }], factors)
		).toBe('partner reach is between 5% and 10%');
		expect(describeBox([{ key: 'open', label: 'Open-mindedness', upper: 0.123456 }], factors)).toBe(
			'open-mindedness is below 0.123'
		);
		expect(describeBox([{ key: 'event', label: 'A partner leaves', lower: 0.0312 }], factors)).toBe(
			'a partner leaves is above 0.031'
		);
	});

	it('adds decimals rather than round a bound onto the end of the range or both onto one number', () => {
		expect(describeBox([{ key: 'kpi', label: 'KPI rigidity', lower: 0.9962 }], factors)).toBe(
			'KPI rigidity is above 0.996'
		);
		expect(describeBox([{ key: 'kpi', label: 'KPI rigidity', upper: 0.0031 }], factors)).toBe(
			'KPI rigidity is below 0.003'
		);
		expect(
			describeBox([{ key: 'kpi', label: 'KPI rigidity', lower: 0.301, upper: 0.304 }], factors)
		).toBe('KPI rigidity is between 0.301 and 0.304');
	});

	it('leaves out a bound at an end of the range, and a restriction with none left', () => {
		expect(
			describeBox(
				[
					{ key: 'kpi', label: 'KPI rigidity', lower: 0, upper: 0.5 },
					{ key: 'asym', label: 'Loss to gain asymmetry', lower: 1, upper: 5 },
					asym
				],
				factors
			)
		).toBe('KPI rigidity is below 0.5 and loss to gain asymmetry is above 4.2');
	});

	it('writes a bound that rounds to zero as 0, and an unknown factor with two decimals', () => {
		const f: DiscoveryFactor[] = [{ key: 'd', label: 'Drift', min: -1, max: 1 }];
		expect(describeBox([{ key: 'd', label: 'Drift', lower: -0.001, upper: 0.5 }], f)).toBe(
			'drift is between 0 and 0.5'
		);
		expect(describeBox([{ key: 'd', label: 'Drift', lower: -0.004 }], f)).toBe('drift is above 0');
		expect(describeBox([{ key: 'zz', label: 'Unknown', upper: 1.23456 }], f)).toBe(
			'unknown is below 1.23'
		);
	});
});
