import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../profiles.ts';
import type { ClaimInfo, DerivedLine } from '../types.ts';
import {
  admin,
  given,
  BEVA_100,
  BEVA_400,
  BORTEZOMIB,
  CARBO_450,
  docs,
  FLUOROURACIL_500,
  OXALI_50,
  PALONO,
  PEGFIL,
  PEMBRO,
  run,
  ts,
} from '../test-kit/drug.ts';

describe('R-32 340B modifier on separately payable lines', () => {
  const config = { ...defaultConfig(), entity340b: 'JG' as const };
  it.each([
    ['JW pair', PEMBRO, '144', 2, ['J9271×144 JG', 'J9271×56 JW,JG']],
    ['JZ line', PEMBRO, '100', 1, ['J9271×100 JZ,JG']],
    ['packaged drug (SI N): none', PALONO, '0.25', 1, ['J2469×10']],
  ] as const)('%s', (_name, ndc, value, vials, lines) => {
    const r = run([given(ndc, value, 'mg', docs(ndc, vials))], { setting: 'facility', config });
    expect(r.shapes).toEqual(lines);
  });
});

describe('R-20 shared container', () => {
  it.each([
    ['default JZ', undefined, ['J9271×60 JZ']],
    [
      'payer setting: no modifier',
      defaultConfig('medicare', { rules: { sharedVialModifier: 'none' } }),
      ['J9271×60'],
    ],
  ])('%s', (_name, config, lines) => {
    const a = given(PEMBRO, '60', 'mg', { ...docs(PEMBRO, 1), sharedContainer: true });
    const r = run([a], config ? { config } : {});
    expect(r.shapes).toEqual(lines);
    expect(r.codes).toEqual(['VIAL_SHARED_CONFIRM']);
  });
});

describe('R-23 MUE (J9271 practitioner MUE 400)', () => {
  it.each([
    ['admin units above', '410', 5, ['MUE_EXCEEDED']],
    ['admin at the limit, no waste', '400', 4, []],
    ['admin 390 + 10 JW = 400', '390', 4, []],
    ['admin 399 + 101 JW above', '399', 5, ['MUE_EXCEEDED_WITH_WASTE']],
  ])('%s', (_name, value, vials, codes) => {
    const r = run([given(PEMBRO, value, 'mg', docs(PEMBRO, vials))]);
    expect(r.codes.filter((c) => c.startsWith('MUE'))).toEqual(codes);
  });
});

describe('R-21 dose versus order (10% default)', () => {
  it.each([
    ['same dose', '144', []],
    ['4% apart', '150', ['DOSE_ROUNDED_WITHIN_POLICY']],
    ['exactly 10% apart', '160', ['DOSE_ROUNDED_WITHIN_POLICY']],
    ['just over 10%', '161', ['DOSE_DEVIATES_FROM_ORDER']],
  ])('%s', (_name, ordered, codes) => {
    const a = given(PEMBRO, '144', 'mg', {
      ...docs(PEMBRO, 2),
      orderedDose: { value: ordered, unit: 'mg' },
    });
    expect(run([a]).codes.filter((c) => c.startsWith('DOSE_'))).toEqual(codes);
  });
});

