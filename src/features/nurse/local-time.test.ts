import { describe, expect, it } from 'vitest';
import {
  atLocalTime,
  durationInWords,
  isSameLocalDay,
  timeInputValue,
  toIsoWithOffset,
} from './local-time.ts';

describe('local time', () => {
  it('writes an instant with the device offset that parses back to the same instant', () => {
    const d = new Date(Date.UTC(2026, 2, 2, 14, 5, 7));
    const iso = toIsoWithOffset(d);
    expect(iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
    expect(Date.parse(iso)).toBe(d.getTime());
  });

  it('round-trips a picked HH:mm on the same local day', () => {
    const day = new Date(2026, 2, 2, 8, 30);
    const picked = atLocalTime(day, '13:45');
    expect(picked && timeInputValue(picked)).toBe('13:45');
    expect(picked && isSameLocalDay(toIsoWithOffset(picked), day)).toBe(true);
  });

  it.each(['', '7:5', '24:00', '12:60', 'noon'])('rejects %j as a time', (v) => {
    expect(atLocalTime(new Date(2026, 2, 2), v)).toBeUndefined();
  });
});

describe('duration in words (issue 14 §1: the confirmation says how long)', () => {
  const from = new Date(2026, 3, 4, 9, 0); // 4 April, local
  const plus = (ms: number) => new Date(from.getTime() + ms);
  const min = 60_000;
  it.each<[string, Date, string | undefined]>([
    ['stop == start', from, undefined],
    ['stop before start', plus(-min), undefined],
    ['30 seconds', plus(30_000), 'less than a minute'],
    ['1 minute', plus(min), '1 minute'],
    ['45 minutes', plus(45 * min), '45 minutes'],
    ['12 hours', plus(12 * 60 * min), '12 hours'],
    ['12 hours 1 minute', plus(12 * 60 * min + min), '12 hours 1 minute'],
    ['1 day 3 hours 5 minutes (two largest units)', new Date(2026, 3, 5, 12, 5), '1 day 3 hours'],
    ['4 months 2 days (the issue example)', new Date(2026, 7, 6, 9, 0), '4 months 2 days'],
    ['1 year 1 month', new Date(2027, 4, 4, 9, 0), '1 year 1 month'],
  ])('%s', (_n, to, want) => {
    expect(durationInWords(from, to)).toBe(want);
  });

  it('counts months by the calendar, clamped at a month end (31 Jan + 1 month = 28 Feb)', () => {
    const jan31 = new Date(2026, 0, 31, 9, 0);
    expect(durationInWords(jan31, new Date(2026, 1, 28, 9, 0))).toBe('1 month');
    expect(durationInWords(jan31, new Date(2026, 1, 28, 8, 59))).toBe('27 days 23 hours');
  });
});
