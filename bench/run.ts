// `npm run bench`: every performance figure with its baseline and ratio, as a table and in
// bench-results.json. A benchmark, never a test: nothing here fails on time.
// Flags: --smoke (seconds-long sizes, for CI), --only=engine,audit,launch,bundle (the other
// figures already in bench-results.json are kept)
import { resolve } from 'node:path';
import { benchAudit } from './audit-bench.ts';
import { benchBundle } from './bundle-bench.ts';
import { benchEngine } from './engine-bench.ts';
import { mergeResults, printTable, readResults, writeResults, type Figure } from './figures.ts';
import { benchLaunch } from './launch-bench.ts';

const args = process.argv.slice(2);
const smoke = args.includes('--smoke');
const onlyArg = args.find((a) => a.startsWith('--only='));
const only = onlyArg ? new Set(onlyArg.slice('--only='.length).split(',')) : undefined;
const want = (name: string): boolean => !only || only.has(name);

async function main(): Promise<void> {
  const figures: Figure[] = [];
  if (want('engine')) {
    console.error('engine throughput ...');
    const opts = smoke
      ? { chairs: 4, administrationsPerChair: 8, days: 5 }
      : { chairs: 40, administrationsPerChair: 8, days: 250 };
    figures.push(...benchEngine(opts, smoke ? 1 : 3));
  }
  if (want('audit')) {
    console.error('audit at scale (writes NDJSON to .bench-tmp/ once) ...');
    const small = smoke
      ? { chairs: 10, administrationsPerChair: 8, days: 25 }
      : { chairs: 40, administrationsPerChair: 10, days: 250 };
    const large = smoke
      ? { chairs: 10, administrationsPerChair: 8, days: 100 }
      : { chairs: 400, administrationsPerChair: 10, days: 250 };
    figures.push(...(await benchAudit(small, large)));
  }
  if (want('launch')) {
    console.error('launch critical path ...');
    // L well above the run-to-run noise of a loaded machine, so (with L − without) / L means something.
    figures.push(...(await benchLaunch({ latencyMs: smoke ? 20 : 400, runs: smoke ? 1 : 5 })));
  }
  if (want('bundle') && !smoke) {
    console.error('bundle size ...');
    figures.push(...(await benchBundle()));
  }
  printTable(figures);
  const out = resolve(import.meta.dirname, '..', 'bench-results.json');
  // --only keeps the other figures of the last run (a partial run never erases them).
  writeResults(out, only ? mergeResults(readResults(out), figures) : figures);
  console.error(`wrote ${out}`);
}

main().catch((e: unknown) => {
  console.error(`benchmark failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
