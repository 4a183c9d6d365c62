// R4.1–R4.6: time math and the threshold table (infusion-rules §4).
import { describe, expect, it } from 'vitest';
import { additionalHours } from './lines.ts';
import { at, DRUGS, run } from '../test-kit/infusion.ts';

describe('R4.3 additional hours add(T) = T ≥ 91 ? floor((T − 31) / 60) : 0', () => {
  it.each([
    [15, 0],
    [16, 0],
    [30, 0],
    [31, 0],
    [60, 0],
    [90, 0],
    [91, 1],
    [150, 1],
    [151, 2],
    [210, 2],
    [211, 3],
    [245, 3],
  ])('R4.3: %i minutes → %i additional hour(s)', (t, units) => {
    expect(additionalHours(t)).toBe(units);
  });
});

describe('R4.1 whole minutes, partial minutes dropped', () => {
  it.each([
    ['09:00:00', '09:15:59', ['96374x1'], ['INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH']],
    ['09:00:00', '09:16:00', ['96365x1'], []],
    ['09:00:00', '10:30:59', ['96365x1'], []],
    ['09:00:00', '10:31:00', ['96365x1', '96366x1'], []],
  ])('R4.1: %s → %s', (s, e, codes, warnings) => {
    const r = run([
      {
        id: 'a1',
        drug: DRUGS.zoledronic,
        start: `2026-03-02T${s}-05:00`,
        end: `2026-03-02T${e}-05:00`,
      },
    ]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(warnings);
  });
});

describe('R4.2 / R4.4 drug infusion thresholds (initial and sequential)', () => {
  it.each([
    [15, ['96409x1'], ['INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH']],
    [16, ['96413x1'], []],
    [30, ['96413x1'], []],
    [31, ['96413x1'], []],
    [60, ['96413x1'], []],
    [90, ['96413x1'], []],
    [91, ['96413x1', '96415x1'], []],
    [150, ['96413x1', '96415x1'], []],
    [151, ['96413x1', '96415x2'], []],
  ])('R4.2: chemo infusion of %i minutes → %j', (min, codes, warnings) => {
    const r = run([{ id: 'a1', drug: DRUGS.rituximab, start: at(0), end: at(min) }]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(warnings);
  });

  it.each([
    [15, ['96365x1', '96375x1'], ['INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH']],
    [16, ['96365x1', '96367x1'], []],
    [90, ['96365x1', '96367x1'], []],
    [91, ['96365x1', '96366x1', '96367x1'], []],
    [151, ['96365x1', '96366x2', '96367x1'], []],
  ])('R4.4: sequential TPD infusion of %i minutes (clock restarts per drug)', (min, codes, w) => {
    const r = run([
      { id: 'a1', drug: DRUGS.zoledronic, start: at(0), end: at(200) },
      { id: 'a2', drug: DRUGS.fosaprepitant, start: at(200), end: at(200 + min) },
    ]);
    // The first infusion (200 min) is initial: 96365 + 96366×2.
    const extra = r.codes.filter((c) => !c.startsWith('96366'));
    const hours = r.codes.find((c) => c.startsWith('96366'));
    const expectedHours = codes.find((c) => c.startsWith('96366'));
    const seqHours = expectedHours ? Number(expectedHours.split('x')[1]) : 0;
    expect(hours).toBe(`96366x${2 + seqHours}`);
    expect(extra).toEqual(codes.filter((c) => !c.startsWith('96366')));
    expect(r.warnings).toEqual(w);
  });
});

describe('R4.5 hydration as the initial service', () => {
  it.each([
    [15, [], ['HYDRATION_30_MIN_OR_LESS']],
    [30, [], ['HYDRATION_30_MIN_OR_LESS']],
    [31, ['96360x1'], []],
    [90, ['96360x1'], []],
    [91, ['96360x1', '96361x1'], []],
    [150, ['96360x1', '96361x1'], []],
    [151, ['96360x1', '96361x2'], []],
  ])('R4.5: hydration of %i minutes → %j', (min, codes, warnings) => {
    const r = run([{ id: 'h1', drug: DRUGS.saline, start: at(0), end: at(min) }]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(warnings);
  });
});

describe('R4.6 hydration as a secondary service (after a push)', () => {
  it.each([
    [30, ['96374x1'], ['HYDRATION_30_MIN_OR_LESS']],
    [31, ['96361x1', '96374x1'], []],
    [90, ['96361x1', '96374x1'], []],
    [91, ['96361x2', '96374x1'], []],
    [150, ['96361x2', '96374x1'], []],
    [151, ['96361x3', '96374x1'], []],
    [175, ['96361x3', '96374x1'], []],
    [210, ['96361x3', '96374x1'], []],
    [211, ['96361x4', '96374x1'], []],
  ])('R4.6: secondary hydration of %i net minutes → %j', (min, codes, warnings) => {
    const r = run([
      { id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true },
      { id: 'h1', drug: DRUGS.saline, start: at(0), end: at(min) },
    ]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(warnings);
  });
});
