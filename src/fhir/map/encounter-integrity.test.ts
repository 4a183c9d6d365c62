// Encounter integrity and nothing vanishes (contract §2.1, §3): the date of service comes from
// completed records; an encounter of another patient is not billed on; a record with no start
// is named; merged warnings keep each record's message.
import { describe, expect, it } from 'vitest';
import { defaultConfig, mergeWarnings } from '../../engine/index.ts';
import { builtinReference } from '../../reference/builtin.ts';
import { analyzeResources } from './analyze-resources.ts';
import { mapPatientInputs } from './patient-input.ts';
import { administration, type Json } from '../test-kit/resources.ts';

const encounter = (id: string, patient: string): Json => ({
  resourceType: 'Encounter',
  id,
  status: 'finished',
  subject: { reference: patient },
  period: { start: '2026-03-01T08:00:00-05:00' },
});
const run = (...resources: Json[]) =>
  analyzeResources(resources, { config: defaultConfig(), reference: builtinReference() });

describe('contract §2.1 date of service from completed records only', () => {
  it.each<[string, string, string]>([
    ['not-done earlier than the completed record', 'not-done', '2026-03-02'],
    ['in-progress earlier', 'in-progress', '2026-03-02'],
    ['stopped earlier (billed: it dates the visit)', 'stopped', '2026-03-01'],
    ['completed earlier', 'completed', '2026-03-01'],
  ])('%s', (_name, status, date) => {
    const results = run(
      encounter('e1', 'Patient/p1'),
      administration({
        id: 'early',
        status,
        effectivePeriod: { start: '2026-03-01T23:30:00-05:00', end: '2026-03-01T23:50:00-05:00' },
      }),
      administration({ id: 'a1' }),
    );
    expect(results.map((r) => r.dateOfService)).toEqual([date]);
  });

  it('an encounter with no completed record takes its period start', () => {
    const results = run(
      encounter('e1', 'Patient/p1'),
      administration({ id: 'nd', status: 'not-done' }),
    );
    expect(results.map((r) => r.dateOfService)).toEqual(['2026-03-01']);
  });
});

describe('ENCOUNTER_SUBJECT_MISMATCH', () => {
  it.each<[string, string, boolean]>([
    ['encounter of the same patient', 'Patient/p1', false],
    ['encounter of another patient', 'Patient/p2', true],
  ])('%s', (_name, owner, mismatch) => {
    const results = run(encounter('e1', owner), administration({ id: 'a1' }));
    const mine = results.filter((r) => r.patient === 'Patient/p1');
    const codes = mine.flatMap((r) => r.warnings.map((w) => w.code));
    expect(codes.includes('ENCOUNTER_SUBJECT_MISMATCH')).toBe(mismatch);
    const billedOnE1 = mine.some((r) => r.encounter === 'Encounter/e1' && r.lines.length > 0);
    expect(billedOnE1).toBe(!mismatch);
    if (mismatch) {
      const w = mine
        .flatMap((r) => r.warnings)
        .find((x) => x.code === 'ENCOUNTER_SUBJECT_MISMATCH');
      expect(w).toMatchObject({ severity: 'error', sources: ['MedicationAdministration/a1'] });
      expect(w?.message).toContain('Patient/p2');
      expect(mine.some((r) => r.lines.length > 0)).toBe(false);
    }
  });

  it('the owner can come from outside the patient part (the audit command)', () => {
    const [p] = mapPatientInputs([administration({ id: 'a1' })], {
      encounterPatient: (e) => (e === 'Encounter/e1' ? 'Patient/p9' : undefined),
    });
    expect(p?.administrations).toEqual([]);
    expect(p?.issues.map((i) => [i.code, i.sources])).toEqual([
      ['ENCOUNTER_SUBJECT_MISMATCH', ['MedicationAdministration/a1']],
    ]);
  });
});

describe('nothing vanishes: a record with no start is INVALID_RESOURCE', () => {
  it.each<[string, Json, string]>([
    ['no effective[x]', { effectivePeriod: undefined }, 'effective[x] missing'],
    [
      'a period with only an end',
      { effectivePeriod: { end: '2026-03-02T10:00:00-05:00' } },
      'effectivePeriod.start missing',
    ],
  ])('%s', (_name, over, problem) => {
    const results = run(administration({ id: 'a1', ...over }));
    const w = results.flatMap((r) => r.warnings).find((x) => x.code === 'INVALID_RESOURCE');
    expect(w?.sources).toEqual(['MedicationAdministration/a1']);
    expect(w?.message).toContain(problem);
    expect(results.flatMap((r) => r.lines)).toEqual([]);
  });

  it('INVALID_RESOURCE merged over several records names each one and its problem', () => {
    const results = run(
      administration({ id: 'a1', effectivePeriod: undefined }),
      administration({ id: 'a2', effectivePeriod: undefined }),
      administration({ id: 'a3', status: 'bogus' }),
    );
    const w = results.flatMap((r) => r.warnings).find((x) => x.code === 'INVALID_RESOURCE');
    expect(w?.sources.sort()).toEqual([
      'MedicationAdministration/a1',
      'MedicationAdministration/a2',
      'MedicationAdministration/a3',
    ]);
    for (const id of ['a1', 'a2', 'a3'])
      expect(w?.message).toContain(`MedicationAdministration/${id}`);
  });
});

describe('merged warnings keep every message', () => {
  it.each<[string, string[], string]>([
    ['same message once', ['x', 'x'], 'x'],
    ['two messages both kept', ['about a1.', 'about a2.'], 'about a1. about a2.'],
  ])('%s', (_name, messages, merged) => {
    const out = mergeWarnings(
      messages.map((message, i) => ({
        code: 'INVALID_RESOURCE',
        severity: 'info',
        message,
        sources: [`s${i}`],
      })),
    );
    expect(out).toHaveLength(1);
    expect(out[0]?.message).toBe(merged);
  });
});
