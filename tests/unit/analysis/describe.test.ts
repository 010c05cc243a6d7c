import { describe, expect, it } from 'vitest';
import { checkDescription, designSummary, readNumber } from '$lib/analysis/describe';
import { PRESETS, presetById, setParam, type Scenario } from '$lib/sim';

const TOWARDS = presetById('towards')?.scenario as Scenario;

/** The towards example with some settings changed. */
function withSettings(changes: Record<string, number>): Scenario {
	let s = TOWARDS;
	for (const [path, value] of Object.entries(changes)) s = setParam(s, path, value);
	return s;
}

const messages = (text: string, s: Scenario) => checkDescription(text, s).map((m) => m.message);
const kinds = (text: string, s: Scenario) => checkDescription(text, s).map((m) => m.kind);

describe('readNumber', () => {
	it('reads digits and the words one to twelve', () => {
		expect(readNumber('7')).toBe(7);
		expect(readNumber('2.5')).toBe(2.5);
		expect(readNumber('Five')).toBe(5);
		expect(readNumber('twelve')).toBe(12);
		expect(readNumber('thirteen')).toBeNaN();
	});
});

describe('checkDescription', () => {
	const moved = withSettings({ 'contract.lengthMonths': 84, 'partners.count': 6 });

	it('flags a five-year contract and four partners after the settings moved to 84 months and 6', () => {
		expect(
			messages('A five-year contract with four community partners, bid for 2027.', moved)
		).toEqual([
			'The description says five-year contract; the settings say 84 months.',
			'The description says four community partners; the settings say 6 partners.'
		]);
	});

	it('says nothing when the same words match the settings', () => {
		expect(messages('A five-year contract with four community partners.', TOWARDS)).toEqual([]);
	});

	it.each([
		['A 5-year contract', 60],
		['A five year contract', 60],
		['a contract of five years', 60],
		['The contract runs for 60 months', 60],
		['a 60-month contract', 60],
		['Contracts re-procured every two years', 24],
		['A seven-year partnership', 84],
		['A 2.5 year contract', 30],
		['A twelve-month contract', 12]
	])('reads “%s” as a contract of %i months', (text, months) => {
		expect(kinds(text, withSettings({ 'contract.lengthMonths': months }))).toEqual([]);
		const other = withSettings({ 'contract.lengthMonths': months === 36 ? 48 : 36 });
		expect(kinds(text, other)).toEqual(['length']);
	});

	it('quotes the words and says the setting', () => {
		const [m] = checkDescription('Five-year contracts for the town.', moved);
		expect(m.said).toBe('Five-year contracts');
		expect(m.settings).toBe('84 months');
	});

	it('leaves a duration alone when nothing in its clause says it is the contract', () => {
		for (const text of [
			'Trust takes five years to build.',
			'Five years, four partners.',
			'Simulated over ten years.',
			'KPIs reviewed every six months.',
			'Men in their 50s, 40 years old.',
			'Between three and five years of contract.',
			'A 3+2 year contract.',
			'Trust over ten years under the contract.'
		])
			expect(
				kinds(text, withSettings({ 'partners.count': 4, 'contract.lengthMonths': 48 })),
				text
			).toEqual([]);
	});

	it('tells an extension and a mobilisation period from the contract length', () => {
		const s = withSettings({
			'contract.lengthMonths': 36,
			'contract.extensionMonths': 24,
			'contract.mobilisationMonths': 3
		});
		const typical =
			'A three-year contract with a two-year extension on performance; the provider mobilises in three months.';
		expect(messages(typical, s)).toEqual([]);
		expect(
			messages(
				typical,
				withSettings({ 'contract.lengthMonths': 36, 'contract.extensionMonths': 36 })
			)
		).toEqual([
			'The description says two-year extension; the settings say an extension of 36 months.',
			'The description says mobilises in three months; the settings say a mobilisation period of 6 months.'
		]);
		expect(
			messages(
				'Two-year contracts with no extension.',
				withSettings({ 'contract.lengthMonths': 24, 'contract.extensionMonths': 12 })
			)
		).toEqual(['The description says no extension; the settings say an extension of 12 months.']);
		expect(
			kinds(
				'A five-year contract with two years more on performance.',
				withSettings({ 'contract.extensionMonths': 12 })
			)
		).toEqual(['extension']);
	});

	it.each([
		['4 partners', 4],
		['four partners', 4],
		['four community partners', 4],
		['One trusted local partner.', 1],
		['no partners at all', 0],
		['Works with 10 delivery partners', 10]
	])('counts “%s” as %i partners', (text, n) => {
		expect(kinds(text, withSettings({ 'partners.count': n }))).toEqual([]);
		expect(kinds(text, withSettings({ 'partners.count': n === 6 ? 5 : 6 }))).toEqual(['partners']);
	});

	it('does not count partners in other phrases', () => {
		const s = withSettings({ 'partners.count': 6 });
		for (const text of [
			'A partnership over five years with partners.',
			'Two more partners join later.',
			'Between three and four partners.',
			'Four years of partners meeting.'
		])
			expect(kinds(text, s), text).toEqual([]);
	});

	it('checks words about KPIs against their rigidity', () => {
		const rigid = withSettings({ 'kpi.rigidity': 0.8 });
		const flexible = withSettings({ 'kpi.rigidity': 0.2 });
		expect(kinds('Fixed KPIs with penalties.', rigid)).toEqual([]);
		expect(messages('Fixed KPIs with penalties.', flexible)).toEqual([
			'The description says Fixed KPIs; the settings say KPI rigidity 0.2 (flexible).'
		]);
		expect(kinds('rigid targets', flexible)).toEqual(['kpi']);
		expect(kinds('Outcomes agreed and revised with the community.', rigid)).toEqual(['kpi']);
		expect(kinds('Outcomes agreed and revised with the community.', flexible)).toEqual([]);
		expect(kinds('flexible KPIs', rigid)).toEqual(['kpi']);
		// Turned round by a negation; too vague when hedged.
		expect(kinds('No fixed targets.', flexible)).toEqual([]);
		expect(kinds('No fixed targets.', rigid)).toEqual(['kpi']);
		expect(kinds('Partly fixed KPIs.', flexible)).toEqual([]);
		// Turned round by a move away or a replacement.
		expect(kinds('We moved from fixed KPIs to outcomes.', flexible)).toEqual([]);
		expect(kinds('Fixed KPIs are replaced by agreed outcomes.', flexible)).toEqual([]);
		expect(kinds('Fixed KPIs are replaced by agreed outcomes.', rigid)).toContain('kpi');
		// An exact value.
		expect(kinds('KPI rigidity 0.2', flexible)).toEqual([]);
		expect(kinds('KPI rigidity of 0.5', flexible)).toEqual(['kpi']);
	});

	it('checks words about power against how much is shared', () => {
		const little = withSettings({ 'power.sharing': 0.1 });
		const much = withSettings({ 'power.sharing': 0.8 });
		expect(kinds('little power to act on what people say', little)).toEqual([]);
		expect(messages('little power to act on what people say', much)).toEqual([
			'The description says little power; the settings say power shared 0.8 on a scale of 0 to 1.'
		]);
		expect(kinds('real latitude to act', little)).toEqual(['power']);
		expect(kinds('a budget the community decides on', little)).toEqual(['power']);
		expect(kinds('The community decides nothing.', little)).toEqual([]);
		expect(kinds('a community-led service', much)).toEqual([]);
		expect(kinds('without real power', much)).toEqual(['power']);
		expect(kinds('power shared 0.8', much)).toEqual([]);
		expect(kinds('power sharing: 0.3', much)).toEqual(['power']);
	});

	it('finds nothing wrong in any example’s description', () => {
		for (const p of PRESETS) expect(messages(p.scenario.description, p.scenario), p.id).toEqual([]);
	});

	it('finds something in each example’s description (so that the check above can fail)', () => {
		for (const p of PRESETS) {
			const s = setParam(
				setParam(
					setParam(p.scenario, 'kpi.rigidity', 1 - p.scenario.kpi.rigidity),
					'power.sharing',
					1 - p.scenario.power.sharing
				),
				'contract.lengthMonths',
				p.scenario.contract.lengthMonths + 1
			);
			expect(checkDescription(p.scenario.description, s).length, p.id).toBeGreaterThan(0);
		}
	});
});

