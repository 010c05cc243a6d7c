// Renders the app icons (static/icons/*.png) from static/favicon.svg in Chromium, so the
// PNGs the web app manifest needs always match the SVG. Run after changing the icon:
//   node scripts/make-icons.mjs
import { mkdirSync, readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumArgs, findBrowser } from './find-browser.mjs';

const svg = readFileSync(new URL('../static/favicon.svg', import.meta.url), 'utf8');
const outDir = new URL('../static/icons/', import.meta.url);
mkdirSync(outDir, { recursive: true });

const { found } = await findBrowser();
if (!found) throw new Error('no Chromium found; run `node scripts/ensure-browser.mjs` first');
const browser = await chromium.launch({ executablePath: found.path, args: chromiumArgs });
const page = await browser.newPage();

/** @param {number} size @param {boolean} maskable */
async function render(size, maskable) {
	// A maskable icon keeps its drawing inside the central 80% safe zone on a full bleed.
	const inner = maskable ? Math.round(size * 0.8) : size;
	const body = maskable
		? `<div style="width:${size}px;height:${size}px;background:#1b4965;display:grid;place-items:center">
			<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${inner}" height="${inner}"></div>`
		: `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}" width="${size}" height="${size}">`;
	await page.setViewportSize({ width: size, height: size });
	await page.setContent(
		`<html><body style="margin:0;background:transparent">${body}</body></html>`
	);
	const name = `icon-${maskable ? 'maskable-' : ''}${size}.png`;
	await page.screenshot({
		path: new URL(name, outDir).pathname,
		omitBackground: !maskable,
		clip: { x: 0, y: 0, width: size, height: size }
	});
	console.log(`static/icons/${name}`);
}

for (const size of [192, 512]) {
	await render(size, false);
	await render(size, true);
}
await browser.close();
