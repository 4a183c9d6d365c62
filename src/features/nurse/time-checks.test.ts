import { describe, expect, it } from 'vitest';
import { checkStart, checkStop, isRefused, type TimeWarning } from './time-checks.ts';

const start = '2026-03-02T09:00:00-05:00';
const at = (offsetSeconds: number) => new Date(Date.parse(start) + offsetSeconds * 1000);
const now = at(3 * 3600);
const H = 3600;

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

describe('issue 14 §1: long infusions, another day than the visit, refusals', () => {
  const later = at(40 * H); // "now" far enough ahead that no row is in the future
  // The visit of 2 March (local, the clinic's zone is the test's zone).
  const visitDay = start;
  it.each<[string, number, TimeWarning[]]>([
    ['12 hours exactly', 12 * H, []],
    ['12 hours 1 second', 12 * H + 1, ['long-infusion']],
    ['12 hours 1 minute', 12 * H + 60, ['long-infusion']],
    ['4 months later (the issue example)', 4 * 30 * 24 * H, ['long-infusion']],
  ])('stop %s after the start', (_n, offset, want) => {
    const w = checkStop({ start, stop: at(offset), now: at(offset), isInfusion: true });
    expect(w).toEqual(want);
  });

  it.each<[string, Date, TimeWarning[]]>([
    ['same day as the visit', new Date(2026, 2, 2, 23, 59), []],
    ['the next day', new Date(2026, 2, 3, 0, 1), ['other-day']],
    ['the day before', new Date(2026, 2, 1, 23, 59), ['other-day']],
  ])('start %s', (_n, startAt, want) => {
    expect(checkStart({ start: startAt, stop: undefined, now: later, visitDay })).toEqual(want);
  });

  it('no visit day known: no day check (nothing assumed)', () => {
    const next = new Date(2026, 2, 3, 0, 1);
    expect(checkStart({ start: next, stop: undefined, now: later, visitDay: undefined })).toEqual(
      [],
    );
  });

  it('a start moved so the recorded stop is more than 12 hours later asks', () => {
    const stop = new Date(at(13 * H)).toISOString();
    expect(checkStart({ start: at(0), stop, now: later })).toEqual(['long-infusion']);
    expect(checkStart({ start: at(H), stop, now: later })).toEqual([]);
  });

  it.each<[string, TimeWarning[], boolean]>([
    ['stop not after start', ['stop-not-after-start'], true],
    ['start not before stop', ['start-not-before-stop', 'in-future'], true],
    ['in the future', ['in-future'], false],
    ['long and another day', ['long-infusion', 'other-day'], false],
  ])('refused: %s → %s', (_n, warnings, refused) => {
    expect(isRefused(warnings)).toBe(refused);
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
