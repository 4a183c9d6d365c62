// One claim line = one code, one set of modifiers, one date (contract §3). Compared field by field:
// no key text is built, and no code or modifier text can run into another.
import type { DerivedLine } from './types.ts';

type LineKey = Pick<DerivedLine, 'code' | 'modifiers' | 'date'>;

function sameModifiers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  if (a.length === 0) return true;
  if (a.length === 1) return a[0] === b[0];
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((m, i) => m === y[i]);
}

export function sameClaimLine(a: LineKey, b: LineKey): boolean {
  return a.code === b.code && a.date === b.date && sameModifiers(a.modifiers, b.modifiers);
}

/** Index of the first item that is the same claim line as `l`, or -1. */
export function findClaimLine<T extends LineKey>(items: readonly T[], l: LineKey): number {
  for (let i = 0; i < items.length; i++) if (sameClaimLine(items[i] as T, l)) return i;
  return -1;
}
