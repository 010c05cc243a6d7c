/**
 * The documentation renderer behind the model page: GitHub's heading ids, declared anchors on
 * table rows, links within the document, to the web and to repository files, equations,
 * tables, and no raw HTML getting through. Then the real docs/model.md, as the page shows it.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { githubSlug, renderMarkdown, repositoryPath } from '../../../src/lib/docs/markdown.server';
import { PARAMS, SEGMENT_PARAMS, paramAnchor } from '../../../src/lib/sim/params';

/** Every tag name in some HTML. */
function tagNames(html: string): Set<string> {
	return new Set([...html.matchAll(/<\/?([a-zA-Z][\w-]*)/g)].map((m) => m[1].toLowerCase()));
}

/** Every attribute name in some HTML's tags. */
function attributeNames(html: string): Set<string> {
	const names = new Set<string>();
	for (const [tag] of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
		for (const m of tag.matchAll(/\s([a-zA-Z-]+)=/g)) names.add(m[1].toLowerCase());
	}
	return names;
}

const SAFE_TAGS = new Set([
	...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br'],
	...['strong', 'em', 'del', 'code', 'pre', 'wbr', 'span', 'div', 'a'],
	...['table', 'thead', 'tbody', 'tr', 'th', 'td']
]);
const SAFE_ATTRIBUTES = new Set([
	...['id', 'class', 'href', 'rel', 'start', 'scope', 'tabindex', 'role', 'aria-label']
]);

describe('githubSlug', () => {
	it.each([
		['1. Purpose and patterns', '1-purpose-and-patterns'],
		['7.14 Parameters', '714-parameters'],
		['7.2 Trust components: asymmetric update', '72-trust-components-asymmetric-update'],
		['Community: each segment (community.segments[])', 'community-each-segment-communitysegments'],
		['Jøsang & Ismail', 'jøsang--ismail'],
		['snake_case stays', 'snake_case-stays']
	])('%s → %s', (text, slug) => {
		expect(githubSlug(text)).toBe(slug);
	});
});

describe('repositoryPath', () => {
	it('shows a link relative to docs/ from the repository root', () => {
		expect(repositoryPath('../src/lib/sim/version.ts')).toBe('src/lib/sim/version.ts');
		expect(repositoryPath('./notes.md')).toBe('docs/notes.md');
		expect(repositoryPath('/README.md')).toBe('README.md');
		expect(repositoryPath('../CONTRIBUTING.md#conventions')).toBe('CONTRIBUTING.md#conventions');
	});

	it('leaves a path that climbs out of the repository as written', () => {
		expect(repositoryPath('../../elsewhere.md')).toBe('../../elsewhere.md');
	});
});

describe('renderMarkdown: headings', () => {
	it('gives headings GitHub ids, numbering repeats, and shifts levels by the offset', () => {
		const { html, headings, title } = renderMarkdown(
			'# The model\n\n## 1. Purpose\n\n### Notes\n\n## Notes\n\n#### Deep\n\n###### Deepest',
			{ headingOffset: 1 }
		);
		expect(title).toBe('The model');
		expect(headings.map((h) => [h.depth, h.id])).toEqual([
			[1, 'the-model'],
			[2, '1-purpose'],
			[3, 'notes'],
			[2, 'notes-1'],
			[4, 'deep'],
			[6, 'deepest']
		]);
		expect(html).toContain('<h2 id="the-model">The model</h2>');
		expect(html).toContain('<h3 id="1-purpose">1. Purpose</h3>');
		expect(html).toContain('<h5 id="deep">Deep</h5>');
		// Nothing deeper than h6.
		expect(html).toContain('<h6 id="deepest">Deepest</h6>');
	});

	it('keeps clear of ids the page uses', () => {
		const { headings } = renderMarkdown('## Overview\n\n## Main', { reservedIds: ['overview'] });
		expect(headings.map((h) => h.id)).toEqual(['overview-1', 'main']);
	});

	it('can leave out the title, keeping its id for links', () => {
		const { html, headings } = renderMarkdown('# Title\n\nText [top](#title)', {
			includeTitle: false
		});
		expect(html).not.toContain('<h1');
		expect(headings[0].id).toBe('title');
	});

	it('takes plain text for ids and labels, code and escapes included', () => {
		const { html, headings } = renderMarkdown('## Segments (`a.b[]`) & <more>');
		expect(headings[0]).toMatchObject({
			id: 'segments-ab--more',
			text: 'Segments (a.b[]) & <more>'
		});
		expect(html).toContain('&lt;more&gt;');
	});
});