describe('R-25 / R-26 code checks', () => {
  it.each([
    [
      'NDC billed under another code',
      { ndc: [PEMBRO], hcpcs: ['J9299'], rxnorm: [] },
      '144',
      'J9271',
      ['NDC_HCPCS_MISMATCH'],
    ],
    [
      'retired code with an NDC',
      { ndc: [PEGFIL], hcpcs: ['J2505'], rxnorm: [] },
      '6',
      'J2506',
      ['HCPCS_NOT_VALID_FOR_DOS'],
    ],
    [
      'retired code alone: no line',
      { ndc: [], hcpcs: ['J2505'], rxnorm: [] },
      '6',
      undefined,
      ['HCPCS_NOT_VALID_FOR_DOS'],
    ],
  ])('%s', (_name, drug, value, code, codes) => {
    const r = run([
      admin({
        drug,
        dose: { value, unit: 'mg' },
        containers: [{ ndc11: drug.ndc[0] ?? PEGFIL, count: 2 }],
        discarded: { value: '0', unit: 'mg' },
      }),
    ]);
    expect(r.lines[0]?.code).toBe(code);
    for (const c of codes) expect(r.codes).toContain(c);
  });
  it('a code not yet valid is reported once, not also as a mismatch', () => {
    const a = admin({
      drug: { ndc: [FLUOROURACIL_500], hcpcs: ['J9192'], rxnorm: [] },
      dose: { value: '500', unit: 'mg' },
      ...docs(FLUOROURACIL_500, 1),
    });
    const r = run([a]);
    expect(r.shapes).toEqual(['J9190×1 JZ']);
    expect(r.codes).toEqual(['CONTAINER_TYPE_UNKNOWN', 'HCPCS_NOT_VALID_FOR_DOS']);
  });
  it.each([
    ['2026-03-02', 'J9190', 1],
    ['2026-10-05', 'J9192', 50],
  ])('fluorouracil on %s bills %s', (dos, code, units) => {
    const a = given(FLUOROURACIL_500, '500', 'mg', {
      ...docs(FLUOROURACIL_500, 1),
      start: undefined,
    });
    const r = run([a], { dos });
    expect(r.lines[0]).toMatchObject({ code, units });
  });
});

describe('R-29 / R-30 NDC quantity per line', () => {
  const ndcs = (lines: DerivedLine[]) => lines.map((l) => l.ndc);
  it.each([
    [
      'liquid, mL (pembrolizumab 144 mg)',
      PEMBRO,
      '144',
      2,
      [
        { code: PEMBRO, quantity: 5.76, unit: 'ML' },
        { code: PEMBRO, quantity: 2.24, unit: 'ML' },
      ],
    ],
    [
      'powder, fraction of the package (bortezomib 2.6 mg)',
      BORTEZOMIB,
      '2.6',
      1,
      [
        { code: BORTEZOMIB, quantity: 0.743, unit: 'UN' },
        { code: BORTEZOMIB, quantity: 0.257, unit: 'UN' },
      ],
    ],
  ])('%s', (_name, ndc, value, vials, expected) => {
    expect(ndcs(run([given(ndc, value, 'mg', docs(ndc, vials))]).lines)).toEqual(expected);
  });
});

describe('payment amount: units × payment limit of the quarter', () => {
  it.each([
    ['2026-03-02', 8600.54],
    ['2026-05-04', undefined],
    ['2026-07-15', 8732.88],
  ])('%s', (dos, amount) => {
    const a = given(PEMBRO, '144', 'mg', { ...docs(PEMBRO, 2), start: undefined });
    expect(run([a], { dos }).lines[0]?.amount).toBe(amount);
  });
});

