// Properties over random days: the engine never throws, units are positive whole numbers, one
// initial code per access (R6.1), add-on codes only with a base code, never 96376 in the office
// (R8.4), every line cites its administrations.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { at, DRUGS, run, type AdminSpec } from '../test-kit/infusion.ts';

const drugs = Object.values(DRUGS);
const INITIALS = new Set(['96360', '96365', '96374', '96409', '96413']);

const spec = fc.record({
  drug: fc.constantFrom(...drugs),
  start: fc.integer({ min: 0, max: 500 }),
  length: fc.option(fc.integer({ min: -5, max: 280 }), { nil: undefined }),
  push: fc.boolean(),
  status: fc.constantFrom('completed', 'completed', 'stopped', 'in-progress', 'entered-in-error'),
  site: fc.option(fc.constantFrom('arm', 'port'), { nil: undefined }),
  justified: fc.boolean(),
  primary: fc.boolean(),
});

describe('invariants over random days', () => {
  it.each(['professional', 'facility'] as const)('R6.1 / R8.4 invariants (%s)', (setting) => {
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 8 }), (raw) => {
        const specs: AdminSpec[] = raw.map((r, k) => {
          const s: AdminSpec = {
            id: `a${k}`,
            drug: r.drug,
            start: at(r.start),
            push: r.push,
            status: r.status as AdminSpec['status'],
            justified: r.justified,
            primary: r.primary,
          };
          if (r.length !== undefined) s.end = at(r.start + r.length);
          if (r.site) s.site = r.site;
          return s;
        });
        const r = run(specs, { setting });
        const lines = r.result.lines;
        for (const l of lines) {
          expect(Number.isInteger(l.units) && l.units > 0).toBe(true);
          expect(l.sources.length).toBeGreaterThan(0);
          expect(l.kind).toBe('administration');
        }
        const initials = lines.filter((l) => INITIALS.has(l.code)).length;
        const sites = new Set(specs.map((s) => (s.justified && s.site ? s.site : '')));
        expect(initials).toBeLessThanOrEqual(sites.size + 1);
        if (lines.length > 0) expect(initials).toBeGreaterThan(0);
        if (setting === 'professional') expect(lines.some((l) => l.code === '96376')).toBe(false);
        expect(lines.filter((l) => l.code === '96368').length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });
});
