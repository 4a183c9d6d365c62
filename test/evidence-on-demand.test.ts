// Evidence on demand (issue 18 part 2): without evidence (the report's and the audit's path) the
// engine gives the very same report, byte for byte, as with it (the coder view's path); only the
// evidence people read (prices PR-1–PR-4, drug amounts and containers) is left out.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateClinic } from '../bench/generate.ts';
import {
  analyzePatient,
  createRunMemo,
  defaultConfig,
  PAYER_PROFILES,
  toReport,
  type EncounterResult,
  type PayerProfileName,
} from '../src/engine/index.ts';
import { analyzeResources } from '../src/fhir/map/analyze-resources.ts';
import { mapPatientInputs } from '../src/fhir/map/patient-input.ts';
import { builtinReference } from '../src/reference/builtin.ts';

const CASES = join(import.meta.dirname, 'worked-cases');

function workedCaseInputs(): unknown[] {
  const out: unknown[] = [];
  for (const area of readdirSync(CASES, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const f of readdirSync(join(CASES, area.name)).sort()) {
      if (f.endsWith('.json') && !f.endsWith('.expected.json')) {
        out.push(JSON.parse(readFileSync(join(CASES, area.name, f), 'utf8')));
      }
    }
  }
  return out;
}

const clinic = (): unknown[] =>
  [...generateClinic({ chairs: 6, administrationsPerChair: 8, days: 12 })].map(
    (r) => JSON.parse(JSON.stringify(r)) as unknown,
  );

function run(resources: unknown[], profile: PayerProfileName, evidence: boolean) {
  const ctx = {
    config: defaultConfig(profile),
    reference: builtinReference(),
    memo: createRunMemo(),
    ...(evidence ? {} : { evidence: false }),
  };
  return mapPatientInputs(resources).flatMap((p) => analyzePatient(p, ctx));
}

const priced = (results: EncounterResult[]): number =>
  results.flatMap((r) => r.lines).filter((l) => l.evidence.price !== undefined).length;

describe('issue 18 evidence on demand: the same report with and without evidence', () => {
  const inputs: [string, () => unknown[]][] = [
    ['every worked case', workedCaseInputs],
    ['the bench clinic (6 chairs, 12 days)', clinic],
  ];
  it.each(
    inputs.flatMap(([name, read]) =>
      PAYER_PROFILES.map((profile) => [name, profile, read] as const),
    ),
  )('%s, payer profile %s: toReport byte-identical', (_name, profile, read) => {
    const resources = read();
    const full = run(resources, profile, true);
    const lean = run(resources, profile, false);
    expect(full.length).toBeGreaterThan(0);
    expect(JSON.stringify(toReport(lean))).toBe(JSON.stringify(toReport(full)));
  });

  it('PR-1–PR-4: prices are evidence, built only when asked for', () => {
    const resources = clinic();
    expect(priced(run(resources, 'medicare', true))).toBeGreaterThan(0);
    expect(priced(run(resources, 'medicare', false))).toBe(0);
  });

  it('the app asks for evidence: analyzeResources keeps every price', () => {
    const results = analyzeResources(clinic(), {
      config: defaultConfig(),
      reference: builtinReference(),
    });
    expect(priced(results)).toBeGreaterThan(0);
  });
});