describe('which administrations make drug lines', () => {
  const sponsor = { sponsorSupplied: true };
  const nominal = defaultConfig('medicare', { trial: { sponsorSuppliedDrugLine: 'nominal' } });
  it.each([
    ['in progress', given(PEMBRO, '144', 'mg', { status: 'in-progress' }), undefined, []],
    [
      'stopped',
      given(PEMBRO, '100', 'mg', { ...docs(PEMBRO, 1), status: 'stopped' }),
      undefined,
      ['J9271×100 JZ'],
    ],
    ['flush marked', given(PEMBRO, '100', 'mg', { flushMarked: true }), undefined, []],
    [
      'contract §1 INVALID_TIME_RANGE: end before start is not billed',
      given(PEMBRO, '100', 'mg', {
        ...docs(PEMBRO, 1),
        start: ts('2026-03-02T11:00:00Z'),
        end: ts('2026-03-02T10:40:00Z'),
      }),
      undefined,
      [],
    ],
    [
      'heparin lock flush',
      admin({
        drug: { ndc: [], hcpcs: ['J1642'], rxnorm: [] },
        dose: { value: '500', unit: '[iU]' },
      }),
      undefined,
      [],
    ],
    ['sponsor-supplied (omit)', given(PEMBRO, '144', 'mg', sponsor), undefined, []],
    ['sponsor-supplied (nominal)', given(PEMBRO, '144', 'mg', sponsor), nominal, ['J9271×144 Q0']],
    [
      'saline 500 mL',
      admin({
        drug: { ndc: [], hcpcs: ['J7050'], rxnorm: [] },
        dose: { value: '500', unit: 'mL' },
      }),
      undefined,
      ['J7050×2'],
    ],
    [
      'saline without a recorded volume',
      admin({ drug: { ndc: [], hcpcs: ['J7050'], rxnorm: [] } }),
      undefined,
      [],
    ],
    [
      'famotidine (NOC)',
      admin({ drug: { ndc: [], hcpcs: ['J3490'], rxnorm: [] }, dose: { value: '20', unit: 'mg' } }),
      undefined,
      ['J3490×1'],
    ],
  ])('%s', (_name, a, config, lines) => {
    const r = run([a], config ? { config } : {});
    expect(r.shapes).toEqual(lines);
    if (a.sponsorSupplied || lines.length === 0) expect(r.codes).toEqual([]);
  });
  it('nominal sponsor line is $0.01', () => {
    const r = run([given(PEMBRO, '144', 'mg', sponsor)], { config: nominal });
    expect(r.lines[0]?.amount).toBe(0.01);
  });
});

describe('R-12 / R-22 drafted claim JW/JZ', () => {
  const claim = (code: string, modifiers: string[]): ClaimInfo => ({
    ref: 'Claim/c1',
    use: 'claim',
    status: 'draft',
    encounter: 'Encounter/e1',
    patient: 'Patient/p1',
    lines: [{ sequence: 1, code, modifiers, units: 1 }],
    diagnoses: [],
    trialNumbers: [],
    valueCodeD4: [],
    conditionCodes: [],
    preAuthRefs: [],
  });
  it.each([
    [
      'JZ with waste',
      given(PEMBRO, '144', 'mg', docs(PEMBRO, 2)),
      claim('J9271', ['JZ']),
      'JZ_WITH_WASTE',
    ],
    [
      'JW on a multiple-dose vial',
      given(CARBO_450, '400'),
      claim('J9045', ['JW']),
      'JW_ON_MULTIDOSE',
    ],
  ])('%s', (_name, a, c, code) => {
    expect(run([a], { patient: { claims: [c] } }).codes).toContain(code);
  });
});

describe('§9 grouping: a day’s administrations of one code are one dose', () => {
  const seg1 = given(BEVA_100, '200', 'mg', {
    ref: 'MedicationAdministration/s1',
    containers: [
      { ndc11: BEVA_400, count: 1 },
      { ndc11: BEVA_100, count: 3 },
    ],
    request: 'MedicationRequest/r1',
    orderedDose: { value: '700', unit: 'mg' },
  });
  const seg2 = (value: string) =>
    given(BEVA_100, value, 'mg', {
      ref: 'MedicationAdministration/s2',
      partOf: 'MedicationAdministration/s1',
      request: 'MedicationRequest/r1',
      orderedDose: { value: '700', unit: 'mg' },
    });
  it.each([
    ['restart uses the rest of the vials', '500', ['J9035×70 JZ'], []],
    [
      'restart stops early: waste on one JW line',
      '450',
      ['J9035×65', 'J9035×5 JW'],
      ['DOSE_ROUNDED_WITHIN_POLICY', 'NO_ZERO_WASTE_COMBINATION', 'WASTE_NOT_DOCUMENTED'],
    ],
  ])('%s', (_name, value, lines, codes) => {
    const r = run([seg1, seg2(value)]);
    expect(r.shapes).toEqual(lines);
    expect(r.codes).toEqual(codes);
    expect(r.lines[0]?.sources).toEqual([
      'MedicationAdministration/s1',
      'MedicationAdministration/s2',
    ]);
  });
  it('units round once on the day’s total (2 × 0.125 mg palonosetron = 10 units, not 2 × 5)', () => {
    const a1 = given(PALONO, '0.12', 'mg', {
      ref: 'MedicationAdministration/p1',
      containers: [{ ndc11: PALONO, count: 1 }],
    });
    const a2 = given(PALONO, '0.13', 'mg', { ref: 'MedicationAdministration/p2' });
    expect(run([a1, a2]).shapes).toEqual(['J2469×10 JZ']);
  });
});

