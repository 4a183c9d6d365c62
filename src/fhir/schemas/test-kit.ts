// Helpers for the schema tests (not used by the product).

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
