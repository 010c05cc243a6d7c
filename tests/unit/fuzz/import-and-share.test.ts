/**
 * Fuzzing the two ways data comes into the app from outside: library files and share
 * links. Random and mutated inputs (truncated, wrong types, huge numbers, deep nesting,
 * megabytes of text, HTML and script in names) must never throw, never change what is
 * stored unless the whole input is valid, and always end in a clear message.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Library } from '../../../src/lib/db/library';
import { codeFromLink, decodeScenario, encodeScenario } from '../../../src/lib/db/share';
import { exportScenarios, importText, serializeLibrary } from '../../../src/lib/db/transfer';
import { presetById, validateScenario, DEMO_PRESET_ID } from '../../../src/lib/sim/index';
import { freshLibrary, must } from '../db/helpers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Everything the library holds, in a comparable form. */
async function snapshot(lib: Library): Promise<string> {
	const { db } = lib;
	const [scenarios, comparisons, versions] = await Promise.all([
		db.scenarios.orderBy('id').toArray(),
		db.comparisons.orderBy('id').toArray(),
		db.versions.orderBy('id').toArray()
	]);
	return JSON.stringify({ scenarios, comparisons, versions });
}

/** A library with the examples and two scenarios of the user's own, and its export file. */
async function libraryWithFile(): Promise<{ lib: Library; file: Json }> {
	const lib = freshLibrary();
	must(await lib.seedPresets(0));
	must(await lib.createScenario(undefined, 1));
	const second = must(await lib.createScenario(undefined, 2));
	must(
		await lib.updateDetails(
			second.id,
			{ name: 'Longer contract, flexible outcomes', description: second.description, tags: [] },
			3
		)
	);
	const doc = must(await exportScenarios(lib));
	return { lib, file: JSON.parse(serializeLibrary(doc)) as Json };
}

/** Values that break naive code: wrong types, extremes, markup, deep nesting, long text. */
const hostile: fc.Arbitrary<Json> = fc.oneof(
	fc.constantFrom<Json>(
		null,
		true,
		-1,
		0,
		1e308,
		-1e308,
		Number.MAX_SAFE_INTEGER,
		'',
		'<script>alert(1)</script>',
		'<img src=x onerror=alert(1)>',
		'"><svg onload=alert(1)>',
		'__proto__',
		'constructor',
		'\u0000\u202e\ud800',
		[],
		{}
	),
	fc.double(),
	fc.integer(),
	fc.string({ maxLength: 200 }),
	fc.string({ minLength: 1, maxLength: 5 }).map((s) => s.repeat(20_000)),
	fc.integer({ min: 1, max: 200 }).map((depth) => {
		let v: Json = 'deep';
		for (let i = 0; i < depth; i++) v = i % 2 ? { nested: v } : [v];
		return v;
	}),
	fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>
);

/** Every path (keys and indices) to a value inside a JSON document. */
function paths(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
	const out: (string | number)[][] = [prefix];
	if (Array.isArray(value)) value.forEach((v, i) => out.push(...paths(v, [...prefix, i])));
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
	return out;
}

type Mutation = { kind: 'set'; value: Json } | { kind: 'delete' } | { kind: 'duplicate' };

/** A copy of `doc` with the value at `path` replaced, removed or duplicated. */
function mutate(doc: Json, path: (string | number)[], mutation: Mutation): Json {
	const copy = structuredClone(doc);
	if (path.length === 0) return mutation.kind === 'set' ? mutation.value : copy;
	let parent: Json = copy;
	for (const key of path.slice(0, -1)) parent = (parent as Record<string, Json>)[key as string];
	const last = path[path.length - 1];
	const container = parent as Record<string | number, Json>;
	switch (mutation.kind) {
		case 'set':
			container[last] = mutation.value;
			break;
		case 'delete':
			if (Array.isArray(parent)) parent.splice(Number(last), 1);
			else delete container[last];
			break;
		case 'duplicate':
			if (Array.isArray(parent)) parent.push(structuredClone(parent[Number(last)]));
			else container[`${String(last)}_copy`] = structuredClone(container[last]);
			break;
		default:
			mutation satisfies never;
	}
	return copy;
}

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	{ weight: 6, arbitrary: hostile.map((value): Mutation => ({ kind: 'set', value })) },
	{ weight: 2, arbitrary: fc.constant<Mutation>({ kind: 'delete' }) },
	{ weight: 1, arbitrary: fc.constant<Mutation>({ kind: 'duplicate' }) }
);

/** Checks an import's outcome: a clear message and nothing changed, or a consistent write. */
async function checkImport(lib: Library, text: unknown): Promise<'imported' | 'refused'> {
	const before = await snapshot(lib);
	const countBefore = await lib.db.scenarios.count();
	const result = await importText(lib, text);
	if (result.ok) {
		const { added, replaced } = result.value;
		expect(await lib.db.scenarios.count()).toBe(countBefore + added.length);
		expect(replaced).toEqual([]);
		for (const { id } of added) {
			const record = must(await lib.getScenario(id));
			expect(validateScenario(record.scenario).ok).toBe(true);
		}
		return 'imported';
	} else {
		expect(typeof result.error.message).toBe('string');
		expect(result.error.message.trim().length).toBeGreaterThan(10);
		expect(result.error.message).not.toMatch(/undefined|\[object Object\]|NaN/);
		expect(await snapshot(lib)).toBe(before);
		return 'refused';
	}
}

