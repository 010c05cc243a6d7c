/**
 * The parameter registry: every number a scenario holds, with its label, unit, range,
 * default, help text and source. The schema (validation), the editor, the CLI and the
 * model documentation all read this one list.
 */

export type ParamGroup =
	| 'Contract'
	| 'KPIs'
	| 'Power sharing'
	| 'Provider'
	| 'Partners'
	| 'Oversight'
	| 'Community'
	| 'Trust'
	| 'Events'
	| 'Outcomes'
	| 'Simulation';

export const PARAM_GROUPS: readonly ParamGroup[] = [
	'Contract',
	'KPIs',
	'Power sharing',
	'Provider',
	'Partners',
	'Oversight',
	'Community',
	'Trust',
	'Events',
	'Outcomes',
	'Simulation'
];

export interface ParamSpec {
	/** Dotted path in the scenario, e.g. `contract.lengthMonths`. Public: files and links use it. */
	readonly path: string;
	/** Plain-English label for people. */
	readonly label: string;
	/** Unit shown beside the value ('' for a pure number). */
	readonly unit: string;
	readonly min: number;
	readonly max: number;
	/** Slider step. */
	readonly step: number;
	readonly integer: boolean;
	readonly default: number;
	/** One line of help. */
	readonly help: string;
	/** Where the default comes from, or "Assumption" with a reason. */
	readonly source: string;
	readonly group: ParamGroup;
	/** Rarely changed: shown under "more" in the editor. */
	readonly advanced?: boolean;
}

const SEED = 'Seed text (co-production in practice, 2022)';

