// Half-open intervals [s, e) on absolute instants (infusion-rules R4.1, R9.9).
import { floorMinutes } from '../time.ts';
import { sortSmall } from '../sort-small.ts';

export interface Interval {
  /** Start, epoch ms (inclusive). */
  s: number;
  /** End, epoch ms (exclusive). */
  e: number;
}

/** Sorted, non-overlapping union; touching intervals join into one piece. */
export function union(list: readonly Interval[]): Interval[] {
  const sorted = sortSmall(
    list.filter((i) => i.e > i.s),
    (a, b) => a.s - b.s || a.e - b.e,
  );
  const out: Interval[] = [];
  for (const i of sorted) {
    const last = out[out.length - 1];
    if (last && i.s <= last.e) last.e = Math.max(last.e, i.e);
    else out.push({ s: i.s, e: i.e });
  }
  return out;
}

/** `from` minus `cut`, as a sorted union of pieces. */
export function subtract(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const cuts = union(cut);
  const out: Interval[] = [];
  for (const piece of union(from)) {
    let cursor = piece.s;
    for (const c of cuts) {
      if (c.e <= cursor || c.s >= piece.e) continue;
      if (c.s > cursor) out.push({ s: cursor, e: c.s });
      cursor = Math.max(cursor, c.e);
      if (cursor >= piece.e) break;
    }
    if (cursor < piece.e) out.push({ s: cursor, e: piece.e });
  }
  return out;
}

/** Total milliseconds covered by the union. */
export function coveredMs(list: readonly Interval[]): number {
  return union(list).reduce((sum, i) => sum + (i.e - i.s), 0);
}

/** Running minutes: whole minutes of each piece of the union, summed (R4.1, R9.2). */
export function runningMinutes(list: readonly Interval[]): number {
  return union(list).reduce((sum, i) => sum + floorMinutes(i.e - i.s), 0);
}

/** Whether two sets of intervals share any instant. */
export function overlaps(a: readonly Interval[], b: readonly Interval[]): boolean {
  return a.some((x) => b.some((y) => x.s < y.e && y.s < x.e));
}

/** The instant at which `minutes` of running time have elapsed across the pieces. */
export function instantAfterRunning(list: readonly Interval[], minutes: number): number {
  let left = minutes * 60_000;
  const pieces = union(list);
  for (const p of pieces) {
    const len = p.e - p.s;
    if (left < len) return p.s + left;
    left -= len;
  }
  const last = pieces[pieces.length - 1];
  return last ? last.e : 0;
}