describe('contract §2.2: a fluid bag with a drug ingredient bills the drug', () => {
  it('oxaliplatin 150 mg in 5% dextrose 500 mL, dose as the bag volume', () => {
    const a = admin({
      drug: { ndc: [], hcpcs: ['J7060'], rxnorm: [] },
      ingredients: [
        { drug: { ndc: [], hcpcs: ['J7060'], rxnorm: [] } },
        {
          drug: { ndc: ['63323075020'], hcpcs: [], rxnorm: [] },
          strengthPerMl: { value: '0.3', unit: 'mg' },
        },
      ],
      dose: { value: '500', unit: 'mL' },
      containers: [{ ndc11: OXALI_50, count: 3 }],
      discarded: { value: '0', unit: 'mg' },
    });
    const r = run([a]);
    expect(r.shapes).toEqual(['J9263×300 JZ']);
    expect(r.lines[0]?.ndc).toEqual({ code: '63323075020', quantity: 30, unit: 'ML' });
  });
});

describe('contract §2.3: a product the reference data does not know', () => {
  it('labeled content from Medication.amount, NDC quantity from the Medication strength', () => {
    const a = admin({
      drug: { ndc: ['99999000001'], hcpcs: ['J9271'], rxnorm: [] },
      medicationAmount: { value: '100', unit: 'mg' },
      concentrationPerMl: { value: '25', unit: 'mg' },
      dose: { value: '144', unit: 'mg' },
      containers: [{ ndc11: '99999000001', count: 2 }],
      discarded: { value: '56', unit: 'mg' },
    });
    const r = run([a]);
    expect(r.shapes).toEqual(['J9271×144', 'J9271×56 JW']);
    expect(r.lines.map((l) => l.ndc)).toEqual([
      { code: '99999000001', quantity: 5.76, unit: 'ML' },
      { code: '99999000001', quantity: 2.24, unit: 'ML' },
    ]);
    expect(r.codes).toContain('CONTAINER_TYPE_UNKNOWN');
  });
});

describe('a drug code outside the catalog', () => {
  it('bills with the CMS dosage as its unit (J9042 brentuximab, 1 mg)', () => {
    const a = admin({
      drug: { ndc: [], hcpcs: ['J9042'], rxnorm: [], display: 'brentuximab vedotin' },
      dose: { value: '126.5', unit: 'mg' },
    });
    const r = run([a]);
    expect(r.shapes).toEqual(['J9042×127']);
    expect(r.lines[0]?.drugName).toBe('brentuximab vedotin');
    expect(r.codes).toEqual(['CONTAINER_TYPE_UNKNOWN', 'VIALS_NOT_DOCUMENTED']);
  });
});

describe('R-40 payer settings', () => {
  it.each([
    [
      'no JW accepted: dose line only, never JZ over real waste',
      { acceptsJW: false },
      ['J9271×144'],
    ],
    ['JZ not required: JW still billed', { requiresJZ: false }, ['J9271×144', 'J9271×56 JW']],
  ])('%s', (_name, rules, lines) => {
    const config = defaultConfig('medicare', { rules });
    expect(run([given(PEMBRO, '144', 'mg', docs(PEMBRO, 2))], { config }).shapes).toEqual(lines);
  });
  it('JZ not required: no JZ on a no-waste line', () => {
    const config = defaultConfig('medicare', { rules: { requiresJZ: false } });
    expect(run([given(PEMBRO, '100', 'mg', docs(PEMBRO, 1))], { config }).shapes).toEqual([
      'J9271×100',
    ]);
  });
});
