/**
 * The command-line runner (src/cli): argument parsing, building the scenario from a preset
 * or a file with --set, the CSV layout, the progress bar, and the script end to end.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseArgs, type Command, type SimOptions } from '../../src/cli/args';
import { helpText } from '../../src/cli/help';
import {
	formatValue,
	headline,
	sweepCsv,
	sweepJson,
	sweepText,
	toJson,
	toText,
	type SweepRow
} from '../../src/cli/output';
import { BAND_STATS, csvHeader, toCsv } from '../../src/lib/export/bands';
import { createProgress, renderProgress } from '../../src/cli/progress';
import {
	resolveCompared,
	resolveScenario,
	resolveSweep,
	type ReadText
} from '../../src/cli/resolve';
import {
	screeningJson,
	screeningMarkdown,
	screeningText,
	sig3,
	tableRows
} from '../../src/cli/screen-output';
import {
	DEMO_PRESET_ID,
	getParam,
	presetById,
	PRESETS,
	SERIES,
	simulate,
	type Scenario
} from '../../src/lib/sim/index';
import { screeningFactors, screenModel, SCREENING_OUTPUTS } from '../../src/lib/sim/screening';

const root = fileURLToPath(new URL('../..', import.meta.url));

function options(argv: string[]): SimOptions {
	const r = parseArgs(argv);
	if (!r.ok) throw new Error(r.error);
	if (r.value.kind !== 'run') throw new Error(`expected a run, got ${r.value.kind}`);
	return r.value.options;
}

function command(argv: string[]): Command {
	const r = parseArgs(argv);
	if (!r.ok) throw new Error(r.error);
	return r.value;
}

function parseError(argv: string[]): string {
	const r = parseArgs(argv);
	if (r.ok) throw new Error(`expected an error for ${argv.join(' ')}`);
	return r.error;
}

/** Each argument list is refused with one line matching its pattern. */
function expectRefused(cases: readonly (readonly [string[], RegExp])[]): void {
	for (const [argv, pattern] of cases) {
		const error = parseError(argv);
		expect(error, argv.join(' ')).toMatch(pattern);
		expect(error, argv.join(' ')).not.toContain('\n');
	}
}

const noFiles: ReadText = (path) => ({ ok: false, error: `Cannot read scenario file ${path}` });

function files(content: Record<string, string>): ReadText {
	return (path) => (path in content ? { ok: true, value: content[path] } : noFiles(path));
}

describe('parseArgs', () => {
	it('defaults to a JSON run of the demo preset', () => {
		expect(options([])).toEqual({ sets: [], pins: [], format: 'json' });
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
			pins: [],
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
			[['--runs', '-5'], /--runs must be 0 or more; got "-5"/],
			[['--pick', '2'], /--pick chooses a scenario of a library file given with --scenario/],
			[['--scenario', 'a.json', '--pick', ' '], /--pick needs a scenario name or number/],
			[['--scenario', 'a.json', '--pick', '1', '--pick', '2'], /Give one --pick/],
			[['--seed', '1e400'], /--seed must be a whole number/],
			[['--format', 'xml'], /--format must be json, csv, text or markdown; got "xml"/],
			[['--preset', 'typical', '--scenario', 'a.json'], /not both/]
		];
		expectRefused(cases);
	});
});

