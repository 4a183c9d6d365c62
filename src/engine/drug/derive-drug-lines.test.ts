import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../profiles.ts';
import type { Administration, ClaimInfo, DerivedLine } from '../types.ts';
import { deriveDrugLines } from './derive-drug-lines.ts';
import { admin, given, scopeOf, shapes, withContainers, type ScopeOptions } from './test-kit.ts';

const PEMBRO = '00006302602'; // 100 mg / 4 mL, 25 mg/mL
const NIVO_40 = '00003377211';
const DURVA_120 = '00310450012';
const BEVA_100 = '50242006001';
const BEVA_400 = '50242006101';
const CARBO_450 = '61703033950'; // multi-dose
const PALONO = '00409250410'; // 0.25 mg / 5 mL
const BORTEZOMIB = '63020004901'; // 3.5 mg powder, J9041 0.1 mg
const OXALI_50 = '63323075010';
const FOSAPREPITANT = '63323097210';
const FLUOROURACIL_500 = '63323011710';
const PEGFIL = '55513019001'; // single-dose syringe

/** Single-dose labels verified for the tests (the catalog leaves most unknown). */
const SDC = withContainers({
  [PEMBRO]: 'single-dose',
  [BEVA_100]: 'single-dose',
  [BEVA_400]: 'single-dose',
  [PALONO]: 'single-dose',
  [BORTEZOMIB]: 'single-dose',
  [OXALI_50]: 'single-dose',
  '63323075020': 'single-dose',
  '60505613208': 'single-dose',
});

function run(admins: Administration[], o: ScopeOptions = {}) {
  const r = deriveDrugLines(scopeOf(admins, { reference: SDC, ...o }));
  return { ...r, shapes: shapes(r.lines), codes: r.warnings.map((w) => w.code).sort() };
}

const docs = (ndc11: string, count: number): Partial<Administration> => ({
  containers: [{ ndc11, count }],
  discarded: { value: '0', unit: 'mg' },
});

describe('R-01 / R-05 / R-06 / R-08: units round up, waste rounds down, JZ when nothing billable is left', () => {
  it.each([
    ['exactly one vial', PEMBRO, '100', 'mg', 1, ['J9271×100 JZ'], []],
    [
      'just under one vial (0.5 mg left)',
      PEMBRO,
      '99.5',
      'mg',
      1,
      ['J9271×100 JZ'],
      ['DISCARD_LESS_THAN_ONE_UNIT'],
    ],
    ['144 mg from two vials', PEMBRO, '144', 'mg', 2, ['J9271×144', 'J9271×56 JW'], []],
    [
      '144.0 mg is not 145 units (exact decimals)',
      PEMBRO,
      '144.0',
      'mg',
      2,
      ['J9271×144', 'J9271×56 JW'],
      [],
    ],
    ['just over a whole unit', PEMBRO, '100.4', 'mg', 2, ['J9271×101', 'J9271×99 JW'], []],
    ['dose in grams', PEMBRO, '0.144', 'g', 2, ['J9271×144', 'J9271×56 JW'], []],
    ['dose in mL at 25 mg/mL', PEMBRO, '5.76', 'mL', 2, ['J9271×144', 'J9271×56 JW'], []],
    [
      '77 mg from a 100 mg vial, 10 mg units',
      BEVA_100,
      '77',
      'mg',
      1,
      ['J9035×8', 'J9035×2 JW'],
      [],
    ],
    [
      '0.1 mg descriptor: bortezomib 2.6 mg',
      BORTEZOMIB,
      '2.6',
      'mg',
      1,
      ['J9041×26', 'J9041×9 JW'],
      [],
    ],
    [
      '0.1 mg descriptor: 2.65 mg rounds up',
      BORTEZOMIB,
      '2.65',
      'mg',
      1,
      ['J9041×27', 'J9041×8 JW'],
      [],
    ],
    [
      '0.5 mg descriptor: oxaliplatin 85 mg',
      '63323075020',
      '85',
      'mg',
      1,
      ['J9263×170', 'J9263×30 JW'],
      [],
    ],
    [
      '25 mcg descriptor: palonosetron 0.25 mg = 10 units',
      PALONO,
      '0.25',
      'mg',
      1,
      ['J2469×10 JZ'],
      [],
    ],
    ['palonosetron 250 mcg', PALONO, '250', 'ug', 1, ['J2469×10 JZ'], []],
    [
      'palonosetron 0.24 mg still 10 units, no JW',
      PALONO,
      '0.24',
      'mg',
      1,
      ['J2469×10 JZ'],
      ['DISCARD_LESS_THAN_ONE_UNIT'],
    ],
  ])('%s', (_name, ndc, value, unit, vials, lines, extra) => {
    const r = run([given(ndc, value, unit, docs(ndc, vials))]);
    expect(r.shapes).toEqual(lines);
    expect(r.codes.filter((c) => c !== 'NO_ZERO_WASTE_COMBINATION')).toEqual(extra);
  });
});

