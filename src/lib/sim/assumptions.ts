/**
 * The model's internal constants: the numbers inside its equations that a scenario does not
 * set. Each has a default, a plausible range with a shape, and its source or the reasoning
 * behind it, so that the screening (`npm run sim -- --screen`), the documentation and any
 * study of what we do not know read one list. A run reads them from a `ModelConstants`
 * object (the defaults unless a study passes others), never from module-level numbers.
 */

/** How values are spread over a range when an assumption is varied. */
type AssumptionShape = 'uniform' | 'triangular' | 'log-uniform';

export type AssumptionGroup =
	| 'Trust'
	| 'Signals'
	| 'Scepticism'
	| 'Word of mouth'
	| 'Ladder'
	| 'Listening'
	| 'Provider'
	| 'Contract'
	| 'Partners'
	| 'Outcomes'
	| 'Community';

export interface AssumptionSpec {
	/** The constant's name in `ModelConstants`. */
	readonly key: ConstantKey;
	/** Plain-English label. */
	readonly label: string;
	readonly default: number;
	readonly min: number;
	readonly max: number;
	/** Spread over [min, max]; triangular peaks at the default. */
	readonly shape: AssumptionShape;
	readonly integer?: boolean;
	readonly unit: string;
	/** What the number does, in a sentence. */
	readonly meaning: string;
	/** Where the default and range come from, or "Assumption: ..." with the reasoning. */
	readonly source: string;
	readonly group: AssumptionGroup;
	/** The submodel (file under src/lib/sim) that uses it. */
	readonly file: string;
}

const SEED = 'Seed text';

/**
 * Every internal constant, in documentation order. The calls are marked pure so that a page
 * that reads none of the constants does not carry their descriptions.
 */
