// Contract §2.2: category resolution order (NDC → HCPCS → RxNorm → J9000–J9999 → unknown),
// infusion-rules R1.7 / R2.3 (drug ingredient in a hydration bag), flush (contract §2.1).
import { describe, expect, it } from 'vitest';
import { resolveCategory, resolveDrugCategory } from './category.ts';
import { adm, DRUGS, fakeReference, type AdminSpec } from './test-kit/infusion.ts';
import type { DrugIdentity } from './types.ts';

const ref = fakeReference({
  ndc: { '00000000001': 'J9312', '00000000002': 'J7050' },
  rxnorm: { '121191': 'chemo' },
  rxnormHcpcs: { '121191': 'J9312', '26225': 'J2405' },
});
const id = (o: Partial<DrugIdentity>): DrugIdentity => ({ ndc: [], hcpcs: [], rxnorm: [], ...o });

describe('contract §2.2 resolution order', () => {
  it.each([
    ['NDC via product', id({ ndc: ['00000000001'] }), 'chemo', 'J9312', false],
    [
      'NDC wins over HCPCS',
      id({ ndc: ['00000000002'], hcpcs: ['J9312'] }),
      'hydration',
      'J7050',
      false,
    ],
    ['HCPCS', id({ hcpcs: ['J2405'] }), 'therapeutic', 'J2405', false],
    ['RxNorm category', id({ rxnorm: ['121191'] }), 'chemo', 'J9312', false],
    ['RxNorm → HCPCS', id({ rxnorm: ['26225'] }), 'therapeutic', 'J2405', false],
    ['J9000 unknown to the table', id({ hcpcs: ['J9000'] }), 'chemo', 'J9000', false],
    ['J9999 (investigational, T-38)', id({ hcpcs: ['J9999'] }), 'chemo', 'J9999', false],
    ['J8999 is not chemo by range', id({ hcpcs: ['J8999'] }), 'therapeutic', 'J8999', true],
    ['nothing known', id({ rxnorm: ['1'] }), 'therapeutic', undefined, true],
  ])('§2.2: %s', (_l, drug, category, hcpcs, unknown) => {
    const r = resolveDrugCategory(drug, ref, '2026-03-02');
    expect(r.category).toBe(category);
    expect(r.hcpcs).toBe(hcpcs);
    expect(r.unknown).toBe(unknown);
  });
});

describe('R1.7 / R2.3 ingredients and flush', () => {
  const base: AdminSpec = { id: 'a', drug: DRUGS.saline, start: '2026-03-02T09:00:00-05:00' };
  it.each([
    ['saline alone', {}, 'hydration', 'drug'],
    [
      'saline + potassium',
      { ingredients: [DRUGS.saline, DRUGS.potassium] },
      'therapeutic',
      'ingredient',
    ],
    [
      'saline + leucovorin + oxaliplatin',
      { ingredients: [DRUGS.leucovorin, DRUGS.oxaliplatin] },
      'chemo',
      'ingredient',
    ],
    [
      'uncoded bag with chemo',
      { drug: id({ display: 'mix' }), ingredients: [DRUGS.oxaliplatin] },
      'chemo',
      'ingredient',
    ],
    [
      'chemo stays chemo',
      { drug: DRUGS.oxaliplatin, ingredients: [DRUGS.saline] },
      'chemo',
      'drug',
    ],
    [
      'saline + unknown additive',
      { ingredients: [id({ rxnorm: ['8591'], display: 'KCl' })] },
      'therapeutic',
      'ingredient',
    ],
    [
      'saline + unknown fluid',
      { ingredients: [id({ rxnorm: ['313002'], display: 'Sodium chloride 0.9%' })] },
      'hydration',
      'drug',
    ],
    [
      'saline + leucovorin',
      { ingredients: [{ ...DRUGS.leucovorin }] },
      'therapeutic',
      'ingredient',
    ],
    ['flush marked', { flush: true }, 'flush', 'drug'],
    ['flush category', { drug: DRUGS.heparinFlush }, 'flush', 'drug'],
  ])('R2.3: %s', (_l, o, category, decidedBy) => {
    const r = resolveCategory(adm({ ...base, ...o }), ref, '2026-03-02');
    expect(r.category).toBe(category);
    expect(r.decidedBy).toBe(decidedBy);
  });

  it.each([
    ['therapeutic', 'therapeutic'],
    ['hydration', 'hydration'],
  ] as const)('R2.3: electrolyte replacement setting %s', (setting, category) => {
    const r = resolveCategory(adm({ ...base, drug: DRUGS.potassium }), ref, '2026-03-02', {
      electrolyteReplacement: setting,
    });
    expect(r.category).toBe(category);
  });
});

describe('resolveCategory answers once per distinct drug and date (memoised)', () => {
  const when = '2026-03-02T09:00:00-05:00';
  const electrolyte = { electrolyteReplacement: 'hydration' } as const;
  const nameOnly = (display: string) => id({ hcpcs: ['J3490'], display });
  it.each([
    // Each pair differs in one field the answer depends on; both answers must be their own.
    [
      'display decides (R2.3 electrolyte by name)',
      nameOnly('potassium chloride'),
      nameOnly('potassium-free'),
      electrolyte,
    ],
    ['codes split differently', id({ hcpcs: ['J2', '405'] }), id({ hcpcs: ['J2405'] }), {}],
    ['code moved between lists', id({ ndc: ['00000000001'] }), id({ hcpcs: ['00000000001'] }), {}],
  ])('%s', (_l, a, b, opts) => {
    const ra = resolveCategory(adm({ id: 'x', drug: a, start: when }), ref, '2026-03-02', opts);
    const rb = resolveCategory(adm({ id: 'y', drug: b, start: when }), ref, '2026-03-02', opts);
    const fresh = (d: DrugIdentity) =>
      resolveCategory(adm({ id: 'z', drug: d, start: when }), ref, '2026-03-02', opts);
    expect(ra).toEqual(fresh(a));
    expect(rb).toEqual(fresh(b));
    expect(Object.isFrozen(ra)).toBe(true);
  });

  it('R2.3: an inactive ingredient is not the same question as an active one', () => {
    const spec: AdminSpec = { id: 'i', drug: DRUGS.saline, start: when };
    const active = resolveCategory(
      adm({ ...spec, ingredients: [DRUGS.oxaliplatin] }),
      ref,
      '2026-03-02',
    );
    const a = adm({ ...spec, ingredients: [DRUGS.oxaliplatin] });
    const inactive = resolveCategory(
      { ...a, ingredients: a.ingredients.map((g) => ({ ...g, isActive: false })) },
      ref,
      '2026-03-02',
    );
    expect(active.category).toBe('chemo');
    expect(inactive.category).toBe('hydration');
  });

  it('flushMarked and the date of service are part of the question', () => {
    const a = adm({ id: 'f', drug: DRUGS.saline, start: when });
    expect(resolveCategory(a, ref, '2026-03-02').category).toBe('hydration');
    expect(resolveCategory({ ...a, flushMarked: true }, ref, '2026-03-02').category).toBe('flush');
  });
});
