// The waste form's words (issue 14 §2): the summary states exactly what is saved; impossible
// entries are refused in words (drug-wastage §1 D = L − A, R-06; R-05 exact decimals).
import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { wasteFigures, type DecimalQuantity } from '../../engine/index.ts';
import { testReference, TEST_PRODUCTS } from './test-kit/nurse-reference.ts';
import { checkWaste, containersWords, suggestionWords, type FormRow } from './waste-form.ts';

const reference = testReference();
const products = new Map(TEST_PRODUCTS.map((p) => [p.ndc11, p] as const));
const PEMBRO = '00006302602';
const NIVO_40 = '00003377212';
const NIVO_240 = '00003373413';
const mg = (value: string, unit = 'mg'): DecimalQuantity => ({ value, unit });

function run(
  rows: FormRow[],
  discardedText: string | undefined,
  dose: DecimalQuantity | undefined,
) {
  return checkWaste({
    rows,
    discardedText,
    figures: wasteFigures(
      rows.filter((r) => r.count > 0 && r.unreadable === undefined),
      dose,
      reference,
    ),
    products,
    dose: dose ? { value: new Decimal(dose.value), unit: dose.unit } : undefined,
  });
}

describe('summary line: exactly what "Save waste" writes (R-06 D = L − A)', () => {
  it.each<[string, FormRow[], string | undefined, DecimalQuantity, string, number]>([
    [
      'R-06 two 100 mg for 144 mg, left over taken',
      [{ ndc11: PEMBRO, count: 2 }],
      undefined,
      mg('144'),
      '2 × 100 mg containers (200 mg): 144 mg given, 56 mg discarded',
      56,
    ],
    [
      'R-06 boundary: nothing left over',
      [{ ndc11: PEMBRO, count: 2 }],
      undefined,
      mg('200'),
      '2 × 100 mg containers (200 mg): 200 mg given, 0 mg discarded',
      0,
    ],
    [
      'R-06 boundary: discarded typed equal to the left over',
      [{ ndc11: PEMBRO, count: 2 }],
      '56',
      mg('144'),
      '2 × 100 mg containers (200 mg): 144 mg given, 56 mg discarded',
      56,
    ],
    [
      'mixed sizes in one line',
      [
        { ndc11: NIVO_240, count: 1 },
        { ndc11: NIVO_40, count: 1 },
      ],
      undefined,
      mg('270'),
      '1 × 240 mg container + 1 × 40 mg container (280 mg): 270 mg given, 10 mg discarded',
      10,
    ],
    [
      'R-05 exact decimals: 299.7 mg from 300 mg',
      [{ ndc11: PEMBRO, count: 3 }],
      undefined,
      mg('299.7'),
      '3 × 100 mg containers (300 mg): 299.7 mg given, 0.3 mg discarded',
      0.3,
    ],
    [
      'R-04 a dose in mL at 25 mg/mL',
      [{ ndc11: PEMBRO, count: 2 }],
      undefined,
      mg('5.76', 'mL'),
      '2 × 100 mg containers (200 mg): 144 mg given, 56 mg discarded',
      56,
    ],
    [
      'zero counts are not listed',
      [
        { ndc11: NIVO_40, count: 0 },
        { ndc11: PEMBRO, count: 1 },
      ],
      undefined,
      mg('90'),
      '1 × 100 mg container (100 mg): 90 mg given, 10 mg discarded',
      10,
    ],
  ])('%s', (_name, rows, typed, dose, summary, saved) => {
    const c = run(rows, typed, dose);
    expect(c.refusals).toEqual([]);
    expect(c.summary).toBe(summary);
    expect(c.save?.discarded).toEqual({ value: saved, unit: 'mg' });
    expect(c.save?.containers).toEqual(
      rows.filter((r) => r.count > 0).map((r) => ({ ndc: r.ndc11, count: r.count })),
    );
  });
});

