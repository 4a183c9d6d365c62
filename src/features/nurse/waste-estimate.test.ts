import { describe, expect, it } from 'vitest';
import { testReference } from './test-reference.ts';
import { estimateWaste, expectedDiscard, isKnownMultiDose } from './waste-estimate.ts';

const reference = testReference();

describe('expected waste from least-waste containers (drug-wastage R-17, R-06)', () => {
  it.each<[string, string, number, string, { ndc: string; count: number }[], number]>([
    [
      'R-17 pembrolizumab 200 mg: two 100 mg, nothing left',
      '00006302602',
      200,
      'mg',
      [{ ndc: '00006302602', count: 2 }],
      0,
    ],
    [
      'R-17 pembrolizumab 144 mg: two 100 mg, 56 mg left',
      '00006-3026-02',
      144,
      'mg',
      [{ ndc: '00006302602', count: 2 }],
      56,
    ],
    [
      'R-04 pembrolizumab 5.76 mL at 25 mg/mL = 144 mg',
      '00006302602',
      5.76,
      'mL',
      [{ ndc: '00006302602', count: 2 }],
      56,
    ],
    [
      'R-17 nivolumab 78 mg: 2 x 40 beats 1 x 100',
      '00003377412',
      78,
      'mg',
      [{ ndc: '00003377212', count: 2 }],
      2,
    ],
    [
      'R-17 durvalumab 830 mg: 7 x 120 beats 500 + 3 x 120',
      '00310450012',
      830,
      'mg',
      [{ ndc: '00310450012', count: 7 }],
      10,
    ],
    [
      'R-17 CGS example 300 mg: 3 x 100, never the 400',
      '11111000002',
      300,
      'mg',
      [{ ndc: '11111000001', count: 3 }],
      0,
    ],
    [
      'R-03 dose in g converts to mg',
      '00006302602',
      0.15,
      'g',
      [{ ndc: '00006302602', count: 2 }],
      50,
    ],
  ])('%s', (_name, ndc, value, unit, containers, discarded) => {
    const est = estimateWaste({ ndcs: [ndc], hcpcs: [], dose: { value, unit }, reference });
    expect(est?.containers).toEqual(containers);
    expect(est?.discarded).toEqual({ value: discarded, unit: 'mg' });
  });

  it('offers the drug’s sibling products as choices, never multi-dose ones', () => {
    const est = estimateWaste({ ndcs: ['00003377412'], hcpcs: [], dose: undefined, reference });
    expect(est?.choices.map((c) => c.ndc11).sort()).toEqual([
      '00003373413',
      '00003377212',
      '00003377412',
    ]);
    expect(est?.containers).toEqual([]);
  });

  it('knows nothing for an unknown drug', () => {
    expect(
      estimateWaste({
        ndcs: ['99999999999'],
        hcpcs: [],
        dose: { value: 1, unit: 'mg' },
        reference,
      }),
    ).toBeUndefined();
  });

  it('a mL dose without a concentration gives choices but no estimate', () => {
    const est = estimateWaste({
      ndcs: ['11111000001'],
      hcpcs: [],
      dose: { value: 3, unit: 'mL' },
      reference,
    });
    expect(est?.containers).toEqual([]);
    expect(est?.choices).toHaveLength(2);
  });

  it.each([
    ['R-12 carboplatin multi-dose', ['61703033922'], true],
    ['single-dose pembrolizumab', ['00006302602'], false],
    ['unknown product', ['99999999999'], false],
  ])('%s: known multi-dose = %s', (_n, ndcs, want) => {
    expect(isKnownMultiDose(ndcs, reference)).toBe(want);
  });
});

describe('expectedDiscard (drug-wastage R-06: D = L − A)', () => {
  it.each<[string, { ndc: string; count: number }[], number, string, number | undefined]>([
    ['two 100 mg for 144 mg', [{ ndc: '00006302602', count: 2 }], 144, 'mg', 56],
    [
      'mixed sizes 240 + 40 for 270 mg',
      [
        { ndc: '00003373413', count: 1 },
        { ndc: '00003377212', count: 1 },
      ],
      270,
      'mg',
      10,
    ],
    ['opened less than the dose', [{ ndc: '00006302602', count: 1 }], 144, 'mg', -44],
    ['unknown product', [{ ndc: '99999999999', count: 1 }], 10, 'mg', undefined],
  ])('%s', (_n, containers, value, unit, want) => {
    expect(expectedDiscard(containers, { value, unit }, reference)?.value).toBe(want);
  });
});