const LIST = [
	// Signals: the size of each experience, in units of one good experience.
	/*#__PURE__*/ sig(
		'signalActed',
		'Own contribution acted on',
		1,
		0.5,
		2,
		'integrity and intent gain',
		`${SEED}, claims 1 and 3; the unit of all signals`
	),
	/*#__PURE__*/ sig(
		'signalSuccess',
		'Own initiative succeeded',
		1,
		0.5,
		2,
		'competence and results gain',
		`${SEED}, claims 5 and 9; assumption: as large as being heard`
	),
	/*#__PURE__*/ sig(
		'signalFailure',
		'Own initiative failed and was found out',
		0.6,
		0.3,
		1.2,
		'competence and results loss (before the asymmetry)',
		'Assumption: a failure weighs a little less than a success (the asymmetry multiplies losses)'
	),
	/*#__PURE__*/ sig(
		'signalConcealment',
		'Failure found out: concealment',
		0.4,
		0.2,
		0.8,
		'integrity loss',
		'Schweitzer et al. (2006): deception damages trust beyond the failure itself'
	),
	/*#__PURE__*/ sig(
		'signalDisclosedShare',
		'Cost of a disclosed failure, relative to a discovered one',
		0.4,
		0.2,
		0.8,
		'share',
		`${SEED}, claim 6; Kim et al. (2004): competence failures are repaired by candour`
	),
	/*#__PURE__*/ sig(
		'signalCandour',
		'Candour about a failure',
		0.4,
		0.1,
		0.8,
		'integrity gain',
		`${SEED}, claims 6 and 9 (transparent trial and error)`
	),
	/*#__PURE__*/ sig(
		'signalBroken',
		'Own promise broken',
		1,
		0.5,
		2,
		'integrity and intent loss (before the asymmetry)',
		`${SEED}, claim 3: "nothing had been done with the information"`
	),
	/*#__PURE__*/ sig(
		'signalPresence',
		'Experience of a present, effective service',
		0.6,
		0.2,
		1.2,
		'competence and results gain a month, times effectiveness',
		'Assumption: steady delivery builds confidence over years, not months (claim 4)'
	),
	/*#__PURE__*/ sig(
		'signalInvolvement',
		'Joint action',
		0.5,
		0.2,
		1,
		'intent gain a month for members co-designing or co-producing',
		`${SEED}, claim 1 ("take joint action"); size is an assumption`
	),
	/*#__PURE__*/ sig(
		'signalStaffLeaving',
		'Staff leaving',
		0.25,
		0.1,
		0.5,
		'intent loss per unit of monthly staff turnover',
		'Commissioning context: leavers take relationships with them; size is an assumption'
	),
	/*#__PURE__*/ sig(
		'signalKeyWorker',
		'A key worker leaves',
		0.6,
		0.3,
		1.2,
		"intent loss in the key worker's segment",
		`${SEED}, claim 4; size is an assumption`
	),
	/*#__PURE__*/ sig(
		'signalSystemBroken',
		'The wider system breaks a promise',
		0.3,
		0.1,
		0.6,
		'integrity loss to everyone',
		`${SEED}, claim 3; size is an assumption`
	),
	/*#__PURE__*/ sig(
		'signalBadPress',
		'Bad press',
		0.8,
		0.4,
		1.6,
		'competence and results loss to everyone',
		'Slovic (1993): negative events are heard loudly; size is an assumption'
	),
	/*#__PURE__*/ a(
		'badPressCandour',
		'Bad press softened by transparency',
		0.5,
		0.2,
		0.8,
		'uniform',
		'share',
		'Full transparency cuts the cost of bad press by this share.',
		`${SEED}, claim 6 (candour)`,
		'Signals',
		'run.ts'
	),
	// Trust.
	/*#__PURE__*/ a(
		'forgetting',
		'Forgetting of performance',
		0.01,
		0.003,
		0.03,
		'log-uniform',
		'per month',
		'Competence and results drift back to the baseline at this rate without news.',
		'Jøsang & Ismail (2002), beta reputation with forgetting; rate is an assumption',
		'Trust',
		'trust.ts'
	),
	/*#__PURE__*/ a(
		'characterFade',
		'Fading of character trust',
		0.01,
		0.003,
		0.03,
		'log-uniform',
		'per month',
		'Integrity and intent above the baseline fade at this rate without fresh evidence (a deficit does not heal).',
		'Schweitzer et al. (2006); rate is an assumption',
		'Trust',
		'trust.ts'
	),
	// Scepticism.
	/*#__PURE__*/ a(
		'scepticismBroken',
		'Scepticism from a broken promise',
		0.2,
		0.1,
		0.4,
		'uniform',
		'share of the gap',
		"A member's own broken promise moves them this far towards full scepticism.",
		`${SEED}, claim 3`,
		'Scepticism',
		'trust.ts'
	),
	/*#__PURE__*/ a(
		'scepticismSystem',
		'Scepticism from the wider system',
		0.08,
		0.03,
		0.16,
		'uniform',
		'share of the gap',
		'A promise the wider system breaks moves everyone this far towards full scepticism.',
		`${SEED}, claim 3`,
		'Scepticism',
		'trust.ts'
	),
	/*#__PURE__*/ a(
		'scepticismFatigue',
		'Consultation fatigue',
		0.1,
		0.04,
		0.2,
		'uniform',
		'share of the gap',
		'Being told nothing will come of what one said moves a member this far towards full scepticism (less where power is shared).',
		`${SEED}, claim 3 (the Hounslow conversations); size is an assumption`,
		'Scepticism',
		'trust.ts'
	),
	/*#__PURE__*/ a(
		'scepticismActed',
		'Scepticism eased by being heard',
		0.05,
		0.02,
		0.1,
		'uniform',
		'share',
		"Seeing their own contribution acted on lowers a member's scepticism by this share.",
		`${SEED}, claim 3`,
		'Scepticism',
		'trust.ts'
	),
	/*#__PURE__*/ a(
		'scepticismHeardActed',
		'Scepticism eased by news of action',
		0.02,
		0.005,
		0.05,
		'log-uniform',
		'share per unit heard',
		'Hearing that contributions were acted on lowers scepticism a month.',
		`${SEED}, claim 3`,
		'Scepticism',
		'trust.ts'
	),
	/*#__PURE__*/ a(
		'scepticismFade',
		'Scepticism fading',
		0.003,
		0.001,
		0.01,
		'log-uniform',
		'per month',
		'Old disappointments fade this much a month without news (a half-life of about 19 years).',
		'Assumption: scepticism outlasts any one provider but is not permanent (Big Local: agency grows over a decade; Popay et al. 2023)',
		'Scepticism',
		'trust.ts'
	),
	// Word of mouth.
	/*#__PURE__*/ a(
		'newsReach',
		'Peers who hear of each case',
		6,
		2,
		15,
		'log-uniform',
		'people per case',
		'How many people in a segment hear of each contribution acted on, promise broken, success or failure found out.',
		"Assumption: a handful of close contacts (Dunbar's innermost layers of about 5 and 15)",
		'Word of mouth',
		'run.ts'
	),
	/*#__PURE__*/ a(
		'newsStrength',
		'Strength of news',
		2,
		1,
		4,
		'uniform',
		'times word of mouth',
		'A piece of news heard from peers counts this many times `trust.wordOfMouth` of a first-hand experience.',
		'Assumption',
		'Word of mouth',
		'run.ts'
	),
	/*#__PURE__*/ a(
		'peerContact',
		'Peer contact that moves opinion',
		0.25,
		0.1,
		0.5,
		'uniform',
		'share a month',
		"Share of a month's peer contact that moves opinions; scales the convergence rate.",
		'Deffuant et al. (2000) give μ per encounter; encounters a month are an assumption',
		'Word of mouth',
		'members.ts'
	),
	// Ladder.
	/*#__PURE__*/ a(
		'climbConsulted',
		'Trust needed to be consulted',
		0.3,
		0.2,
		0.4,
		'uniform',
		'0 to 1',
		'Overall trust at which an informed member accepts an invitation to a conversation half the time.',
		'Assumption around the baseline propensity to trust, about 0.5 (Johnson & Mislin 2011)',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'climbEngaged',
		'Trust needed to join in',
		0.4,
		0.3,
		0.5,
		'uniform',
		'0 to 1',
		'Overall trust at which a consulted member joins regular activity half the time.',
		'Assumption: people "show up" when they trust (seed text)',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'climbCoDesigning',
		'Trust needed to co-design',
		0.45,
		0.35,
		0.55,
		'uniform',
		'0 to 1',
		'Overall trust at which an engaged member takes up an invitation to co-design half the time.',
		'Assumption',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'climbCoProducing',
		'Trust needed to co-produce',
		0.5,
		0.4,
		0.6,
		'uniform',
		'0 to 1',
		'Overall trust at which a co-designing member takes up co-producing half the time.',
		'Assumption',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'rampHalfWidth',
		'Softness of the trust thresholds',
		0.1,
		0.05,
		0.2,
		'uniform',
		'0 to 1',
		'Half-width of the smooth step around each climbing threshold.',
		'Assumption: people differ, so thresholds are not cliffs',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'hysteresis',
		'Trust margin before slipping back',
		0.05,
		0.02,
		0.1,
		'uniform',
		'0 to 1',
		'Members slip off a rung when trust falls this far below what got them there.',
		'Assumption',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'inviteAware',
		'Outreach',
		0.08,
		0.04,
		0.16,
		'uniform',
		'per month',
		'Monthly invitation to learn of the service, at full presence.',
		'Assumption: most residents know of the service within a few years (calibrated with the share informed)',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'inviteConsult',
		'Invitation at a conversation',
		0.15,
		0.08,
		0.3,
		'uniform',
		'per conversation',
		'Chance that an informed member is invited into a community conversation, at full presence.',
		'Calibrated: about a fifth of adults take part in a consultation in a year (Community Life Survey 2019/20: 21%)',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'inviteConsultOtherwise',
		'Consulted between conversations',
		0.005,
		0.001,
		0.02,
		'log-uniform',
		'per month',
		'Monthly chance of being consulted outside a conversation.',
		'Assumption',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'inviteEngage',
		'Invitation to join in',
		0.05,
		0.025,
		0.1,
		'uniform',
		'per month',
		'Monthly invitation for a consulted member to join regular activity, at full presence.',
		'Assumption',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'inviteCoDesign',
		'Invitation to co-design',
		0.06,
		0.03,
		0.12,
		'uniform',
		'per month',
		'Monthly invitation to co-design at full power sharing and presence.',
		'Calibrated: under a tenth of adults in decision-making groups (Community Life Survey 2019/20: 8%)',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'inviteCoProduce',
		'Invitation to co-produce',
		0.05,
		0.025,
		0.1,
		'uniform',
		'per month',
		'Monthly invitation to co-produce at full power sharing and presence (scaled by both).',
		'Assumption',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'rigidityCloses',
		'Rigid KPIs close the top of the ladder',
		0.5,
		0.25,
		0.8,
		'uniform',
		'share',
		'Fully rigid KPIs cut invitations to co-design and co-produce by this share.',
		`${SEED}, claim 8`,
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'neglectInformed',
		'Forgetting the service',
		0.005,
		0.001,
		0.02,
		'log-uniform',
		'per month',
		'Monthly chance an informed member drifts back to unaware when the provider is absent.',
		'Assumption',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'neglectConsulted',
		'Drifting out of consultation',
		0.06,
		0.03,
		0.12,
		'uniform',
		'per month',
		'Monthly chance a consulted member drifts back to informed when the provider is absent.',
		'Calibrated with the share taking part in a year (Community Life Survey 2019/20)',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'neglectActive',
		'Drifting out of activity',
		0.03,
		0.015,
		0.06,
		'uniform',
		'per month',
		'Monthly chance an engaged, co-designing or co-producing member drifts down a rung when the provider is absent.',
		'Assumption',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'presencePreventsNeglect',
		'Presence keeps people involved',
		0.5,
		0.3,
		0.8,
		'uniform',
		'share',
		'A fully present provider prevents this share of drift through neglect.',
		'Assumption',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'lowTrustFall',
		'Stepping down for lack of trust',
		0.15,
		0.05,
		0.3,
		'uniform',
		'per month',
		'Monthly chance of stepping down when trust is well below what the rung needs.',
		'Assumption',
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'scepticismDampsClimb',
		'Scepticism holds people back',
		0.5,
		0.2,
		0.8,
		'uniform',
		'share',
		'Full scepticism lowers the chance of accepting any invitation by this share.',
		`${SEED}, claim 3`,
		'Ladder',
		'ladder.ts'
	),
	/*#__PURE__*/ a(
		'brokenPromiseDrop',
		'Rungs lost on a broken promise',
		2,
		1,
		3,
		'uniform',
		'rungs',
		'A broken promise drops a member this many rungs (never below informed).',
		`${SEED}, claim 3 ("leaves like a rocket ship", claim 5)`,
		'Ladder',
		'ladder.ts',
		true
	),
	// Listening.
	/*#__PURE__*/ a(
		'rigidityLocksLatitude',
		'Pre-set aims take away latitude',
		0.5,
		0.25,
		0.8,
		'uniform',
		'share',
		'Fully rigid KPIs take away this share of the latitude to act on what is heard.',
		`${SEED}, claim 8 ("we didn't have the latitude")`,
		'Listening',
		'listening.ts'
	),
	/*#__PURE__*/ a(
		'rungUplift',
		'More to say higher up the ladder',
		0.3,
		0.1,
		0.6,
		'uniform',
		'per rung',
		'Ideas a year rise by this share for each rung above consulted.',
		'Assumption',
		'Listening',
		'listening.ts'
	),
	/*#__PURE__*/ a(
		'betweenConversations',
		'Ideas put forward between conversations',
		0.25,
		0.1,
		0.5,
		'uniform',
		'share',
		'Members engaged or higher put forward this share of their ideas directly, between conversations.',
		'Assumption',
		'Listening',
		'listening.ts'
	),
	// Provider.
	/*#__PURE__*/ a(
		'presenceFromRelationships',
		'Presence that rests on relationships',
		0.5,
		0.3,
		0.7,
		'uniform',
		'share',
		"Share of the provider's presence that depends on its staff's relationships.",
		`${SEED}, claim 4`,
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'relationshipRebuild',
		'Rebuilding relationships',
		0.03,
		0.015,
		0.06,
		'log-uniform',
		'per month',
		'Staff who stay rebuild this share of lost relationships a month: embedding takes years.',
		`${SEED}, claim 4 ("without time to embed ourselves")`,
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'newProviderRelationships',
		'Relationships a new provider brings',
		0.2,
		0.1,
		0.4,
		'uniform',
		'share',
		'A new provider starts with this share of relationships, plus what it inherits.',
		'Commissioning context (continuity lost at re-procurement)',
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'turnoverCompetenceLoss',
		'Competence lost with staff',
		0.5,
		0.25,
		1,
		'uniform',
		'share',
		'Competence lost per unit of staff turnover, as a share of what was learnt.',
		'Assumption',
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'routineLearning',
		'Learning from delivery',
		0.04,
		0.02,
		0.08,
		'log-uniform',
		'per month',
		'Monthly learning from routine delivery (local knowledge), before the learning rate.',
		'Assumption',
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'initiativeLearning',
		'Learning from initiatives',
		2,
		1,
		4,
		'uniform',
		'per share of community',
		'Learning from initiative outcomes, relative to community size, before the learning rate.',
		`${SEED}, claim 9`,
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'kpiBase',
		'Attainment with no effectiveness',
		0.55,
		0.45,
		0.65,
		'uniform',
		'share',
		'KPI attainment a provider reaches on committed activity with no effectiveness at all.',
		'Assumption: a typical provider meets most reviews (attainment about 0.94 against the 0.85 target)',
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'turnoutBase',
		'Turnout without trust',
		0.5,
		0.3,
		0.7,
		'uniform',
		'share',
		'People turn up in proportion to trust: turnout is this plus mean trust (at most 1).',
		'Seed text: "whether people trust you or not will dictate whether they show up"',
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'pullStrength',
		'Pull into targets before a review',
		1.5,
		0.5,
		3,
		'uniform',
		'per unit shortfall',
		'How hard a provider behind target pulls capacity from listening into target delivery before a review.',
		'Lowe & Wilson (2017) on gaming targets; size is an assumption',
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'targetChasing',
		'Fit lost to target chasing',
		0.3,
		0.1,
		0.5,
		'uniform',
		'share',
		'Fully rigid KPIs cut by this share how well the service people experience fits what they need.',
		"Lowe & Wilson (2017); Goodhart's and Campbell's laws; Lowe et al. (2021), Human Learning Systems",
		'Provider',
		'run.ts'
	),
	/*#__PURE__*/ a(
		'devolvedCapacity',
		'Devolved budget',
		2.5,
		1,
		4,
		'uniform',
		'times capacity at full power',
		"A budget the community decides on, at full power sharing, adds this multiple of the provider's capacity, free of targets.",
		`${SEED}, claim 9 (spending without certainty); Big Local's £1m per area (Popay et al. 2023)`,
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'communityHands',
		'What co-producers do themselves',
		0.2,
		0.05,
		0.4,
		'uniform',
		'contributions a month',
		'Contributions a co-producing member acts on themselves each month (half for co-designing).',
		'Kretzmann & McKnight (1993), asset-based community development; seed claim 2',
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'successBase',
		'Chance an initiative succeeds by luck',
		0.2,
		0.1,
		0.3,
		'uniform',
		'probability',
		'Chance of success with no competence.',
		'Assumption',
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'powerFit',
		'Fit from shared power',
		0.5,
		0.25,
		0.75,
		'uniform',
		'share',
		'At full power sharing initiatives fit the community this much better.',
		`${SEED}, claim 1`,
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'oversightSight',
		'Blind spots a diverse group spots',
		0.4,
		0.2,
		0.6,
		'uniform',
		'share',
		'A fully diverse oversight group raises the chance of success by up to this share.',
		`${SEED}, claim 7 (productive tension)`,
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'keyWorkerRelationships',
		'Relationships left after a key worker leaves',
		0.9,
		0.8,
		0.97,
		'uniform',
		'share',
		"A key worker leaving keeps this share of the provider's relationships.",
		'Assumption',
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'fundingCut',
		'Funding left after a cut',
		0.8,
		0.7,
		0.9,
		'uniform',
		'share',
		'A funding cut leaves this share of capacity.',
		'Assumption: cuts of 10 to 30% to public-health grants',
		'Provider',
		'provider.ts'
	),
	/*#__PURE__*/ a(
		'staffTurnoverNoise',
		'Month-to-month variation in staff leaving',
		0.5,
		0.2,
		1,
		'uniform',
		'coefficient of variation',
		'Spread of the monthly share of staff leaving.',
		'Assumption',
		'Provider',
		'run.ts'
	),
	// Contract.
	/*#__PURE__*/ a(
		'noticeMonths',
		'Notice before a term ends',
		6,
		3,
		12,
		'uniform',
		'months',
		'The commissioner decides this long before a term ends (at most half the term); a re-procurement is uncertain from then on.',
		'Assumption: procurement timetables of six to twelve months',
		'Contract',
		'contract.ts',
		true
	),
	/*#__PURE__*/ a(
		'gradeScale',
		"Slope of the commissioner's decision",
		0.04,
		0.02,
		0.08,
		'uniform',
		'attainment',
		'How far from the target attainment must be to move the chance of extension from even to about 73%.',
		'Assumption: graded, not a cliff (issue of rigid thresholds; Lowe & Wilson 2017)',
		'Contract',
		'contract.ts'
	),
	/*#__PURE__*/ a(
		'retainFloor',
		"Incumbent's chance with the worst record",
		0.5,
		0.25,
		0.75,
		'uniform',
		'share',
		'An incumbent with the worst record keeps this share of its chance to win re-procurement.',
		'Assumption',
		'Contract',
		'contract.ts'
	),
	/*#__PURE__*/ a(
		'communityVoice',
		"The community's say in re-procurement",
		1,
		0,
		2,
		'uniform',
		'times power shared × trust',
		'Where power is shared, the community backs a provider it trusts at re-procurement: the chance the incumbent stays rises by this times power sharing times mean trust (of the chance it would otherwise lose).',
		"Provider Selection Regime 2023 (integration, social value; direct award C); Slovic (1993): a citizens' board with real authority; size is an assumption",
		'Contract',
		'contract.ts'
	),
	/*#__PURE__*/ a(
		'mobilisationStart',
		'Capacity at the start of mobilisation',
		1 / 3,
		0.2,
		0.5,
		'uniform',
		'share',
		'A new provider starts mobilisation at this share of capacity.',
		'Assumption; mobilisation 3 to 6 months (NAO)',
		'Contract',
		'contract.ts'
	),
	// Partners.
	/*#__PURE__*/ a(
		'partnerCushion',
		'Losses a partner cushions',
		0.3,
		0.1,
		0.5,
		'uniform',
		'share',
		'Losses to members linked to an active partner are cut by this share.',
		`${SEED}, claim 6`,
		'Partners',
		'members.ts'
	),
	/*#__PURE__*/ a(
		'partnerLeavingShare',
		'Trust that leaves with a partner',
		0.5,
		0.25,
		0.75,
		'uniform',
		'share',
		'Share of borrowed trust that leaves when a partner leaves; also scales the loss felt then.',
		`${SEED}, claim 6`,
		'Partners',
		'members.ts'
	),
	/*#__PURE__*/ a(
		'partnerReachBoost',
		'Partners introduce people',
		0.8,
		0.4,
		1.5,
		'uniform',
		'share',
		'A member linked to a partner is this much easier to reach.',
		`${SEED}, claim 6`,
		'Partners',
		'community.ts'
	),
	/*#__PURE__*/ a(
		'partnerContinuity',
		'Partners carry trust across a change',
		0.5,
		0.2,
		0.8,
		'uniform',
		'share',
		'At a change of provider, members linked to an active partner keep this share of the trust they would lose.',
		`${SEED}, claim 6`,
		'Partners',
		'run.ts'
	),
	// Outcomes.
	/*#__PURE__*/ a(
		'assetsStay',
		'What the community keeps through a change',
		0.5,
		0,
		0.8,
		'uniform',
		'share at full power',
		'At a change of provider, where power was fully shared, members keep this share of the trust they would otherwise lose: the community holds the relationships and assets it built (scaled by power sharing).',
		'Kretzmann & McKnight (1993), asset-based community development; seed claim 2; size is an assumption',
		'Partners',
		'run.ts'
	),
	/*#__PURE__*/ a(
		'serviceUseShare',
		'Behaviour change among occasional users',
		0.3,
		0.1,
		0.5,
		'uniform',
		'share',
		'Informed and consulted members change behaviour at this share of the rate of those engaged.',
		"Assumption; bounded by O'Mara-Eves et al. (2015)",
		'Outcomes',
		'run.ts'
	),
	/*#__PURE__*/ a(
		'outcomeQuality',
		'Behaviour change that rests on service quality',
		0.5,
		0.25,
		0.75,
		'uniform',
		'share',
		'Share of the behaviour-change rate that depends on how effective and well-fitted the service is.',
		"Assumption; bounded by O'Mara-Eves et al. (2015)",
		'Outcomes',
		'run.ts'
	),
	// Community.
	/*#__PURE__*/ a(
		'individualSpread',
		'Individual variation',
		0.08,
		0.04,
		0.15,
		'uniform',
		'0 to 1',
		"Spread of individual starting trust and scepticism around the segment's value.",
		'Assumption',
		'Community',
		'community.ts'
	),
	/*#__PURE__*/ a(
		'startTrustShift',
		'Starting trust of this community',
		0,
		-0.05,
		0.05,
		'triangular',
		'0 to 1',
		"Added to every segment's starting trust: how far this community's trust in a new provider may stand from the segments' values, which rest on national figures.",
		'Assumption: a given area is rarely measured; ±0.05 keeps the starting trust of `typical` near the national 42% (ONS Trust in Government 2022), within the calibration tolerance of 0.38 to 0.47',
		'Community',
		'community.ts'
	),
	/*#__PURE__*/ a(
		'startScepticismShift',
		'Starting scepticism of this community',
		0,
		-0.1,
		0.1,
		'triangular',
		'0 to 1',
		'Added to every segment\'s starting scepticism of "the system".',
		'Assumption: ONS 2023, two-thirds have little or no confidence that they have a say; how far a given area differs is not known',
		'Community',
		'community.ts'
	),
	/*#__PURE__*/ a(
		'reachabilityScale',
		'How easily this community is reached',
		1,
		0.75,
		1.33,
		'log-uniform',
		'times',
		"Multiplies every segment's reachability.",
		'Assumption: each end alone keeps taking part on `typical` at about 19% to 30% of residents a year (Community Life Survey 2019/20: 21%)',
		'Community',
		'community.ts'
	)
] as const;

