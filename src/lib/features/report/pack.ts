/**
 * The words and numbers of the board pack: the question it answers, the designs side by side,
 * the answer in one sentence, the three numbers that matter, the receipt as a short line, and
 * whether the share link prints as a QR code or as a footnote. Pure: no Svelte, no browser.
 */
import qrcode from 'qrcode-generator';
import { whatDiffers, formatParam } from '$lib/analysis/differs';
import type { Robustness } from '$lib/analysis/robustness';
import type { KeptSweep } from '$lib/analysis/sweep';
import { fmtChance, fmtDuration, fmtPct, fmtScore, listWords } from '$lib/charts/format';
import { letter } from '$lib/charts/scenario-style';
import {
	getParam,
	paramSpec,
	PARAMS,
	totalPeople,
	type ParamGroup,
	type Receipt,
	type Scenario,
	type Summary
} from '$lib/sim';

/** The lever groups a single design's pack lists: what a contract sets. */
const DESIGN_GROUPS: readonly ParamGroup[] = ['Contract', 'KPIs', 'Power sharing'];

const LENGTH = 'contract.lengthMonths';

export interface DesignRow {
	label: string;
	/** The value in each design, in order, with its unit. */
	values: string[];
}

/**
 * The designs' settings side by side: for two or more, the contract length and every lever
 * that differs (and whether the communities differ); for one, the levers a contract sets.
 */
export function designRows(scenarios: readonly Scenario[]): DesignRow[] {
	const row = (path: string): DesignRow | null => {
		const spec = paramSpec(path);
		return spec
			? {
					label: spec.label,
					values: scenarios.map((s) => formatParam(spec, getParam(s, path)))
				}
			: null;
	};
	if (scenarios.length === 1)
		return PARAMS.filter((p) => DESIGN_GROUPS.includes(p.group))
			.map((p) => row(p.path))
			.filter((r): r is DesignRow => r !== null);
	const diff = whatDiffers(scenarios);
	const rows: DesignRow[] = [];
	const length = row(LENGTH);
	if (length) rows.push(length);
	for (const p of diff.params) {
		if (p.spec.path === LENGTH) continue;
		rows.push({ label: p.spec.label, values: p.values.map((v) => formatParam(p.spec, v)) });
	}
	if (diff.segmentsDiffer)
		rows.push({ label: 'Community', values: scenarios.map((s) => communityWords(s)) });
	return rows;
}

/** "12,000 people in 4 groups". */
function communityWords(s: Scenario): string {
	const k = s.community.segments.length;
	return `${totalPeople(s).toLocaleString('en-GB')} people in ${k} group${k === 1 ? '' : 's'}`;
}

/** The question the pack answers: which design, over what horizon, for what community. */
export function questionText(scenarios: readonly Scenario[]): string {
	const first = scenarios[0];
	const horizons = new Set(scenarios.map((s) => s.horizonMonths));
	const over =
		horizons.size === 1 ? `over ${fmtDuration(first.horizonMonths)}` : 'over each design’s horizon';
	const communities = new Set(scenarios.map((s) => JSON.stringify(s.community.segments)));
	const groups = first.community.segments.map((g) => g.name);
	const community =
		communities.size === 1
			? `a community of ${communityWords(first)} (${listWords(groups)})`
			: 'the communities each design describes';
	if (scenarios.length === 1)
		return `What does this contract design do to the community’s trust in the provider ${over}, for ${community}?`;
	const which = scenarios.length === 2 ? 'Which of two' : `Which of ${scenarios.length}`;
	return `${which} contract designs builds more of the community’s trust in the provider ${over}, for ${community}?`;
}

/** The assumption mode in words, as the pack names it. */
export function modeWords(mode: 'fixed' | 'uncertain'): string {
	switch (mode) {
		case 'fixed':
			return 'with assumptions fixed at their best guesses, so the spread is chance alone';
		case 'uncertain':
			return 'with uncertain assumptions (each future draws its own), so the spread is chance and what we do not know together';
		default:
			return mode satisfies never;
	}
}

