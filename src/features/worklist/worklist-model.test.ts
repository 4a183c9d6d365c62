import { describe, expect, it } from 'vitest';
import type { VisitSummary } from '../../engine/index.ts';
import type { VisitLabel } from '../../fhir/load/visit-labels.ts';
import {
  countText,
  nextVisit,
  positionText,
  progressText,
  worklistRows,
} from './worklist-model.ts';

const summary = (over: Partial<VisitSummary>): VisitSummary => ({
  patient: 'Patient/p1',
  encounter: 'Encounter/e1',
  dateOfService: '2026-08-03',
  status: 'ready-to-review',
  lines: 3,
  warnings: { error: 1, warning: 2, info: 0 },
  total: 100,
  atRisk: 12.5,
  nurseNeeds: [],
  ...over,
});

const label = (over: Partial<VisitLabel>): VisitLabel => ({
  encounter: 'Encounter/e1',
  encounterId: 'e1',
  patientId: 'p1',
  patientName: 'Ada Testpatient',
  mrn: 'MRN-1',
  date: '2026-08-03',
  place: 'Infusion center',
  drugs: ['Pembrolizumab'],
  ...over,
});

describe('worklistRows', () => {
  it.each<[string, VisitSummary['status'], string]>([
    ['needs-nurse', 'needs-nurse', 'Needs nurse documentation'],
    ['ready-to-review', 'ready-to-review', 'Ready to review'],
    ['signed', 'signed', 'Signed'],
  ])('status %s in words', (_n, status, text) => {
    const [row] = worklistRows([summary({ status })], new Map([['Encounter/e1', label({})]]));
    expect(row?.statusText).toBe(text);
  });

  it('keeps the engine order and carries patient, place, lines, warnings and money', () => {
    const visits = [
      summary({ encounter: 'Encounter/e2', atRisk: 900 }),
      summary({ encounter: 'Encounter/e1', atRisk: 10 }),
    ];
    const labels = new Map([
      ['Encounter/e1', label({})],
      ['Encounter/e2', label({ encounter: 'Encounter/e2', encounterId: 'e2', patientName: 'Bo' })],
    ]);
    const rows = worklistRows(visits, labels);
    expect(rows.map((r) => [r.encounterId, r.patientName, r.atRisk])).toEqual([
      ['e2', 'Bo', 900],
      ['e1', 'Ada Testpatient', 10],
    ]);
    expect(rows[1]).toMatchObject({ lines: 3, errors: 1, warnings: 2, place: 'Infusion center' });
  });

  it('names what the nurse must still document, in words', () => {
    const [row] = worklistRows(
      [summary({ status: 'needs-nurse', nurseNeeds: ['MISSING_STOP_TIME', 'SOMETHING_NEW'] })],
      new Map([['Encounter/e1', label({})]]),
    );
    expect(row?.nurseNeeds).toEqual(['a stop time', 'SOMETHING_NEW']);
  });

  it('a visit with no label is listed, says its details were not loaded, and cannot be opened', () => {
    const [row] = worklistRows([summary({ encounter: 'Encounter/e9' })], new Map());
    expect(row).toMatchObject({
      encounterId: 'e9',
      patientId: undefined,
      patientName: 'Patient details not loaded',
      place: 'Place not recorded',
    });
  });
});

describe('next visit and position', () => {
  const order = ['Encounter/a', 'Encounter/b', 'Encounter/c'];
  it.each<[string, string | undefined, string]>([
    ['Encounter/a', 'Encounter/b', 'Visit 1 of 3'],
    ['Encounter/b', 'Encounter/c', 'Visit 2 of 3'],
    ['Encounter/c', undefined, 'Visit 3 of 3'],
    ['Encounter/x', undefined, ''],
  ])('after %s comes %s (%s)', (current, next, position) => {
    expect(nextVisit(order, current)).toBe(next);
    expect(positionText(order, current)).toBe(position);
  });
});

describe('progress and counts in words', () => {
  it.each<[Parameters<typeof progressText>[0], string | undefined]>([
    [undefined, undefined],
    [{ done: 0, total: 0 }, undefined],
    [{ done: 1, total: 2 }, 'Finding the visits…'],
    [{ done: 2, total: 10, visits: { loaded: 0, total: 50 } }, 'Loaded 0 of 50 visits'],
    [{ done: 6, total: 10, visits: { loaded: 12, total: 50 } }, 'Loaded 12 of 50 visits'],
    [{ done: 10, total: 10, visits: { loaded: 50, total: 50 } }, 'Loaded 50 of 50 visits'],
  ])('%j → %s', (p, text) => expect(progressText(p)).toBe(text));

  it.each<[number, string]>([
    [0, 'no errors'],
    [1, '1 error'],
    [2, '2 errors'],
  ])('%i → %s', (n, text) => expect(countText(n, 'error', 'errors')).toBe(text));
});
