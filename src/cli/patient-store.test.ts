import { describe, expect, it } from 'vitest';
import { InputError } from './errors.ts';
import { growthMb, SpillStore } from './patient-store.ts';

describe('SpillStore', () => {
  it('groups records by patient across buckets, keeps fullUrl and origin, and handles large records', () => {
    const store = new SpillStore(3, ['a.ndjson', 'b.json']);
    try {
      const big = Buffer.from(
        JSON.stringify({ resourceType: 'Claim', id: 'big', note: 'x'.repeat(100_000) }),
      );
      for (let i = 0; i < 50; i++) {
        const line = Buffer.from(
          JSON.stringify({ resourceType: 'MedicationAdministration', id: `a${i}` }),
        );
        store.addRaw(`Patient/p${i % 7}`, line, 0, line.length, 0, i + 1);
      }
      store.addRaw('Patient/p1', big, 0, big.length, 0, 99);
      store.addParsed('Patient/p2', {
        resource: { resourceType: 'Encounter', id: 'e1' },
        fullUrl: 'urn:uuid:1',
        file: 1,
        line: 0,
      });
      const got = new Map([...store.patients()].map(([p, recs]) => [p, recs]));
      expect([...got.keys()].sort()).toEqual([
        'Patient/p0',
        'Patient/p1',
        'Patient/p2',
        'Patient/p3',
        'Patient/p4',
        'Patient/p5',
        'Patient/p6',
      ]);
      expect(got.get('Patient/p1')?.map((r) => r.resource.id)).toContain('big');
      expect(got.get('Patient/p2')?.find((r) => r.resource.id === 'e1')).toMatchObject({
        fullUrl: 'urn:uuid:1',
        file: 1,
        line: 0,
      });
      expect(got.get('Patient/p0')?.[0]).toMatchObject({ file: 0, line: 1 });
    } finally {
      store.close();
    }
  });

  it('a damaged spilled line is an InputError naming its file and line', () => {
    const store = new SpillStore(1, ['x.ndjson']);
    try {
      const line = Buffer.from('{"resourceType":"MedicationAdministration","status":,}');
      store.addRaw('Patient/p1', line, 0, line.length, 0, 7);
      expect(() => [...store.patients()]).toThrow(InputError);
    } finally {
      store.close();
    }
  });
});

describe('heap growth between full collections (EVERYDOSE_GC_GROWTH_MB)', () => {
  it.each([
    [undefined, 32],
    ['', 32],
    ['  ', 32],
    ['abc', 32],
    ['-1', 32],
    ['Infinity', 32],
    ['0', 0],
    ['16', 16],
    ['48.5', 48.5],
  ])('%j → %d MB', (text, mb) => {
    expect(growthMb(text)).toBe(mb);
  });
});
