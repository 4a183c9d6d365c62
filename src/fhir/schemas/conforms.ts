// A fast, allocation-free check derived from a zod schema: true only when zod would certainly
// accept the value unchanged (no transforms, defaults or coercions exist in the kinds handled
// here), so the caller may read the raw object itself. False means "not sure": zod decides,
// with its own messages. The zod schema stays the one source of truth; any kind of schema,
// check or option this file does not know compiles to "not sure".
import type { z } from 'zod';

export type Conforms = (value: unknown) => boolean;

type Def = z.core.$ZodTypeDef & Record<string, unknown>;
type CheckDef = { check?: unknown; [key: string]: unknown };

const NOT_SURE: Conforms = () => false;
const compiled = new WeakMap<object, Conforms>();

function defOf(schema: z.core.$ZodType): Def {
  return schema._zod.def as Def;
}

function checkDefs(def: Def): CheckDef[] | undefined {
  const checks = def.checks;
  if (checks === undefined) return [];
  if (!Array.isArray(checks)) return undefined;
  return checks.map((c: z.core.$ZodCheck) => c._zod.def as unknown as CheckDef);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A refine/custom check: run its function; only a plain truthy answer counts. */
function customCheck(c: CheckDef): Conforms | undefined {
  const fn = c.fn;
  if (typeof fn !== 'function' || c.when !== undefined) return undefined;
  return (v) => {
    const r: unknown = (fn as (x: unknown) => unknown)(v);
    return !!r && !(r instanceof Promise);
  };
}

function numberCheck(c: CheckDef): Conforms | undefined {
  if (c.when !== undefined) return undefined;
  if (c.check === 'number_format' && c.format === 'safeint') return (v) => Number.isSafeInteger(v);
  if (c.check === 'greater_than' && typeof c.value === 'number') {
    const min = c.value;
    return c.inclusive === true ? (v) => (v as number) >= min : (v) => (v as number) > min;
  }
  return undefined;
}

function withChecks(
  base: Conforms,
  def: Def,
  one: (c: CheckDef) => Conforms | undefined,
): Conforms {
  const defs = checkDefs(def);
  if (!defs) return NOT_SURE;
  const extra: Conforms[] = [];
  for (const c of defs) {
    const f = c.check === 'custom' ? customCheck(c) : one(c);
    if (!f) return NOT_SURE;
    extra.push(f);
  }
  if (extra.length === 0) return base;
  return (v) => {
    if (!base(v)) return false;
    for (const f of extra) if (!f(v)) return false;
    return true;
  };
}

function stringSet(values: readonly unknown[]): Set<string> | undefined {
  return values.every((x) => typeof x === 'string') ? new Set(values as string[]) : undefined;
}

function compileObject(def: Def): Conforms {
  const catchall = def.catchall as z.core.$ZodType | undefined;
  if (!catchall || defOf(catchall).type !== 'unknown') return NOT_SURE; // strip/strict differ
  if (checkDefs(def)?.length !== 0) return NOT_SURE;
  const shape = def.shape as Record<string, z.core.$ZodType>;
  const fields: [string, Conforms][] = Object.keys(shape).map((k) => [k, compile(shape[k]!)]);
  return (v) => {
    if (!isPlainObject(v)) return false;
    for (const [k, f] of fields) if (!f(v[k])) return false;
    return true;
  };
}

function compileArray(def: Def): Conforms {
  if (checkDefs(def)?.length !== 0) return NOT_SURE;
  const element = compile(def.element as z.core.$ZodType);
  return (v) => {
    if (!Array.isArray(v)) return false;
    for (let i = 0; i < v.length; i += 1) if (!element(v[i])) return false;
    return true;
  };
}

function build(schema: z.core.$ZodType): Conforms {
  const def = defOf(schema);
  if (def.coerce === true) return NOT_SURE;
  switch (def.type) {
    case 'string':
      return withChecks(
        (v) => typeof v === 'string',
        def,
        () => undefined,
      );
    case 'number':
      return withChecks((v) => typeof v === 'number' && Number.isFinite(v), def, numberCheck);
    case 'boolean':
      return withChecks(
        (v) => typeof v === 'boolean',
        def,
        () => undefined,
      );
    case 'literal':
    case 'enum': {
      const values =
        def.type === 'literal' ? (def.values as unknown[]) : Object.values(def.entries as object);
      const set = stringSet(values);
      if (!set) return NOT_SURE;
      return (v) => typeof v === 'string' && set.has(v);
    }
    case 'optional': {
      const inner = compile(def.innerType as z.core.$ZodType);
      return (v) => v === undefined || inner(v);
    }
    case 'array':
      return compileArray(def);
    case 'object':
      return compileObject(def);
    default:
      return NOT_SURE;
  }
}

/** The check of a schema, compiled once (recursive schemas through a forwarding stub). */
export function compile(schema: z.core.$ZodType): Conforms {
  const hit = compiled.get(schema);
  if (hit) return hit;
  let real: Conforms = NOT_SURE;
  compiled.set(schema, (v) => real(v));
  real = build(schema);
  compiled.set(schema, real);
  return real;
}
