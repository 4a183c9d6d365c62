import { describe, expect, it } from 'vitest';
import { mergeRefMinutes, refMinutes } from './ref-minutes.ts';

describe('minutes by administration (R4.1 evidence)', () => {
  type Row = [string, (Record<string, number> | undefined)[], Record<string, number>];
  it.each<Row>([
    ['nothing', [], {}],
    ['one record', [{ a: 1 }], { a: 1 }],
    ['later wins, like a spread', [{ a: 1, b: 2 }, { b: 3 }], { a: 1, b: 3 }],
    ['undefined skipped', [undefined, { c: 4 }], { c: 4 }],
  ])('%s', (_n, records, expected) => {
    const merged = mergeRefMinutes(...records);
    expect(merged).toEqual(expected);
    expect(JSON.stringify(merged)).toBe(JSON.stringify(Object.assign({}, ...records)));
  });

  it('a key named like an Object.prototype member is just a key', () => {
    const m = refMinutes();
    m['constructor'] = 5;
    m['__proto__'] = 6;
    expect(Object.keys(m)).toEqual(['constructor', '__proto__']);
    expect(JSON.stringify(mergeRefMinutes(m))).toBe('{"constructor":5,"__proto__":6}');
  });
});