export const PARAMS: readonly ParamSpec[] = [
	// Simulation
	{
		path: 'seed',
		label: 'Random seed',
		unit: '',
		min: 0,
		max: 4294967295,
		step: 1,
		integer: true,
		default: 20221130,
		help: 'The same seed gives the same futures; scenarios compared on one seed share their random draws.',
		source:
			'Convention: common random numbers, so that paired comparisons show the effect of the levers (Law 2015, Simulation Modeling and Analysis)',
		group: 'Simulation'
	},
	{
		path: 'runs',
		label: 'Simulated futures',
		unit: 'runs',
		min: 10,
		max: 100000,
		step: 10,
		integer: true,
		default: 1000,
		help: 'How many futures to simulate. The error of a probability is about 1.6 points at 1,000 runs.',
		source: 'Monte Carlo error of a probability, sqrt(p(1-p)/n)',
		group: 'Simulation'
	},
	{
		path: 'horizonMonths',
		label: 'Time horizon',
		unit: 'months',
		min: 12,
		max: 240,
		step: 1,
		integer: true,
		default: 120,
		help: 'How far ahead to simulate; long enough to span several contracts.',
		source: 'Assumption: ten years spans two to four typical contracts',
		group: 'Simulation'
	},
	// Contract
	{
		path: 'contract.lengthMonths',
		label: 'Contract length',
		unit: 'months',
		min: 6,
		max: 120,
		step: 1,
		integer: true,
		default: 36,
		help: 'Core term of each contract before any extension.',
		source:
			'UK lifestyle-service contracts run 2+2, 3+2 or 5+2+2 years; impact bonds about 4 years (GO Lab INDIGO data, 2024)',
		group: 'Contract'
	},
	{
		path: 'contract.mobilisationMonths',
		label: 'Mobilisation period',
		unit: 'months',
		min: 0,
		max: 12,
		step: 1,
		integer: true,
		default: 3,
		help: 'Months a new provider spends setting up, with capacity ramping up from a third.',
		source:
			'Mobilisation typically 3 to 6 months; the National Audit Office called a 4-month transition tight',
		group: 'Contract'
	},
	{
		path: 'contract.extensionMonths',
		label: 'Extension on performance',
		unit: 'months',
		min: 0,
		max: 60,
		step: 1,
		integer: true,
		default: 24,
		help: 'An optional extension, at most once per contract, more likely the better the KPI attainment over the term.',
		source: 'The "+2" of 3+2 and 5+2+2 year contracts',
		group: 'Contract'
	},
	{
		path: 'contract.incumbentWinChance',
		label: 'Incumbent wins re-procurement',
		unit: 'probability',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.5,
		help: 'Chance the current provider wins the next contract with a strong KPI record (down to half that with a poor one); where power is shared, a community that trusts it raises the chance.',
		source: 'Assumption: open competition with no advantage either way',
		group: 'Contract'
	},
	{
		path: 'contract.handoverRetention',
		label: 'Trust a new provider inherits',
		unit: 'share',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.3,
		help: 'How much of the trust members built above their baseline with the old provider carries over to a new one (a deficit below it carries over in full); also the share of staff relationships that transfer.',
		source:
			'Assumption; re-procurement costs continuity and experienced staff (a direct award justified by the "loss of experienced staff that always accompanies periods of uncertainty")',
		group: 'Contract',
		advanced: true
	},
	{
		path: 'contract.changeScepticism',
		label: 'Scepticism from a change of provider',
		unit: 'share',
		min: 0,
		max: 0.5,
		step: 0.01,
		integer: false,
		default: 0.2,
		help: 'How far a change of provider moves each member towards full scepticism of "the system".',
		source: 'Assumption; seed claim 3 (communities remember when nothing came of it)',
		group: 'Contract',
		advanced: true
	},
	{
		path: 'contract.uncertaintyStaffLoss',
		label: 'Staff lost to re-procurement uncertainty',
		unit: 'share',
		min: 0,
		max: 0.6,
		step: 0.01,
		integer: false,
		default: 0.15,
		help: 'Share of staff who leave in the months between a re-procurement being announced and the contract ending, whoever then wins; leavers take relationships, and members feel it.',
		source:
			'A direct award justified by the "loss of experienced staff that always accompanies periods of uncertainty"; size is an assumption',
		group: 'Contract',
		advanced: true
	},
	// KPIs
	{
		path: 'kpi.rigidity',
		label: 'KPI rigidity',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.7,
		help: '0: outcomes agreed and revised with the community. 1: pre-set targets with penalties.',
		source: `${SEED}, claim 8; Lowe & Wilson (2017) on target-based performance management`,
		group: 'KPIs'
	},
	{
		path: 'kpi.target',
		label: 'KPI attainment target',
		unit: 'share',
		min: 0.5,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.85,
		help: 'Attainment the commissioner expects: reviews are met at or above it, and the chance of an extension is even at it and rises above it.',
		source: 'Assumption: a typical "85% of target" performance threshold',
		group: 'KPIs'
	},
	{
		path: 'kpi.demand',
		label: 'Capacity fixed targets consume',
		unit: 'share of capacity',
		min: 0.1,
		max: 0.9,
		step: 0.01,
		integer: false,
		default: 0.5,
		help: "Share of the provider's capacity that fully rigid targets lock into activity volumes.",
		source: 'Assumption',
		group: 'KPIs'
	},
	{
		path: 'kpi.reviewMonths',
		label: 'Months between KPI reviews',
		unit: 'months',
		min: 1,
		max: 12,
		step: 1,
		integer: true,
		default: 3,
		help: 'How often attainment is reviewed; before a review a provider that is behind pulls capacity into targets.',
		source: 'Assumption: quarterly contract monitoring',
		group: 'KPIs',
		advanced: true
	},
	// Power sharing and listening
	{
		path: 'power.sharing',
		label: 'Power shared with the community',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.2,
		help: 'Latitude to act on what the community says: 0 none, 1 a devolved budget and decisions.',
		source: `${SEED}, claims 1, 8 and 9; Arnstein (1969); Slovic (1993) on power-sharing events`,
		group: 'Power sharing'
	},
	{
		path: 'listening.conversationsPerYear',
		label: 'Community conversations',
		unit: 'per year',
		min: 0,
		max: 12,
		step: 1,
		integer: true,
		default: 4,
		help: 'Listening events that invite people in and draw out contributions.',
		source: `${SEED} ("community conversation"); frequency is an assumption`,
		group: 'Power sharing'
	},
	{
		path: 'listening.contributionRate',
		label: 'Ideas a consulted member puts forward',
		unit: 'per year',
		min: 0,
		max: 4,
		step: 0.05,
		integer: false,
		default: 0.4,
		help: 'Ideas a year that a member who has been consulted has to offer (more on higher rungs); a community conversation collects what has built up since they last gave their view.',
		source: 'Assumption',
		group: 'Power sharing',
		advanced: true
	},
	{
		path: 'listening.patienceMonths',
		label: 'Patience before a promise is broken',
		unit: 'months',
		min: 1,
		max: 24,
		step: 1,
		integer: true,
		default: 6,
		help: 'Months a contribution can wait for action before it counts as "nothing was done".',
		source: `${SEED}, claim 3; the length is an assumption`,
		group: 'Power sharing'
	},
	// Provider
	{
		path: 'provider.capacity',
		label: 'Capacity to act',
		unit: 'per 1,000 residents a month',
		min: 0,
		max: 20,
		step: 0.5,
		integer: false,
		default: 4,
		help: 'Contributions the provider could act on in a month, per 1,000 residents, if fixed targets locked none of its capacity.',
		source: 'Assumption',
		group: 'Provider'
	},
	{
		path: 'provider.transparency',
		label: 'Transparency',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.5,
		help: 'Chance a failure is disclosed by the provider rather than discovered; candour builds integrity.',
		source: `${SEED}, claims 6 and 9; Schweitzer et al. (2006) on deception`,
		group: 'Provider'
	},
	{
		path: 'provider.staffTurnover',
		label: 'Staff turnover',
		unit: 'per year',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.25,
		help: 'Share of front-line staff leaving each year; leavers take relationships with them.',
		source: 'Assumption: typical community health and care turnover of 20 to 30% a year',
		group: 'Provider'
	},
	{
		path: 'provider.initialCompetence',
		label: 'Starting competence',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.5,
		help: 'How well a provider new to this community delivers at the start.',
		source: 'Assumption',
		group: 'Provider',
		advanced: true
	},
	{
		path: 'provider.learningRate',
		label: 'Learning from trial and error',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.3,
		help: 'How fast competence grows from initiatives, faster from failures that are disclosed and learnt from.',
		source: `${SEED}, claim 9 (failure is part of learning); rate is an assumption`,
		group: 'Provider',
		advanced: true
	},
	// Partners
	{
		path: 'partners.count',
		label: 'Trusted local partners',
		unit: 'organisations',
		min: 0,
		max: 10,
		step: 1,
		integer: true,
		default: 1,
		help: 'Local people and organisations the provider works alongside.',
		source: `${SEED}, claim 6`,
		group: 'Partners'
	},
	{
		path: 'partners.reach',
		label: 'Reach of each partner',
		unit: 'share of community',
		min: 0,
		max: 0.3,
		step: 0.01,
		integer: false,
		default: 0.08,
		help: 'Share of the community each partner knows well and can introduce.',
		source: 'Assumption',
		group: 'Partners'
	},
	{
		path: 'partners.trust',
		label: 'Trust partners hold',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.75,
		help: 'How much the people a partner reaches trust that partner.',
		source: 'Assumption',
		group: 'Partners',
		advanced: true
	},
	{
		path: 'partners.borrow',
		label: 'Trust borrowed through a partner',
		unit: 'share',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.5,
		help: "Share of the gap up to the partner's trust that a member extends to the provider; part leaves if the partner leaves.",
		source: `${SEED}, claim 6; size is an assumption`,
		group: 'Partners',
		advanced: true
	},
	// Oversight
	{
		path: 'oversight.diversity',
		label: 'Diversity of the oversight group',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.3,
		help: 'A diverse group in "productive tension" spots blind spots, so initiatives fail less and lessons land.',
		source: `${SEED}, claim 7 (Strategic Oversight Group; Syed, Rebel Ideas)`,
		group: 'Oversight'
	},
	// Trust
	{
		path: 'trust.asymmetry',
		label: 'Loss to gain asymmetry',
		unit: 'times',
		min: 2,
		max: 5,
		step: 0.1,
		integer: false,
		default: 3,
		help: 'How much further a trust-destroying event moves trust than an equal trust-building one.',
		source:
			'Slovic (1993); Poortinga & Pidgeon (2004); loss aversion 2.25 (Tversky & Kahneman 1992); Gottman 5:1',
		group: 'Trust'
	},
	{
		path: 'trust.responsiveness',
		label: 'Speed of trust change',
		unit: 'per experience',
		min: 0.02,
		max: 0.5,
		step: 0.01,
		integer: false,
		default: 0.15,
		help: 'How far one experience moves trust, in log-odds: good ones up, bad ones down (further, by the asymmetry). Faster means quicker gains and quicker losses.',
		source:
			'Asymmetric first-order smoothing (Sterman 2000), in log-odds; rate is an assumption fitted to "years, not quarters"',
		group: 'Trust',
		advanced: true
	},
	{
		path: 'trust.characterStickiness',
		label: 'Stickiness of character trust',
		unit: '0 to 1',
		min: 0,
		max: 0.9,
		step: 0.01,
		integer: false,
		default: 0.5,
		help: 'Integrity and intent move this much slower than competence and results, for gains and losses alike.',
		source: 'Earle & Siegrist (value-based trust is sticky); Kim et al. (2004) on integrity repair',
		group: 'Trust',
		advanced: true
	},
	{
		path: 'trust.threshold',
		label: 'Trust threshold',
		unit: '0 to 1',
		min: 0.3,
		max: 0.9,
		step: 0.01,
		integer: false,
		default: 0.6,
		help: 'The level of trust treated as enough for co-production. Used only in reporting: time to trust, months at or above it and the chance of reaching it.',
		source: 'Assumption; baseline propensity to trust is about 0.5 (Johnson & Mislin 2011)',
		group: 'Trust'
	},
	{
		path: 'trust.wordOfMouth',
		label: 'Word of mouth',
		unit: '0 to 1',
		min: 0,
		max: 0.5,
		step: 0.01,
		integer: false,
		default: 0.3,
		help: 'How strongly news and opinions travel within a segment (convergence rate).',
		source: 'Deffuant et al. (2000), mu about 0.3',
		group: 'Trust',
		advanced: true
	},
	{
		path: 'trust.confidence',
		label: 'Open-mindedness',
		unit: '0 to 1',
		min: 0.05,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.25,
		help: 'People only move towards opinions within this distance of their own (bounded confidence).',
		source: 'Deffuant et al. (2000), epsilon 0.2 to 0.3',
		group: 'Trust',
		advanced: true
	},
	{
		path: 'trust.scepticismWeight',
		label: 'Weight of scepticism',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.7,
		help: 'How much scepticism of "the system" discounts good experiences: at full scepticism a good experience counts for this much less.',
		source: 'Assumption',
		group: 'Trust',
		advanced: true
	},
	// Events
	{
		path: 'events.staffLeavingPerYear',
		label: 'Key worker leaves',
		unit: 'per year',
		min: 0,
		max: 4,
		step: 0.05,
		integer: false,
		default: 0.5,
		help: 'A trusted key worker leaves, taking relationships in one segment with them.',
		source: 'Assumption',
		group: 'Events'
	},
	{
		path: 'events.partnerLeavingPerYear',
		label: 'A partner leaves',
		unit: 'per year',
		min: 0,
		max: 2,
		step: 0.05,
		integer: false,
		default: 0.15,
		help: 'One trusted partner stops working with the provider, taking some borrowed trust with it.',
		source: 'Assumption; seed claim 6',
		group: 'Events'
	},
	{
		path: 'events.systemBrokenPromisePerYear',
		label: 'The wider system breaks a promise',
		unit: 'per year',
		min: 0,
		max: 4,
		step: 0.05,
		integer: false,
		default: 0.3,
		help: 'A council or NHS decision lets the community down; scepticism rises whoever the provider is.',
		source: 'Assumption; seed claim 3',
		group: 'Events'
	},
	{
		path: 'events.badPressPerYear',
		label: 'Bad press',
		unit: 'per year',
		min: 0,
		max: 4,
		step: 0.05,
		integer: false,
		default: 0.2,
		help: 'A damaging story about the service; hits competence and results trust.',
		source: 'Assumption; Slovic (1993) on the power of negative events',
		group: 'Events'
	},
	{
		path: 'events.fundingCutPerYear',
		label: 'Funding cut',
		unit: 'per year',
		min: 0,
		max: 2,
		step: 0.05,
		integer: false,
		default: 0.1,
		help: 'Capacity drops by a fifth until the service changes hands (cuts compound); fixed targets still take their share.',
		source: 'Assumption',
		group: 'Events'
	},
	// Outcomes
	{
		path: 'outcomes.monthlyRate',
		label: 'Behaviour change among participants',
		unit: 'share a month',
		min: 0,
		max: 0.05,
		step: 0.001,
		integer: false,
		default: 0.004,
		help: 'Share of engaged participants who achieve sustained behaviour change each month under ordinary delivery.',
		source: 'Assumption: about 5% a year of participants',
		group: 'Outcomes',
		advanced: true
	},
	{
		path: 'outcomes.coproductionUplift',
		label: 'Uplift from co-produced activity',
		unit: 'times',
		min: 0,
		max: 2,
		step: 0.05,
		integer: false,
		default: 0.5,
		help: 'Extra behaviour change among co-designing and co-producing members when their initiatives succeed.',
		source: "O'Mara-Eves et al. (2015): d = 0.33, odds ratio about 1.8",
		group: 'Outcomes',
		advanced: true
	},
	// Community-wide settings
	{
		path: 'community.peoplePerAgent',
		label: 'People per simulated member',
		unit: 'people',
		min: 1,
		max: 100,
		step: 1,
		integer: true,
		default: 10,
		help: 'Each simulated member stands for this many similar people; 1 simulates everyone.',
		source: 'Modelling choice (documented in the model page)',
		group: 'Community',
		advanced: true
	},
	{
		path: 'reporting.rungShare',
		label: "Share that defines the community's rung",
		unit: 'share',
		min: 0.01,
		max: 0.5,
		step: 0.01,
		integer: false,
		default: 0.1,
		help: 'The community counts as on a rung when at least this share of it stands on that rung or higher.',
		source: 'Assumption',
		group: 'Simulation',
		advanced: true
	},
	{
		path: 'reporting.collapseDrop',
		label: 'Fall that counts as collapse',
		unit: 'share of trust',
		min: 0.05,
		max: 0.6,
		step: 0.01,
		integer: false,
		default: 0.15,
		help: 'A future "collapses" when trust falls by at least this share of its level within the collapse window.',
		source:
			'Assumption: trust "leaves like a rocket ship" (seed text; Slovic 1993): a fall of 15% of its level is large next to the months of gains it undoes',
		group: 'Simulation',
		advanced: true
	},
	{
		path: 'reporting.collapseWindowMonths',
		label: 'Collapse window',
		unit: 'months',
		min: 1,
		max: 24,
		step: 1,
		integer: true,
		default: 6,
		help: 'How quickly the fall must happen to count as collapse.',
		source:
			'Assumption: two quarters, what a commissioner sees at two successive quarterly reviews',
		group: 'Simulation',
		advanced: true
	}
];

