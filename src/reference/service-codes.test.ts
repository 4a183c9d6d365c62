import { describe, expect, it } from 'vitest';
import { builtinReference } from './builtin.ts';
import { describeCode, isServiceCode, MODIFIER_WORDS, SERVICE_CODES } from './service-codes.ts';

describe('service-code catalog', () => {
  it('covers every administration code of the rules (96360–96549 used, pumps, port, bladder)', () => {
    for (const c of [
      '96360',
      '96361',
      '96365',
      '96366',
      '96367',
      '96368',
      '96372',
      '96374',
      '96375',
      '96376',
      '96401',
      '96402',
      '96409',
      '96411',
      '96413',
      '96415',
      '96416',
      '96417',
      '96521',
      '96522',
      '96523',
      '96549',
      'G0498',
      'C8957',
    ])
      expect(isServiceCode(c), c).toBe(true);
  });

  it('words are short plain phrases, never the bare code', () => {
    for (const [code, s] of Object.entries(SERVICE_CODES)) {
      expect(s.words.length, code).toBeGreaterThan(10);
      expect(s.words.length, code).toBeLessThanOrEqual(90);
      expect(s.words).not.toContain(code);
    }
  });

  it.each([
    ['96413', undefined, 'Chemotherapy IV infusion, first hour'],
    ['96375', undefined, 'IV push of another non-chemo drug'],
    ['J9999', '2026-03-02', 'unclassified antineoplastic drug (NOC)'],
    ['J0000', '2026-03-02', undefined], // not in the reference data: no made-up words
    ['96413 ', undefined, undefined], // codes are exact
  ])('%s → %s', (code, dos, want) => {
    expect(describeCode(code, builtinReference(), dos)).toBe(want);
  });

  it('a drug code gets the drug’s plain name and billing unit from the reference data', () => {
    expect(describeCode('J9271', builtinReference(), '2026-03-02')).toMatch(
      /pembrolizumab.*per 1 mg/i,
    );
  });

  it('modifiers in words', () => {
    expect(MODIFIER_WORDS['JW']).toMatch(/discarded/);
    expect(MODIFIER_WORDS['JZ']).toMatch(/no drug discarded/);
  });
});
