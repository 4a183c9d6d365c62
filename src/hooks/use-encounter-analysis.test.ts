import { describe, expect, it } from 'vitest';
import type { EncounterResult } from '../engine/index.ts';
import { todayLocal } from './today.ts';
import { pickCurrent } from './use-encounter-analysis.ts';

const r = (encounter: string | null, date: string): EncounterResult => ({
  patient: 'Patient/p1',
  encounter,
  dateOfService: date,
  setting: 'professional',
  lines: [],
  warnings: [],
});

describe('pickCurrent', () => {
  const results = [
    r('Encounter/e0', '2026-11-20'),
    r('Encounter/e1', '2026-11-26'),
    r(null, '2026-11-26'),
  ];
  it.each([
    ['the launch encounter', 'e1', results[1]],
    ['nothing when the encounter has no result', 'e9', undefined],
    ["today's latest when there is no encounter", undefined, results[2]],
  ])('picks %s', (_name, encounterId, expected) => {
    expect(pickCurrent(results, encounterId, '2026-11-26')).toBe(expected);
  });

  it('formats today as a local calendar date', () => {
    expect(todayLocal(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});
