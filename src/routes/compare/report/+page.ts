// The scenarios live in the browser's library, so this report renders on the client only.
export const prerender = false;
export const ssr = false;