describe('R-04 UNIT_CONVERSION_MISSING: a volume needs a concentration', () => {
  const coded = { ndc: [], hcpcs: ['J9271'], rxnorm: [] };
  it.each([
    ['no concentration anywhere', undefined, [], ['UNIT_CONVERSION_MISSING']],
    [
      'Medication.ingredient.strength',
      { value: '25', unit: 'mg' },
      ['J9271×144'],
      ['VIALS_NOT_DOCUMENTED'],
    ],
  ])('%s', (_name, concentrationPerMl, lines, codes) => {
    const a = admin({
      drug: coded,
      dose: { value: '5.76', unit: 'mL' },
      ...(concentrationPerMl ? { concentrationPerMl } : {}),
    });
    const r = run([a], { reference: withContainers({}) });
    expect(r.shapes.slice(0, 1)).toEqual(lines);
    for (const c of codes) expect(r.codes).toContain(c);
  });
  it('no dose at all', () => {
    expect(run([given(PEMBRO, '0', 'mg', { dose: undefined })]).codes).toEqual([
      'UNIT_CONVERSION_MISSING',
    ]);
  });
});

describe('R-17 / R-18 least-waste vials when none are documented', () => {
  it.each([
    ['nivolumab 78 mg → 2×40', NIVO_40, '78', ['J9299×78', 'J9299×2 JW'], `2 × ${NIVO_40}`],
    ['durvalumab 830 mg → 7×120', DURVA_120, '830', ['J9173×83', 'J9173×1 JW'], `7 × ${DURVA_120}`],
    [
      'bevacizumab 300 mg → 3×100 (CGS example)',
      BEVA_100,
      '300',
      ['J9035×30 JZ'],
      `3 × ${BEVA_100}`,
    ],
  ])('%s', (_name, ndc, value, lines, assumed) => {
    const r = run([given(ndc, value)]);
    expect(r.shapes).toEqual(lines);
    expect(r.codes).toContain('VIALS_NOT_DOCUMENTED');
    expect(r.warnings.find((w) => w.code === 'VIALS_NOT_DOCUMENTED')?.message).toContain(assumed);
    expect(r.lines.every((l) => l.evidence.provisional)).toBe(true);
  });
  it('WASTE_NOT_DOCUMENTED and NO_ZERO_WASTE_COMBINATION come with an inferred JW line', () => {
    expect(run([given(NIVO_40, '78')]).codes).toEqual([
      'CONTAINER_TYPE_UNKNOWN',
      'NO_ZERO_WASTE_COMBINATION',
      'VIALS_NOT_DOCUMENTED',
      'WASTE_NOT_DOCUMENTED',
    ]);
  });
});

describe('R-17 SUBOPTIMAL_VIAL_SELECTION (documented vials are billed, with a warning)', () => {
  it.each([
    [
      '400 mg vial for 300 mg',
      [{ ndc11: BEVA_400, count: 1 }],
      ['J9035×30', 'J9035×10 JW'],
      ['SUBOPTIMAL_VIAL_SELECTION'],
    ],
    ['three 100 mg vials', [{ ndc11: BEVA_100, count: 3 }], ['J9035×30 JZ'], []],
  ])('%s', (_name, containers, lines, codes) => {
    const r = run([
      given(BEVA_100, '300', 'mg', { containers, discarded: { value: '100', unit: 'mg' } }),
    ]);
    expect(r.shapes).toEqual(lines);
    expect(r.codes).toEqual(codes);
  });
});

