/**
 * The command-line runner (src/cli): argument parsing, building the scenario from a preset
 * or a file with --set, the CSV layout, the progress bar, and the script end to end.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs, type SimOptions } from '../../src/cli/args';
import { helpText } from '../../src/cli/help';
import { BAND_STATS, csvHeader, toCsv, toJson } from '../../src/cli/output';
import { createProgress, renderProgress } from '../../src/cli/progress';
import { resolveScenario, type ReadText } from '../../src/cli/resolve';
import {
	DEMO_PRESET_ID,
	getParam,
	presetById,
	PRESETS,
	SERIES,
	simulate
} from '../../src/lib/sim/index';

const root = fileURLToPath(new URL('../..', import.meta.url));

function options(argv: string[]): SimOptions {
	const r = parseArgs(argv);
	if (!r.ok) throw new Error(r.error);
	if (r.value.kind !== 'run') throw new Error(`expected a run, got ${r.value.kind}`);
	return r.value.options;
}

function parseError(argv: string[]): string {
	const r = parseArgs(argv);
	if (r.ok) throw new Error(`expected an error for ${argv.join(' ')}`);
	return r.error;
}

const noFiles: ReadText = (path) => ({ ok: false, error: `Cannot read scenario file ${path}` });

function files(content: Record<string, string>): ReadText {
	return (path) => (path in content ? { ok: true, value: content[path] } : noFiles(path));
}

describe('parseArgs', () => {
	it('defaults to a JSON run of the demo preset', () => {
		expect(options([])).toEqual({ sets: [], format: 'json' });
	});

	it('reads every option, in both --flag value and --flag=value forms', () => {
		expect(
			options([
				'--preset',
				'towards',
				'--set',
				'kpi.rigidity=0.4',
				'--set=community.segments.1.initialTrust=0.5',
				'--runs',
				'20',
				'--seed=7',
				'--format',
				'csv',
				'--out',
				'out.csv'
			])
		).toEqual({
			preset: 'towards',
			sets: [
				{ path: 'kpi.rigidity', value: 0.4 },
				{ path: 'community.segments.1.initialTrust', value: 0.5 }
			],
			runs: 20,
			seed: 7,
			format: 'csv',
			out: 'out.csv'
		});
		expect(options(['--scenario', 'a.json']).scenarioFile).toBe('a.json');
	});

	it('accepts segment weights and every registry path', () => {
		expect(options(['--set', 'community.segments.0.weights.intent=0.3']).sets).toEqual([
			{ path: 'community.segments.0.weights.intent', value: 0.3 }
		]);
		expect(options(['--set', 'community.peoplePerAgent=5', '--set', 'runs=30']).sets).toHaveLength(
			2
		);
	});

	it('recognises help and the lists', () => {
		expect(parseArgs(['--help'])).toEqual({ ok: true, value: { kind: 'help' } });
		expect(parseArgs(['--runs', '20', '-h'])).toEqual({ ok: true, value: { kind: 'help' } });
		expect(parseArgs(['--list-presets'])).toEqual({ ok: true, value: { kind: 'list-presets' } });
		expect(parseArgs(['--list-params'])).toEqual({ ok: true, value: { kind: 'list-params' } });
	});

	it('rejects bad input with one line naming the problem', () => {
		const cases: [string[], RegExp][] = [
			[['--frobnicate'], /Unknown option --frobnicate/],
			[['extra'], /Unexpected argument "extra"/],
			[['--preset'], /--preset needs a value/],
			[['--runs', '--seed', '3'], /--runs needs a value/],
			[['--set', 'kpi.rigidity'], /--set expects path=value/],
			[['--set', 'kpi.flexibility=0.5'], /unknown parameter "kpi.flexibility"/],
			[['--set', 'community.segments.0.colour=1'], /unknown parameter/],
			[['--set', 'community.segments.x.size=1'], /unknown parameter/],
			[['--set', 'kpi.rigidity=high'], /--set kpi.rigidity: "high" is not a number/],
			[['--set', 'kpi.rigidity='], /is not a number/],
			[['--set', 'kpi.rigidity=0x1'], /is not a number/],
			[['--runs', 'many'], /--runs must be a whole number; got "many"/],
			[['--runs', '2.5'], /--runs must be a whole number/],
			[['--runs', '-5'], /--runs must be a whole number/],
			[['--seed', '1e400'], /--seed must be a whole number/],
			[['--format', 'xml'], /--format must be json or csv; got "xml"/],
			[['--preset', 'typical', '--scenario', 'a.json'], /not both/]
		];
		for (const [argv, pattern] of cases) {
			const error = parseError(argv);
			expect(error, argv.join(' ')).toMatch(pattern);
			expect(error, argv.join(' ')).not.toContain('\n');
		}
	});
});

describe('resolveScenario', () => {
	it('starts from the demo preset', () => {
		const r = resolveScenario(options([]), noFiles);
		expect(r.ok && r.value).toEqual(presetById(DEMO_PRESET_ID)?.scenario);
	});

	it('applies --set, --runs and --seed and validates the result', () => {
		const r = resolveScenario(
			options([
				'--preset',
				'churn',
				'--set',
				'kpi.rigidity=0.25',
				'--set',
				'community.segments.2.initialTrust=0.6',
				'--set',
				'community.segments.0.weights.results=0.5',
				'--set',
				'runs=500',
				'--runs',
				'40',
				'--seed',
				'99'
			]),
			noFiles
		);
		if (!r.ok) throw new Error(r.error);
		const s = r.value;
		expect(s.name).toBe(presetById('churn')?.scenario.name);
		expect(getParam(s, 'kpi.rigidity')).toBe(0.25);
		expect(s.community.segments[2].initialTrust).toBe(0.6);
		expect(s.community.segments[0].weights.results).toBe(0.5);
		expect(s.runs).toBe(40);
		expect(s.seed).toBe(99);
		// The preset itself is untouched.
		expect(presetById('churn')?.scenario.kpi.rigidity).not.toBe(0.25);
	});

	it('names an out-of-range value with describeIssues', () => {
		const r = resolveScenario(options(['--set', 'kpi.rigidity=7']), noFiles);
		expect(r).toEqual({
			ok: false,
			error: expect.stringMatching(/kpi\.rigidity \(KPI rigidity\) must be from 0 to 1; got 7\./)
		});
		const few = resolveScenario(options(['--runs', '3']), noFiles);
		expect(few.ok || few.error).toMatch(/runs .* got 3\./);
	});

	it('rejects a segment that does not exist', () => {
		const r = resolveScenario(options(['--set', 'community.segments.9.size=10']), noFiles);
		expect(r.ok || r.error).toMatch(/community\.segments\.9\.size: the scenario has 4 segments/);
	});

	it('rejects an unknown preset, listing the presets', () => {
		const r = resolveScenario(options(['--preset', 'utopia']), noFiles);
		expect(r.ok || r.error).toMatch(/Unknown preset "utopia"/);
		for (const p of PRESETS) expect(r.ok || r.error).toContain(p.id);
	});

	it('reads a scenario file, and reports unreadable, malformed and invalid files', () => {
		const good = structuredClone(presetById('courage')?.scenario);
		const io = files({
			'good.json': JSON.stringify(good),
			'broken.json': '{ "name": ',
			'invalid.json': JSON.stringify({ ...good, horizonMonths: 2 }),
			'partial.json': JSON.stringify({ name: 'Only a name' })
		});
		const r = resolveScenario(options(['--scenario', 'good.json', '--runs', '25']), io);
		if (!r.ok) throw new Error(r.error);
		expect(r.value.runs).toBe(25);
		expect(r.value.name).toBe(good?.name);

		const cases: [string[], RegExp][] = [
			[['--scenario', 'missing.json'], /Cannot read scenario file missing\.json/],
			[['--scenario', 'broken.json'], /broken\.json is not valid JSON/],
			[['--scenario', 'invalid.json'], /horizonMonths .* got 2\./],
			[['--scenario', 'partial.json'], /Invalid scenario \(partial\.json\)/],
			[['--scenario', 'partial.json', '--set', 'kpi.rigidity=0.5'], /Invalid scenario/]
		];
		for (const [argv, pattern] of cases) {
			const res = resolveScenario(options(argv), io);
			expect(res.ok || res.error, argv.join(' ')).toMatch(pattern);
			expect(res.ok || res.error).not.toContain('\n');
		}
	});
});

describe('output', () => {
	const preset = presetById(DEMO_PRESET_ID)?.scenario;
	if (!preset) throw new Error('no demo preset');
	const scenario = { ...preset, runs: 10, horizonMonths: 12 };
	const summary = simulate(scenario);

	it('writes one CSV row per month, months numbered from 1', () => {
		const lines = toCsv(summary).trimEnd().split('\n');
		expect(lines[0]).toBe(csvHeader());
		const header = lines[0].split(',');
		expect(header.slice(0, 10)).toEqual([
			'month',
			'trust_p5',
			'trust_p10',
			'trust_p25',
			'trust_p50',
			'trust_p75',
			'trust_p90',
			'trust_p95',
			'trust_mean',
			'integrity_p5'
		]);
		expect(header).toHaveLength(1 + SERIES.length * BAND_STATS.length);
		expect(lines).toHaveLength(1 + 12);
		lines.slice(1).forEach((line, t) => {
			const cells = line.split(',');
			expect(cells).toHaveLength(header.length);
			expect(cells[0]).toBe(String(t + 1));
			expect(Number(cells[header.indexOf('trust_mean')])).toBeCloseTo(
				summary.series.trust.mean[t],
				6
			);
		});
	});

	it('writes JSON with the receipt, series, metrics and probabilities', () => {
		const doc = JSON.parse(toJson(scenario, summary));
		expect(Object.keys(doc)).toEqual(
			expect.arrayContaining(['receipt', 'series', 'metrics', 'probabilities', 'scenario'])
		);
		expect(doc.receipt.runs).toBe(10);
		expect(doc.series.trust.p50).toHaveLength(12);
	});

	it('lists the presets with their names in the help', () => {
		const help = helpText();
		for (const p of PRESETS) {
			expect(help).toContain(p.id);
			expect(help).toContain(p.scenario.name);
		}
	});
});

describe('progress', () => {
	it('draws a bar', () => {
		expect(renderProgress(0, 10, 10)).toBe('[..........]   0% 0/10 runs');
		expect(renderProgress(5, 10, 10)).toBe('[#####.....]  50% 5/10 runs');
		expect(renderProgress(10, 10, 10)).toBe('[##########] 100% 10/10 runs');
	});

	it('redraws at most every 100 ms and clears the line at the end', () => {
		const out: string[] = [];
		let clock = 0;
		const p = createProgress(
			100,
			(t) => out.push(t),
			() => clock
		);
		for (let done = 1; done <= 100; done++) {
			clock += 7;
			p.update(done);
		}
		p.finish();
		// 700 ms of work: one draw at the start, then one per 100 ms, then the clear.
		expect(out.length).toBeGreaterThanOrEqual(7);
		expect(out.length).toBeLessThanOrEqual(9);
		expect(out[out.length - 1]).toBe('\r\x1b[2K');
	});

	it('does nothing without a terminal', () => {
		const p = createProgress(10, undefined);
		expect(() => {
			p.update(5);
			p.finish();
		}).not.toThrow();
	});
});

describe('npm run sim, end to end', () => {
	function sim(args: string[]) {
		return spawnSync('npx', ['tsx', 'src/cli/sim.ts', ...args], {
			cwd: root,
			encoding: 'utf8',
			timeout: 60_000
		});
	}

	it('writes CSV with one row per month and nothing on stderr', () => {
		const r = sim(['--preset', 'typical', '--runs', '20', '--format', 'csv']);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const lines = r.stdout.trimEnd().split('\n');
		expect(lines[0]).toBe(csvHeader());
		const months = presetById('typical')?.scenario.horizonMonths;
		expect(lines).toHaveLength(1 + (months ?? NaN));
		expect(lines[1].startsWith('1,')).toBe(true);
		expect(lines[lines.length - 1].startsWith(`${months},`)).toBe(true);
	}, 60_000);

	it('exits 2 with one line on stderr for bad input', () => {
		for (const args of [['--set', 'kpi.rigidity=7'], ['--preset', 'nowhere'], ['--bogus']]) {
			const r = sim(args);
			expect(r.status, args.join(' ')).toBe(2);
			expect(r.stdout).toBe('');
			const lines = r.stderr.split('\n').filter((l) => l !== '');
			expect(lines, args.join(' ')).toHaveLength(1);
		}
	}, 60_000);
});