/** Names of the internal constants. */
export type ConstantKey = (typeof LIST)[number]['key'];

/** Every internal constant with its range and source. */
export const ASSUMPTIONS: readonly AssumptionSpec[] = LIST;

/** Every internal constant's value, by name: what a run reads. */
export type ModelConstants = Record<ConstantKey, number>;

function a<K extends string>(
	key: K,
	label: string,
	value: number,
	min: number,
	max: number,
	shape: AssumptionShape,
	unit: string,
	meaning: string,
	source: string,
	group: AssumptionGroup,
	file: string,
	integer = false
): Omit<AssumptionSpec, 'key'> & { key: K } {
	return {
		key,
		label,
		default: value,
		min,
		max,
		shape,
		unit,
		meaning,
		source,
		group,
		file,
		integer
	};
}

function sig<K extends string>(
	key: K,
	label: string,
	value: number,
	min: number,
	max: number,
	effect: string,
	source: string
): Omit<AssumptionSpec, 'key'> & { key: K } {
	return a(
		key,
		label,
		value,
		min,
		max,
		'uniform',
		'signal',
		`${label}: ${effect}, in units of one good experience.`,
		source,
		'Signals',
		'members.ts'
	);
}

/** The default value of every internal constant. */
export const DEFAULT_CONSTANTS: Readonly<ModelConstants> = /*#__PURE__*/ defaults(LIST);

function defaults(list: typeof LIST): Readonly<ModelConstants> {
	return Object.freeze(Object.fromEntries(list.map((x) => [x.key, x.default])) as ModelConstants);
}
