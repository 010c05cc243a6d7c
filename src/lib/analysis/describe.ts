/**
 * Does a scenario's description still match its settings? A description is written once
 * ("a five-year contract ... four partners") and the settings move on (84 months, 6
 * partners). `checkDescription` finds what the words say about the design (the contract's
 * length, its extension and mobilisation, in months or years; the number of partners; how
 * fixed the KPIs are; how much power is shared) and lists what the settings contradict.
 * `designSummary` writes the design in one line that the checker always finds consistent.
 *
 * It reads plain English the way the examples are written, and errs towards saying nothing:
 * a number is taken as a contract's length only when a word such as "contract" is in the same
 * clause; words that hedge ("partly fixed") are ignored, and negations ("no fixed KPIs",
 * "without real power") turn the claim round. Pure, so it is tested in Node.
 */
import type { Scenario } from '$lib/sim';

/** What a claim is about. */
type ClaimKind = 'length' | 'extension' | 'mobilisation' | 'partners' | 'kpi' | 'power';

/** A claim of the description that the settings contradict. */
export interface Mismatch {
	kind: ClaimKind;
	/** The description's words, as written ("five-year contracts"). */
	said: string;
	/** What the settings say, in words ("84 months"). */
	settings: string;
	/** "The description says five-year contracts; the settings say 84 months." */
	message: string;
}

const WORD_NUMBERS: Readonly<Record<string, number>> = {
	one: 1,
	two: 2,
	three: 3,
	four: 4,
	five: 5,
	six: 6,
	seven: 7,
	eight: 8,
	nine: 9,
	ten: 10,
	eleven: 11,
	twelve: 12
};

const NUMBER = String.raw`\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve`;

/** A number written in digits or in words (one to twelve); NaN otherwise. */
export function readNumber(text: string): number {
	const t = text.toLowerCase();
	if (t in WORD_NUMBERS) return WORD_NUMBERS[t];
	return /^\d+(?:\.\d+)?$/.test(t) ? Number(t) : NaN;
}

/** "5-year", "five years", "60 months", "two-year-long". */
const DURATION = new RegExp(
	String.raw`\b(${NUMBER})(?:\s*[-–]\s*|\s+)(year|month|yr)s?\b(?:[-\s]long\b)?`,
	'gi'
);

/** A range or sum just before a number ("three to five years", "3+2 years"): not one value. */
const RANGE_BEFORE = new RegExp(String.raw`(?:${NUMBER})\s*(?:to|or|and|plus|[-–+])\s*$`, 'i');

/** Words that tie a duration in the same clause to a setting (or to something else). */
const DURATION_KEYWORDS: readonly { kind: ClaimKind | 'other'; pattern: RegExp }[] = [
	{
		kind: 'length',
		pattern:
			/\b(?:contracts?|contracted|partnerships?|terms?|agreements?|commission(?:s|ed|ing)?|(?:re-?)?procure\w*|re-?let|re-?tender\w*|tenders?|awards?|deals?)\b/gi
	},
	{
		kind: 'extension',
		pattern: /\b(?:extensions?|extend(?:s|ed|ing)?|renewals?|renew(?:s|ed)?|on performance)\b/gi
	},
	{ kind: 'mobilisation', pattern: /\b(?:mobili[sz]\w*|set-?up|start-?up)\b/gi },
	{
		kind: 'other',
		pattern: /\b(?:review\w*|horizon|simulat\w*|ago|old|aged|since|per|every month|over)\b/gi
	}
];

/** Words a claim about KPIs or power is turned round by, when they come just before it. */
const NEGATION =
	/\b(?:no|not|without|never|instead of|rather than|away from|from|lack of|lacks?)\s+$/i;
/** Words just after a claim that turn it round ("fixed KPIs are replaced", "decides nothing"). */
const TURNED_AFTER =
	/^\s+(?:(?:are|were|is|was|get|got|have been|has been)\s+)?(?:replaced|dropped|scrapped|abandoned|removed|nothing|little)\b/i;
