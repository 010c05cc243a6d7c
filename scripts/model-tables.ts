/**
 * Prints the parameter and internal-constant tables of docs/model.md (sections 7.14 and 7.15)
 * from the registries, so that the documentation can be refreshed when a parameter or a
 * constant changes: `npx tsx scripts/model-tables.ts params|constants|uncertain`. The tables are then
 * formatted by Prettier; tests/unit/docs-model.test.ts checks them against the code.
 */
import { ASSUMPTIONS, type AssumptionGroup } from '../src/lib/sim/assumptions';
import {
	PARAM_GROUPS,
	PARAM_UNCERTAINTY,
	PARAMS,
	SEGMENT_PARAMS,
	paramAnchor,
	type ParamSpec
} from '../src/lib/sim/params';

const esc = (s: string): string => s.replace(/\|/g, '\\|');

function range(p: ParamSpec): string {
	return `${p.min} to ${p.max}${p.integer ? ', whole' : ''}`;
}

function paramRows(specs: readonly ParamSpec[], segment: boolean): string[] {
	return [
		'| Parameter | Label | Default | Range | Unit | Meaning | Source |',
		'| --- | --- | --- | --- | --- | --- | --- |',
		...specs.map(
			(p) =>
				`| <a id="${paramAnchor(p.path, segment)}"></a>\`${p.path}\` | ${esc(p.label)}${p.advanced ? ' †' : ''} | ${p.default} | ${range(p)} | ${esc(p.unit)} | ${esc(p.help)} | ${esc(p.source)} |`
		)
	];
}

function params(): string[] {
	const out: string[] = [];
	for (const group of PARAM_GROUPS) {
		const specs = PARAMS.filter((p) => p.group === group);
		if (specs.length === 0) continue;
		out.push(`#### ${group}`, '', ...paramRows(specs, false), '');
		if (group === 'Community') {
			out.push(
				'#### Community: each segment (`community.segments[]`)',
				'',
				'The fields of every segment. Their anchors start `param-segment-`.',
				'',
				...paramRows(SEGMENT_PARAMS, true),
				''
			);
		}
	}
	return out;
}

function constants(): string[] {
	const groups: AssumptionGroup[] = [];
	for (const a of ASSUMPTIONS) if (!groups.includes(a.group)) groups.push(a.group);
	const out: string[] = [];
	for (const g of groups) {
		out.push(
			`#### ${g}`,
			'',
			'| Constant | Label | Default | Range | Shape | Unit | Meaning | Source | File |',
			'| --- | --- | --- | --- | --- | --- | --- | --- | --- |',
			...ASSUMPTIONS.filter((a) => a.group === g).map(
				(a) =>
					`| \`${a.key}\` | ${esc(a.label)} | ${Number(a.default.toPrecision(6))} | ${a.min} to ${a.max}${a.integer ? ', whole' : ''} | ${a.shape} | ${esc(a.unit)} | ${esc(a.meaning)} | ${esc(a.source)} | \`${a.file}\` |`
			),
			''
		);
	}
	return out;
}

/** The spread of a parameter in words: "value + (−0.2 to 0.2)" or "value × (0.5 to 2)". */
function spreadText(path: string): string {
	const u = PARAM_UNCERTAINTY[path];
	if (!u) return '';
	return u.change === 'plus'
		? `value + (${u.low} to ${u.high})`
		: `value × (${u.low} to ${u.high})`;
}

function uncertain(): string[] {
	return [
		'| Parameter | Label | Spread | Shape | Reason |',
		'| --- | --- | --- | --- | --- |',
		...PARAMS.filter((p) => PARAM_UNCERTAINTY[p.path]).map((p) => {
			const u = PARAM_UNCERTAINTY[p.path];
			return `| \`${p.path}\` | ${esc(p.label)} | ${spreadText(p.path)} | ${u.shape} | ${esc(u.reason)} |`;
		}),
		''
	];
}

const which = process.argv[2];
switch (which) {
	case 'params':
		process.stdout.write(params().join('\n'));
		break;
	case 'constants':
		process.stdout.write(constants().join('\n'));
		break;
	case 'uncertain':
		process.stdout.write(uncertain().join('\n'));
		break;
	default:
		process.stderr.write('Usage: npx tsx scripts/model-tables.ts params|constants|uncertain\n');
		process.exitCode = 2;
}
