/**
 * The import table of CONTRIBUTING.md is enforced by lint, row by row: for every folder, an
 * import of a folder it may use passes and an import of one it may not fails; and the table
 * in CONTRIBUTING.md says exactly what scripts/eslint-layers.js enforces.
 */
import { ESLint } from 'eslint';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { areaOf, LAYERS } from '../../scripts/eslint-layers.js';

const cwd = fileURLToPath(new URL('../..', import.meta.url));
let eslint: ESLint;

beforeAll(() => {
	eslint = new ESLint({ cwd });
});

/** The messages of the layer rule when `code` is linted as the file at `filePath`. */
async function layerErrors(code: string, filePath: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	if (result === undefined) throw new Error(`ESLint returned no result for ${filePath}`);
	expect(result.messages.filter((m) => m.fatal)).toEqual([]);
	return result.messages.filter((m) => m.ruleId === 'layers/imports').map((m) => m.message);
}

/** A file of each area to lint fixtures as, and a module of each area to import. */
const FILE: Record<string, string> = {
	sim: 'src/lib/sim/fixture.ts',
	analysis: 'src/lib/analysis/fixture.ts',
	engine: 'src/lib/engine/fixture.ts',
	db: 'src/lib/db/fixture.ts',
	docs: 'src/lib/docs/fixture.ts',
	ui: 'src/lib/ui/fixture.ts',
	charts: 'src/lib/charts/fixture.ts',
	export: 'src/lib/export/fixture.ts',
	features: 'src/lib/features/workbench/fixture.ts',
	routes: 'src/routes/fixture/+page.ts',
	cli: 'src/cli/fixture.ts',
	bench: 'bench/fixture.ts',
	scripts: 'scripts/fixture.ts'
};
const MODULE: Record<string, string> = {
	sim: '$lib/sim',
	analysis: '$lib/analysis',
	engine: '$lib/engine/pool',
	db: '$lib/db/db',
	docs: '$lib/docs/markdown.server',
	ui: '$lib/ui/notices.svelte',
	charts: '$lib/charts/format',
	export: '$lib/export/download',
	features: '$lib/features/library/time',
	scripts: '../scripts/find-browser.mjs'
};
const rowKey = (area: string) =>
	area.replace(/^src\/(lib\/)?/, '').replace('features/*', 'features');

describe('the layer rule', () => {
	for (const row of LAYERS) {
		const from = rowKey(row.area);
		const file = FILE[from];
		if (file === undefined) throw new Error(`no fixture file for ${from}`);
		for (const [to, spec] of Object.entries(MODULE)) {
			if (to === from || (to === 'scripts' && !file.startsWith('bench/'))) continue;
			const allowed = row.may.includes(to) && !(to === 'docs' && from === 'routes');
			it(`${from} ${allowed ? 'may' : 'may not'} import ${to}`, async () => {
				const errors = await layerErrors(`import * as m from '${spec}';\nexport { m };\n`, file);
				expect(errors.length, errors.join('\n')).toBe(allowed ? 0 : 1);
			});
		}
	}

	it('lets only +page.server.ts files import the server-only docs module', async () => {
		const code = `import * as m from '$lib/docs/markdown.server';\nexport { m };\n`;
		expect(await layerErrors(code, 'src/routes/model/+page.server.ts')).toEqual([]);
		expect(await layerErrors(code, 'src/routes/model/+page.ts')).toHaveLength(1);
	});

	it('refuses one feature importing another, by $lib or by relative path', async () => {
		const file = 'src/lib/features/workbench/fixture.ts';
		for (const spec of ['$lib/features/library/time', '../library/time']) {
			const errors = await layerErrors(`import * as m from '${spec}';\nexport { m };\n`, file);
			expect(errors).toHaveLength(1);
			expect(errors[0]).toMatch(/never imports another feature/);
		}
		const own = `import * as m from './results';\nexport { m };\n`;
		expect(await layerErrors(own, file)).toEqual([]);
	});

	it('catches dynamic imports and re-exports too', async () => {
		const file = 'src/lib/db/fixture.ts';
		expect(
			await layerErrors(`export const m = () => import('$lib/charts/format');\n`, file)
		).toHaveLength(1);
		expect(await layerErrors(`export * from '../engine/pool';\n`, file)).toHaveLength(1);
	});

	it('places files in the areas of the table', () => {
		expect(areaOf('src/lib/sim/trust.ts')).toBe('sim');
		expect(areaOf('src/lib/features/compare/state.svelte.ts')).toBe('features/compare');
		expect(areaOf('src/routes/+page.svelte')).toBe('routes');
		expect(areaOf('tests/unit/x.test.ts')).toBeNull();
	});
});

describe('CONTRIBUTING.md', () => {
	it('prints the table the rule enforces', () => {
		const text = readFileSync(new URL('../../CONTRIBUTING.md', import.meta.url), 'utf8');
		const start = text.indexOf('### What may import what');
		const rows = text
			.slice(start)
			.split('\n')
			.filter((line) => /^\| `/.test(line))
			.map((line) => line.split('|').map((cell) => cell.trim()));
		const documented = new Map(rows.map((cells) => [cells[1] ?? '', cells[2] ?? '']));
		for (const row of LAYERS) {
			const cell = documented.get('`' + row.area + '`');
			expect(cell, `CONTRIBUTING.md has no row for ${row.area}`).toBeDefined();
			const named = [...(cell ?? '').matchAll(/`([a-z/*]+)`/g)].map((m) => m[1]);
			expect(named.sort(), `row ${row.area}`).toEqual([...row.may].sort());
		}
		expect(documented.size).toBe(LAYERS.length);
	});
});
