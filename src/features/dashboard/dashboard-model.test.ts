// The practice dashboard's aggregation (issue 17 §3) over the fixtures' clinic day (Wed 5 August
// 2026: stories 05, 06 and 21–32): the engine's figures and the denial causes.
import type { FhirResource } from 'fhir/r4';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/index.ts';
import type { ClinicDayPicture } from '../../fhir/load/load-clinic-day.ts';
import { builtinReference } from '../../reference/builtin.ts';
import { dashboardFigures, FIGURES, valueText } from './dashboard-model.ts';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fhir-fixtures');

function picture(prefix: string): ClinicDayPicture {
  const resources: FhirResource[] = [];
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.json'))) {
    const b = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as {
      entry: { resource: FhirResource }[];
    };
    resources.push(...b.entry.map((e) => e.resource));
  }
  const encounters = resources
    .filter((r) => r.resourceType === 'Encounter' && (r.id ?? '').startsWith(prefix))
    .map((r) => `Encounter/${r.id ?? ''}`);
  return { resources, unreadable: [], encounters, requests: 0, rounds: 0 };
}

describe('dashboard figures over the clinic day of Wed 2026-08-05', () => {
  const fig = dashboardFigures(picture('enc-day-'), {
    config: defaultConfig(),
    reference: builtinReference(),
  });
  const t = fig.totals;

  it('one period (the day) and its totals: 12 visits, all without an error', () => {
    expect(fig.periods.map((p) => p.period)).toEqual(['2026-08-05']);
    expect(t.encounters).toBe(12);
    expect(t.cleanEncounters).toBe(12);
  });

  // Hand-worked from the README table of stories 21–32.
  it.each([
    // 14 IV administrations less the subcutaneous injection (96372 is not timed) = 13; 5 running
    // + 2 charted without a stop time = 7 missing (infusion-rules R9.5: no stop, no duration).
    ['stop-time', '46%', '6 of 13 timed administrations have a stop time'],
    ['waste', '100%', '1 of 1 discarded-drug (JW) lines documented'],
    ['jw-jz', '100%', '9 of 9 JW/JZ lines without a modifier problem'],
    ['clean', '100%', '12 of 12 visits without an error'],
    // J1100 $1.70 + J9035 $2,992.92 + J9312 $7,327.80 + J9173 $13,192.50 + J9201 $25.96
    // + J2405 $0.70 + J1453 $18.45: lines of administrations with a warning.
    ['at-risk', '$23,560.03', 'drug and service lines tied to a warning'],
    ['recovered', '$2,564.73', 'JW lines'],
    ['trial', '1', '1 of 12 visits'],
  ])('%s: %s (%s)', (id, value, basis) => {
    const f = FIGURES.find((x) => x.id === id);
    expect(f && valueText(f.kind, f.of(t))).toBe(value);
    expect(f?.basis(t)).toBe(basis);
  });

  it('nothing counted is "nothing to count", never 100% of nothing', () => {
    const empty = { ...t, wasteLines: 0, wasteDocumented: 0 };
    const f = FIGURES.find((x) => x.id === 'waste');
    expect(f && valueText(f.kind, f.of(empty))).toBe('nothing to count');
  });

  it('denials: 8 adjudicated lines, 5 denied, by root cause (CARC 197 ×2, CARC 16+M119 ×2, CARC 4 ×1)', () => {
    expect(fig.denials.adjudicatedLines).toBe(8);
    expect(fig.denials.deniedLines).toBe(5);
    expect(fig.denials.byCause.map((d) => [d.cause, d.count, d.rate])).toEqual([
      ['authorization', 2, 0.25],
      ['ndc', 2, 0.25],
      ['jw-jz', 1, 0.125],
    ]);
  });

  it('top warning codes by visits carrying them', () => {
    expect(fig.topWarnings.slice(0, 3).map((w) => [w.code, w.count])).toEqual([
      ['CONTAINER_TYPE_UNKNOWN', 6],
      ['NOT_COMPLETED_EXCLUDED', 5],
      ['MISSING_STOP_TIME', 2],
    ]);
  });
});

describe('dashboard denial causes from ExplanationOfBenefit only (issue 17 §4, story 16)', () => {
  // The 22 July J9271 line was denied only through the payer's EOB (CARC 4 + RARC N822: JW/JZ);
  // the clinic-day load reads EOBs, so the cause counts like a ClaimResponse's.
  const fig = dashboardFigures(picture('enc-eob-denied-'), {
    config: defaultConfig(),
    reference: builtinReference(),
  });

  it('2 adjudicated lines, 1 denied (J9271, by the EOB alone), cause JW/JZ', () => {
    expect(fig.totals.encounters).toBe(1);
    expect([fig.denials.adjudicatedLines, fig.denials.deniedLines]).toEqual([2, 1]);
    expect(fig.denials.byCause.map((d) => [d.cause, d.count])).toEqual([['jw-jz', 1]]);
  });
});
