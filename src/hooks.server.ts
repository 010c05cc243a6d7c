import type { HandleServerError } from '@sveltejs/kit';

/**
 * Runs only while prerendering and in `vite preview` (the product is static files). An
 * unknown address answers with the 404 page and needs no log; anything else is logged.
 */
export const handleError: HandleServerError = ({ error, status, message }) => {
	if (status !== 404) console.error(error);
	return { message };
};
