/**
 * Every page on a phone and a small tablet: at 360, 390 and 768 px wide no page scrolls
 * sideways, no control (button, link, field, list) overlaps another or sticks out of the
 * screen, and no chart text is under 12 px. Pages with charts are checked once the charts
 * have drawn, with few futures so that they draw soon.
 */
import type { Page } from '@playwright/test';
import { encodeScenario } from '../../src/lib/db/share';
import { PRESETS } from '../../src/lib/sim';
import { expect, expectAccessible, test } from './fixtures';

const WIDTHS = [360, 390, 768];
const TOWARDS = PRESETS.find((p) => p.id === 'towards')?.scenario ?? PRESETS[0].scenario;

/**
 * What is wrong with the page's layout at its present width, in words (empty when nothing
 * is). Runs in the page.
 */
function layoutProblems(): string[] {
	const problems: string[] = [];
	window.scrollTo(0, 0);
	const viewport = document.documentElement.clientWidth;
	const root = document.scrollingElement ?? document.documentElement;
	if (root.scrollWidth > root.clientWidth + 1)
		problems.push(`the page scrolls sideways: ${root.scrollWidth} px wide`);

	const name = (el: Element): string => {
		const text = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
		return `${el.tagName.toLowerCase()} “${text.replace(/\s+/g, ' ').slice(0, 40)}”`;
	};
	const overflows = (value: string) => value !== 'visible';
	/** The part of a box its scrolling (or clipping) ancestors leave in view, if any. */
	const inView = (el: Element, box: DOMRect) => {
		let { left, top, right, bottom } = box;
		for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
			const style = getComputedStyle(a);
			if (!overflows(style.overflowX) && !overflows(style.overflowY)) continue;
			const clip = a.getBoundingClientRect();
			if (overflows(style.overflowX))
				[left, right] = [Math.max(left, clip.left), Math.min(right, clip.right)];
			if (overflows(style.overflowY))
				[top, bottom] = [Math.max(top, clip.top), Math.min(bottom, clip.bottom)];
		}
		return right - left > 0 && bottom - top > 0 ? { left, top, right, bottom } : null;
	};
	/** Whether an ancestor scrolls (or clips) sideways: the control is reached inside it. */
	const inSidewaysBox = (el: Element) => {
		for (let a = el.parentElement; a && a !== document.body; a = a.parentElement)
			if (overflows(getComputedStyle(a).overflowX)) return true;
		return false;
	};

	const controls = [
		...document.querySelectorAll('a[href], button, input, select, textarea, summary')
	].filter((el) => {
		if (!el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
		if (el.closest('.visually-hidden')) return false;
		const box = el.getBoundingClientRect();
		// Above the page's top: a skip link waiting for focus.
		return box.width > 2 && box.height > 2 && box.bottom > 0;
	});
	for (const el of controls) {
		const box = el.getBoundingClientRect();
		if ((box.left < -1 || box.right > viewport + 1) && !inSidewaysBox(el))
			problems.push(
				`${name(el)} sticks out of the screen (${Math.round(box.left)} to ${Math.round(box.right)} px)`
			);
	}
	// A link that wraps over two lines is two boxes; each is compared.
	const parts = controls.map((el) => ({
		el,
		boxes: [...el.getClientRects()].flatMap((box) => inView(el, box) ?? [])
	}));
	for (let i = 0; i < parts.length; i++)
		for (let j = i + 1; j < parts.length; j++) {
			const a = parts[i];
			const b = parts[j];
			if (a.el.contains(b.el) || b.el.contains(a.el)) continue;
			const hit = a.boxes.some((p) =>
				b.boxes.some(
					(q) =>
						Math.min(p.right, q.right) - Math.max(p.left, q.left) > 2 &&
						Math.min(p.bottom, q.bottom) - Math.max(p.top, q.top) > 2
				)
			);
			if (hit) problems.push(`${name(a.el)} overlaps ${name(b.el)}`);
		}

	for (const text of document.querySelectorAll('svg text')) {
		if (!text.textContent?.trim() || !text.checkVisibility({ checkVisibilityCSS: true })) continue;
		const matrix = (text as SVGTextElement).getScreenCTM();
		const size =
			parseFloat(getComputedStyle(text).fontSize) * (matrix ? Math.hypot(matrix.a, matrix.b) : 1);
		if (size < 11.95)
			problems.push(
				`chart text “${text.textContent.trim().slice(0, 20)}” is ${size.toFixed(1)} px`
			);
	}
	return problems;
}