describe('R-14 / R-24 DOSE_EXCEEDS_OPENED_VIALS', () => {
  it.each([
    ['just over the label', '200.1', [], ['DOSE_EXCEEDS_OPENED_VIALS']],
    ['at the label', '200', ['J9271×200 JZ'], []],
  ])('%s', (_name, value, lines, codes) => {
    const r = run([given(PEMBRO, value, 'mg', docs(PEMBRO, 2))]);
    expect(r.shapes).toEqual(lines);
    expect(r.codes).toEqual(codes);
  });
});

describe('R-12 multiple-dose containers: never JW/JZ', () => {
  it.each([
    ['dose only', {}, ['J9045×8'], []],
    [
      '450 mg vial opened for 400 mg',
      { containers: [{ ndc11: CARBO_450, count: 1 }] },
      ['J9045×8'],
      ['MULTI_DOSE_NO_WASTE_BILLING'],
    ],
    [
      'waste recorded',
      { discarded: { value: '50', unit: 'mg' } },
      ['J9045×8'],
      ['MULTI_DOSE_NO_WASTE_BILLING'],
    ],
  ])('%s', (_name, over, lines, codes) => {
    const r = run([given(CARBO_450, '400', 'mg', over)]);
    expect(r.shapes).toEqual(lines);
    expect(r.codes).toEqual(codes);
  });
});

describe('CONTAINER_TYPE_UNKNOWN: unknown labels are treated as single-dose', () => {
  it('pembrolizumab with the catalog (container not verified)', () => {
    const r = run([given(PEMBRO, '144', 'mg', docs(PEMBRO, 2))], { reference: withContainers({}) });
    expect(r.shapes).toEqual(['J9271×144', 'J9271×56 JW']);
    expect(r.codes).toEqual(['CONTAINER_TYPE_UNKNOWN', 'NO_ZERO_WASTE_COMBINATION']);
  });
});

describe('R-19 WASTE_NOT_DOCUMENTED', () => {
  it.each([
    ['waste statement present', { value: '56', unit: 'mg' }, []],
    ['no waste statement', undefined, ['WASTE_NOT_DOCUMENTED']],
  ])('%s', (_name, discarded, codes) => {
    const a = given(PEMBRO, '144', 'mg', {
      containers: [{ ndc11: PEMBRO, count: 2 }],
      ...(discarded ? { discarded } : {}),
    });
    expect(run([a]).codes.filter((c) => c === 'WASTE_NOT_DOCUMENTED')).toEqual(codes);
  });
});

describe('R-10 JZ by date of service', () => {
  const noOptional = defaultConfig('medicare', { rules: { jzOptionalPeriodEmit: false } });
  it.each([
    ['2022-12-31', undefined, []],
    ['2023-01-01', undefined, ['JZ']],
    ['2023-06-30', noOptional, []],
    ['2023-07-01', noOptional, ['JZ']],
  ])('%s', (dos, config, modifiers) => {
    const a = given(PALONO, '0.25', 'mg', { ...docs(PALONO, 1), start: undefined });
    const r = run([a], { dos, ...(config ? { config } : {}) });
    expect(r.lines[0]?.modifiers).toEqual(modifiers);
  });
});

describe('R-13 NOT_SEPARATELY_PAYABLE (OPPS status indicator, facility)', () => {
  it.each([
    ['facility, SI N: no JZ', 'facility', ['J1453×150'], ['NOT_SEPARATELY_PAYABLE']],
    ['professional: JZ', 'professional', ['J1453×150 JZ'], ['CONTAINER_TYPE_UNKNOWN']],
  ] as const)('%s', (_name, setting, lines, codes) => {
    const r = run([given(FOSAPREPITANT, '150', 'mg', docs(FOSAPREPITANT, 1))], { setting });
    expect(r.shapes).toEqual(lines);
    expect(r.codes).toEqual(codes);
  });
  it('facility, SI K: JW/JZ apply', () => {
    expect(
      run([given(PEMBRO, '144', 'mg', docs(PEMBRO, 2))], { setting: 'facility' }).shapes,
    ).toEqual(['J9271×144', 'J9271×56 JW']);
  });
});

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
