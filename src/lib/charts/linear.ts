/**
 * A linear scale from a two-point domain to a two-point range, with d3's ticks and nice
 * (from d3-array) and d3-scale's arithmetic: the charts need nothing more of d3-scale, whose
 * generic interpolation would bring colour parsing and number formatting into every page
 * with a chart (about 8 KB gzipped). A piecewise scale (the sweep's axis) still uses d3's.
 */
import { nice as niceInterval, ticks as tickValues } from 'd3';

export interface Linear {
	(value: number): number;
	domain(): [number, number];
	domain(domain: readonly number[]): Linear;
	range(): [number, number];
	range(range: readonly number[]): Linear;
	/** Round values in the domain, about `count` of them (d3's ticks). */
	ticks(count?: number): number[];
	/** Extends the domain to round values (d3's nice). */
	nice(count?: number): Linear;
	/** The domain value at a range value. */
	invert(value: number): number;
	/** Keeps outputs within the range. */
	clamp(on: boolean): Linear;
	copy(): Linear;
}

/** The share of the way from a to b that x is (0.5 when a equals b, as in d3). */
function normalise(a: number, b: number, x: number): number {
	const span = b - a;
	return span === 0 ? (Number.isNaN(span) ? NaN : 0.5) : (x - a) / span;
}

const mix = (a: number, b: number, t: number) => a * (1 - t) + b * t;

/** From `from` to `to`, as d3's bimap (which works from the lower end of the domain). */
function bimap(
	from: [number, number],
	to: [number, number],
	x: number,
	limit: (t: number) => number
): number {
	return from[1] < from[0]
		? mix(to[1], to[0], limit(normalise(from[1], from[0], x)))
		: mix(to[0], to[1], limit(normalise(from[0], from[1], x)));
}

/** A linear scale, as d3's `scaleLinear().domain(domain).range(range)`. */
export function scaleLinear(
	domain: readonly number[] = [0, 1],
	range: readonly number[] = [0, 1]
): Linear {
	let d: [number, number] = [domain[0], domain[domain.length - 1]];
	let r: [number, number] = [range[0], range[range.length - 1]];
	let clamped = false;
	const limit = (t: number) => (clamped ? Math.max(0, Math.min(1, t)) : t);

	const scale = ((value: number) => bimap(d, r, value, limit)) as Linear;
	scale.domain = ((next?: readonly number[]) => {
		if (next === undefined) return [d[0], d[1]];
		d = [+next[0], +next[next.length - 1]];
		return scale;
	}) as Linear['domain'];
	scale.range = ((next?: readonly number[]) => {
		if (next === undefined) return [r[0], r[1]];
		r = [+next[0], +next[next.length - 1]];
		return scale;
	}) as Linear['range'];
	scale.ticks = (count = 10) => tickValues(d[0], d[1], count);
	scale.nice = (count = 10) => {
		const reversed = d[1] < d[0];
		const [lo, hi] = reversed ? [d[1], d[0]] : d;
		const [a, b] = niceInterval(lo, hi, count);
		d = reversed ? [b, a] : [a, b];
		return scale;
	};
	scale.invert = (value) => bimap(r, d, value, limit);
	scale.clamp = (on) => {
		clamped = on;
		return scale;
	};
	scale.copy = () => scaleLinear(d, r).clamp(clamped);
	return scale;
}
