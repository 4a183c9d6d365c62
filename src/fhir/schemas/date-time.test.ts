import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFhirDateTime, parseFhirDateTime } from './date-time.ts';
import { defined } from '../../../test/defined.ts';

const dateLike = fc
  .tuple(
    fc.integer({ min: 0, max: 9999 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.integer({ min: 0, max: 25 }),
    fc.integer({ min: 0, max: 61 }),
    fc.constantFrom('', 'Z', '+14:00', '-05:00', '+15:00', '-00:60', '.5Z', '.123-03:30'),
    fc.nat(4),
  )
  .map(([y, mo, d, h, mi, tz, cut]) => {
    const p2 = (n: number): string => String(n).padStart(2, '0');
    const full = `${String(y).padStart(4, '0')}-${p2(mo)}-${p2(d)}T${p2(h)}:${p2(mi)}:${p2(mi)}${tz}`;
    return defined(
      [full, full.slice(0, 16), full.slice(0, 10), full.slice(0, 7), full.slice(0, 4)][cut],
    );
  });

describe('isFhirDateTime', () => {
  it('is true exactly when parseFhirDateTime gives a value', () => {
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string()), (s) => {
        expect(isFhirDateTime(s)).toBe(parseFhirDateTime(s) !== undefined);
      }),
      { numRuns: 5000 },
    );
  });

  it.each([
    ['2026-03-02T09:00:00Z', true],
    ['2026-03-02T09:00:00-05:00', true],
    ['2024-02-29', true],
    ['2026-02-29', false],
    ['2026-03-02T09:00:00+15:00', false],
    ['2026-03-02T24:00:00Z', false],
  ])('%s → %s', (s, ok) => {
    expect(isFhirDateTime(s)).toBe(ok);
    expect(parseFhirDateTime(s) !== undefined).toBe(ok);
  });

  it('returns a fresh value each time (the scratch record never leaks)', () => {
    const a = parseFhirDateTime('2026-03-02T09:00:00Z');
    const b = parseFhirDateTime('2026-03-03T09:00:00-05:00');
    expect(a).toEqual({ wallMs: Date.UTC(2026, 2, 2, 9), offsetMin: 0, hasTime: true });
    expect(b).toEqual({ wallMs: Date.UTC(2026, 2, 3, 9), offsetMin: -300, hasTime: true });
  });
});