describe('parseArgs: text, --sweep and --screen', () => {
	it('writes a run as text when asked', () => {
		expect(options(['--format', 'text']).format).toBe('text');
	});

	it('reads a sweep, as text unless told otherwise', () => {
		expect(command(['--sweep', 'kpi.rigidity=0,0.5,1'])).toEqual({
			kind: 'sweep',
			options: { sets: [], pins: [], format: 'text' },
			sweep: { path: 'kpi.rigidity', values: [0, 0.5, 1] }
		});
		expect(
			command([
				'--preset',
				'churn',
				'--sweep=community.segments.1.initialTrust=.3,.6',
				'--runs',
				'50',
				'--format',
				'csv'
			])
		).toEqual({
			kind: 'sweep',
			options: { preset: 'churn', sets: [], pins: [], runs: 50, format: 'csv' },
			sweep: { path: 'community.segments.1.initialTrust', values: [0.3, 0.6] }
		});
		expect(command(['--sweep', 'power.sharing=0.4']).kind).toBe('sweep');
	});

	it('reads a screening with its defaults, --runs being the futures a point', () => {
		expect(command(['--screen'])).toEqual({
			kind: 'screen',
			options: { sets: [], pins: [], format: 'text' },
			screen: { trajectories: 10, runs: 20, top: 10 }
		});
		expect(
			command([
				'--screen',
				'--preset',
				'courage',
				'--set',
				'kpi.rigidity=0.5',
				'--trajectories',
				'4',
				'--runs=5',
				'--top',
				'3',
				'--seed',
				'8',
				'--format',
				'markdown',
				'--out',
				'table.md'
			])
		).toEqual({
			kind: 'screen',
			options: {
				preset: 'courage',
				sets: [{ path: 'kpi.rigidity', value: 0.5 }],
				pins: [],
				seed: 8,
				format: 'markdown',
				out: 'table.md'
			},
			screen: { trajectories: 4, runs: 5, top: 3 }
		});
		const json = command(['--screen', '--format', 'json']);
		expect(json.kind === 'screen' && json.options.format).toBe('json');
	});

	it('rejects misused flags with one line naming the problem', () => {
		const cases: [string[], RegExp][] = [
			[['--format', 'markdown'], /--format markdown is for --screen/],
			[['--sweep', 'kpi.rigidity=0,1', '--format', 'markdown'], /markdown is for --screen/],
			[['--screen', '--format', 'csv'], /--screen writes text, json or markdown; got "csv"/],
			[['--screen', '--sweep', 'kpi.rigidity=0,1'], /--screen or --sweep, not both/],
			[['--screen', '--trajectories', '1'], /--trajectories must be 2 or more; got "1"/],
			[['--screen', '--trajectories', 'ten'], /--trajectories must be a whole number/],
			[['--screen', '--top', '0'], /--top must be 1 or more/],
			[['--screen', '--runs', '0'], /--runs must be 1 or more for --screen/],
			[['--trajectories', '5'], /--trajectories is an option of --screen/],
			[['--top', '5'], /--top is an option of --screen/],
			[['--sweep', 'kpi.rigidity'], /--sweep expects path=v1,v2,\.\.\./],
			[['--sweep', 'kpi.flexibility=1,2'], /--sweep: unknown parameter "kpi.flexibility"/],
			[['--sweep', 'kpi.rigidity=0,high'], /--sweep kpi.rigidity: "high" is not a number/],
			[['--sweep', 'kpi.rigidity=0,,1'], /"" is not a number/],
			[['--sweep', 'kpi.rigidity=0', '--sweep', 'power.sharing=1'], /Give one --sweep/],
			[['--sweep'], /--sweep needs a value/]
		];
		expectRefused(cases);
	});
});

