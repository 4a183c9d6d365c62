// The charge nurse's board model (issue 17 §2): planned end from the order's volume and rate,
// elapsed time, what billing still needs, and the clinic day of the fixtures (stories 21–32).
import type { FhirResource, MedicationRequest } from 'fhir/r4';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { boardChairs, elapsedMinutes, mlPerHour, plannedEnd } from '../../fhir/map/board-chairs.ts';
import { durationText } from './duration-text.ts';

const START = Date.parse('2026-08-05T12:30:00-04:00');

function order(rate?: [number, string], volume?: [number, string], dose?: [number, string]) {
  const r: MedicationRequest = {
    resourceType: 'MedicationRequest',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p' },
    dosageInstruction: [
      {
        doseAndRate: [
          {
            ...(dose ? { doseQuantity: { value: dose[0], unit: dose[1], code: dose[1] } } : {}),
            ...(rate ? { rateQuantity: { value: rate[0], unit: rate[1], code: rate[1] } } : {}),
          },
        ],
      },
    ],
  };
  if (volume)
    r.dispenseRequest = { quantity: { value: volume[0], unit: volume[1], code: volume[1] } };
  return r;
}

describe('board: planned end from the order’s volume and rate (issue 17 §2; never a default rate)', () => {
  it.each([
    [
      '250 mL at 250 mL/h → 60 min',
      order([250, 'mL/h'], [250, 'mL']),
      60,
      '2026-08-05T17:30:00.000Z',
    ],
    [
      '500 mL at 150 mL/h → 200 min',
      order([150, 'mL/h'], [500, 'mL']),
      200,
      '2026-08-05T19:50:00.000Z',
    ],
    ['1 L at 500 mL/h → 120 min', order([500, 'mL/h'], [1, 'L']), 120, '2026-08-05T18:30:00.000Z'],
    [
      '100 mL at 5 mL/min → 20 min',
      order([5, 'mL/min'], [100, 'mL']),
      20,
      '2026-08-05T16:50:00.000Z',
    ],
    [
      'volume from a dose in mL (1000 mL at 500 mL/h)',
      order([500, 'mL/h'], undefined, [1000, 'mL']),
      120,
      '2026-08-05T18:30:00.000Z',
    ],
    [
      '100 mL at 300 mL/h → 20 min exactly',
      order([300, 'mL/h'], [100, 'mL']),
      20,
      '2026-08-05T16:50:00.000Z',
    ],
    [
      '100 mL at 7 mL/h → 857.142… min, rounded to the second',
      order([7, 'mL/h'], [100, 'mL']),
      (100 * 60) / 7,
      '2026-08-06T06:47:09.000Z',
    ],
  ])('%s', (_name, o, minutes, iso) => {
    const p = plannedEnd(START, o);
    expect(p.minutes).toBeCloseTo(minutes, 9);
    expect(new Date(p.ms ?? 0).toISOString()).toBe(iso);
    expect(p.basis).toMatch(/^from the order: /);
  });

  it.each([
    ['no order linked', undefined, /no order linked/],
    ['no rate', order(undefined, [250, 'mL']), /no rate/],
    ['no volume (dose in mg)', order([250, 'mL/h'], undefined, [1200, 'mg']), /no volume/],
    ['rate 0 mL/h', order([0, 'mL/h'], [250, 'mL']), /not above zero/],
    [
      'rate in mg/h (not a volume per time)',
      order([10, 'mg/h'], [250, 'mL']),
      /not a volume per time/,
    ],
    ['volume 0 mL', order([250, 'mL/h'], [0, 'mL']), /volume is not above zero/],
  ])('not known: %s', (_name, o, why) => {
    const p = plannedEnd(START, o);
    expect(p.ms).toBeNull();
    expect(p.minutes).toBeNull();
    expect(p.basis).toMatch(/^not known: /);
    expect(p.basis).toMatch(why);
  });

  it.each([
    ['mL/h', 100, 100],
    ['mL/hr', 100, 100],
    ['mL/min', 2.5, 150],
    ['L/h', 0.25, 250],
    ['mg/h', 10, null],
  ])('rate unit %s: %d → %s mL/h', (unit, value, expected) => {
    const r = mlPerHour({ value, unit, code: unit });
    expect(r === null ? null : r.toNumber()).toBe(expected);
  });
});

