import { describe, expect, it } from 'vitest';
import { toCsv } from '$lib/export/bands';
import {
	PERCENTILES,
	SERIES,
	METRICS,
	defaultScenario,
	presetById,
	setParam,
	type Scenario
} from '$lib/sim';
import {
	assumptions,
	assumptionsCsv,
	bandsCsv,
	csvField,
	csvLine,
	perRunCsv,
	tableCsv
} from '$lib/export/csv';
import { handMade, simulated } from '../charts/fixtures';

function parseLine(line: string): string[] {
	// Enough of RFC 4180 for these files: quoted fields with doubled quotes.
	const out: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i];
		if (quoted) {
			if (ch === '"' && line[i + 1] === '"') {
				field += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else field += ch;
		} else if (ch === '"') quoted = true;
		else if (ch === ',') {
			out.push(field);
			field = '';
		} else field += ch;
	}
	out.push(field);
	return out;
}

describe('monthly bands CSV', () => {
	const summary = simulated('typical', 20, 24);
	const csv = bandsCsv(summary);
	const lines = csv.trimEnd().split('\n');

	it('has a header of month then every series and band, p5 to p95 and the mean', () => {
		const header = lines[0].split(',');
		expect(header[0]).toBe('month');
		expect(header).toHaveLength(1 + SERIES.length * (PERCENTILES.length + 1));
		expect(header.slice(1, 9)).toEqual([
			'trust_p5',
			'trust_p10',
			'trust_p25',
			'trust_p50',
			'trust_p75',
			'trust_p90',
			'trust_p95',
			'trust_mean'
		]);
		expect(header).toContain('outcomes_p95');
	});

	it('has one row per month, numbered from 1, each as wide as the header', () => {
		expect(lines).toHaveLength(1 + 24);
		lines.slice(1).forEach((line, i) => {
			const cells = line.split(',');
			expect(cells[0]).toBe(String(i + 1));
			expect(cells).toHaveLength(lines[0].split(',').length);
		});
	});

	it('writes plain numbers the summary holds, to at most 8 significant digits', () => {
		const row = lines[1].split(',');
		expect(Number(row[4])).toBeCloseTo(summary.series.trust.p50[0], 7);
		for (const cell of row) expect(cell).toMatch(/^-?\d+(\.\d+)?(e-?\d+)?$/);
		for (const cell of row.slice(1))
			expect(cell.replace(/[-.]|e.*$/g, '').replace(/^0+/, '').length).toBeLessThanOrEqual(8);
	});

	it('is the command line CSV, column for column', () => {
		expect(csv).toBe(toCsv(summary));
	});
});

describe('per-run CSV', () => {
	it('has run then every end metric, and one row per future', () => {
		const summary = handMade({ monthsToTrust: [5, -1, 12], collapsed: [0, 1, 0] });
		const lines = perRunCsv(summary).trimEnd().split('\n');
		expect(lines[0]).toBe(['run', ...METRICS].join(','));
		expect(lines).toHaveLength(4);
		const never = lines[2].split(',');
		expect(never[0]).toBe('2');
		// A future that never reaches trust has no month, not -1.
		expect(never[1 + METRICS.indexOf('monthsToTrust')]).toBe('');
		expect(never[1 + METRICS.indexOf('collapsed')]).toBe('1');
		expect(lines[1].split(',')[1 + METRICS.indexOf('monthsToTrust')]).toBe('5');
	});

	it('covers every run of a real summary', () => {
		const summary = simulated('typical', 20, 24);
		expect(perRunCsv(summary).trimEnd().split('\n')).toHaveLength(21);
	});
});

describe('CSV fields', () => {
	it('quotes commas, quotes and line breaks, doubling quotes', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('a, b')).toBe('"a, b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('two\nlines')).toBe('"two\nlines"');
		expect(csvField(' padded')).toBe('" padded"');
		expect(parseLine(csvLine(['a, b', 'say "hi"', 3]))).toEqual(['a, b', 'say "hi"', '3']);
	});

	it('never lets a spreadsheet run a cell as a formula', () => {
		expect(csvField('=SUM(A1)')).toBe("'=SUM(A1)");
		expect(csvField('@cmd')).toBe("'@cmd");
		expect(csvField('-0.5')).toBe('-0.5');
	});

	it('formats numbers and leaves non-finite ones empty', () => {
		expect(csvField(0.1 + 0.2)).toBe('0.3');
		expect(csvField(1 / 3)).toBe('0.33333333');
		expect(csvField(NaN)).toBe('');
	});

	it('writes a chart table with its header', () => {
		const csv = tableCsv({
			caption: 'x',
			columns: ['Month', 'Median, trust'],
			rows: [
				['1', '0.45'],
				['2', '0.46']
			]
		});
		expect(csv).toBe('Month,"Median, trust"\n1,0.45\n2,0.46\n');
	});
});

describe('assumptions', () => {
	const typical = presetById('typical')!.scenario;

	it('lists every parameter and segment field, none differing from its own preset', () => {
		const list = assumptions(typical, typical);
		expect(list.filter((a) => a.differs)).toEqual([]);
		expect(list.map((a) => a.path)).toContain('contract.lengthMonths');
		const intent = list.find((a) => a.path === 'community.segments.0.weights.intent');
		expect(intent).toMatchObject({
			segment: typical.community.segments[0].name,
			label: 'Weight on intent'
		});
		// A segment's name with a comma is quoted in the file.
		const named = {
			...typical,
			community: {
				...typical.community,
				segments: typical.community.segments.map((g, i) =>
					i === 0 ? { ...g, name: 'Men, 50s' } : g
				)
			}
		};
		expect(assumptionsCsv(assumptions(named, typical), 'x')).toContain(',"Men, 50s",');
	});

	it('marks the values that differ and writes them as CSV with labels quoted', () => {
		const changed: Scenario = setParam(typical, 'contract.lengthMonths', 60);
		const list = assumptions(changed, typical);
		const differs = list.filter((a) => a.differs);
		expect(differs.map((a) => a.path)).toEqual(['contract.lengthMonths']);
		expect(differs[0].reference).toBe(36);
		const csv = assumptionsCsv(list, "Today's typical contract");
		const lines = csv.trimEnd().split('\n');
		expect(parseLine(lines[0])).toEqual([
			'path',
			'group',
			'segment',
			'label',
			'value',
			'unit',
			"Today's typical contract",
			'differs'
		]);
		expect(lines).toHaveLength(1 + list.length);
		const row = lines.find((l) => l.startsWith('contract.lengthMonths,'))!;
		expect(parseLine(row).slice(4)).toEqual(['60', 'months', '36', 'yes']);
		// Labels with quotes survive the round trip.
		for (const line of lines.slice(1)) expect(parseLine(line)).toHaveLength(8);
	});

	it('counts a segment the reference does not have as differing', () => {
		const base = defaultScenario();
		const fewer = {
			...base,
			community: { ...base.community, segments: base.community.segments.slice(0, 1) }
		};
		const list = assumptions(base, fewer);
		const second = list.filter((a) => a.path.startsWith('community.segments.1.'));
		expect(second.length).toBeGreaterThan(0);
		expect(second.every((a) => a.differs && a.reference === null)).toBe(true);
	});
});