/** Fields of each community segment. */
export const SEGMENT_PARAMS: readonly ParamSpec[] = [
	{
		path: 'size',
		label: 'People',
		unit: 'people',
		min: 1,
		max: 100000,
		step: 1,
		integer: true,
		default: 1000,
		help: 'How many people are in this segment.',
		source: 'Assumption',
		group: 'Community'
	},
	{
		path: 'initialTrust',
		label: 'Starting trust',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.45,
		help: 'Average trust in a provider new to them, before any experience.',
		source: 'Baseline propensity to trust about 0.5 (Johnson & Mislin 2011)',
		group: 'Community'
	},
	{
		path: 'scepticism',
		label: 'Scepticism of "the system"',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.25,
		help: 'Left by past consultations where nothing was done with what people said.',
		source: `${SEED}, claim 3`,
		group: 'Community'
	},
	{
		path: 'reachability',
		label: 'Reachability',
		unit: '0 to 1',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.5,
		help: "How easily the provider's invitations reach members of this segment.",
		source: `${SEED}, claim 10; values are assumptions`,
		group: 'Community'
	},
	{
		path: 'weights.integrity',
		label: 'Weight on integrity',
		unit: 'weight',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.25,
		help: 'How much members weigh whether the provider does what it says.',
		source: 'Covey (2006) four cores; Mayer, Davis & Schoorman (1995)',
		group: 'Community'
	},
	{
		path: 'weights.intent',
		label: 'Weight on intent',
		unit: 'weight',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.25,
		help: 'How much members weigh whether the provider means well by them.',
		source: 'Covey (2006) four cores; Mayer, Davis & Schoorman (1995)',
		group: 'Community'
	},
	{
		path: 'weights.competence',
		label: 'Weight on competence',
		unit: 'weight',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.25,
		help: 'How much members weigh whether the provider knows how to do it.',
		source: 'Covey (2006) four cores; Mayer, Davis & Schoorman (1995)',
		group: 'Community'
	},
	{
		path: 'weights.results',
		label: 'Weight on results',
		unit: 'weight',
		min: 0,
		max: 1,
		step: 0.01,
		integer: false,
		default: 0.25,
		help: 'How much members weigh what the provider has actually delivered.',
		source: 'Covey (2006) four cores; Mayer, Davis & Schoorman (1995)',
		group: 'Community'
	}
];

