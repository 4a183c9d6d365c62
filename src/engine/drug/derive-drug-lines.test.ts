import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../profiles.ts';
import {
  admin,
  given,
  withContainers,
  BEVA_100,
  BEVA_400,
  BORTEZOMIB,
  CARBO_450,
  docs,
  DURVA_120,
  FOSAPREPITANT,
  NIVO_40,
  PALONO,
  PEMBRO,
  run,
} from '../test-kit/drug.ts';

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
