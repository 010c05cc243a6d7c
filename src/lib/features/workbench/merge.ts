/**
 * Three-way merge of a scenario edited here with the same scenario saved meanwhile in another
 * tab. Each setting (every number, the name, the description, the community groups as one
 * whole) is taken from the side that changed it; a setting both sides changed to different
 * values is a clash. Pure and framework-free, so it is tested in Node.
 */
import { formatParam } from '$lib/analysis/differs';
import { canonicalJson, PARAMS, type ParamSpec, type Scenario } from '$lib/sim';

/** One setting that differs between two versions, in words. */
export interface SettingChange {
	/** Dotted path in the scenario, e.g. `contract.lengthMonths`. */
	path: string;
	label: string;
	/** The value before and after, as text ("36 months"). */
	from: string;
	to: string;
}

/** A setting both sides changed, to different values. */
interface Clash {
	path: string;
	label: string;
	mine: string;
	theirs: string;
}

/** What each side changed since the version both started from, and the merge of the two. */
export interface MergePlan {
	/** Changed here (and not, or the same way, there). */
	mine: SettingChange[];
	/** Changed there only. */
	theirs: SettingChange[];
	/** Changed on both sides to different values; the merge keeps this tab's. */
	clashes: Clash[];
	/** Their version with this tab's changes applied (this tab's value on a clash). */
	merged: Scenario;
}

const SPECS = new Map<string, ParamSpec>(PARAMS.map((p) => [p.path, p]));

/** Settings kept whole: merging a list item by item could join halves of two designs. */
const WHOLE = new Set(['community.segments', 'assumptions']);

const LABELS: Record<string, string> = {
	name: 'Name',
	description: 'Description',
	'community.segments': 'Community groups',
	assumptions: 'Assumptions (mode, pins and ranges)'
};

type Json = unknown;

const isObject = (x: Json): x is Record<string, Json> =>
	typeof x === 'object' && x !== null && !Array.isArray(x);

/** Every setting's path: the leaves of the scenario, lists and WHOLE paths counted as one. */
function settingPaths(...versions: Json[]): string[] {
	const paths = new Set<string>();
	const walk = (node: Json, prefix: string) => {
		if (prefix !== '' && (!isObject(node) || WHOLE.has(prefix))) {
			paths.add(prefix);
			return;
		}
		if (!isObject(node)) return;
		for (const [key, value] of Object.entries(node)) walk(value, prefix ? `${prefix}.${key}` : key);
	};
	for (const v of versions) walk(v, '');
	return [...paths];
}

function at(node: Json, path: string): Json {
	let cur = node;
	for (const key of path.split('.')) {
		if (!isObject(cur)) return undefined;
		cur = cur[key];
	}
	return cur;
}

function setAt(node: Record<string, Json>, path: string, value: Json): void {
	const keys = path.split('.');
	let cur = node;
	for (const key of keys.slice(0, -1)) {
		const next = cur[key];
		if (!isObject(next)) {
			const made: Record<string, Json> = {};
			cur[key] = made;
			cur = made;
		} else cur = next;
	}
	const last = keys[keys.length - 1];
	if (value === undefined) delete cur[last];
	else cur[last] = structuredClone(value);
}

const same = (a: Json, b: Json) => canonicalJson(a) === canonicalJson(b);

/** A setting's name as the editor shows it. */
export function settingLabel(path: string): string {
	return SPECS.get(path)?.label ?? LABELS[path] ?? path;
}

/** A setting's value in words: "36 months", “Pilot”, "3 groups". */
function settingText(path: string, value: Json): string {
	const spec = SPECS.get(path);
	if (spec && typeof value === 'number') return formatParam(spec, value);
	if (typeof value === 'string') {
		const short = value.length > 48 ? `${value.slice(0, 47).trimEnd()}…` : value;
		return short === '' ? '(empty)' : `“${short}”`;
	}
	if (Array.isArray(value)) {
		if (path === 'community.segments')
			return value.length === 1 ? '1 group' : `${value.length} groups`;
		return `${value.length} items`;
	}
	if (path === 'assumptions')
		return value === undefined
			? 'fixed'
			: isObject(value) && value.mode === 'uncertain'
				? 'uncertain'
				: 'fixed, with pins';
	if (value === undefined) return '(none)';
	return typeof value === 'number' || typeof value === 'boolean' ? String(value) : 'set';
}

/** The settings that differ between two versions of a scenario, in the registry's order. */
export function settingChanges(before: Scenario, after: Scenario): SettingChange[] {
	return ordered(settingPaths(before, after))
		.filter((path) => !same(at(before, path), at(after, path)))
		.map((path) => ({
			path,
			label: settingLabel(path),
			...describeDifference(path, at(before, path), at(after, path))
		}));
}

/** Two community-group lists of equal length read the same in numbers: say "changed". */
function describeDifference(path: string, from: Json, to: Json): { from: string; to: string } {
	const a = settingText(path, from);
	const b = settingText(path, to);
	return a === b ? { from: a, to: `${b}, changed` } : { from: a, to: b };
}

/** Name and description first, then the registry's order, then anything else. */
function ordered(paths: string[]): string[] {
	const rank = (p: string) => {
		if (p === 'name') return -2;
		if (p === 'description') return -1;
		const i = PARAMS.findIndex((s) => s.path === p);
		return i === -1 ? PARAMS.length : i;
	};
	return [...paths].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/**
 * Merges `mine` (edited here from `base`) with `theirs` (saved elsewhere from `base`). The
 * result is `theirs` with every setting this tab changed put in; where both changed a setting
 * differently, this tab's value is kept and the clash is reported.
 */
export function planMerge(base: Scenario, mine: Scenario, theirs: Scenario): MergePlan {
	const merged = structuredClone(theirs) as unknown as Record<string, Json>;
	const plan: Omit<MergePlan, 'merged'> = { mine: [], theirs: [], clashes: [] };
	for (const path of ordered(settingPaths(base, mine, theirs))) {
		const b = at(base, path);
		const m = at(mine, path);
		const t = at(theirs, path);
		const label = settingLabel(path);
		const mineChanged = !same(b, m);
		const theirsChanged = !same(b, t);
		if (mineChanged) {
			setAt(merged, path, m);
			if (theirsChanged && !same(m, t))
				plan.clashes.push({
					path,
					label,
					mine: settingText(path, m),
					theirs: settingText(path, t)
				});
			else plan.mine.push({ path, label, ...describeDifference(path, b, m) });
		} else if (theirsChanged) plan.theirs.push({ path, label, ...describeDifference(path, b, t) });
	}
	return { ...plan, merged: merged as unknown as Scenario };
}

/** A list of changes in words: "Contract length 36 → 60 months; KPI rigidity 0.5 → 0.3". */
export function changesText(changes: readonly SettingChange[], max = 4): string {
	const shown = changes.slice(0, max).map((c) => `${c.label} ${c.from} → ${c.to}`);
	const more = changes.length - shown.length;
	return more > 0 ? `${shown.join('; ')}; and ${more} more` : shown.join('; ');
}
