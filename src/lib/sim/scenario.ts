/**
 * The scenario: a public, versioned contract between the editor, files, links, the CLI and
 * the model. Plain JSON, validated by one valibot schema built from the parameter registry
 * (params.ts), so every range and message comes from one place.
 */
import * as v from 'valibot';
import { LIMITS, PARAMS, SEGMENT_PARAMS, type ParamSpec } from './params';
import { SCHEMA_VERSION } from './version';
import { unsafeCharacter, unsafeNameMessage } from './text';
import { uncertainFactor } from './assumption-factors';

/**
 * How a scenario treats what the model assumes about the world. 'fixed': every future uses
 * the scenario's values and the model's default constants, so the spread of results is
 * chance alone. 'uncertain': each future draws its own value of every assumption from its
 * plausible range (a Latin hypercube over the futures), so the spread is chance and what we
 * do not know together. In either mode a pin holds an assumption at one value.
 */
export interface AssumptionSettings {
	mode: 'fixed' | 'uncertain';
	/** Assumptions held at one value, by id (a parameter's path or `model.<constant>`). */
	pins?: Record<string, number>;
	/** Narrowed plausible ranges, [low, high] in the assumption's units, by id. */
	ranges?: Record<string, [number, number]>;
}

/** The most pins or narrowed ranges a scenario may hold (each). */
const MAX_ASSUMPTION_SETTINGS = 200;

interface TrustWeights {
	integrity: number;
	intent: number;
	competence: number;
	results: number;
}

export interface Segment {
	name: string;
	size: number;
	initialTrust: number;
	scepticism: number;
	reachability: number;
	weights: TrustWeights;
}

export interface Scenario {
	schemaVersion: typeof SCHEMA_VERSION;
	name: string;
	description: string;
	seed: number;
	runs: number;
	horizonMonths: number;
	contract: {
		lengthMonths: number;
		mobilisationMonths: number;
		extensionMonths: number;
		incumbentWinChance: number;
		handoverRetention: number;
		changeScepticism: number;
		uncertaintyStaffLoss: number;
	};
	kpi: {
		rigidity: number;
		target: number;
		demand: number;
		reviewMonths: number;
	};
	power: { sharing: number };
	listening: {
		conversationsPerYear: number;
		contributionRate: number;
		patienceMonths: number;
	};
	provider: {
		capacity: number;
		transparency: number;
		staffTurnover: number;
		initialCompetence: number;
		learningRate: number;
	};
	partners: { count: number; reach: number; trust: number; borrow: number };
	oversight: { diversity: number };
	trust: {
		asymmetry: number;
		responsiveness: number;
		characterStickiness: number;
		threshold: number;
		wordOfMouth: number;
		confidence: number;
		scepticismWeight: number;
	};
	events: {
		staffLeavingPerYear: number;
		partnerLeavingPerYear: number;
		systemBrokenPromisePerYear: number;
		badPressPerYear: number;
		fundingCutPerYear: number;
	};
	outcomes: { monthlyRate: number; coproductionUplift: number };
	reporting: { rungShare: number; collapseDrop: number; collapseWindowMonths: number };
	community: {
		peoplePerAgent: number;
		segments: Segment[];
	};
	/** Absent: fixed assumptions, no pins (scenarios from before this existed). */
	assumptions?: AssumptionSettings;
}

/** One problem with a scenario, in words a person can act on. */
export interface ValidationIssue {
	/** Dotted path of the field, e.g. `community.segments.2.initialTrust` ('' for the whole). */
	path: string;
	message: string;
}

/**
 * The one shape of errors as values across the app: a value, or an error saying what went
 * wrong (a message, a list of issues, a storage error). Parsers, the worker boundary and
 * storage return it rather than throwing.
 */
export type Result<T, E> = { ok: true; value: T } | { ok: false; error: E };

declare const VALID: unique symbol;

/**
 * A scenario that `validateScenario` has accepted: the type the engine, its worker pool and
 * the worker take, so that a scenario is validated once, where it enters (the editor, a
 * file, a share link, the command line, a read from the library), and trusted past it. The
 * brand exists in types only; at run time it is the plain scenario.
 */
export type ValidScenario = Scenario & { readonly [VALID]: true };

/** Scenarios `validateScenario` has returned (by identity), for `isValidScenario`. */
const validated = new WeakSet<object>();

