import { describe, expect, it } from 'vitest';
import { defaultScenario, scenarioHash, UNCERTAIN_FACTORS } from '$lib/sim';
import { assumptionRows, rangeWords, released, withMode, withPin, withRange } from './assumptions';

const base = defaultScenario('A');

describe('assumption settings', () => {
	it('leaves a fixed scenario with nothing pinned exactly as it was', () => {
		const back = withMode(withMode(base, 'uncertain'), 'fixed');
		expect(back).toEqual(base);
		expect('assumptions' in back).toBe(false);
		expect(scenarioHash(back)).toBe(scenarioHash(base));
	});

	it('pins and narrows, one replacing the other, and releases', () => {
		const pinned = withPin(withMode(base, 'uncertain'), 'trust.asymmetry', 4);
		expect(pinned.assumptions).toEqual({ mode: 'uncertain', pins: { 'trust.asymmetry': 4 } });
		const narrowed = withRange(pinned, 'trust.asymmetry', 2.5, 3.5);
		expect(narrowed.assumptions).toEqual({
			mode: 'uncertain',
			ranges: { 'trust.asymmetry': [2.5, 3.5] }
		});
		expect(released(narrowed, 'trust.asymmetry').assumptions).toEqual({ mode: 'uncertain' });
		// A pin in the fixed mode is kept: the field stays.
		expect(withMode(pinned, 'fixed').assumptions).toEqual({
			mode: 'fixed',
			pins: { 'trust.asymmetry': 4 }
		});
	});

	it('lists every assumption with its range here, in words', () => {
		const rows = assumptionRows(withPin(base, 'model.newsReach', 6));
		expect(rows).toHaveLength(UNCERTAIN_FACTORS.length);
		const asym = rows.find((r) => r.id === 'trust.asymmetry');
		expect(asym?.group).toBe('Scenario settings');
		expect(asym && rangeWords(asym)).toBe('2 to 5 times, most likely 3');
		const news = rows.find((r) => r.id === 'model.newsReach');
		expect(news?.group).toBe('Model constants');
		expect(news?.pinned).toBe(6);
	});
});
