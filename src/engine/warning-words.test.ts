// Every warning code has the team's words (issue 17 part 5: every code on screen has words).
import { describe, expect, it } from 'vitest';
import { WARNING_CODES } from './warning-codes.ts';
import { WARNING_WORDS, warningCodeText } from './warning-words.ts';

describe('warning codes in words', () => {
  it.each(WARNING_CODES.map((c) => [c]))('%s has plain words, not the code again', (code) => {
    const words = WARNING_WORDS[code];
    expect(words.length).toBeGreaterThan(8);
    expect(words).not.toMatch(/_/);
    expect(words.toUpperCase()).not.toBe(code.replaceAll('_', ' '));
  });

  it.each([
    ['MISSING_STOP_TIME', 'Infusion without a stop time (MISSING_STOP_TIME)'],
    ['JZ_WITH_WASTE', 'No-waste modifier although drug was discarded (JZ_WITH_WASTE)'],
    ['NOT_A_CODE', 'A warning EveryDose has no words for (NOT_A_CODE)'],
    ['', 'A warning EveryDose has no words for ()'],
  ])('%s → %s', (code, text) => expect(warningCodeText(code)).toBe(text));
});