describe('renderMarkdown: anchors and raw HTML', () => {
	const table = [
		'## Parameters',
		'',
		'| Parameter | Label |',
		'| --- | --- |',
		'| <a id="param-a-b"></a>`a.b` | First |',
		'| <a id="param-a-b"></a>`a.c` | Repeated id |',
		'| `a.d` | No anchor |'
	].join('\n');

	it('puts an anchor that starts a row on the row itself', () => {
		const { html, anchors } = renderMarkdown(table);
		expect(html).toContain('<tr id="param-a-b"><th scope="row"><code>a.<wbr>b</code></th>');
		expect(anchors).toEqual([{ id: 'param-a-b', headingId: 'parameters' }]);
	});

	it('never gives the same id twice', () => {
		const { html } = renderMarkdown(table);
		expect(html.match(/id="param-a-b"/g)).toHaveLength(1);
		expect(html).toContain(
			'<tr><th scope="row"><code>a.<wbr>c</code></th><td>Repeated id</td></tr>'
		);
	});

	it('marks an anchor elsewhere with an empty span', () => {
		const { html } = renderMarkdown('Text <a id="here"></a>and more.');
		expect(html).toBe('<p>Text <span id="here" class="doc-anchor"></span>and more.</p>\n');
	});

	it('shows any other HTML as text and drops comments', () => {
		const { html } = renderMarkdown(
			[
				'<script>alert(1)</script>',
				'',
				'<!-- a note for editors -->',
				'',
				'Inline <img src=x onerror="alert(1)"> and <a href="javascript:alert(1)">x</a>.',
				'',
				'<a id="bad id"></a> <div onclick="x">block</div>'
			].join('\n')
		);
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(html).not.toContain('a note for editors');
		expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
		expect(html).toContain('&lt;a href=&quot;javascript:alert(1)&quot;&gt;');
		expect(html).toContain('&lt;a id=&quot;bad id&quot;&gt;');
		expect([...tagNames(html)].filter((t) => !SAFE_TAGS.has(t))).toEqual([]);
		expect([...attributeNames(html)].filter((a) => !SAFE_ATTRIBUTES.has(a))).toEqual([]);
	});

	it('shows an image by its description and a task box as a sign', () => {
		const { html } = renderMarkdown('![A chart](chart.png)\n\n- [x] done');
		expect(html).toContain('<span class="doc-image">[A chart]</span>');
		expect(html).not.toContain('<img');
		expect(html).not.toContain('<input');
		expect(html).toContain('☑');
	});
});

describe('renderMarkdown: links', () => {
	it('keeps links to headings and anchors that exist', () => {
		const { html, brokenLinks } = renderMarkdown(
			'## 7.14 Parameters\n\n<a id="param-x"></a>\n\nSee [the parameters](#714-parameters) and [x](#param-x).'
		);
		expect(html).toContain('<a href="#714-parameters">the parameters</a>');
		expect(html).toContain('<a href="#param-x">x</a>');
		expect(brokenLinks).toEqual([]);
	});

	it('turns a link to a missing target into text and reports it', () => {
		const { html, brokenLinks } = renderMarkdown('## A\n\nSee [nowhere](#no-such-section).');
		expect(html).toContain('<p>See nowhere.</p>');
		expect(brokenLinks).toEqual(['#no-such-section']);
	});

	it('shows links to repository files as code, never as links', () => {
		const { html } = renderMarkdown(
			[
				'[../src/lib/sim/version.ts](../src/lib/sim/version.ts)',
				'[`src/lib/sim/params.ts`](../src/lib/sim/params.ts)',
				'[the contributing guide](../CONTRIBUTING.md)',
				'[odd](javascript:alert(1))'
			].join('\n\n')
		);
		expect(html).toContain('<p><code>src/lib/sim/version.ts</code></p>');
		expect(html).toContain('<p><code>src/lib/sim/params.ts</code></p>');
		expect(html).toContain('<p>the contributing guide (<code>CONTRIBUTING.md</code>)</p>');
		expect(html).toContain('<p>odd (<code>javascript:alert(1)</code>)</p>');
		expect(html).not.toMatch(/<a\s/);
	});

	it('keeps web links, marked as external', () => {
		const { html } = renderMarkdown(
			'[ODD](https://example.org/odd?a=1&b=2) and https://example.org'
		);
		expect(html).toContain(
			'<a href="https://example.org/odd?a=1&amp;b=2" rel="external noreferrer">ODD</a>'
		);
		expect(html).toContain(
			'<a href="https://example.org" rel="external noreferrer">https://example.org</a>'
		);
	});
});

