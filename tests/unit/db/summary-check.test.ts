import { describe, expect, it } from 'vitest';
import { isSummary } from '../../../src/lib/db/summary-check';
import { presetById, simulate, type Summary } from '../../../src/lib/sim/index';
import { freshLibrary, must } from './helpers';
import { resultKey } from '../../../src/lib/db/library';

function realSummary(): Summary {
	const preset = presetById('typical');
	if (!preset) throw new Error('no preset');
	return simulate({ ...preset.scenario, runs: 12 });
}

describe('checking stored summaries', () => {
	const good = realSummary();

	it('accepts a real summary, also after a JSON round trip', () => {
		expect(isSummary(good)).toBe(true);
		expect(isSummary(JSON.parse(JSON.stringify(good)))).toBe(true);
	});

	it.each([
		['nothing', null],
		['a string', 'summary'],
		['no receipt', { ...good, receipt: undefined }],
		[
			'a short series',
			{ ...good, series: { ...good.series, trust: { ...good.series.trust, p50: [0.5] } } }
		],
		['a missing series', { ...good, series: { ...good.series, integrity: undefined } }],
		[
			'a non-number in a band',
			{
				...good,
				series: {
					...good.series,
					trust: {
						...good.series.trust,
						p95: good.series.trust.p95.map((v, i) => (i === 3 ? 'x' : v))
					}
				}
			}
		],
		['a ladder with a rung missing', { ...good, ladder: good.ladder.slice(1) }],
		[
			'per-run values of the wrong count',
			{ ...good, perRun: { ...good.perRun, finalTrust: [0.1] } }
		],
		[
			'a probability above 1',
			{ ...good, probabilities: { ...good.probabilities, collapse: { p: 2, se: 0, count: 1 } } }
		],
		['months of zero', { ...good, months: 0 }]
	])('refuses %s', (_what, value) => {
		expect(isSummary(value)).toBe(false);
	});

	it('a damaged cached result is dropped, so the scenario runs again', async () => {
		const lib = freshLibrary();
		must(await lib.seedPresets(0));
		const record = must(await lib.getScenario('preset-typical'));
		await lib.db.results.put({
			key: resultKey(record.scenario),
			scenarioId: record.id,
			summary: { receipt: { modelVersion: 'x' } } as unknown as Summary,
			createdAt: 1
		});
		expect(must(await lib.currentResult(record.id))).toBeNull();
		expect(await lib.db.results.count()).toBe(0);
	});
});
