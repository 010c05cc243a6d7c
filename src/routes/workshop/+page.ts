// Storylines live in the browser, so the presenter renders on the client; the page is still
// prerendered (as an empty shell) so that the offline cache holds it.
export const ssr = false;
