/**
 * The benchmarks `npm run bench` runs, in order. Each runs in its own Node process. To add
 * one (a worker pool, a parameter sweep), write a module exporting a Benchmark and list it
 * here.
 */
import type { Benchmark } from './lib';
import { memory } from './memory';
import { pool } from './pool';
import { throughput } from './throughput';
import { uncertainty } from './uncertainty';

export const BENCHMARKS: readonly Benchmark[] = [throughput, memory, pool, uncertainty];
