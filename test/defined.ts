/**
 * The value, or a failed test naming what was missing: a test's way to read an index or a
 * `find` it expects to hit, without a non-null assertion.
 */
export function defined<T>(value: T | null | undefined, what = 'a value'): T {
  if (value === undefined || value === null)
    throw new Error(`expected ${what}, got ${String(value)}`);
  return value;
}
