/**
 * The model documentation (docs/model.md) against the code, so the documentation stays true
 * when the model changes: the seven ODD sections, every parameter of the registry with its
 * anchor, default and range, every named constant of the submodels with its value, the
 * random streams, the end metrics, the presets, the default community and the versions.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as community from '../../src/lib/sim/community';
import * as events from '../../src/lib/sim/events';
import * as ladder from '../../src/lib/sim/ladder';
import { METRICS, NEVER } from '../../src/lib/sim/outputs';
import * as params from '../../src/lib/sim/params';
import { PARAMS, SEGMENT_PARAMS, paramAnchor, type ParamSpec } from '../../src/lib/sim/params';
import { DEFAULT_SEGMENTS, PRESETS, defaultScenario } from '../../src/lib/sim/presets';
import * as provider from '../../src/lib/sim/provider';
import { Stream } from '../../src/lib/sim/rng';
import * as run from '../../src/lib/sim/run';
import { getParam } from '../../src/lib/sim/scenario';
import * as summary from '../../src/lib/sim/summary';
import * as trust from '../../src/lib/sim/trust';
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
	const modules: Record<string, Record<string, unknown>> = {
		'trust.ts': trust,
		'ladder.ts': ladder,
		'provider.ts': provider,
		'community.ts': community,
		'run.ts': run,
		'events.ts': events,
		'summary.ts': summary,
		'params.ts': params
	};
	const isNumbers = (v: unknown[]) => v.every((x) => typeof x === 'number');

	/** Every exported UPPER_CASE numeric constant, flattened to [name, value as written, file]. */
	const constants: [string, string, string][] = [];
	for (const [file, mod] of Object.entries(modules)) {
		for (const [name, value] of Object.entries(mod)) {
			if (!/^[A-Z][A-Z0-9_]*$/.test(name)) continue;
			if (typeof value === 'number') constants.push([name, String(value), file]);
			else if (Array.isArray(value) && isNumbers(value))
				constants.push([name, `[${value.map(String).join(', ')}]`, file]);
			else if (
				typeof value === 'object' &&
				value !== null &&
				!Array.isArray(value) &&
				isNumbers(Object.values(value))
			) {
				for (const [key, v] of Object.entries(value))
					constants.push([`${name}.${key}`, String(v), file]);
			}
		}
	}

	it('finds the constants to check', () => {
		expect(constants.length).toBeGreaterThan(40);
	});

	it.each(constants)('documents %s = %s (%s)', (name, value, file) => {
		const c = rowStartingWith(code(name));
		expect(c[1]).toBe(value);
		expect(c[2]).toBe(code(file));
	});

	it('lists no constant the code lacks', () => {
		const known = new Set(constants.map(([name]) => code(name)));
		const listed = tableRows
			.map((r) => cells(r)[0])
			.filter((first) => /^`[A-Z][A-Z0-9_]*(\.\w+)?`$/.test(first));
		expect(listed.filter((first) => !known.has(first))).toEqual([]);
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
