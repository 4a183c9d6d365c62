// Answers by (code, date of service) are memoised inside createReference: the same question
// must always get the same answer, and different questions never share one.
import { describe, expect, it } from 'vitest';
import { createReference } from './create-reference.ts';
import { emptyTables, type ReferenceTables } from './tables.ts';

function tables(): ReferenceTables {
  return {
    ...emptyTables(),
    hcpcs: [
      { code: 'J9190', category: 'chemo', displayName: 'fluorouracil', effectiveTo: '2026-09-30' },
      {
        code: 'J9192',
        category: 'chemo',
        displayName: 'fluorouracil',
        effectiveFrom: '2026-10-01',
      },
      { code: 'J1', category: 'therapeutic', displayName: 'one' },
    ],
    paymentLimits: [
      { from: '2026-07-01', to: '2026-09-30', limits: { J9271: '60.001' } },
      { from: '2026-10-01', to: '2026-12-31', limits: { J9271: '61.5' } },
    ],
    opps: [{ from: '2026-10-01', to: '2026-12-31', si: { J9271: 'K' } }],
    mue: [
      { table: 'practitioner', from: '2026-01-01', entries: { J9271: [400, 3] } },
      { table: 'outpatient-hospital', from: '2026-01-01', entries: { J9271: [500, 3, 'label'] } },
    ],
    ndcHcpcs: [
      { ndc11: '00000000001', hcpcs: 'J9190', to: '2026-09-30' },
      { ndc11: '00000000001', hcpcs: 'J9192', from: '2026-10-01' },
    ],
  };
}

describe('createReference: memoised answers by code and date', () => {
  const ref = createReference(tables());
  it.each([
    // asked twice in a row, in both orders, around each boundary
    ['J9190', '2026-09-30', 'J9190'],
    ['J9190', '2026-10-01', undefined],
    ['J9192', '2026-09-30', undefined],
    ['J9192', '2026-10-01', 'J9192'],
    ['J1', '2026-10-01', 'J1'],
    ['J19', '2026-10-01', undefined], // 'J1' + '9…' must not be read as 'J19' + '…'
  ])('hcpcs(%s, %s) → %s, every time', (code, dos, expected) => {
    expect(ref.hcpcs(code, dos)?.code).toBe(expected);
    expect(ref.hcpcs(code, dos)?.code).toBe(expected);
  });

  it.each([
    ['2026-09-30', '60.001'],
    ['2026-10-01', '61.5'],
    ['2027-01-01', undefined],
  ])('paymentLimit(J9271, %s) → %s', (dos, expected) => {
    expect(ref.paymentLimit('J9271', dos)).toBe(expected);
    expect(ref.paymentLimit('J9271', dos)).toBe(expected);
  });

  it('OPPS status indicator by date', () => {
    expect(ref.oppsStatusIndicator('J9271', '2026-09-30')).toBeUndefined();
    expect(ref.oppsStatusIndicator('J9271', '2026-10-01')).toBe('K');
  });

  it('MUE: the two tables keep their own answers; answers are frozen', () => {
    const p = ref.mue('J9271', 'practitioner', '2026-10-01');
    const o = ref.mue('J9271', 'outpatient-hospital', '2026-10-01');
    expect(p).toEqual({ code: 'J9271', value: 400, mai: 3 });
    expect(o).toEqual({ code: 'J9271', value: 500, mai: 3, rationale: 'label' });
    expect(ref.mue('J9271', 'practitioner', '2026-10-01')).toEqual(p);
    expect(Object.isFrozen(p)).toBe(true);
  });

  it('crosswalk codes follow the date; the list is read-only', () => {
    expect(ref.hcpcsForNdc('00000000001', '2026-09-30')).toEqual(['J9190']);
    expect(ref.hcpcsForNdc('00000000001', '2026-10-01')).toEqual(['J9192']);
    expect(Object.isFrozen(ref.hcpcsForNdc('00000000001', '2026-10-01'))).toBe(true);
  });
});