/**
 * The answer to a comparison in one sentence, with its uncertainty: which design has higher
 * final-year trust, the chance B is better than A, and the assumption mode.
 */
export function answerSentence(v: Robustness, a: string, b: string): string {
	const p = v.pBetter.finalTrust;
	// A chance of 0 or 1 is what was seen in a finite number of futures, said in words instead.
	const chance = p > 0 && p < 1 ? ` (the chance that ${b} is better than ${a}: ${fmtPct(p)})` : '';
	const mode = modeWords(v.mode);
	if (v.winner === 'same')
		return `${a} and ${b} end with the same final-year trust in most futures${chance}, ${mode}.`;
	const winner = v.winner === 'B' ? b : a;
	const loser = v.winner === 'B' ? a : b;
	const where =
		v.winnerShare >= 1 ? 'in every simulated future' : `in ${fmtPct(v.winnerShare)} of futures`;
	if (v.close)
		return `Too close to call: ${winner} has higher final-year trust than ${loser} only ${where}${chance}, ${mode}.`;
	return `${winner} builds more trust than ${loser}: higher final-year trust ${where}${chance}, ${mode}.`;
}

/**
 * The design the pack recommends: the one with the highest median trust in the final year
 * (the first of equals). Its levers get the tornado; with three or more designs, the answer
 * and "why" are about it.
 */
export function recommendedIndex(summaries: readonly Summary[]): number {
	let best = 0;
	summaries.forEach((s, i) => {
		if ((s.metrics.finalTrust.p50 ?? -1) > (summaries[best].metrics.finalTrust.p50 ?? -1)) best = i;
	});
	return best;
}

/** The recommended design against one other, as `robustness(other, best)` sees it. */
export interface RankedPair {
	/** The other design's index. */
	other: number;
	/** B is the recommended design, A the other. */
	verdict: Robustness;
	/** How far the other's median final-year trust is below the recommended design's. */
	gap: number;
}

/**
 * The other designs, closest contender first: the one the recommended design beats in the
 * fewest futures, and of equals the one whose median trust is nearest.
 */
export function byCloseness(pairs: readonly RankedPair[]): RankedPair[] {
	return [...pairs].sort(
		(x, y) => x.verdict.pBetter.finalTrust - y.verdict.pBetter.finalTrust || x.gap - y.gap
	);
}

/** "in every simulated future", "in 93% of futures", "in no future". */
function inFutures(share: number): string {
	return share >= 1
		? 'in every simulated future'
		: share <= 0
			? 'in no future'
			: `in ${fmtPct(share)} of futures`;
}

/**
 * The answer for three or more designs in one sentence: which builds the most trust, how
 * often it beats each other design future by future (the closest contender first), and the
 * assumption mode; or that the top two are too close to call.
 */
export function rankingSentence(best: number, pairs: readonly RankedPair[], count: number): string {
	const b = letter(best);
	const sorted = byCloseness(pairs);
	const mode = modeWords(sorted[0]?.verdict.mode ?? 'fixed');
	/** "than A and D in every simulated future and than B in 93% of futures". */
	const beats = (list: readonly RankedPair[]) => {
		const groups: { words: string; letters: string[] }[] = [];
		for (const pair of list) {
			const words = inFutures(pair.verdict.pBetter.finalTrust);
			const g = groups.find((x) => x.words === words);
			if (g) g.letters.push(letter(pair.other));
			else groups.push({ words, letters: [letter(pair.other)] });
		}
		return listWords(groups.map((g) => `than ${listWords(g.letters)} ${g.words}`));
	};
	const [closest, ...rest] = sorted;
	if (!closest) return `${b} is the only design, ${mode}.`;
	const v = closest.verdict;
	if (v.winner !== 'B' || v.close)
		return `Too close to call between ${b} and ${letter(closest.other)}, the two designs with the most trust: ${b} has higher final-year trust than ${letter(closest.other)} only ${inFutures(v.pBetter.finalTrust)}${rest.length ? ` (and ${beats(rest)})` : ''}, ${mode}.`;
	return `${b} builds the most trust of the ${count} designs: higher final-year trust ${beats(sorted)}, ${mode}.`;
}

