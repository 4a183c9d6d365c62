import { describe, expect, it } from 'vitest';
import type { ClaimLineInfo, DerivedLine } from '../types.ts';
import { compareClaimLines } from './claim-lines.ts';
import { admin, claim, codes, DOS, E, line, P, patient, scope } from '../test-kit/checks.ts';
import { trialStatus } from './trial-status.ts';

const A1 = 'MedicationAdministration/a1';
const pembroAdmin = admin('a1', { drug: { ndc: ['00006302602'], hcpcs: ['J9271'], rxnorm: [] } });
const carboAdmin = admin('a1', { drug: { ndc: ['61703033922'], hcpcs: ['J9045'], rxnorm: [] } });
const cl = (
  code: string,
  units: number,
  modifiers: string[] = [],
  over: Partial<ClaimLineInfo> = {},
) => ({
  sequence: 1,
  code,
  units,
  modifiers,
  date: DOS,
  ...over,
});

function compare(derived: DerivedLine[], claimLines: ClaimLineInfo[], admins = [pembroAdmin]) {
  const p = patient({ administrations: admins });
  const s = scope(p);
  return compareClaimLines(s, derived, claim({ lines: claimLines }), trialStatus(s));
}

const pembroDerived = [
  line('96413', 1, [A1]),
  line('J9271', 200, [A1], { drugName: 'Pembrolizumab' }),
  line('J9271', 56, [A1], { modifiers: ['JW'], drugName: 'Pembrolizumab' }),
];

