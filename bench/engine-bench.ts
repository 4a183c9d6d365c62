// Engine throughput: analysis time (FHIR mapping + engine) against JSON.parse of the same input.
// CPU time of this process (user + system), not wall time: on a machine shared with other work
// wall time measures the scheduler as much as the code. Wall times are kept in the note.
import { performance } from 'node:perf_hooks';
import {
  analyzePatient,
  createRunMemo,
  defaultConfig,
  type EngineContext,
} from '../src/engine/index.ts';
import { mapPatientInputs } from '../src/fhir/map/patient-input.ts';
import { builtinReference } from '../src/reference/builtin.ts';
import { figure, median, type Figure } from './figures.ts';
import { administrationCount, generateClinic, type GeneratorOptions } from './generate.ts';

/** CPU milliseconds used by this process so far (user + system). */
function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export function benchEngine(opts: GeneratorOptions, repeats: number): Figure[] {
  const lines: string[] = [];
  for (const r of generateClinic(opts)) lines.push(JSON.stringify(r));
  const admins = administrationCount(opts);
  const ctx: EngineContext = { config: defaultConfig('medicare'), reference: builtinReference() };

  const parseTimes: number[] = [];
  const analyzeTimes: number[] = [];
  const parseWall: number[] = [];
  const analyzeWall: number[] = [];
  let encounters = 0;
  for (let i = 0; i < repeats; i++) {
    const w0 = performance.now();
    const t0 = cpuMs();
    const resources = lines.map((l) => JSON.parse(l) as unknown);
    const t1 = cpuMs();
    const w1 = performance.now();
    const inputs = mapPatientInputs(resources);
    encounters = 0;
    // Each repetition is one run with its own memo, as the audit and the app make one per run.
    // The report's path (issue 18): no evidence, as the audit and toReport need none.
    const run = { ...ctx, memo: createRunMemo(), evidence: false };
    for (const p of inputs) encounters += analyzePatient(p, run).length;
    const t2 = cpuMs();
    const w2 = performance.now();
    parseTimes.push(t1 - t0);
    analyzeTimes.push(t2 - t1);
    parseWall.push(w1 - w0);
    analyzeWall.push(w2 - w1);
  }
  const parseMs = median(parseTimes);
  const analyzeMs = median(analyzeTimes);
  const perSecond = admins / (analyzeMs / 1000);
  const parsePerSecond = admins / (parseMs / 1000);
  const note = `${admins} administrations, ${encounters} encounters, report path (no evidence); median of ${repeats}; CPU time: analysis ${analyzeMs.toFixed(0)} ms, JSON.parse ${parseMs.toFixed(0)} ms; wall time: analysis ${median(analyzeWall).toFixed(0)} ms, JSON.parse ${median(parseWall).toFixed(0)} ms`;
  return [
    figure(
      'engine.ratio_to_json_parse',
      analyzeMs,
      'ms',
      parseMs,
      'ratio <= 1',
      (_v, r) => r !== null && r <= 1,
      note,
    ),
    figure(
      'engine.administrations_per_second',
      perSecond,
      'administrations/s',
      parsePerSecond,
      'reported (baseline: JSON.parse rate)',
      () => true,
    ),
  ];
}