describe('resolveSweep', () => {
	it('gives one scenario per value, after --set, on the same seed', () => {
		const c = command([
			'--sweep',
			'kpi.rigidity=0,0.5',
			'--set',
			'kpi.rigidity=0.9',
			'--set',
			'power.sharing=0.7',
			'--seed',
			'12'
		]);
		if (c.kind !== 'sweep') throw new Error(c.kind);
		const r = resolveSweep(c.options, c.sweep, noFiles);
		if (!r.ok) throw new Error(r.error);
		expect(r.value.map((p) => p.value)).toEqual([0, 0.5]);
		expect(r.value.map((p) => p.scenario.kpi.rigidity)).toEqual([0, 0.5]);
		for (const p of r.value) {
			expect(p.scenario.power.sharing).toBe(0.7);
			expect(p.scenario.seed).toBe(12);
		}
	});

	it('lets a sweep of the seed or the runs take the place of --seed or --runs', () => {
		const c = command(['--sweep', 'seed=1,2', '--seed', '9', '--runs', '30']);
		if (c.kind !== 'sweep') throw new Error(c.kind);
		const r = resolveSweep(c.options, c.sweep, noFiles);
		expect(r.ok && r.value.map((p) => [p.scenario.seed, p.scenario.runs])).toEqual([
			[1, 30],
			[2, 30]
		]);
	});

	it('checks every value before anything runs', () => {
		const c = command(['--sweep', 'kpi.rigidity=0,7']);
		if (c.kind !== 'sweep') throw new Error(c.kind);
		const r = resolveSweep(c.options, c.sweep, noFiles);
		expect(r.ok || r.error).toMatch(/kpi\.rigidity \(KPI rigidity\) must be from 0 to 1; got 7\./);
		const seg = command(['--sweep', 'community.segments.7.size=10,20']);
		if (seg.kind !== 'sweep') throw new Error(seg.kind);
		const bad = resolveSweep(seg.options, seg.sweep, noFiles);
		expect(bad.ok || bad.error).toMatch(
			/^--sweep community\.segments\.7\.size: the scenario has 4/
		);
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

	it('accepts a byte-order mark, as the app does', () => {
		const good = presetById('courage')?.scenario;
		const io = files({ 'bom.json': '\uFEFF' + JSON.stringify(good) });
		const r = resolveScenario(options(['--scenario', 'bom.json']), io);
		expect(r.ok && r.value.name).toBe(good?.name);
	});

	it('refuses JSON nested far too deep for a scenario with one line, never a stack overflow', () => {
		const io = files({ 'deep.json': '['.repeat(100_000) + ']'.repeat(100_000) });
		const r = resolveScenario(options(['--scenario', 'deep.json']), io);
		expect(r.ok || r.error).toMatch(/deep\.json nests more than 32 levels deep/);
	});

	it('runs the scenario of a library file, and asks which one when it holds several', () => {
		const item = (id: string) => {
			const scenario = presetById(id)?.scenario;
			return { name: scenario?.name ?? id, description: '', tags: [], scenario };
		};
		const library = (ids: string[]) =>
			JSON.stringify({
				format: 'slow-trust-library',
				version: 1,
				exportedAt: '2026-12-03T10:00:00Z',
				modelVersion: '2.2.0',
				scenarios: ids.map(item)
			});
		const io = files({
			'one.json': library(['courage']),
			'two.json': library(['typical', 'churn']),
			'list.json': JSON.stringify([presetById('typical')?.scenario])
		});
		const one = resolveScenario(options(['--scenario', 'one.json']), io);
		expect(one.ok && one.value.name).toBe(presetById('courage')?.scenario.name);
		const list = resolveScenario(options(['--scenario', 'list.json']), io);
		expect(list.ok && list.value.name).toBe(presetById('typical')?.scenario.name);

		const churn = presetById('churn')?.scenario.name ?? '';
		const two = resolveScenario(options(['--scenario', 'two.json']), io);
		expect(two.ok || two.error).toMatch(
			/library file with 2 scenarios.*--pick NAME or --pick NUMBER/
		);
		expect(two.ok || two.error).toContain(`2 “${churn}”`);
		for (const pick of ['2', churn, churn.toUpperCase()]) {
			const r = resolveScenario(options(['--scenario', 'two.json', '--pick', pick]), io);
			expect(r.ok && r.value.name, pick).toBe(churn);
		}
		const none = resolveScenario(options(['--scenario', 'two.json', '--pick', '3']), io);
		expect(none.ok || none.error).toMatch(/--pick: two\.json has no scenario “3”.*\(1 to 2\)/);
		const notLibrary = files({ 's.json': JSON.stringify(presetById('typical')?.scenario) });
		const r = resolveScenario(options(['--scenario', 's.json', '--pick', '1']), notLibrary);
		expect(r.ok || r.error).toMatch(/is one scenario, not a library file/);
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

describe('headline figures, text and sweeps', () => {
	const preset = presetById(DEMO_PRESET_ID)?.scenario;
	if (!preset) throw new Error('no demo preset');
	const scenario: Scenario = { ...preset, runs: 10, horizonMonths: 24 };
	const summary = simulate(scenario);

	it('gives each headline figure its mean and Monte Carlo error over futures', () => {
		const figures = headline(summary);
		expect(figures.map((f) => f.key)).toEqual([
			'finalTrust',
			'meanTrust',
			'pTrustAboveThreshold',
			'monthsAbove',
			'pCollapse',
			'brokenPromises',
			'outcomes',
			'tookPart',
			'sharedDecisions',
			'providerChanges',
			'kpiMet'
		]);
		const trust = figures[0];
		const runs = summary.perRun.finalTrust;
		const mean = runs.reduce((a, b) => a + b, 0) / runs.length;
		const sd = Math.sqrt(runs.reduce((a, b) => a + (b - mean) ** 2, 0) / (runs.length - 1));
		expect(trust.mean).toBeCloseTo(mean, 12);
		expect(trust.se).toBeCloseTo(sd / Math.sqrt(runs.length), 12);
		expect(trust.p5).toBe(summary.metrics.finalTrust.p5);
		expect(trust.p95).toBe(summary.metrics.finalTrust.p95);
		const months = figures[3];
		expect(months.label).toBe(`Months with trust ≥ ${scenario.trust.threshold}`);
		expect(months.mean).toBeCloseTo(
			summary.perRun.monthsAbove.reduce((a, b) => a + b, 0) / summary.perRun.monthsAbove.length,
			12
		);
		expect(months.p5).toBe(summary.metrics.monthsAbove.p5);
		expect(months.p95).toBe(summary.metrics.monthsAbove.p95);
		const collapse = figures[4];
		expect(collapse.mean).toBe(summary.probabilities.collapse.p);
		expect(collapse.se).toBe(summary.probabilities.collapse.se);
		expect(collapse.p5).toBeNull();
		expect(figures[2].label).toBe(`P(trust in the final year ≥ ${scenario.trust.threshold})`);
	});

	it('writes values in their units', () => {
		expect(formatValue('score', 0.41234)).toBe('0.412');
		expect(formatValue('share', 0.2345)).toBe('23.4%');
		expect(formatValue('probability', 0.05)).toBe('5.0%');
		expect(formatValue('people', 12345.6)).toBe('12,346');
		expect(formatValue('count', 1)).toBe('1.00');
		expect(formatValue('months', 14.25)).toBe('14.3');
		expect(formatValue('score', null)).toBe('–');
	});

	it('writes a run as a short text summary, a line per figure', () => {
		const text = toText(scenario, summary);
		expect(
			text.startsWith(`${scenario.name}\n10 futures on seed ${scenario.seed} over 24 months`)
		).toBe(true);
		const lines = text.trimEnd().split('\n');
		for (const f of headline(summary)) {
			const line = lines.find((l) => l.startsWith(f.label));
			expect(line, f.label).toBeDefined();
			// A chance seen in no future or in every future has no ± to speak of.
			if (f.kind === 'probability' && (f.mean === 0 || f.mean === 1))
				expect(line).toMatch(/in (no|every) future$/);
			else expect(line).toContain(' ± ');
		}
		expect(lines.find((l) => l.startsWith('Trust in the final year'))).toMatch(
			/\d\.\d{3} ± \d\.\d{3} +\d\.\d{3} to \d\.\d{3}$/
		);
	});

	const sweep: SweepRow[] = [0.1, 0.9].map((value) => {
		const s = { ...scenario, kpi: { ...scenario.kpi, rigidity: value } };
		return { value, scenario: s, summary: simulate(s) };
	});

	it('writes a sweep as text, one line per value', () => {
		const lines = sweepText('kpi.rigidity', sweep).trimEnd().split('\n');
		const table = lines.slice(lines.indexOf('') + 1);
		expect(table).toHaveLength(3);
		expect(table[0]).toMatch(/^kpi\.rigidity +Trust final +Trust horizon/);
		expect(table[1]).toMatch(/^0\.1 +\d\.\d{3} ± /);
		expect(table[2]).toMatch(/^0\.9 +\d\.\d{3} ± /);
	});

	it('writes a sweep as CSV, one row per value, and as JSON', () => {
		const lines = sweepCsv('kpi.rigidity', sweep).trimEnd().split('\n');
		expect(lines).toHaveLength(3);
		const header = lines[0].split(',');
		expect(header.slice(0, 5)).toEqual([
			'kpi.rigidity',
			'finalTrust_mean',
			'finalTrust_se',
			'finalTrust_p5',
			'finalTrust_p95'
		]);
		expect(header).toContain('pCollapse_mean');
		expect(header).not.toContain('pCollapse_p5');
		lines.slice(1).forEach((line, i) => {
			const cells = line.split(',');
			expect(cells).toHaveLength(header.length);
			expect(Number(cells[0])).toBe(sweep[i].value);
			expect(Number(cells[1])).toBeCloseTo(headline(sweep[i].summary)[0].mean, 6);
		});
		const doc = JSON.parse(sweepJson('kpi.rigidity', sweep));
		expect(doc.path).toBe('kpi.rigidity');
		expect(doc.values.map((v: { value: number }) => v.value)).toEqual([0.1, 0.9]);
		expect(doc.values[0].headline.finalTrust.mean).toBeCloseTo(
			headline(sweep[0].summary)[0].mean,
			12
		);
	});
});

describe('screening output', () => {
	const preset = presetById(DEMO_PRESET_ID)?.scenario;
	if (!preset) throw new Error('no demo preset');
	const scenario: Scenario = structuredClone({ ...preset, horizonMonths: 24 });
	for (const g of scenario.community.segments) g.size = 100;
	const ids = ['kpi.rigidity', 'trust.responsiveness', 'trust.threshold', 'outcomes.monthlyRate'];
	const factors = screeningFactors().filter((f) => ids.includes(f.id));
	const r = screenModel(scenario, { trajectories: 3, runs: 2, factors });
	if (!r.ok) throw new Error(r.error);
	const result = r.value;

	it('writes numbers to three significant figures', () => {
		expect(sig3(0)).toBe('0');
		expect(sig3(0.123456)).toBe('0.123');
		expect(sig3(-12.345)).toBe('-12.3');
		expect(sig3(4321.4)).toBe('4,321');
		expect(sig3(0.0000123)).toBe('1.2e-5');
		expect(sig3(NaN)).toBe('–');
	});

	it('lists each output’s inputs by μ*, leaving out those that did not change it', () => {
		const text = screeningText(scenario, result, 10);
		expect(text).toContain('Morris screening of');
		expect(text).toContain('4 inputs (4 parameters, 0 segment parameters');
		for (const o of SCREENING_OUTPUTS) expect(text).toContain(o.label);
		// The trust threshold only reports: it changes no trust output.
		const trustBlock = text.slice(text.indexOf('Trust in the final year'));
		const firstBlock = trustBlock.slice(0, trustBlock.indexOf('\n\n'));
		expect(firstBlock).not.toContain('trust.threshold');
		expect(firstBlock).toContain('No other input changed it');
		expect(screeningText(scenario, result, 1)).not.toMatch(/^ +2 /m);
	});

	it('writes one Markdown table with a μ* column per output', () => {
		const md = screeningMarkdown(scenario, result, 10);
		const lines = md.trimEnd().split('\n');
		const table = lines.filter((l) => l.startsWith('|'));
		const header = table[0].split(' | ');
		expect(header).toHaveLength(2 + SCREENING_OUTPUTS.length);
		expect(table[1]).toMatch(/^\| --- \| --- \| ---: \|/);
		const rows = tableRows(result, 10);
		expect(table).toHaveLength(2 + rows.length);
		rows.forEach((f, i) => expect(table[2 + i]).toContain(`\`${result.factors[f].id}\``));
		// The rows are one contiguous table (no blank line inside).
		expect(lines.slice(lines.indexOf(table[0]))).toEqual(table);
	});

	it('writes every input of every output as JSON', () => {
		const doc = JSON.parse(screeningJson(scenario, result));
		expect(doc.screening.trajectories).toBe(3);
		expect(doc.screening.runsPerPoint).toBe(2);
		expect(doc.inputs.map((f: { id: string }) => f.id)).toEqual(factors.map((f) => f.id));
		for (const o of doc.outputs) expect(o.ranked).toHaveLength(factors.length);
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

	it('refuses an output file it cannot write before simulating anything', () => {
		// 100,000 futures would take minutes: the refusal must come first.
		for (const out of ['/nonexistent-folder/out.json', 'tests']) {
			const r = sim(['--runs', '100000', '--out', out]);
			expect(r.status, out).toBe(2);
			expect(r.stderr.trimEnd().split('\n'), out).toHaveLength(1);
			expect(r.stderr).toMatch(/Cannot write/);
		}
	}, 60_000);

	it('refuses a file nested 100,000 levels deep with one line and exit 2', () => {
		const dir = mkdtempSync(join(tmpdir(), 'slow-trust-cli-'));
		const file = join(dir, 'deep.json');
		writeFileSync(file, '{"a":'.repeat(100_000) + '1' + '}'.repeat(100_000));
		const r = sim(['--scenario', file]);
		rmSync(dir, { recursive: true });
		expect(r.status).toBe(2);
		expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
		expect(r.stderr).toMatch(/nests more than 32 levels deep|not valid JSON/);
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

	it('sweeps a parameter, one line per value', () => {
		const r = sim([
			'--sweep',
			'kpi.rigidity=0,1',
			'--runs',
			'10',
			'--set',
			'horizonMonths=12',
			'--format',
			'csv'
		]);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const lines = r.stdout.trimEnd().split('\n');
		expect(lines).toHaveLength(3);
		expect(lines[1].startsWith('0,')).toBe(true);
		expect(lines[2].startsWith('1,')).toBe(true);
	}, 60_000);

	it('screens, writing a Markdown table, and refuses a bad screening with exit 2', () => {
		const r = sim([
			'--screen',
			'--trajectories',
			'2',
			'--runs',
			'1',
			'--set',
			'horizonMonths=12',
			'--format',
			'markdown'
		]);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		expect(r.stdout).toMatch(/^\| Input \| Kind \| Trust, final year/m);
		const bad = sim(['--screen', '--format', 'csv']);
		expect(bad.status).toBe(2);
		expect(bad.stdout).toBe('');
		expect(bad.stderr.trimEnd().split('\n')).toHaveLength(1);
	}, 120_000);
});

describe('assumptions and paired comparisons on the command line', () => {
	it('reads --assumptions, --pin and --compare, and refuses what they cannot take', () => {
		const r = parseArgs([
			'--assumptions',
			'uncertain',
			'--pin',
			'trust.asymmetry=4',
			'--pin=model.newsReach=6',
			'--compare',
			'courage'
		]);
		if (!r.ok || r.value.kind !== 'run') throw new Error('expected a run');
		expect(r.value.options.assumptions).toBe('uncertain');
		expect(r.value.options.pins).toEqual([
			{ path: 'trust.asymmetry', value: 4 },
			{ path: 'model.newsReach', value: 6 }
		]);
		expect(r.value.options.compare).toBe('courage');
		const refusals: [string[], RegExp][] = [
			[['--assumptions', 'maybe'], /--assumptions must be fixed or uncertain/],
			[['--pin', 'kpi.rigidity=0.5'], /is not an assumption/],
			[['--pin', 'trust.asymmetry=99'], /must be from 2 to 5/],
			[['--pin', 'trust.asymmetry'], /--pin expects path=value/],
			[['--compare', 'courage', '--sweep', 'kpi.rigidity=0,1'], /--compare runs two scenarios/]
		];
		for (const [args, message] of refusals) {
			const parsed = parseArgs(args);
			expect(parsed.ok, args.join(' ')).toBe(false);
			if (!parsed.ok) expect(parsed.error).toMatch(message);
		}
	});

	it('pins and the mode go into the scenario, its hash and the second scenario', () => {
		const first = resolveScenario(
			{
				sets: [],
				pins: [{ path: 'trust.asymmetry', value: 4 }],
				assumptions: 'uncertain',
				runs: 50,
				seed: 9,
				format: 'json'
			},
			() => ({ ok: false, error: 'no files' })
		);
		if (!first.ok) throw new Error(first.error);
		expect(first.value.assumptions).toEqual({
			mode: 'uncertain',
			pins: { 'trust.asymmetry': 4 }
		});
		const second = resolveCompared(
			{ sets: [], pins: [], format: 'json', compare: 'courage' },
			first.value,
			() => ({ ok: false, error: 'no files' })
		);
		if (!second.ok) throw new Error(second.error);
		expect(second.value.name).toBe(presetById('courage')?.scenario.name);
		expect([second.value.seed, second.value.runs]).toEqual([9, 50]);
		expect(second.value.assumptions).toEqual(first.value.assumptions);
	});

	it('writes comparison.pBetter and comparison.flips, and the spread, as JSON', () => {
		const r = spawnSync(
			'npx',
			[
				'tsx',
				'src/cli/sim.ts',
				'--preset',
				'typical',
				'--compare',
				'courage',
				'--assumptions',
				'uncertain',
				'--runs',
				'60',
				'--set',
				'horizonMonths=36'
			],
			{ cwd: root, encoding: 'utf8', timeout: 120_000 }
		);
		expect(r.stderr).toBe('');
		expect(r.status).toBe(0);
		const doc = JSON.parse(r.stdout);
		expect(doc.receipt.assumptions).toEqual({ mode: 'uncertain', pinned: 0 });
		expect(doc.comparison.scenario).toBe(presetById('courage')?.scenario.name);
		expect(doc.comparison.mode).toBe('uncertain');
		for (const p of Object.values(doc.comparison.pBetter)) {
			expect(p).toBeGreaterThanOrEqual(0);
			expect(p).toBeLessThanOrEqual(1);
		}
		expect(Array.isArray(doc.comparison.flips)).toBe(true);
		for (const f of doc.comparison.flips) {
			expect(typeof f.text).toBe('string');
			expect(f.share).toBeGreaterThan(0);
		}
		// 60 futures are too few to say where the spread comes from: said as null.
		expect(doc.spread).toBeNull();
	}, 120_000);
});
