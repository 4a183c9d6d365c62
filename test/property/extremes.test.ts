// Extremes that random runs seldom reach: 10,000 administrations in one encounter, a dose of
// 1e308 mg, a positive dose too small to show, every UTC offset on a DST day.
import { describe, expect, it } from 'vitest';
import {
  fhirTime,
  syntheticContext,
  toResource,
  type SyntheticAdministration,
} from './arbitraries.ts';
import { brokenInvariants, runPipeline } from './pipeline.ts';

const base: SyntheticAdministration = {
  id: 'a0',
  status: 'completed',
  drug: 'J2405',
  day: '2026-08-04',
  start: 540,
  length: 5,
  startOffset: -16,
  endOffset: undefined,
  dose: 8,
  unit: 'mg',
  push: true,
  partOf: undefined,
  encounter: 'e1',
  containers: undefined,
  discarded: undefined,
};

describe('extremes', () => {
  it('10,000 administrations in one encounter: one result, invariants kept', () => {
    const many = Array.from({ length: 10_000 }, (_, i) =>
      toResource({
        ...base,
        id: `m${i}`,
        drug: i % 3 === 0 ? 'J9271' : i % 3 === 1 ? 'J2405' : 'J7050',
        start: i % 1380,
        push: i % 3 === 1,
        dose: i % 3 === 0 ? 200 : i % 3 === 1 ? 8 : 1000,
        unit: i % 3 === 2 ? 'mL' : 'mg',
      }),
    );
    const input = [...syntheticContext, ...many];
    const run = runPipeline(input);
    expect(brokenInvariants(input, run)).toEqual([]);
    expect(run.results.filter((r) => r.encounter === 'Encounter/e1')).toHaveLength(1);
    expect(run.mapped.size).toBe(10_000);
  }, 120_000);

  it('a positive dose too small to show still reports an NDC quantity above 0', () => {
    const input = [
      ...syntheticContext,
      toResource({ ...base, drug: 'J9271', push: false, dose: 5e-324, containers: 1 }),
    ];
    const run = runPipeline(input);
    expect(brokenInvariants(input, run)).toEqual([]);
  });

  it.each([-48, -20, -16, 0, 22, 39, 56])(
    'offset %i quarter hours on the US DST day keeps every invariant',
    (q) => {
      const input = [
        ...syntheticContext,
        toResource({
          ...base,
          id: 'd1',
          day: '2026-03-08',
          start: 90,
          length: 75,
          startOffset: q,
          endOffset: q + 4,
          drug: 'J9263',
          push: false,
          dose: 150,
        }),
        toResource({
          ...base,
          id: 'd2',
          day: '2026-11-01',
          start: 60,
          length: 90,
          startOffset: q,
          endOffset: q - 4,
          drug: 'J7050',
          push: false,
          dose: 1000,
          unit: 'mL',
        }),
      ];
      expect(fhirTime('2026-03-08', 90, q)).toMatch(/^2026-03-08T01:30:00[+-]\d\d:\d\d$/);
      const run = runPipeline(input);
      expect(brokenInvariants(input, run)).toEqual([]);
    },
  );

  it('1e15 containers opened: the dose is billed, the waste left out with an INVALID_RESOURCE warning', () => {
    const input = [
      ...syntheticContext,
      toResource({ ...base, drug: 'J9271', push: false, dose: 200, containers: 1e15 }),
    ];
    const run = runPipeline(input);
    expect(brokenInvariants(input, run)).toEqual([]);
    const lines = run.results.flatMap((r) => r.lines).filter((l) => l.code === 'J9271');
    expect(lines.map((l) => l.units)).toEqual([200]);
  });

  it('a dose of 1e308 mg makes no line and an INVALID_RESOURCE warning, never Infinity units', () => {
    const input = [
      ...syntheticContext,
      toResource({ ...base, drug: 'J9263', push: false, dose: 1e308 }),
    ];
    const run = runPipeline(input);
    expect(brokenInvariants(input, run)).toEqual([]);
  });
});
