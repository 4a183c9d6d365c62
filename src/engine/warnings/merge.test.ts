// research-billing §11 "one warning per code per encounter" and contract §3 severities: the one
// warning merge, row by row, with the boundaries where the two former merges disagreed
// (severity, repeated sources of a warning met once, amounts rounded to the cent).
import { describe, expect, it } from 'vitest';
import type { Severity, Warning } from '../types.ts';
import type { WarningCode } from '../warning-codes.ts';
import { mergeWarnings } from './merge.ts';

const w = (
  code: WarningCode,
  sources: string[],
  extra: Partial<Omit<Warning, 'code' | 'sources'>> = {},
): Warning => ({ code, severity: 'warning', message: `${code} message`, sources, ...extra });

describe('research-billing §11: one warning per code per encounter', () => {
  it.each<[string, Warning[], string[]]>([
    ['no warnings', [], []],
    ['one warning', [w('AUTH_MISSING', ['r1'])], ['AUTH_MISSING']],
    [
      'two codes stay two, order first met',
      [w('MUE_EXCEEDED', ['r1']), w('AUTH_MISSING', ['r2'])],
      ['MUE_EXCEEDED', 'AUTH_MISSING'],
    ],
    [
      'same code twice is one',
      [w('AUTH_MISSING', ['r1']), w('AUTH_MISSING', ['r2'])],
      ['AUTH_MISSING'],
    ],
    [
      'codes interleaved keep the order first met',
      [w('MUE_EXCEEDED', ['r1']), w('AUTH_MISSING', ['r2']), w('MUE_EXCEEDED', ['r3'])],
      ['MUE_EXCEEDED', 'AUTH_MISSING'],
    ],
  ])('§11 %s', (_name, input, codes) => {
    expect(mergeWarnings(input).map((x) => x.code)).toEqual(codes);
  });
});

describe('research-billing §11: sources name each offending record once', () => {
  it.each<[string, Warning[], string[]]>([
    ['one warning, one source', [w('AUTH_MISSING', ['r1'])], ['r1']],
    [
      'one warning with a repeated source (boundary: met once)',
      [w('AUTH_MISSING', ['r1', 'r1'])],
      ['r1'],
    ],
    [
      'two warnings, distinct sources',
      [w('AUTH_MISSING', ['r1']), w('AUTH_MISSING', ['r2'])],
      ['r1', 'r2'],
    ],
    ['two warnings, same source', [w('AUTH_MISSING', ['r1']), w('AUTH_MISSING', ['r1'])], ['r1']],
    [
      'first warning repeats its own source',
      [w('AUTH_MISSING', ['r1', 'r2', 'r1']), w('AUTH_MISSING', ['r3'])],
      ['r1', 'r2', 'r3'],
    ],
    ['a warning without sources', [w('AUTH_MISSING', []), w('AUTH_MISSING', ['r1'])], ['r1']],
  ])('§11 %s', (_name, input, sources) => {
    const out = mergeWarnings(input);
    expect(out).toHaveLength(1);
    expect(out[0]?.sources).toEqual(sources);
  });
});

describe('contract §3: the merged severity is the most serious met', () => {
  it.each<[Severity, Severity, Severity]>([
    ['info', 'info', 'info'],
    ['info', 'warning', 'warning'],
    ['warning', 'info', 'warning'],
    ['warning', 'warning', 'warning'],
    ['warning', 'error', 'error'],
    ['error', 'warning', 'error'],
    ['info', 'error', 'error'],
    ['error', 'info', 'error'],
    ['error', 'error', 'error'],
  ])('§3 %s then %s is %s', (first, second, merged) => {
    const out = mergeWarnings([
      w('AUTH_MISSING', ['r1'], { severity: first }),
      w('AUTH_MISSING', ['r2'], { severity: second }),
    ]);
    expect(out[0]?.severity).toBe(merged);
  });
});

describe('research-billing §11: every distinct message is kept', () => {
  it.each<[string, string[], string]>([
    ['same message twice is said once', ['x.', 'x.'], 'x.'],
    ['two messages both kept, in order', ['about a1.', 'about a2.'], 'about a1. about a2.'],
    [
      'a message contained in the first is not repeated',
      ['about a1 and a2.', 'a2.'],
      'about a1 and a2.',
    ],
    ['three messages, the third a repeat', ['a.', 'b.', 'a.'], 'a. b.'],
    [
      'five days of 96376 × 2 are five sentences',
      ['2 on 03-02.', '2 on 03-03.', '2 on 03-04.', '2 on 03-05.', '2 on 03-06.'],
      '2 on 03-02. 2 on 03-03. 2 on 03-04. 2 on 03-05. 2 on 03-06.',
    ],
  ])('§11 %s', (_name, messages, merged) => {
    const out = mergeWarnings(
      messages.map((message, i) => w('AUTH_MISSING', [`r${i}`], { message })),
    );
    expect(out[0]?.message).toBe(merged);
  });
});

describe('research-billing §11: amounts at stake are summed to the cent', () => {
  it.each<[string, (number | undefined)[], number | undefined]>([
    ['none known', [undefined, undefined], undefined],
    ['only the second known', [undefined, 5], 5],
    ['only the first known', [5, undefined], 5],
    ['0.1 + 0.2 is 0.3, not 0.30000000000000004', [0.1, 0.2], 0.3],
    ['three amounts', [10.25, 0.5, 100], 110.75],
    ['below half a cent rounds down', [0.004, 0], 0],
    ['half a cent rounds up', [0.005, 0], 0.01],
  ])('§11 %s', (_name, amounts, merged) => {
    const input = amounts.map((amountAtStake, i) =>
      w('AUTH_MISSING', [`r${i}`], amountAtStake === undefined ? {} : { amountAtStake }),
    );
    const out = mergeWarnings(input);
    expect(out[0]?.amountAtStake).toBe(merged);
    expect(out[0] !== undefined && 'amountAtStake' in out[0]).toBe(merged !== undefined);
  });
});

describe('mergeWarnings never changes its input', () => {
  it('a warning met once with distinct sources is passed on as it is', () => {
    const a = w('AUTH_MISSING', ['r1']);
    expect(mergeWarnings([a])[0]).toBe(a);
  });

  it('merged and de-duplicated warnings are copies; the inputs stay as they were', () => {
    const a = w('AUTH_MISSING', ['r1'], { severity: 'info', amountAtStake: 1 });
    const b = w('AUTH_MISSING', ['r2'], { severity: 'error', message: 'other.', amountAtStake: 2 });
    const c = w('PTP_NOT_ALLOWED', ['r3', 'r3']);
    const before = structuredClone([a, b, c]);
    const out = mergeWarnings([a, b, c]);
    expect(out[0]).not.toBe(a);
    expect(out[1]).not.toBe(c);
    expect([a, b, c]).toEqual(before);
  });
});
