// A clinic day loaded in two rounds (never one request per visit) and turned into worklist rows
// by the same engine run as the single-visit review.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bundle, FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/index.ts';
import { builtinReference } from '../../reference/builtin.ts';
import type { LaunchContext } from '../gateway.ts';
import { MemoryGateway } from '../test-kit/memory-gateway.ts';
import { clinicDayVisits } from './clinic-day-visits.ts';
import { loadClinicDay, nextDay } from './load-clinic-day.ts';

const LAUNCH: LaunchContext = {
  serverUrl: 'https://ehr.example/fhir',
  patientId: undefined,
  encounterId: undefined,
  fhirUser: 'Practitioner/coder-1',
  needPatientBanner: false,
  intent: undefined,
  grantedScopes: ['user/*.rs'],
};

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fhir-fixtures');

function fixtureResources(): FhirResource[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => {
      const b = JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) as Bundle<FhirResource>;
      return (b.entry ?? []).flatMap((e) => (e.resource ? [e.resource as FhirResource] : []));
    });
}

describe('nextDay', () => {
  it.each([
    ['2026-08-03', '2026-08-04'],
    ['2026-08-31', '2026-09-01'],
    ['2026-12-31', '2027-01-01'],
    ['2028-02-28', '2028-02-29'],
  ])('%s → %s', (d, want) => expect(nextDay(d)).toBe(want));
});

describe('loadClinicDay over the fixture week', () => {
  const gateway = new MemoryGateway(LAUNCH, fixtureResources());

  it('finds the visits of each day in two rounds and makes one worklist row each', async () => {
    const counts: Record<string, number> = {};
    for (const date of ['2026-08-03', '2026-08-04', '2026-08-05', '2026-08-06', '2026-08-07']) {
      const picture = await loadClinicDay(gateway, { date });
      expect(picture.rounds).toBeLessThanOrEqual(2);
      const rows = clinicDayVisits(picture, {
        config: defaultConfig(),
        reference: builtinReference(),
      });
      expect(rows.map((r) => r.encounter).sort()).toEqual([...picture.encounters].sort());
      for (const r of rows) expect(r.dateOfService).toBe(date);
      counts[date] = rows.length;
    }
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(11);
  });

  it('a date range gives every visit of the week', async () => {
    const week = await loadClinicDay(gateway, { date: '2026-08-03', until: '2026-08-07' });
    let byDay = 0;
    for (const date of ['2026-08-03', '2026-08-04', '2026-08-05', '2026-08-06', '2026-08-07'])
      byDay += (await loadClinicDay(gateway, { date })).encounters.length;
    expect(week.encounters).toHaveLength(byDay);
    expect(week.rounds).toBe(2);
  });

  it('a work-queue List gives the visits by id, whatever their day', async () => {
    const all = await loadClinicDay(gateway, { date: '2026-08-05' });
    const ids = all.encounters.map((e) => e.replace('Encounter/', ''));
    const picture = await loadClinicDay(gateway, { date: '1999-01-01', encounterIds: ids });
    expect(picture.encounters.sort()).toEqual([...all.encounters].sort());
    const rows = clinicDayVisits(picture, {
      config: defaultConfig(),
      reference: builtinReference(),
    });
    expect(rows.length).toBe(ids.length);
  });

  it('reports progress and marks a type it may not read as unreadable, never as none', async () => {
    const forbidding = new MemoryGateway(LAUNCH, fixtureResources(), { forbidden: ['Coverage'] });
    const seen: number[] = [];
    const picture = await loadClinicDay(forbidding, { date: '2026-08-03' }, (p) =>
      seen.push(p.done),
    );
    expect(picture.unreadable.map((u) => u.resourceType)).toEqual(['Coverage']);
    expect(seen.at(-1)).toBe(picture.requests);
  });
});

describe('loadClinicDay: 50 visits', () => {
  it('takes 2 sequential rounds and a fixed number of requests, not one per visit', async () => {
    const resources: FhirResource[] = [];
    for (let i = 0; i < 50; i++) {
      resources.push({
        resourceType: 'Encounter',
        id: `e${i}`,
        status: 'in-progress',
        class: { code: 'AMB' },
        subject: { reference: `Patient/p${i}` },
        period: { start: '2026-08-03T09:00:00-04:00' },
      });
      resources.push({
        resourceType: 'MedicationAdministration',
        id: `a${i}`,
        status: 'completed',
        subject: { reference: `Patient/p${i}` },
        context: { reference: `Encounter/e${i}` },
        medicationCodeableConcept: { text: 'ondansetron' },
        effectivePeriod: { start: '2026-08-03T09:10:00-04:00', end: '2026-08-03T09:40:00-04:00' },
      });
    }
    const picture = await loadClinicDay(new MemoryGateway(LAUNCH, resources), {
      date: '2026-08-03',
    });
    expect(picture.encounters).toHaveLength(50);
    // round 1: Encounter + MedicationAdministration; round 2: 5 types (Coverage, eligibility,
    // Claim, ExplanationOfBenefit, ResearchSubject) × 2 chunks of ≤ 40 patients
    expect([picture.rounds, picture.requests]).toEqual([2, 12]);
  });
});