/**
 * Whether a value is a scenario object `validateScenario` returned, so an edge that is
 * handed a scenario already checked need not check it again. A copy (or a scenario changed
 * in place after it was checked) is not known, and must be validated.
 */
export function isValidScenario(value: unknown): value is ValidScenario {
	return typeof value === 'object' && value !== null && validated.has(value);
}

function describe(value: unknown): string {
	if (typeof value === 'string') {
		const s = value.length > 40 ? value.slice(0, 40) + '…' : value;
		return JSON.stringify(s);
	}
	if (typeof value === 'number' || typeof value === 'boolean' || value === null)
		return String(value);
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	return 'an object';
}

function rangeText(p: ParamSpec): string {
	const unit = p.unit && p.unit !== '0 to 1' && p.unit !== 'share' ? ` ${p.unit}` : '';
	return `${p.min} to ${p.max}${unit}`;
}

function numberSchema(p: ParamSpec, where: string): v.GenericSchema<unknown, number> {
	const label = `${where} (${p.label})`;
	const range = rangeText(p);
	const actions: v.PipeItem<number, number, v.BaseIssue<unknown>>[] = [
		v.finite((i) => `${label} must be a finite number from ${range}; got ${describe(i.input)}.`)
	];
	if (p.integer) {
		actions.push(
			v.integer((i) => `${label} must be a whole number from ${range}; got ${describe(i.input)}.`)
		);
	}
	actions.push(
		v.minValue(p.min, (i) => `${label} must be from ${range}; got ${describe(i.input)}.`),
		v.maxValue(p.max, (i) => `${label} must be from ${range}; got ${describe(i.input)}.`)
	);
	return v.pipe(
		v.number((i) => `${label} must be a number from ${range}; got ${describe(i.input)}.`),
		...actions
	) as v.GenericSchema<unknown, number>;
}

type Entries = Record<string, v.GenericSchema>;

/** The problem with an assumption setting's id and value(s), or null. */
function assumptionIssue(id: string, values: readonly unknown[]): string | null {
	const f = uncertainFactor(id);
	if (!f) return `"${id}" is not an assumption the model can vary.`;
	for (const x of values) {
		if (typeof x !== 'number' || !Number.isFinite(x))
			return `${id} (${f.label}) must be a number; got ${describe(x)}.`;
		if (x < f.min || x > f.max)
			return `${id} (${f.label}) must be from ${f.min} to ${f.max}; got ${x}.`;
	}
	return null;
}

const assumptionsSchema = v.pipe(
	v.strictObject(
		{
			mode: v.picklist(
				['fixed', 'uncertain'],
				(i) => `assumptions.mode must be "fixed" or "uncertain"; got ${describe(i.input)}.`
			),
			pins: v.optional(
				v.pipe(
					v.record(v.string(), v.unknown(), 'assumptions.pins must be an object.'),
					v.check(
						(r) => Object.keys(r).length <= MAX_ASSUMPTION_SETTINGS,
						`assumptions.pins may hold at most ${MAX_ASSUMPTION_SETTINGS} assumptions.`
					),
					v.rawCheck(({ dataset, addIssue }) => {
						if (!dataset.typed) return;
						for (const [id, x] of Object.entries(dataset.value)) {
							const problem = assumptionIssue(id, [x]);
							if (problem) addIssue({ message: `assumptions.pins: ${problem}` });
						}
					})
				)
			),
			ranges: v.optional(
				v.pipe(
					v.record(v.string(), v.unknown(), 'assumptions.ranges must be an object.'),
					v.check(
						(r) => Object.keys(r).length <= MAX_ASSUMPTION_SETTINGS,
						`assumptions.ranges may hold at most ${MAX_ASSUMPTION_SETTINGS} assumptions.`
					),
					v.rawCheck(({ dataset, addIssue }) => {
						if (!dataset.typed) return;
						for (const [id, r] of Object.entries(dataset.value)) {
							if (!Array.isArray(r) || r.length !== 2) {
								addIssue({
									message: `assumptions.ranges: ${id} must be a pair [low, high]; got ${describe(r)}.`
								});
								continue;
							}
							const problem =
								assumptionIssue(id, r) ??
								((r[0] as number) > (r[1] as number)
									? `${id}: the low end ${r[0]} is above the high end ${r[1]}.`
									: null);
							if (problem) addIssue({ message: `assumptions.ranges: ${problem}` });
						}
					})
				)
			)
		},
		(i) =>
			i.expected === 'never'
				? `assumptions has an unknown field; allowed fields are: mode, pins, ranges.`
				: `assumptions must be an object; got ${describe(i.input)}.`
	)
) as v.GenericSchema<unknown, AssumptionSettings>;

