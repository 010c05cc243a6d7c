/**
 * The import boundary of the pure core: any file under src/lib/sim/ that imports the
 * browser, Svelte, SvelteKit, Dexie or Comlink, or touches a browser global, fails
 * `npm run lint`. The same text anywhere else in src/ is allowed.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
const insideSim = 'src/lib/sim/boundary-fixture.ts';
const outsideSim = 'src/lib/engine/boundary-fixture.ts';

const boundaryRules = new Set([
	'no-restricted-imports',
	'no-restricted-globals',
	'no-restricted-properties',
	'no-restricted-syntax'
]);

let eslint: ESLint;

beforeAll(() => {
	eslint = new ESLint({ cwd });
});

/** Lints `code` as if it were the file at `filePath`; returns the boundary rules that fired. */
async function boundaryViolations(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
	const fatal = result.messages.filter((message) => message.fatal);
	expect(fatal, 'fixture text must parse').toEqual([]);
	return result.messages
		.map((message) => message.ruleId)
		.filter((ruleId): ruleId is string => ruleId !== null && boundaryRules.has(ruleId));
}

const forbiddenImports: [label: string, code: string, rule: string][] = [
	['svelte', `import { tick } from 'svelte';\nexport const t = tick;\n`, 'no-restricted-imports'],
	[
		'svelte/store',
		`import { writable } from 'svelte/store';\nexport const w = writable(0);\n`,
		'no-restricted-imports'
	],
	[
		'$app/navigation',
		`import { goto } from '$app/navigation';\nexport const g = goto;\n`,
		'no-restricted-imports'
	],
	[
		'$app/state',
		`import { page } from '$app/state';\nexport const p = page;\n`,
		'no-restricted-imports'
	],
	['dexie', `import Dexie from 'dexie';\nexport const d = Dexie;\n`, 'no-restricted-imports'],
	[
		'comlink',
		`import * as Comlink from 'comlink';\nexport const c = Comlink;\n`,
		'no-restricted-imports'
	],
	[
		'a type-only import of dexie',
		`import type { Table } from 'dexie';\nexport type T = Table;\n`,
		'no-restricted-imports'
	],
	['re-export from svelte', `export { onMount } from 'svelte';\n`, 'no-restricted-imports'],
	[
		'dynamic import of comlink',
		`export const load = () => import('comlink');\n`,
		'no-restricted-syntax'
	],
	[
		'dynamic import of $app/environment',
		`export const load = () => import('$app/environment');\n`,
		'no-restricted-syntax'
	]
];

const forbiddenGlobals = [
	'window',
	'document',
	'navigator',
	'localStorage',
	'indexedDB',
	'self'
] as const;

describe('src/lib/sim import boundary', () => {
	it.each(forbiddenImports)('rejects %s inside src/lib/sim', async (_label, code, rule) => {
		expect(await boundaryViolations(code, insideSim)).toContain(rule);
	});

	it.each(forbiddenImports)('allows %s outside src/lib/sim', async (_label, code) => {
		expect(await boundaryViolations(code, outsideSim)).toEqual([]);
	});

	it.each(forbiddenGlobals)('rejects the global %s inside src/lib/sim', async (name) => {
		const code = `export function probe(): unknown {\n\treturn ${name};\n}\n`;
		expect(await boundaryViolations(code, insideSim)).toContain('no-restricted-globals');
	});

	it.each(forbiddenGlobals)('rejects globalThis.%s inside src/lib/sim', async (name) => {
		const code = `export function probe(): unknown {\n\treturn globalThis.${name};\n}\n`;
		expect(await boundaryViolations(code, insideSim)).toContain('no-restricted-properties');
	});

	it.each(forbiddenGlobals)('allows the global %s outside src/lib/sim', async (name) => {
		const code = `export function probe(): unknown {\n\treturn ${name};\n}\n`;
		expect(await boundaryViolations(code, outsideSim)).toEqual([]);
	});

	it('rejects a browser global in a nested folder of src/lib/sim', async () => {
		const code = `export const width = (): number => window.innerWidth;\n`;
		expect(await boundaryViolations(code, 'src/lib/sim/deep/nested/file.ts')).toContain(
			'no-restricted-globals'
		);
	});

	it('allows the pure core its own imports and standard globals', async () => {
		const code = [
			`import { clamp } from './maths';`,
			`import { stream } from '$lib/sim/random';`,
			`export const now = (): number => Math.min(clamp(1), stream(2), performance.now());`,
			`export const copy = <T>(value: T): T => structuredClone(value);`,
			``
		].join('\n');
		expect(await boundaryViolations(code, insideSim)).toEqual([]);
	});

	it('does not mistake a local variable named like a global for the global', async () => {
		const code = `export function f(document: string): string {\n\treturn document;\n}\n`;
		expect(await boundaryViolations(code, insideSim)).toEqual([]);
	});
});
