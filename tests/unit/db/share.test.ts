import { describe, expect, it, vi } from 'vitest';
import {
	MAX_DECODED_BYTES,
	SHARE_MESSAGES,
	SHARE_PREFIX,
	SHARE_PREFIX_PLAIN,
	codeFromLink,
	decodeScenario,
	encodeScenario,
	fromBase64Url,
	toBase64Url
} from '../../../src/lib/db/share';
import { PRESETS, defaultScenario, setParam } from '../../../src/lib/sim';

async function encode(s = PRESETS[0].scenario): Promise<string> {
	const r = await encodeScenario(s);
	if (!r.ok) throw new Error(r.error);
	return r.value;
}

async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
	const out = new Response(
		new Blob([bytes as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'))
	);
	return new Uint8Array(await out.arrayBuffer());
}

describe('share links', () => {
	it('round-trip every preset, compressed and URL-safe', async () => {
		for (const p of PRESETS) {
			const code = await encode(p.scenario);
			expect(code.startsWith(SHARE_PREFIX)).toBe(true);
			expect(code).toMatch(/^[A-Za-z0-9._-]+$/);
			expect(code.length).toBeLessThan(JSON.stringify(p.scenario).length);
			const back = await decodeScenario(code);
			expect(back).toEqual({ ok: true, value: p.scenario });
			// A full link works too.
			expect(await decodeScenario(`https://example.org/s#s=${code}`)).toEqual(back);
		}
	});

	it('fall back to an uncompressed code without CompressionStream, and read it back', async () => {
		vi.stubGlobal('CompressionStream', undefined);
		let code: string;
		try {
			code = await encode();
		} finally {
			vi.unstubAllGlobals();
		}
		expect(code.startsWith(SHARE_PREFIX_PLAIN)).toBe(true);
		expect(await decodeScenario(code)).toEqual({ ok: true, value: PRESETS[0].scenario });
	});

	it('refuse to share an invalid scenario', async () => {
		const r = await encodeScenario(setParam(defaultScenario(), 'kpi.rigidity', 5));
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/kpi\.rigidity/);
	});

	it('malformed and tampered links give a plain message and never throw', async () => {
		const good = await encode();
		const body = good.slice(SHARE_PREFIX.length);
		const cases: [unknown, string | RegExp][] = [
			[undefined, SHARE_MESSAGES.empty],
			['', SHARE_MESSAGES.empty],
			['v1.', SHARE_MESSAGES.empty],
			['hello', SHARE_MESSAGES.foreign],
			['v2.' + body, SHARE_MESSAGES.foreign],
			['v1.' + body.slice(0, 10) + '!*' + body.slice(10), SHARE_MESSAGES.characters],
			['v1.' + body.slice(0, Math.floor(body.length / 2)), SHARE_MESSAGES.damaged],
			['v1.AAAAAAAA', SHARE_MESSAGES.damaged],
			['v1p.' + toBase64Url(new TextEncoder().encode('{not json')), SHARE_MESSAGES.damaged],
			['v1p.' + toBase64Url(new Uint8Array([0xff, 0xfe, 0x00])), SHARE_MESSAGES.damaged],
			['v1.' + 'A'.repeat(200_000), SHARE_MESSAGES.tooLong]
		];
		for (const [input, message] of cases) {
			const r = await decodeScenario(input);
			expect(r.ok, String(input).slice(0, 40)).toBe(false);
			if (!r.ok) expect(r.error).toMatch(message);
		}
		// Flip bits across the body: every result is either a valid scenario or a plain error.
		for (let i = 0; i < body.length; i += 7) {
			const c = body[i] === 'A' ? 'B' : 'A';
			const r = await decodeScenario('v1.' + body.slice(0, i) + c + body.slice(i + 1));
			if (!r.ok) expect(typeof r.error).toBe('string');
		}
	});

	it('a link carrying an out-of-range value names the field', async () => {
		const bad = {
			...PRESETS[0].scenario,
			contract: { ...PRESETS[0].scenario.contract, lengthMonths: -1 }
		};
		const code =
			SHARE_PREFIX + toBase64Url(await deflate(new TextEncoder().encode(JSON.stringify(bad))));
		const r = await decodeScenario(code);
		expect(r.ok).toBe(false);
		if (!r.ok) expect(r.error).toMatch(/not valid.*contract\.lengthMonths/);
	});

	it('a crafted link that unpacks to too much is refused', async () => {
		const huge = new Uint8Array(MAX_DECODED_BYTES + 10).fill(32);
		const code = SHARE_PREFIX + toBase64Url(await deflate(huge));
		expect(code.length).toBeLessThan(10_000);
		expect(await decodeScenario(code)).toEqual({ ok: false, error: SHARE_MESSAGES.tooLong });
	});

	it('helpers: base64url and links', () => {
		const bytes = new Uint8Array([0, 250, 251, 252, 253, 254, 255]);
		expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
		expect(fromBase64Url('a')).toBeNull();
		expect(fromBase64Url('ab+c')).toBeNull();
		expect(codeFromLink(' https://x/y?s=v1.abc&z=1 ')).toBe('v1.abc');
		expect(codeFromLink('v1.abc')).toBe('v1.abc');
	});
});
