import { describe, expect, it } from 'vitest';
import {
	SHARE_PATH,
	codeFromLink,
	decodeScenario,
	encodeScenario,
	shareLink
} from '../../../src/lib/db/share';
import { PRESETS } from '../../../src/lib/sim';

describe('share links to the share page', () => {
	it('put the code in the fragment of the share page and read it back', async () => {
		const encoded = await encodeScenario(PRESETS[1].scenario);
		if (!encoded.ok) throw new Error(encoded.error);
		const link = shareLink(`https://example.org/app${SHARE_PATH}`, encoded.value);
		expect(link).toBe(`https://example.org/app/share#${encoded.value}`);
		expect(codeFromLink(link)).toBe(encoded.value);
		const decoded = await decodeScenario(link);
		expect(decoded).toEqual({ ok: true, value: PRESETS[1].scenario });
	});

	it('replace a fragment already on the page address', () => {
		expect(shareLink('http://localhost:4173/share#old', 'v1.abc')).toBe(
			'http://localhost:4173/share#v1.abc'
		);
	});

	it('find the code in a fragment, with or without s=, and in bare codes', () => {
		expect(codeFromLink('http://x/share#v1.abc')).toBe('v1.abc');
		expect(codeFromLink('#v1.abc')).toBe('v1.abc');
		expect(codeFromLink('http://x/share#s=v1.abc')).toBe('v1.abc');
		expect(codeFromLink(' v1p.abc ')).toBe('v1p.abc');
		expect(codeFromLink('http://x/share#')).toBe('');
	});
});
