import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { countDec, Exact } from './exact.ts';

// One run's exact arithmetic, shared by every test below (so the bounded tables do fill up).
const ex = new Exact();
const ceilDiv = (x: Decimal, y: Decimal): ReturnType<Exact['ceilDiv']> => ex.ceilDiv(x, y);
const cmp = (x: Decimal, y: Decimal): ReturnType<Exact['cmp']> => ex.cmp(x, y);
const eq = (x: Decimal, y: Decimal): ReturnType<Exact['eq']> => ex.eq(x, y);
const floorDiv = (x: Decimal, y: Decimal): ReturnType<Exact['floorDiv']> => ex.floorDiv(x, y);
const gt = (x: Decimal, y: Decimal): ReturnType<Exact['gt']> => ex.gt(x, y);
const gte = (x: Decimal, y: Decimal): ReturnType<Exact['gte']> => ex.gte(x, y);
const lte = (x: Decimal, y: Decimal): ReturnType<Exact['lte']> => ex.lte(x, y);
const minus = (x: Decimal, y: Decimal): ReturnType<Exact['minus']> => ex.minus(x, y);
const over = (x: Decimal, y: Decimal): ReturnType<Exact['over']> => ex.over(x, y);
const plus = (x: Decimal, y: Decimal): ReturnType<Exact['plus']> => ex.plus(x, y);
const rounded3 = (x: Decimal): ReturnType<Exact['rounded3']> => ex.rounded3(x);
const shownText = (x: Decimal): ReturnType<Exact['shownText']> => ex.shownText(x);
const shownWithUnit = (x: Decimal, unit: string): string => ex.shownWithUnit(x, unit);
const textOf = (x: Decimal): ReturnType<Exact['textOf']> => ex.textOf(x);
const times = (x: Decimal, y: Decimal): ReturnType<Exact['times']> => ex.times(x, y);

// Operand pairs with boundaries: zero and minus zero, equal values, a sum beyond the default
// precision (20 digits), NaN and infinities, tiny and huge exponents.
const PAIRS: [string, string][] = [
  ['144', '100'],
  ['0', '5'],
  ['-0', '0'],
  ['100', '100'],
  ['0.1', '0.2'],
  ['1.23456789012345678901234', '3'],
  ['NaN', '1'],
  ['Infinity', '2'],
  ['-Infinity', 'Infinity'],
  ['1e-30', '7'],
  ['9.99999999999999999999e+300', '0.001'],
  ['0.0005', '-0.00049'],
];

describe('memoised exact arithmetic answers as decimal.js does, first call and repeated', () => {
  it.each(PAIRS)('%s and %s', (xs, ys) => {
    const x = new Decimal(xs);
    const y = new Decimal(ys);
    for (let round = 0; round < 2; round++) {
      expect(times(x, y).toString()).toBe(x.mul(y).toString());
      expect(over(x, y).toString()).toBe(x.div(y).toString());
      expect(minus(x, y).toString()).toBe(x.minus(y).toString());
      expect(plus(x, y).toString()).toBe(x.plus(y).toString());
      expect(Object.is(cmp(x, y), x.cmp(y))).toBe(true);
      expect(gt(x, y)).toBe(x.gt(y));
      expect(gte(x, y)).toBe(x.gte(y));
      expect(lte(x, y)).toBe(x.lte(y));
      expect(eq(x, y)).toBe(x.eq(y));
      expect(Object.is(floorDiv(x, y), x.div(y).floor().toNumber())).toBe(true);
      expect(Object.is(ceilDiv(x, y), x.div(y).ceil().toNumber())).toBe(true);
      expect(shownText(x)).toBe(x.toDecimalPlaces(4).toString());
      expect(textOf(x)).toBe(x.toString());
      expect(Object.is(rounded3(x), x.toDecimalPlaces(3, Decimal.ROUND_HALF_UP).toNumber())).toBe(
        true,
      );
    }
  });
});

describe('container counts as decimals', () => {
  it.each([1, 2, 65_536, 65_537, 0, -0, -1, 1.5, Number.MAX_SAFE_INTEGER])('%s', (n) => {
    expect(countDec(n).toString()).toBe(new Decimal(n).toString());
    expect(countDec(n).isNegative()).toBe(new Decimal(n).isNegative());
  });
});

describe('amounts for people: four places, µg as mcg, [iU] as units', () => {
  it.each([
    ['144', 'mg', '144 mg'],
    ['0.123456', 'ug', '0.1235 mcg'],
    ['1000', '[iU]', '1000 units'],
    ['-0', 'mL', '0 mL'],
    ['NaN', 'mg', 'NaN mg'],
  ])('%s %s', (value, unit, expected) => {
    const d = new Decimal(value);
    expect(shownWithUnit(d, unit)).toBe(expected);
    expect(shownWithUnit(d, unit)).toBe(expected);
  });
});

describe('bounded tables: answers stay right after the tables are dropped', () => {
  it.each([[1], [20_000], [40_000]])('%s distinct products, then repeats', (n) => {
    const y = new Decimal('1.5');
    const xs = Array.from({ length: n }, (_, i) => new Decimal(i + 1));
    for (const x of xs) times(x, y);
    for (const x of [xs[0], xs[n - 1]]) {
      if (!x) continue;
      expect(times(x, y).toString()).toBe(x.mul(y).toString());
      expect(textOf(x)).toBe(x.toString());
    }
  });
});
