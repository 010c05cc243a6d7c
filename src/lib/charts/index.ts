/** Charts of a simulation's results. Svelte draws every node; d3 does the mathematics. */
export { default as ResultsPanel } from './ResultsPanel.svelte';
export { default as FanChart } from './FanChart.svelte';
export { default as ComponentsChart } from './ComponentsChart.svelte';
export { default as LadderChart } from './LadderChart.svelte';
export { default as DistributionsChart } from './DistributionsChart.svelte';
export { default as TimeToTrustChart } from './TimeToTrustChart.svelte';
export { default as TradeoffChart } from './TradeoffChart.svelte';
export { headlineSentences, precisionNotes, spreadSentence } from './headline';
export type { PrecisionNotes } from './headline';
export type { TableData } from './table';
