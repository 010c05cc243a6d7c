// A scenario lives in the browser's library, so its report renders on the client only and
// is served by the static host's 200.html fallback.
export const prerender = false;
export const ssr = false;