/** Limits on a scenario that are not single parameters. */
export const LIMITS = {
	nameMaxLength: 120,
	descriptionMaxLength: 4000,
	segmentNameMaxLength: 80,
	minSegments: 1,
	maxSegments: 12,
	/** The largest community the model runs, in people. */
	maxPeople: 100000
} as const;

const byPath = new Map(PARAMS.map((p) => [p.path, p]));
const segmentByPath = new Map(SEGMENT_PARAMS.map((p) => [p.path, p]));

/** The spec of a top-level parameter, by dotted path. */
export function paramSpec(path: string): ParamSpec | undefined {
	return byPath.get(path);
}

/** The spec of a segment field, by its path inside a segment (e.g. `weights.intent`). */
export function segmentParamSpec(path: string): ParamSpec | undefined {
	return segmentByPath.get(path);
}

/** A URL-safe anchor id for a parameter's entry in the model documentation. */
export function paramAnchor(path: string, segment = false): string {
	return (segment ? 'param-segment-' : 'param-') + path.replace(/\./g, '-');
}

/**
 * How unsure we are about a parameter that describes the world rather than the design. In the
 * uncertain-assumptions mode each future draws its own value, centred on the scenario's: a
 * 'plus' spread adds a number from [low, high] to the scenario's value, a 'times' spread
 * multiplies it by one (a value of 0 stays 0). Either is then held within the parameter's
 * range. A triangular spread peaks at the scenario's value.
 */
