import { describe, expect, it } from 'vitest';
import {
	componentsReadout,
	componentsSummaryText,
	componentsTable,
	gridLayout,
	panelAt,
	weakestAtEnd
} from '$lib/charts/components';
import { flatBands, handMade } from './fixtures';

const opts = { minWidth: 200, gapX: 20, gapY: 10, ratio: 0.5, minHeight: 100, maxHeight: 300 };

describe('small multiples layout', () => {
	it('puts all four in a row when they fit, else two by two, else one column', () => {
		expect(gridLayout(900, 4, opts).cols).toBe(4);
		expect(gridLayout(600, 4, opts).cols).toBe(2);
		expect(gridLayout(300, 4, opts).cols).toBe(1);
	});

	it('places panels on a grid with gaps and shared sizes', () => {
		const g = gridLayout(420, 4, opts);
		expect(g.panels[0]).toMatchObject({ x: 0, y: 0, width: 200, height: 100 });
		expect(g.panels[1]).toMatchObject({ x: 220, y: 0, row: 0, col: 1 });
		expect(g.panels[2]).toMatchObject({ x: 0, y: 110, row: 1, col: 0 });
		expect(g.height).toBe(210);
	});

	it('finds the panel under a point', () => {
		const g = gridLayout(420, 4, opts);
		expect(panelAt(g, 10, 10)).toBe(0);
		expect(panelAt(g, 300, 150)).toBe(3);
		expect(panelAt(g, 210, 10)).toBe(-1);
	});
});

describe('components in words', () => {
	const s = handMade({ months: 12, monthsToTrust: [3, -1] });
	s.series.integrity = flatBands(12, 0.3);
	s.series.results.p50[0] = 0.4;
	s.series.results.p50[11] = 0.7;

	it('reads all four components at a month', () => {
		expect(componentsReadout(s, 0).lines).toEqual([
			'Integrity: 0.30 (0.25 to 0.35)',
			'Intent: 0.50 (0.45 to 0.55)',
			'Competence: 0.50 (0.45 to 0.55)',
			'Results: 0.40 (0.45 to 0.55)'
		]);
	});

	it('names the weakest component and how each changes', () => {
		expect(weakestAtEnd(s)).toBe('integrity');
		expect(componentsSummaryText(s)).toBe(
			'In the median future, integrity stays near 0.30, intent stays near 0.50, competence stays near 0.50 and results rises from 0.40 to 0.70. At the end, integrity is the weakest component; overall trust is held back by its weakest link.'
		);
	});

	it('tables each component by month', () => {
		const t = componentsTable(s);
		expect(t.columns).toEqual(['Month', 'Integrity', 'Intent', 'Competence', 'Results']);
		expect(t.rows).toHaveLength(12);
	});
});
