import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// Local parallel runs (several end-to-end suites at once) can give each run its own
// output folder with SLOW_TRUST_OUT=name; the default is SvelteKit's usual layout.
const out = process.env.SLOW_TRUST_OUT ? `.out/${process.env.SLOW_TRUST_OUT}` : null;

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		...(out ? { outDir: `${out}/kit` } : {}),
		adapter: adapter({
			pages: out ? `${out}/build` : 'build',
			assets: out ? `${out}/build` : 'build',
			// Pages whose content lives in the browser (a scenario by id) are served by
			// this client-side fallback on any static host.
			fallback: '200.html',
			strict: true
		})
	}
};

export default config;
