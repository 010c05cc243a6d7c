/**
 * Renders a documentation file from the repository (docs/model.md) to HTML for the app, at
 * build time only: the model page's server load calls this while the page is prerendered,
 * so no Markdown parser ships to the browser (the `.server` name makes SvelteKit refuse any
 * import of it from code that runs there).
 *
 * The output is safe to insert with `{@html}` even though the source is Markdown written by
 * people:
 * - Raw HTML is never passed through. The one form the documentation uses on purpose, an
 *   empty anchor `<a id="…"></a>`, becomes an id (on the table row it starts, or on an
 *   empty span); every other tag is shown as text, and HTML comments are dropped.
 * - Headings get the ids GitHub gives them (`## 7.14 Parameters` → `714-parameters`), so the
 *   document's own contents links work in the app as they do on GitHub.
 * - Links within the document stay links when their target exists (otherwise they become
 *   text); web links stay links; links to files in the repository (`../src/lib/sim/version.ts`)
 *   become code, because those files are not part of the app.
 * - Tables sit in a focusable, labelled box that scrolls sideways on small screens; the first
 *   cell of each body row is its row header. Code blocks (the document's equations) are
 *   labelled, focusable blocks that keep their alignment.
 */
import { Lexer, Parser, Renderer, type Token, type Tokens } from 'marked';

/** A heading of the rendered document. */
interface DocHeading {
	/** The Markdown level, 1 to 6 (before any offset). */
	depth: number;
	id: string;
	/** The heading as plain text. */
	text: string;
}

/** An anchor the document declares with `<a id="…"></a>`. */
interface DocAnchor {
	id: string;
	/** The id of the nearest heading above it, at any level. */
	headingId: string | null;
}

export interface RenderedDoc {
	html: string;
	/** The document's first level-1 heading, as plain text ('' if it has none). */
	title: string;
	headings: DocHeading[];
	anchors: DocAnchor[];
	/** In-document links whose target does not exist; they are rendered as text. */
	brokenLinks: string[];
}

export interface RenderOptions {
	/**
	 * Added to every heading's level (capped at 6), for a document shown inside a page that
	 * has its own title: with 1, the document's `#` becomes an `<h2>`. Default 0.
	 */
	headingOffset?: number;
	/** Ids the page uses already; headings take another id rather than repeat one. */
	reservedIds?: Iterable<string>;
	/** Whether to render the first level-1 heading (default true). */
	includeTitle?: boolean;
	/**
	 * Where the document sits in the repository (default `docs/model.md`), so relative links
	 * to files are shown from the repository's root.
	 */
	sourcePath?: string;
}

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;'
};

/** Escapes text for HTML content and double-quoted attribute values. */
function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Undoes the escaping marked leaves in plain text (entities and numeric references). */
/** The text of inline tokens, without their Markdown (bold, code, links keep their words). */
function plainText(tokens: readonly Token[]): string {
	let out = '';
	for (const t of tokens) {
		if ('tokens' in t && t.tokens) out += plainText(t.tokens);
		else if (t.type === 'br') out += ' ';
		else if ('text' in t && typeof t.text === 'string') out += t.text;
	}
	return out;
}

function unescapeHtml(text: string): string {
	return text
		.replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
		.replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
		.replace(/&(quot|lt|gt|amp);/g, (_, name: string) => {
			switch (name) {
				case 'quot':
					return '"';
				case 'lt':
					return '<';
				case 'gt':
					return '>';
				default:
					return '&';
			}
		});
}

/**
 * GitHub's heading id for a heading's text (the rule of github-slugger): lower case, every
 * character that is not a letter, mark, digit, connector, space or hyphen removed, and each
 * space turned into a hyphen.
 */
export function githubSlug(text: string): string {
	return text
		.toLowerCase()
		.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
		.replace(/ /g, '-');
}

/** An anchor id the documentation may declare: a letter, then letters, digits, - and _. */
const ANCHOR_OPEN = /^<a\s+id\s*=\s*"([A-Za-z][\w-]*)"\s*>$/i;
const ANCHOR_CLOSE = /^<\/a\s*>$/i;
const COMMENT = /^\s*<!--[\s\S]*?-->\s*$/;
/** A table column whose cells average this many characters or more is running text. */
const PROSE_CELL_LENGTH = 40;

/** Shows a repository-relative link target from the repository's root where it can. */
export function repositoryPath(href: string, sourcePath = 'docs/model.md'): string {
	if (/^[a-z][a-z0-9+.-]*:/i.test(href)) return href;
	if (href.startsWith('/')) return href.slice(1);
	const parts = sourcePath.split('/').slice(0, -1);
	for (const part of href.split('/')) {
		if (part === '..') {
			if (parts.length === 0) return href;
			parts.pop();
		} else if (part !== '.' && part !== '') {
			parts.push(part);
		}
	}
	return parts.join('/');
}

