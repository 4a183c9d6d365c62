// The hand-written guards (administration-check.ts, resource-guards.ts) against the zod schemas,
// through zod's public API only: a value with every schema field filled in is built from
// z.toJSONSchema; at every place the schema checks, a value no schema accepts must be refused by
// the guard too (a field the guard does not read, e.g. one newly added to the schema, fails
// here); without each field the guard answers as zod does.
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isWellFormedAdministration } from './administration-check.ts';
import { medicationAdministrationSchema } from './medication.ts';
import { acceptedAsIs, conformsAs, SCHEMAS, type ReadType } from './parse.ts';
import { maximalOf, paths } from '../test-kit/schema-paths.ts';
import { defined } from '../../../test/defined.ts';

function withAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = defined(path[path.length - 1]);
  if (value === undefined) Reflect.deleteProperty(parent, last);
  else parent[last] = value;
  return copy;
}

const TYPES = Object.keys(SCHEMAS) as ReadType[];

describe.each(TYPES)('the %s guard against its schema', (type) => {
  const schema: z.ZodType = SCHEMAS[type];
  const full = maximalOf(schema);
  const everyPath = paths(full);

  it('accepts the resource with every schema field filled in, as zod does', () => {
    expect(schema.safeParse(full).success).toBe(true);
    expect(conformsAs(type, full)).toBe(true);
    expect(everyPath.length).toBeGreaterThan(3);
  });

  it.each(everyPath.map((p) => [p.join('.'), p] as const))('reads %s', (_name, path) => {
    const bad = withAt(full, path, Symbol('not JSON'));
    expect(schema.safeParse(bad).success).toBe(false);
    expect(conformsAs(type, bad)).toBe(false);
  });

  it.each(everyPath.map((p) => [p.join('.'), p] as const))(
    'without %s: the same answer as zod, and zod returns an equal value',
    (_name, path) => {
      const v = withAt(full, path, undefined);
      const r = schema.safeParse(v);
      expect(conformsAs(type, v)).toBe(r.success);
      if (r.success) expect(r.data).toStrictEqual(v);
    },
  );
});

describe('isWellFormedAdministration (the hot path)', () => {
  const full = maximalOf(medicationAdministrationSchema);

  it.each([
    ['a negative count', ['extension', 0, 'valuePositiveInt'], -1],
    ['a zero count (positive int boundary)', ['extension', 0, 'valuePositiveInt'], 0],
    ['a fractional count', ['extension', 0, 'valuePositiveInt'], 1.5],
    ['a count beyond safe integers', ['extension', 0, 'valuePositiveInt'], 2 ** 53],
    ['an infinite dose', ['dosage', 'dose', 'value'], Number.POSITIVE_INFINITY],
    ['a NaN dose', ['dosage', 'dose', 'value'], Number.NaN],
    ['a status not in the list', ['status'], 'done'],
    ['an impossible date', ['effectivePeriod', 'start'], '2026-02-30T09:00:00Z'],
    ['an array for an object', ['subject'], []],
    ['null for an optional string', ['id'], null],
  ])('rejects %s, as zod does', (_name, path, value) => {
    const bad = withAt(full, path, value);
    expect(medicationAdministrationSchema.safeParse(bad).success).toBe(false);
    expect(isWellFormedAdministration(bad)).toBe(false);
  });

  it('acceptedAsIs gives the resource itself only when its guard accepts it', () => {
    expect(acceptedAsIs('MedicationAdministration', full)).toBe(full);
    expect(acceptedAsIs('MedicationAdministration', { ...(full as object), status: 1 })).toBe(
      undefined,
    );
    const encounter = { resourceType: 'Encounter', id: 'e1' };
    expect(acceptedAsIs('Encounter', encounter)).toBe(encounter);
    expect(acceptedAsIs('Encounter', { ...encounter, period: { start: 'soon' } })).toBe(undefined);
  });
});
