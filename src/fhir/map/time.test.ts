import { describe, expect, it } from 'vitest';
import { localDate } from '../../engine/index.ts';
import { dateOf, endDateOf, parseTimestamp, timestampOf } from './time.ts';

describe('parseTimestamp keeps the UTC offset (contract §2.1)', () => {
  it.each([
    ['-05:00', '2026-03-02T21:30:00-05:00', Date.UTC(2026, 2, 3, 2, 30), -300, '2026-03-02', true],
    ['Z', '2026-03-02T09:00:00Z', Date.UTC(2026, 2, 2, 9), 0, '2026-03-02', true],
    ['+05:30', '2026-03-03T01:00:00+05:30', Date.UTC(2026, 2, 2, 19, 30), 330, '2026-03-03', true],
    [
      'fraction',
      '2026-03-02T09:00:00.250Z',
      Date.UTC(2026, 2, 2, 9, 0, 0, 250),
      0,
      '2026-03-02',
      true,
    ],
    ['no seconds', '2026-03-02T09:00-05:00', Date.UTC(2026, 2, 2, 14), -300, '2026-03-02', true],
    [
      'no offset: read as UTC',
      '2026-03-02T09:00:00',
      Date.UTC(2026, 2, 2, 9),
      0,
      '2026-03-02',
      true,
    ],
    ['date only: midnight, offset 0', '2026-03-02', Date.UTC(2026, 2, 2), 0, '2026-03-02', false],
    ['month only', '2026-03', Date.UTC(2026, 2, 1), 0, '2026-03-01', false],
    ['leap day', '2024-02-29T10:00:00Z', Date.UTC(2024, 1, 29, 10), 0, '2024-02-29', true],
    ['+14:00', '2026-03-02T10:00:00+14:00', Date.UTC(2026, 2, 1, 20), 840, '2026-03-02', true],
  ])('%s', (_n, iso, ms, offsetMin, date, hasTime) => {
    const t = parseTimestamp(iso);
    expect(t).toMatchObject({ ms, offsetMin, iso, hasTime });
    expect(t && localDate(t)).toBe(date);
  });

  it.each([
    '',
    'yesterday',
    '2026-13-45T99:00:00Z',
    '2026-02-30',
    '2026-03-02T24:00:00Z',
    '2026-02-29T10:00:00Z',
    '2026-03-02T10:00:00+15:00',
    '2026-03-02T10:60:00Z',
    '02/03/2026',
  ])('rejects %j', (iso) => {
    const t = parseTimestamp(iso);
    expect(t === undefined || Number.isNaN(t.ms)).toBe(true);
  });

  it('dates of periods', () => {
    expect(dateOf('2026-03-02T23:30:00-05:00')).toBe('2026-03-02');
    expect(endDateOf('2026-02')).toBe('2026-02-28');
    expect(endDateOf('2026')).toBe('2026-12-31');
    expect(endDateOf('2026-03-31')).toBe('2026-03-31');
  });
});

describe('timestampOf is parseTimestamp without hasTime', () => {
  it.each([
    '2026-03-02T21:30:00-05:00',
    '2026-03-02T09:00:00.250Z',
    '2026-03-02T09:00-05:00',
    '2026-03-02',
    '2026',
    '2026-02-30T09:00:00Z',
    '',
    undefined,
  ])('%s', (iso) => {
    const full = parseTimestamp(iso);
    const t = timestampOf(iso);
    if (!full) expect(t).toBeUndefined();
    else expect(t).toStrictEqual({ ms: full.ms, offsetMin: full.offsetMin, iso: full.iso });
  });
});