describe('refused in words: nothing that cannot be true is saved', () => {
  it.each<[string, FormRow[], string | undefined, DecimalQuantity | undefined, RegExp]>([
    ['nothing listed', [], undefined, mg('144'), /list the containers opened/i],
    [
      'R-06 boundary: discarded 0.001 mg more than left over',
      [{ ndc11: PEMBRO, count: 2 }],
      '56.001',
      mg('144'),
      /56\.001 mg discarded is more than was left over: 200 mg opened − 144 mg given = 56 mg/,
    ],
    ['negative amount', [{ ndc11: PEMBRO, count: 2 }], '-5', mg('144'), /cannot be negative/i],
    ['not a number', [{ ndc11: PEMBRO, count: 2 }], '5O', mg('144'), /"5O" is not a number/],
    ['empty amount', [{ ndc11: PEMBRO, count: 2 }], ' ', mg('144'), /enter the amount discarded/i],
    [
      'R-14 containers hold less than the dose',
      [{ ndc11: PEMBRO, count: 1 }],
      undefined,
      mg('144'),
      /hold 100 mg, less than the 144 mg given/,
    ],
    [
      'no dose recorded',
      [{ ndc11: PEMBRO, count: 2 }],
      undefined,
      undefined,
      /no dose is recorded/i,
    ],
    [
      'unknown dose unit',
      [{ ndc11: PEMBRO, count: 2 }],
      undefined,
      mg('2', '{tablet}'),
      /"\{tablet\}", a unit that cannot be compared/,
    ],
    [
      'an NDC that cannot be read',
      [{ ndc11: '12-34', count: 1, unreadable: '12-34' }],
      '1',
      mg('10'),
      /"12-34" cannot be read/,
    ],
  ])('%s', (_name, rows, typed, dose, why) => {
    const c = run(rows, typed, dose);
    expect(c.refusals.join(' ')).toMatch(why);
    expect(c.save === undefined || c.refusals.length > 0).toBe(true);
  });
});

describe('saved only after an explicit confirmation', () => {
  it.each<[string, FormRow[], string, DecimalQuantity, RegExp, string]>([
    [
      'R-06 boundary: 0.001 mg less than left over',
      [{ ndc11: PEMBRO, count: 2 }],
      '55.999',
      mg('144'),
      /0\.001 mg is not accounted for/,
      '2 × 100 mg containers (200 mg): 144 mg given, 55.999 mg discarded',
    ],
    [
      'a product the drug data does not know',
      [{ ndc11: '99999999999', count: 1 }],
      '20',
      mg('150'),
      /does not say how much NDC 99999-9999-99 holds/,
      '1 × NDC 99999-9999-99 (content not known): 150 mg given, 20 mg discarded',
    ],
  ])('%s', (_name, rows, typed, dose, ask, summary) => {
    const c = run(rows, typed, dose);
    expect(c.refusals).toEqual([]);
    expect(c.confirm.join(' ')).toMatch(ask);
    expect(c.summary).toBe(summary);
    expect(c.save).toBeDefined();
  });
});

describe('words for containers and the suggestion', () => {
  it.each<[string, FormRow[], string]>([
    ['one', [{ ndc11: PEMBRO, count: 1 }], '1 × 100 mg container'],
    ['several', [{ ndc11: PEMBRO, count: 2 }], '2 × 100 mg containers'],
    ['unknown NDC', [{ ndc11: '99999999999', count: 2 }], '2 × NDC 99999-9999-99'],
  ])('%s', (_name, rows, want) => {
    expect(containersWords(rows, products)).toBe(want);
  });

  it('R-17 suggestion in words', () => {
    const figures = {
      unit: 'mg',
      containers: [{ ndc11: PEMBRO, count: 2 }],
      opened: new Decimal(200),
      given: new Decimal(150),
      leftOver: new Decimal(50),
    };
    expect(suggestionWords(figures, products)).toBe(
      'Suggested: 2 × 100 mg containers, 50 mg discarded',
    );
  });
});
