// Least-waste vial selection (drug-wastage R-17): over the marketed single-dose sizes, minimise
// labeled total − dose, then fewest containers, then fewest distinct NDCs. Exact: the search
// runs on scaled integers (scaled.ts) when the dose and every size fit, else on decimal.js; both
// walk the same combinations in the same order and give the same choice (vials.test.ts).
import Decimal from 'decimal.js';
import type { ContainerOpened } from '../types.ts';
import { atScale, ceilQuotient, LIMIT, scaledOf, scaledText, type Scaled } from './scaled.ts';

export interface VialSize {
  ndc11: string;
  /** Labeled content in the billing unit's unit. */
  amount: Decimal;
}

export interface VialChoice {
  containers: ContainerOpened[];
  total: Decimal;
  waste: Decimal;
}

/** Enough for any infusion dose from its vial sizes; bounds the search. */
const MAX_CONTAINERS = 60;

function better(a: VialChoice, b: VialChoice | undefined): boolean {
  if (!b) return true;
  const w = a.waste.cmp(b.waste);
  if (w !== 0) return w < 0;
  const count = (c: VialChoice): number => c.containers.reduce((s, x) => s + x.count, 0);
  if (count(a) !== count(b)) return count(a) < count(b);
  return a.containers.length < b.containers.length;
}

function copy(c: Readonly<VialChoice>): VialChoice {
  return { containers: c.containers.map((x) => ({ ...x })), total: c.total, waste: c.waste };
}

/** The least-waste combination that covers the dose, or undefined when no size is known. */
export function leastWaste(dose: Decimal, sizes: readonly VialSize[]): VialChoice | undefined {
  return searchLeastWaste(dose, sizes);
}

const MEMO_LIMIT = 4096;

/**
 * Searched combinations of one run: the search is pure in (dose, ordered sizes), and a clinic
 * gives the same few doses of the same drugs again and again. Owned by the run (run-memo.ts);
 * bounded: cleared when full.
 */
export class LeastWasteMemo {
  private readonly byText = new Map<string, VialChoice | null>();
  /**
   * The same by instances: the sizes lists handed out per run are shared and the doses are
   * shared decimals, so most searches are found without building the text key.
   */
  private readonly byInstance = new WeakMap<readonly VialSize[], Map<Decimal, VialChoice | null>>();

  /** `leastWaste`'s answer, shared with later calls: read it, never change it (copy what leaves). */
  shared(dose: Decimal, sizes: readonly VialSize[]): Readonly<VialChoice> | undefined {
    let perSizes = this.byInstance.get(sizes);
    const known = perSizes?.get(dose);
    if (known !== undefined) return known ?? undefined;
    let key = dose.toString();
    for (const s of sizes) key += `|${s.ndc11}=${s.amount.toString()}`;
    let stored = this.byText.get(key);
    if (stored === undefined) {
      const found = searchLeastWaste(dose, sizes);
      stored = found ? copy(found) : null;
      if (this.byText.size >= MEMO_LIMIT) this.byText.clear();
      this.byText.set(key, stored);
    }
    if (!perSizes) {
      perSizes = new Map();
      this.byInstance.set(sizes, perSizes);
    }
    if (perSizes.size >= MEMO_LIMIT) perSizes.clear();
    perSizes.set(dose, stored);
    return stored ?? undefined;
  }
}

function searchLeastWaste(dose: Decimal, sizes: readonly VialSize[]): VialChoice | undefined {
  const scaled = searchScaled(dose, sizes);
  return scaled === undefined ? leastWasteDecimal(dose, sizes) : (scaled ?? undefined);
}

/** Dose and sizes as counts of one scale, when each fits and the search cannot pass LIMIT. */
function scaledInputs(
  dose: Decimal,
  sizes: readonly VialSize[],
): { dose: number; sizes: number[]; k: number } | undefined {
  const d = scaledOf(dose);
  if (!d) return undefined;
  const all: Scaled[] = [];
  let k = d.k;
  for (const s of sizes) {
    const v = scaledOf(s.amount);
    if (!v) return undefined;
    all.push(v);
    if (v.k > k) k = v.k;
  }
  const doseN = atScale(d, k);
  if (doseN === undefined) return undefined;
  const out: number[] = [];
  let largest = 0;
  for (const v of all) {
    const n = atScale(v, k);
    if (n === undefined) return undefined;
    out.push(n);
    if (n > largest) largest = n;
  }
  // A total never passes dose + MAX_CONTAINERS × the largest size.
  if (doseN + MAX_CONTAINERS * largest > LIMIT) return undefined;
  return { dose: doseN, sizes: out, k };
}

