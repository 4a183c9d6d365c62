// Scaled integers against decimal.js (issue 18): every answer equal to decimal.js's over many
// random doses, vial sizes, billing units, rates and unit counts, boundary rows included.
import Decimal from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  centsOf,
  centsText,
  ceilQuotient,
  LIMIT,
  scaledOf,
  scaledOfText,
  scaledText,
} from './scaled.ts';
import { leastWaste, leastWasteDecimal, type VialSize } from './vials.ts';

/** A plain decimal text with up to `places` decimals and a value below 10^whole. */
const decimalText = (whole: number, places: number): fc.Arbitrary<string> =>
  fc
    .tuple(fc.bigInt({ min: 0n, max: 10n ** BigInt(whole) - 1n }), fc.nat({ max: places }))
    .chain(([w, p]) =>
      p === 0
        ? fc.constant(w.toString())
        : fc
            .bigInt({ min: 0n, max: 10n ** BigInt(p) - 1n })
            .map((f) => `${w.toString()}.${f.toString().padStart(p, '0')}`),
    );

const decimalCents = (text: string, units: number): string =>
  new Decimal(text).mul(units).toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);

describe('scaled counts read and write decimal texts exactly', () => {
  it.each([
    ['zero', '0', { n: 0, k: 0 }, '0'],
    ['trailing zeros dropped on output', '250.0', { n: 2500, k: 1 }, '250'],
    ['palonosetron 0.25 mg', '0.25', { n: 25, k: 2 }, '0.25'],
    ['a billing unit of 0.1 mg', '0.1', { n: 1, k: 1 }, '0.1'],
    ['leading zeros', '007.50', { n: 750, k: 2 }, '7.5'],
    ['2^52 is the largest count', String(LIMIT), { n: LIMIT, k: 0 }, String(LIMIT)],
  ])('issue 18 scaled text: %s', (_name, text, scaled, back) => {
    expect(scaledOfText(text)).toEqual(scaled);
    expect(scaledText(scaled.n, scaled.k)).toBe(back);
    expect(new Decimal(back).eq(new Decimal(text))).toBe(true);
  });

  it.each([
    ['2^52 + 1 does not fit', String(LIMIT + 1)],
    ['a sign', '-1'],
    ['an exponent', '1e3'],
    ['no digits before the point', '.5'],
    ['not a number', 'NaN'],
    ['23 decimals', `0.${'1'.padStart(23, '0')}`],
  ])('issue 18 scaled text left to decimal.js: %s', (_name, text) => {
    expect(scaledOfText(text)).toBeUndefined();
  });

  it('issue 18: scaledText(scaledOf(d)) is decimal.js’s plain text of d, for random decimals', () => {
    fc.assert(
      fc.property(decimalText(8, 7), (text) => {
        const d = new Decimal(text);
        const s = scaledOf(d);
        expect(s).toBeDefined();
        if (!s) return;
        expect(scaledText(s.n, s.k)).toBe(d.toFixed());
        expect(new Decimal(scaledText(s.n, s.k)).toString()).toBe(d.toString());
      }),
      { numRuns: 3000 },
    );
  });
});

describe('R-01 R-05 whole units: ceilQuotient equals decimal.js div().ceil()', () => {
  it.each([
    ['exact multiple', 300, 100, 3],
    ['one over a multiple', 301, 100, 4],
    ['one under a multiple', 299, 100, 3],
    ['zero dose', 0, 7, 0],
    ['unit 1', 12345, 1, 12345],
    ['2^52 by 3', LIMIT, 3, Math.ceil(LIMIT / 3)],
    ['2^52 − 1 by 2^52', LIMIT - 1, LIMIT, 1],
    ['2^52 by 2^52 − 1', LIMIT, LIMIT - 1, 2],
  ])('R-05 ceil %s: %d / %d', (_name, a, b, expected) => {
    expect(ceilQuotient(a, b)).toBe(expected);
    expect(ceilQuotient(a, b)).toBe(new Decimal(a).div(b).ceil().toNumber());
  });

  it('R-05 random counts up to 2^52', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: LIMIT }),
        fc.integer({ min: 1, max: LIMIT }),
        (a, b) => {
          expect(ceilQuotient(a, b)).toBe(new Decimal(a).div(b).ceil().toNumber());
        },
      ),
      { numRuns: 5000 },
    );
  });
});

