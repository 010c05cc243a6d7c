/**
 * The details of an unexpected error, as plain text a person can paste into an email or an
 * issue: what went wrong, where, when, and which version of the app and model.
 */
import { MODEL_VERSION, SCHEMA_VERSION } from '$lib/sim/version';

/** Plain-words messages for errors whose browser text means nothing to a person. */
export const PLAIN_MESSAGES = {
	dataClone:
		'The simulation could not be handed its settings: something in them was not plain data the simulation can read. Nothing you entered was lost. Reload the page and run the scenario again; if it happens again, use “Copy details” or note what you last changed, and tell whoever supports the app.'
} as const;

/**
 * Browser wording of a structured-clone failure (a DataCloneError), from postMessage to a
 * worker: "Failed to execute 'postMessage' on 'Worker': … could not be cloned." (Chromium),
 * "The object could not be cloned." (Firefox), "… cannot be serialized" (Safari).
 */
const CLONE_FAILURE = /DataCloneError|could not be cloned|cannot be cloned|cannot be serialized/i;

function nameOf(error: unknown): string {
	return typeof error === 'object' && error !== null && 'name' in error
		? String((error as { name: unknown }).name)
		: '';
}

/**
 * What to tell a person about an error, in plain words: browser-internal errors (a value
 * that cannot cross to the simulation worker) are explained; other messages, already
 * written for people, are kept. Works on thrown values and on the engine's error texts,
 * which may quote the browser's message.
 */
export function plainMessage(error: unknown): string {
	if (nameOf(error) === 'DataCloneError') return PLAIN_MESSAGES.dataClone;
	const message = errorMessage(error);
	if (CLONE_FAILURE.test(message)) return PLAIN_MESSAGES.dataClone;
	return message;
}

/** A readable one-line message for any thrown value (its own words, for the details). */
export function errorMessage(error: unknown): string {
	if (error instanceof Error) return error.message || error.name;
	if (typeof error === 'string') return error;
	try {
		return JSON.stringify(error) ?? String(error);
	} catch {
		return String(error);
	}
}

export interface ErrorContext {
	/** The page's address. */
	url: string;
	/** The browser's user agent string. */
	userAgent: string;
	/** When it happened. */
	at: Date;
}

/** The full report: message, stack (when there is one), page, time, versions, browser. */
export function errorDetails(error: unknown, context: ErrorContext): string {
	const lines = [
		`Slow Trust error report`,
		`Message: ${errorMessage(error)}`,
		`Page: ${context.url}`,
		`Time: ${context.at.toISOString()}`,
		`Model version: ${MODEL_VERSION}; scenario schema version: ${SCHEMA_VERSION}`,
		`Browser: ${context.userAgent}`
	];
	if (error instanceof Error && error.stack) lines.push('', 'Stack:', error.stack);
	return lines.join('\n');
}
