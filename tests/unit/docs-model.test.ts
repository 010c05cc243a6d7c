/**
 * The model documentation (docs/model.md) against the code, so the documentation stays true
 * when the model changes: the seven ODD sections, every parameter of the registry with its
 * anchor, default and range, every internal constant with its default, range and shape, the
 * random streams, the end metrics, the presets, the default community and the versions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ASSUMPTIONS } from '../../src/lib/sim/assumptions';
import { METRICS, NEVER } from '../../src/lib/sim/outputs';
import {
	PARAM_UNCERTAINTY,
	PARAMS,
	SEGMENT_PARAMS,
	paramAnchor,
	type ParamSpec
} from '../../src/lib/sim/params';
import { DEFAULT_SEGMENTS, PRESETS, defaultScenario } from '../../src/lib/sim/presets';
import { Stream } from '../../src/lib/sim/rng';
import { getParam } from '../../src/lib/sim/scenario';
import { MODEL_VERSION, SCHEMA_VERSION } from '../../src/lib/sim/version';

const doc = readFileSync(fileURLToPath(new URL('../../docs/model.md', import.meta.url)), 'utf8');
const lines = doc.split('\n');
const tableRows = lines.filter((l) => l.trimStart().startsWith('|'));

/** The cells of a Markdown table row, trimmed (escaped pipes stay inside a cell). */
function cells(row: string): string[] {
	return row
		.trim()
		.replace(/^\|/, '')
		.replace(/\|$/, '')
		.split(/(?<!\\)\|/)
		.map((c) => c.trim());
}

/** The one table row whose first cell is exactly `first`. */
function rowStartingWith(first: string): string[] {
	const rows = tableRows.map(cells).filter((c) => c[0] === first);
	expect(rows, `exactly one table row starting with ${first}`).toHaveLength(1);
	return rows[0];
}

const code = (s: string) => '`' + s + '`';

describe('docs/model.md: the ODD protocol', () => {
	it.each([
		'## 1. Purpose and patterns',
		'## 2. Entities, state variables and scales',
		'## 3. Process overview and scheduling',
		'## 4. Design concepts',
		'## 5. Initialization',
		'## 6. Input data',
		'## 7. Submodels',
		'## 8. Limitations and known simplifications'
	])('has the section %s', (heading) => {
		expect(lines).toContain(heading);
	});

	it.each([
		'Basic principles',
		'Emergence',
		'Adaptation',
		'Objectives',
		'Learning',
		'Prediction',
		'Sensing',
		'Interaction',
		'Stochasticity',
		'Collectives',
		'Observation'
	])('has the design concept %s', (concept) => {
		expect(lines).toContain(`### ${concept}`);
	});

	it('states the model and schema versions', () => {
		expect(doc).toContain(`Model version: ${code(MODEL_VERSION)}`);
		expect(doc).toContain(`Scenario schema version: ${code(String(SCHEMA_VERSION))}`);
	});
});

describe('docs/model.md: parameters', () => {
	const all: [ParamSpec, boolean][] = [
		...PARAMS.map((p): [ParamSpec, boolean] => [p, false]),
		...SEGMENT_PARAMS.map((p): [ParamSpec, boolean] => [p, true])
	];

	it.each(all.map(([p, segment]) => [paramAnchor(p.path, segment), p, segment] as const))(
		'documents %s with its anchor, label, default and range',
		(anchor, p) => {
			const tag = `<a id="${anchor}"></a>`;
			expect(doc.split(`id="${anchor}"`), `one anchor ${anchor}`).toHaveLength(2);
			const row = tableRows.filter((l) => l.includes(tag));
			expect(row, `a table row with ${tag}`).toHaveLength(1);
			const c = cells(row[0]);
			expect(c[0]).toBe(tag + code(p.path));
			expect(c[1].startsWith(p.label)).toBe(true);
			expect(c[2]).toBe(String(p.default));
			expect(c[3].startsWith(`${p.min} to ${p.max}`)).toBe(true);
		}
	);

	it('has no anchor for a parameter the registry lacks', () => {
		const expected = new Set(all.map(([p, segment]) => paramAnchor(p.path, segment)));
		const found = [...doc.matchAll(/id="(param-[^"]+)"/g)].map((m) => m[1]);
		expect(found.filter((a) => !expected.has(a))).toEqual([]);
	});
});

