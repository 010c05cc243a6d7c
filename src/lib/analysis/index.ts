/**
 * Analyses of simulation results: paired comparison on common random numbers, what differs
 * between scenarios, sweeps, goal seeking and one-at-a-time sensitivity. Pure TypeScript:
 * no DOM, Svelte, storage or workers.
 */
export * from './stats';
export * from './outcomes';
export * from './paired';
export * from './differs';
export * from './sweep';
export * from './goal-seek';
export * from './sensitivity';
export * from './why';
