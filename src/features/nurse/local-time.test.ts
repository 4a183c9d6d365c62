import { describe, expect, it } from 'vitest';
import { atLocalTime, isSameLocalDay, timeInputValue, toIsoWithOffset } from './local-time.ts';

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
