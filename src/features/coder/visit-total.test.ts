import { describe, expect, it } from 'vitest';
import type { DerivedLine } from '../../engine/index.ts';
import { EMPTY_DECISIONS, lineKey, type DecisionState } from './decisions.ts';
import { chemoLine, drugLine, pushLine, result, vialError } from './test-kit/coder-data.ts';
import { bulkAcceptable, visitTotal } from './visit-total.ts';

const priced = (line: DerivedLine, perUnit: string, total: string): DerivedLine => ({
  ...line,
  evidence: {
    ...line.evidence,
    price: { status: 'priced', source: 'opps-addendum-b', perUnit, total, si: 'S' },
  },
});
const packaged: DerivedLine = {
  ...pushLine,
  code: '96376',
  evidence: { ...pushLine.evidence, price: { status: 'packaged', si: 'N' } },
};
const state = (lines: DecisionState['lines']): DecisionState => ({ ...EMPTY_DECISIONS, lines });

describe('visit total (billing-rules PR-1–PR-4, exact cents)', () => {
  it.each([
    [
      'PR-4 unpriced lines are counted, not guessed',
      [chemoLine, drugLine, pushLine],
      {},
      '10000.00',
      1,
      2,
    ],
    [
      'PR-1 priced administration line is added',
      [priced(chemoLine, '331.69', '331.69'), drugLine],
      {},
      '10331.69',
      2,
      0,
    ],
    [
      'PR-2 packaged line adds nothing and is not unpriced',
      [drugLine, packaged],
      {},
      '10000.00',
      1,
      0,
    ],
    [
      'rejected line leaves the total',
      [priced(chemoLine, '331.69', '331.69'), drugLine],
      { [lineKey(drugLine)]: { kind: 'rejected', reason: 'x' } },
      '331.69',
      1,
      0,
    ],
    [
      'edited units × rate (0.1 + 0.2 exact)',
      [priced(pushLine, '0.10', '0.10')],
      { [lineKey(pushLine)]: { kind: 'edited', units: 3, modifiers: [], reason: 'x' } },
      '0.30',
      1,
      0,
    ],
    ['no lines: $0.00', [], {}, '0.00', 0, 0],
  ] as const)('%s', (_n, lines, decided, total, pricedCount, unpriced) => {
    const t = visitTotal(result({ lines: [...lines] }), state(decided as DecisionState['lines']));
    expect(t).toEqual({ total, priced: pricedCount, unpriced });
  });
});

describe('Accept all lines without warnings', () => {
  it('skips lines a warning concerns and lines already decided', () => {
    // vialError concerns a1 (96413 and J9271); the push (a2) has none.
    expect(bulkAcceptable(result(), EMPTY_DECISIONS)).toEqual([lineKey(pushLine)]);
    expect(
      bulkAcceptable(result(), state({ [lineKey(pushLine)]: { kind: 'rejected', reason: 'x' } })),
    ).toEqual([]);
    expect(bulkAcceptable(result({ warnings: [] }), EMPTY_DECISIONS)).toHaveLength(3);
    expect(bulkAcceptable(result({ warnings: [vialError] }), EMPTY_DECISIONS)).toEqual([
      lineKey(pushLine),
    ]);
  });
});