/** A link's fragment as an id (`%20` and the like decoded; left as written if malformed). */
function decodeFragment(fragment: string): string {
	try {
		return decodeURIComponent(fragment);
	} catch {
		return fragment;
	}
}

type LinkKind = 'fragment' | 'web' | 'file';

function linkKind(href: string): LinkKind {
	if (href.startsWith('#')) return 'fragment';
	if (/^(https?:|mailto:)/i.test(href)) return 'web';
	return 'file';
}

/** One rendering pass; the first pass only collects ids, the second resolves links. */
class DocRenderer extends Renderer {
	readonly headings: DocHeading[] = [];
	readonly anchors: DocAnchor[] = [];
	readonly brokenLinks: string[] = [];
	/** Every id this pass has given out, with the page's reserved ones. */
	readonly ids = new Set<string>();
	title = '';

	private headingId: string | null = null;
	private headingText = '';
	private readonly labelCounts = new Map<string, number>();
	private titleSeen = false;
	/** Inside `<a id="…">` … `</a>`, whose closing tag is dropped. */
	private anchorOpen = false;

	constructor(
		private readonly settings: Required<RenderOptions>,
		private readonly knownIds: ReadonlySet<string> | null
	) {
		super();
		for (const id of settings.reservedIds) this.ids.add(id);
	}

	/** The heading as plain text, without Markdown or escaping. */
	private plain(tokens: Token[]): string {
		return unescapeHtml(plainText(tokens)).trim();
	}

	/** Takes an id for a heading, GitHub style: `x`, then `x-1`, `x-2`… */
	private uniqueId(base: string): string {
		const start = base === '' ? 'section' : base;
		let id = start;
		for (let n = 1; this.ids.has(id); n++) id = `${start}-${n}`;
		this.ids.add(id);
		return id;
	}

	/** Registers a declared anchor; a repeat of an id already used gets none. */
	private claimAnchor(id: string): string | null {
		if (this.ids.has(id)) return null;
		this.ids.add(id);
		this.anchors.push({ id, headingId: this.headingId });
		return id;
	}

	/** A label for a table or a block of code, naming the section it sits in. */
	private label(kind: string): string {
		const where = this.headingText || this.title || 'the document';
		const key = `${kind}: ${where}`;
		const count = (this.labelCounts.get(key) ?? 0) + 1;
		this.labelCounts.set(key, count);
		return count === 1 ? key : `${key} (${count})`;
	}

	override heading({ tokens, depth }: Tokens.Heading): string {
		const text = this.plain(tokens);
		const id = this.uniqueId(githubSlug(text));
		this.headingId = id;
		this.headingText = text;
		this.headings.push({ depth, id, text });
		if (depth === 1 && !this.titleSeen) {
			this.titleSeen = true;
			this.title = text;
			if (!this.settings.includeTitle) return '';
		}
		const level = Math.min(6, depth + this.settings.headingOffset);
		return `<h${level} id="${escapeHtml(id)}">${this.parser.parseInline(tokens)}</h${level}>\n`;
	}

	override html(token: Tokens.HTML | Tokens.Tag): string {
		const text = token.text;
		if (COMMENT.test(text)) return '';
		const open = ANCHOR_OPEN.exec(text.trim());
		if (open) {
			const id = this.claimAnchor(open[1]);
			this.anchorOpen = true;
			return id ? `<span id="${escapeHtml(id)}" class="doc-anchor"></span>` : '';
		}
		if (this.anchorOpen && ANCHOR_CLOSE.test(text.trim())) {
			this.anchorOpen = false;
			return '';
		}
		// Any other HTML is shown as written, never interpreted.
		const shown = escapeHtml(text);
		return token.block ? `<p>${shown}</p>\n` : shown;
	}

	override code({ text, lang }: Tokens.Code): string {
		const language = (lang ?? '').trim().split(/\s+/)[0];
		const label = language ? this.label(`Code (${language})`) : this.label('Formulas');
		const body = escapeHtml(text.replace(/\n+$/, ''));
		return (
			`<pre class="doc-formula" tabindex="0" role="group" aria-label="${escapeHtml(label)}">` +
			`<code>${body}</code></pre>\n`
		);
	}

