// `npm run audit`: Lighthouse 12.2.3 on the production build in headless Chromium, for the
// library page and the workbench of the demo scenario, printing the performance,
// accessibility and best-practices scores (target: 95 or more each), and the initial
// JavaScript each page loads, gzipped (target: under 150 KB). Not part of `npm test`:
// Lighthouse is fetched by npx on first use (pinned: 12.2.3 is the last to run on Node 20).
//
// Options: --skip-build (audit the existing build as it is). SLOW_TRUST_OUT=name builds into
// and audits .out/name/build instead of build/, as the end-to-end tests do, so an audit can
// run beside other builds.
import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromiumArgs, findBrowser } from './find-browser.mjs';

const LIGHTHOUSE = 'lighthouse@12.2.3';
const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.env.SLOW_TRUST_OUT;
const buildDir = join(root, out ? join('.out', out, 'build') : 'build');
const PAGES = [
	{ name: 'Library', path: '/' },
	{ name: 'Workbench (demo scenario)', path: '/scenarios/preset-typical' }
];
const SCORE_TARGET = 95;
const JS_TARGET_KB = 150;

const types = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.webmanifest': 'application/manifest+json'
};

/** Serves build/ as a static host does: files, `name.html` for `/name`, else 200.html. */
function serve() {
	const server = createServer((req, res) => {
		const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
		const candidates = [
			join(buildDir, path),
			join(buildDir, `${path}.html`),
			join(buildDir, path, 'index.html')
		];
		let file = candidates.find(
			(f) => f.startsWith(buildDir) && existsSync(f) && statSync(f).isFile()
		);
		file ??= join(buildDir, '200.html');
		const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
		// Hashed build files never change: let the browser keep them, as a real host would.
		if (file.includes(`${join('_app', 'immutable')}`))
			headers['cache-control'] = 'public, max-age=31536000, immutable';
		res.writeHead(200, headers);
		createReadStream(file).pipe(res);
	});
	return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

/**
 * The JavaScript the page loaded on the main thread while Lighthouse watched it load (its
 * network records), each file's size gzipped as a server would send it. Worker scripts are
 * left out: they load off the main thread, when a simulation starts.
 */
function initialJs(report) {
	const items = report.audits['network-requests']?.details?.items ?? [];
	let files = 0;
	let gzip = 0;
	for (const item of items) {
		if (item.resourceType !== 'Script') continue;
		const { pathname } = new URL(item.url);
		if (pathname.includes('/workers/')) continue;
		const path = join(buildDir, decodeURIComponent(pathname));
		if (!path.startsWith(buildDir) || !existsSync(path)) continue;
		files++;
		gzip += gzipSync(readFileSync(path), { level: 9 }).length;
	}
	return { files, gzip };
}

/** Runs Lighthouse in a child process (asynchronously: this process serves the pages). */
function runLighthouse(url, chromePath) {
	const args = [
		'--yes',
		LIGHTHOUSE,
		url,
		'--quiet',
		'--output=json',
		'--output-path=stdout',
		'--only-categories=performance,accessibility,best-practices',
		'--preset=desktop',
		`--chrome-flags=--headless=new --disable-dev-shm-usage ${chromiumArgs.join(' ')}`
	];
	return new Promise((resolve, reject) => {
		const child = spawn('npx', args, {
			cwd: root,
			env: { ...process.env, CHROME_PATH: chromePath },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let stdout = '';
		let stderr = '';
		child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
		child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
		child.on('error', reject);
		child.on('close', (status) =>
			status === 0
				? resolve(stdout)
				: reject(new Error(`Lighthouse failed on ${url} (exit ${status}):\n${stderr}`))
		);
	});
}

async function lighthouse(url, chromePath) {
	const r = { stdout: await runLighthouse(url, chromePath) };
	const report = JSON.parse(r.stdout);
	const score = (id) => Math.round((report.categories[id]?.score ?? 0) * 100);
	const failing = Object.values(report.audits)
		.filter((a) => a.score !== null && a.score < 0.9 && a.scoreDisplayMode === 'binary')
		.map((a) => a.title);
	const ms = (id) => report.audits[id]?.numericValue ?? NaN;
	return {
		metrics: {
			FCP: `${Math.round(ms('first-contentful-paint'))} ms`,
			LCP: `${Math.round(ms('largest-contentful-paint'))} ms`,
			TBT: `${Math.round(ms('total-blocking-time'))} ms`,
			CLS: ms('cumulative-layout-shift').toFixed(3),
			SI: `${Math.round(ms('speed-index'))} ms`
		},
		js: initialJs(report),
		performance: score('performance'),
		accessibility: score('accessibility'),
		bestPractices: score('best-practices'),
		failing
	};
}

async function main() {
	const { found } = await findBrowser();
	if (!found) throw new Error('no Chromium found; run `node scripts/ensure-browser.mjs` first');
	if (!process.argv.includes('--skip-build')) {
		process.stderr.write('Building the app...\n');
		execFileSync('npx', ['vite', 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
	}
	const server = await serve();
	const { port } = server.address();
	const rows = [
		['Page', 'Performance', 'Accessibility', 'Best practices', 'Initial JS (gzip)', 'Result']
	];
	const notes = [];
	const metricLines = [];
	let allMet = true;
	try {
		for (const page of PAGES) {
			process.stderr.write(`Auditing ${page.name}...\n`);
			const scores = await lighthouse(`http://127.0.0.1:${port}${page.path}`, found.path);
			const { js } = scores;
			const met =
				scores.performance >= SCORE_TARGET &&
				scores.accessibility >= SCORE_TARGET &&
				scores.bestPractices >= SCORE_TARGET &&
				js.gzip < JS_TARGET_KB * 1024;
			allMet &&= met;
			rows.push([
				page.name,
				String(scores.performance),
				String(scores.accessibility),
				String(scores.bestPractices),
				`${(js.gzip / 1024).toFixed(1)} KB (${js.files} files)`,
				met ? 'PASS' : 'MISS'
			]);
			for (const title of scores.failing) notes.push(`${page.name}: ${title}`);
			metricLines.push(
				`${page.name}: ${Object.entries(scores.metrics)
					.map(([k, v]) => `${k} ${v}`)
					.join(', ')}`
			);
		}
	} finally {
		server.close();
	}
	const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
	const line = (r) =>
		r
			.map((cell, c) => cell.padEnd(widths[c]))
			.join('  ')
			.trimEnd();
	const out = [
		line(rows[0]),
		widths.map((w) => '-'.repeat(w)).join('  '),
		...rows.slice(1).map(line)
	];
	process.stdout.write(`\n${out.join('\n')}\n`);
	process.stdout.write(`\nMetrics (simulated desktop):\n${metricLines.join('\n')}\n`);
	process.stdout.write(
		`\nTargets: each score ${SCORE_TARGET} or more; initial JavaScript under ${JS_TARGET_KB} KB gzipped.\n`
	);
	if (notes.length)
		process.stdout.write(`\nAudits not passed:\n${notes.map((n) => `- ${n}`).join('\n')}\n`);
	if (!allMet)
		process.stdout.write('\nSome targets were missed (reported, not a failing exit status).\n');
}

main().catch((e) => {
	process.stderr.write(`audit: ${e instanceof Error ? e.message : String(e)}\n`);
	process.exitCode = 1;
});
