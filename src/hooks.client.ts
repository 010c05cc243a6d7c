import type { HandleClientError } from '@sveltejs/kit';

/**
 * An unknown address is not a fault: on a static host it reaches the app through the
 * 200.html fallback and the router answers with the 404 page. Log anything else.
 */
export const handleError: HandleClientError = ({ error, status, message }) => {
	if (status !== 404) console.error(error);
	return { message };
};
