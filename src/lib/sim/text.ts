/**
 * Names people type or import must read as they were written: no control characters (NUL,
 * escape, line breaks) and no bidirectional embedding, override or isolate characters, which
 * could make a name display reversed or disguised. Pure; shared by every check of a name.
 */

/** Control characters (C0, DEL, C1) and the bidi embeddings, overrides and isolates. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/u;

/**
 * The first character a name may not contain, described for a message (e.g. "U+202E, a
 * text-direction override"), or null when the name is safe.
 */
export function unsafeCharacter(text: string): string | null {
	const found = UNSAFE.exec(text);
	if (found === null) return null;
	const code = found[0].codePointAt(0) ?? 0;
	const hex = 'U+' + code.toString(16).toUpperCase().padStart(4, '0');
	const kind = code >= 0x202a ? 'a text-direction control' : 'a control character';
	return `${hex}, ${kind}`;
}

/** The message for a name holding an unsafe character. */
export function unsafeNameMessage(subject: string, what: string): string {
	return `${subject} must not contain control or text-direction characters; found ${what}.`;
}
