// Helpers for the schema tests (not used by the product).
import { z } from 'zod';

/** Every path to a value inside `v` (objects and arrays), the root excluded. */
export function paths(
  v: unknown,
  at: (string | number)[] = [],
  out: (string | number)[][] = [],
): (string | number)[][] {
  if (typeof v !== 'object' || v === null) return out;
  for (const k of Object.keys(v)) {
    const p = [...at, Array.isArray(v) ? Number(k) : k];
    out.push(p);
    paths((v as Record<string, unknown>)[k], p, out);
  }
  return out;
}

type JsonSchema = {
  type?: string;
  const?: unknown;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
};

/** A value with every field the schema knows filled in (arrays with one element). */
/** Through zod's public API (z.toJSONSchema), never its internals. */
export function maximalOf(schema: z.ZodType): unknown {
  const root = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  const defs = root.$defs ?? {};
  const fill = (s: JsonSchema, depth: number): unknown => {
    if (s.$ref) {
      const name = s.$ref === '#' ? undefined : s.$ref.replace('#/$defs/', '');
      const target = name === undefined ? root : defs[name];
      if (!target) throw new Error(`unknown $ref ${s.$ref}`);
      return fill(target, depth);
    }
    if (s.const !== undefined) return s.const;
    if (s.enum) return s.enum[0];
    switch (s.type) {
      case 'string':
        return '2026-03-02T09:00:00Z'; // a string and a FHIR dateTime: any string field takes it
      case 'number':
      case 'integer':
        return 1;
      case 'boolean':
        return true;
      case 'array':
        return depth > 8 || !s.items ? [] : [fill(s.items, depth + 1)];
      case 'object': {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(s.properties ?? {})) out[k] = fill(v, depth + 1);
        return out;
      }
      case undefined:
      default:
        throw new Error(`no maximal value for ${JSON.stringify(s).slice(0, 80)}`);
    }
  };
  return fill(root, 0);
}
