/**
 * Validation of bad input, field by field: every parameter in the registry, every segment
 * field, unknown keys, missing fields and the whole-scenario limits. Each problem must come
 * back with the field's path and a message that names the field, the bad value and the range.
 */
import { describe, expect, it } from 'vitest';
import {
	defaultScenario,
	describeIssues,
	LIMITS,
	PARAMS,
	SCHEMA_VERSION,
	SEGMENT_PARAMS,
	validateScenario,
	type ParamSpec,
	type ValidationIssue
} from '$lib/sim';

type Json = Record<string, unknown>;

/** A mutable plain copy of the default scenario. */
function base(): Json {
	return structuredClone(defaultScenario('Validation')) as unknown as Json;
}

/** Sets (or, with `remove`, deletes) the value at a dotted path of a plain object. */
function put(obj: Json, path: string, value: unknown, remove = false): Json {
	const parts = path.split('.');
	let node: Json = obj;
	for (const k of parts.slice(0, -1)) node = node[k] as Json;
	const last = parts[parts.length - 1];
	if (remove) delete node[last];
	else node[last] = value;
	return obj;
}

function issuesOf(input: unknown): ValidationIssue[] {
	const r = validateScenario(input);
	expect(r.ok, 'the input should be rejected').toBe(false);
	return r.ok ? [] : r.error;
}

/** How a bad value appears in a message. */
function shown(value: unknown): string {
	return typeof value === 'string' ? JSON.stringify(value) : String(value);
}

interface BadValue {
	label: string;
	value: unknown;
	/** The message must say a whole number is needed. */
	whole?: boolean;
}

function badValues(p: ParamSpec): BadValue[] {
	const bad: BadValue[] = [
		{ label: 'below the minimum', value: p.min - 1 },
		{ label: 'above the maximum', value: p.max + 1 },
		{ label: 'a string', value: 'lots' },
		{ label: 'a numeric string', value: String(p.default) },
		{ label: 'NaN', value: NaN },
		{ label: 'Infinity', value: Infinity },
		{ label: '-Infinity', value: -Infinity }
	];
	if (p.integer) bad.push({ label: 'not a whole number', value: p.min + 0.5, whole: true });
	return bad;
}

function expectOneIssue(input: unknown, path: string, field: string, p: ParamSpec, bad: BadValue) {
	const { value } = bad;
	const issues = issuesOf(input);
	expect(issues).toHaveLength(1);
	const [issue] = issues;
	expect(issue.path).toBe(path);
	expect(issue.message).toContain(field);
	expect(issue.message).toContain(`got ${shown(value)}`);
	expect(issue.message).toContain(String(p.min));
	expect(issue.message).toContain(String(p.max));
	if (bad.whole) expect(issue.message).toMatch(/whole number/);
}

describe('the defaults', () => {
	it('validate, and every registry default lies in its range', () => {
		expect(validateScenario(defaultScenario()).ok).toBe(true);
		for (const p of [...PARAMS, ...SEGMENT_PARAMS]) {
			expect(p.default, p.path).toBeGreaterThanOrEqual(p.min);
			expect(p.default, p.path).toBeLessThanOrEqual(p.max);
			if (p.integer) expect(Number.isInteger(p.default), p.path).toBe(true);
		}
	});

	it('accept both ends of every range', () => {
		for (const p of PARAMS) {
			expect(validateScenario(put(base(), p.path, p.min)).ok, `${p.path} = min`).toBe(true);
			expect(validateScenario(put(base(), p.path, p.max)).ok, `${p.path} = max`).toBe(true);
		}
	});
});

describe('every parameter rejects bad values', () => {
	const cases = PARAMS.flatMap((p) => badValues(p).map((bad) => ({ name: p.path, p, bad })));
	it.each(cases)('$name: $bad.label', ({ p, bad }) => {
		expectOneIssue(put(base(), p.path, bad.value), p.path, p.path, p, bad);
	});
});

describe('every segment field rejects bad values', () => {
	const cases = SEGMENT_PARAMS.flatMap((p) =>
		badValues(p).map((bad) => ({ name: `community.segments.2.${p.path}`, p, bad }))
	);
	it.each(cases)('$name: $bad.label', ({ name, p, bad }) => {
		const input = put(base(), name, bad.value);
		expectOneIssue(input, name, p.path, p, bad);
		// The message says which segment.
		expect(issuesOf(input)[0].message).toContain('community.segments.2');
	});
});

