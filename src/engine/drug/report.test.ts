import { describe, expect, it } from 'vitest';
import { analyzePatient, toReport } from '../analyze.ts';
import { defaultConfig } from '../profiles.ts';
import { docs, given, patient, PEMBRO, ts, withContainers } from '../test-kit/drug.ts';

describe('contract §3: drug lines in the report', () => {
  it('pembrolizumab 144 mg from two single-dose vials: the contract example', () => {
    const a = given(PEMBRO, '144', 'mg', {
      ...docs(PEMBRO, 2),
      discarded: { value: '56', unit: 'mg' },
      start: ts('2026-08-03T09:00:00-04:00'),
      end: ts('2026-08-03T09:31:00-04:00'),
    });
    const ctx = {
      config: defaultConfig(),
      reference: withContainers({ [PEMBRO]: 'single-dose' }),
    };
    const report = toReport(analyzePatient(patient({ administrations: [a] }), ctx));
    const drug = report.encounters[0]?.lines.filter((l) => l.code === 'J9271');
    expect(drug).toEqual([
      {
        code: 'J9271',
        units: 144,
        modifiers: [],
        date: '2026-08-03',
        sources: ['MedicationAdministration/a1'],
        ndc: { code: '00006302602', quantity: 5.76, unit: 'ML' },
        amount: 8732.88,
      },
      {
        code: 'J9271',
        units: 56,
        modifiers: ['JW'],
        date: '2026-08-03',
        sources: ['MedicationAdministration/a1'],
        ndc: { code: '00006302602', quantity: 2.24, unit: 'ML' },
        amount: 3396.12,
      },
    ]);
    const codes = report.encounters[0]?.warnings.map((w) => w.code) ?? [];
    expect(codes.filter((c) => !['NO_COVERAGE', 'COVERAGE_NOT_ACTIVE'].includes(c))).toEqual([
      'NO_ZERO_WASTE_COMBINATION',
    ]);
  });
});
