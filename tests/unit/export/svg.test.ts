import { describe, expect, it } from 'vitest';
import {
	composeGroupSvg,
	composeSvg,
	estimateWidth,
	wrapText,
	xmlEscape,
	type ChartGroupParts,
	type ChartParts
} from '$lib/export/svg';
import { fileSlug, pngSize } from '$lib/export/download';

const parts: ChartParts = {
	title: 'Trust over time <& "quotes">',
	legend: [
		{
			swatch: {
				viewBox: '0 0 36 16',
				markup: '<rect x="1" y="2" width="34" height="12" fill="#0072b2"/>'
			},
			text: 'Light band: 9 of 10 futures'
		},
		{ swatch: null, text: 'A note with no key' }
	],
	plot: { viewBox: [-4, -10, 600, 320], markup: '<path d="M0,0L10,10" stroke="#000"/>' },
	caption: 'Slow Trust · seed 1'
};

describe('composeSvg', () => {
	const { svg, width, height } = composeSvg(parts);

	it('is one SVG document sized by the plot, with its title, legend, plot and caption', () => {
		expect(svg.startsWith('<?xml')).toBe(true);
		expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
		expect(width).toBe(600);
		expect(height).toBeGreaterThan(320);
		expect(svg).toContain(`width="${width}" height="${height}"`);
		expect(svg).toContain('<path d="M0,0L10,10"');
		expect(svg).toContain('viewBox="-4 -10 600 320"');
		expect(svg).toContain('Light band: 9 of 10 futures');
		expect(svg).toContain('A note with no key');
		expect(svg).toContain('fill="#0072b2"');
		expect(svg).toContain('Slow Trust · seed 1');
	});

	it('escapes text', () => {
		expect(svg).toContain('Trust over time &lt;&amp; &quot;quotes&quot;&gt;');
		expect(svg).not.toContain('<& "');
	});

	it('wraps legend keys onto more rows when the chart is narrow', () => {
		const narrow = composeSvg({ ...parts, plot: { ...parts.plot, viewBox: [0, 0, 260, 200] } });
		const wide = composeSvg({ ...parts, plot: { ...parts.plot, viewBox: [0, 0, 900, 200] } });
		expect(narrow.height).toBeGreaterThan(wide.height);
	});
});

describe('composeGroupSvg', () => {
	const small = (title: string, d: string): ChartGroupParts['charts'][number] => ({
		title,
		legend: [{ swatch: null, text: `${title}: 42%` }],
		plot: { viewBox: [-30, -12, 300, 200], markup: `<rect x="0" y="0" width="10" height="${d}"/>` }
	});
	const group: ChartGroupParts = {
		title: 'How the futures end',
		legend: parts.legend,
		charts: [
			small('Final trust', '11'),
			small('Months', '12'),
			small('KPIs', '13'),
			small('Outcomes', '14')
		],
		columns: 2,
		caption: 'Slow Trust · seed 1'
	};

	it('is one SVG document with the group title, its keys, every chart with its title, and the caption', () => {
		const { svg, width, height } = composeGroupSvg(group);
		expect(svg.startsWith('<?xml')).toBe(true);
		expect(svg).toContain('<title>How the futures end</title>');
		expect(svg).toContain('Light band: 9 of 10 futures');
		for (const c of group.charts) {
			expect(svg).toContain(`>${c.title}</text>`);
			expect(svg).toContain(`>${c.title}: 42%</text>`);
		}
		for (const h of ['11', '12', '13', '14']) expect(svg).toContain(`height="${h}"`);
		expect(svg).toContain('Slow Trust · seed 1');
		expect(svg).toContain(`width="${width}" height="${height}"`);
		// Two columns of plots 300 wide (plus padding), two rows of plots 200 high.
		expect(width).toBeGreaterThanOrEqual(2 * 300);
		expect(height).toBeGreaterThan(2 * 200);
	});

	it('places the charts in as many columns as asked, side by side', () => {
		const two = composeGroupSvg(group);
		const one = composeGroupSvg({ ...group, columns: 1 });
		const four = composeGroupSvg({ ...group, columns: 4 });
		expect(one.width).toBeLessThan(two.width);
		expect(one.height).toBeGreaterThan(two.height);
		expect(four.width).toBeGreaterThan(two.width);
		expect(four.height).toBeLessThan(two.height);
		// The plots of one row share their top; the next row starts below them.
		const tops = [...two.svg.matchAll(/<svg x="[\d.]+" y="([\d.]+)" width="300"/g)].map((m) =>
			Number(m[1])
		);
		expect(tops).toHaveLength(4);
		expect(tops[0]).toBe(tops[1]);
		expect(tops[2]).toBe(tops[3]);
		expect(tops[2]).toBeGreaterThanOrEqual(tops[0] + 200);
	});

	it('escapes the titles', () => {
		const { svg } = composeGroupSvg({ ...group, title: 'A <b> & "c"' });
		expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
	});
});

describe('text helpers', () => {
	it('wraps words to a width and keeps a long word whole', () => {
		const w = (t: string) => t.length;
		expect(wrapText('aa bb cc dd', 5, w)).toEqual(['aa bb', 'cc dd']);
		expect(wrapText('averyveryverylongword x', 5, w)).toEqual(['averyveryverylongword', 'x']);
		expect(wrapText('', 5, w)).toEqual([]);
	});

	it('estimates width from the font size', () => {
		expect(estimateWidth('abcd', '13px sans-serif')).toBeCloseTo(4 * 13 * 0.55);
	});

	it('escapes the five XML characters', () => {
		expect(xmlEscape(`<a href="x">'&'</a>`)).toBe(
			'&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;'
		);
	});
});

describe('file helpers', () => {
	it('makes file names from titles', () => {
		expect(fileSlug("Today's typical contract")).toBe('today-s-typical-contract');
		expect(fileSlug('Café — été')).toBe('cafe-ete');
		expect(fileSlug('!!!')).toBe('slow-trust');
	});

	it('reads a PNG size from its header', () => {
		const bytes = new Uint8Array(24);
		bytes.set([137, 80, 78, 71, 13, 10, 26, 10, 0, 0, 0, 13, 73, 72, 68, 82]);
		new DataView(bytes.buffer).setUint32(16, 1200);
		new DataView(bytes.buffer).setUint32(20, 640);
		expect(pngSize(bytes)).toEqual({ width: 1200, height: 640 });
		expect(pngSize(new Uint8Array(24))).toBeNull();
	});
});
