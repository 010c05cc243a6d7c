// Prints the slowest tests of the last `npm test`: the ten slowest end-to-end tests (from
// Playwright's JSON report) and the ten slowest unit tests (from Vitest's), with the total
// time of each suite's tests. `.ci/run` prints this at its end, so that where the time goes
// can be seen in every CI log. Both reports are written to .out/durations/ (with
// SLOW_TRUST_OUT=name, .out/name/durations/) by the test configurations (playwright.config.ts,
// vite.config.ts); a missing report is said, not an error.
// Usage: node scripts/slowest-tests.mjs [N] (default 10).
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = process.env.SLOW_TRUST_OUT;
const dir = join(root, '.out', ...(out ? [out] : []), 'durations');
const n = Number(process.argv[2] ?? 10);

/** Every test of a Playwright JSON report: title, file:line, duration of its last attempt. */
function e2eTests(report) {
	const out = [];
	const walk = (suite, titles) => {
		for (const spec of suite.specs ?? [])
			for (const test of spec.tests ?? []) {
				const results = test.results ?? [];
				const last = results[results.length - 1];
				if (!last) continue;
				out.push({
					name: [...titles, spec.title].filter(Boolean).join(' › '),
					where: `${spec.file}:${spec.line}`,
					ms: last.duration,
					// expected, unexpected, flaky or skipped (a test expected to fail is expected).
					status: test.status,
					attempts: results.length
				});
			}
		for (const child of suite.suites ?? [])
			walk(child, child.title === child.file ? titles : [...titles, child.title]);
	};
	for (const suite of report.suites ?? []) walk(suite, []);
	return out;
}

/** Every test of a Vitest JSON report. */
function unitTests(report) {
	const out = [];
	for (const file of report.testResults ?? [])
		for (const a of file.assertionResults ?? [])
			out.push({
				name: a.fullName ?? a.title,
				where: relative(root, file.name),
				ms: a.duration ?? 0,
				status: a.status === 'passed' ? 'expected' : a.status,
				attempts: 1
			});
	return out;
}

/** How a test that did not simply pass is marked. */
const STATUS = { unexpected: 'failed', flaky: 'passed on a retry', failed: 'failed' };

function seconds(ms) {
	return `${(ms / 1000).toFixed(1)} s`;
}

function print(title, file, read) {
	const path = join(dir, file);
	if (!existsSync(path)) {
		process.stdout.write(`${title}: no report (${relative(root, path)})\n`);
		return;
	}
	const tests = read(JSON.parse(readFileSync(path, 'utf8')));
	const total = tests.reduce((sum, t) => sum + t.ms, 0);
	const retried = tests.filter((t) => t.attempts > 1).length;
	process.stdout.write(
		`${title}: ${tests.length} tests, ${seconds(total)} in all` +
			`${retried ? `, ${retried} retried` : ''}; the ${Math.min(n, tests.length)} slowest:\n`
	);
	const slowest = [...tests].sort((a, b) => b.ms - a.ms).slice(0, n);
	const width = Math.max(...slowest.map((t) => seconds(t.ms).length));
	for (const t of slowest)
		process.stdout.write(
			`  ${seconds(t.ms).padStart(width)}  ${t.where}  ${t.name}` +
				`${t.status === 'expected' ? '' : ` (${STATUS[t.status] ?? t.status})`}\n`
		);
}

print('End-to-end', 'e2e.json', e2eTests);
print('Unit', 'unit.json', unitTests);
