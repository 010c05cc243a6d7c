/**
 * Runs one benchmark in this process and writes its result as one line of JSON on stdout.
 * Started by bench/run.ts: `node child.mjs ID`.
 */
import { BENCHMARKS } from './benchmarks';

const id = process.argv[2];
const benchmark = BENCHMARKS.find((b) => b.id === id);
if (!benchmark) {
	process.stderr.write(`bench: no benchmark "${id}"\n`);
	process.exit(2);
}
const result = await benchmark.run();
process.stdout.write(JSON.stringify(result) + '\n');
