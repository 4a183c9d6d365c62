// In-place stable sort for the short lists of one visit (a handful of services, pushes or
// intervals). Array.prototype.sort allocates a work array on every call; an insertion sort
// allocates nothing and, for a consistent comparator, gives the same order (both are stable).
const SMALL = 16;

export function sortSmall<T>(items: T[], compare: (a: T, b: T) => number): T[] {
  const n = items.length;
  if (n > SMALL) return items.sort(compare);
  for (let i = 1; i < n; i++) {
    const v = items[i] as T;
    let j = i - 1;
    while (j >= 0 && compare(items[j] as T, v) > 0) {
      items[j + 1] = items[j] as T;
      j--;
    }
    items[j + 1] = v;
  }
  return items;
}
