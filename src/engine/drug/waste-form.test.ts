// The nurse's waste form figures from the engine (issue 14 §2, issue 18 §1): products offered,
// the least-waste suggestion (drug-wastage ), L − A (§1, R-06), volume doses,
// unit conversion, never a multi-dose container. Exact decimals.
import { describe, expect, it } from 'vitest';
import { builtinReference } from '../../reference/builtin.ts';
import { createReference, overlayReference } from '../../reference/create-reference.ts';
import type { Presentation } from '../../reference/types.ts';
import { emptyTables } from '../../reference/tables.ts';
import type { ContainerOpened, DecimalQuantity } from '../types.ts';
import { onlyMultiDose, suggestWaste, wasteFigures, wasteProducts } from './waste-form.ts';

const synthetic = (ndc11: string, mg: string): Presentation => ({
  ndc11,
  hcpcs: 'J9999',
  amount: { value: mg, unit: 'mg' },
  container: 'single-dose',
  marketed: true,
  ndcUnit: 'UN',
});
// The CGS example's two sizes (100 mg and 400 mg), not in the built-in data.
const ref = overlayReference(
  createReference({
    ...emptyTables(),
    products: [synthetic('11111000001', '100'), synthetic('11111000002', '400')],
  }),
  builtinReference(),
);

const mg = (value: string, unit = 'mg'): DecimalQuantity => ({ value, unit });
const text = (cs: readonly ContainerOpened[]) => cs.map((c) => `${c.count}×${c.ndc11}`).join('+');

describe('R-17/R-18 suggested containers for the waste form (least waste, then fewest containers)', () => {
  it.each<[string, string, DecimalQuantity, string, string]>([
    [
      'R-17 oxaliplatin 150 mg: 100 + 50, nothing left',
      '63323075020',
      mg('150'),
      '1×63323075010+1×63323075020',
      '0',
    ],
    [
      'R-17 oxaliplatin 151 mg: 200, 49 mg left (not 100 + 2 × 50)',
      '63323075020',
      mg('151'),
      '1×60505613208',
      '49',
    ],
    [
      'R-17 pembrolizumab 200 mg: two 100 mg, nothing left',
      '00006302602',
      mg('200'),
      '2×00006302602',
      '0',
    ],
    [
      'R-17 pembrolizumab 144 mg: two 100 mg, 56 mg left',
      '00006302602',
      mg('144'),
      '2×00006302602',
      '56',
    ],
    [
      'R-04 pembrolizumab 5.76 mL at 25 mg/mL = 144 mg',
      '00006302602',
      mg('5.76', 'mL'),
      '2×00006302602',
      '56',
    ],
    ['R-03 pembrolizumab 0.15 g = 150 mg', '00006302602', mg('0.15', 'g'), '2×00006302602', '50'],
    ['R-17 nivolumab 78 mg: 2 × 40 beats 1 × 100', '00003377412', mg('78'), '2×00003377211', '2'],
    [
      'R-17 durvalumab 830 mg: 7 × 120 beats 500 + 3 × 120',
      '00310450012',
      mg('830'),
      '7×00310450012',
      '10',
    ],
    [
      'R-17 CGS example 300 mg: 3 × 100, never the 400',
      '11111000002',
      mg('300'),
      '3×11111000001',
      '0',
    ],
    ['R-17 boundary: exactly one container', '11111000001', mg('100'), '1×11111000001', '0'],
    [
      'R-17 boundary: just over one container',
      '11111000001',
      mg('100.001'),
      '2×11111000001',
      '99.999',
    ],
  ])('%s', (_name, ndc, dose, containers, left) => {
    const s = suggestWaste(dose, wasteProducts([ndc], [], ref), ref);
    expect(s && text(s.containers)).toBe(containers);
    expect(s?.leftOver.toString()).toBe(left);
    expect(s?.unit).toBe('mg');
  });

  it.each<[string, DecimalQuantity | undefined, string[]]>([
    ['no dose recorded', undefined, ['00006302602']],
    ['R-04 a volume dose without a concentration', mg('3', 'mL'), ['11111000001']],
    ['a dose unit that is not an amount', mg('2', '{tablet}'), ['00006302602']],
    ['zero dose', mg('0'), ['00006302602']],
    ['unknown drug', mg('10'), ['99999999999']],
  ])('no suggestion: %s', (_name, dose, ndcs) => {
    expect(suggestWaste(dose, wasteProducts(ndcs, [], ref), ref)).toBeUndefined();
  });
});

