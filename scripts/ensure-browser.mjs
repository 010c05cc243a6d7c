#!/usr/bin/env node
// Makes sure a Chromium is available for the end-to-end tests.
//
// - Found (see scripts/find-browser.mjs): says where, exits 0.
// - Not found, running as root on Debian or Ubuntu: installs the `chromium` package with
//   apt-get (apt-get update first), then looks again.
// - Otherwise: prints one message naming the command to run, exits 1.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { findBrowser } from './find-browser.mjs';

export const installCommand = 'sudo apt-get update && sudo apt-get install -y chromium';

/**
 * Whether /etc/os-release names Debian or Ubuntu (itself or as ID_LIKE).
 * @param {string} osRelease contents of /etc/os-release
 * @returns {boolean}
 */
export function isDebianLike(osRelease) {
	const ids = osRelease
		.split('\n')
		.filter((line) => line.startsWith('ID=') || line.startsWith('ID_LIKE='))
		.flatMap((line) =>
			line
				.slice(line.indexOf('=') + 1)
				.replace(/["']/g, '')
				.split(/\s+/)
		);
	return ids.includes('debian') || ids.includes('ubuntu');
}

/** @returns {string} */
function readOsRelease() {
	try {
		return readFileSync('/etc/os-release', 'utf8');
	} catch {
		return '';
	}
}

/**
 * Runs `apt-get` with the given arguments, output shown to the user.
 * @param {string[]} args
 * @returns {boolean} whether it succeeded
 */
function aptGet(args) {
	console.log(`ensure-browser: apt-get ${args.join(' ')}`);
	const result = spawnSync('apt-get', args, {
		stdio: 'inherit',
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
	});
	return result.status === 0;
}

/**
 * @typedef {object} EnsureBrowserDeps
 * @property {() => ReturnType<typeof findBrowser>} find
 * @property {boolean} canInstall root on Debian or Ubuntu with apt-get available
 * @property {(args: string[]) => boolean} aptGet
 * @property {(message: string) => void} log
 * @property {(message: string) => void} error
 */

/**
 * @param {EnsureBrowserDeps} deps
 * @returns {Promise<number>} exit code
 */
export async function ensureBrowser(deps) {
	const first = await deps.find();
	if (first.invalidEnv) {
		deps.error(
			`ensure-browser: CHROMIUM_PATH is ${first.invalidEnv}, which is not an executable file; looking elsewhere.`
		);
	}
	if (first.found) {
		deps.log(`ensure-browser: using Chromium at ${first.found.path} (${first.found.source})`);
		return 0;
	}

	if (deps.canInstall) {
		deps.log('ensure-browser: no Chromium found; installing the Debian package "chromium".');
		const installed =
			deps.aptGet(['update']) &&
			deps.aptGet(['install', '-y', '--no-install-recommends', 'chromium']);
		const second = await deps.find();
		if (installed && second.found) {
			deps.log(`ensure-browser: using Chromium at ${second.found.path} (${second.found.source})`);
			return 0;
		}
		deps.error(
			'ensure-browser: apt-get could not install a usable Chromium (see its output above).'
		);
		return 1;
	}

	deps.error(
		`ensure-browser: the end-to-end tests need Chromium and none was found (looked in ${first.tried.join(', ')}). ` +
			`Install it with: ${installCommand}  (or set CHROMIUM_PATH to a Chromium executable).`
	);
	return 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
	const hasAptGet = spawnSync('apt-get', ['--version'], { stdio: 'ignore' }).status === 0;
	process.exitCode = await ensureBrowser({
		find: () => findBrowser(),
		canInstall:
			process.platform === 'linux' && isRoot && isDebianLike(readOsRelease()) && hasAptGet,
		aptGet,
		log: (message) => console.log(message),
		error: (message) => console.error(message)
	});
}
