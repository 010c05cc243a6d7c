/**
 * The WebAssembly member step (kernel/member-step.ts) against the JavaScript one
 * (`stepMembers` in src/lib/sim/members.ts): the same summaries, bit for bit, on every preset
 * and on random valid scenarios, so the kernel can never drift from the documented model.
 */
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { PRESETS, simulateRuns, type Scenario } from '$lib/sim';
import { kernelAvailable, useKernel } from '$lib/sim/kernel';
import { createRunContext } from '$lib/sim/run';
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

	it('keeps its members in memory that never detaches while a context lives', () => {
		const ctx = createRunContext(PRESETS[0].scenario);
		const before = ctx.members.integrity.buffer;
		simulateRuns(PRESETS[0].scenario, 0, 2);
		expect(ctx.members.integrity.buffer).toBe(before);
		expect(ctx.members.integrity.byteLength).toBeGreaterThan(0);
	});
});
