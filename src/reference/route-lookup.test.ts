// R20.1 route and method codes looked up by system, then code (issue 18 part 2): the same
// decisions as the flat `system|code` tables, for every table entry and for texts with `|`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinRouteTables } from './builtin-routes.ts';
import { decideRouteWith, indexRouteTables, type RouteIndex } from './route.ts';
import type { RouteInput, RouteTables } from './route-types.ts';

const base = builtinRouteTables();
// Two entries whose flat texts are one: `a|b` + `c` and `a` + `b|c` (the later one wins).
const tables: RouteTables = {
  ...base,
  routeCodes: [...base.routeCodes, ['urn:a|b', 'c', 'oral'], ['urn:a', 'b|c', 'intravesical']],
  methodCodes: [...base.methodCodes, ['urn:m|x', 'y', 'iv', 'push']],
};
const nested = indexRouteTables(tables);
const flat: RouteIndex = (({ codesBySystem: _c, methodsBySystem: _m, ...rest }) => rest)(nested);

const codings = [
  ...tables.routeCodes.map(([system, code]) => ({ system, code })),
  ...tables.methodCodes.map(([system, code]) => ({ system, code })),
  { system: 'urn:a|b', code: 'c' },
  { system: 'urn:a', code: 'b|c' },
  { system: 'urn:a|b|c', code: '' },
  { system: 'urn:a', code: 'b' },
  { system: 'urn:m', code: 'x|y' },
  { system: 'http://snomed.info/sct/731000124108', code: ' 47625008 ' },
  { system: undefined, code: 'IV' },
];

const input = (
  route: (typeof codings)[number][],
  method: (typeof codings)[number][],
): RouteInput => ({
  route: { coding: route },
  method: { coding: method },
  drugNames: [],
});

describe('R20.1 route codes by system then code decide as the flat table did (issue 18)', () => {
  it.each(codings.map((c) => [`${c.system ?? '(no system)'} ${c.code}`, c] as const))(
    '%s',
    (_n, c) => {
      expect(decideRouteWith(input([c], []), nested)).toEqual(
        decideRouteWith(input([c], []), flat),
      );
      expect(decideRouteWith(input([], [c]), nested)).toEqual(
        decideRouteWith(input([], [c]), flat),
      );
    },
  );

  it('on generated route and method codings', () => {
    const coding = fc.oneof(
      fc.constantFrom(...codings),
      fc.record({
        system: fc.constantFrom('urn:a', 'urn:a|b', 'urn:m', 'urn:m|x', 'x|'),
        code: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'x', 'y', '|', ' ') }),
      }),
    );
    fc.assert(
      fc.property(
        fc.array(coding, { maxLength: 3 }),
        fc.array(coding, { maxLength: 3 }),
        (route, method) => {
          expect(decideRouteWith(input(route, method), nested)).toEqual(
            decideRouteWith(input(route, method), flat),
          );
        },
      ),
      { numRuns: 5_000 },
    );
  });
});
