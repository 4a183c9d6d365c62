import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crossesMidnight, localDate, localDateAt } from './time.ts';

const plain = (ms: number, offsetMin: number): string =>
  new Date(ms + offsetMin * 60_000).toISOString().slice(0, 10);

describe('localDate', () => {
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

describe('localDate by day arithmetic (no cache) agrees with Date at the edges', () => {
  it.each([
    ['0000-01-01 exactly', -62_167_219_200_000],
    ['one ms before year 0000', -62_167_219_200_001],
    ['last ms of 9999', 253_402_300_799_999],
    ['10000-01-01 exactly', 253_402_300_800_000],
    ['leap day 2000-02-29', Date.UTC(2000, 1, 29, 12)],
    ['1900-02-28 (no leap day)', Date.UTC(1900, 1, 28, 23, 59)],
    ['1900-03-01', Date.UTC(1900, 2, 1)],
    ['2100-02-28 23:59:59.999', Date.UTC(2100, 2, 1) - 1],
    ['a fraction of a ms before the epoch', -0.5],
    ['a fraction after', 1.5],
    ['minus zero', -0],
    ['the last instant Date knows', 8.64e15],
    ['the first instant Date knows', -8.64e15],
  ])('%s', (_name, ms) => {
    expect(localDateAt(ms, 0)).toBe(plain(ms, 0));
  });

  it('answers as Date for any instant Date knows, fractions included', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -8.64e15, max: 8.64e15 }),
          fc.double({ min: -8.64e15, max: 8.64e15, noNaN: true }),
          fc.integer({
            min: -62_167_219_200_000 - 2 * 86_400_000,
            max: -62_167_219_200_000 + 2 * 86_400_000,
          }),
          fc.integer({
            min: 253_402_300_800_000 - 2 * 86_400_000,
            max: 253_402_300_800_000 + 2 * 86_400_000,
          }),
        ),
        (ms) => {
          expect(localDateAt(ms, 0)).toBe(plain(ms, 0));
        },
      ),
      { numRuns: 2000 },
    );
  });
});

describe('R9.7 crossesMidnight by local day numbers equals the comparison of date texts (issue 18)', () => {
  const byTexts = (s: number, so: number, e: number, eo: number): boolean =>
    e > s && plain(s, so) !== plain(e - 1, eo);
  const ts = (ms: number, offsetMin: number) => ({ ms, offsetMin, iso: '' });
  const midnight = Date.UTC(2026, 2, 9);

  it.each([
    ['ends at midnight exactly', midnight - 3_600_000, 0, midnight, 0],
    ['ends one ms after midnight', midnight - 3_600_000, 0, midnight + 1, 0],
    ['starts at midnight', midnight, 0, midnight + 60_000, 0],
    ['starts one ms before midnight', midnight - 1, 0, midnight + 60_000, 0],
    ['offsets differ across the UTC midnight', midnight - 60_000, 60, midnight + 60_000, -60],
    ['end before start', midnight + 60_000, 0, midnight - 60_000, 0],
    ['zero length', midnight, 0, midnight, 0],
    ['before the epoch', -86_400_000 - 1, 0, -86_400_000 + 1, 0],
    ['year 0000 edge', -62_167_219_200_000 - 1, 0, -62_167_219_200_000 + 1, 0],
    ['year 10000 edge', 253_402_300_800_000 - 2, 0, 253_402_300_800_000 + 1, 0],
  ])('%s', (_n, s, so, e, eo) => {
    expect(crossesMidnight(ts(s, so), ts(e, eo))).toBe(byTexts(s, so, e, eo));
  });

  it('agrees with the texts on generated spans and offsets', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -2_000_000_000_000, max: 4_000_000_000_000 }),
        fc.integer({ min: -1, max: 3 * 86_400_000 }),
        fc.integer({ min: -720, max: 840 }),
        fc.integer({ min: -720, max: 840 }),
        (s, len, so, eo) => {
          expect(crossesMidnight(ts(s, so), ts(s + len, eo))).toBe(byTexts(s, so, s + len, eo));
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('still refuses an invalid instant', () => {
    expect(() => crossesMidnight(ts(0, 0), ts(Number.NaN, 0))).toThrow(RangeError);
    expect(() => crossesMidnight(ts(0, 0), ts(9e15, 0))).toThrow(RangeError);
  });
});
