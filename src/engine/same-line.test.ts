import { describe, expect, it } from 'vitest';
import { findClaimLine, sameClaimLine } from './same-line.ts';

const l = (code: string, modifiers: string[], date = '2026-03-02') => ({ code, modifiers, date });

describe('contract §3: one claim line per code, modifier set and date', () => {
  it.each([
    ['same code, no modifiers', l('96375', []), l('96375', []), true],
    ['modifier order does not matter', l('J9271', ['JW', 'Q1']), l('J9271', ['Q1', 'JW']), true],
    ['one modifier each, equal', l('96413', ['59']), l('96413', ['59']), true],
    ['one modifier each, different', l('96413', ['59']), l('96413', ['XU']), false],
    ['modifier on one only', l('96413', ['59']), l('96413', []), false],
    ['different dates', l('96375', [], '2026-03-02'), l('96375', [], '2026-03-03'), false],
    ['different codes', l('96374', []), l('96375', []), false],
    ['a comma inside a modifier is not two modifiers', l('X', ['a,b']), l('X', ['a', 'b']), false],
    ['a bar in a code does not run into the date', l('A|B', [], 'C'), l('A', [], 'B|C'), false],
  ])('%s', (_n, a, b, same) => {
    expect(sameClaimLine(a, b)).toBe(same);
    expect(sameClaimLine(b, a)).toBe(same);
  });

  it('findClaimLine returns the first match or -1', () => {
    const items = [l('96374', []), l('96375', []), l('96375', [])];
    expect(findClaimLine(items, l('96375', []))).toBe(1);
    expect(findClaimLine(items, l('96376', []))).toBe(-1);
  });
});
