// Distinct items in first-seen order, like `[...new Set(items)]` but without building a Set for
// the one- to three-element lists the engine dedupes on every line and warning (sources, rules).
export function unique<T>(items: readonly T[]): T[] {
  const n = items.length;
  if (n <= 1) return items.slice();
  if (n > 16) return [...new Set(items)];
  const out: T[] = [];
  for (let i = 0; i < n; i++) {
    const v = items[i] as T;
    if (!out.includes(v)) out.push(v);
  }
  return out;
}