/** Checks the page at each width, giving charts and layouts a moment to settle after each. */
async function expectUsableAtEveryWidth(page: Page): Promise<void> {
	for (const width of WIDTHS) {
		await page.setViewportSize({ width, height: 800 });
		await expect
			.poll(() => page.evaluate(layoutProblems), { message: `at ${width} px wide` })
			.toEqual([]);
	}
}

test.describe('every page at 360, 390 and 768 px wide', () => {
	// The pages with charts run a few futures on a small machine shared with other tests.
	test.describe.configure({ timeout: 90_000 });
	test.use({ viewport: { width: 360, height: 800 } });

	test('the library', async ({ page }) => {
		await page.goto('/');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectUsableAtEveryWidth(page);
		// The site's four links share one row at every width, the narrowest phone included.
		for (const width of WIDTHS) {
			await page.setViewportSize({ width, height: 800 });
			const tops = await page
				.getByRole('navigation', { name: /main|site/i })
				.getByRole('link')
				.evaluateAll((links) => links.map((a) => Math.round(a.getBoundingClientRect().top)));
			expect(tops, `at ${width} px wide`).toHaveLength(4);
			expect(new Set(tops).size, `at ${width} px wide`).toBe(1);
		}
		// Nothing serious for a screen reader or a keyboard on a phone either.
		await page.setViewportSize({ width: 360, height: 800 });
		await expectAccessible(page);
	});

	test('the workbench, with its results', async ({ page }) => {
		await page.goto('/scenarios/preset-typical');
		await page.getByRole('textbox', { name: 'Simulated futures', exact: true }).fill('100');
		await expect(page.locator('[data-run-state]')).toContainText('100 futures simulated', {
			timeout: 60_000
		});
		await expectUsableAtEveryWidth(page);
		await page.setViewportSize({ width: 360, height: 800 });
		await expectAccessible(page);
	});

	test('the scenario report', async ({ page }) => {
		await page.goto('/scenarios/preset-typical/report');
		await expect(page.getByTestId('report-headline')).toBeVisible({ timeout: 60_000 });
		await expect(page.locator('[data-chart="fan"] .plot svg')).toBeVisible();
		await expectUsableAtEveryWidth(page);
	});

	test('the comparison, with its results', async ({ page }) => {
		await page.goto('/compare');
		await page.getByRole('checkbox', { name: /Today's typical contract/ }).check();
		await page.getByRole('checkbox', { name: /Working towards co-production/ }).check();
		await page.getByLabel('Futures per scenario').selectOption('100');
		await page.getByRole('button', { name: 'Run comparison' }).click();
		await expect(page.getByRole('heading', { name: 'Trust over time' })).toBeVisible({
			timeout: 60_000
		});
		await expectUsableAtEveryWidth(page);
	});

	test('the sweep, with its heat map', async ({ page }) => {
		await page.goto('/compare/sweep?scenario=preset-towards');
		await page.getByLabel('Values across').fill('3');
		await page.getByLabel('Values up').fill('3');
		await page.getByLabel('Futures per cell').selectOption('50');
		await page.getByRole('button', { name: 'Run the sweep' }).click();
		await expect(page.getByText('The sweep is complete.')).toBeVisible({ timeout: 60_000 });
		await expectUsableAtEveryWidth(page);
	});

	test('the sensitivity analysis, with its tornado chart', async ({ page }) => {
		await page.goto('/compare/sensitivity?scenario=preset-typical');
		await page.getByLabel('Futures per run').selectOption('50');
		for (const group of ['KPIs', 'Power sharing', 'Provider', 'Partners', 'Oversight'])
			await page.getByRole('checkbox', { name: group, exact: true }).uncheck();
		await page.getByRole('button', { name: 'Run the sensitivity analysis' }).click();
		await expect(page.getByText('The sensitivity analysis is complete.')).toBeVisible({
			timeout: 60_000
		});
		await expectUsableAtEveryWidth(page);
	});

	test('the comparison report', async ({ page }) => {
		await page.goto('/compare/report?scenarios=preset-typical,preset-towards&runs=20');
		await expect(page.getByTestId('compare-headline')).toHaveCount(2, { timeout: 60_000 });
		await expectUsableAtEveryWidth(page);
	});

	test('the share page, without and with a link', async ({ page }) => {
		await page.goto('/share');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectUsableAtEveryWidth(page);

		const code = await encodeScenario(TOWARDS);
		if (!code.ok) throw new Error(code.error);
		await page.setViewportSize({ width: 360, height: 800 });
		await page.goto(`/share#${code.value}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOWARDS.name);
		await expectUsableAtEveryWidth(page);
	});

	test('the workshop says where a larger screen is needed', async ({ page }) => {
		// Revealed without playback, the chart is drawn whole at once.
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/workshop');
		await expect(page.getByTestId('run-status')).toHaveText(/simulated futures|First look/, {
			timeout: 60_000
		});
		await expect(page.getByTestId('small-screen')).toContainText('Present from a larger screen');
		// Revealed, the chart's labels above the plot keep clear of its "Trust" title.
		await page.keyboard.press('r');
		await expect(page.locator('.event-label').first()).toBeVisible({ timeout: 15_000 });
		for (const width of [360, 390]) {
			await page.setViewportSize({ width, height: 800 });
			const clash = await page.evaluate(() => {
				const title = [...document.querySelectorAll('svg text.title')].find(
					(t) => t.textContent?.trim() === 'Trust'
				);
				if (!title) return 'no "Trust" title';
				const a = title.getBoundingClientRect();
				return [...document.querySelectorAll('.event-label')]
					.map((l) => l.getBoundingClientRect())
					.some(
						(b) =>
							Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 &&
							Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1
					)
					? 'a label covers the title'
					: '';
			});
			expect(clash, `at ${width} px wide`).toBe('');
		}
		await expectUsableAtEveryWidth(page);
		// At 768 px the presenter's columns sit side by side again, and the note steps aside.
		await expect(page.getByTestId('small-screen')).toBeHidden();
	});

	test("the workshop's audience screen, revealed", async ({ page }) => {
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/workshop');
		await expect(page.getByTestId('run-status')).toHaveText(/simulated futures|First look/, {
			timeout: 60_000
		});
		const [audience] = await Promise.all([
			page.context().waitForEvent('page'),
			page.getByRole('button', { name: 'Open audience screen', exact: true }).click()
		]);
		await audience.emulateMedia({ reducedMotion: 'reduce' });
		await expect(audience.getByRole('heading', { level: 1 })).toHaveText(
			"Today's typical contract"
		);
		await page.keyboard.press('r');
		await expect(audience.getByTestId('answer')).toBeVisible();
		await expectUsableAtEveryWidth(audience);
	});

	test('the storyline editor', async ({ page }) => {
		await page.goto('/workshop/storylines');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectUsableAtEveryWidth(page);
	});

	test('the model page', async ({ page }) => {
		await page.goto('/model');
		await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
		await expectUsableAtEveryWidth(page);
	});

	test.describe('the 404 page', () => {
		// The browser reports the document's 404 status as a console error; that one is expected.
		test.use({ allowedConsoleErrors: [/status of 404/] });

		test('fits', async ({ page }) => {
			await page.goto('/no-such-page');
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expectUsableAtEveryWidth(page);
		});
	});
});
