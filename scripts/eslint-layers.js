// The import table of CONTRIBUTING.md ("What may import what") as data, and the ESLint rule
// that enforces every row: an import is resolved to the folder it lands in ($lib/… and
// relative paths alike), and refused when the importing folder may not use that folder.
import path from 'node:path';

/**
 * The folders ("areas") of the code base, most specific first. `features/*` stands for each
 * feature folder; a feature may import itself but no other feature.
 * @type {readonly { area: string; may: readonly string[]; note: string }[]}
 */
export const LAYERS = [
	{
		area: 'src/lib/sim',
		may: [],
		note: 'the pure core: nothing outside src/lib/sim (and no browser, Svelte, Dexie or Comlink)'
	},
	{ area: 'src/lib/analysis', may: ['sim'], note: 'pure analyses of results' },
	{ area: 'src/lib/engine', may: ['sim'], note: 'runners, pools and the job lifecycle' },
	{ area: 'src/lib/db', may: ['sim'], note: 'the one Dexie module' },
	{ area: 'src/lib/docs', may: [], note: 'server-only; only +page.server.ts files import it' },
	{ area: 'src/lib/ui', may: ['sim'], note: 'shared controls' },
	{ area: 'src/lib/charts', may: ['ui', 'analysis', 'sim'], note: 'every chart' },
	{ area: 'src/lib/export', may: ['ui', 'charts', 'sim'], note: 'CSV, SVG, PNG, download' },
	{
		area: 'src/lib/features/*',
		may: ['ui', 'charts', 'export', 'engine', 'db', 'analysis', 'sim'],
		note: 'its own folder and the layers; never another feature'
	},
	{
		area: 'src/routes',
		may: ['features', 'ui', 'charts', 'export', 'engine', 'db', 'analysis', 'sim', 'docs'],
		note: 'thin shells; docs only from +page.server.ts'
	},
	{ area: 'src/cli', may: ['sim', 'engine', 'analysis', 'export'], note: 'the command line' },
	{
		area: 'bench',
		may: ['sim', 'engine', 'analysis', 'export', 'scripts'],
		note: 'benchmarks'
	},
	{ area: 'scripts', may: ['sim', 'engine', 'analysis', 'export'], note: 'build helpers' }
];

/**
 * The area a repository path belongs to, in the table's words: `sim`, `features/workbench`,
 * `routes`, `cli`… or null for files outside the table (tests, configuration).
 * @param {string} rel a path relative to the repository root, with forward slashes
 * @returns {string | null}
 */
export function areaOf(rel) {
	const parts = rel.split('/');
	if (parts[0] === 'src' && parts[1] === 'lib') {
		if (parts[2] === 'features') return parts.length > 4 ? `features/${parts[3]}` : null;
		return parts.length > 3 ? (parts[2] ?? null) : null;
	}
	if (parts[0] === 'src' && parts[1] === 'routes') return 'routes';
	if (parts[0] === 'src' && parts[1] === 'cli') return 'cli';
	if (parts[0] === 'bench' || parts[0] === 'scripts') return parts[0];
	return null;
}

/** @param {string} area */
function rowOf(area) {
	const key = area.startsWith('features/') ? 'src/lib/features/*' : null;
	return LAYERS.find((row) => row.area === key || row.area.replace(/^src\/(lib\/)?/, '') === area);
}

/**
 * Why `from` may not import `to`, or null when it may.
 * @param {string} from area of the importing file
 * @param {string} to area of the imported file
 * @param {string} fromFile repository path of the importing file
 * @returns {string | null}
 */
export function refusal(from, to, fromFile) {
	if (from === to) return null;
	const row = rowOf(from);
	if (row === undefined) return null;
	if (to === 'docs' && !fromFile.endsWith('+page.server.ts')) {
		return 'only +page.server.ts files may import src/lib/docs (it is a server module)';
	}
	const family = to.startsWith('features/') ? 'features' : to;
	if (row.may.includes(family)) return null;
	if (from.startsWith('features/') && family === 'features') {
		return `a feature never imports another feature; move what ${from} and ${to} share into a layer`;
	}
	const allowed = row.may.length === 0 ? 'nothing outside itself' : row.may.join(', ');
	return `${row.area} may import ${allowed} (CONTRIBUTING.md, "What may import what"), not ${to}`;
}

/**
 * @param {string} spec the import specifier
 * @param {string} fileAbs the importing file, absolute
 * @param {string} root the repository root, absolute
 * @returns {string | null} the imported path relative to the root, or null for packages
 */
function resolveSpecifier(spec, fileAbs, root) {
	if (spec === '$lib' || spec.startsWith('$lib/')) return 'src/lib/' + spec.slice(5);
	if (spec.startsWith('.')) {
		return path
			.relative(root, path.resolve(path.dirname(fileAbs), spec))
			.split(path.sep)
			.join('/');
	}
	return null;
}

/** @type {import('eslint').Rule.RuleModule} */
const layersRule = {
	meta: {
		type: 'problem',
		docs: { description: 'Enforces the import table of CONTRIBUTING.md' },
		schema: []
	},
	create(context) {
		const root = context.cwd;
		const fileAbs = context.filename;
		const fromFile = path.relative(root, fileAbs).split(path.sep).join('/');
		const from = areaOf(fromFile);
		if (from === null) return {};
		/** @param {import('eslint').Rule.Node & { source?: unknown }} node */
		function check(node) {
			const source = /** @type {{ type?: string; value?: unknown } | null | undefined} */ (
				node.source
			);
			if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
			const target = resolveSpecifier(source.value, fileAbs, root);
			if (target === null) return;
			// The suffix makes a folder import ($lib/sim) read as a file inside that folder.
			const to = areaOf(target + '/x');
			if (to === null) return;
			const why = refusal(from ?? '', to, fromFile);
			if (why !== null) context.report({ node, message: `Import of ${source.value}: ${why}.` });
		}
		return {
			ImportDeclaration: check,
			ExportNamedDeclaration: check,
			ExportAllDeclaration: check,
			ImportExpression: check
		};
	}
};

export const layersPlugin = { rules: { imports: layersRule } };
