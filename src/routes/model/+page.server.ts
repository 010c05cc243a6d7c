/**
 * The model's full documentation (docs/model.md), rendered to HTML while the page is
 * prerendered: the Markdown parser runs at build time only and never reaches the browser.
 */
import source from '../../../docs/model.md?raw';
import { renderMarkdown } from '$lib/docs/markdown.server';
import { PAGE_IDS } from '$lib/features/model/overview';
import type { PageServerLoad } from './$types';

export const prerender = true;

export const load: PageServerLoad = () => {
	const doc = renderMarkdown(source, {
		// The page's own title is the <h1>; the document's title becomes an <h2>.
		headingOffset: 1,
		reservedIds: PAGE_IDS
	});
	return {
		doc: {
			html: doc.html,
			title: doc.title,
			headings: doc.headings,
			anchors: doc.anchors
		}
	};
};
