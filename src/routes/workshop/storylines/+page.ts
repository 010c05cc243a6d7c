// Storylines live in the browser, so this page renders on the client (prerendered as a shell
// so the offline cache holds it).
export const ssr = false;
