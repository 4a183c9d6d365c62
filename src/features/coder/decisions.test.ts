import { describe, expect, it } from 'vitest';
import {
  billedLines,
  EMPTY_DECISIONS,
  lineKey,
  namedLine,
  resolvedByFix,
  signOffBlockers,
  warningKey,
  warningResolved,
  type DecisionState,
} from './decisions.ts';
import type { Warning } from '../../engine/index.ts';
import { chemoLine, drugLine, pushLine, result, vialError } from './test-kit/coder-data.ts';

const allAccepted: DecisionState = {
  ...EMPTY_DECISIONS,
  lines: Object.fromEntries(
    [chemoLine, drugLine, pushLine].map((l) => [lineKey(l), { kind: 'accepted' }]),
  ),
};

describe('lineKey', () => {
  it('does not depend on modifier order', () => {
    expect(lineKey({ ...drugLine, modifiers: ['Q1', 'JZ'] })).toBe(lineKey(drugLine));
  });
});

describe('billedLines', () => {
  it('applies edits with the unit price, drops rejected lines and appends hand-added ones', () => {
    const state: DecisionState = {
      lines: {
        [lineKey(drugLine)]: {
          kind: 'edited',
          units: 150,
          modifiers: ['JW', 'Q1'],
          reason: 'Log says 150 mg',
        },
        [lineKey(pushLine)]: { kind: 'rejected', reason: 'Given at home' },
      },
      added: [{ id: 'x', code: '96367', units: 1, modifiers: [], reason: 'Charted on paper' }],
      acknowledged: {},
    };
    const lines = billedLines(result(), state);
    expect(lines.map((l) => [l.code, l.units, l.decision])).toEqual([
      ['96413', 1, 'accepted'],
      ['J9271', 150, 'edited'],
      ['96367', 1, 'added'],
    ]);
    expect(lines[1]).toMatchObject({
      amount: 7500,
      modifiers: ['JW', 'Q1'],
      reason: 'Log says 150 mg',
    });
    expect(lines[2]).toMatchObject({ date: '2026-03-02', sources: [], reason: 'Charted on paper' });
  });
});

describe('warning resolution (errors block sign-off until resolved)', () => {
  it.each<[string, DecisionState, boolean]>([
    ['untouched', allAccepted, false],
    ['line it concerns accepted only', allAccepted, false],
    [
      'acknowledged with a note',
      { ...allAccepted, acknowledged: { [warningKey(vialError)]: 'Pharmacy log checked' } },
      true,
    ],
    [
      'acknowledged with a blank note',
      { ...allAccepted, acknowledged: { [warningKey(vialError)]: '  ' } },
      false,
    ],
    [
      'line it concerns rejected',
      {
        ...allAccepted,
        lines: { ...allAccepted.lines, [lineKey(drugLine)]: { kind: 'rejected', reason: 'r' } },
      },
      true,
    ],
    [
      'line it concerns edited',
      {
        ...allAccepted,
        lines: {
          ...allAccepted.lines,
          [lineKey(chemoLine)]: { kind: 'edited', units: 1, modifiers: [], reason: 'r' },
        },
      },
      true,
    ],
    [
      'an unrelated line rejected',
      {
        ...allAccepted,
        lines: { ...allAccepted.lines, [lineKey(pushLine)]: { kind: 'rejected', reason: 'r' } },
      },
      false,
    ],
  ])('%s → resolved %s', (_name, state, resolved) => {
    expect(warningResolved(result(), state, vialError)).toBe(resolved);
  });
});

