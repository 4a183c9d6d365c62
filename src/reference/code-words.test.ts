// Issue 17 §5 "every code on screen has words beside it": the code finder and the catalogs.
import { describe, expect, it } from 'vitest';
import { CARC, RARC } from './denial-reasons.ts';
import {
  CONDITION_WORDS,
  DIAGNOSIS_WORDS,
  codeSegments,
  findCodes,
  wordsForCode,
} from './code-words.ts';
import { MODIFIER_WORDS, SERVICE_CODES } from './service-codes.ts';

describe('issue 17 §5: every code in the catalogs has words', () => {
  const rows: [string, string, string][] = [
    ...Object.entries(SERVICE_CODES).map(
      ([c, v]) => ['service', c, v.words] as [string, string, string],
    ),
    ...Object.entries(MODIFIER_WORDS).map(
      ([c, w]) => ['modifier', c, w] as [string, string, string],
    ),
    ...Object.entries(DIAGNOSIS_WORDS).map(
      ([c, w]) => ['diagnosis', c, w] as [string, string, string],
    ),
    ...Object.entries(CONDITION_WORDS).map(
      ([c, w]) => ['condition', c, w] as [string, string, string],
    ),
    ...Object.entries(CARC).map(([c, v]) => ['CARC', c, v.words] as [string, string, string]),
    ...Object.entries(RARC).map(([c, v]) => ['RARC', c, v.words] as [string, string, string]),
  ];
  it.each(rows)('%s %s has plain words', (_kind, code, words) => {
    expect(words.trim().length).toBeGreaterThan(3);
    // Words, not the code again.
    expect(words).not.toBe(code);
  });

  it.each(['JW', 'JZ', 'KX', 'XE', 'XS', 'XP', 'XU', '59', 'Q0', 'Q1', 'GA', '25'])(
    'modifier %s named in the issue has words',
    (m) => {
      expect(MODIFIER_WORDS[m]).toBeTruthy();
    },
  );
});

describe('issue 17 §5: what is a code in a sentence (boundary rows)', () => {
  it.each([
    ['a CPT code', 'bill 96413 today', ['96413']],
    ['a CPT code at the end of a sentence', 'instead of 96523.', ['96523']],
    ['a HCPCS drug code with modifiers', 'J9271-JZ-Q0 × 200', ['J9271+JZ,Q0']],
    ['a CPT code with a numeric modifier', 'coded 96365-59 × 1', ['96365+59']],
    ['modifiers on their own', 'JW/JZ depend on it', ['JW', 'JZ']],
    ['a numeric modifier named as one', 'with or without modifier 25', ['25']],
    ['a bare 25 is a number, not a modifier', 'gave 25 mg', []],
    ['a date is not a code', 'on 2026-03-02', []],
    ['a four-digit number is not a code', 'allows 1000 units', []],
    ['a six-digit number is not a code', 'batch 964130', []],
    [
      'a 5-digit number outside the service range is not a code',
      'authorization PA-55120 ended',
      [],
    ],
    ['a study number is not a code', 'study NCT09990001', []],
    ['a rule id is not a diagnosis', 'injection-pump-rules R21.7', []],
    ['a known ICD-10 code', 'Add diagnosis Z00.6 to the claim', ['Z00.6']],
    ['an unknown ICD-10 code after "diagnosis"', 'diagnosis C50.911 is on file', ['C50.911']],
    ['a condition code', 'needs condition code 30.', ['30']],
    ['a CARC and a RARC', '(CARC 16, N657)', ['16', 'N657']],
    ['an NDC', '4 × 00006302602 would', ['00006302602']],
    ['an NDC with hyphens', 'NDC 00006-3026-02', ['00006302602']],
  ] as const)('%s', (_name, text, codes) => {
    expect(
      findCodes(text).map((f) =>
        f.modifiers.length ? `${f.code}+${f.modifiers.join(',')}` : f.code,
      ),
    ).toEqual(codes);
  });

  it.each([
    ['words once per sentence', 'JW here, JW again', ['drug discarded (billed waste)', undefined]],
    [
      'no words where the sentence explains the code',
      'needs Q0 (the study item itself)',
      [undefined],
    ],
    ['no words after a drug name in brackets', 'Carboplatin (J9045) is', [undefined]],
    [
      'words for a line number in brackets',
      'Claim line 2 (J9045) is',
      ['drug code billed by units (HCPCS)'],
    ],
  ] as const)('%s', (_name, text, words) => {
    expect(
      codeSegments(text)
        .filter((s) => 'found' in s)
        .map((s) => ('words' in s ? s.words : 'none')),
    ).toEqual(words);
  });

  it('a code nobody describes says so in words, never bare', () => {
    expect(wordsForCode('service', '96999')).toBe('service code (CPT) with no description here');
    expect(wordsForCode('modifier', 'ZZ')).toBe('modifier with no description here');
  });
});
