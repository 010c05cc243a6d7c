/** The scenario library on the user's device: database, repository, files and share links. */
export * from './db';
export * from './errors';
export * from './library';
export * from './transfer';
export * from './share';
export * from './ready';
export * from './live';
export * from './search';
export * from './storylines';
export * from './summary-check';
