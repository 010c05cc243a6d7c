/**
 * The scenario library on the user's device: database, repository, files and share links.
 *
 * Pages import each part from its own module (`$lib/db/ready`, `$lib/db/library`,
 * `$lib/db/share`, `$lib/db/transfer`, `$lib/db/live`, `$lib/db/search`,
 * `$lib/db/storylines`, ...): the bundler keeps every module a barrel names in the pages
 * that import the barrel, so a page that imports from here loads all of them. This file
 * gathers the parts most pages and the Node tools and tests use; the library list's live
 * views and search, and the workshop's storylines, are imported from their own modules.
 */
export * from './db';
export * from './errors';
export * from './library';
export * from './transfer';
export * from './share';
export * from './ready';
export * from './summary-check';
