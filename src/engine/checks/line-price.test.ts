import { describe, expect, it } from 'vitest';
import { createReference } from '../../reference/create-reference.ts';
import { emptyTables } from '../../reference/tables.ts';
import { linePrice } from './line-price.ts';

// A tiny Addendum B (rates as CMS prints them: three decimals) and a practice fee schedule.
const reference = createReference({
  ...emptyTables(),
  opps: [
    {
      si: { '96413': 'S', '96415': 'S', '96376': 'N', '96523': 'Q1', '96379': 'E1', '96417': 'S' },
      rates: { '96413': '331.690', '96415': '71.170', '96523': '59.400', '96417': '0.005' },
    },
  ],
  feeSchedule: [
    { code: '96413', modifier: '', amount: '136.40' },
    { code: '96372', modifier: '', amount: '14.35' },
    { code: '96372', modifier: '59', amount: '15.00' },
    { code: '96415', modifier: '', amount: '0.125' },
  ],
});

const line = (code: string, units: number, modifiers: string[] = []) => ({
  code,
  units,
  modifiers,
  date: '2026-08-04',
});

describe('administration line prices (billing-rules PR-1–PR-4)', () => {
  it.each([
    ['PR-1 96413 × 1 at $331.690', '96413', 1, { perUnit: '331.69', total: '331.69' }],
    ['PR-1 96415 × 3 exact cents', '96415', 3, { perUnit: '71.17', total: '213.51' }],
    ['PR-1 96415 × 0 units boundary', '96415', 0, { perUnit: '71.17', total: '0.00' }],
    ['PR-1 half-cent rate rounds half-up per unit', '96417', 1, { perUnit: '0.01', total: '0.01' }],
    [
      'PR-1 half-cent rate × 3 rounds the total once',
      '96417',
      3,
      { perUnit: '0.01', total: '0.02' },
    ],
    ['PR-1 SI Q1 is priced with its SI', '96523', 2, { perUnit: '59.40', total: '118.80' }],
  ])('%s (facility)', (_name, code, units, want) => {
    const p = linePrice(line(code, units), 'facility', reference);
    expect(p).toMatchObject({ status: 'priced', source: 'opps-addendum-b', ...want });
  });

  it.each([
    ['PR-2 SI N 96376 packaged, no separate payment', '96376', { status: 'packaged', si: 'N' }],
    ['PR-2 SI E1 96379 listed without a rate', '96379', { status: 'no-rate', si: 'E1' }],
    ['PR-4 96360 not in the Addendum B', '96360', { status: 'not-configured' }],
  ])('%s (facility)', (_name, code, want) => {
    expect(linePrice(line(code, 1), 'facility', reference)).toEqual(want);
  });

  it.each([
    ['PR-3 code row', '96413', 2, [], { status: 'priced', perUnit: '136.40', total: '272.80' }],
    ['PR-3 modifier row before code row', '96372', 1, ['59'], { perUnit: '15.00', total: '15.00' }],
    ['PR-3 other modifier uses code row', '96372', 1, ['JW'], { perUnit: '14.35', total: '14.35' }],
    ['PR-3 $0.125 × 1 half-up', '96415', 1, [], { perUnit: '0.13', total: '0.13' }],
    ['PR-3 $0.125 × 2 exact', '96415', 2, [], { perUnit: '0.13', total: '0.25' }],
  ])('%s (professional)', (_name, code, units, mods, want) => {
    const p = linePrice(line(code, units, mods), 'professional', reference);
    expect(p).toMatchObject({ status: 'priced', source: 'fee-schedule', ...want });
  });

  it.each([
    ['PR-4 code not in the fee schedule', '96365', reference],
    ['PR-4 no fee schedule at all, Addendum B ignored', '96413', createReference(emptyTables())],
  ])('%s (professional) → not configured', (_name, code, ref) => {
    expect(linePrice(line(code, 1), 'professional', ref)).toEqual({ status: 'not-configured' });
  });
});
