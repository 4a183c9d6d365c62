// Facts features receive from fhir/ instead of reading FHIR themselves (issue 18 part 1): the
// visit day of the nurse's time checks, the coder's payer names and per-record service facts,
// and the record facts compared on a conflict. A fact not recorded stays absent, never filled in.
import type { FhirResource, MedicationAdministration } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { recordFacts } from '../write/medication-administration.ts';
import { organizationNames } from './organization-names.ts';
import { serviceRecords } from './service-records.ts';
import { visitDayOf } from './visit-day.ts';

const NOW = new Date('2026-03-02T15:00:00Z');
const encounter = (id: string, start?: string): FhirResource => ({
  resourceType: 'Encounter',
  id,
  status: 'in-progress',
  class: { code: 'AMB' },
  ...(start ? { period: { start } } : {}),
});

describe('visitDayOf: the launch encounter’s start, never a default day', () => {
  it.each([
    ['no encounter in the launch: today', [], undefined, NOW.toISOString()],
    [
      'launch encounter with a start',
      [encounter('e1', '2026-02-27T09:00:00-05:00')],
      'e1',
      '2026-02-27T09:00:00-05:00',
    ],
    ['launch encounter without a start: not known', [encounter('e1')], 'e1', undefined],
    [
      'launch encounter not loaded: not known',
      [encounter('e2', '2026-02-27T09:00:00-05:00')],
      'e1',
      undefined,
    ],
  ] as const)('%s', (_name, resources, id, expected) => {
    expect(visitDayOf(resources, id, NOW)).toBe(expected);
  });
});

describe('organizationNames: only named Organizations with an id', () => {
  it.each([
    [
      'named',
      { resourceType: 'Organization', id: 'o1', name: 'Acme PPO' },
      [['Organization/o1', 'Acme PPO']],
    ],
    ['no name: left out (no guessed payer)', { resourceType: 'Organization', id: 'o1' }, []],
    ['empty name: left out', { resourceType: 'Organization', id: 'o1', name: '' }, []],
    ['no id: left out', { resourceType: 'Organization', name: 'Acme PPO' }, []],
    ['another type: left out', { resourceType: 'Location', id: 'o1', name: 'Suite' }, []],
  ] as const)('%s', (_name, resource, expected) => {
    expect([...organizationNames([resource as FhirResource])]).toEqual(expected);
  });
});

const ma = (extra: Partial<MedicationAdministration>): MedicationAdministration => ({
  resourceType: 'MedicationAdministration',
  id: 'ma1',
  status: 'completed',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Drug' },
  ...extra,
});

describe('serviceRecords: start, end and site as written', () => {
  it.each([
    [
      'period start and end',
      { effectivePeriod: { start: '2026-03-02T09:00:00-05:00', end: '2026-03-02T10:00:00-05:00' } },
      '2026-03-02T09:00:00-05:00',
      '2026-03-02T10:00:00-05:00',
      undefined,
    ],
    [
      'dateTime only: a start, no end',
      { effectiveDateTime: '2026-03-02T09:00:00-05:00' },
      '2026-03-02T09:00:00-05:00',
      undefined,
      undefined,
    ],
    [
      'period without end: no end (never the start)',
      { effectivePeriod: { start: '2026-03-02T09:00:00-05:00' } },
      '2026-03-02T09:00:00-05:00',
      undefined,
      undefined,
    ],
    [
      'site text, lower case',
      { effectiveDateTime: '2026-03-02T09:00:00-05:00', dosage: { site: { text: 'Left Arm' } } },
      '2026-03-02T09:00:00-05:00',
      undefined,
      'left arm',
    ],
    [
      'site display when no text',
      {
        effectiveDateTime: '2026-03-02T09:00:00-05:00',
        dosage: { site: { coding: [{ code: 'x' }, { display: 'Abdomen' }] } },
      },
      '2026-03-02T09:00:00-05:00',
      undefined,
      'abdomen',
    ],
  ] as const)('%s', (_name, extra, start, end, site) => {
    const record = serviceRecords([ma(extra as Partial<MedicationAdministration>)]).get(
      'MedicationAdministration/ma1',
    );
    expect(record && { start: record.start, end: record.end, site: record.site }).toEqual({
      start,
      end,
      site,
    });
  });

  it('a record without an id has no entry (no key to name it by)', () => {
    const { id: _id, ...noId } = ma({});
    expect(serviceRecords([noId]).size).toBe(0);
  });
});

describe('recordFacts: what a version of a record says', () => {
  it.each([
    [
      'running, no stop',
      { status: 'in-progress', effectivePeriod: { start: '2026-03-02T09:00:00-05:00' } },
      'in-progress',
      '2026-03-02T09:00:00-05:00',
      undefined,
      [],
    ],
    [
      'given at one instant',
      { effectiveDateTime: '2026-03-02T09:00:00-05:00' },
      'completed',
      '2026-03-02T09:00:00-05:00',
      undefined,
      [],
    ],
    [
      'notes without text left out, order kept',
      {
        effectiveDateTime: '2026-03-02T09:00:00-05:00',
        note: [{ text: 'a' }, { authorString: 'x', text: '' }, { text: 'b' }],
      },
      'completed',
      '2026-03-02T09:00:00-05:00',
      undefined,
      ['a', 'b'],
    ],
  ] as const)('%s', (_name, extra, status, start, end, notes) => {
    const facts = recordFacts(ma(extra as Partial<MedicationAdministration>));
    expect({
      status: facts.status,
      start: facts.start,
      end: facts.end,
      notes: facts.notes,
    }).toEqual({ status, start, end, notes });
  });
});
