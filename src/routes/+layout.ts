// The shell and static pages prerender; data lives in the browser, so pages render on the client.
export const prerender = true;
export const ssr = true;
export const trailingSlash = 'never';
