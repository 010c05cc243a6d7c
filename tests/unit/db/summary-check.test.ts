import { describe, expect, it } from 'vitest';
import { isSummary } from '../../../src/lib/db/summary-check';
import { presetById, simulate, type Summary } from '../../../src/lib/sim/index';
import { freshLibrary, must } from './helpers';
import { resultKey } from '../../../src/lib/db/library';
import { readLibrary } from '../../../src/lib/db/live';
import { MODEL_VERSION } from '../../../src/lib/sim/version';

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
		['months of zero', { ...good, months: 0 }],
		[
			'a summary without months at or above the threshold',
			{
				...good,
				perRun: { ...good.perRun, monthsAbove: undefined },
				metrics: { ...good.metrics, monthsAbove: undefined }
			}
		]
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

	it('keeps a result of this model, with its months at or above the threshold', async () => {
		const lib = freshLibrary();
		must(await lib.seedPresets(0));
		const record = must(await lib.getScenario('preset-typical'));
		const summary = simulate({ ...record.scenario, runs: 12 });
		expect(summary.perRun.monthsAbove).toHaveLength(12);
		must(await lib.putResult(record.id, record.scenario, summary));
		const stored = must(await lib.currentResult(record.id));
		expect(stored?.summary.receipt.modelVersion).toBe(MODEL_VERSION);
		expect(stored?.summary.perRun.monthsAbove).toEqual(summary.perRun.monthsAbove);
		expect(isSummary(stored?.summary)).toBe(true);
	});

	it('runs a result of model 2.1.0 again rather than show it, and still lists its trend', async () => {
		const lib = freshLibrary();
		must(await lib.seedPresets(0));
		const record = must(await lib.getScenario('preset-typical'));
		// A summary as model 2.1.0 stored it: no months at or above the threshold.
		const old = structuredClone(good) as unknown as {
			receipt: { modelVersion: string };
			perRun: Record<string, unknown>;
			metrics: Record<string, unknown>;
		};
		old.receipt.modelVersion = '2.1.0';
		delete old.perRun.monthsAbove;
		delete old.metrics.monthsAbove;
		expect(isSummary(old)).toBe(false);
		const oldKey = resultKey(record.scenario).replace(`${MODEL_VERSION}:`, '2.1.0:');
		expect(oldKey).not.toBe(resultKey(record.scenario));
		await lib.db.results.put({
			key: oldKey,
			scenarioId: record.id,
			summary: old as unknown as Summary,
			createdAt: 1
		});
		await lib.db.scenarios.update(record.id, { lastResultKey: oldKey });
		// Under its own key it is never found for the scenario as it is now.
		expect(must(await lib.currentResult(record.id))).toBeNull();
		// Under today's key (a record written by hand, say) it fails the check and is dropped.
		await lib.db.results.put({
			key: resultKey(record.scenario),
			scenarioId: record.id,
			summary: old as unknown as Summary,
			createdAt: 2
		});
		expect(must(await lib.currentResult(record.id))).toBeNull();
		expect(await lib.db.results.get(resultKey(record.scenario))).toBeUndefined();
		// The library still draws its last trend (the same major version), marked as not current.
		const entry = must(await readLibrary(lib)).find((e) => e.record.id === record.id);
		expect(entry?.trend?.current).toBe(false);
		expect(entry?.trend?.median).toEqual(good.series.trust.p50);
	});
});