describe('designSummary', () => {
	it('says the design in one line', () => {
		const s = withSettings({
			'contract.lengthMonths': 84,
			'contract.extensionMonths': 0,
			'kpi.rigidity': 0.3,
			'power.sharing': 0.6,
			'partners.count': 6
		});
		expect(designSummary(s)).toBe(
			'84-month contracts, flexible KPIs (rigidity 0.3), power shared 0.6, 6 partners.'
		);
		expect(designSummary(presetById('courage')?.scenario as Scenario)).toBe(
			'84-month contracts with a 36-month extension, flexible KPIs (rigidity 0.1), power shared 0.85, 5 partners.'
		);
		expect(designSummary(withSettings({ 'partners.count': 1, 'kpi.rigidity': 0.5 }))).toContain(
			'partly fixed KPIs (rigidity 0.5), power shared 0.6, 1 partner.'
		);
	});

	it('always passes the check, and fails it once the settings move', () => {
		const values = [0, 0.3, 0.45, 0.5, 0.55, 0.7, 1];
		for (const p of PRESETS)
			for (const r of values)
				for (const sharing of values)
					for (const n of [0, 1, 6]) {
						const s = setParam(
							setParam(setParam(p.scenario, 'kpi.rigidity', r), 'power.sharing', sharing),
							'partners.count',
							n
						);
						const summary = designSummary(s);
						expect(checkDescription(summary, s), summary).toEqual([]);
					}
		const s = withSettings({ 'contract.lengthMonths': 84 });
		expect(kinds(designSummary(s), TOWARDS)).toEqual(['length']);
	});
});
