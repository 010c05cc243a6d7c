import { describe, expect, it } from 'vitest';
import { PLAIN_MESSAGES, errorDetails, errorMessage, plainMessage } from './error-details';

describe('plain messages', () => {
	const chromium = new DOMException(
		"Failed to execute 'postMessage' on 'Worker': #<Object> could not be cloned.",
		'DataCloneError'
	);

	it('explain a value that could not cross to the simulation worker', () => {
		expect(plainMessage(chromium)).toBe(PLAIN_MESSAGES.dataClone);
		expect(
			plainMessage(new DOMException('The object could not be cloned.', 'DataCloneError'))
		).toBe(PLAIN_MESSAGES.dataClone);
		// As the engine reports it, quoting the browser inside its own sentence.
		expect(
			plainMessage(
				`A simulation worker stopped unexpectedly (${chromium.message}). It has been restarted; run the scenario again.`
			)
		).toBe(PLAIN_MESSAGES.dataClone);
		expect(PLAIN_MESSAGES.dataClone).not.toMatch(/clone|postMessage|Worker/);
	});

	it('keep messages already written for people', () => {
		const words = 'A simulation worker stopped unexpectedly (worker crashed). Run it again.';
		expect(plainMessage(words)).toBe(words);
		expect(plainMessage(new Error('The scenario is not valid'))).toBe('The scenario is not valid');
	});

	it('keep the browser wording in the details for support', () => {
		expect(errorMessage(chromium)).toContain('could not be cloned');
		const details = errorDetails(chromium, {
			url: 'http://localhost/',
			userAgent: 'test',
			at: new Date(0)
		});
		expect(details).toContain("Message: Failed to execute 'postMessage'");
	});
});
