/**
 * The scenario report: laid out for A4 and "save as PDF", its charts downloaded as SVG and
 * PNG (at twice their size) and its results as CSV, and its receipt's share link re-running
 * the scenario to the same headline in another browser profile.
 */
import { readFile, writeFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { encodeScenario } from '../../src/lib/db/share';
import { PRESETS, METRICS, SERIES } from '../../src/lib/sim';
import { expect, expectAccessible, test } from './fixtures';

const TYPICAL = PRESETS.find((p) => p.id === 'typical')?.scenario ?? PRESETS[0].scenario;

async function downloaded(
	page: Page,
	click: () => Promise<void>
): Promise<{ d: Download; bytes: Buffer }> {
	const [d] = await Promise.all([page.waitForEvent('download'), click()]);
	const path = await d.path();
	return { d, bytes: await readFile(path) };
}

/** Waits for the report to have run (or loaded) its result and drawn its charts. */
async function reportReady(page: Page, timeout = 120_000) {
	await expect(page.getByTestId('report-headline')).toBeVisible({ timeout });
	await expect(page.locator('[data-chart="fan"] .plot svg')).toBeVisible();
}

test('the demo report prints to A4 with its title, assumptions and receipt, and downloads its charts and data', async ({
	page
}) => {
	// The demo's full run of futures happens in the browser on a busy machine.
	test.setTimeout(240_000);
	await page.goto('/scenarios/preset-typical/report');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TYPICAL.name);
	// No stored result in a fresh profile: it runs, showing progress.
	await expect(page.getByRole('progressbar', { name: 'Simulation progress' })).toBeVisible();
	await reportReady(page);
	await expect(page).toHaveTitle(`${TYPICAL.name} · Report · Slow Trust`);
	await expectAccessible(page);

	// Every parameter is listed; the demo example is its own preset, so nothing differs.
	const table = page.getByRole('table', { name: /Assumptions/ });
	await expect(table.getByRole('row', { name: /Contract length/ })).toContainText('36');
	await expect(page.getByText(`Every value is as in “${TYPICAL.name}”.`)).toBeVisible();
	// Probabilities with their standard errors.
	await expect(page.getByRole('table', { name: /Probabilities/ })).toContainText('±');
	// The receipt.
	await expect(page.locator('[data-receipt="seed"]')).toHaveText(String(TYPICAL.seed));
	await expect(page.locator('[data-receipt="runs"]')).toHaveText(
		TYPICAL.runs.toLocaleString('en-GB')
	);
	await expect(page.locator('[data-receipt="scenarioHash"]')).toHaveText(/^[0-9a-z]+$/);
	await expect(page.getByTestId('receipt-link')).toHaveAttribute('href', /\/share#v1p?\./);
	await expect(page.getByRole('link', { name: 'model page' })).toHaveAttribute('href', '/model');

	// "How the futures end" downloads from the report as one figure of four histograms.
	const ends = page.getByRole('group', { name: 'Download How the futures end' });
	const endsSvg = await downloaded(page, () =>
		ends.getByRole('button', { name: 'Download How the futures end as SVG' }).click()
	);
	expect(endsSvg.d.suggestedFilename()).toMatch(/-ends\.svg$/);
	const endsParsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const root = doc.documentElement;
		return {
			error: doc.getElementsByTagName('parsererror').length > 0,
			title: root.getElementsByTagName('title')[0]?.textContent ?? '',
			plots: Array.from(root.children).filter(
				(c) => c.nodeName === 'svg' && Number(c.getAttribute('width')) > 100
			).length
		};
	}, endsSvg.bytes.toString('utf8'));
	expect(endsParsed).toEqual({ error: false, title: 'How the futures end', plots: 4 });

	// SVG of the fan chart: it parses, has the chart's paths, its title and its legend.
	const fan = page.locator('[data-chart="fan"]');
	const plotBox = await fan.locator('.plot svg').first().boundingBox();
	expect(plotBox).not.toBeNull();
	const svg = await downloaded(page, () =>
		fan.getByRole('button', { name: 'Download Trust over time as SVG' }).click()
	);
	expect(svg.d.suggestedFilename()).toBe('today-s-typical-contract-fan.svg');
	const svgText = svg.bytes.toString('utf8');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const root = doc.documentElement;
		return {
			error: doc.getElementsByTagName('parsererror').length > 0,
			root: root.nodeName,
			width: Number(root.getAttribute('width')),
			height: Number(root.getAttribute('height')),
			lines: root.getElementsByTagName('line').length,
			bandPaths: Array.from(root.getElementsByTagName('path')).filter(
				(p) => (p.getAttribute('d') ?? '').length > 200
			).length,
			text: root.textContent ?? '',
			styled: Array.from(root.getElementsByTagName('path')).every((p) =>
				(p.getAttribute('style') ?? '').includes('fill')
			)
		};
	}, svgText);
	expect(parsed.error).toBe(false);
	expect(parsed.root).toBe('svg');
	expect(parsed.bandPaths).toBeGreaterThanOrEqual(3); // two bands and the median
	expect(parsed.styled).toBe(true);
	expect(parsed.text).toContain('Trust over time');
	expect(parsed.text).toContain('Median: half of futures above, half below');
	expect(parsed.text).toContain('Provider mobilising');
	expect(parsed.width).toBeGreaterThanOrEqual(Math.floor(plotBox!.width));
	expect(parsed.height).toBeGreaterThan(plotBox!.height);

	// PNG at twice the chart's size.
	const png = await downloaded(page, () =>
		fan.getByRole('button', { name: 'Download Trust over time as PNG' }).click()
	);
	expect(png.d.suggestedFilename()).toBe('today-s-typical-contract-fan.png');
	expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
	expect(png.bytes.readUInt32BE(16)).toBe(2 * parsed.width);
	expect(png.bytes.readUInt32BE(20)).toBe(2 * parsed.height);
	expect(png.bytes.length).toBeGreaterThan(20_000);

	// Another chart's SVG: the ladder, with its rungs in the legend.
	const ladder = await downloaded(page, () =>
		page
			.locator('[data-chart="ladder"]')
			.getByRole('button', { name: 'Download The ladder of co-production as SVG' })
			.click()
	);
	expect(ladder.bytes.toString('utf8')).toContain('Co-producing');

	// CSV: monthly bands, one row per month; per-run end metrics, one row per future.
	const bands = await downloaded(page, () =>
		page.getByRole('button', { name: 'Monthly percentile bands (CSV)' }).click()
	);
	const bandLines = bands.bytes.toString('utf8').trimEnd().split('\n');
	expect(bandLines[0].startsWith('month,trust_p5,trust_p10,trust_p25,trust_p50')).toBe(true);
	expect(bandLines[0].split(',')).toHaveLength(1 + SERIES.length * 8);
	expect(bandLines).toHaveLength(1 + TYPICAL.horizonMonths);
	expect(bandLines[1].split(',')[0]).toBe('1');
	expect(bandLines[TYPICAL.horizonMonths].split(',')[0]).toBe(String(TYPICAL.horizonMonths));
	const perRun = await downloaded(page, () =>
		page.getByRole('button', { name: 'Per-run end metrics (CSV)' }).click()
	);
	const runLines = perRun.bytes.toString('utf8').trimEnd().split('\n');
	expect(runLines[0]).toBe(['run', ...METRICS].join(','));
	expect(runLines).toHaveLength(1 + TYPICAL.runs);
	const fanCsv = await downloaded(page, () =>
		fan.getByRole('button', { name: 'Download the data of Trust over time as CSV' }).click()
	);
	expect(fanCsv.bytes.toString('utf8')).toBe(bands.bytes.toString('utf8'));

	// Print: no app chrome or buttons, the title, the assumptions and the receipt shown.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.site-header')).toBeHidden();
	await expect(page.locator('footer.site-footer')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(page.getByRole('button', { name: /as SVG$/ }).first()).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Download the data' })).toBeHidden();
	await expect(page.getByRole('heading', { level: 1, name: TYPICAL.name })).toBeVisible();
	await expect(table).toBeVisible();
	await expect(page.getByRole('heading', { name: 'Reproducibility receipt' })).toBeVisible();
	await expect(page.getByTestId('receipt-link')).toBeVisible();
	await expect(page.locator('[data-chart="fan"] .plot svg')).toBeVisible();
	// The charts fit the printed page's width (A4 less 15 mm margins: 180 mm, 680 px).
	for (const svgBox of await page.locator('.figure .plot svg').all()) {
		const box = await svgBox.boundingBox();
		expect(box!.width).toBeLessThanOrEqual(681);
	}
	const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
	const pdfText = pdf.toString('latin1');
	expect(pdfText.startsWith('%PDF-')).toBe(true);
	const pages = pdfText.match(/\/Type\s*\/Page[^s]/g) ?? [];
	expect(pages.length).toBeGreaterThanOrEqual(4);
	// A4 is 595 by 842 points.
	expect(pdfText).toMatch(/\/MediaBox\s*\[\s*0 0 59[45](\.\d+)? 84[12](\.\d+)?\s*\]/);
	expect(pdf.length).toBeGreaterThan(100_000);
	await page.setViewportSize({ width: 794, height: 1123 });
	await page.screenshot({ path: test.info().outputPath('report-print.png'), fullPage: true });
});

