import { describe, expect, it } from 'vitest';
import { unique } from './unique.ts';

describe('unique: same answer as [...new Set(x)]', () => {
  const long = Array.from({ length: 40 }, (_, i) => `r${i % 7}`);
  it.each([
    ['empty', []],
    ['one', ['a']],
    ['two distinct', ['a', 'b']],
    ['two equal', ['a', 'a']],
    ['order kept', ['b', 'a', 'b', 'c', 'a']],
    ['16 items (small path boundary)', Array.from({ length: 16 }, (_, i) => `x${i % 5}`)],
    ['17 items (Set path boundary)', Array.from({ length: 17 }, (_, i) => `x${i % 5}`)],
    ['40 items', long],
  ])('%s', (_name, items: string[]) => {
    expect(unique(items)).toEqual([...new Set(items)]);
  });

  it('returns a new array, never the input', () => {
    const input = ['a'];
    expect(unique(input)).not.toBe(input);
  });

  it('treats NaN like a Set does', () => {
    expect(unique([NaN, NaN, 1])).toEqual([NaN, 1]);
  });
});
