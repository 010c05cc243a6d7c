import { describe, expect, it } from 'vitest';
import { PRESETS, presetById, simulate } from '../../../src/lib/sim';
import {
	actionFor,
	addStep,
	answerLevel,
	answerMeaning,
	answerOf,
	changedLevers,
	clampIndex,
	createPlayback,
	defaultStoryline,
	isTypingTarget,
	leverSpecs,
	leverText,
	moveStep,
	nextMove,
	optionByKey,
	optionFor,
	optionRange,
	pause,
	play,
	PREDICT_OPTIONS,
	previousIndex,
	questionText,
	recordPick,
	removeStep,
	reveal,
	scrub,
	setSpeed,
	snapLever,
	startProgress,
	startReveal,
	tick,
	toEnd,
	toggle,
	updateStep,
	verdict,
	wholeMonths,
	withLevers,
	withMonths
} from '../../../src/lib/features/workshop';
import { checkStoryline } from '../../../src/lib/db/storyline';

const typical = () => {
	const p = presetById('typical');
	if (!p) throw new Error('no typical preset');
	return p.scenario;
};

describe('the default storyline', () => {
	it('holds every preset once, in teaching order, each asking a different question', () => {
		const story = defaultStoryline();
		const ids = story.steps.map((s) => (s.source.kind === 'preset' ? s.source.presetId : ''));
		expect(ids).toEqual(['typical', 'consult-no-act', 'churn', 'towards', 'courage']);
		expect(new Set(ids)).toEqual(new Set(PRESETS.map((p) => p.id)));
		expect(story.steps.map((s) => s.question)).toEqual([
			'trustAtYear5',
			'collapse',
			'providerChanges',
			'codesign',
			'monthsToTrust'
		]);
		expect(story.steps.every((s) => s.notes.length > 0)).toBe(true);
		expect(checkStoryline(story).ok).toBe(true);
	});
});

describe('editing a storyline', () => {
	it('adds, moves, removes and annotates steps without changing the original', () => {
		const story = defaultStoryline();
		const added = addStep(story, { kind: 'scenario', scenarioId: 'abc' }, 1);
		expect(added.steps).toHaveLength(6);
		expect(added.steps[1].source).toEqual({ kind: 'scenario', scenarioId: 'abc' });
		expect(new Set(added.steps.map((s) => s.id)).size).toBe(6);
		expect(story.steps).toHaveLength(5);

		const first = story.steps[0].id;
		const moved = moveStep(story, first, 2);
		expect(moved.steps.map((s) => s.id).indexOf(first)).toBe(2);
		expect(moveStep(story, first, -1)).toBe(story);
		expect(moveStep(story, first, 99).steps.at(-1)?.id).toBe(first);

		const noted = updateStep(story, first, { notes: 'Hello', question: 'none' });
		expect(noted.steps[0]).toMatchObject({ notes: 'Hello', question: 'none' });
		expect(story.steps[0].notes).not.toBe('Hello');

		expect(removeStep(story, first).steps.map((s) => s.id)).not.toContain(first);
	});

	it('rejects duplicate step ids, unknown questions and sources, with plain messages', () => {
		const story = defaultStoryline();
		const dup = { ...story, steps: [story.steps[0], story.steps[0]] };
		const r1 = checkStoryline(dup);
		expect(r1.ok).toBe(false);
		if (!r1.ok) expect(r1.error[0].message).toBe('Step 2 needs an id of its own.');
		const r2 = checkStoryline({
			...story,
			steps: [{ ...story.steps[0], question: 'maybe', source: { kind: 'web' } }]
		});
		expect(r2.ok).toBe(false);
		if (!r2.ok)
			expect(r2.error.map((e) => e.message)).toEqual([
				'Step 1 has no scenario.',
				'Step 1 asks an unknown question.'
			]);
		expect(checkStoryline('nope').ok).toBe(false);
	});
});

