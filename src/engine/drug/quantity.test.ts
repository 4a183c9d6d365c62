import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { builtinReference } from '../../reference/builtin.ts';
import { Exact } from './exact.ts';
import { KNOWN_UNITS, dimensionOf, unitFactor, valueIn } from './quantity.ts';

describe('R-03 / R-05 exact unit conversion', () => {
  it.each([
    ['0.25', 'mg', 'ug', '250'],
    ['250', 'mcg', 'mg', '0.25'],
    ['0.144', 'g', 'mg', '144'],
    ['0.1', 'mg', 'ug', '100'],
    ['1.5', 'L', 'mL', '1500'],
    ['500', 'U', '[iU]', '500'],
    ['2', 'mEq', 'meq', '2'],
  ])('%s %s → %s %s', (value, from, to, expected) => {
    expect(valueIn(new Exact(), { value, unit: from }, to)?.toString()).toBe(expected);
  });
  it.each([
    ['mg', 'mL'],
    ['[iU]', 'mg'],
    ['mg/m2', 'mg'],
  ])('%s → %s is not convertible without more facts', (from, to) => {
    expect(unitFactor(from, to)).toBeUndefined();
  });
  it('0.25 mg / 25 mcg is exactly 10 (no binary float)', () => {
    const v = valueIn(new Exact(), { value: '0.25', unit: 'mg' }, 'ug');
    expect(v?.div(25).ceil().toNumber()).toBe(10);
  });
});

// The table is checked against a maintained UCUM implementation (@lhncbc/ucum-lhc, a test-only
// dependency). It computes in binary floating point (0.25 mg → 250.00000000000003 ug), so only
// the factor for one unit is compared, rounded to 12 significant digits.
const UCUM_SPELLING: Record<string, string> = {
  mcg: 'ug',
  cc: 'mL',
  IU: '[iU]',
  units: '[iU]',
  unit: '[iU]',
};

describe('the unit table agrees with UCUM (@lhncbc/ucum-lhc)', async () => {
  const ucum = (await import('@lhncbc/ucum-lhc')).UcumLhcUtils.getInstance();
  const ucumFactor = (from: string, to: string): string | undefined => {
    const r = ucum.convertUnitTo(UCUM_SPELLING[from] ?? from, 1, UCUM_SPELLING[to] ?? to);
    if (r.status !== 'succeeded' || r.toVal === null || !Number.isFinite(r.toVal)) return undefined;
    return String(Number(r.toVal.toPrecision(12)));
  };
  const pairs = KNOWN_UNITS.flatMap((a) =>
    KNOWN_UNITS.filter((b) => a !== b && dimensionOf(a) === dimensionOf(b)).map(
      (b) => [a, b] as const,
    ),
  );
  it.each(pairs)('%s → %s', (from, to) => {
    const u = ucumFactor(from, to);
    if (u === undefined) return; // UCUM has no conversion (arbitrary units such as [iU], meq{})
    expect(new Decimal(u).eq(unitFactor(from, to) ?? -1)).toBe(true);
  });
  it('a unit outside the table is converted only by a factor the reference data gives', () => {
    expect(valueIn(new Exact(), { value: '2', unit: 'mmol' }, 'umol')).toBeUndefined();
    const ref = { ...builtinReference(), unitFactor: ucumFactor };
    expect(valueIn(new Exact(), { value: '2', unit: 'mmol' }, 'umol', ref)?.toString()).toBe(
      '2000',
    );
  });
});
