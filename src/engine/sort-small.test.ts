import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortSmall } from './sort-small.ts';

interface Item {
  key: number;
  id: number;
}
const byKey = (a: Item, b: Item): number => a.key - b.key;

describe('sortSmall gives the order Array.prototype.sort gives (stable)', () => {
  it.each([
    ['empty', []],
    ['one', [3]],
    ['sorted', [1, 2, 3]],
    ['reversed', [3, 2, 1]],
    ['ties keep their order', [2, 1, 2, 1, 2]],
    ['16 items (insertion sort boundary)', Array.from({ length: 16 }, (_, i) => (i * 7) % 5)],
    ['17 items (native sort)', Array.from({ length: 17 }, (_, i) => (i * 7) % 5)],
  ])('%s', (_n, keys: number[]) => {
    const items = keys.map((key, id) => ({ key, id }));
    expect(sortSmall([...items], byKey)).toEqual([...items].sort(byKey));
  });

  it('any list of up to 40 items with many ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { maxLength: 40 }), (keys) => {
        const items = keys.map((key, id) => ({ key, id }));
        expect(sortSmall([...items], byKey)).toEqual([...items].sort(byKey));
      }),
    );
  });

  it('sorts in place and returns the same array', () => {
    const a = [
      { key: 2, id: 0 },
      { key: 1, id: 1 },
    ];
    expect(sortSmall(a, byKey)).toBe(a);
    expect(a.map((x) => x.id)).toEqual([1, 0]);
  });
});