describe('predictions', () => {
	it('asks the default question with the threshold as people say it', () => {
		expect(questionText('reachWithinContract', typical())).toBe(
			'Will trust pass 0.6 within the contract?'
		);
		expect(questionText('aboveAtHorizon', typical())).toBe(
			'Will trust be at or above 0.6 in the final year of 10 years?'
		);
	});

	it('covers every probability with exactly one option, keyed 1 to 5', () => {
		expect(PREDICT_OPTIONS.map((o) => o.key)).toEqual([1, 2, 3, 4, 5]);
		for (let p = 0; p <= 1.0001; p += 0.01) {
			const hits = PREDICT_OPTIONS.filter(
				(o) => (p >= o.min && p < o.max) || (o.max === 1 && p >= 1)
			);
			expect(hits.length, `p=${p}`).toBe(1);
			expect(optionFor(p)).toBe(hits[0]);
		}
		expect(optionFor(0.05).key).toBe(1);
		expect(optionFor(0.5).key).toBe(3);
		expect(optionFor(1).key).toBe(5);
		expect(optionByKey(4)?.label).toBe('Likely');
		expect(optionByKey(9)).toBeUndefined();
	});

	it('says how the room did against the simulation', () => {
		const likely = optionByKey(4);
		if (!likely) throw new Error('no option 4');
		expect(verdict(likely, 0.7)).toBe('The room called it.');
		expect(verdict(likely, 0.5)).toContain('a little higher');
		expect(verdict(likely, 0.02)).toContain('higher than the simulation: almost never');
		const never = optionByKey(1);
		if (!never) throw new Error('no option 1');
		expect(verdict(never, 0.95)).toContain('lower');
	});

	it('answers "within the contract" from the time-to-trust curve at the contract end', () => {
		const s = { ...typical(), runs: 60 };
		const summary = simulate(s);
		const a = answerOf('reachWithinContract', s, summary);
		expect(a.runs).toBe(60);
		const within = summary.perRun.monthsToTrust.filter(
			(m) => m !== -1 && m <= s.contract.lengthMonths
		).length;
		expect(a.value).toBeCloseTo(within / 60, 10);
		expect(answerOf('collapse', s, summary).value).toBe(summary.probabilities.collapse.p);
		expect(answerOf('aboveAtHorizon', s, summary).value).toBe(
			summary.probabilities.trustAboveThreshold.p
		);
		expect(answerOf('codesign', s, summary).value).toBe(summary.probabilities.reachesCodesigning.p);
		// Beside each chance, a level: trust against the threshold, or the share co-designing.
		expect(answerLevel('reachWithinContract', s, summary)).toBe(
			`Median trust at month 36: ${summary.series.trust.p50[35].toFixed(2)}, from ${summary.series.trust.p50[0].toFixed(2)} at the start; the threshold is 0.6.`
		);
		expect(answerLevel('aboveAtHorizon', s, summary)).toMatch(
			/^Median trust in the final year: \d\.\d\d \(middle half of futures \d\.\d\d to \d\.\d\d\), from \d\.\d\d at the start; the threshold is 0\.6\.$/
		);
		expect(answerLevel('collapse', s, summary)).toMatch(/^Median lowest trust: \d\.\d\d/);
		expect(answerLevel('codesign', s, summary)).toMatch(
			/^On average in the final year, (\d+%|under 1%|0%) of the community is co-designing or higher and (\d+%|under 1%) engaged or higher\.$/
		);
		// A question whose answer is a level already has none beside it.
		expect(answerLevel('finalTrust', s, summary)).toBe('');
		// A contract longer than the horizon is read at the horizon.
		const long = { ...s, contract: { ...s.contract, lengthMonths: 500 } };
		expect(answerOf('reachWithinContract', long, summary).value).toBe(summary.timeToTrust.at(-1));
	});

	it('puts every question in words for the scenario', () => {
		const s = typical();
		expect(questionText('collapse', s)).toBe('Will trust collapse at some point?');
		expect(questionText('codesign', s)).toBe(
			'Will the community be co-designing in the final year?'
		);
		expect(answerMeaning('collapse', s)).toBe(
			'of simulated futures see trust collapse: a fall of 15% or more within 6 months'
		);
		expect(answerMeaning('aboveAtHorizon', s)).toBe(
			'of simulated futures have trust at or above 0.6 on average over the final year of 10 years'
		);
		expect(
			questionText('reachWithinContract', { ...s, trust: { ...s.trust, threshold: 0.55 } })
		).toBe('Will trust pass 0.55 within the contract?');
		expect(answerMeaning('reachWithinContract', s)).toBe(
			'of simulated futures reach trust 0.6 by the end of the first contract (3 years)'
		);
		expect(optionRange(PREDICT_OPTIONS[0])).toBe('under 10% of futures');
		expect(optionRange(PREDICT_OPTIONS[2])).toBe('40% to 60% of futures');
		expect(optionRange(PREDICT_OPTIONS[4])).toBe('90% or more of futures');
	});
});

describe('stepping through a workshop', () => {
	it('next reveals a step before moving on, and stops at the last step', () => {
		expect(nextMove(0, 5, 'predict')).toEqual({ type: 'reveal' });
		expect(nextMove(0, 5, 'revealed')).toEqual({ type: 'go', index: 1 });
		expect(nextMove(4, 5, 'revealed')).toEqual({ type: 'stay' });
		expect(previousIndex(0)).toBe(0);
		expect(previousIndex(3)).toBe(2);
		expect(clampIndex(9, 5)).toBe(4);
		expect(clampIndex(-2, 5)).toBe(0);
		expect(clampIndex(Number.NaN, 5)).toBe(0);
	});

	it('records a pick only while predicting; a step with no question starts revealed', () => {
		const p = startProgress('reachWithinContract');
		expect(p).toEqual({ phase: 'predict', pick: null, votes: null });
		const picked = recordPick(p, 3);
		expect(picked.pick).toBe(3);
		expect(recordPick(picked, 3).pick).toBeNull();
		const shown = reveal(picked);
		expect(shown).toEqual({ phase: 'revealed', pick: 3, votes: null });
		expect(recordPick(shown, 1)).toBe(shown);
		expect(startProgress('none').phase).toBe('revealed');
	});
});

