import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	compilerOptions: {
		runes: true
	},
	kit: {
		adapter: adapter({
			pages: 'build',
			assets: 'build',
			// Pages whose content lives in the browser (a scenario by id) are served by
			// this client-side fallback on any static host.
			fallback: '200.html',
			strict: true
		})
	}
};

export default config;