describe('signOffBlockers', () => {
  const ack = { [warningKey(vialError)]: 'ok' };
  it.each<[string, DecisionState, RegExp[]]>([
    [
      'nothing decided',
      EMPTY_DECISIONS,
      [/3 lines have no decision yet \(96413 Q1, J9271 JZ Q1, 96375\)/, /Error not resolved/],
    ],
    [
      'one undecided line, error acknowledged',
      {
        ...EMPTY_DECISIONS,
        acknowledged: ack,
        lines: {
          [lineKey(chemoLine)]: { kind: 'accepted' },
          [lineKey(drugLine)]: { kind: 'accepted' },
        },
      },
      [/^1 line has no decision yet \(96375\)/],
    ],
    ['all decided, error open', allAccepted, [/^Error not resolved: The vials opened/]],
    ['all decided, error acknowledged', { ...allAccepted, acknowledged: ack }, []],
    [
      'everything rejected',
      {
        ...EMPTY_DECISIONS,
        lines: Object.fromEntries(
          [chemoLine, drugLine, pushLine].map((l) => [
            lineKey(l),
            { kind: 'rejected', reason: 'r' },
          ]),
        ),
      },
      [/No line is left to bill/],
    ],
  ])('%s', (_name, state, expected) => {
    const reasons = signOffBlockers(result(), state);
    expect(reasons).toHaveLength(expected.length);
    expected.forEach((re, i) => expect(reasons[i]).toMatch(re));
  });

  it('warnings and notes never block', () => {
    const r = result({ warnings: [{ ...vialError, severity: 'warning' }] });
    expect(signOffBlockers(r, allAccepted)).toEqual([]);
  });
});

describe('accepting the fix resolves the claim-line error it names (never write wrong data, part 6)', () => {
  const missing: Warning = {
    code: 'CLAIM_LINE_MISSING',
    severity: 'error' as const,
    message:
      'The claim is missing J9271-JZ-Q1 × 200 (pembrolizumab), which today’s records support. Add the line.',
    sources: ['MedicationAdministration/a1', 'Claim/c1'],
  };
  const extra: Warning = {
    code: 'CLAIM_LINE_EXTRA',
    severity: 'error' as const,
    message:
      'The claim bills J1100-JZ × 20, which today’s records do not support. Remove it or document the service.',
    sources: ['Claim/c1'],
  };
  const held = { ...extra, sources: ['Claim/c1', 'MedicationAdministration/a9'] };
  const accepted = (ls: DerivedLineLike[]) =>
    Object.fromEntries(ls.map((l) => [lineKey(l), { kind: 'accepted' as const }]));
  type DerivedLineLike = typeof chemoLine;
  const all = [chemoLine, drugLine, pushLine];
  it.each<[string, typeof missing, DecisionState, boolean]>([
    ['MISSING: named line accepted', missing, { ...EMPTY_DECISIONS, lines: accepted(all) }, true],
    [
      'MISSING: named line undecided',
      missing,
      { ...EMPTY_DECISIONS, lines: accepted([chemoLine]) },
      false,
    ],
    [
      'MISSING: another line of the same record accepted, the named one not',
      missing,
      { ...EMPTY_DECISIONS, lines: accepted([chemoLine, pushLine]) },
      false,
    ],
    [
      'MISSING: message names 199 units, line has 200 (boundary)',
      { ...missing, message: missing.message.replace('× 200', '× 199') },
      { ...EMPTY_DECISIONS, lines: accepted(all) },
      false,
    ],
    [
      'EXTRA: every line decided, none bills J1100-JZ',
      extra,
      { ...EMPTY_DECISIONS, lines: accepted(all) },
      true,
    ],
    [
      'EXTRA: a line still undecided',
      extra,
      { ...EMPTY_DECISIONS, lines: accepted([chemoLine]) },
      false,
    ],
    [
      'EXTRA: the coder added J1100-JZ by hand',
      extra,
      {
        ...EMPTY_DECISIONS,
        lines: accepted(all),
        added: [
          { id: 'a', code: 'J1100', units: 20, modifiers: ['JZ'], reason: 'Charted on paper' },
        ],
      },
      false,
    ],
    ['EXTRA held for a pending drug', held, { ...EMPTY_DECISIONS, lines: accepted(all) }, false],
  ])('%s', (_name, w, state, want) => {
    const r = result({ warnings: [w] });
    expect(resolvedByFix(r, state, w)).toBe(want);
    expect(warningResolved(r, state, w)).toBe(want);
  });

  it('reads the named line from the message', () => {
    expect(namedLine(missing)).toEqual({ code: 'J9271', modifiers: ['JZ', 'Q1'], units: 200 });
    expect(namedLine({ message: 'No line here.' })).toBeUndefined();
  });
});
