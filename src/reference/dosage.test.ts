import { describe, expect, it } from 'vitest';
import { parseConcentration, parseDosage } from './dosage.ts';

describe('R-03 HCPCS dosage text → billing unit', () => {
  it.each([
    ['1 MG', '1', 'mg', false],
    ['0.5 MG', '0.5', 'mg', false],
    ['25 MCG', '25', 'ug', false],
    ['1.125 GM', '1.125', 'g', false],
    ['250 CC', '250', 'mL', false],
    ['UP TO 50 MG', '50', 'mg', true],
    ['UP TO 1000 CC', '1000', 'mL', true],
    ['10 UNITS', '10', '[iU]', false],
    ['100,000 UNITS', '100000', '[iU]', false],
    ['2 MEQ', '2', 'meq', false],
    ['10 MG (rituximab)', '10', 'mg', false],
    ['10 mg', '10', 'mg', false],
  ])('%s', (text, value, unit, upTo) => {
    expect(parseDosage(text)).toEqual({ billingUnit: { value, unit }, upTo });
  });
  it.each(['Per Dose', '3 mg/1 mg', '5MG-1MG', '1 microCurie', ''])(
    '%j has no single unit',
    (text) => {
      expect(parseDosage(text)).toBeUndefined();
    },
  );
  it.each([
    ['25 mg/mL', { value: '25', unit: 'mg' }],
    ['0.05 mg/mL', { value: '0.05', unit: 'mg' }],
    ['approx. 38 mg/mL (1000 mg in 26.3 mL, derived)', undefined],
    [null, undefined],
  ])('concentration %j', (text, q) => {
    expect(parseConcentration(text)).toEqual(q);
  });
});
