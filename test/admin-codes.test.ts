// The one typed catalog of administration codes (src/engine/admin-codes.ts): each code once, and
// each with plain words for the people who read it (src/reference/service-codes.ts,
// describeCode) — a code the rules derive is never shown bare.
import { describe, expect, it } from 'vitest';
import { ADMIN_CODES, CPT } from '../src/engine/admin-codes.ts';
import { describeCode, isServiceCode } from '../src/reference/service-codes.ts';

describe('administration-code catalog', () => {
  it('names each code once', () => {
    expect(new Set(ADMIN_CODES).size).toBe(ADMIN_CODES.length);
    expect(ADMIN_CODES).toEqual(Object.values(CPT));
  });

  it.each(ADMIN_CODES.map((c) => [c]))('%s has plain words (describeCode)', (code) => {
    expect(isServiceCode(code)).toBe(true);
    const words = describeCode(code);
    expect(words?.length ?? 0).toBeGreaterThan(10);
    expect(words).not.toContain(code);
  });

  it.each<[string, string]>([
    ['96360', 'HYDRATION_FIRST_HOUR'],
    ['96413', 'CHEMO_INFUSION_FIRST_HOUR'],
    ['96416', 'CHEMO_PUMP_INITIATION'],
    ['96523', 'PORT_FLUSH'],
    ['96549', 'CHEMO_UNLISTED'],
    ['G0498', 'G0498'],
    ['C8957', 'C8957'],
    ['36591', 'BLOOD_DRAW_PORT'],
    ['36592', 'BLOOD_DRAW_CATHETER'],
    ['99211', 'NURSE_VISIT'],
  ])('%s is CPT.%s (range ends and the non-963xx codes)', (code, name) => {
    expect((CPT as Record<string, string>)[name]).toBe(code);
  });
});
