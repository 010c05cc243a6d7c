/**
 * The seeded generator: one stream per (seed, run, process), repeatable and roughly uniform.
 */
import { describe, expect, it } from 'vitest';
import { Rng, Stream } from '$lib/sim/rng';

function draws(rng: Rng, n: number): number[] {
	return Array.from({ length: n }, () => rng.next());
}

describe('Rng', () => {
	it('repeats for the same seed, run and stream', () => {
		expect(draws(new Rng(20221130, 7, Stream.agents), 1000)).toEqual(
			draws(new Rng(20221130, 7, Stream.agents), 1000)
		);
	});

	it('differs between streams, runs and seeds', () => {
		const base = draws(new Rng(42, 3, Stream.events), 100);
		for (const other of [
			new Rng(42, 3, Stream.staff),
			new Rng(42, 3, Stream.init),
			new Rng(42, 4, Stream.events),
			new Rng(43, 3, Stream.events)
		]) {
			const xs = draws(other, 100);
			// Independent streams: essentially no draw coincides.
			expect(xs.filter((x, i) => x === base[i]).length).toBe(0);
		}
	});

	it('is roughly uniform on [0, 1)', () => {
		const rng = new Rng(1, 0, Stream.agents);
		const n = 100_000;
		const bins = new Array<number>(10).fill(0);
		let sum = 0;
		let outside = 0;
		for (let i = 0; i < n; i++) {
			const x = rng.next();
			if (!(x >= 0 && x < 1)) outside++;
			sum += x;
			bins[Math.floor(x * 10)]++;
		}
		expect(outside).toBe(0);
		expect(Math.abs(sum / n - 0.5)).toBeLessThan(0.01);
		// Each tenth holds about 10,000 draws (standard deviation about 95).
		for (const c of bins) expect(Math.abs(c - n / 10)).toBeLessThan(600);
	});

	it('draws integers in range and standard normals', () => {
		const rng = new Rng(5, 1, Stream.procurement);
		const ints = Array.from({ length: 10_000 }, () => rng.int(6));
		expect(ints.every((k) => Number.isInteger(k) && k >= 0 && k < 6)).toBe(true);
		expect(new Set(ints).size).toBe(6);
		const zs = Array.from({ length: 20_000 }, () => rng.normal());
		const m = zs.reduce((a, b) => a + b, 0) / zs.length;
		const v = zs.reduce((a, b) => a + (b - m) ** 2, 0) / (zs.length - 1);
		expect(Math.abs(m)).toBeLessThan(0.05);
		expect(Math.abs(v - 1)).toBeLessThan(0.05);
	});
});
