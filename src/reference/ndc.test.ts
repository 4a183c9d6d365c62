import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNdc, ndcProblem, normalizeNdc } from './ndc.ts';

describe('R-29 NDC normalisation to 11 digits (5-4-2)', () => {
  it.each([
    ['0006-3026-02', '00006302602'], // 4-4-2: labeler padded
    ['61703-339-22', '61703033922'], // 5-3-2: product padded
    ['12345-6789-1', '12345678901'], // 5-4-1: package padded
    ['00006-3026-02', '00006302602'], // already 5-4-2
    ['00006302602', '00006302602'], // 11 bare digits
    ['0006302602', undefined], // 10 bare digits are ambiguous
    ['888867413689', undefined], // alternate identifiers are not NDCs
    ['1234-567-89', undefined],
  ])('%s → %s', (raw, ndc11) => {
    expect(normalizeNdc(raw)).toBe(ndc11);
  });
  it('formats for people', () => {
    expect(formatNdc('00006302602')).toBe('00006-3026-02');
  });
});

describe('R-29 the one normaliser: boundary rows (FHIR codes, CMS files and the nurse read alike)', () => {
  it.each([
    ['4-4-2 pads the labeler', '0006-3026-02', '00006302602'],
    ['5-3-2 pads the product', '61703-339-22', '61703033922'],
    ['5-4-1 pads the package', '12345-6789-1', '12345678901'],
    ['5-4-2 kept', '00006-3026-02', '00006302602'],
    ['single spaces read like hyphens', '00006 3026 02', '00006302602'],
    ['11 digits kept', '00006302602', '00006302602'],
    ['spaces trimmed', ' 00006302602 ', '00006302602'],
    ['two hyphens in a row', '00006--3026-02', undefined],
    ['four segments', '00006-3026-0-2', undefined],
    ['4-3-2 (9 digits) has no reading', '0006-302-02', undefined],
    ['5-4-3 (12 digits) has no reading', '00006-3026-002', undefined],
    ['bad segment lengths', '123-45678-9', undefined],
    ['letters', '0006-30A6-02', undefined],
    ['9 digits', '123456789', undefined],
    ['10 digits without reference data', '0006302602', undefined],
    ['12 digits', '123456789012', undefined],
    ['empty', '', undefined],
  ])('%s: %s → %s', (_name, raw, expected) => {
    expect(normalizeNdc(raw)).toBe(expected);
  });

  it.each([
    ['4-4-2 reading known', '0006302602', ['00006302602'], '00006302602'],
    ['5-3-2 reading known', '6170333922', ['61703033922'], '61703033922'],
    ['5-4-1 reading known', '1234567891', ['12345678901'], '12345678901'],
    ['none known', '0006302602', [], undefined],
    ['two readings known: ambiguous', '1234567891', ['01234567891', '12345678901'], undefined],
  ])('bare 10 digits, %s', (_name, raw, known, expected) => {
    expect(normalizeNdc(raw, (n) => known.includes(n))).toBe(expected);
  });

  it.each([
    [' 00069-0100-01 ', '00069010001', '00069010001'],
    ['0006302602', undefined, '00006302602'],
    ['0006-3026-02', '00006302602', '00006302602'],
    ['abc', undefined, undefined],
  ])('%s reads the same on every call', (raw, alone, withKnown) => {
    const known = (n: string): boolean => n === '00006302602' || n === '00069010001';
    for (let i = 0; i < 3; i += 1) {
      expect(normalizeNdc(raw)).toBe(alone);
      expect(normalizeNdc(raw, known)).toBe(withKnown);
    }
  });
});

describe('R-29 format check for a typed NDC ("Other NDC"), in words', () => {
  it.each([
    ['11 digits 5-4-2', '00006-3026-02', undefined],
    ['10 digits 4-4-2 with hyphens', '0006-3026-02', undefined],
    ['11 bare digits', '00006302602', undefined],
    ['empty', '  ', /enter the ndc/i],
    ['10 bare digits', '0006302602', /three ways/i],
    ['9 digits', '0006-302-02', /11 digits/i],
    ['12 digits', '000063026020', /11 digits/i],
    ['letters', 'ABCDE-1234-12', /11 digits/i],
  ])('%s: %s', (_name, raw, want) => {
    const problem = ndcProblem(raw);
    if (want === undefined) expect(problem).toBeUndefined();
    else expect(problem).toMatch(want);
  });
});

describe('R-29 the scan reads as the former split-and-match did (issue 18 part 2)', () => {
  // The former reading: split on hyphens and white space, then match digits (the oracle).
  const former = (raw: string): string | undefined => {
    const s = raw.trim();
    const parts = s.split(/[-\s]/);
    if (parts.length === 3) {
      const [a = '', b = '', c = ''] = parts;
      if (!/^\d+$/.test(a + b + c)) return undefined;
      if (a.length === 5 && b.length === 4 && c.length === 2) return a + b + c;
      if (a.length === 4 && b.length === 4 && c.length === 2) return `0${a}${b}${c}`;
      if (a.length === 5 && b.length === 3 && c.length === 2) return `${a}0${b}${c}`;
      if (a.length === 5 && b.length === 4 && c.length === 1) return `${a}${b}0${c}`;
      return undefined;
    }
    if (parts.length !== 1 || !/^\d+$/.test(s)) return undefined;
    return s.length === 11 ? s : undefined;
  };

  it.each([
    ['5-4-2 with spaces', '00006 3026 02'],
    ['tab and hyphen', '0006\t3026-02'],
    ['no-break space', '00006\u00a03026-02'],
    ['two hyphens together', '00006--302602'],
    ['three parts, one empty', '-000063026-02'],
    ['four parts', '00006-3026-0-2'],
    ['two parts', '000063026-02'],
    ['a letter', '0000a-3026-02'],
    ['a full-width digit', '0000\uff11-3026-02'],
    ['empty', ''],
    ['only separators', '- -'],
    ['12 digits', '000063026020'],
    ['surrounding spaces', '  00006-3026-02  '],
  ])('boundary: %s', (_n, raw) => {
    expect(normalizeNdc(raw)).toBe(former(raw));
  });

  it('equals the former reading on generated texts', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('0', '1', '9', '-', ' ', '\t', '\u00a0', 'a', '.') }),
        (raw) => {
          expect(normalizeNdc(raw)).toBe(former(raw));
        },
      ),
      { numRuns: 20_000 },
    );
    fc.assert(
      fc.property(
        fc.tuple(
          fc.stringMatching(/^\d{3,6}$/),
          fc.constantFrom('-', ' ', '\t'),
          fc.stringMatching(/^\d{2,5}$/),
          fc.constantFrom('-', ' ', ''),
          fc.stringMatching(/^\d{0,3}$/),
        ),
        (parts) => {
          const raw = parts.join('');
          expect(normalizeNdc(raw)).toBe(former(raw));
        },
      ),
      { numRuns: 20_000 },
    );
  });
});
