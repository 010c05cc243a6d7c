// The audience's screen lives on what the presenter's window sends, so it renders on the
// client; the page is still prerendered (as an empty shell) so that the offline cache holds it.
export const ssr = false;
