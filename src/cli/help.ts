/** The texts of `--help`, `--list-presets` and `--list-params`. */
import { DEMO_PRESET_ID, PARAMS, PRESETS, SEGMENT_PARAMS } from '../lib/sim/index';

export function presetLines(): string[] {
	const width = Math.max(...PRESETS.map((p) => p.id.length));
	return PRESETS.map(
		(p) =>
			`  ${p.id.padEnd(width)}  ${p.scenario.name}${p.id === DEMO_PRESET_ID ? ' (default)' : ''}`
	);
}

export function helpText(): string {
	return [
		'Usage: npm run sim -- [options]',
		'',
		'Runs a Slow Trust scenario headless and writes its summary.',
		'',
		'Options:',
		`  --preset ID         start from a preset (default: ${DEMO_PRESET_ID})`,
		'  --scenario FILE     start from a scenario JSON file instead',
		'  --set PATH=VALUE    set a number, e.g. --set kpi.rigidity=0.5 or',
		'                      --set community.segments.0.initialTrust=0.4 (repeatable)',
		"  --runs N            number of simulated futures (the scenario's runs)",
		"  --seed S            random seed (the scenario's seed)",
		'  --format json|csv   json: receipt, scenario, series, metrics, probabilities (default)',
		'                      csv: one row per month (1..horizon), columns <series>_<p5..p95|mean>',
		'  --out FILE          write to FILE instead of stdout',
		'  --list-presets      list the presets',
		'  --list-params       list the parameters --set accepts',
		'  -h, --help          show this help',
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
	const lines = PARAMS.map((p) => `  ${p.path}  ${p.min} to ${p.max}  ${p.label}`);
	lines.push('Segment fields (community.segments.N.FIELD, N from 0):');
	for (const p of SEGMENT_PARAMS) lines.push(`  ${p.path}  ${p.min} to ${p.max}  ${p.label}`);
	return ['Parameters:', ...lines, ''].join('\n');
}
