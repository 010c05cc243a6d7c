/** Exports of results: CSV files, charts as SVG and PNG, and the file download. */
export * from './csv';
export * from './svg';
export * from './download';
