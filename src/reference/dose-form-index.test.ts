// The dose-form lookup by last word (issue 18) answers as the longest-first scan of every form
// (medication-vocabulary §1.3, R20.1: the longest RxNorm dose form that ends a name wins).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRouteTables } from './builtin-routes.ts';
import { doseFormOf, indexRouteTables, type RouteIndex } from './route.ts';

const indexed = indexRouteTables(builtinRouteTables());
const { doseFormsByLastWord: _byWord, ...scanOnly } = indexed;
const scan: RouteIndex = scanOnly;
const forms = builtinRouteTables().doseForms.map(([name]) => name);

describe('R20.1 dose form of a drug name: lookup by last word equals the scan', () => {
  it('every form has a last word, so the lookup is in use', () => {
    expect(indexed.doseFormsByLastWord?.size).toBeGreaterThan(0);
  });

  it.each(
    forms.flatMap((f) => [
      [f],
      [`pembrolizumab 25 MG/ML ${f}`],
      [`${f} [Keytruda]`],
      [`x${f}`],
      [`4 ML ${f.toUpperCase()}  `],
      [`${f} extra`],
    ]),
  )('R20.1 "%s"', (name) => {
    expect(doseFormOf(name, indexed)).toEqual(doseFormOf(name, scan));
  });

  it.each([[''], [' '], ['[Brand]'], ['Injection'], ['Oral'], ['gel gel']])(
    'R20.1 edge "%s"',
    (name) => {
      expect(doseFormOf(name, indexed)).toEqual(doseFormOf(name, scan));
    },
  );

  it('R20.1 random names made of words and dose forms', () => {
    const word = fc.oneof(
      fc.constantFrom(...forms),
      fc.constantFrom('10', 'MG/ML', 'oral', 'Injection', 'Solution', '[Brand]', ''),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(word, { maxLength: 4 }), (words) => {
        const name = words.join(' ');
        expect(doseFormOf(name, indexed)).toEqual(doseFormOf(name, scan));
      }),
      { numRuns: 3000 },
    );
  });
});
