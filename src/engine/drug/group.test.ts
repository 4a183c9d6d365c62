import { describe, expect, it } from 'vitest';
import type { Administration } from '../types.ts';
import { given, PEMBRO, run, ts } from '../test-kit/drug.ts';

// §9 grouping (drug-wastage): a day's administrations of one code are one group. The line's date
// and the order of its sources follow the members' starts (stable for equal or missing times);
// containers are summed per NDC even within one record.
const at = (id: string, start?: string, end?: string): Administration => {
  const a = given(PEMBRO, '100', 'mg', { ref: `MedicationAdministration/${id}` });
  const { start: _s, end: _e, ...rest } = a;
  return {
    ...rest,
    ...(start ? { start: ts(start) } : {}),
    ...(end ? { end: ts(end) } : {}),
  };
};

describe('§9 grouping: line date and sources follow the members by start', () => {
  it.each([
    [
      'two in order',
      [at('x', '2026-03-02T09:00:00Z'), at('y', '2026-03-02T10:00:00Z')],
      ['x', 'y'],
    ],
    [
      'two, the second earlier: swapped',
      [at('x', '2026-03-02T10:00:00Z'), at('y', '2026-03-02T09:00:00Z')],
      ['y', 'x'],
    ],
    [
      'two at the same start: kept',
      [at('x', '2026-03-02T09:00:00Z'), at('y', '2026-03-02T09:00:00Z')],
      ['x', 'y'],
    ],
    ['two without times: kept', [at('x'), at('y')], ['x', 'y']],
    [
      'only an end on the second: ordered by it',
      [at('x', '2026-03-02T10:00:00Z'), at('y', undefined, '2026-03-02T09:30:00Z')],
      ['y', 'x'],
    ],
    [
      'three, reversed',
      [
        at('x', '2026-03-02T11:00:00Z'),
        at('y', '2026-03-02T10:00:00Z'),
        at('z', '2026-03-02T09:00:00Z'),
      ],
      ['z', 'y', 'x'],
    ],
    [
      'one record twice: one source',
      [at('x', '2026-03-02T09:00:00Z'), at('x', '2026-03-02T10:00:00Z')],
      ['x'],
    ],
  ])('%s', (_name, admins, ids) => {
    const r = run(admins);
    const first = r.lines[0];
    expect(first?.sources).toEqual(ids.map((id) => `MedicationAdministration/${id}`));
    expect(r.shapes[0]?.split(' ')[0]).toBe(`J9271×${admins.length * 100}`);
  });
});

describe('§9 containers: one NDC listed twice in a record is summed', () => {
  it.each([
    [
      'twice in one record',
      [
        { ndc11: PEMBRO, count: 1 },
        { ndc11: PEMBRO, count: 2 },
      ],
      3,
    ],
    ['once', [{ ndc11: PEMBRO, count: 2 }], 2],
    [
      'with a zero count',
      [
        { ndc11: PEMBRO, count: 0 },
        { ndc11: PEMBRO, count: 2 },
      ],
      2,
    ],
  ])('%s', (_name, containers, count) => {
    const a = given(PEMBRO, '200', 'mg', { containers, discarded: { value: '0', unit: 'mg' } });
    const r = run([a]);
    expect(r.lines[0]?.evidence.containers).toEqual([{ ndc11: PEMBRO, count }]);
  });
});
