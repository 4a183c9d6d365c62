import { describe, expect, it } from 'vitest';
import { checkStart, checkStop, type TimeWarning } from './time-checks.ts';

const start = '2026-03-02T09:00:00-05:00';
const at = (offsetSeconds: number) => new Date(Date.parse(start) + offsetSeconds * 1000);
const now = at(3 * 3600);

describe('stop-time checks before saving (issue 5 §4; infusion-rules R4.1, R4.2)', () => {
  it.each<[string, number, boolean, TimeWarning[]]>([
    ['stop 1 minute before start', -60, true, ['stop-not-after-start']],
    ['stop == start', 0, true, ['stop-not-after-start']],
    ['R4.2 1 minute infusion', 60, true, ['short-infusion']],
    ['R4.2 15 minutes (at the limit)', 15 * 60, true, ['short-infusion']],
    ['R4.1 15 min 59 s counts as 15', 15 * 60 + 59, true, ['short-infusion']],
    ['R4.2 16 minutes (just over)', 16 * 60, true, []],
    ['a documented push of 5 minutes', 5 * 60, false, []],
    ['stop exactly now', 3 * 3600, true, []],
    ['stop 1 minute in the future', 3 * 3600 + 60, true, ['in-future']],
  ])('%s', (_name, offset, isInfusion, want) => {
    expect(checkStop({ start, stop: at(offset), now, isInfusion })).toEqual(want);
  });

  it('warns about the future even without a start', () => {
    expect(checkStop({ start: undefined, stop: at(4 * 3600), now, isInfusion: true })).toEqual([
      'in-future',
    ]);
  });

  it('combines before-start and future when the clock is odd', () => {
    expect(checkStop({ start, stop: at(-60), now: at(-120), isInfusion: true })).toEqual([
      'stop-not-after-start',
      'in-future',
    ]);
  });
});

describe('start-time checks before saving (issue 5 §4)', () => {
  const stop = '2026-03-02T10:00:00-05:00';
  it.each<[string, number, string | undefined, TimeWarning[]]>([
    ['start before the stop', 0, stop, []],
    ['start == stop', 3600, stop, ['start-not-before-stop']],
    ['start after the stop', 3660, stop, ['start-not-before-stop']],
    ['start now, no stop', 3 * 3600, undefined, []],
    ['start 1 minute in the future', 3 * 3600 + 60, undefined, ['in-future']],
  ])('%s', (_name, offset, recordedStop, want) => {
    expect(checkStart({ start: at(offset), stop: recordedStop, now })).toEqual(want);
  });
});
