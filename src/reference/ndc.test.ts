import { describe, expect, it } from 'vitest';
import { formatNdc, normalizeNdc } from './ndc.ts';

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
