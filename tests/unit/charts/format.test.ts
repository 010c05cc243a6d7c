import { describe, expect, it } from 'vitest';
import { fmtChance, inSentence } from '$lib/charts/format';

describe('words for labels and chances', () => {
	it('lower-cases a label inside a sentence but keeps an acronym', () => {
		expect(inSentence('Contract length')).toBe('contract length');
		expect(inSentence('KPI rigidity')).toBe('KPI rigidity');
		expect(inSentence('A')).toBe('a');
	});

	it('never writes a chance of 0 or 1 with a standard error of 0', () => {
		expect(fmtChance(0, 0)).toBe('in no future');
		expect(fmtChance(1, 0)).toBe('in every future');
		expect(fmtChance(0.38, 0.022, ' points')).toBe('38% ± 2.2 points');
	});
});