export interface KeyNumber {
	key: 'trust' | 'threshold' | 'collapse';
	label: string;
	/** How to read it, one short line. */
	help: string;
	/** One cell per design: the number and its spread. */
	cells: { value: string; spread: string }[];
}

/** The three numbers that matter, each for each design with its spread. */
export function keyNumbers(summaries: readonly Summary[]): KeyNumber[] {
	const threshold = summaries[0]?.threshold ?? 0.6;
	const chance = (p: { p: number; se: number; count: number }) => {
		const text = fmtChance(p.p, p.se);
		const at = text.indexOf(' ± ');
		return at < 0
			? { value: text, spread: `of ${p.count.toLocaleString('en-GB')} simulated` }
			: { value: text.slice(0, at), spread: `± ${text.slice(at + 3)} points` };
	};
	return [
		{
			key: 'trust',
			label: 'Median trust in the final year',
			help: 'The mean of the last 12 months, 0 to 1; beside it, the range that holds the middle half of futures.',
			cells: summaries.map((s) => {
				const m = s.metrics.finalTrust;
				return m.p50 === null
					? { value: 'none', spread: '' }
					: {
							value: fmtScore(m.p50),
							spread: `${fmtScore(m.p25 ?? m.p50)} to ${fmtScore(m.p75 ?? m.p50)}`
						};
			})
		},
		{
			key: 'threshold',
			label: `Chance trust is at or above ${fmtScore(threshold)} in the final year`,
			help: 'A threshold of trust taken as enough for co-production (an assumption); ± one standard error.',
			cells: summaries.map((s) => chance(s.probabilities.trustAboveThreshold))
		},
		{
			key: 'collapse',
			label: 'Chance trust collapses',
			help: 'A fast fall at some point over the horizon; fewer is better. ± one standard error.',
			cells: summaries.map((s) => chance(s.probabilities.collapse))
		}
	];
}

/**
 * The receipt in one line: model and schema versions, seed, futures, assumption mode and the
 * first 8 characters of the scenario's hash, e.g.
 * "model 2.0.0 · schema 2 · seed 7 · 1,000 futures · fixed · #3f9a1c2e".
 */
export function shortCode(r: Receipt): string {
	const mode = r.assumptions?.mode ?? 'fixed';
	const pinned =
		r.assumptions && r.assumptions.pinned > 0 ? ` (${r.assumptions.pinned} pinned)` : '';
	return [
		`model ${r.modelVersion}`,
		`schema ${r.schemaVersion}`,
		`seed ${r.seed}`,
		`${r.runs.toLocaleString('en-GB')} futures`,
		`${mode}${pinned}`,
		`#${r.scenarioHash.slice(0, 8)}`
	].join(' · ');
}

/** The largest QR version printed: 117 modules, about 0.4 mm each at the pack's 50 mm. */
export const MAX_QR_VERSION = 25;

/** How a share link prints: as a QR code, or as a footnote saying why not and where it is. */
export type LinkPrint =
	{ kind: 'qr'; modules: boolean[][] } | { kind: 'footnote'; reason: 'local' | 'long' };

/** Whether an address only opens on the computer that made it. */
function isLocal(link: string): boolean {
	try {
		const host = new URL(link).hostname;
		return (
			host === 'localhost' ||
			host.endsWith('.localhost') ||
			host === '[::1]' ||
			host.startsWith('127.') ||
			host === '0.0.0.0'
		);
	} catch {
		return true;
	}
}

/**
 * The share link as a QR code (a square of dark and light modules, with error correction
 * L), or a footnote when a phone could not use it: the app runs at an address only this
 * computer reaches, or the link needs a code too dense to print readably.
 */
export function linkPrint(link: string): LinkPrint {
	if (isLocal(link)) return { kind: 'footnote', reason: 'local' };
	const modules = qrModules(link);
	return modules ? { kind: 'qr', modules } : { kind: 'footnote', reason: 'long' };
}

