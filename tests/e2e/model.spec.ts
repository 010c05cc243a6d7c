/**
 * The model page presents the model's full documentation (docs/model.md) below a plain-English
 * overview: the ODD sections, the parameter tables with a row per setting (the anchors the
 * editor's "In the model" links use), the equations, working contents links, a layout that
 * fits a laptop, a projector and a phone, and a sensible printout.
 */
import { PARAMS, SEGMENT_PARAMS, paramAnchor } from '../../src/lib/sim/index';
import { expect, expectAccessible, test } from './fixtures';

test('shows the overview and the full documentation, with its sections, tables and equations', async ({
	page
}) => {
	test.setTimeout(120_000); // axe over the whole document (about 2,700 elements)
	await page.goto('/model');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('How the model works');
	await expect(page.getByRole('heading', { name: 'In plain words' })).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Trust has four parts' })).toBeVisible();

	// The documentation itself, its title and the protocol's sections.
	await expect(
		page.getByRole('heading', { name: 'Slow Trust: the model', level: 2 })
	).toBeVisible();
	for (const name of [
		'1. Purpose and patterns',
		'4. Design concepts',
		'7. Submodels',
		'7.14 Parameters',
		'9. References'
	]) {
		await expect(page.getByRole('heading', { name, exact: true }), name).toHaveCount(1);
	}
	await expect(page.locator('[id="1-purpose-and-patterns"]')).toHaveText('1. Purpose and patterns');
	await expect(page.locator('[id="9-references"]')).toHaveText('9. References');
	await expect(
		page.getByText('Slovic, P. (1993). Perceived risk, trust, and democracy.')
	).toHaveCount(1);

	// A parameter table row.
	const row = page.locator('tr#param-contract-lengthMonths');
	await expect(row).toHaveCount(1);
	await expect(row.getByRole('rowheader')).toHaveText('contract.lengthMonths');
	await expect(row.getByRole('cell').first()).toHaveText('Contract length');
	const table = row.locator('xpath=ancestor::table');
	await expect(table.getByRole('columnheader')).toHaveText([
		'Parameter',
		'Label',
		'Default',
		'Range',
		'Unit',
		'Meaning',
		'Source'
	]);

	// An equation, as a block that keeps its layout.
	const formula = page.getByRole('group', {
		name: 'Formulas: 7.2 Trust components: an asymmetric step in log-odds',
		exact: true
	});
	await expect(formula).toContainText('x ← x + x · (1 − x) · d');
	await expect(formula).toHaveCSS('white-space', 'pre');
	expect(await page.locator('pre.doc-formula').count()).toBeGreaterThan(10);

	// Markdown's raw anchors became ids, not text; file paths stayed code.
	await expect(page.locator('.doc')).not.toContainText('<a id=');
	await expect(page.locator('.doc a[href^="src/"], .doc a[href^="../"]')).toHaveCount(0);

	await expectAccessible(page);
});

test('every setting has a row with its name and label', async ({ page }) => {
	await page.goto('/model');
	const rows = [
		...PARAMS.map((p) => ({ p, anchor: paramAnchor(p.path) })),
		...SEGMENT_PARAMS.map((p) => ({ p, anchor: paramAnchor(p.path, true) }))
	];
	const found = await page.evaluate(
		(anchors) =>
			anchors.map((anchor) => {
				const row = document.getElementById(anchor);
				return {
					anchor,
					tag: row?.tagName ?? null,
					header: row?.querySelector('th')?.textContent ?? null,
					label: row?.querySelector('td')?.textContent ?? null
				};
			}),
		rows.map((r) => r.anchor)
	);
	for (const [i, { p }] of rows.entries()) {
		expect(found[i], p.path).toEqual({
			anchor: rows[i].anchor,
			tag: 'TR',
			header: p.path,
			label: expect.stringContaining(p.label)
		});
	}
});

