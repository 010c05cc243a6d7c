/**
 * The WebAssembly member step (kernel/member-step.ts) against the JavaScript one
 * (`stepMembers` in src/lib/sim/members.ts): the same summaries, bit for bit, on every preset
 * and on random valid scenarios, so the kernel can never drift from the documented model.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { PRESETS, simulateRuns, type Scenario } from '$lib/sim';
import { kernelAvailable, useKernel } from '$lib/sim/kernel';
import { createRunContext, simulateRun } from '$lib/sim/run';
import { scenarioArb } from './arbitraries';

/** Runs [start, start + count) with the kernel on or off. */
function runs(s: Scenario, kernel: boolean, start: number, count: number) {
	useKernel(kernel);
	try {
		return simulateRuns(s, start, count);
	} finally {
		useKernel(true);
	}
}

afterEach(() => useKernel(true));

describe('the WebAssembly member step', () => {
	it('is available in Node', () => {
		expect(kernelAvailable()).toBe(true);
		expect(createRunContext(PRESETS[0].scenario).kernel).not.toBeNull();
	});

	it('can be turned off, and the model then steps members in JavaScript', () => {
		useKernel(false);
		expect(kernelAvailable()).toBe(false);
		expect(createRunContext(PRESETS[0].scenario).kernel).toBeNull();
	});

	it.each(PRESETS.map((p) => [p.id, p.scenario] as const))(
		'gives the same summary as the JavaScript step for preset %s',
		(_id, s) => {
			expect(runs(s, true, 5, 12)).toEqual(runs(s, false, 5, 12));
		}
	);

	it('gives the same summary as the JavaScript step on random valid scenarios', () => {
		fc.assert(
			fc.property(scenarioArb, (s) => {
				expect(runs(s, true, 0, 3)).toEqual(runs(s, false, 0, 3));
			}),
			{ numRuns: 40 }
		);
	});

	/** Every member's state and every monthly value after `count` runs, kernel on or off. */
	function states(s: Scenario, kernel: boolean, count: number) {
		useKernel(kernel);
		const ctx = createRunContext(s);
		useKernel(true);
		expect(ctx.kernel !== null).toBe(kernel);
		const out: number[][] = [];
		for (let run = 0; run < count; run++) {
			simulateRun(ctx, run);
			for (const values of Object.values(ctx.members)) out.push(Array.from(values));
			out.push(Array.from(ctx.trace), Array.from(ctx.ladder), Array.from(ctx.metrics));
		}
		return out;
	}

	it.each(PRESETS.map((p) => [p.id, p.scenario] as const))(
		'leaves every member in the same state as the JavaScript step for preset %s',
		(_id, s) => {
			// Object.is tells -0 from 0 and NaN from NaN: the arrays must match bit for bit.
			const a = states(s, true, 4);
			const b = states(s, false, 4);
			expect(a.length).toBe(b.length);
			a.forEach((values, k) => values.forEach((x, i) => expect(Object.is(x, b[k][i])).toBe(true)));
		}
	);

	it('matches the JavaScript step when segments are not multiples of four members', () => {
		// Segments of 37, 1, 5 and 203 members: partial groups of four everywhere, and a segment
		// of one member whose group has three missing lanes.
		const s = structuredClone(PRESETS[1].scenario);
		const sizes = [37, 1, 5, 203];
		s.community.segments.forEach((g, k) => (g.size = sizes[k % 4] * s.community.peoplePerAgent));
		const layout = createRunContext(s).layout;
		expect(Array.from(layout.counts).slice(0, 4)).toEqual(sizes);
		const a = states(s, true, 4);
		const b = states(s, false, 4);
		a.forEach((values, k) => values.forEach((x, i) => expect(Object.is(x, b[k][i])).toBe(true)));
	});

	it('keeps its members in memory that never detaches while a context lives', () => {
		const ctx = createRunContext(PRESETS[0].scenario);
		const before = ctx.members.integrity.buffer;
		simulateRuns(PRESETS[0].scenario, 0, 2);
		expect(ctx.members.integrity.buffer).toBe(before);
		expect(ctx.members.integrity.byteLength).toBeGreaterThan(0);
	});
});