export interface ParamUncertainty {
	readonly change: 'plus' | 'times';
	readonly low: number;
	readonly high: number;
	readonly shape: 'uniform' | 'triangular' | 'log-uniform';
	/** Why this spread: its source or reasoning. */
	readonly reason: string;
}

const HALF_TO_DOUBLE = 'no record of it for one service; half to double the value';

/**
 * The spread of every parameter that is an assumption about the world, in registry order.
 * Never spread: the levers a commissioner or provider chooses (contract lengths and
 * extension, whether the incumbent is favoured at re-procurement, KPI rigidity, target and review cycle, power sharing, conversations, provider
 * transparency, partners, oversight), the community (its groups are the place as described),
 * how the experiment is run (seed, futures, horizon, people per agent) and the reporting
 * settings (the trust threshold, the ladder share, what counts as a collapse).
 */
export const PARAM_UNCERTAINTY: Readonly<Record<string, ParamUncertainty>> = {
	'contract.handoverRetention': {
		change: 'plus',
		low: -0.15,
		high: 0.15,
		shape: 'triangular',
		reason:
			'Staff may transfer with a contract, relationships rarely do; how much carries over is unmeasured'
	},
	'contract.changeScepticism': {
		change: 'plus',
		low: -0.1,
		high: 0.1,
		shape: 'triangular',
		reason: 'Seed claim 3 gives the direction, not the size'
	},
	'contract.uncertaintyStaffLoss': {
		change: 'plus',
		low: -0.1,
		high: 0.1,
		shape: 'triangular',
		reason: 'The loss of experienced staff around a re-procurement is reported, not measured'
	},
	'kpi.demand': {
		change: 'plus',
		low: -0.15,
		high: 0.15,
		shape: 'triangular',
		reason:
			'How much capacity fixed targets take depends on the targets; a third to two thirds around the default'
	},
	'listening.contributionRate': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: HALF_TO_DOUBLE
	},
	'listening.patienceMonths': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: 'Seed claim 3 says people remember; how long they wait is unknown: half to double'
	},
	'provider.capacity': {
		change: 'times',
		low: 0.75,
		high: 1.33,
		shape: 'log-uniform',
		reason:
			'How much a funded service gets done is not measured; a quarter less to a third more (the funding itself is a design choice)'
	},
	'provider.staffTurnover': {
		change: 'plus',
		low: -0.05,
		high: 0.05,
		shape: 'triangular',
		reason:
			'Community health and care turnover is reported at 20 to 30% a year; 5 points either way'
	},
	'provider.initialCompetence': {
		change: 'plus',
		low: -0.15,
		high: 0.15,
		shape: 'triangular',
		reason: 'Providers differ; no measure on this scale'
	},
	'provider.learningRate': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: HALF_TO_DOUBLE
	},
	'partners.reach': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: 'How many people a local partner knows well varies widely; half to double'
	},
	'partners.trust': {
		change: 'plus',
		low: -0.15,
		high: 0.15,
		shape: 'triangular',
		reason:
			'Trusted local organisations are trusted more than services (seed claim 6); how much more is unmeasured'
	},
	'partners.borrow': {
		change: 'plus',
		low: -0.2,
		high: 0.2,
		shape: 'triangular',
		reason: 'Seed claim 6 gives the direction, not the size'
	},
	'trust.asymmetry': {
		change: 'plus',
		low: -1,
		high: 2,
		shape: 'triangular',
		reason: 'Slovic (1993), loss aversion (2.25) and Gottman (5:1) put losses at 2 to 5 times gains'
	},
	'trust.responsiveness': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: 'Fitted to "years, not quarters", which allows half to double'
	},
	'trust.characterStickiness': {
		change: 'plus',
		low: -0.2,
		high: 0.2,
		shape: 'triangular',
		reason: 'Value-based trust is sticky (Earle & Siegrist); how sticky is not measured'
	},
	'trust.wordOfMouth': {
		change: 'plus',
		low: -0.1,
		high: 0.1,
		shape: 'triangular',
		reason: 'Deffuant et al. (2000) use μ about 0.3; 0.1 either way is an assumption'
	},
	'trust.confidence': {
		change: 'plus',
		low: -0.05,
		high: 0.05,
		shape: 'triangular',
		reason: 'Deffuant et al. (2000) use 0.2 to 0.3'
	},
	'trust.scepticismWeight': {
		change: 'plus',
		low: -0.2,
		high: 0.2,
		shape: 'triangular',
		reason: 'How much scepticism discounts good experiences is unmeasured'
	},
	'events.staffLeavingPerYear': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: HALF_TO_DOUBLE
	},
	'events.partnerLeavingPerYear': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: HALF_TO_DOUBLE
	},
	'events.systemBrokenPromisePerYear': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: HALF_TO_DOUBLE
	},
	'events.badPressPerYear': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: HALF_TO_DOUBLE
	},
	'events.fundingCutPerYear': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: HALF_TO_DOUBLE
	},
	'outcomes.monthlyRate': {
		change: 'times',
		low: 0.5,
		high: 2,
		shape: 'log-uniform',
		reason: 'About 5% of participants a year is an assumption; half to double'
	},
	'outcomes.coproductionUplift': {
		change: 'times',
		low: 0.5,
		high: 1.5,
		shape: 'triangular',
		reason: "O'Mara-Eves et al. (2015): d = 0.33 with a wide interval; half to one and a half times"
	}
};
