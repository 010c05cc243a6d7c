/**
 * Random valid scenarios for property tests: every parameter drawn from its registry range,
 * one to four random segments, few runs, short horizons and small communities to stay fast.
 */
import fc from 'fast-check';
import {
	defaultScenario,
	PARAMS,
	SEGMENT_PARAMS,
	setParam,
	type ParamSpec,
	type Scenario,
	type Segment
} from '$lib/sim';

/** A value anywhere in a parameter's range. */
function valueOf(p: ParamSpec): fc.Arbitrary<number> {
	return p.integer
		? fc.integer({ min: p.min, max: p.max })
		: fc.double({ min: p.min, max: p.max, noNaN: true });
}

const spec = (path: string): ParamSpec => {
	const p = SEGMENT_PARAMS.find((q) => q.path === path);
	if (!p) throw new Error(path);
	return p;
};

/** Segment sizes are capped so four segments stay well inside the people limit. */
const MAX_SEGMENT_SIZE = 2500;

const segmentArb: fc.Arbitrary<Segment> = fc.record({
	name: fc.string({ minLength: 1, maxLength: 20 }).filter((s) => s.trim().length > 0),
	size: fc.integer({ min: spec('size').min, max: MAX_SEGMENT_SIZE }),
	initialTrust: valueOf(spec('initialTrust')),
	scepticism: valueOf(spec('scepticism')),
	reachability: valueOf(spec('reachability')),
	weights: fc
		.record({
			integrity: valueOf(spec('weights.integrity')),
			intent: valueOf(spec('weights.intent')),
			competence: valueOf(spec('weights.competence')),
			results: valueOf(spec('weights.results'))
		})
		// The schema requires at least one weight above 0.
		.filter((w) => w.integrity + w.intent + w.competence + w.results > 0)
});

/** Every registry parameter at a random value in range. */
const paramsArb = fc.tuple(...PARAMS.map(valueOf));

/** A random valid scenario with a small simulation cost. */
export const scenarioArb: fc.Arbitrary<Scenario> = fc
	.record({
		params: paramsArb,
		segments: fc.array(segmentArb, { minLength: 1, maxLength: 4 }),
		runs: fc.integer({ min: 10, max: 20 }),
		horizonMonths: fc.integer({ min: 12, max: 48 })
	})
	.map(({ params, segments, runs, horizonMonths }) => {
		let s = defaultScenario('Random');
		PARAMS.forEach((p, i) => (s = setParam(s, p.path, params[i])));
		s = setParam(s, 'runs', runs);
		s = setParam(s, 'horizonMonths', horizonMonths);
		s.community.segments = segments;
		return s;
	});