describe('importing library files', () => {
	it('never throws on random text, and never writes unless valid', async () => {
		const { lib } = await libraryWithFile();
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(fc.string({ maxLength: 2000 }), fc.json({ maxDepth: 4 })),
				async (text) => {
					await checkImport(lib, text);
				}
			),
			{ numRuns: 150 }
		);
	}, 60_000);

	it('never throws on values that are not text at all', async () => {
		const { lib } = await libraryWithFile();
		for (const value of [undefined, null, 42, {}, [], new Uint8Array(3), Symbol('x')]) {
			await checkImport(lib, value);
		}
	});

	it('a valid file with one field mutated is either imported whole or refused whole', async () => {
		const { lib, file } = await libraryWithFile();
		const all = paths(file);
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: all.length - 1 }), mutation, async (index, m) => {
				const mutated = mutate(file, all[index], m);
				await checkImport(lib, JSON.stringify(mutated));
			}),
			{ numRuns: 200 }
		);
	}, 120_000);

	it('a truncated file is refused with a message and changes nothing', async () => {
		const { lib, file } = await libraryWithFile();
		const text = JSON.stringify(file);
		await fc.assert(
			fc.asyncProperty(fc.integer({ min: 0, max: text.length - 1 }), async (cut) => {
				await checkImport(lib, text.slice(0, cut));
			}),
			{ numRuns: 80 }
		);
	}, 60_000);

	it('megabytes of text are refused with a message, not a hang or a crash', async () => {
		const { lib } = await libraryWithFile();
		await checkImport(lib, 'x'.repeat(8 * 1024 * 1024));
		await checkImport(lib, `{"name":"${'a'.repeat(6 * 1024 * 1024)}"}`);
	}, 60_000);

	it('HTML and script in names and descriptions are stored as plain text, unchanged', async () => {
		const { lib, file } = await libraryWithFile();
		const doc = structuredClone(file) as { scenarios: { name: string; description: string }[] };
		doc.scenarios[0].name = '<img src=x onerror=alert(1)>';
		doc.scenarios[0].description = '<script>alert("x")</script> & more';
		const report = must(await importText(lib, JSON.stringify(doc)));
		const stored = must(await lib.getScenario(report.added[0].id));
		expect(stored.name).toBe('<img src=x onerror=alert(1)>');
		expect(stored.description).toBe('<script>alert("x")</script> & more');
	});
});

describe('opening share links', () => {
	const demo = presetById(DEMO_PRESET_ID);
	if (!demo) throw new Error('no demo preset');

	/** A clear refusal or a valid scenario: nothing in between. */
	async function checkDecode(input: unknown): Promise<void> {
		const result = await decodeScenario(input);
		if (result.ok) {
			expect(validateScenario(result.value).ok).toBe(true);
		} else {
			expect(typeof result.error).toBe('string');
			expect(result.error.trim().length).toBeGreaterThan(10);
			expect(result.error).not.toMatch(/undefined|\[object Object\]|NaN/);
		}
	}

	it('never throws on random text or links', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.oneof(
					fc.string({ maxLength: 500 }),
					fc.string({ maxLength: 300 }).map((s) => `v1.${s}`),
					fc.string({ maxLength: 300 }).map((s) => `v1p.${s}`),
					fc.base64String({ maxLength: 400 }).map((s) => `https://x.org/share#v1.${s}`)
				),
				async (text) => {
					await checkDecode(codeFromLink(text));
					await checkDecode(text);
				}
			),
			{ numRuns: 300 }
		);
	}, 60_000);

	it('never throws on values that are not text', async () => {
		for (const value of [undefined, null, 1, {}, [], true]) await checkDecode(value);
	});

	it('a real code truncated or with characters changed is refused or still valid', async () => {
		const encoded = await encodeScenario(demo.scenario);
		if (!encoded.ok) throw new Error(encoded.error);
		for (const code of [
			encoded.value,
			// The uncompressed form, as browsers without compression streams make it.
			`v1p.${Buffer.from(JSON.stringify(demo.scenario)).toString('base64url')}`
		]) {
			await fc.assert(
				fc.asyncProperty(
					fc.integer({ min: 0, max: code.length - 1 }),
					fc.integer({ min: 0, max: code.length - 1 }),
					fc.constantFrom('A', '_', '-', '%', ' ', '#', '.', '0'),
					async (cut, at, char) => {
						await checkDecode(code.slice(0, cut));
						await checkDecode(code.slice(0, at) + char + code.slice(at + 1));
					}
				),
				{ numRuns: 150 }
			);
		}
	}, 60_000);

	it('a plain code carrying hostile values is refused with a message', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom('name', 'seed', 'runs', 'horizonMonths', 'community', 'contract'),
				hostile,
				async (key, value) => {
					const scenario: Record<string, unknown> = {
						...structuredClone(demo.scenario),
						[key]: value
					};
					const code = `v1p.${Buffer.from(JSON.stringify(scenario)).toString('base64url')}`;
					await checkDecode(code);
				}
			),
			{ numRuns: 150 }
		);
	}, 60_000);

	it('an enormous link is refused, not decoded', async () => {
		const result = await decodeScenario(`v1p.${'A'.repeat(2_000_000)}`);
		expect(result.ok).toBe(false);
	});
});