describe('contract §2.4 existing claim compared line by line', () => {
  it.each([
    ['identical claim', [cl('96413', 1), cl('J9271', 200), cl('J9271', 56, ['JW'])], []],
    [
      'lines in another order and split units sum (contract §3)',
      [cl('J9271', 56, ['JW']), cl('J9271', 100), cl('J9271', 100), cl('96413', 1)],
      [],
    ],
    ['modifier case ignored', [cl('96413', 1), cl('J9271', 200), cl('J9271', 56, ['jw'])], []],
    ['missing the JW line', [cl('96413', 1), cl('J9271', 200)], ['CLAIM_LINE_MISSING']],
    ['missing 96413', [cl('J9271', 200), cl('J9271', 56, ['JW'])], ['CLAIM_LINE_MISSING']],
    [
      'extra 96415',
      [cl('96413', 1), cl('96415', 1), cl('J9271', 200), cl('J9271', 56, ['JW'])],
      ['CLAIM_LINE_EXTRA'],
    ],
    [
      'units one over (boundary)',
      [cl('96413', 1), cl('J9271', 201), cl('J9271', 56, ['JW'])],
      ['CLAIM_UNITS_MISMATCH'],
    ],
    [
      'units one under (boundary)',
      [cl('96413', 1), cl('J9271', 199), cl('J9271', 56, ['JW'])],
      ['CLAIM_UNITS_MISMATCH'],
    ],
    [
      'R-22 JZ where the records show waste',
      [cl('96413', 1), cl('J9271', 200, ['JZ'])],
      ['JZ_WITH_WASTE'],
    ],
    [
      '59 on the drug line the records do not support',
      [cl('96413', 1, ['59']), cl('J9271', 200), cl('J9271', 56, ['JW'])],
      ['CLAIM_MODIFIER_MISMATCH'],
    ],
    [
      'E/M and lab lines are not compared (the engine does not derive them)',
      [
        cl('99214', 1, ['25']),
        cl('36415', 1),
        cl('96413', 1),
        cl('J9271', 200),
        cl('J9271', 56, ['JW']),
      ],
      [],
    ],
    [
      'line on another date',
      [cl('96413', 1, [], { date: '2026-08-05' }), cl('J9271', 200), cl('J9271', 56, ['JW'])],
      ['CLAIM_LINE_EXTRA', 'CLAIM_LINE_MISSING'],
    ],
  ])('%s', (_n, claimLines, expected) => {
    expect(codes(compare(pembroDerived, claimLines))).toEqual(expected);
  });

  it('JZ_WITH_WASTE puts the discarded units’ amount at stake and says what to bill', () => {
    const [w] = compare(pembroDerived, [cl('96413', 1), cl('J9271', 200, ['JZ'])]);
    expect(w?.severity).toBe('error');
    expect(w?.amountAtStake).toBe(3086.89);
    expect(w?.message).toContain('Bill J9271 × 200 without JZ and J9271-JW × 56');
  });

  it('CLAIM_UNITS_MISMATCH prices the difference', () => {
    const [w] = compare(pembroDerived, [cl('96413', 1), cl('J9271', 210), cl('J9271', 56, ['JW'])]);
    expect(w?.amountAtStake).toBe(551.23);
    expect(w?.message).toContain('the claim bills 210 units; the records support 200');
  });

  it('CLAIM_LINE_EXTRA uses item.net when the claim has it', () => {
    const ws = compare(pembroDerived, [
      ...[cl('96413', 1), cl('J9271', 200), cl('J9271', 56, ['JW'])],
      cl('J2405', 8, [], { net: 12.5 }),
    ]);
    expect(ws[0]?.amountAtStake).toBe(12.5);
  });

  it.each([
    ['JZ on a multi-dose carboplatin line', ['JZ'], ['JW_ON_MULTIDOSE']],
    ['JW on a multi-dose carboplatin line', ['JW'], ['CLAIM_LINE_MISSING', 'JW_ON_MULTIDOSE']],
    ['no modifier (correct, R-12)', [], []],
  ])('R-12 %s', (_n, mods, expected) => {
    const derived = [line('J9045', 9, [A1], { drugName: 'Carboplatin' })];
    const claimLines = mods.includes('JW') ? [cl('J9045', 1, mods)] : [cl('J9045', 9, mods)];
    expect(codes(compare(derived, claimLines, [carboAdmin]))).toEqual(expected);
  });

  it('CLAIM_LINE_EXTRA for a drug whose administration gave no line yet says so', () => {
    const running = admin('a9', {
      status: 'in-progress',
      drug: { ndc: [], hcpcs: ['J9267'], rxnorm: [] },
    });
    const ws = compare(
      [line('96413', 1, [A1])],
      [cl('96413', 1), cl('J9267', 300)],
      [pembroAdmin, running],
    );
    expect(codes(ws)).toEqual(['CLAIM_LINE_EXTRA']);
    expect(ws[0]?.message).toContain('no line for this drug yet');
    expect(ws[0]?.sources).toEqual(['Claim/cl1', 'MedicationAdministration/a9']);
  });

  it('JZ on a single-dose line without waste is fine; JZ missing is a modifier mismatch', () => {
    const derived = [line('J9271', 200, [A1], { modifiers: ['JZ'] })];
    expect(compare(derived, [cl('J9271', 200, ['JZ'])])).toEqual([]);
    expect(codes(compare(derived, [cl('J9271', 200)]))).toEqual(['CLAIM_MODIFIER_MISMATCH']);
  });

  it('T-42 administration units above the insurer’s share with a sponsor-paid administration', () => {
    const admins = [pembroAdmin, admin('a2', { sponsorPaid: true })];
    const ws = compare([line('96413', 1, [A1])], [cl('96413', 1), cl('96417', 1)], admins);
    expect(codes(ws)).toEqual(['SPONSOR_PAID_SERVICE_BILLED']);
  });

  it('T-42 more add-on hours than the insurer’s share with a sponsor-paid administration', () => {
    const admins = [pembroAdmin, admin('a2', { sponsorPaid: true })];
    const derived = [line('96413', 1, [A1]), line('96415', 1, [A1])];
    const ws = compare(derived, [cl('96413', 1), cl('96415', 3)], admins);
    expect(codes(ws)).toEqual(['SPONSOR_PAID_SERVICE_BILLED']);
    expect(ws[0]?.message).toContain("the insurer's share is 1");
  });

  it('sources name the derived administrations and the claim', () => {
    const [w] = compare(pembroDerived, [cl('J9271', 200), cl('J9271', 56, ['JW'])]);
    expect(w?.sources).toEqual([A1, 'Claim/cl1']);
    expect(w?.message).toContain('96413 × 1');
    expect(E).toBe('Encounter/e1');
    expect(P).toBe('Patient/p1');
  });
});
