// Finds a Chromium the end-to-end tests can drive. Shared by playwright.config.ts and
// scripts/ensure-browser.mjs so both agree on where the browser is.
//
// Order: $CHROMIUM_PATH, then a browser installed by `npx playwright install`, then the
// system packages (/usr/bin/chromium, /usr/bin/chromium-browser, /usr/bin/google-chrome).
import { accessSync, constants } from 'node:fs';

/** System locations tried after CHROMIUM_PATH and Playwright's own browser. */
export const systemBrowserPaths = [
	'/usr/bin/chromium',
	'/usr/bin/chromium-browser',
	'/usr/bin/google-chrome'
];

/**
 * Chromium flags for a sandboxed, offline test machine: no sandbox (tests often run as
 * root), no GPU, and none of Chromium's own background traffic, which a closed network
 * refuses many times a second.
 */
export const chromiumArgs = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

/**
 * @param {string} path
 * @returns {boolean}
 */
export function isExecutable(path) {
	try {
		accessSync(path, constants.X_OK);
		return true;
	} catch {
		return false;
	}
}

/**
 * Where Playwright would keep its own Chromium, or undefined when Playwright is not
 * installed yet (a fresh clone before `npm ci`).
 * @returns {Promise<string | undefined>}
 */
export async function playwrightChromiumPath() {
	try {
		const { chromium } = await import('@playwright/test');
		return chromium.executablePath();
	} catch {
		return undefined;
	}
}

/**
 * @typedef {'CHROMIUM_PATH' | 'playwright' | 'system'} BrowserSource
 * @typedef {{ path: string, source: BrowserSource }} FoundBrowser
 * @typedef {{ found: FoundBrowser | undefined, tried: string[], invalidEnv: string | undefined }} BrowserSearch
 * @typedef {object} FindBrowserOptions
 * @property {Record<string, string | undefined>} [env] environment to read CHROMIUM_PATH from
 * @property {() => Promise<string | undefined>} [playwrightPath] Playwright's browser location
 * @property {string[]} [systemPaths] system locations, in order
 * @property {(path: string) => boolean} [exists] whether a path is an executable file
 */

/**
 * Looks for a Chromium executable.
 * @param {FindBrowserOptions} [options]
 * @returns {Promise<BrowserSearch>}
 */
export async function findBrowser(options = {}) {
	const {
		env = process.env,
		playwrightPath = playwrightChromiumPath,
		systemPaths = systemBrowserPaths,
		exists = isExecutable
	} = options;
	/** @type {string[]} */
	const tried = [];
	/** @type {string | undefined} */
	let invalidEnv;

	/**
	 * @param {string} path
	 * @param {BrowserSource} source
	 * @returns {BrowserSearch}
	 */
	const found = (path, source) => ({ found: { path, source }, tried, invalidEnv });

	const fromEnv = env.CHROMIUM_PATH?.trim();
	if (fromEnv) {
		tried.push(fromEnv);
		if (exists(fromEnv)) return found(fromEnv, 'CHROMIUM_PATH');
		invalidEnv = fromEnv;
	}

	const fromPlaywright = await playwrightPath();
	if (fromPlaywright) {
		tried.push(fromPlaywright);
		if (exists(fromPlaywright)) return found(fromPlaywright, 'playwright');
	}

	for (const path of systemPaths) {
		tried.push(path);
		if (exists(path)) return found(path, 'system');
	}

	return { found: undefined, tried, invalidEnv };
}