/** The QR code of some text, or null when it needs a version above `MAX_QR_VERSION`. */
export function qrModules(text: string): boolean[][] | null {
	const bytes = new TextEncoder().encode(text).length;
	// Byte capacity with error correction L (ISO/IEC 18004 table 7), by version.
	if (bytes > QR_BYTES_L[MAX_QR_VERSION - 1]) return null;
	const version = QR_BYTES_L.findIndex((cap) => cap >= bytes) + 1;
	const qr = qrcode(version as Parameters<typeof qrcode>[0], 'L');
	qr.addData(text, 'Byte');
	qr.make();
	const n = qr.getModuleCount();
	return Array.from({ length: n }, (_, r) => Array.from({ length: n }, (_, c) => qr.isDark(r, c)));
}

/** Bytes a QR code holds in byte mode with error correction L, versions 1 to 25. */
const QR_BYTES_L = [
	17, 32, 53, 78, 106, 134, 154, 192, 230, 271, 321, 367, 425, 458, 520, 586, 644, 718, 792, 858,
	929, 1003, 1091, 1171, 1273
] as const;

/** The model's limits a reader of the pack needs, in short (docs/model.md, section 8). */
export const LIMITS: readonly string[] = [
	'Anchored, not fitted: the defaults reproduce national figures, but most sizes are assumptions with ranges. The results show how levers push trust and how far, not how much trust a particular community will have; uncertain bands count every combination of assumptions drawn, so they are, if anything, too wide.',
	'A chance of collapse needs trust to lose: read it beside the level of trust, not instead of it.',
	'Simplified: word of mouth works through each group’s average, KPI attainment is a stylised index, the commissioner follows rules, partners are passive and nobody moves in or out.',
	'Compare contract lengths on trust over the whole horizon as well: the final year can fall just after a change of provider. Beyond ten years, read the direction of travel rather than the level.'
];

/** The longest the designs' names run (together) in a comparison's title. */
const TITLE_NAMES_MAX = 64;

/**
 * The pack's title: the design's name; for a comparison, the designs' names when they fit
 * about two lines; more or longer names would push page 1's summary over the page, so the
 * title counts them instead (the designs' table names them).
 */
export function packTitle(names: readonly string[]): string {
	if (names.length === 0) return 'Board pack';
	if (names.length === 1) return names[0];
	if (names.length === 2 && names.join('').length <= TITLE_NAMES_MAX)
		return `Comparison: ${names.map((n, i) => `${letter(i)} ${n}`).join(', ')}`;
	return `Comparison of ${names.length} contract designs, ${listWords(names.map((_, i) => letter(i)))}`;
}

/**
 * What a sweep in the pack ran on, so that it can be repeated: futures a cell, the seed and
 * the assumption mode (the sweep page's own, which may differ from the rest of the pack's),
 * e.g. "50 futures a cell on seed 20221130, with assumptions fixed at their best guesses".
 */
export function sweepReceipt(kept: KeptSweep): string {
	// Kept cells are checked for their chances' values only, so their counts are read warily.
	const count = kept.cells.find((c) => c !== null)?.trustAboveThreshold.count;
	const futures =
		typeof count === 'number'
			? `${count.toLocaleString('en-GB')} futures a cell`
			: 'futures a cell';
	let scenario: { seed?: unknown; assumptions?: { mode?: unknown } } = {};
	try {
		scenario = JSON.parse(kept.scenario) as typeof scenario;
	} catch {
		// A kept sweep is checked when read; an unreadable design only loses the seed and mode.
	}
	const seed = typeof scenario.seed === 'number' ? ` on seed ${scenario.seed}` : '';
	const mode = scenario.assumptions?.mode === 'uncertain' ? 'uncertain' : 'fixed';
	return `${futures}${seed}, ${mode === 'uncertain' ? 'with uncertain assumptions' : 'with assumptions fixed at their best guesses'}`;
}

/** The letter and name of each design: "A. Today’s typical contract". */
export function designLabel(i: number, name: string): string {
	return `${letter(i)}. ${name}`;
}