describe('docs/model.md: internal constants', () => {
	it.each(ASSUMPTIONS.map((a) => [a.key, a] as const))(
		'documents %s with its default, range, shape and file',
		(key, a) => {
			const c = rowStartingWith(code(key));
			expect(c[1]).toBe(a.label);
			expect(Number(c[2])).toBeCloseTo(a.default, 5);
			expect(c[3]).toBe(`${a.min} to ${a.max}${a.integer ? ', whole' : ''}`);
			expect(c[4]).toBe(a.shape);
			expect(c[8]).toBe(code(a.file));
		}
	);

	it('lists no constant the registry lacks', () => {
		const start = lines.indexOf('### 7.15 Internal constants');
		const end = lines.findIndex((l, i) => i > start && l.startsWith('### '));
		const listed = lines
			.slice(start, end)
			.filter((l) => l.trimStart().startsWith('|'))
			.map((r) => cells(r)[0])
			.filter((first) => /^`\w+`$/.test(first));
		const known = new Set(ASSUMPTIONS.map((a) => code(a.key)));
		expect(listed.filter((first) => !known.has(first))).toEqual([]);
		expect(listed.length).toBe(ASSUMPTIONS.length);
	});

	it('puts every default inside its range', () => {
		for (const a of ASSUMPTIONS) {
			expect(a.default, a.key).toBeGreaterThanOrEqual(a.min);
			expect(a.default, a.key).toBeLessThanOrEqual(a.max);
		}
	});

	it('documents the "never" sentinel', () => {
		expect(doc).toContain(`${code('NEVER')} (${String(NEVER).replace('-', '−')},`);
	});
});

describe('docs/model.md: randomness, metrics, presets and the default community', () => {
	it.each(Object.entries(Stream))('documents the %s stream with id %i', (name, id) => {
		expect(rowStartingWith(code(name))[1]).toBe(String(id));
	});

	const start = lines.indexOf('### 7.12 End metrics');
	const end = lines.findIndex((l, i) => i > start && l.startsWith('#'));
	const metricRows = lines.slice(start, end).filter((l) => l.trimStart().startsWith('|'));
	it.each([...METRICS])('defines the end metric %s', (key) => {
		expect(start).toBeGreaterThan(0);
		expect(metricRows.map((r) => cells(r)[0])).toContain(code(key));
	});

	const defaults = defaultScenario();
	it.each(PRESETS.map((p) => [p.id, p] as const))(
		'lists preset %s with what it changes',
		(id, preset) => {
			const c = rowStartingWith(code(id));
			expect(c[1]).toBe(preset.scenario.name);
			const changes = PARAMS.filter(
				(p) => getParam(preset.scenario, p.path) !== getParam(defaults, p.path)
			).map((p) => `${code(p.path)} = ${getParam(preset.scenario, p.path)}`);
			expect(c[2].split('; ').sort()).toEqual([...changes].sort());
			expect(preset.scenario.community.segments).toEqual(defaults.community.segments);
		}
	);

	it.each(DEFAULT_SEGMENTS.map((g) => [g.name, g] as const))(
		'lists the default segment %s',
		(name, g) => {
			const c = rowStartingWith(name);
			expect(c.slice(1, 9)).toEqual(
				[
					g.size,
					g.initialTrust,
					g.scepticism,
					g.reachability,
					g.weights.integrity,
					g.weights.intent,
					g.weights.competence,
					g.weights.results
				].map(String)
			);
		}
	);
});

describe('docs/model.md: uncertain assumptions', () => {
	const start = lines.indexOf('### 7.18 Uncertain assumptions');
	const end = lines.findIndex((l, i) => i > start && l.startsWith('#'));
	const rows = lines
		.slice(start, end)
		.filter((l) => l.trimStart().startsWith('|'))
		.map(cells)
		.filter((c) => /^`[\w.]+`$/.test(c[0]));

	it('lists the spread of every parameter that is an assumption, and no other', () => {
		expect(start).toBeGreaterThan(0);
		const spread = PARAMS.filter((p) => PARAM_UNCERTAINTY[p.path]);
		expect(rows.map((c) => c[0])).toEqual(spread.map((p) => code(p.path)));
		for (const c of rows) {
			const u = PARAM_UNCERTAINTY[c[0].slice(1, -1)];
			expect(c[2]).toBe(`value ${u.change === 'plus' ? '+' : '×'} (${u.low} to ${u.high})`);
			expect(c[3]).toBe(u.shape);
		}
	});
});
