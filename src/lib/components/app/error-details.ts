/**
 * The details of an unexpected error, as plain text a person can paste into an email or an
 * issue: what went wrong, where, when, and which version of the app and model.
 */
import { MODEL_VERSION, SCHEMA_VERSION } from '$lib/sim';

/** A readable one-line message for any thrown value. */
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
