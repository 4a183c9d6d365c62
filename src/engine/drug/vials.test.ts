import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { leastWaste } from './vials.ts';

const sizes = (...mg: number[]) => mg.map((m) => ({ ndc11: `${m}mg`, amount: new Decimal(m) }));
const describeChoice = (dose: number, s: ReturnType<typeof sizes>) => {
  const c = leastWaste(new Decimal(dose), s);
  return c
    ? `${c.containers.map((x) => `${x.count}×${x.ndc11}`).join('+')} waste ${c.waste.toString()}`
    : 'none';
};

describe('R-17 least-waste vial selection', () => {
  it.each([
    ['nivolumab 78 mg: 2×40 beats 1×100', 78, sizes(40, 100, 120, 240), '2×40mg waste 2'],
    ['durvalumab 830 mg: 7×120 beats 500+3×120', 830, sizes(120, 500), '7×120mg waste 10'],
    ['CGS 300 mg with 100/400: 3×100', 300, sizes(100, 400), '3×100mg waste 0'],
    ['tie on waste → fewest containers', 400, sizes(100, 400), '1×400mg waste 0'],
    ['exactly one vial', 100, sizes(100), '1×100mg waste 0'],
    ['just over one vial', 100.5, sizes(100), '2×100mg waste 99.5'],
    ['fractional sizes (palonosetron 0.25 mg)', 0.25, sizes(0.25), '1×0.25mg waste 0'],
    ['no sizes', 10, sizes(), 'none'],
  ])('%s', (_name, dose, s, expected) => {
    expect(describeChoice(dose, s)).toBe(expected);
  });
  it('mixed sizes: 560 mg from 40/100/120/240 leaves no waste with the fewest vials', () => {
    const c = leastWaste(new Decimal(560), sizes(40, 100, 120, 240));
    expect(c?.waste.toNumber()).toBe(0);
    // No three vials make 560 mg (max 240+240+120 = 600 but no exact triple); four do.
    expect(c?.containers.reduce((n, x) => n + x.count, 0)).toBe(4);
  });
});

describe('R-17 memoised search: the same list and dose instances give the same answer, copied', () => {
  it.each([
    ['first and repeated call, waste', 78, sizes(40, 100, 120, 240), '2×40mg waste 2'],
    ['first and repeated call, no waste', 300, sizes(100, 400), '3×100mg waste 0'],
    ['first and repeated call, no sizes', 10, sizes(), 'none'],
  ])('%s', (_name, dose, s, expected) => {
    const d = new Decimal(dose);
    const first = leastWaste(d, s);
    const again = leastWaste(d, s);
    for (const c of [first, again]) {
      const text = c
        ? `${c.containers.map((x) => `${x.count}×${x.ndc11}`).join('+')} waste ${c.waste.toString()}`
        : 'none';
      expect(text).toBe(expected);
    }
    if (first && again) {
      expect(again.containers).not.toBe(first.containers);
      expect(again.containers[0]).not.toBe(first.containers[0]);
    }
  });
});