	override table(token: Tokens.Table): string {
		// Columns of running text (a meaning, a source) are marked, so that they keep a
		// readable width while short columns (a default, a unit) stay narrow.
		const prose = token.header.map((_, col) => {
			const lengths = token.rows.map((row) => (row[col] ? this.plain(row[col].tokens).length : 0));
			const mean = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
			return mean >= PROSE_CELL_LENGTH;
		});
		const attrs = (cell: Tokens.TableCell, col: number): string => {
			const classes = [cell.align ? `align-${cell.align}` : '', prose[col] ? 'prose' : '']
				.filter(Boolean)
				.join(' ');
			return classes ? ` class="${classes}"` : '';
		};
		const head = token.header
			.map(
				(cell, col) =>
					`<th scope="col"${attrs(cell, col)}>${this.parser.parseInline(cell.tokens)}</th>`
			)
			.join('');
		const rows = token.rows
			.map((row) => {
				let rowId: string | null = null;
				const cells = row.map((cell, col) => {
					let tokens = cell.tokens;
					// `<a id="…"></a>` at the start of a row names the row itself.
					const [first, second] = tokens;
					if (
						col === 0 &&
						first?.type === 'html' &&
						second?.type === 'html' &&
						ANCHOR_CLOSE.test(second.text.trim())
					) {
						const open = ANCHOR_OPEN.exec(first.text.trim());
						if (open) {
							rowId = this.claimAnchor(open[1]);
							tokens = tokens.slice(2);
						}
					}
					const content = this.parser.parseInline(tokens);
					return col === 0
						? `<th scope="row"${attrs(cell, col)}>${content}</th>`
						: `<td${attrs(cell, col)}>${content}</td>`;
				});
				const id = rowId === null ? '' : ` id="${escapeHtml(rowId)}"`;
				return `<tr${id}>${cells.join('')}</tr>`;
			})
			.join('\n');
		const label = escapeHtml(this.label('Table'));
		return (
			`<div class="doc-table" tabindex="0" role="group" aria-label="${label}">` +
			`<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${rows}\n</tbody>\n</table></div>\n`
		);
	}

	override link({ href, tokens }: Tokens.Link): string {
		const inner = this.parser.parseInline(tokens);
		const kind = linkKind(href);
		switch (kind) {
			case 'fragment': {
				const target = decodeFragment(href.slice(1));
				if (this.knownIds && !this.knownIds.has(target)) {
					this.brokenLinks.push(href);
					return inner;
				}
				return `<a href="#${escapeHtml(encodeURIComponent(target))}">${inner}</a>`;
			}
			case 'web':
				return `<a href="${escapeHtml(href)}" rel="external noreferrer">${inner}</a>`;
			case 'file': {
				const path = repositoryPath(href, this.settings.sourcePath);
				const text = this.plain(tokens);
				const code = `<code>${escapeHtml(path)}</code>`;
				return text === href || text === path ? code : `${inner} (${code})`;
			}
			default:
				return kind satisfies never;
		}
	}

	override codespan({ text }: Tokens.Codespan): string {
		// A dotted name (contract.lengthMonths) may wrap after a dot rather than mid-word.
		return `<code>${escapeHtml(text).replace(/\.(?=[A-Za-z])/g, '.<wbr>')}</code>`;
	}

	override checkbox({ checked }: Tokens.Checkbox): string {
		// A task list's box is shown, not offered as a form control.
		return `<span class="doc-task">${checked ? '☑' : '☐'}</span> `;
	}

	override image({ text }: Tokens.Image): string {
		// Images are not part of the app: their description stands in for them.
		return text ? `<span class="doc-image">[${escapeHtml(text)}]</span>` : '';
	}
}

/**
 * Renders Markdown to safe HTML with GitHub's heading ids. Pure and synchronous; meant to
 * run at build time.
 */
export function renderMarkdown(source: string, options: RenderOptions = {}): RenderedDoc {
	const settings: Required<RenderOptions> = {
		headingOffset: options.headingOffset ?? 0,
		reservedIds: [...(options.reservedIds ?? [])],
		includeTitle: options.includeTitle ?? true,
		sourcePath: options.sourcePath ?? 'docs/model.md'
	};
	const pass = (knownIds: ReadonlySet<string> | null) => {
		const renderer = new DocRenderer(settings, knownIds);
		// A fresh token list each pass: the parser may annotate tokens as it goes.
		const tokens = Lexer.lex(source, { gfm: true });
		const html = new Parser({ gfm: true, renderer }).parse(tokens);
		return { html, renderer };
	};
	// The first pass learns every id, so the second can tell in-document links that land
	// from links whose target does not exist.
	const { renderer: first } = pass(null);
	const { html, renderer } = pass(first.ids);
	return {
		html,
		title: renderer.title,
		headings: renderer.headings,
		anchors: renderer.anchors,
		brokenLinks: renderer.brokenLinks
	};
}