test('"How the futures end" downloads from the workbench as one image with its title, keys and all four histograms', async ({
	page
}) => {
	// The demo's full run of futures happens in the browser on a busy machine.
	test.setTimeout(180_000);
	await page.goto('/scenarios/preset-typical');
	await expect(page.locator('[data-run-state]')).toHaveAttribute('data-run-state', 'done', {
		timeout: 150_000
	});
	const group = page.locator('[data-chart-group]');
	await expect(group.locator('.plot svg')).toHaveCount(4);
	const menu = page.getByRole('group', { name: 'Download How the futures end' });
	await expect(menu).toBeVisible();
	const onScreen = await group.evaluate((el) => ({
		width: el.getBoundingClientRect().width,
		rects: el.querySelectorAll('.plot svg rect').length,
		titles: Array.from(el.querySelectorAll('section.chart h4, section.chart h3'), (h) =>
			(h.textContent ?? '').trim()
		)
	}));
	expect(onScreen.titles).toEqual([
		'Trust in the final year',
		'Months to trust',
		'KPI reviews met',
		'Health outcomes'
	]);

	// SVG: it parses, and holds the group's title, its keys, each histogram's title, its
	// probability line and its bars, and the source line.
	const svg = await downloaded(page, () =>
		menu.getByRole('button', { name: 'Download How the futures end as SVG' }).click()
	);
	expect(svg.d.suggestedFilename()).toBe('today-s-typical-contract-how-the-futures-end.svg');
	const parsed = await page.evaluate((text) => {
		const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
		const root = doc.documentElement;
		// The small charts are the nested SVGs wider than a legend's swatch.
		const plots = Array.from(root.children).filter(
			(c) => c.nodeName === 'svg' && Number(c.getAttribute('width')) > 100
		);
		return {
			error: doc.getElementsByTagName('parsererror').length > 0,
			root: root.nodeName,
			title: root.getElementsByTagName('title')[0]?.textContent ?? '',
			width: Number(root.getAttribute('width')),
			height: Number(root.getAttribute('height')),
			plots: plots.length,
			plotTops: plots.map((p) => Number(p.getAttribute('y'))),
			rects: root.getElementsByTagName('rect').length,
			lines: root.getElementsByTagName('line').length,
			texts: Array.from(root.getElementsByTagName('text'), (t) => t.textContent ?? '')
		};
	}, svg.bytes.toString('utf8'));
	expect(parsed.error).toBe(false);
	expect(parsed.root).toBe('svg');
	expect(parsed.title).toBe('How the futures end');
	expect(parsed.texts[0]).toBe('How the futures end');
	expect(parsed.plots).toBe(4);
	// Two rows of two, whether or not the page stacks them.
	expect(new Set(parsed.plotTops).size).toBe(2);
	// Every bar on the page (two parts a bar), plus the background and the legend's swatches.
	expect(parsed.rects).toBeGreaterThan(onScreen.rects);
	expect(parsed.lines).toBeGreaterThan(4 * 4); // each histogram's axes and grid
	const words = parsed.texts.join(' ');
	for (const title of onScreen.titles) expect(parsed.texts).toContain(title);
	expect(words).toContain('Futures in which it never did');
	expect(words).toMatch(/At or above \d\.\d\d in the final year/);
	expect(words).toContain('Share of futures');
	expect(words).toContain(`${TYPICAL.runs.toLocaleString('en-GB')} futures`);
	expect(parsed.width).toBeGreaterThanOrEqual(Math.floor(onScreen.width) - 40);

	// PNG at twice the image's size.
	const png = await downloaded(page, () =>
		menu.getByRole('button', { name: 'Download How the futures end as PNG' }).click()
	);
	expect(png.d.suggestedFilename()).toBe('today-s-typical-contract-how-the-futures-end.png');
	expect([...png.bytes.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
	expect(png.bytes.readUInt32BE(16)).toBe(2 * parsed.width);
	expect(png.bytes.readUInt32BE(20)).toBe(2 * parsed.height);
	expect(png.bytes.length).toBeGreaterThan(20_000);
	await writeFile(test.info().outputPath('how-the-futures-end.png'), png.bytes);
});

test('the receipt link re-runs the scenario in another profile to the same headline', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	// A small run count keeps it quick; the receipt carries it.
	const small = { ...TYPICAL, name: 'Board pack check', runs: 60 };
	const code = await encodeScenario(small);
	if (!code.ok) throw new Error(code.error);
	await page.goto(`/share#${code.value}`);
	await page.getByRole('button', { name: 'Add to my library' }).click();
	// Straight to the report (the workbench would start its own run).
	const open = page.getByRole('link', { name: 'Open “Board pack check”' });
	await page.goto(`${await open.getAttribute('href')}/report`);
	await reportReady(page);
	await expect(page.locator('[data-receipt="runs"]')).toHaveText('60');
	const headline = await page.getByTestId('report-headline').textContent();
	const hash = await page.locator('[data-receipt="scenarioHash"]').textContent();
	const link = await page.getByTestId('receipt-link').getAttribute('href');
	expect(link).toMatch(/^http:\/\/localhost:\d+\/share#v1p?\./);
	await expectAccessible(page);

	// Reopened, the report uses the stored result rather than running again.
	await page.reload();
	await reportReady(page, 20_000);
	await expect(page.getByTestId('report-headline')).toHaveText(headline!);

	const context = await browser.newContext({ baseURL });
	const other = await context.newPage();
	const errors: string[] = [];
	other.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
	other.on('pageerror', (e) => errors.push(e.message));
	await other.goto(link!);
	await other.getByRole('button', { name: 'Add to my library' }).click();
	const openOther = other.getByRole('link', { name: 'Open “Board pack check”' });
	await expect(openOther).toHaveAttribute('href', /^\/scenarios\/[0-9a-f-]{36}$/);
	await other.goto(`${await openOther.getAttribute('href')}/report`);
	await reportReady(other);
	await expect(other.getByTestId('report-headline')).toHaveText(headline!);
	await expect(other.locator('[data-receipt="scenarioHash"]')).toHaveText(hash!);
	// A copy is compared with the demo preset: only the run count differs.
	await expect(
		other.getByText(/^1 of \d+ values differ from “Today's typical contract”/)
	).toBeVisible();
	expect(errors).toEqual([]);
	await context.close();
});

test('a comparison report runs two examples on one seed, prints, and downloads its chart', async ({
	page
}) => {
	test.setTimeout(120_000);
	const towards = PRESETS.find((p) => p.id === 'towards')?.scenario ?? PRESETS[1].scenario;
	await page.goto('/compare/report?scenarios=preset-typical,preset-towards&runs=20');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(
		`Comparison: A ${TYPICAL.name}, B ${towards.name}`
	);
	const headlines = page.getByTestId('compare-headline');
	await expect(headlines).toHaveCount(2, { timeout: 90_000 });
	await expect(headlines.first()).toContainText(`A. ${TYPICAL.name}:`);
	await expect(page.locator('[data-receipt="runs"]')).toHaveText(['20', '20']);
	await expect(page.locator('[data-receipt="seed"]')).toHaveText([
		String(TYPICAL.seed),
		String(TYPICAL.seed)
	]);
	await expect(page.getByTestId('receipt-link')).toHaveCount(2);
	await expectAccessible(page);

	const svg = await downloaded(page, () =>
		page.getByRole('button', { name: 'Download Trust over time, side by side as SVG' }).click()
	);
	const text = svg.bytes.toString('utf8');
	expect(text).toContain('Trust over time, side by side');
	expect(text).toContain(towards.name.replace(/'/g, '&apos;'));
	expect(text).toContain('<path');

	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('header.site-header')).toBeHidden();
	await expect(page.getByRole('button', { name: 'Print or save as PDF' })).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Reproducibility receipts' })).toBeVisible();
	const pdf = await page.pdf({ preferCSSPageSize: true });
	const pdfText = pdf.toString('latin1');
	expect(pdfText.startsWith('%PDF-')).toBe(true);
	expect((pdfText.match(/\/Type\s*\/Page[^s]/g) ?? []).length).toBeGreaterThanOrEqual(2);
});
