/**
 * How the end-to-end tests find (or install) Chromium: scripts/find-browser.mjs and
 * scripts/ensure-browser.mjs, with the file system and apt-get replaced by stubs.
 */
import { describe, expect, it, vi } from 'vitest';
import { ensureBrowser, installCommand, isDebianLike } from '../../scripts/ensure-browser.mjs';
import { chromiumArgs, findBrowser, systemBrowserPaths } from '../../scripts/find-browser.mjs';

const playwrightPath = async () => '/pw/chromium-1234/chrome';
const onlyThese =
	(...paths: string[]) =>
	(path: string) =>
		paths.includes(path);

describe('findBrowser', () => {
	it('prefers CHROMIUM_PATH when it exists', async () => {
		const search = await findBrowser({
			env: { CHROMIUM_PATH: '/opt/chrome' },
			playwrightPath,
			exists: onlyThese('/opt/chrome', '/pw/chromium-1234/chrome', '/usr/bin/chromium')
		});
		expect(search.found).toEqual({ path: '/opt/chrome', source: 'CHROMIUM_PATH' });
	});

	it('then a browser Playwright installed', async () => {
		const search = await findBrowser({
			env: {},
			playwrightPath,
			exists: onlyThese('/pw/chromium-1234/chrome', '/usr/bin/chromium')
		});
		expect(search.found).toEqual({ path: '/pw/chromium-1234/chrome', source: 'playwright' });
	});

	it('then the system paths, in order', async () => {
		expect(systemBrowserPaths).toEqual([
			'/usr/bin/chromium',
			'/usr/bin/chromium-browser',
			'/usr/bin/google-chrome'
		]);
		const search = await findBrowser({
			env: {},
			playwrightPath,
			exists: onlyThese('/usr/bin/chromium-browser', '/usr/bin/google-chrome')
		});
		expect(search.found).toEqual({ path: '/usr/bin/chromium-browser', source: 'system' });
	});

	it('reports a CHROMIUM_PATH that does not exist and keeps looking', async () => {
		const search = await findBrowser({
			env: { CHROMIUM_PATH: '/missing/chrome' },
			playwrightPath: async () => undefined,
			exists: onlyThese('/usr/bin/google-chrome')
		});
		expect(search.invalidEnv).toBe('/missing/chrome');
		expect(search.found).toEqual({ path: '/usr/bin/google-chrome', source: 'system' });
	});

	it('lists every place it tried when nothing is found', async () => {
		const search = await findBrowser({ env: {}, playwrightPath, exists: () => false });
		expect(search.found).toBeUndefined();
		expect(search.tried).toEqual(['/pw/chromium-1234/chrome', ...systemBrowserPaths]);
	});

	it('launches Chromium with the flags an offline sandbox needs', () => {
		expect(chromiumArgs).toEqual(
			expect.arrayContaining([
				'--no-sandbox',
				'--disable-gpu',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync',
				'--no-first-run',
				'--disable-quic'
			])
		);
	});
});

describe('isDebianLike', () => {
	it('recognises Debian, Ubuntu and their derivatives', () => {
		expect(isDebianLike('PRETTY_NAME="Debian GNU/Linux 12"\nID=debian\n')).toBe(true);
		expect(isDebianLike('ID=ubuntu\nID_LIKE=debian\n')).toBe(true);
		expect(isDebianLike('ID=linuxmint\nID_LIKE="ubuntu debian"\n')).toBe(true);
	});

	it('rejects other systems', () => {
		expect(isDebianLike('ID=fedora\nID_LIKE="rhel centos"\n')).toBe(false);
		expect(isDebianLike('')).toBe(false);
	});
});

describe('ensureBrowser', () => {
	const notFound = { found: undefined, tried: ['/usr/bin/chromium'], invalidEnv: undefined };
	const foundSystem = {
		found: { path: '/usr/bin/chromium', source: 'system' as const },
		tried: ['/usr/bin/chromium'],
		invalidEnv: undefined
	};

	function deps(overrides: Partial<Parameters<typeof ensureBrowser>[0]> = {}) {
		return {
			find: vi.fn(async () => foundSystem),
			canInstall: false,
			aptGet: vi.fn(() => true),
			log: vi.fn(),
			error: vi.fn(),
			...overrides
		};
	}

	it('succeeds without installing anything when a browser is found', async () => {
		const d = deps();
		expect(await ensureBrowser(d)).toBe(0);
		expect(d.aptGet).not.toHaveBeenCalled();
		expect(d.log).toHaveBeenCalledWith(expect.stringContaining('/usr/bin/chromium'));
	});

	it('as root on Debian, runs apt-get update then installs chromium', async () => {
		const find = vi.fn().mockResolvedValueOnce(notFound).mockResolvedValueOnce(foundSystem);
		const aptGet = vi.fn((_args: string[]) => true);
		expect(await ensureBrowser(deps({ find, canInstall: true, aptGet }))).toBe(0);
		expect(aptGet.mock.calls).toEqual([
			[['update']],
			[['install', '-y', '--no-install-recommends', 'chromium']]
		]);
	});

	it('fails when apt-get fails', async () => {
		const d = deps({
			find: vi.fn(async () => notFound),
			canInstall: true,
			aptGet: vi.fn(() => false)
		});
		expect(await ensureBrowser(d)).toBe(1);
		expect(d.aptGet).toHaveBeenCalledTimes(1);
	});

	it('otherwise stops with one message naming the command to run', async () => {
		const d = deps({ find: vi.fn(async () => notFound) });
		expect(await ensureBrowser(d)).toBe(1);
		expect(d.aptGet).not.toHaveBeenCalled();
		expect(d.error).toHaveBeenCalledTimes(1);
		expect(d.error).toHaveBeenCalledWith(expect.stringContaining(installCommand));
		expect(installCommand).toContain('apt-get install -y chromium');
	});
});
