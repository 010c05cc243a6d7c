/**
 * Builds the engine benchmark page (index.html + harness.ts) the way the app is built:
 * production mode, module workers.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
	root,
	logLevel: 'warn',
	resolve: { alias: { $lib: fileURLToPath(new URL('../../src/lib', import.meta.url)) } },
	worker: { format: 'es' },
	build: {
		outDir: fileURLToPath(
			new URL('../../node_modules/.cache/slow-trust-bench/browser', import.meta.url)
		),
		emptyOutDir: true
	}
});
