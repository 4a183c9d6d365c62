import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildTables } from './build/build-reference.ts';
import { catalogSchema } from './build/catalog-tables.ts';
import { builtinReference, builtinTables } from './builtin.ts';
import { normalizeNdc } from './ndc.ts';
import { HAS_SHARED, SHARED_CATALOG } from './test-kit/cms-files.ts';

const ref = builtinReference();

describe('built-in reference data', () => {
  it.each([
    ['J9271', '2026-03-02', '1 mg', 'chemo'],
    ['J2469', '2026-03-02', '25 ug', 'therapeutic'],
    ['J9041', '2026-03-02', '0.1 mg', 'chemo'],
    ['J0640', '2026-03-02', '50 mg', 'therapeutic'],
    ['J0641', '2026-03-02', '0.5 mg', 'therapeutic'],
    ['J3475', '2026-03-02', '500 mg', 'therapeutic'],
    ['J3480', '2026-03-02', '2 meq', 'therapeutic'],
    ['J2930', '2026-03-02', '125 mg', 'therapeutic'],
    ['J7030', '2026-03-02', '1000 mL', 'hydration'],
    ['J7050', '2026-03-02', '250 mL', 'hydration'],
    ['J7120', '2026-03-02', '1000 mL', 'hydration'],
    ['J1642', '2026-03-02', '10 [iU]', 'flush'],
    ['J9190', '2026-09-30', '500 mg', 'chemo'],
    ['J9192', '2026-10-01', '10 mg', 'chemo'],
    ['J9181', '2026-03-02', '10 mg', 'chemo'],
    ['J9187', '2026-10-01', '1 mg', 'chemo'],
    ['J2505', '2021-12-31', '6 mg', 'therapeutic'],
    ['J2506', '2022-01-01', '0.5 mg', 'therapeutic'],
    ['Q5107', '2026-03-02', '10 mg', 'chemo'],
  ])('%s on %s: %s, %s', (code, dos, unit, category) => {
    const h = ref.hcpcs(code, dos);
    expect(`${h?.billingUnit?.value} ${h?.billingUnit?.unit}`).toBe(unit);
    expect(h?.category).toBe(category);
  });
  it.each([
    ['J9190', '2026-10-01'],
    ['J9192', '2026-09-30'],
    ['J9181', '2026-10-01'],
    ['J2505', '2022-01-01'],
    ['J2506', '2021-12-31'],
  ])('R-26: %s is not valid on %s but is known', (code, dos) => {
    expect(ref.hcpcs(code, dos)).toBeUndefined();
    expect(ref.hcpcsKnown(code)).toBe(true);
  });
  it.each([
    ['00006302602', '2026-03-02', ['J9271']],
    ['63323011710', '2026-03-02', ['J9190']],
    ['63323011710', '2026-10-05', ['J9192']],
    ['63323010406', '2026-03-02', ['J9181']],
  ])('crosswalk: NDC %s on %s → %j', (ndc, dos, codes) => {
    expect(ref.hcpcsForNdc(ndc, dos)).toEqual(codes);
  });
  it('presentations follow the code of the day (fluorouracil under J9190 and J9192)', () => {
    expect(ref.presentationsForHcpcs('J9190').map((p) => p.ndc11)).toContain('63323011710');
    expect(ref.presentationsForHcpcs('J9192').map((p) => p.ndc11)).toContain('63323011710');
  });
  it.each([
    ['J9271', '2026-01-15', '59.726'],
    ['J9271', '2026-03-31', '59.726'],
    ['J9271', '2026-04-01', undefined],
    ['J9271', '2026-07-01', '60.645'],
    ['J9271', '2026-10-01', undefined],
  ])('payment limit %s on %s = %s (only inside the file quarter)', (code, dos, limit) => {
    expect(ref.paymentLimit(code, dos)).toBe(limit);
  });
  it.each([
    ['J9271', 'practitioner', 400],
    ['96360', 'practitioner', 1],
    ['96360', 'outpatient-hospital', 2],
  ] as const)('MUE %s %s = %d', (code, table, value) => {
    expect(ref.mue(code, table, '2026-03-02')?.value).toBe(value);
  });
  it.each([
    ['J9271', 'K'],
    ['J1453', 'N'],
    ['96413', 'S'],
  ])('OPPS SI %s = %s', (code, si) => {
    expect(ref.oppsStatusIndicator(code, '2026-03-02')).toBe(si);
  });
  it('unknown container types stay unknown (never invented)', () => {
    expect(ref.productByNdc('00006302602')?.container).toBeNull();
    expect(ref.productByNdc('61703033922')?.container).toBe('multi-dose');
    expect(ref.productByNdc('55513019001')?.container).toBe('single-dose');
  });
});

describe.skipIf(!HAS_SHARED)('built-in data against ../shared', () => {
  it('covers every catalog drug that has a HCPCS and every catalog NDC', () => {
    const catalog = catalogSchema.parse(JSON.parse(readFileSync(SHARED_CATALOG, 'utf8')));
    for (const d of catalog.drugs) {
      if (d.hcpcs.code) expect(ref.hcpcsKnown(d.hcpcs.code), d.id).toBe(true);
      for (const p of d.presentations) {
        const ndc = p.ndc_11 ? normalizeNdc(p.ndc_11) : undefined;
        if (!ndc) continue;
        const product = ref.productByNdc(ndc);
        expect(product?.amount.value, ndc).toBe(String(p.strength_amount));
        expect(product?.container ?? null, ndc).toBe(p.container);
      }
    }
  });
  it('src/reference/data is what `npm run reference:build` makes today', () => {
    const fresh = JSON.parse(JSON.stringify(buildTables().tables));
    expect(fresh).toEqual(JSON.parse(JSON.stringify(builtinTables())));
  });
});

describe('built-in OPPS Addendum B payment rates, October 2025 (billing-rules PR-1, PR-2)', () => {
  it.each([
    ['96413', 'S', '331.690'],
    ['96415', 'S', '71.170'],
    ['96365', 'S', '210.690'],
    ['96366', 'S', '46.140'],
    ['96523', 'Q1', '59.400'],
    ['96376', 'N', undefined],
    ['J9271', 'K', undefined],
  ])('%s: SI %s, rate %s', (code, si, rate) => {
    expect(ref.oppsStatusIndicator(code, '2026-08-04')).toBe(si);
    expect(ref.oppsPaymentRate?.(code, '2026-08-04')).toBe(rate);
  });
});