describe('unknown keys', () => {
	it.each([
		['top level', 'colour', 'colour'],
		['contract', 'contract.foo', 'foo'],
		['trust', 'trust.speed', 'speed'],
		['community', 'community.size', 'size'],
		['a segment', 'community.segments.1.age', 'age'],
		['segment weights', 'community.segments.1.weights.honesty', 'honesty']
	])('rejects an unknown key in %s', (_where, path, key) => {
		const issues = issuesOf(put(base(), path, 1));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toBe(path);
		expect(issues[0].message).toContain(`"${key}"`);
		expect(issues[0].message).toMatch(/unknown field/);
	});

	it('names the segment in messages about its weights', () => {
		const unknown = issuesOf(put(base(), 'community.segments.1.weights.honesty', 1));
		expect(unknown[0].message).toContain('community.segments.1');
		const missing = issuesOf(put(base(), 'community.segments.1.weights.results', 0, true));
		expect(missing[0].message).toContain('community.segments.1');
	});
});

describe('missing fields', () => {
	const topLevel = Object.keys(base());
	it.each(topLevel)('rejects a scenario without %s, with that path', (key) => {
		const issues = issuesOf(put(base(), key, undefined, true));
		expect(issues[0].path).toBe(key);
	});

	it.each(PARAMS.map((p) => p.path))('rejects a scenario without %s, with that path', (path) => {
		const issues = issuesOf(put(base(), path, undefined, true));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toBe(path);
	});

	it.each([...SEGMENT_PARAMS.map((p) => p.path), 'name'])(
		'rejects a segment without %s, with that path',
		(field) => {
			const input = put(base(), `community.segments.0.${field}`, undefined, true);
			const issues = issuesOf(input);
			expect(issues).toHaveLength(1);
			expect(issues[0].path).toBe(`community.segments.0.${field}`);
		}
	);

	it('names the missing field in the message', () => {
		for (const p of PARAMS) {
			const issues = issuesOf(put(base(), p.path, undefined, true));
			const key = p.path.split('.').pop() ?? p.path;
			expect(issues[0].message, p.path).toContain(key);
			expect(issues[0].message, p.path).toMatch(/missing|required/i);
		}
	});
});

