import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { sveltekit } from '@sveltejs/kit/vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * `vite preview` serves the built pages but not the static adapter's client-side fallback
 * page, which static hosts serve for addresses with no page of their own and which the
 * offline cache keeps for the same purpose. This serves it at /200.html, as a host would.
 */
function previewFallbackPage(): Plugin {
	const buildDir = process.env.SLOW_TRUST_OUT
		? `.out/${process.env.SLOW_TRUST_OUT}/build`
		: 'build';
	return {
		name: 'slow-trust:preview-fallback-page',
		configurePreviewServer(server) {
			server.middlewares.use((req, res, next) => {
				if (req.url !== '/200.html') return next();
				readFile(`${buildDir}/200.html`).then(
					(body) => {
						res.setHeader('content-type', 'text/html; charset=utf-8');
						res.end(body);
					},
					() => next()
				);
			});
		}
	};
}

/**
 * Compiles the WebAssembly member step (kernel/member-step.ts) before every build, dev server
 * and test run, so the core never runs a stale kernel; quick when it is up to date.
 */
function memberKernel(): Plugin {
	return {
		name: 'slow-trust:member-kernel',
		buildStart() {
			execFileSync(process.execPath, ['scripts/build-kernel.mjs'], { stdio: 'inherit' });
		}
	};
}

export default defineConfig({
	plugins: [memberKernel(), sveltekit(), previewFallbackPage()],
	worker: {
		format: 'es'
	},
	test: {
		include: ['tests/unit/**/*.test.ts', 'src/**/*.test.ts'],
		environment: 'node',
		// Every test's duration, for `node scripts/slowest-tests.mjs` (run at the end of .ci/run).
		reporters: [
			'default',
			[
				'json',
				{
					outputFile: `.out/${process.env.SLOW_TRUST_OUT ? `${process.env.SLOW_TRUST_OUT}/` : ''}durations/unit.json`
				}
			]
		]
	}
});
