import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { peakRssMb, type Benchmark, type BenchResult } from './support/bench.models.js';

// Runs one benchmark file in this (child) process, so that its peak memory is its own, and reports to the runner.

const file = process.argv[2]!;
const mod = (await import(pathToFileURL(file).href)) as { default?: Benchmark | Benchmark['run']; run?: Benchmark['run'] };
const run = typeof mod.default === 'function' ? mod.default : (mod.default?.run ?? mod.run);
const name = basename(file).replace(/\.bench\.ts$/, '');
// Run directly (`node --import tsx bench/child.ts bench/x.bench.ts`, e.g. with --cpu-prof), it prints its result.
const report = (m: unknown) => (process.send ? process.send(m) : console.log(JSON.stringify(m, null, 2)));
try {
  if (!run) throw new Error(`${file} exports neither a default benchmark nor run()`);
  const result: BenchResult = await run();
  const ratio = result.ratio ?? result.value / result.baseline;
  report({ ok: true, name, result: { ...result, ratio, peakRssMb: result.peakRssMb ?? peakRssMb() } });
} catch (error) {
  report({ ok: false, name, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  process.exitCode = 1;
}