describe('whole-scenario rules', () => {
	it('rejects a wrong schemaVersion', () => {
		for (const v of [SCHEMA_VERSION + 1, 0, String(SCHEMA_VERSION), null]) {
			const issues = issuesOf(put(base(), 'schemaVersion', v));
			expect(issues).toHaveLength(1);
			expect(issues[0].path).toBe('schemaVersion');
			expect(issues[0].message).toContain(`schemaVersion must be ${SCHEMA_VERSION}`);
			expect(issues[0].message).toContain(`got ${shown(v)}`);
		}
	});

	it('rejects names with control characters or text-direction overrides', () => {
		const cases: [string, string][] = [
			['Plan\u202Egnirts', 'U+202E, a text-direction control'],
			['nul\u0000name', 'U+0000, a control character'],
			['two\nlines', 'U+000A, a control character'],
			['isolate\u2067x', 'U+2067, a text-direction control'],
			['c1\u0085x', 'U+0085, a control character']
		];
		for (const [name, found] of cases) {
			expect(issuesOf(put(base(), 'name', name))).toEqual([
				{
					path: 'name',
					message: `name must not contain control or text-direction characters; found ${found}.`
				}
			]);
		}
		const segment = put(base(), 'community.segments.0.name', 'Youth\u202D');
		expect(issuesOf(segment)[0].message).toMatch(/segments\.0: name must not contain control/);
		// Letters of right-to-left scripts and ordinary marks are fine.
		for (const name of ['مجتمع محلي', 'שכונה', 'Café – “quoted”', 'Co\u200Edesign']) {
			expect(validateScenario(put(base(), 'name', name)).ok, name).toBe(true);
		}
	});

	it('rejects an empty or blank name', () => {
		for (const name of ['', '   ']) {
			const issues = issuesOf(put(base(), 'name', name));
			expect(issues).toEqual([{ path: 'name', message: 'name must not be empty.' }]);
		}
		const long = issuesOf(put(base(), 'name', 'x'.repeat(LIMITS.nameMaxLength + 1)));
		expect(long[0].path).toBe('name');
		expect(long[0].message).toContain(String(LIMITS.nameMaxLength));
	});

	it('rejects a name that is not text', () => {
		const issues = issuesOf(put(base(), 'name', 42));
		expect(issues[0].path).toBe('name');
		expect(issues[0].message).toMatch(/name must be text; got 42/);
	});

	it('rejects an empty segment name', () => {
		const issues = issuesOf(put(base(), 'community.segments.1.name', ''));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toBe('community.segments.1.name');
		expect(issues[0].message).toMatch(/community\.segments\.1: name must not be empty/);
	});

	it('rejects an empty list of segments', () => {
		const issues = issuesOf(put(base(), 'community.segments', []));
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toBe('community.segments');
		expect(issues[0].message).toMatch(/at least one segment/);
	});

	it('rejects too many segments', () => {
		const input = base();
		const segs = (input.community as Json).segments as Json[];
		const many = Array.from({ length: LIMITS.maxSegments + 1 }, (_, i) => ({
			...segs[0],
			name: `Segment ${i}`,
			size: 10
		}));
		const issues = issuesOf(put(input, 'community.segments', many));
		expect(issues[0].path).toBe('community.segments');
		expect(issues[0].message).toContain(String(LIMITS.maxSegments));
	});

	it('rejects a community larger than the model runs', () => {
		const input = base();
		const segs = (input.community as Json).segments as Json[];
		const each = Math.ceil((LIMITS.maxPeople + 1) / segs.length);
		for (const g of segs) g.size = each;
		const total = each * segs.length;
		const issues = issuesOf(input);
		expect(issues).toHaveLength(1);
		expect(issues[0].message).toContain(total.toLocaleString('en-GB'));
		expect(issues[0].message).toContain(LIMITS.maxPeople.toLocaleString('en-GB'));
		// Exactly at the limit is fine.
		for (const g of segs) g.size = LIMITS.maxPeople / segs.length;
		expect(validateScenario(input).ok).toBe(true);
	});

	it('rejects a segment that weighs no component of trust', () => {
		const issues = issuesOf(
			put(base(), 'community.segments.0.weights', {
				integrity: 0,
				intent: 0,
				competence: 0,
				results: 0
			})
		);
		expect(issues).toHaveLength(1);
		expect(issues[0].message).toMatch(/at least one component of trust/);
	});

	it.each([
		['null', null],
		['a string', 'scenario'],
		['a number', 3]
	])('rejects %s as a whole', (_label, input) => {
		const issues = issuesOf(input);
		expect(issues).toHaveLength(1);
		expect(issues[0].path).toBe('');
		expect(issues[0].message).toMatch(/The scenario must be an object/);
	});

	it('reports every problem, each on its own path', () => {
		const input = put(put(put(base(), 'seed', -1), 'runs', 1), 'power.sharing', 2);
		const issues = issuesOf(input);
		expect(issues.map((i) => i.path)).toEqual(['seed', 'runs', 'power.sharing']);
	});
});

describe('describeIssues', () => {
	it('gives one line naming the first problem and counting the rest', () => {
		const one = issuesOf(put(base(), 'runs', 1));
		expect(describeIssues(one)).toBe(one[0].message);
		const three = issuesOf(put(put(put(base(), 'seed', -1), 'runs', 1), 'horizonMonths', 1));
		const line = describeIssues(three);
		expect(line).not.toContain('\n');
		expect(line.startsWith(three[0].message)).toBe(true);
		expect(line).toContain('and 2 more problems');
		const two = issuesOf(put(put(base(), 'seed', -1), 'runs', 1));
		expect(describeIssues(two)).toContain('and 1 more problem)');
		expect(describeIssues([])).toBe('The scenario is valid.');
	});

	it('stays on one line for every single-field problem', () => {
		for (const p of PARAMS) {
			const line = describeIssues(issuesOf(put(base(), p.path, 'bad')));
			expect(line).not.toMatch(/[\r\n]/);
			expect(line).toContain(p.path);
		}
	});
});
