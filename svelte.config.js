import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { posix } from 'node:path';

// Local parallel runs (several end-to-end suites at once) can give each run its own
// output folder with SLOW_TRUST_OUT=name; the default is SvelteKit's usual layout.
const out = process.env.SLOW_TRUST_OUT ? `.out/${process.env.SLOW_TRUST_OUT}` : null;
const kitDir = out ? `${out}/kit` : '.svelte-kit';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		...(out ? { outDir: kitDir } : {}),
		// `npm run check` also checks the benchmarks and the build scripts.
		typescript: {
			config: (tsconfig) => {
				for (const dir of ['bench', 'scripts'])
					tsconfig.include.push(posix.relative(kitDir, `${dir}/**/*.ts`));
			}
		},
		adapter: adapter({
			pages: out ? `${out}/build` : 'build',
			assets: out ? `${out}/build` : 'build',
			// Pages whose content lives in the browser (a scenario by id) are served by
			// this client-side fallback on any static host.
			fallback: '200.html',
			strict: true
		}),
		// Scripts only from this origin or by hash (SvelteKit hashes its own inline start-up
		// script), no eval, workers from this origin, no connections elsewhere. Styles allow
		// inline attributes because Svelte sets style attributes (chart positions,
		// transitions) at run time. Delivered as a <meta> tag on the static pages, so
		// directives a <meta> policy cannot carry (frame-ancestors, report-uri) are left out.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				// WebAssembly: the simulation's member step (kernel/member-step.ts); no eval.
				'script-src': ['self', 'wasm-unsafe-eval'],
				'worker-src': ['self'],
				'connect-src': ['self'],
				'img-src': ['self', 'data:', 'blob:'],
				'font-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'manifest-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self'],
				'form-action': ['self']
			}
		}
	}
};

export default config;
