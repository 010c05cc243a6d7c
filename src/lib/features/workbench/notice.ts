/**
 * A one-off message for the next workbench to open (for example "this is your copy"),
 * handed over within the page's memory only: it is shown once and never stored.
 */
let waiting: { id: string; message: string } | null = null;

/** Leaves a message for the workbench of scenario `id`. */
export function leaveNotice(id: string, message: string): void {
	waiting = { id, message };
}

/** Takes the message left for scenario `id`, if any. */
export function takeNotice(id: string): string | null {
	if (!waiting || waiting.id !== id) return null;
	const { message } = waiting;
	waiting = null;
	return message;
}
