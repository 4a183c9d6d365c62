import type { MedicationAdministration } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import {
  applyNurseChange,
  isChangeApplied,
  readCorrections,
  type TimeCorrection,
} from './medication-administration.ts';
import { buildCorrectionProvenance, isCorrectionProvenance } from './nurse-provenance.ts';

const ma: MedicationAdministration = {
  resourceType: 'MedicationAdministration',
  id: 'a1',
  status: 'completed',
  subject: { reference: 'Patient/p1' },
  medicationCodeableConcept: { text: 'Paclitaxel' },
  effectivePeriod: { start: '2026-08-04T09:00:00-04:00', end: '2026-08-04T12:00:00-04:00' },
};
const fix = (field: 'start' | 'stop', at: string): TimeCorrection => ({
  kind: 'correct',
  field,
  at,
  previous: field === 'start' ? '2026-08-04T09:00:00-04:00' : '2026-08-04T12:00:00-04:00',
  reason: 'Pump log',
  author: 'Practitioner/n1',
  recorded: '2026-08-04T13:00:00-04:00',
});

describe('issue 14 §1: a time correction is a new time, a note and a Provenance', () => {
  it.each<[string, TimeCorrection, { start: string; end: string }]>([
    [
      'start',
      fix('start', '2026-08-04T09:15:00-04:00'),
      { start: '2026-08-04T09:15:00-04:00', end: '2026-08-04T12:00:00-04:00' },
    ],
    [
      'stop',
      fix('stop', '2026-08-04T11:50:00-04:00'),
      { start: '2026-08-04T09:00:00-04:00', end: '2026-08-04T11:50:00-04:00' },
    ],
  ])('corrects the %s, keeps the status, reads back', (_n, c, period) => {
    const next = applyNurseChange(ma, c);
    expect(next.effectivePeriod).toEqual(period);
    expect(next.status).toBe('completed');
    expect(ma.note).toBeUndefined(); // input untouched
    expect(isChangeApplied(next, c)).toBe(true);
    expect(isChangeApplied(ma, c)).toBe(false);
    expect(readCorrections(next)).toEqual([
      { field: c.field, previous: c.previous, at: c.at, reason: 'Pump log', recorded: c.recorded },
    ]);
  });

  it('the same time with another correction time is not the same correction', () => {
    const c = fix('start', '2026-08-04T09:15:00-04:00');
    const next = applyNurseChange(ma, c);
    expect(isChangeApplied(next, { ...c, recorded: '2026-08-04T13:05:00-04:00' })).toBe(false);
  });

  it('Provenance: target, author, reason, recorded; found again by target, time, author', () => {
    const c = fix('stop', '2026-08-04T11:50:00-04:00');
    const p = buildCorrectionProvenance('MedicationAdministration/a1', c);
    expect(p).toMatchObject({
      target: [{ reference: 'MedicationAdministration/a1' }],
      recorded: c.recorded,
      reason: [{ text: 'Pump log' }],
      agent: [{ who: { reference: 'Practitioner/n1' } }],
    });
    expect(isCorrectionProvenance(p, 'MedicationAdministration/a1', c)).toBe(true);
    expect(isCorrectionProvenance(p, 'MedicationAdministration/a2', c)).toBe(false);
    expect(
      isCorrectionProvenance(p, 'MedicationAdministration/a1', { ...c, author: 'Practitioner/x' }),
    ).toBe(false);
  });
});