/** Builds nested strict objects from dotted paths. */
function nest(specs: readonly ParamSpec[], where: (p: ParamSpec) => string): Entries {
	const root: Record<string, unknown> = {};
	for (const p of specs) {
		const parts = p.path.split('.');
		let node = root;
		for (let i = 0; i < parts.length - 1; i++) {
			const k = parts[i];
			node[k] ??= {};
			node = node[k] as Record<string, unknown>;
		}
		node[parts[parts.length - 1]] = numberSchema(p, where(p));
	}
	const build = (node: Record<string, unknown>, prefix: string): Entries => {
		const out: Entries = {};
		for (const [k, child] of Object.entries(node)) {
			if (isSchema(child)) out[k] = child;
			else
				out[k] = strict(build(child as Record<string, unknown>, `${prefix}${k}.`), `${prefix}${k}`);
		}
		return out;
	};
	return build(root, '');
}

function isSchema(x: unknown): x is v.GenericSchema {
	return (
		typeof x === 'object' && x !== null && 'kind' in x && (x as { kind: unknown }).kind === 'schema'
	);
}

function strict(entries: Entries, where: string): v.GenericSchema {
	const known = Object.keys(entries).join(', ');
	const subject = where || 'The scenario';
	return v.strictObject(entries, (i) => {
		if (i.expected === 'never') {
			// An unknown key: valibot reports it with the key as the last path item.
			const key = i.path ? String(i.path[i.path.length - 1]?.key) : '';
			return `${subject} has an unknown field "${key}"; allowed fields are: ${known}.`;
		}
		if (i.input === undefined && i.path) {
			// A required field is missing: valibot reports it with the key as the last path item.
			const key = String(i.path[i.path.length - 1]?.key);
			return `${subject} is missing the field "${key}".`;
		}
		return `${subject} must be an object; got ${describe(i.input)}.`;
	});
}

/** Refuses text with a control or text-direction character (see text.ts). */
function safeText(subject: string) {
	return v.check(
		(s: string) => unsafeCharacter(s) === null,
		(i) => unsafeNameMessage(subject, unsafeCharacter(String(i.input)) ?? 'one')
	);
}

const segmentSchema = strict(
	{
		name: v.pipe(
			v.string((i) => `Segment name must be text; got ${describe(i.input)}.`),
			v.trim(),
			v.minLength(1, 'Segment name must not be empty.'),
			v.maxLength(
				LIMITS.segmentNameMaxLength,
				`Segment name must be at most ${LIMITS.segmentNameMaxLength} characters.`
			),
			safeText('Segment name')
		),
		...nest(SEGMENT_PARAMS, (p) => `Segment ${p.path}`)
	},
	'Segment'
);

const topEntries = nest(
	PARAMS.filter((p) => p.path !== 'community.peoplePerAgent'),
	(p) => p.path
);

const peoplePerAgent = PARAMS.find((p) => p.path === 'community.peoplePerAgent');
if (!peoplePerAgent) throw new Error('parameter registry lacks community.peoplePerAgent');

