/** The texts of `--help`, `--list-presets` and `--list-params`. */
import {
	ASSUMPTIONS,
	DEMO_PRESET_ID,
	PARAM_UNCERTAINTY,
	PARAMS,
	PRESETS,
	SEGMENT_PARAMS
} from '../lib/sim/index';

function presetLines(): string[] {
	const width = Math.max(...PRESETS.map((p) => p.id.length));
	return PRESETS.map(
		(p) =>
			`  ${p.id.padEnd(width)}  ${p.scenario.name}${p.id === DEMO_PRESET_ID ? ' (default)' : ''}`
	);
}

export function helpText(): string {
	return [
		'Usage: npm run sim -- [options]',
		'       npm run sim -- --sweep PATH=V1,V2,... [options]',
		'       npm run sim -- --screen [options]',
		'',
		'Runs a Slow Trust scenario headless and writes its summary; or runs it once per value',
		'of one parameter (--sweep); or screens which inputs each headline output depends on',
		'most (--screen).',
		'',
		'Options:',
		`  --preset ID         start from a preset (default: ${DEMO_PRESET_ID})`,
		'  --scenario FILE     start from a scenario JSON file instead (a scenario exported',
		'                      by the app, or a library file holding one scenario)',
		'  --pick NAME|N       the scenario of a library file to run: its name, or its',
		'                      number from 1 (needed when the file holds several)',
		'  --set PATH=VALUE    set a number, e.g. --set kpi.rigidity=0.5 or',
		'                      --set community.segments.0.initialTrust=0.4 (repeatable)',
		"  --runs N            number of simulated futures (the scenario's runs; with --screen,",
		'                      the futures at each point of the design, default 20)',
		"  --seed S            random seed (the scenario's seed)",
		'  --format FORMAT     json: receipt, scenario, series, metrics, probabilities (default)',
		'                      csv: one row per month (1..horizon), columns <series>_<p5..p95|mean>',
		'                      text: the headline figures with their Monte Carlo error',
		'  --out FILE          write to FILE instead of stdout',
		'  --assumptions MODE  fixed: every future uses the best guesses (the default);',
		'                      uncertain: each future draws every assumption from its plausible',
		'                      range (a Latin hypercube over the futures); adds "spread" to json',
		'  --pin PATH=VALUE    hold one assumption at one value in every future, e.g.',
		'                      --pin trust.asymmetry=4 or --pin model.newsReach=6 (repeatable)',
		'  --compare ID|FILE   a second scenario (preset id or file) run paired with the first',
		'                      on its seed, futures and assumptions; json adds "comparison":',
		'                      pBetter (metric -> chance the second is better) and flips',
		'                      (regions of the assumptions where the answer turns, with their',
		'                      share of the assumptions tried; in the uncertain mode)',
		'  --list-presets      list the presets',
		'  --list-params       list the parameters --set accepts and the assumptions --pin takes',
		'  -h, --help          show this help',
		'',
		'Sweep:',
		'  --sweep PATH=V1,V2,...',
		'                      run the scenario at each value of one parameter (after --set), on',
		'                      the same seed, so the values share their futures; --format text',
		'                      (default: one line per value, each figure mean ± s.e.), csv (one',
		"                      row per value: each figure's mean, se, p5, p95) or json",
		'',
		'Screening (Morris elementary effects):',
		'  --screen            screen every scenario parameter (but seed, runs, horizonMonths,',
		'                      community.peoplePerAgent and reporting.*), starting trust,',
		'                      scepticism and reachability of every segment, and every internal',
		'                      constant over its range; print, for each headline output, the',
		'                      inputs it depends on most: μ* (mean absolute effect, in the',
		"                      output's units per the input's full range), μ (its sign is the",
		'                      direction) and σ (interactions or non-linearity)',
		'  --trajectories N    Morris trajectories, 2 or more (default 10); a screening runs',
		'                      N × (inputs + 1) points of --runs futures each',
		'  --top N             inputs listed per output (default 10)',
		'  --format FORMAT     text (default), json (every input, ranked) or markdown (one table',
		"                      for docs/model.md: the union of each output's top N, μ* per output)",
		'',
		'Presets:',
		...presetLines(),
		'',
		'Exit status: 0 done, 2 bad input (one line on stderr), 1 unexpected failure.',
		''
	].join('\n');
}

export function presetsText(): string {
	return presetLines().join('\n') + '\n';
}

export function paramsText(): string {
	const lines = PARAMS.map(
		(p) => `  ${PARAM_UNCERTAINTY[p.path] ? '~' : ' '} ${p.path}  ${p.min} to ${p.max}  ${p.label}`
	);
	lines.push('Segment fields (community.segments.N.FIELD, N from 0):');
	for (const p of SEGMENT_PARAMS) lines.push(`    ${p.path}  ${p.min} to ${p.max}  ${p.label}`);
	lines.push('Internal constants (--pin model.NAME=VALUE; all are assumptions):');
	for (const a of ASSUMPTIONS) lines.push(`  ~ model.${a.key}  ${a.min} to ${a.max}  ${a.label}`);
	return [
		'Parameters (~ marks an assumption: drawn in the uncertain mode, and --pin takes it):',
		...lines,
		''
	].join('\n');
}