describe('keys', () => {
	it('maps presenter keys and clicker keys to actions', () => {
		const a = (key: string) => actionFor({ key })?.type ?? null;
		expect(a('ArrowRight')).toBe('next');
		expect(a('PageDown')).toBe('next');
		expect(a('ArrowLeft')).toBe('previous');
		expect(a('PageUp')).toBe('previous');
		expect(a(' ')).toBe('playPause');
		expect(a('k')).toBe('playPause');
		expect(a('R')).toBe('reveal');
		expect(a('Enter')).toBe('reveal');
		expect(a('f')).toBe('fullscreen');
		expect(a('?')).toBe('help');
		expect(a('h')).toBe('help');
		expect(a('n')).toBe('notes');
		expect(actionFor({ key: '3' })).toEqual({ type: 'pick', option: 3 });
		expect(a('6')).toBeNull();
		expect(a('x')).toBeNull();
	});

	it('leaves keys alone while typing, with modifiers, and Space or Enter on a button', () => {
		expect(actionFor({ key: 'ArrowRight' }, { tagName: 'INPUT', type: 'range' })).toBeNull();
		expect(actionFor({ key: 'r' }, { tagName: 'textarea' })).toBeNull();
		expect(actionFor({ key: 'f' }, { tagName: 'DIV', isContentEditable: true })).toBeNull();
		expect(actionFor({ key: '1' }, { tagName: 'SELECT' })).toBeNull();
		expect(actionFor({ key: 'r', ctrlKey: true })).toBeNull();
		expect(actionFor({ key: 'f', metaKey: true })).toBeNull();
		expect(actionFor({ key: ' ' }, { tagName: 'BUTTON' })).toBeNull();
		expect(actionFor({ key: 'Enter' }, { tagName: 'A' })).toBeNull();
		expect(actionFor({ key: 'ArrowRight' }, { tagName: 'BUTTON' })).toEqual({ type: 'next' });
		expect(isTypingTarget(null)).toBe(false);
		expect(isTypingTarget({ tagName: 'BODY' })).toBe(false);
	});
});

describe('the playback clock', () => {
	it('advances at its speed while playing and stops at the end', () => {
		let p = play(createPlayback(120, 10));
		p = tick(p, 500);
		expect(p.month).toBeCloseTo(5);
		expect(wholeMonths(p)).toBe(5);
		p = tick(pause(p), 1000);
		expect(p.month).toBeCloseTo(5);
		p = tick(play(p), 60_000);
		expect(p.month).toBe(120);
		expect(p.playing).toBe(false);
	});

	it('plays again from the start after the end; toggles; scrubs to whole months', () => {
		const end = toEnd(createPlayback(24));
		expect(play(end).month).toBe(0);
		expect(toggle(toggle(end)).playing).toBe(false);
		const s = scrub(play(createPlayback(24)), 7.6);
		expect(s).toMatchObject({ month: 8, playing: false });
		expect(scrub(s, 99).month).toBe(24);
		expect(scrub(s, -3).month).toBe(0);
		expect(setSpeed(s, 0).speed).toBe(s.speed);
		expect(withMonths(toEnd(createPlayback(120)), 60).month).toBe(60);
	});

	it('jumps to the end instead of animating when motion should be reduced', () => {
		const p = createPlayback(120);
		expect(startReveal(p, true)).toMatchObject({ month: 120, playing: false });
		expect(startReveal(toEnd(p), false)).toMatchObject({ month: 0, playing: true });
	});
});

describe('quick levers', () => {
	it('are the four registry parameters with their labels and ranges', () => {
		const specs = leverSpecs();
		expect(specs.map((s) => s.path)).toEqual([
			'contract.lengthMonths',
			'kpi.rigidity',
			'power.sharing',
			'partners.count'
		]);
		expect(specs.every((s) => s.label.length > 0 && s.max > s.min)).toBe(true);
	});

	it('apply snapped values to a copy of the scenario and report what changed', () => {
		const s = typical();
		const [length, rigidity, , partners] = leverSpecs();
		expect(snapLever(length, 37.4)).toBe(37);
		expect(snapLever(rigidity, 0.333)).toBe(0.33);
		expect(snapLever(partners, 99)).toBe(partners.max);
		const t = withLevers(s, { 'contract.lengthMonths': 60, 'kpi.rigidity': 0.2 });
		expect(t.contract.lengthMonths).toBe(60);
		expect(t.kpi.rigidity).toBe(0.2);
		expect(s.contract.lengthMonths).toBe(36);
		expect(changedLevers(s, { 'contract.lengthMonths': 60, 'power.sharing': 0.2 })).toEqual([
			'contract.lengthMonths'
		]);
		expect(leverText(length, 36)).toBe('36 months (3 years)');
		expect(leverText(length, 30)).toBe('30 months');
		expect(leverText(rigidity, 0.8)).toBe('0.80');
		expect(leverText(partners, 1)).toBe('1 organisation');
		expect(leverText(partners, 4)).toBe('4 organisations');
	});
});
