/**
 * Share links: a scenario shared from the library opens in a fresh browser profile,
 * read-only with its key settings in plain words, and can be added to that library;
 * malformed, tampered and invalid links get a clear message, never a broken page.
 */
import { deflateRawSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { SHARE_MESSAGES, encodeScenario, toBase64Url } from '../../src/lib/db/share';
import { PRESETS } from '../../src/lib/sim';
import { expect, expectAccessible, test } from './fixtures';

const TOWARDS = PRESETS.find((p) => p.id === 'towards')?.scenario ?? PRESETS[0].scenario;

async function codeOf(scenario: unknown): Promise<string> {
	const r = await encodeScenario(scenario as typeof TOWARDS);
	if (!r.ok) throw new Error(r.error);
	return r.value;
}

async function expectCannotOpen(page: Page, message: string | RegExp) {
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link cannot be opened');
	await expect(page).toHaveTitle('Link cannot be opened · Slow Trust');
	const alert = page.getByRole('alert');
	await expect(alert).toContainText(message);
	await expect(alert).toContainText('Nothing was added to your library.');
	await expect(page.getByRole('link', { name: 'Go to your library' })).toHaveAttribute('href', '/');
}

test('a scenario shared from the library opens in a fresh profile and can be added there', async ({
	page,
	browser,
	baseURL
}) => {
	// Two profiles and four accessibility checks: more than the default time on a busy machine.
	test.setTimeout(90_000);
	// Share from the library: an editable copy of an example, renamed and described.
	await page.goto('/');
	const list = page.getByRole('list', { name: 'Your scenarios' });
	await list
		.getByRole('article', { name: TOWARDS.name })
		.getByRole('button', { name: /Make an editable copy/ })
		.click();
	const copy = list.getByRole('article', { name: `${TOWARDS.name} (copy)` });
	await copy.getByRole('button', { name: /Edit details/ }).click();
	await page.getByLabel('Name', { exact: true }).fill('Our <i>bid</i> for 2027');
	await page.getByLabel('Description').fill('Five years, four partners.\nA second line.');
	await page.getByRole('button', { name: 'Save details' }).click();
	const shared = list.getByRole('article', { name: 'Our <i>bid</i> for 2027' });
	await shared.getByRole('button', { name: 'Share link for “Our <i>bid</i> for 2027”' }).click();
	const dialog = page.getByRole('dialog', { name: 'Share “Our <i>bid</i> for 2027”' });
	await expect(dialog).toBeVisible();
	const link = await dialog.getByLabel('Share link').inputValue();
	expect(link).toMatch(/^http:\/\/localhost:\d+\/share#v1\.[A-Za-z0-9_-]+$/);
	await expectAccessible(page);
	await dialog.getByRole('button', { name: 'Copy link' }).click();
	await expect(dialog.getByRole('status')).toHaveText(/Copied|did not let the app copy/);
	await dialog.getByRole('button', { name: 'Done' }).click();
	await expect(dialog).toBeHidden();

	// A fresh profile: its own, empty storage.
	const context = await browser.newContext({ baseURL });
	const other = await context.newPage();
	const errors: string[] = [];
	other.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
	other.on('pageerror', (e) => errors.push(e.message));
	await other.goto(link);
	await expect(other.getByRole('heading', { level: 1 })).toHaveText('Our <i>bid</i> for 2027');
	await expect(other.locator('h1 i')).toHaveCount(0);
	await expect(other).toHaveTitle('Our <i>bid</i> for 2027 · Shared scenario · Slow Trust');
	await expect(other.getByText('Shared with you · read-only')).toBeVisible();
	await expect(other.getByText('Five years, four partners.')).toBeVisible();
	const facts = other.getByRole('definition');
	const fact = (label: string) =>
		other
			.getByRole('term')
			.filter({ hasText: new RegExp(`^${label}$`) })
			.locator('xpath=..');
	await expect(fact('Contract length')).toContainText('60 months');
	await expect(fact('KPI rigidity')).toContainText('0.3 on a scale of 0 to 1');
	await expect(fact('Power shared with the community')).toContainText('0.6');
	await expect(fact('Trusted local partners')).toContainText('4');
	await expect(fact('KPI attainment target')).toContainText('%');
	await expect(fact('Community')).toContainText(/[\d,]+ people in \d+ groups/);
	await expect(fact('Community')).toContainText(TOWARDS.community.segments[0].name);
	await expect(
		other.getByText(
			`Simulated over 120 months, 1,000 simulated futures, random seed ${TOWARDS.seed}`
		)
	).toBeVisible();
	await expect(facts).toHaveCount(12);
	await expectAccessible(other);

	await other.getByRole('button', { name: 'Add to my library' }).click();
	const added = other.getByRole('status').filter({ hasText: 'Added to your library' });
	await expect(added).toContainText('It is saved in this browser as “Our <i>bid</i> for 2027”.');
	await expectAccessible(other);

	// Added again from the same link: a second copy with its own name.
	await other.reload();
	await other.getByRole('button', { name: 'Add to my library' }).click();
	await expect(
		other.getByRole('status').filter({ hasText: 'Added to your library' })
	).toContainText(
		'as “Our <i>bid</i> for 2027 (2)”, because you already had a scenario called “Our <i>bid</i> for 2027”'
	);
	await other.getByRole('link', { name: 'Go to your library' }).click();
	const otherList = other.getByRole('list', { name: 'Your scenarios' });
	await expect(
		otherList.getByRole('article', { name: 'Our <i>bid</i> for 2027', exact: true })
	).toBeVisible();
	await expect(
		otherList.getByRole('article', { name: 'Our <i>bid</i> for 2027 (2)' })
	).toBeVisible();
	await otherList.getByRole('link', { name: 'Our <i>bid</i> for 2027', exact: true }).click();
	await expect(other).toHaveURL(/\/scenarios\/[0-9a-f-]{36}$/);

	expect(errors).toEqual([]);
	await context.close();
});

test('a share link opens a valid scenario and adds it; the button then offers to open it', async ({
	page
}) => {
	await page.goto(`/share#${await codeOf(TOWARDS)}`);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOWARDS.name);
	await page.getByRole('button', { name: 'Add to my library' }).click();
	const open = page.getByRole('link', { name: `Open “${TOWARDS.name} (2)”` });
	await expect(open).toHaveAttribute('href', /^\/scenarios\/[0-9a-f-]{36}$/);
});

test.describe('a malformed or tampered link', () => {
	test('with no code says there is nothing in it', async ({ page }) => {
		await page.goto('/share');
		await expectCannotOpen(page, SHARE_MESSAGES.empty);
		await expectAccessible(page);
	});

	test('from something else says it was not made by Slow Trust', async ({ page }) => {
		await page.goto('/share#hello-there');
		await expectCannotOpen(page, SHARE_MESSAGES.foreign);
	});

	test('with stray characters says it is damaged', async ({ page }) => {
		const code = await codeOf(TOWARDS);
		await page.goto(`/share#${code.slice(0, 20)}!*${code.slice(20)}`);
		await expectCannotOpen(page, SHARE_MESSAGES.characters);
	});

	test('cut short says it is damaged or cut short', async ({ page }) => {
		const code = await codeOf(TOWARDS);
		// Half the body, cut at a whole group of four characters so that it still decodes.
		const body = code.slice(3);
		await page.goto(`/share#v1.${body.slice(0, Math.floor(body.length / 8) * 4)}`);
		await expectCannotOpen(page, SHARE_MESSAGES.damaged);
	});

	test('carrying an out-of-range value names the field', async ({ page }) => {
		const bad = JSON.stringify({
			...TOWARDS,
			contract: { ...TOWARDS.contract, lengthMonths: 999 }
		});
		const code = 'v1.' + toBase64Url(deflateRawSync(Buffer.from(bad)));
		await page.goto(`/share#${code}`);
		await expectCannotOpen(page, /not valid.*contract\.lengthMonths \(Contract length\)/);
		await expectAccessible(page);
	});

	test('then a good link in the same tab shows the scenario', async ({ page }) => {
		await page.goto('/share#v1.AAAA');
		await expectCannotOpen(page, SHARE_MESSAGES.damaged);
		await page.evaluate((code) => (window.location.hash = code), await codeOf(TOWARDS));
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOWARDS.name);
		await expect(page.getByRole('button', { name: 'Add to my library' })).toBeVisible();
	});
});

for (const viewport of [
	{ width: 1366, height: 768 },
	{ width: 1920, height: 1080 }
]) {
	test(`the share page fits ${viewport.width}x${viewport.height}`, async ({ page }, testInfo) => {
		await page.setViewportSize(viewport);
		await page.goto(`/share#${await codeOf(TOWARDS)}`);
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(TOWARDS.name);
		const { scrollWidth, clientWidth } = await page.evaluate(() => ({
			scrollWidth: document.documentElement.scrollWidth,
			clientWidth: document.documentElement.clientWidth
		}));
		expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
		await page.screenshot({
			path: testInfo.outputPath(`share-${viewport.width}x${viewport.height}.png`),
			fullPage: true
		});
	});
}