describe('R-12 products the nurse may pick: own first, siblings of the same code, never multi-dose', () => {
  it.each<[string, string[], string[], string[]]>([
    [
      'nivolumab by one NDC: its siblings',
      ['00003377412'],
      [],
      ['00003377412', '00003377211', '00003375614', '00003373413'],
    ],
    ['oxaliplatin by HCPCS alone', [], ['J9263'], ['63323075010', '63323075020', '60505613208']],
    ['R-12 carboplatin: multi-dose only, nothing', ['61703033950'], [], []],
    ['unknown NDC and code', ['99999999999'], ['J0000'], []],
  ])('%s', (_name, ndcs, hcpcs, want) => {
    expect(wasteProducts(ndcs, hcpcs, ref).map((p) => p.ndc11)).toEqual(want);
  });

  it.each<[string, string[], boolean]>([
    ['R-12 carboplatin multi-dose', ['61703033950'], true],
    ['pembrolizumab (type unknown)', ['00006302602'], false],
    ['unknown product', ['99999999999'], false],
    ['no NDC', [], false],
  ])('only multi-dose: %s', (_name, ndcs, want) => {
    expect(onlyMultiDose(ndcs, ref)).toBe(want);
  });
});

describe('§1 L − A for the containers listed (R-06; the summary before saving)', () => {
  it.each<[string, ContainerOpened[], DecimalQuantity, string]>([
    ['two 100 mg for 144 mg', [{ ndc11: '00006302602', count: 2 }], mg('144'), 'mg 200 144 56'],
    [
      'oxaliplatin 100 + 50 for 150 mg',
      [
        { ndc11: '63323075020', count: 1 },
        { ndc11: '63323075010', count: 1 },
      ],
      mg('150'),
      'mg 150 150 0',
    ],
    [
      'mixed sizes 240 + 40 for 270 mg',
      [
        { ndc11: '00003373413', count: 1 },
        { ndc11: '00003377211', count: 1 },
      ],
      mg('270'),
      'mg 280 270 10',
    ],
    [
      'opened less than the dose',
      [{ ndc11: '00006302602', count: 1 }],
      mg('144'),
      'mg 100 144 -44',
    ],
    [
      'R-04 volume dose 5.76 mL',
      [{ ndc11: '00006302602', count: 2 }],
      mg('5.76', 'mL'),
      'mg 200 144 56',
    ],
    [
      'R-05 exact: 0.1 + 0.2 style amounts',
      [{ ndc11: '00006302602', count: 3 }],
      mg('299.7'),
      'mg 300 299.7 0.3',
    ],
    [
      'zero counts are not containers',
      [
        { ndc11: '00006302602', count: 0 },
        { ndc11: '63323075010', count: 1 },
      ],
      mg('40'),
      'mg 50 40 10',
    ],
  ])('%s', (_name, containers, dose, want) => {
    const r = wasteFigures(containers, dose, ref);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const f = r.figures;
    expect(`${f.unit} ${f.opened} ${f.given} ${f.leftOver}`).toBe(want);
  });

  it.each<[string, ContainerOpened[], DecimalQuantity | undefined, string]>([
    ['nothing listed', [], mg('10'), 'no-containers'],
    ['no dose', [{ ndc11: '00006302602', count: 1 }], undefined, 'no-dose'],
    [
      'a product the data does not know',
      [{ ndc11: '99999999999', count: 1 }],
      mg('10'),
      'unknown-content',
    ],
    [
      'a dose unit that does not convert',
      [{ ndc11: '00006302602', count: 1 }],
      mg('1', '{tablet}'),
      'dose-unit',
    ],
  ])('refused: %s', (_name, containers, dose, problem) => {
    const r = wasteFigures(containers, dose, ref);
    expect(r.ok ? 'ok' : r.problem).toBe(problem);
  });

  it('a product the data does not know counts its Medication.amount (contract §2.3)', () => {
    const own = { ndc11: '99999999999', amount: mg('50') };
    const r = wasteFigures([{ ndc11: '99999999999', count: 2 }], mg('80'), ref, own);
    expect(r.ok && `${r.figures.opened} ${r.figures.leftOver}`).toBe('100 20');
  });
});