/** The valibot schema of a scenario. */
const ScenarioSchema = v.pipe(
	strict(
		{
			schemaVersion: v.literal(
				SCHEMA_VERSION,
				(i) => `schemaVersion must be ${SCHEMA_VERSION}; got ${describe(i.input)}.`
			),
			name: v.pipe(
				v.string((i) => `name must be text; got ${describe(i.input)}.`),
				v.trim(),
				v.minLength(1, 'name must not be empty.'),
				v.maxLength(
					LIMITS.nameMaxLength,
					`name must be at most ${LIMITS.nameMaxLength} characters.`
				),
				safeText('name')
			),
			description: v.pipe(
				v.string((i) => `description must be text; got ${describe(i.input)}.`),
				v.maxLength(
					LIMITS.descriptionMaxLength,
					`description must be at most ${LIMITS.descriptionMaxLength} characters.`
				)
			),
			...topEntries,
			community: strict(
				{
					peoplePerAgent: numberSchema(peoplePerAgent, 'community.peoplePerAgent'),
					segments: v.pipe(
						v.array(
							segmentSchema,
							(i) => `community.segments must be a list; got ${describe(i.input)}.`
						),
						v.minLength(LIMITS.minSegments, 'community.segments must have at least one segment.'),
						v.maxLength(
							LIMITS.maxSegments,
							`community.segments must have at most ${LIMITS.maxSegments} segments.`
						)
					)
				},
				'community'
			),
			assumptions: v.optional(assumptionsSchema)
		},
		''
	),
	v.check(
		(s) => totalPeople(s as Scenario) <= LIMITS.maxPeople,
		(i) =>
			`community.segments add up to ${totalPeople(i.input as Scenario).toLocaleString('en-GB')} people; the model runs communities of up to ${LIMITS.maxPeople.toLocaleString('en-GB')}.`
	),
	v.check(
		(s) => (s as Scenario).community.segments.every((g) => weightSum(g.weights) > 0),
		'Each segment must weigh at least one component of trust above 0.'
	)
);

function weightSum(w: TrustWeights): number {
	return w.integrity + w.intent + w.competence + w.results;
}

/** People in the whole community. */
export function totalPeople(s: Pick<Scenario, 'community'>): number {
	return s.community.segments.reduce((a, g) => a + g.size, 0);
}

function issuePath(issue: v.BaseIssue<unknown>): string {
	return issue.path?.map((p) => String(p.key)).join('.') ?? '';
}

/**
 * Brings a scenario written for an earlier schema up to the current one, so that files, share
 * links and libraries saved by earlier versions still open. Input that is not an object, or
 * already current, is returned as it is (validation then judges it). Schema 1 (model 1.x) to
 * 2 (model 2.0):
 * - `trust.gainRate` becomes `trust.responsiveness`, a step in log-odds: its meaning changed,
 *   so it takes the new default;
 * - `reporting.collapseDrawdown` (a fall from the peak) gives way to `reporting.collapseDrop`
 *   and `reporting.collapseWindowMonths` (a fall within months), at their defaults;
 * - `provider.capacity` changes unit (a share of the community a month becomes contributions
 *   per 1,000 residents a month) and `listening.contributionRate` changes meaning (a chance per
 *   conversation becomes ideas a year): each keeps its ratio to its old default;
 * - `community.peoplePerAgent` above the new maximum is lowered to it.
 * The result is a copy; the input is not changed.
 */
export function upgradeScenario(input: unknown): unknown {
	if (typeof input !== 'object' || input === null || Array.isArray(input)) return input;
	const old = input as Record<string, unknown>;
	if (old.schemaVersion !== 1) return input;
	const s = structuredClone(old) as Record<string, Record<string, unknown> | unknown>;
	const group = (k: string): Record<string, unknown> | undefined => {
		const g = s[k];
		return typeof g === 'object' && g !== null && !Array.isArray(g)
			? (g as Record<string, unknown>)
			: undefined;
	};
	const spec = (path: string): ParamSpec => {
		const p = PARAMS.find((q) => q.path === path);
		if (!p) throw new Error(`parameter registry lacks ${path}`);
		return p;
	};
	/** Keeps a value's ratio to its old default, on the new parameter's scale and steps. */
	const rescale = (path: string, oldDefault: number) => {
		const [name, key] = path.split('.');
		const g = group(name);
		if (!g || typeof g[key] !== 'number') return;
		const p = spec(path);
		const v = (p.default * (g[key] as number)) / oldDefault;
		g[key] = Math.min(p.max, Math.max(p.min, Number((Math.round(v / p.step) * p.step).toFixed(6))));
	};
	const trust = group('trust');
	if (trust && 'gainRate' in trust) {
		delete trust.gainRate;
		trust.responsiveness = spec('trust.responsiveness').default;
	}
	const reporting = group('reporting');
	if (reporting && 'collapseDrawdown' in reporting) {
		delete reporting.collapseDrawdown;
		reporting.collapseDrop = spec('reporting.collapseDrop').default;
		reporting.collapseWindowMonths = spec('reporting.collapseWindowMonths').default;
	}
	rescale('provider.capacity', 0.05);
	rescale('listening.contributionRate', 0.15);
	const community = group('community');
	const ppa = spec('community.peoplePerAgent');
	if (community && typeof community.peoplePerAgent === 'number')
		community.peoplePerAgent = Math.min(ppa.max, community.peoplePerAgent);
	s.schemaVersion = SCHEMA_VERSION;
	return s;
}

