import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { isWellFormedAdministration } from './administration-check.ts';
import { compile } from './conforms.ts';
import { medicationAdministrationSchema } from './medication.ts';
import { acceptedAsIs } from './parse.ts';
import { paths } from './test-kit.ts';

type Def = { type: string; [key: string]: unknown };
const defOf = (s: z.core.$ZodType): Def => s._zod.def as unknown as Def;

/** A value with every field the schema knows filled in (arrays with one element). */
function maximal(schema: z.core.$ZodType, depth = 0): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      return Array.isArray(def.checks) && def.checks.length > 0 ? '2026-03-02T09:00:00Z' : 'x';
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'literal':
      return (def.values as unknown[])[0];
    case 'enum':
      return Object.values(def.entries as object)[0];
    case 'optional':
      return maximal(def.innerType as z.core.$ZodType, depth);
    case 'array':
      return depth > 8 ? [] : [maximal(def.element as z.core.$ZodType, depth + 1)];
    case 'object': {
      const shape = def.shape as Record<string, z.core.$ZodType>;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(shape)) out[k] = maximal(shape[k]!, depth + 1);
      return out;
    }
    default:
      throw new Error(`no maximal value for ${def.type}`);
  }
}

function withAt(root: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(root) as Record<string | number, unknown>;
  let parent = copy;
  for (const k of path.slice(0, -1)) parent = parent[k] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (value === undefined) delete parent[last];
  else parent[last] = value;
  return copy;
}

const full = maximal(medicationAdministrationSchema);
const everyPath = paths(full);

describe('isWellFormedAdministration (hand-written fast path)', () => {
  it('accepts an administration with every schema field filled in, as zod does', () => {
    expect(medicationAdministrationSchema.safeParse(full).success).toBe(true);
    expect(isWellFormedAdministration(full)).toBe(true);
    expect(everyPath.length).toBeGreaterThan(100);
  });

  // A value no schema type accepts, at each place the schema checks: a field the hand-written
  // check does not read (e.g. one newly added to the schema) fails here.
  it.each(everyPath.map((p) => [p.join('.'), p] as const))('reads %s', (_name, path) => {
    const bad = withAt(full, path, Symbol('not JSON'));
    expect(medicationAdministrationSchema.safeParse(bad).success).toBe(false);
    expect(isWellFormedAdministration(bad)).toBe(false);
  });

  it.each(everyPath.map((p) => [p.join('.'), p] as const))(
    'without %s: same answer as the derived check',
    (_name, path) => {
      const v = withAt(full, path, undefined);
      const derived = compile(medicationAdministrationSchema)(v);
      expect(isWellFormedAdministration(v)).toBe(derived);
      if (derived) expect(medicationAdministrationSchema.safeParse(v).success).toBe(true);
    },
  );

  it.each([
    ['a negative count', ['extension', 0, 'valuePositiveInt'], -1],
    ['a fractional count', ['extension', 0, 'valuePositiveInt'], 1.5],
    ['an infinite dose', ['dosage', 'dose', 'value'], Number.POSITIVE_INFINITY],
    ['a status not in the list', ['status'], 'done'],
    ['an impossible date', ['effectivePeriod', 'start'], '2026-02-30T09:00:00Z'],
    ['an array for an object', ['subject'], []],
    ['null for an optional string', ['id'], null],
  ])('rejects %s, as zod does', (_name, path, value) => {
    const bad = withAt(full, path, value);
    expect(medicationAdministrationSchema.safeParse(bad).success).toBe(false);
    expect(isWellFormedAdministration(bad)).toBe(false);
  });

  it('acceptedAsIs gives the resource itself only through a hand-written check', () => {
    expect(acceptedAsIs('MedicationAdministration', full)).toBe(full);
    expect(acceptedAsIs('MedicationAdministration', { ...(full as object), status: 1 })).toBe(
      undefined,
    );
    const encounter = { resourceType: 'Encounter', id: 'e1' };
    expect(acceptedAsIs('Encounter', encounter)).toBe(undefined);
  });
});
