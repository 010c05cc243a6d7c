import { defineConfig, devices } from '@playwright/test';
import { chromiumArgs, findBrowser } from './scripts/find-browser.mjs';

// `npm run test:e2e` runs scripts/ensure-browser.mjs first, which explains what to do when
// no Chromium is found; here we only use what it found.
const { found } = await findBrowser();

// E2E_PORT and SLOW_TRUST_OUT let several local runs proceed at once without sharing a
// server or a build folder; CI uses the defaults.
const port = Number(process.env.E2E_PORT ?? 4173);
const out = process.env.SLOW_TRUST_OUT;
const isCI = Boolean(process.env.CI);

export default defineConfig({
	testDir: 'tests/e2e',
	testMatch: '**/*.spec.ts',
	outputDir: out ? `test-results/${out}` : 'test-results',
	fullyParallel: true,
	forbidOnly: isCI,
	retries: 0,
	workers: 2,
	// The JSON report keeps every test's duration; `node scripts/slowest-tests.mjs` (run at the
	// end of .ci/run) prints the slowest.
	reporter: [['list'], ['json', { outputFile: `.out/${out ? `${out}/` : ''}durations/e2e.json` }]],
	timeout: 30_000,
	expect: { timeout: 5_000 },
	use: {
		baseURL: `http://localhost:${port}`,
		screenshot: 'only-on-failure',
		trace: 'retain-on-failure',
		...devices['Desktop Chrome'],
		viewport: { width: 1366, height: 768 },
		launchOptions: {
			executablePath: found?.path,
			args: chromiumArgs
		}
	},
	projects: [{ name: 'chromium' }],
	// The production build, served as static files would be: the tests see what users get.
	webServer: {
		command: `npx vite build && npx vite preview --port ${port} --strictPort`,
		url: `http://localhost:${port}`,
		reuseExistingServer: !isCI,
		timeout: 120_000,
		stdout: 'ignore',
		stderr: 'pipe'
	}
});
