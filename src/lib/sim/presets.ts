/**
 * Storylines drawn from the seed text, each a complete scenario. `typical` is the demo
 * default: the contract most commissioners will recognise.
 */
import { PARAMS } from './params';
import { setParamInPlace, type Scenario, type Segment } from './scenario';
import { SCHEMA_VERSION } from './version';

/** The community of the seed text: different people engage for different reasons (claim 10). */
export const DEFAULT_SEGMENTS: readonly Segment[] = [
	{
		name: 'Men in their 50s',
		size: 1200,
		initialTrust: 0.38,
		scepticism: 0.35,
		reachability: 0.35,
		weights: { integrity: 0.2, intent: 0.15, competence: 0.3, results: 0.35 }
	},
	{
		name: 'Parents of young children',
		size: 1500,
		initialTrust: 0.45,
		scepticism: 0.25,
		reachability: 0.6,
		weights: { integrity: 0.25, intent: 0.35, competence: 0.2, results: 0.2 }
	},
	{
		name: 'Dog owners',
		size: 800,
		initialTrust: 0.5,
		scepticism: 0.15,
		reachability: 0.7,
		weights: { integrity: 0.25, intent: 0.25, competence: 0.25, results: 0.25 }
	},
	{
		name: 'Other residents',
		size: 1500,
		initialTrust: 0.42,
		scepticism: 0.3,
		reachability: 0.45,
		weights: { integrity: 0.3, intent: 0.25, competence: 0.2, results: 0.25 }
	}
];

/** A scenario with every parameter at its registry default and the seed's community. */
export function defaultScenario(name = 'New scenario', description = ''): Scenario {
	const s: Scenario = {
		schemaVersion: SCHEMA_VERSION,
		name,
		description,
		seed: 0,
		runs: 0,
		horizonMonths: 0,
		contract: {
			lengthMonths: 0,
			mobilisationMonths: 0,
			extensionMonths: 0,
			incumbentWinChance: 0,
			handoverRetention: 0,
			changeScepticism: 0,
			uncertaintyStaffLoss: 0
		},
		kpi: { rigidity: 0, target: 0, demand: 0, reviewMonths: 0 },
		power: { sharing: 0 },
		listening: { conversationsPerYear: 0, contributionRate: 0, patienceMonths: 0 },
		provider: {
			capacity: 0,
			transparency: 0,
			staffTurnover: 0,
			initialCompetence: 0,
			learningRate: 0
		},
		partners: { count: 0, reach: 0, trust: 0, borrow: 0 },
		oversight: { diversity: 0 },
		trust: {
			asymmetry: 0,
			responsiveness: 0,
			characterStickiness: 0,
			threshold: 0,
			wordOfMouth: 0,
			confidence: 0,
			scepticismWeight: 0
		},
		events: {
			staffLeavingPerYear: 0,
			partnerLeavingPerYear: 0,
			systemBrokenPromisePerYear: 0,
			badPressPerYear: 0,
			fundingCutPerYear: 0
		},
		outcomes: { monthlyRate: 0, coproductionUplift: 0 },
		reporting: { rungShare: 0, collapseDrop: 0, collapseWindowMonths: 0 },
		community: { peoplePerAgent: 0, segments: DEFAULT_SEGMENTS.map((g) => structuredClone(g)) }
	};
	for (const p of PARAMS) setParamInPlace(s, p.path, p.default);
	return s;
}

export interface Preset {
	id: string;
	scenario: Scenario;
}

function preset(
	id: string,
	name: string,
	description: string,
	changes: Record<string, number>
): Preset {
	const s = defaultScenario(name, description);
	for (const [path, value] of Object.entries(changes)) setParamInPlace(s, path, value);
	return { id, scenario: s };
}

export const PRESETS: readonly Preset[] = [
	preset(
		'typical',
		"Today's typical contract",
		'A three-year contract with a two-year extension on performance, fixed KPIs with penalties, quarterly community consultation and little power to act on what people say. One trusted local partner.',
		{
			'contract.lengthMonths': 36,
			'contract.extensionMonths': 24,
			'kpi.rigidity': 0.8,
			'power.sharing': 0.2,
			'listening.conversationsPerYear': 4,
			'partners.count': 1,
			'provider.transparency': 0.4,
			'oversight.diversity': 0.2
		}
	),
	preset(
		'towards',
		'Working towards co-production',
		'A five-year contract with two years more on performance, outcomes agreed and revised with the community, real latitude to act on what is heard, four trusted local partners, a candid provider and a diverse oversight group.',
		{
			'contract.lengthMonths': 60,
			'contract.extensionMonths': 24,
			'contract.mobilisationMonths': 6,
			'kpi.rigidity': 0.3,
			'power.sharing': 0.6,
			'provider.capacity': 6,
			'listening.conversationsPerYear': 6,
			'partners.count': 4,
			'provider.transparency': 0.75,
			'oversight.diversity': 0.7
		}
	),
	preset(
		'consult-no-act',
		'Consulting without acting',
		'Frequent community conversations, but rigid targets and almost no latitude or capacity to act on what people say: the pattern communities remember as "nothing was done with the information".',
		{
			'contract.lengthMonths': 36,
			'contract.extensionMonths': 24,
			'kpi.rigidity': 0.9,
			'power.sharing': 0.05,
			'listening.conversationsPerYear': 8,
			'provider.capacity': 2,
			'partners.count': 0,
			'provider.transparency': 0.3,
			'oversight.diversity': 0.1
		}
	),
	preset(
		'churn',
		'Short contracts, re-procured again and again',
		'Two-year contracts with no extension, re-let each time with a weak chance the incumbent continues; each new provider mobilises in three months and starts again.',
		{
			'contract.lengthMonths': 24,
			'contract.extensionMonths': 0,
			'contract.incumbentWinChance': 0.3,
			'kpi.rigidity': 0.8,
			'power.sharing': 0.2,
			'partners.count': 1,
			'provider.transparency': 0.4,
			'oversight.diversity': 0.2
		}
	),
	preset(
		'courage',
		'Courage: a devolved budget and transparent trial and error',
		'A seven-year partnership with a budget the community decides on, outcomes agreed with it, five local partners, failures shared openly and learnt from, and a diverse oversight group in productive tension.',
		{
			'contract.lengthMonths': 84,
			'contract.extensionMonths': 36,
			'contract.mobilisationMonths': 6,
			'kpi.rigidity': 0.1,
			'power.sharing': 0.85,
			'listening.conversationsPerYear': 6,
			'provider.capacity': 4,
			'partners.count': 5,
			'provider.transparency': 0.95,
			'provider.learningRate': 0.5,
			'oversight.diversity': 0.85
		}
	)
];

/** The preset the app opens on. */
export const DEMO_PRESET_ID = 'typical';

export function presetById(id: string): Preset | undefined {
	return PRESETS.find((p) => p.id === id);
}