/** Words that make a claim too vague to check ("partly fixed KPIs"). */
const HEDGE = /\b(?:partly|partially|somewhat|moderately|fairly|less|more|some|slightly)\s+$/i;

interface Claim {
	kind: ClaimKind;
	/** Where the claim's words are in the description. */
	start: number;
	end: number;
	/** A number of months or partners; a level ('high', 'low') for KPIs and power; an exact 0-1 value. */
	value: number | 'high' | 'low';
}

/** The clauses of a text: split at sentence ends, commas, brackets and joining words. */
function clauses(text: string): { start: number; text: string }[] {
	const out: { start: number; text: string }[] = [];
	const split = /[;:!?()\n,]|\.(?=\s|$)|\b(?:with|and|but|while|whereas|plus)\b/gi;
	let from = 0;
	for (const m of text.matchAll(split)) {
		out.push({ start: from, text: text.slice(from, m.index) });
		from = m.index + m[0].length;
	}
	out.push({ start: from, text: text.slice(from) });
	return out;
}

/** Contract, extension and mobilisation lengths said in months or years. */
function durationClaims(text: string): Claim[] {
	const claims: Claim[] = [];
	for (const clause of clauses(text)) {
		const keywords = DURATION_KEYWORDS.flatMap(({ kind, pattern }) =>
			[...clause.text.matchAll(pattern)].map((m) => ({
				kind,
				start: m.index,
				end: m.index + m[0].length
			}))
		);
		for (const m of clause.text.matchAll(DURATION)) {
			if (RANGE_BEFORE.test(text.slice(0, clause.start + m.index))) continue;
			const n = readNumber(m[1]);
			if (!Number.isFinite(n)) continue;
			const months = Math.round(m[2].toLowerCase() === 'month' ? n : n * 12);
			const start = m.index;
			const end = m.index + m[0].length;
			// The nearest keyword in the clause decides what the duration is about.
			let best: (typeof keywords)[number] | null = null;
			let bestGap = Infinity;
			for (const k of keywords) {
				const gap = k.start >= end ? k.start - end : start >= k.end ? start - k.end : 0;
				if (gap < bestGap) {
					best = k;
					bestGap = gap;
				}
			}
			if (!best || best.kind === 'other') continue;
			// The words quoted: the duration with its keyword when they are close together.
			const near = bestGap <= 24;
			claims.push({
				kind: best.kind,
				start: clause.start + (near ? Math.min(start, best.start) : start),
				end: clause.start + (near ? Math.max(end, best.end) : end),
				value: months
			});
		}
		for (const m of clause.text.matchAll(/\bno\s+(?:\w+\s+)?extensions?\b/gi))
			claims.push({
				kind: 'extension',
				start: clause.start + m.index,
				end: clause.start + m.index + m[0].length,
				value: 0
			});
	}
	return claims;
}

/** Words between a number and "partners" that leave the number counting partners. */
const NOT_PARTNER_WORDS =
	/^(?:years?|months?|of|with|and|or|to|the|for|in|on|by|per|from|than|more|fewer|less|other|new|extra|additional|further|former|times?|weeks?|days?)$/i;

/** "four partners", "4 community partners", "one trusted local partner", "no partners". */
function partnerClaims(text: string): Claim[] {
	const claims: Claim[] = [];
	const pattern = new RegExp(
		String.raw`\b(${NUMBER}|no)\s+((?:[a-z][\w-]*\s+){0,3}?)partners?\b`,
		'gi'
	);
	for (const m of text.matchAll(pattern)) {
		const between = m[2].trim().split(/\s+/).filter(Boolean);
		if (between.some((w) => NOT_PARTNER_WORDS.test(w))) continue;
		if (RANGE_BEFORE.test(text.slice(0, m.index))) continue;
		const n = m[1].toLowerCase() === 'no' ? 0 : readNumber(m[1]);
		if (!Number.isInteger(n)) continue;
		claims.push({ kind: 'partners', start: m.index, end: m.index + m[0].length, value: n });
	}
	return claims;
}