/**
 * R-17 on scaled integers: the same walk as `searchDecimal` (sizes in ascending order, largest
 * first, counts from most to fewest), so ties fall to the same combination. Null when nothing
 * covers the dose; undefined when the inputs do not fit (the caller then searches in decimals).
 */
function searchScaled(dose: Decimal, sizes: readonly VialSize[]): VialChoice | null | undefined {
  if (dose.isZero() || dose.isNegative()) return undefined;
  const inputs = scaledInputs(dose, sizes);
  if (!inputs) return undefined;
  const need0 = inputs.dose;
  const unique: { size: VialSize; n: number }[] = [];
  inputs.sizes.forEach((n, i) => {
    if (n <= 0) return;
    if (!unique.some((u) => u.n === n)) unique.push({ size: sizes[i] as VialSize, n });
  });
  // A stable sort by amount, as decimal.js's cmp orders them.
  unique.sort((a, b) => a.n - b.n);
  if (unique.length === 0) return null;
  const counts: number[] = unique.map(() => 0);
  let bestTotal = -1;
  let bestWaste = 0;
  let bestCount = 0;
  let bestKinds = 0;
  let bestCounts: number[] = [];
  const search = (i: number, total: number, used: number): void => {
    if (total >= need0) {
      const waste = total - need0;
      let count = 0;
      let kinds = 0;
      for (const c of counts) {
        count += c;
        if (c > 0) kinds++;
      }
      const better =
        bestTotal < 0 ||
        waste < bestWaste ||
        (waste === bestWaste && (count < bestCount || (count === bestCount && kinds < bestKinds)));
      if (better) {
        bestTotal = total;
        bestWaste = waste;
        bestCount = count;
        bestKinds = kinds;
        bestCounts = counts.slice();
      }
      return;
    }
    if (i < 0 || used >= MAX_CONTAINERS) return;
    const size = unique[i];
    if (!size) return;
    const need = ceilQuotient(need0 - total, size.n);
    for (let n = Math.min(need, MAX_CONTAINERS - used); n >= 0; n--) {
      counts[i] = n;
      search(i - 1, total + size.n * n, used + n);
    }
    counts[i] = 0;
  };
  search(unique.length - 1, 0, 0);
  if (bestTotal < 0) return null;
  const containers: ContainerOpened[] = [];
  unique.forEach((u, k) => {
    const count = bestCounts[k] ?? 0;
    if (count > 0) containers.push({ ndc11: u.size.ndc11, count });
  });
  // Exact decimals only where the choice leaves the search.
  return {
    containers,
    total: new Decimal(scaledText(bestTotal, inputs.k)),
    waste: new Decimal(scaledText(bestWaste, inputs.k)),
  };
}

/** R-17 in decimal.js: the reference walk (and the path for inputs that do not fit scaled integers). */
export function leastWasteDecimal(
  dose: Decimal,
  sizes: readonly VialSize[],
): VialChoice | undefined {
  const unique: VialSize[] = [];
  for (const s of sizes) {
    if (s.amount.lte(0)) continue;
    if (!unique.some((u) => u.amount.eq(s.amount))) unique.push(s);
  }
  unique.sort((a, b) => a.amount.cmp(b.amount));
  if (unique.length === 0 || dose.lte(0)) return undefined;
  let best: VialChoice | undefined;
  const counts: number[] = unique.map(() => 0);
  const search = (i: number, total: Decimal, used: number): void => {
    if (total.gte(dose)) {
      const containers = unique
        .map((u, k) => ({ ndc11: u.ndc11, count: counts[k] ?? 0 }))
        .filter((c) => c.count > 0);
      const choice = { containers, total, waste: total.minus(dose) };
      if (better(choice, best)) best = choice;
      return;
    }
    if (i < 0 || used >= MAX_CONTAINERS) return;
    const size = unique[i];
    if (!size) return;
    // Enough of this size alone to cover the rest, or fewer and let smaller sizes finish.
    const need = dose.minus(total).div(size.amount).ceil().toNumber();
    for (let n = Math.min(need, MAX_CONTAINERS - used); n >= 0; n--) {
      counts[i] = n;
      search(i - 1, total.plus(size.amount.mul(n)), used + n);
    }
    counts[i] = 0;
  };
  search(unique.length - 1, new Decimal(0), 0);
  return best;
}
