import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossesMidnight, localDate, localDateAt } from './time.ts';

const plain = (ms: number, offsetMin: number): string =>
  new Date(ms + offsetMin * 60_000).toISOString().slice(0, 10);

describe('localDate (day-number cache)', () => {
  it.each([
    ['midnight exactly', Date.UTC(2025, 0, 1), 0, '2025-01-01'],
    ['one ms before midnight', Date.UTC(2025, 0, 1) - 1, 0, '2024-12-31'],
    ['offset moves back a day', Date.UTC(2025, 0, 1, 3), -300, '2024-12-31'],
    ['offset moves forward a day', Date.UTC(2024, 11, 31, 22), 120, '2025-01-01'],
    ['before the epoch', -1, 0, '1969-12-31'],
    ['epoch', 0, 0, '1970-01-01'],
  ])('%s', (_name, ms, offsetMin, expected) => {
    expect(localDate({ ms, offsetMin, iso: '' })).toBe(expected);
    expect(localDateAt(ms, offsetMin)).toBe(expected);
  });

  it('answers as the uncached formula for any instant, asked in any order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }),
            fc.integer({ min: -720, max: 840 }),
          ),
          { minLength: 1, maxLength: 50 },
        ),
        (pairs) => {
          for (const [ms, off] of pairs) {
            expect(localDateAt(ms, off)).toBe(plain(ms, off));
            expect(localDate({ ms, offsetMin: off, iso: '' })).toBe(plain(ms, off));
          }
        },
      ),
    );
  });

  it('still refuses an invalid instant', () => {
    expect(() => localDateAt(Number.NaN, 0)).toThrow(RangeError);
    expect(() => localDateAt(9e15, 0)).toThrow(RangeError);
  });

  it('crossesMidnight uses the same dates', () => {
    const start = { ms: Date.UTC(2025, 0, 1, 23), offsetMin: 0, iso: '' };
    expect(crossesMidnight(start, { ms: Date.UTC(2025, 0, 2, 0, 0), offsetMin: 0, iso: '' })).toBe(
      false,
    );
    expect(crossesMidnight(start, { ms: Date.UTC(2025, 0, 2, 0, 1), offsetMin: 0, iso: '' })).toBe(
      true,
    );
  });
});