describe('board: elapsed time', () => {
  it.each([
    ['start = now', 0, 0],
    ['59.999 s later', 59_999, 0],
    ['60 s later', 60_000, 1],
    ['4 h 10 min later', (4 * 60 + 10) * 60_000, 250],
  ])('%s → %d min', (_name, delta, minutes) => {
    expect(elapsedMinutes(START, START + delta)).toBe(minutes);
  });

  it('a start after now has no elapsed time (never a negative one)', () => {
    expect(elapsedMinutes(START, START - 1)).toBeNull();
  });

  it.each([
    [0, '0 min'],
    [59, '59 min'],
    [60, '1 h 00 min'],
    [125, '2 h 05 min'],
    [1439, '23 h 59 min'],
    [1440, 'more than a day'],
  ])('%d min reads "%s"', (minutes, text) => {
    expect(durationText(minutes)).toBe(text);
  });
});

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fhir-fixtures');
function clinicDay(): { resources: FhirResource[]; encounters: string[] } {
  const resources: FhirResource[] = [];
  for (const f of readdirSync(FIXTURES).filter((n) => n.endsWith('.json'))) {
    const b = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as {
      entry: { resource: FhirResource }[];
    };
    resources.push(...b.entry.map((e) => e.resource));
  }
  const encounters = resources
    .filter(
      (r) => r.resourceType === 'Encounter' && (r.period?.start ?? '').startsWith('2026-08-05'),
    )
    .map((r) => `Encounter/${r.id ?? ''}`);
  return { resources, encounters };
}

describe('board over the fixtures’ clinic day (Wed 2026-08-05, 13:00)', () => {
  const NOW = Date.parse('2026-08-05T13:00:00-04:00');
  const chairs = boardChairs({ ...clinicDay(), nowMs: NOW });

  it('seven chairs in progress, in chair order; finished visits are not on the board', () => {
    expect(chairs.map((c) => `${c.chair ?? '-'}: ${c.patient}`)).toEqual([
      'Chair 1: Tomasz Wojcik',
      'Chair 2: Amara Diallo',
      'Chair 3: Hiroshi Tanaka',
      'Chair 4: Ruth Goldberg',
      'Chair 5: Lucia Romano',
      'Chair 6: Beatrice Okonjo',
      'Chair 8: Samuel Achterberg',
    ]);
    expect(new Set(chairs.map((c) => c.location))).toEqual(
      new Set(['Infusion suite, physician office']),
    );
    expect(chairs.flatMap((c) => c.warnings)).toEqual([]);
  });

  it.each([
    ['Chair 1', 'Atezolizumab 1200 mg', 'running', 30, '2026-08-05T17:30:00.000Z'],
    ['Chair 2', 'Paclitaxel 300 mg', 'running', 210, '2026-08-05T16:50:00.000Z'],
    ['Chair 3', 'Nivolumab 240 mg', 'running', 75, null],
    ['Chair 4', 'Bevacizumab 400 mg', 'no-stop-time', 230, '2026-08-05T13:40:00.000Z'],
    ['Chair 5', 'Oxaliplatin 130 mg', 'running', 40, '2026-08-05T18:20:00.000Z'],
    ['Chair 6', 'Sodium chloride 0.9% 1000 mL', 'running', 5, '2026-08-05T18:55:00.000Z'],
    [
      'Chair 8',
      'Fosaprepitant dimeglumine 150 mg',
      'no-stop-time',
      null,
      '2026-08-05T17:25:00.000Z',
    ],
  ])('%s: %s %s, %s min, planned end %s', (chair, drug, state, elapsed, end) => {
    const c = chairs.find((x) => x.chair === chair);
    const d = c?.drugs.find((x) => x.drug === drug);
    expect(d?.state).toBe(state);
    expect(d?.elapsedMin).toBe(elapsed);
    expect(d?.plannedEnd.ms === null ? null : new Date(d?.plannedEnd.ms ?? 0).toISOString()).toBe(
      end,
    );
  });

  it('nivolumab’s order gives no rate: its planned end is not known', () => {
    const d = chairs.find((x) => x.chair === 'Chair 3')?.drugs[0];
    expect(d?.plannedEnd.basis).toBe('not known: the order gives no rate');
  });

  it.each([
    ['Chair 1', ['Stop time for Atezolizumab 1200 mg']],
    ['Chair 4', ['Stop time for Bevacizumab 400 mg']],
    ['Chair 5', ['Stop time for Oxaliplatin 130 mg', 'Waste amount for Oxaliplatin 130 mg']],
    ['Chair 6', ['Stop time for Sodium chloride 0.9% 1000 mL']],
    ['Chair 8', ['Stop time for Fosaprepitant dimeglumine 150 mg']],
  ])('%s still needs %j', (chair, needs) => {
    expect(chairs.find((x) => x.chair === chair)?.needs).toEqual(needs);
  });

  it('a visit without a chair or patient name is kept and named in a warning', () => {
    const { resources, encounters } = clinicDay();
    const stripped = resources.map((r) =>
      r.resourceType === 'Encounter' && r.id === 'enc-day-atezo-20260805'
        ? { ...r, location: r.location?.slice(0, 1) }
        : r.resourceType === 'Patient' && r.id === 'pt-day-atezo'
          ? { ...r, name: [] }
          : r,
    );
    const c = boardChairs({ resources: stripped, encounters, nowMs: NOW }).find(
      (x) => x.encounterId === 'enc-day-atezo-20260805',
    );
    expect(c?.chair).toBeNull();
    expect(c?.patient).toBe('Name not recorded');
    expect(c?.warnings).toEqual([
      'Encounter/enc-day-atezo-20260805: the patient’s name could not be read.',
      'Encounter/enc-day-atezo-20260805: no chair is recorded for this visit.',
    ]);
  });
});
