/**
 * Share links: a scenario packed into a URL-safe string, and unpacked with full
 * validation. Pure (no database). Decoding never throws: a malformed or tampered link
 * gives `{ ok: false, error }` with a message in plain words.
 *
 * Format: `v1.` + base64url(deflate-raw(canonical JSON)) where CompressionStream exists
 * (browsers, Node 20), else `v1p.` + base64url(canonical JSON).
 */
import { canonicalJson, describeIssues, validateScenario, type Scenario } from '../sim';

export const SHARE_PREFIX = 'v1.';
export const SHARE_PREFIX_PLAIN = 'v1p.';
/** The longest code accepted (characters), well above any real scenario. */
const MAX_CODE_CHARS = 100_000;
/** The most bytes a code may unpack to: stops a crafted link from filling memory. */
export const MAX_DECODED_BYTES = 1_000_000;

export type ShareResult<T> = { ok: true; value: T } | { ok: false; error: string };

export const SHARE_MESSAGES = {
	empty: 'This link holds no scenario. Copy the whole link again and paste it.',
	foreign:
		'This link was not made by Slow Trust, or was made by a newer version of it, so it cannot be opened here.',
	characters:
		'This link is damaged: it has characters a Slow Trust link never has. Copy the whole link again.',
	damaged:
		'This link is damaged or cut short, so the scenario in it cannot be read. Copy the whole link again.',
	tooLong: 'This link is far longer than any scenario, so it was not opened.',
	noDecompression:
		'This browser cannot unpack compressed links. Open the link in a current version of Chrome, Edge, Firefox or Safari.'
} as const;

const hasCompression = (): boolean =>
	typeof CompressionStream === 'function' && typeof DecompressionStream === 'function';

export function toBase64Url(bytes: Uint8Array): string {
	let bin = '';
	for (let i = 0; i < bytes.length; i += 0x8000) {
		bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** Decodes base64url (no padding); null when the text is not base64url. */
export function fromBase64Url(text: string): Uint8Array | null {
	if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
	const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
	try {
		const bin = atob(b64);
		const out = new Uint8Array(bin.length);
		for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
		return out;
	} catch {
		return null;
	}
}

async function readAll(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
	const reader = stream.getReader();
	const chunks: Uint8Array[] = [];
	let total = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		total += value.byteLength;
		if (total > limit) {
			await reader.cancel().catch(() => undefined);
			throw new RangeError('too large');
		}
		chunks.push(value);
	}
	const out = new Uint8Array(total);
	let at = 0;
	for (const c of chunks) {
		out.set(c, at);
		at += c.byteLength;
	}
	return out;
}

function transform(
	bytes: Uint8Array,
	stream: CompressionStream | DecompressionStream,
	limit: number
): Promise<Uint8Array> {
	const source = new ReadableStream<Uint8Array>({
		start(controller) {
			controller.enqueue(bytes);
			controller.close();
		}
	});
	return readAll(source.pipeThrough(stream as TransformStream<Uint8Array, Uint8Array>), limit);
}

/** Packs a valid scenario into a share code. */
export async function encodeScenario(scenario: Scenario): Promise<ShareResult<string>> {
	const checked = validateScenario(scenario);
	if (!checked.ok)
		return { ok: false, error: `This scenario cannot be shared: ${describeIssues(checked.error)}` };
	const bytes = new TextEncoder().encode(canonicalJson(checked.value));
	try {
		if (hasCompression()) {
			const packed = await transform(
				bytes,
				new CompressionStream('deflate-raw'),
				MAX_DECODED_BYTES * 2
			);
			return { ok: true, value: SHARE_PREFIX + toBase64Url(packed) };
		}
	} catch {
		// Fall back to the uncompressed form below.
	}
	return { ok: true, value: SHARE_PREFIX_PLAIN + toBase64Url(bytes) };
}

/**
 * Finds the share code in a full link (`…/share#v1.CODE`, `…#s=CODE` or `…?s=CODE`) or
 * returns the text as is when it is already a bare code.
 */
export function codeFromLink(link: string): string {
	const t = link.trim();
	const m = /[#?&]s=([^&#]*)/.exec(t);
	if (m) return m[1];
	const hash = t.indexOf('#');
	return hash >= 0 ? t.slice(hash + 1) : t;
}

/** The path of the page that opens share links, below the app's base path. */
export const SHARE_PATH = '/share';

/**
 * The full share link for a code: the share page's absolute address (for example
 * `https://example.org/slow-trust/share`) with the code as its fragment. The fragment
 * never reaches a server, so the scenario stays between the people who pass the link on.
 */
export function shareLink(sharePageUrl: string, code: string): string {
	const at = sharePageUrl.indexOf('#');
	return `${at >= 0 ? sharePageUrl.slice(0, at) : sharePageUrl}#${code}`;
}

/** Unpacks and validates a share code (or a full link). Never throws. */
export async function decodeScenario(input: unknown): Promise<ShareResult<Scenario>> {
	if (typeof input !== 'string') return { ok: false, error: SHARE_MESSAGES.empty };
	const code = codeFromLink(input);
	if (!code) return { ok: false, error: SHARE_MESSAGES.empty };
	if (code.length > MAX_CODE_CHARS) return { ok: false, error: SHARE_MESSAGES.tooLong };
	const compressed = code.startsWith(SHARE_PREFIX);
	const plain = code.startsWith(SHARE_PREFIX_PLAIN);
	if (!compressed && !plain) return { ok: false, error: SHARE_MESSAGES.foreign };
	const body = code.slice((compressed ? SHARE_PREFIX : SHARE_PREFIX_PLAIN).length);
	if (!body) return { ok: false, error: SHARE_MESSAGES.empty };
	const bytes = fromBase64Url(body);
	if (!bytes) return { ok: false, error: SHARE_MESSAGES.characters };

	let json: Uint8Array;
	if (compressed) {
		if (!hasCompression()) return { ok: false, error: SHARE_MESSAGES.noDecompression };
		try {
			json = await transform(bytes, new DecompressionStream('deflate-raw'), MAX_DECODED_BYTES);
		} catch (e) {
			return {
				ok: false,
				error: e instanceof RangeError ? SHARE_MESSAGES.tooLong : SHARE_MESSAGES.damaged
			};
		}
	} else {
		if (bytes.byteLength > MAX_DECODED_BYTES) return { ok: false, error: SHARE_MESSAGES.tooLong };
		json = bytes;
	}

	let value: unknown;
	try {
		value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(json));
	} catch {
		return { ok: false, error: SHARE_MESSAGES.damaged };
	}
	const checked = validateScenario(value);
	if (!checked.ok)
		return {
			ok: false,
			error: `The scenario in this link is not valid, so it was not opened: ${describeIssues(checked.error)}`
		};
	return { ok: true, value: checked.value };
}