describe('renderMarkdown: equations and tables', () => {
	it('renders a code block as a labelled, focusable formula block, escaped', () => {
		const { html } = renderMarkdown(
			'## 7.2 Trust\n\n```\nx ← x + min(1, a·g)·(1 − x)   if x < b && y > 0\n```\n\n```\nsecond\n```'
		);
		expect(html).toContain(
			'<pre class="doc-formula" tabindex="0" role="group" aria-label="Formulas: 7.2 Trust">' +
				'<code>x ← x + min(1, a·g)·(1 − x)   if x &lt; b &amp;&amp; y &gt; 0</code></pre>'
		);
		expect(html).toContain('aria-label="Formulas: 7.2 Trust (2)"');
	});

	it('names a code block by its language when it has one', () => {
		const { html } = renderMarkdown('```json\n{"a": 1}\n```');
		expect(html).toContain('aria-label="Code (json): the document"');
	});

	it('wraps a table in a labelled box, with column and row headers and alignment', () => {
		const long = 'A meaning long enough to be running text in a table cell';
		const { html } = renderMarkdown(
			`## Signals\n\n| Name | Value | Meaning |\n| :-- | --: | --- |\n| a | 1 | ${long} |\n| b | 2 | ${long} |`
		);
		expect(html).toContain(
			'<div class="doc-table" tabindex="0" role="group" aria-label="Table: Signals">'
		);
		expect(html).toContain(
			'<thead><tr><th scope="col" class="align-left">Name</th><th scope="col" class="align-right">Value</th><th scope="col" class="prose">Meaning</th></tr></thead>'
		);
		expect(html).toContain(
			`<tr><th scope="row" class="align-left">a</th><td class="align-right">1</td><td class="prose">${long}</td></tr>`
		);
	});
});

describe('docs/model.md as the model page shows it', () => {
	const source = readFileSync(
		fileURLToPath(new URL('../../../docs/model.md', import.meta.url)),
		'utf8'
	);
	const doc = renderMarkdown(source, { headingOffset: 1, reservedIds: ['main', 'overview'] });
	const ids = new Set(doc.headings.map((h) => h.id));

	it('gives the protocol sections the ids its contents links use', () => {
		for (const id of [
			'1-purpose-and-patterns',
			'7-submodels',
			'714-parameters',
			'715-internal-constants',
			'9-references'
		]) {
			expect(ids, id).toContain(id);
		}
		const contentsLinks = [...source.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
		expect(contentsLinks.length).toBeGreaterThan(5);
		for (const target of contentsLinks) expect(ids, target).toContain(target);
		expect(doc.brokenLinks).toEqual([]);
	});

	it("puts every setting's anchor, as the editor links to it, on its table row", () => {
		const anchors = [
			...PARAMS.map((p) => paramAnchor(p.path)),
			...SEGMENT_PARAMS.map((p) => paramAnchor(p.path, true))
		];
		for (const anchor of anchors) {
			expect(doc.html.split(`id="${anchor}"`), anchor).toHaveLength(2);
			expect(doc.html, anchor).toContain(`<tr id="${anchor}">`);
		}
	});

	it('renders its equations as formula blocks and its tables in boxes', () => {
		expect(doc.html).toContain(
			'aria-label="Formulas: 7.2 Trust components: an asymmetric step in log-odds"'
		);
		expect(doc.html).toContain('x ← x + x · (1 − x) · d');
		expect(doc.html).toContain('aria-label="Table: Contract"');
	});

	it('lets no raw HTML through', () => {
		expect([...tagNames(doc.html)].filter((t) => !SAFE_TAGS.has(t))).toEqual([]);
		expect([...attributeNames(doc.html)].filter((a) => !SAFE_ATTRIBUTES.has(a))).toEqual([]);
		expect(doc.html).not.toContain('&lt;a id=');
		for (const [tag] of doc.html.matchAll(/<a\s[^>]*>/g)) {
			expect(tag).toMatch(/^<a href="(#|https?:)/);
		}
	});

	it('gives every id once', () => {
		const all = [...doc.html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]);
		expect(new Set(all).size).toBe(all.length);
	});
});