test("the document's contents links and the page's contents scroll to their headings", async ({
	page
}) => {
	await page.goto('/model');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });

	// The document's own list of contents.
	const contents = page
		.locator('.doc ol')
		.filter({ has: page.locator('a[href="#1-purpose-and-patterns"]') });
	await contents.getByRole('link', { name: 'Submodels', exact: true }).click();
	await expect(page).toHaveURL(/\/model#7-submodels$/);
	await expect(page.locator('[id="7-submodels"]')).toBeInViewport();

	await contents.getByRole('link', { name: 'References', exact: true }).click();
	await expect(page).toHaveURL(/#9-references$/);
	await expect(page.locator('[id="9-references"]')).toBeInViewport();

	// The contents beside the text on a wide screen, which stays in view.
	const toc = page.getByRole('navigation', { name: 'On this page' });
	await expect(toc).toBeInViewport();
	await toc.getByRole('link', { name: '7.14 Parameters' }).click();
	await expect(page.locator('[id="714-parameters"]')).toBeInViewport();
	await expect(toc).toBeInViewport();
	// It marks the section being read.
	await expect(toc.locator('[aria-current="location"]')).toHaveText('7.14 Parameters');

	// The overview points newcomers to the parameters.
	await toc.getByRole('link', { name: 'In plain words' }).click();
	await page.locator('#overview').getByRole('link', { name: '7.14 Parameters' }).click();
	await expect(page.locator('[id="714-parameters"]')).toBeInViewport();
});

test("the editor's link for a setting lands on its row", async ({ page }) => {
	await page.goto('/scenarios/preset-typical');
	const link = page.getByRole('link', { name: /^In the model\s*: Contract length$/ });
	await link.click();
	await expect(page).toHaveURL(/\/model#param-contract-lengthMonths$/);
	const row = page.locator('#param-contract-lengthMonths');
	await expect(row).toBeInViewport();
	await expect(row).toContainText('Contract length');
	expect(await row.evaluate((el) => el.matches(':target'))).toBe(true);
	// Highlighted as the row the reader came for.
	await expect(row).toHaveCSS('outline-style', 'solid');
});

test('a deep link to a setting lands on its row on first load', async ({ page }) => {
	await page.goto('/model#param-segment-weights-intent');
	const row = page.locator('#param-segment-weights-intent');
	await expect(row).toBeInViewport();
	await expect(row).toContainText('Weight on intent');
});

test('on a phone the tables scroll sideways inside their boxes, not the page', async ({ page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	test.setTimeout(120_000); // axe over the whole document (about 2,700 elements)
	await page.goto('/model#714-parameters');
	// Nothing in the page's content reaches past the screen's edge.
	const widths = await page.evaluate(() => ({
		content: document.querySelector('.model-page')?.scrollWidth ?? Infinity,
		right: document.querySelector('.model-page')?.getBoundingClientRect().right ?? Infinity,
		viewport: document.documentElement.clientWidth
	}));
	expect(widths.content).toBeLessThanOrEqual(widths.viewport);
	expect(widths.right).toBeLessThanOrEqual(widths.viewport);
	const box = page.getByRole('group', { name: 'Table: Contract', exact: true });
	const scrolls = await box.evaluate((el) => el.scrollWidth > el.clientWidth);
	expect(scrolls).toBe(true);
	// Reachable from the keyboard, so it can be scrolled without a mouse.
	await box.focus();
	await expect(box).toBeFocused();
	await page.keyboard.press('ArrowRight');
	await expect.poll(() => box.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
	// The contents beside the text is for wide screens; the document's own list stays.
	await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
	// The shell's header is left out: at this width its last tab runs past the navy band
	// (an issue of the shell, on every page, checked by the shell's own tests).
	await expectAccessible(page, { exclude: ['.site-header'] });
});

test('prints the documentation without the app around it', async ({ page }) => {
	await page.goto('/model');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByRole('banner')).toBeHidden();
	await expect(page.getByRole('navigation', { name: 'On this page' })).toBeHidden();
	await expect(page.locator('[id="714-parameters"]')).toBeVisible();
	// Nothing is cut off at the edge of a scroll box on paper.
	const formula = page.getByRole('group', {
		name: 'Formulas: 7.2 Trust components: an asymmetric step in log-odds',
		exact: true
	});
	await expect(formula).toHaveCSS('white-space', 'pre-wrap');
	await expect(page.getByRole('group', { name: 'Table: Contract', exact: true })).toHaveCSS(
		'overflow-x',
		'visible'
	);
	const pdf = await page.pdf({ format: 'A4' });
	expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
});
