/** The pure simulation core: no DOM, no Svelte, no storage, no workers. */
export * from './version';
export * from './params';
export * from './assumptions';
export * from './scenario';
export * from './text';
export * from './outputs';
export * from './ladder';
export * from './presets';
export { simulate, simulateRuns, mergeAccumulators, mergeInto, finalizeSummary } from './simulate';
export type { Accumulator, Summary, Bands, Probability, MetricSummary, Receipt } from './summary';
export { freeFactors, futuresForSpread, spreadSources } from './spread';
export { PERCENTILES, quantileSorted } from './summary';
export * from './assumption-factors';
export {
	AssumptionDraws,
	futureQuantiles,
	isUncertain,
	scenarioRanges,
	withAssumptionMode,
	withAssumptions
} from './uncertainty';
