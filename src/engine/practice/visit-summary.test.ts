import { describe, expect, it } from 'vitest';
import type { EncounterReport, Warning } from '../types.ts';
import { summarizeVisit, worklistOrder, type VisitSummary } from './visit-summary.ts';

const MA = 'MedicationAdministration/a1';

function visit(id: string, warnings: Partial<Warning>[] = [], amount = 100): EncounterReport {
  return {
    patient: 'Patient/p',
    encounter: `Encounter/${id}`,
    dateOfService: '2026-08-03',
    setting: 'professional',
    lines: [
      { code: '96413', units: 1, modifiers: [], date: '2026-08-03', sources: [MA] },
      { code: 'J9271', units: 200, modifiers: ['JZ'], date: '2026-08-03', sources: [MA], amount },
    ],
    warnings: warnings.map((w) => ({
      code: 'UNKNOWN_DRUG_CATEGORY',
      severity: 'warning',
      message: '',
      sources: [],
      ...w,
    })),
  };
}

describe('summarizeVisit: worklist status', () => {
  it.each<[Partial<Warning>[], boolean, string]>([
    [[], false, 'ready-to-review'],
    [[{ code: 'MISSING_STOP_TIME', sources: [MA] }], false, 'needs-nurse'],
    [[{ code: 'WASTE_NOT_DOCUMENTED', sources: [MA] }], false, 'needs-nurse'],
    [
      [{ code: 'AUTH_EXPIRED', severity: 'error' as const, sources: [MA] }],
      false,
      'ready-to-review',
    ],
    [[{ code: 'MISSING_STOP_TIME', sources: [MA] }], true, 'signed'],
  ])('%j signed=%s → %s', (warnings, signed, status) => {
    expect(summarizeVisit(visit('e', warnings), signed).status).toBe(status);
  });

  it('counts lines, warnings by severity, total and money at risk', () => {
    const s = summarizeVisit(
      visit('e', [
        { code: 'AUTH_EXPIRED', severity: 'error', sources: [MA] },
        { code: 'DOSE_ROUNDED_WITHIN_POLICY', severity: 'info', sources: [MA] },
      ]),
      false,
    );
    expect([s.lines, s.warnings, s.total, s.atRisk, s.nurseNeeds]).toEqual([
      2,
      { error: 1, warning: 0, info: 1 },
      100,
      100,
      [],
    ]);
  });

  it('a warning’s own amount at stake counts when no line carries the money', () => {
    const s = summarizeVisit(
      visit('e', [{ code: 'CLAIM_LINE_MISSING', severity: 'error', amountAtStake: 55.5 }]),
      false,
    );
    expect(s.atRisk).toBe(55.5);
  });
});

describe('worklistOrder', () => {
  it('unsigned first, then money at risk, then errors', () => {
    const rows: VisitSummary[] = [
      summarizeVisit(visit('signed-big', [{ code: 'AUTH_MISSING', sources: [MA] }], 900), true),
      summarizeVisit(visit('small', [{ code: 'AUTH_MISSING', sources: [MA] }], 10), false),
      summarizeVisit(visit('big', [{ code: 'AUTH_MISSING', sources: [MA] }], 500), false),
      summarizeVisit(visit('none', [], 300), false),
    ];
    expect(rows.sort(worklistOrder).map((r) => r.encounter)).toEqual([
      'Encounter/big',
      'Encounter/small',
      'Encounter/none',
      'Encounter/signed-big',
    ]);
  });
});