const KPI_WORDS = String.raw`kpis?|targets?|performance indicators?|performance measures?`;

/** Patterns of words about KPIs and power, with the level each says. */
const LEVEL_PATTERNS: readonly { kind: 'kpi' | 'power'; level: 'high' | 'low'; pattern: RegExp }[] =
	[
		{
			kind: 'kpi',
			level: 'high',
			pattern: new RegExp(
				String.raw`\b(?:fixed|rigid|strict|inflexible|tight|hard)\s+(?:[a-z-]+\s+)?(?:${KPI_WORDS})\b`,
				'gi'
			)
		},
		{
			kind: 'kpi',
			level: 'high',
			pattern: new RegExp(
				String.raw`\b(?:${KPI_WORDS})\s+(?:are\s+|were\s+|stay\s+|remain\s+)?(?:fixed|rigid|strict|inflexible)\b`,
				'gi'
			)
		},
		{
			kind: 'kpi',
			level: 'low',
			pattern: new RegExp(
				String.raw`\b(?:flexible|loose|adaptable|light-touch|co-designed|co-produced|negotiable|revisable|agreed)\s+(?:[a-z-]+\s+)?(?:${KPI_WORDS}|outcomes?)\b`,
				'gi'
			)
		},
		{
			kind: 'kpi',
			level: 'low',
			pattern: new RegExp(
				String.raw`\b(?:${KPI_WORDS}|outcomes?)\s+(?:are\s+|were\s+)?(?:flexible|agreed|co-designed|co-produced|negotiated|revised)\b`,
				'gi'
			)
		},
		{
			kind: 'power',
			level: 'low',
			pattern:
				/\b(?:little|no|almost no|hardly any|limited|minimal|token)\s+(?:real\s+)?(?:power|latitude|say|control|influence)\b/gi
		},
		{
			kind: 'power',
			level: 'high',
			pattern:
				/\b(?:real|genuine|meaningful|substantial|significant|devolved|shared)\s+(?:power|latitude|control|budgets?|decision-making)\b/gi
		},
		{
			kind: 'power',
			level: 'high',
			pattern:
				/\b(?:shares?|sharing|hands? over|devolves?)\s+(?:real\s+|genuine\s+)?(?:power|control)\b/gi
		},
		{
			kind: 'power',
			level: 'high',
			pattern:
				/\b(?:community|communities|residents|local people)\s+(?:decides?|decide on|controls?|leads?)\b|\bcommunity[- ]led\b/gi
		}
	];

/** Exact values: "rigidity 0.3", "KPI rigidity of 0.8", "power shared 0.6", "power sharing: 0.2". */
const EXACT_PATTERNS: readonly { kind: 'kpi' | 'power'; pattern: RegExp }[] = [
	{ kind: 'kpi', pattern: /\b(?:kpi\s+)?rigidity(?:\s+(?:of|at|is|=)|\s*[:=])?\s*(\d*\.?\d+)\b/gi },
	{
		kind: 'power',
		pattern: /\bpower\s+(?:shared|sharing)(?:\s+(?:of|at|is|=)|\s*[:=])?\s*(\d*\.?\d+)\b/gi
	}
];

/** Claims about how fixed the KPIs are and how much power is shared. */
function levelClaims(text: string): Claim[] {
	const claims: Claim[] = [];
	// Exact values first; their words are then blanked, so "power shared 0.6" is not also read
	// as words ("power shared" alone says nothing exact).
	let rest = text;
	for (const { kind, pattern } of EXACT_PATTERNS)
		for (const m of text.matchAll(pattern)) {
			const v = Number(m[1]);
			if (!(v >= 0 && v <= 1)) continue;
			claims.push({ kind, start: m.index, end: m.index + m[0].length, value: v });
			rest = rest.slice(0, m.index) + ' '.repeat(m[0].length) + rest.slice(m.index + m[0].length);
		}
	for (const { kind, level, pattern } of LEVEL_PATTERNS)
		for (const m of rest.matchAll(pattern)) {
			const before = text.slice(Math.max(0, m.index - 30), m.index);
			if (HEDGE.test(before)) continue;
			const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
			const turned = NEGATION.test(before) || TURNED_AFTER.test(after);
			claims.push({
				kind,
				start: m.index - (NEGATION.test(before) ? (NEGATION.exec(before)?.[0].length ?? 0) : 0),
				end: m.index + m[0].length,
				value: turned ? (level === 'high' ? 'low' : 'high') : level
			});
		}
	return claims;
}

const decimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

/** How fixed KPIs of this rigidity are, in a word or two. */
function kpiWords(rigidity: number): string {
	return rigidity >= 0.6 ? 'fixed' : rigidity <= 0.4 ? 'flexible' : 'partly fixed';
}

/** Whether the settings contradict a claim; if so, what they say instead. */
function contradiction(claim: Claim, s: Scenario): string | null {
	const v = claim.value;
	switch (claim.kind) {
		case 'length':
			return v === s.contract.lengthMonths ? null : `${s.contract.lengthMonths} months`;
		case 'extension': {
			const e = s.contract.extensionMonths;
			if (v === e) return null;
			return e === 0 ? 'no extension' : `an extension of ${e} months`;
		}
		case 'mobilisation': {
			const m = s.contract.mobilisationMonths;
			if (v === m) return null;
			return m === 0 ? 'no mobilisation period' : `a mobilisation period of ${m} months`;
		}
		case 'partners': {
			const n = s.partners.count;
			if (v === n) return null;
			return n === 0 ? 'no partners' : `${n} ${n === 1 ? 'partner' : 'partners'}`;
		}
		case 'kpi': {
			const r = s.kpi.rigidity;
			const wrong =
				typeof v === 'number' ? Math.abs(v - r) > 0.005 : v === 'high' ? r < 0.5 : r > 0.5;
			return wrong ? `KPI rigidity ${decimals.format(r)} (${kpiWords(r)})` : null;
		}
		case 'power': {
			const p = s.power.sharing;
			const wrong =
				typeof v === 'number' ? Math.abs(v - p) > 0.005 : v === 'high' ? p < 0.4 : p > 0.4;
			return wrong ? `power shared ${decimals.format(p)} on a scale of 0 to 1` : null;
		}
		default:
			return claim.kind satisfies never;
	}
}

/**
 * What the description says that the settings contradict, in the order it says it (each
 * message once). Empty when the description says nothing checkable, or nothing wrong.
 */
export function checkDescription(description: string, scenario: Scenario): Mismatch[] {
	const claims = [
		...durationClaims(description),
		...partnerClaims(description),
		...levelClaims(description)
	].sort((a, b) => a.start - b.start);
	const seen = new Set<string>();
	const out: Mismatch[] = [];
	for (const claim of claims) {
		const settings = contradiction(claim, scenario);
		if (settings === null) continue;
		const said = description.slice(claim.start, claim.end).replace(/\s+/g, ' ').trim();
		const message = `The description says ${said}; the settings say ${settings}.`;
		if (seen.has(message)) continue;
		seen.add(message);
		out.push({ kind: claim.kind, said, settings, message });
	}
	return out;
}

/**
 * The design in one line, e.g. "84-month contracts with a 36-month extension, flexible KPIs
 * (rigidity 0.3), power shared 0.6, 6 partners." `checkDescription` finds nothing wrong in it.
 */
export function designSummary(s: Scenario): string {
	const { lengthMonths, extensionMonths } = s.contract;
	const contract =
		`${lengthMonths}-month contracts` +
		(extensionMonths > 0 ? ` with a ${extensionMonths}-month extension` : '');
	const r = s.kpi.rigidity;
	const n = s.partners.count;
	const partners = n === 0 ? 'no partners' : `${n} ${n === 1 ? 'partner' : 'partners'}`;
	return [
		contract,
		`${kpiWords(r)} KPIs (rigidity ${decimals.format(r)})`,
		`power shared ${decimals.format(s.power.sharing)}`,
		partners
	]
		.join(', ')
		.concat('.');
}