/**
 * Validates unknown input as a scenario, upgraded first if it was written for an earlier
 * schema (`upgradeScenario`). Unknown keys are rejected. Every problem found is
 * returned, each naming the field, the value and the allowed range.
 */
export function validateScenario(input: unknown): Result<ValidScenario, ValidationIssue[]> {
	const r = v.safeParse(ScenarioSchema, upgradeScenario(input), { abortPipeEarly: true });
	if (r.success) {
		const valid = r.output as ValidScenario;
		validated.add(valid);
		return { ok: true, value: valid };
	}
	return {
		ok: false,
		error: r.issues.map((i) => {
			const path = issuePath(i);
			let message = i.message;
			const segment = /^community\.segments\.(\d+)/.exec(path);
			if (segment && !message.startsWith('community.segments')) {
				const rest = message.startsWith('Segment ') ? message.slice('Segment '.length) : message;
				const where = `community.segments.${segment[1]}`;
				message = /^(is|has|must) /.test(rest) ? `${where} ${rest}` : `${where}: ${rest}`;
			}
			return { path, message };
		})
	};
}

/** One line naming the first problem, for a CLI or a toast. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
	if (issues.length === 0) return 'The scenario is valid.';
	const first = issues[0].message;
	return issues.length === 1
		? first
		: `${first} (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})`;
}

/** Reads a number at a dotted path. */
export function getParam(s: Scenario, path: string): number {
	let node: unknown = s;
	for (const k of path.split('.')) {
		if (typeof node !== 'object' || node === null) return NaN;
		node = (node as Record<string, unknown>)[k];
	}
	return typeof node === 'number' ? node : NaN;
}

/** Returns a copy of the scenario with the number at a dotted path replaced. */
export function setParam(s: Scenario, path: string, value: number): Scenario {
	const copy = structuredClone(s);
	setParamInPlace(copy, path, value);
	return copy;
}

/**
 * Replaces the number at a dotted path in the scenario itself: for building a scenario that
 * nothing else holds yet, without copying it once per parameter.
 */
export function setParamInPlace(s: Scenario, path: string, value: number): void {
	const parts = path.split('.');
	let node = s as unknown as Record<string, unknown>;
	for (let i = 0; i < parts.length - 1; i++) {
		const next = node[parts[i]];
		if (typeof next !== 'object' || next === null) throw new Error(`No parameter at ${path}`);
		node = next as Record<string, unknown>;
	}
	const last = parts[parts.length - 1];
	if (typeof node[last] !== 'number') throw new Error(`No parameter at ${path}`);
	node[last] = value;
	validated.delete(s); // Changed: no longer known valid.
}

/** JSON with keys sorted at every level: the same scenario always gives the same text. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value);
	if (Array.isArray(value)) return '[' + value.map(canonicalJson).join(',') + ']';
	const obj = value as Record<string, unknown>;
	return (
		'{' +
		Object.keys(obj)
			.sort()
			.filter((k) => obj[k] !== undefined)
			.map((k) => JSON.stringify(k) + ':' + canonicalJson(obj[k]))
			.join(',') +
		'}'
	);
}

/** A 64-bit FNV-1a hash of text, as 16 hex digits. */
export function hashText(text: string): string {
	let h1 = 0x84222325 | 0;
	let h2 = 0xcbf29ce4 | 0;
	for (let i = 0; i < text.length; i++) {
		const c = text.charCodeAt(i);
		// 64-bit multiply by the FNV prime 0x100000001b3, on two 32-bit halves.
		const l = (h1 ^ c) >>> 0;
		const lo = Math.imul(l, 0x1b3);
		const hi =
			(Math.imul(h2, 0x1b3) + Math.imul(l, 0x100) + Math.floor((l * 0x1b3) / 4294967296)) | 0;
		h1 = lo | 0;
		h2 = hi;
	}
	return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

/** The hash of a scenario's full content (parameters, seed and runs). */
export function scenarioHash(s: Scenario): string {
	return hashText(canonicalJson(s));
}

/** Deep-equal by canonical form. */
export function sameScenario(a: Scenario, b: Scenario): boolean {
	return canonicalJson(a) === canonicalJson(b);
}
