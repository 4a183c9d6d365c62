import { describe, expect, it } from 'vitest';
import type { ClaimLineInfo } from '../../engine/index.ts';
import type { SignedLine } from '../../fhir/write/claim-builder.ts';
import { compareWithClaim } from './compare-claim.ts';

function s(code: string, units: number, modifiers: string[] = [], amount?: number): SignedLine {
  return {
    code,
    units,
    modifiers,
    date: '2026-03-02',
    sources: [],
    decision: 'accepted',
    ...(amount !== undefined ? { amount } : {}),
  };
}
function d(code: string, units: number, modifiers: string[] = [], net?: number): ClaimLineInfo {
  return { sequence: 1, code, units, modifiers, ...(net !== undefined ? { net } : {}) };
}

describe('compareWithClaim', () => {
  it.each<[string, SignedLine[], ClaimLineInfo[], string, number | undefined]>([
    [
      'CLAIM_LINE_MISSING-like: suggested, not drafted',
      [s('J9271', 200, ['JZ'], 10000)],
      [],
      'missing',
      10000,
    ],
    ['CLAIM_LINE_EXTRA-like: drafted, not suggested', [], [d('J2405', 8, [], 4)], 'extra', -4],
    [
      'units: 210 drafted vs 200 suggested at $50',
      [s('J9271', 200, [], 10000)],
      [d('J9271', 210, [], 10500)],
      'units',
      -500,
    ],
    [
      'units: price only from the claim',
      [s('J9271', 200)],
      [d('J9271', 210, [], 10500)],
      'units',
      -500,
    ],
    [
      'modifiers: set compare, order ignored',
      [s('J9271', 200, ['JZ', 'Q1'], 10000)],
      [d('J9271', 200, ['Q1', 'JZ'], 10000)],
      'same',
      0,
    ],
    [
      'modifiers differ, same units',
      [s('J9271', 200, ['JZ'], 10000)],
      [d('J9271', 200, ['JW'], 10000)],
      'modifiers',
      0,
    ],
    [
      'units and modifiers differ',
      [s('J9271', 200, ['JZ'], 10000)],
      [d('J9271', 210, ['JW'], 10500)],
      'units-modifiers',
      -500,
    ],
    ['admin code, no prices anywhere', [s('96413', 1)], [d('96413', 2)], 'units', undefined],
    ['missing admin code: amount unknown', [s('96413', 1)], [], 'missing', undefined],
  ])('%s', (_name, suggested, drafted, kind, effect) => {
    const { rows } = compareWithClaim(suggested, drafted);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.kind).toBe(kind);
    expect(rows[0]?.dollarEffect).toBe(effect);
  });

  it('pairs a JW waste line with its drafted twin before falling back to same code', () => {
    const { rows } = compareWithClaim(
      [s('J9271', 180, [], 9000), s('J9271', 20, ['JW'], 1000)],
      [d('J9271', 20, ['JW'], 1000), d('J9271', 200, [], 10000)],
    );
    expect(rows.map((r) => [r.kind, r.dollarEffect])).toEqual([
      ['units', -1000],
      ['same', 0],
    ]);
  });

  it('a line that is the same has no dollar effect even when charge and payment limit differ', () => {
    const { rows } = compareWithClaim([s('J1100', 20, ['JZ'], 1.7)], [d('J1100', 20, ['JZ'], 4)]);
    expect(rows[0]).toMatchObject({ kind: 'same', dollarEffect: 0 });
  });

  it('totals "billed as drafted" versus "suggested" over known prices', () => {
    const cmp = compareWithClaim(
      [s('96413', 1), s('J9271', 200, ['JZ'], 10000)],
      [d('96413', 1), d('J9271', 210, ['JW'], 10500), d('J2405', 8, [], 4)],
    );
    expect(cmp).toMatchObject({
      draftedTotal: 10504,
      suggestedTotal: 10000,
      unpricedDrafted: 1,
      unpricedSuggested: 1,
    });
  });
});
