/**
 * What this tab keeps for a moment, not for good: the last analysis run on a scenario (its
 * sweep, with any goal seek's answer), so that the board pack opened next from the same tab
 * can show it. In the tab's session storage: gone when the tab closes, never in the library,
 * its files or its links. Storage that refuses (private browsing, full) keeps nothing, quietly.
 */

const PREFIX = 'slow-trust:kept:';

type Kind = 'sweep';

/** Keeps `value` (plain data) for the scenario `id`, replacing what was kept before. */
export function keepForPack(kind: Kind, id: string, value: unknown): void {
	try {
		sessionStorage.setItem(`${PREFIX}${kind}:${id}`, JSON.stringify(value));
	} catch {
		// Nothing kept: the pack simply leaves the analysis out.
	}
}

/** What was kept for the scenario `id`, unchecked (the reader checks its shape), or null. */
export function keptForPack(kind: Kind, id: string): unknown {
	try {
		const text = sessionStorage.getItem(`${PREFIX}${kind}:${id}`);
		return text === null ? null : (JSON.parse(text) as unknown);
	} catch {
		return null;
	}
}
