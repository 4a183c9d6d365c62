// §5 step 6: hydration net time (R2.3, R4.5, R4.6, R7.4, R7.5, R8.1, R8.3, R9.3, R9.5).
import { describe, expect, it } from 'vitest';
import { at, DRUGS, run, type AdminSpec } from '../test-kit/infusion.ts';

const chemo = (s: number, e: number): AdminSpec => ({
  id: 'c1',
  drug: DRUGS.oxaliplatin,
  start: at(s),
  end: at(e),
});
const saline = (id: string, s: number, e: number): AdminSpec => ({
  id,
  drug: DRUGS.saline,
  start: at(s),
  end: at(e),
});

describe('R8.3 / R7.5 hydration concurrent with a drug infusion', () => {
  it.each([
    // hydration 0–H, chemo 30–90 in the middle → net H − 60 in two pieces
    [
      120,
      ['96361x1', '96413x1'],
      ['HYDRATION_CONCURRENT_TIME_EXCLUDED', 'HYDRATION_SEGMENTS_COMBINED'],
    ],
    [90, ['96413x1'], ['HYDRATION_30_MIN_OR_LESS', 'HYDRATION_CONCURRENT_TIME_EXCLUDED']],
    [
      91,
      ['96361x1', '96413x1'],
      ['HYDRATION_CONCURRENT_TIME_EXCLUDED', 'HYDRATION_SEGMENTS_COMBINED'],
    ],
  ])('R8.3: hydration of %i minutes around a 60-minute chemo', (h, codes, w) => {
    const r = run([saline('h1', 0, h), chemo(30, 90)]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });

  it.each([
    [30, ['96413x1'], ['HYDRATION_30_MIN_OR_LESS', 'HYDRATION_CONCURRENT_TIME_EXCLUDED']],
    [31, ['96361x1', '96413x1'], ['HYDRATION_CONCURRENT_TIME_EXCLUDED']],
  ])('R8.3: hydration with %i minutes after the chemo ends', (after, codes, w) => {
    const r = run([saline('h1', 0, 60 + after), chemo(0, 60)]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });

  it('R7.5: hydration fully concurrent with chemo is never reported (no 30-minute warning)', () => {
    const r = run([saline('h1', 10, 100), chemo(0, 120)]);
    expect(r.codes).toEqual(['96413x1', '96415x1']);
    expect(r.warnings).toEqual(['HYDRATION_CONCURRENT_TIME_EXCLUDED']);
  });
});

describe('R9.3 hydration pieces before and after other services', () => {
  it.each([
    ['sum', 20, 20, ['96361x1', '96413x1'], ['HYDRATION_SEGMENTS_COMBINED']],
    ['sum', 15, 15, ['96413x1'], ['HYDRATION_30_MIN_OR_LESS', 'HYDRATION_SEGMENTS_COMBINED']],
    ['each', 20, 20, ['96413x1'], ['HYDRATION_30_MIN_OR_LESS']],
    ['each', 31, 20, ['96361x1', '96413x1'], ['HYDRATION_30_MIN_OR_LESS']],
    ['each', 31, 31, ['96361x2', '96413x1'], []],
  ] as const)('R9.3: setting %s, %i + %i minutes', (hydrationSegments, pre, post, codes, w) => {
    const r = run(
      [saline('h1', 0, pre), chemo(pre, pre + 60), saline('h2', pre + 60, pre + 60 + post)],
      { rules: { hydrationSegments } },
    );
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });

  it('R9.3: back-to-back bags with nothing between are one piece', () => {
    const r = run([saline('h1', 0, 40), saline('h2', 40, 80)]);
    expect(r.codes).toEqual(['96360x1']);
    expect(r.warnings).toEqual([]);
  });
});

describe('R2.3 / R1.7 hydration fluid carrying a drug is that drug’s infusion', () => {
  it.each([
    ['saline with potassium', [DRUGS.saline, DRUGS.potassium], ['96365x1']],
    ['saline with oxaliplatin', [DRUGS.saline, DRUGS.oxaliplatin], ['96413x1']],
    ['saline only', [DRUGS.saline], ['96360x1']],
  ])('R2.3: %s', (_l, ingredients, codes) => {
    const r = run([{ ...saline('h1', 0, 60), ingredients }]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['therapeutic', ['96365x1']],
    ['hydration', ['96360x1']],
  ] as const)('R2.3: electrolyte replacement setting %s', (electrolyteReplacement, codes) => {
    const r = run([{ id: 'k1', drug: DRUGS.potassium, start: at(0), end: at(60) }], {
      rules: { electrolyteReplacement },
    });
    expect(r.codes).toEqual(codes);
  });
});

describe('R9.5 hydration without a stop time', () => {
  it('R9.5: other hydration with a stop time is still counted', () => {
    const r = run([
      { id: 'h1', drug: DRUGS.saline, start: at(0) },
      saline('h2', 60, 120),
      { id: 'p1', drug: DRUGS.ondansetron, start: at(60), push: true },
    ]);
    expect(r.codes).toEqual(['96361x1', '96374x1']);
    expect(r.warnings).toEqual(['HYDRATION_NO_STOP_TIME']);
  });
});
