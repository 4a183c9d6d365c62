import fc from 'fast-check';
import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { generateClinic } from '../../../bench/generate.ts';
import { EXT } from '../extensions.ts';
import {
  administration,
  boolExt,
  concept,
  containerExt,
  dosage,
  HCPCS,
  NDC,
  V3,
  type Json,
} from '../test-kit/resources.ts';
import { conformsAs, isReadType, parseResource, SCHEMAS, type ReadType } from './parse.ts';
import { maximalOf, paths } from '../test-kit/schema-paths.ts';

const TYPES = Object.keys(SCHEMAS) as ReadType[];

const medication: Json = {
  resourceType: 'Medication',
  id: 'm1',
  code: concept(NDC, '0069-0100-01'),
  amount: { numerator: { value: 100, code: 'mg' }, denominator: { value: 1, code: 'mL' } },
  ingredient: [{ itemCodeableConcept: concept(HCPCS, 'J9045'), isActive: true }],
};

const SEEDS: Json[] = [
  administration(),
  administration({
    ...dosage({ route: concept(V3, 'IV'), dose: { value: 250.5, unit: 'mg', code: 'mg' } }),
    extension: [boolExt(EXT.sharedContainer), containerExt('00069-0100-01', 2)],
    partOf: [{ reference: 'MedicationAdministration/a0' }],
    meta: { versionId: '2' },
  }),
  administration({
    medicationCodeableConcept: undefined,
    medicationReference: { reference: '#m1' },
    contained: [medication],
    effectivePeriod: undefined,
    effectiveDateTime: '2026-03-02',
  }),
  medication,
  {
    resourceType: 'Encounter',
    id: 'e1',
    status: 'finished',
    subject: { reference: 'Patient/p1' },
    period: { start: '2026-03-02T08:00:00Z' },
    location: [{ location: { reference: 'Location/l1' } }],
  },
  {
    resourceType: 'Coverage',
    id: 'c1',
    status: 'active',
    beneficiary: { reference: 'Patient/p1' },
    payor: [{ reference: 'Organization/o1' }],
    order: 1,
  },
  // every type with every schema field filled in (valid seeds for each guard)
  ...(Object.values(SCHEMAS) as z.ZodType[]).map((s) => maximalOf(s) as Json),
  ...[...generateClinic({ chairs: 2, administrationsPerChair: 3, days: 2 })]
    .map((r) => JSON.parse(JSON.stringify(r)) as Json)
    .filter((r) => isReadType(r.resourceType))
    .slice(0, 12),
];

const ODD: unknown[] = [
  undefined,
  null,
  '',
  'completed',
  'in-progress',
  'MedicationAdministration',
  '2026-03-02T09:00:00Z',
  '2026-02-30T09:00:00Z',
  '2026-03',
  'not a date',
  0,
  -1,
  1,
  2.5,
  1e21,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.MAX_SAFE_INTEGER + 2,
  true,
  false,
  [],
  [null],
  {},
  { reference: 'Patient/p1' },
  { value: 1, code: 'mg' },
  [{ url: EXT.sharedContainer, valueBoolean: 'yes' }],
  [{ url: 'count', valuePositiveInt: 0 }],
];

type Edit = { pick: number; kind: 'delete' | 'set' | 'wrap'; value: unknown; key: string };

function applyEdit(root: Json, e: Edit): void {
  const all = paths(root);
  const path = all[e.pick % Math.max(all.length, 1)];
  if (!path) return;
  let parent: unknown = root;
  for (const k of path.slice(0, -1)) parent = (parent as Record<string, unknown>)[k];
  const obj = parent as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? '';
  if (e.kind === 'delete') Reflect.deleteProperty(obj, last);
  else if (e.kind === 'wrap') obj[last] = [obj[last]];
  else if (typeof obj[last] === 'object' && obj[last] !== null && !Array.isArray(obj[last]))
    (obj[last] as Record<string, unknown>)[e.key] = structuredClone(e.value);
  else obj[last] = structuredClone(e.value);
}

const edit: fc.Arbitrary<Edit> = fc.record({
  pick: fc.nat(),
  kind: fc.constantFrom('delete', 'set', 'set', 'wrap'),
  value: fc.constantFrom(...ODD),
  key: fc.constantFrom('value', 'code', 'reference', 'extension', 'coding', 'start', 'status'),
});

const mutated = fc
  .tuple(fc.constantFrom(...SEEDS), fc.array(edit, { maxLength: 4 }))
  .map(([seed, edits]) => {
    const copy = structuredClone(seed);
    for (const e of edits) applyEdit(copy, e);
    return copy;
  });

describe('the guards (fast path of parseResource) on generated valid and invalid resources', () => {
  it.each(SEEDS.map((s, i) => [i, s.resourceType, s] as const))(
    'takes the fast path for well-formed seed %i (%s)',
    (_i, type, seed) => {
      expect(conformsAs(type as ReadType, seed)).toBe(true);
    },
  );

  it('each guard agrees with its schema, and zod returns an equal value when both accept', () => {
    let fast = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutated, (v) => {
        for (const type of TYPES) {
          // Another type's schema refuses it by its resourceType literal: so must the guard.
          if (type !== v.resourceType) {
            expect(conformsAs(type, v)).toBe(false);
            continue;
          }
          const r = SCHEMAS[type].safeParse(v);
          expect(conformsAs(type, v)).toBe(r.success);
          if (!r.success) {
            if (v.resourceType === type) refused += 1;
            continue;
          }
          fast += 1;
          expect(r.data).toStrictEqual(v);
        }
      }),
      { numRuns: 2000 },
    );
    expect(fast).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });

  it('gives the same answer and value as zod alone', () => {
    fc.assert(
      fc.property(mutated, (v) => {
        const type = v.resourceType as ReadType;
        if (!TYPES.includes(type)) return;
        const r = parseResource(type, v);
        const z0 = SCHEMAS[type].safeParse(v);
        expect(r.ok).toBe(z0.success);
        if (r.ok) expect(r.value).toStrictEqual(z0.data);
      }),
      { numRuns: 1000 },
    );
  });

  it('follows recursive extensions and the refine of date-times', () => {
    const ok = administration({ extension: [containerExt('00069-0100-01', 1)] });
    expect(conformsAs('MedicationAdministration', ok)).toBe(true);
    const bad = administration({ extension: [containerExt('00069-0100-01', 0)] });
    expect(conformsAs('MedicationAdministration', bad)).toBe(false);
    const badDate = administration({ effectiveDateTime: '2026-02-30' });
    expect(conformsAs('MedicationAdministration', badDate)).toBe(false);
  });
});