describe('PR-1–PR-4 and payment amounts: cents of rate × units equal decimal.js half-up', () => {
  it.each([
    ['half a cent rounds up', '0.005', 1, 1],
    ['just under half a cent rounds down', '0.0049', 1, 0],
    ['half a cent after units', '0.0025', 2, 1],
    ['exact cents', '331.69', 3, 99507],
    ['whole dollars', '12', 5, 6000],
    ['zero units', '331.69', 0, 0],
    ['many decimals', '0.123456789', 1000, 12346],
  ])('PR-1 cents %s: %s × %d', (_name, rate, units, cents) => {
    expect(centsOf(rate, units)).toBe(cents);
    expect(centsText(cents)).toBe(decimalCents(rate, units));
    expect(cents / 100).toBe(new Decimal(rate).mul(units).toDecimalPlaces(2, 4).toNumber());
  });

  it.each([
    ['a product past 2^52', '4503599627370.496', 2],
    ['a negative rate', '-1.5', 2],
    ['a fractional unit count', '1.5', 1.5],
  ])('PR-1 left to decimal.js: %s', (_name, rate, units) => {
    expect(centsOf(rate, units)).toBeUndefined();
  });

  it('PR-1 random rates and unit counts', () => {
    fc.assert(
      fc.property(decimalText(5, 4), fc.integer({ min: 0, max: 5000 }), (rate, units) => {
        const c = centsOf(rate, units);
        expect(c).toBeDefined();
        if (c === undefined) return;
        expect(centsText(c)).toBe(decimalCents(rate, units));
        expect(c / 100).toBe(new Decimal(rate).mul(units).toDecimalPlaces(2, 4).toNumber());
      }),
      { numRuns: 5000 },
    );
  });
});

const describeChoice = (c: ReturnType<typeof leastWaste>): string =>
  c
    ? `${c.containers.map((x) => `${x.count}×${x.ndc11}`).join('+')} total ${c.total.toString()} waste ${c.waste.toString()}`
    : 'none';

const sizesOf = (amounts: string[]): VialSize[] =>
  amounts.map((a, i) => ({ ndc11: `ndc${i}`, amount: new Decimal(a) }));

describe('R-17 least waste on scaled integers equals the decimal.js search', () => {
  it.each([
    ['nivolumab 78 mg', '78', ['40', '100', '120', '240']],
    ['dose equal to a vial', '100', ['100']],
    ['dose just over a vial', '100.000001', ['100']],
    ['fractional sizes', '0.75', ['0.25', '0.5']],
    ['mixed scales', '12.345', ['1.5', '10', '0.005']],
    ['duplicate and zero sizes', '30', ['10', '10', '0', '25']],
    ['more than 60 containers needed', '1000', ['10']],
    ['a dose too fine for 2^52 (decimal.js path)', '0.0000000000000000001', ['1']],
    ['zero dose', '0', ['10']],
    ['no sizes', '10', []],
  ])('R-17 %s', (_name, dose, amounts) => {
    const sizes = sizesOf(amounts);
    expect(describeChoice(leastWaste(new Decimal(dose), sizes))).toBe(
      describeChoice(leastWasteDecimal(new Decimal(dose), sizes)),
    );
  });

  it('R-17 random doses and vial sizes', () => {
    fc.assert(
      fc.property(
        decimalText(4, 3),
        // Sizes from 1 to 999.999: the decimal.js reference walk stays quick.
        fc.array(
          decimalText(3, 3).filter((t) => Number(t) >= 1),
          { minLength: 0, maxLength: 3 },
        ),
        (dose, amounts) => {
          const sizes = sizesOf(amounts);
          expect(describeChoice(leastWaste(new Decimal(dose), sizes))).toBe(
            describeChoice(leastWasteDecimal(new Decimal(dose), sizes)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
