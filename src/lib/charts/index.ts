/** Charts of a simulation's results. Svelte draws every node; d3 does the mathematics. */
export { default as ResultsPanel } from './ResultsPanel.svelte';
export { default as FanChart } from './FanChart.svelte';
export { headline, headlineSentences, precisionNotes } from './headline';
export type { PrecisionItem, PrecisionNotes } from './headline';
export type { TableData } from './table';
