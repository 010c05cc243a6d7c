// ESLint flat config. One rule here is architectural: the pure simulation core in
// src/lib/sim/ must run unchanged in a Web Worker, in Node and in CI, so it may not
// import the browser, Svelte, SvelteKit, Dexie or Comlink, nor touch browser globals.
// tests/unit/lint-boundary.test.ts proves the rule fires.
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';
import { layersPlugin } from './scripts/eslint-layers.js';

/** Modules the simulation core may not import (exact names). */
export const simForbiddenModules = ['svelte', 'dexie', 'comlink', '@sveltejs/kit'];
/** Module patterns the simulation core may not import (gitignore-style). */
export const simForbiddenPatterns = ['svelte/*', '$app/*', '@sveltejs/kit/*'];
/** Browser globals the simulation core may not use. */
export const simForbiddenGlobals = [
	'window',
	'document',
	'navigator',
	'localStorage',
	'sessionStorage',
	'indexedDB',
	'self'
];

const simBoundaryMessage =
	'src/lib/sim is the pure core: it runs in workers, Node and CI, so it may not depend on the browser, Svelte, SvelteKit, Dexie or Comlink. Move this code to src/lib/engine, src/lib/db, src/lib/charts or src/routes.';

export default ts.config(
	{
		ignores: [
			'build/',
			'.svelte-kit/',
			'node_modules/',
			'test-results/',
			'.out/',
			'playwright-report/',
			'blob-report/',
			'coverage/',
			'bench/results/'
		]
	},
	js.configs.recommended,
	...ts.configs.recommended,
	...svelte.configs.recommended,
	prettier,
	...svelte.configs.prettier,
	{
		languageOptions: {
			globals: { ...globals.browser, ...globals.node }
		},
		rules: {
			// An unused value is a bug or dead code; a leading underscore marks it as deliberate.
			'@typescript-eslint/no-unused-vars': [
				'error',
				{ argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }
			],
			// TypeScript already reports undefined names, with better messages.
			'no-undef': 'off'
		}
	},
	{
		files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
		languageOptions: {
			parserOptions: {
				projectService: false,
				extraFileExtensions: ['.svelte'],
				parser: ts.parser,
				svelteConfig
			}
		}
	},
	{
		files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
		rules: { 'no-undef': 'error' }
	},
	{
		// Every row of CONTRIBUTING.md's import table (scripts/eslint-layers.js).
		files: ['src/**/*', 'bench/**/*', 'scripts/**/*'],
		plugins: { layers: layersPlugin },
		rules: { 'layers/imports': 'error' }
	},
	{
		// The import boundary of the pure core.
		files: ['src/lib/sim/**/*'],
		languageOptions: {
			// No browser globals are declared here; no-restricted-globals reports any use anyway.
			globals: { ...globals.es2022 }
		},
		rules: {
			'no-restricted-imports': [
				'error',
				{
					paths: simForbiddenModules.map((name) => ({ name, message: simBoundaryMessage })),
					patterns: [{ group: simForbiddenPatterns, message: simBoundaryMessage }]
				}
			],
			'no-restricted-globals': [
				'error',
				...simForbiddenGlobals.map((name) => ({ name, message: simBoundaryMessage }))
			],
			'no-restricted-properties': [
				'error',
				...simForbiddenGlobals.map((property) => ({
					object: 'globalThis',
					property,
					message: simBoundaryMessage
				}))
			],
			'no-restricted-syntax': [
				'error',
				{
					// Dynamic import() of a forbidden module.
					selector:
						'ImportExpression[source.value=/^(svelte|dexie|comlink|@sveltejs\\u002Fkit|\\$app)(\\u002F|$)/]',
					message: simBoundaryMessage
				}
			]
		}
	}
);
