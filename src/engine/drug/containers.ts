// Which containers were opened and what kind they are (drug-wastage, §9 step 5,
// step 7): documented containers (contract §2.3 `container` extension), else the least-waste
// combination of the marketed single-dose presentations, flagged provisional.
import type Decimal from 'decimal.js';
import type { ContainerType } from '../../reference/types.ts';
import type { RunContext, SizesNode } from '../run-memo.ts';
import type { ContainerOpened } from '../types.ts';
import { labeledAmount } from './amounts.ts';
import { countDec } from './exact.ts';
import type { GroupAdministration } from './prepare.ts';
import type { ResolvedDrug } from './resolve.ts';
import type { VialChoice, VialSize } from './vials.ts';

export interface ContainerFacts {
  documented: boolean;
  containers: ContainerOpened[];
  /** Labeled content of the opened containers in the billing unit's unit. */
  labeled?: Decimal;
  /** null = unknown (CONTAINER_TYPE_UNKNOWN). */
  type: ContainerType | null;
  /** Least-waste combination for the dose over the marketed single-dose sizes (shared: read only). */
  best?: Readonly<VialChoice>;
}

/** One type when every container has it; null when any is unknown, they differ, or none. */
function typeOf<T>(
  list: readonly T[],
  typeOfOne: (x: T) => ContainerType | null | undefined,
): ContainerType | null {
  let type: ContainerType | null = null;
  for (const x of list) {
    const t = typeOfOne(x);
    if (!t || (type !== null && t !== type)) return null;
    type = t;
  }
  return type === 'single-dose' || type === 'multi-dose' ? type : null;
}

/** Bound of the run's sizes tree per reference data (run-memo.ts): cleared when full. */
const SIZES_LIMIT = 4096;

function step(node: SizesNode, key: unknown): SizesNode {
  let child = node.next.get(key);
  if (!child) {
    child = { next: new Map() };
    node.next.set(key, child);
  }
  return child;
}

/**
 * Marketed single-dose (or unknown-type) sizes billed under the code, plus the NDC given. The
 * list is shared between calls with the same inputs: read it, never change it.
 */
export function vialSizes(
  a: GroupAdministration,
  drug: ResolvedDrug,
  unit: string,
  rc: RunContext,
): readonly VialSize[] {
  // Sizes per reference data and everything they are computed from, kept in the run's memo: a
  // clinic gives the same few drugs again and again. A tree of maps, one level per input (found
  // without building a key).
  const ref = rc.reference;
  let memo = rc.memo.sizes.get(ref);
  if (!memo || memo.count >= SIZES_LIMIT) {
    memo = { root: { next: new Map() }, count: 0 };
    rc.memo.sizes.set(ref, memo);
  }
  const concentration = drug.concentrationPerMl;
  const amount = a.medicationAmount;
  let node = step(memo.root, drug.hcpcs);
  node = step(node, drug.ndc11);
  node = step(node, drug.product?.container);
  node = step(node, unit);
  // A quantity: whether it is there (a boolean never equals a text), then its value and unit.
  node = step(node, concentration !== undefined);
  if (concentration) node = step(step(node, concentration.value), concentration.unit);
  node = step(node, amount !== undefined);
  if (amount) node = step(step(node, amount.value), amount.unit);
  if (node.sizes) return node.sizes;
  const sizes: readonly VialSize[] = computeVialSizes(a, drug, unit, rc);
  memo.count++;
  node.sizes = sizes;
  return sizes;
}

function computeVialSizes(
  a: GroupAdministration,
  drug: ResolvedDrug,
  unit: string,
  rc: RunContext,
): VialSize[] {
  const ref = rc.reference;
  const x = rc.memo.exact;
  const sizes: VialSize[] = [];
  // Medication.amount describes the administered product only, not the other presentations.
  const add = (ndc11: string, own = false): void => {
    const fallback = own ? a.medicationAmount : undefined;
    const amount = labeledAmount(x, ndc11, unit, fallback, drug.concentrationPerMl, ref);
    if (amount && !sizes.some((s) => s.ndc11 === ndc11)) sizes.push({ ndc11, amount });
  };
  if (drug.ndc11 && drug.product?.container !== 'multi-dose') add(drug.ndc11, true);
  for (const p of ref.presentationsForHcpcs(drug.hcpcs)) {
    if (p.container !== 'multi-dose') add(p.ndc11);
  }
  if (sizes.length === 0 && a.medicationAmount) {
    const amount = labeledAmount(
      x,
      undefined,
      unit,
      a.medicationAmount,
      drug.concentrationPerMl,
      ref,
    );
    if (amount) sizes.push({ ndc11: drug.ndc11 ?? '', amount });
  }
  return sizes;
}

export function containerFacts(
  a: GroupAdministration,
  drug: ResolvedDrug,
  unit: string,
  dose: Decimal,
  rc: RunContext,
): ContainerFacts {
  const ref = rc.reference;
  const x = rc.memo.exact;
  const sizes = vialSizes(a, drug, unit, rc);
  const best = rc.memo.leastWaste.shared(dose, sizes);
  const all = a.containers ?? [];
  // The group's merged list is its own: kept as it is when every count is positive.
  let positive = true;
  for (const c of all) if (!(c.count > 0)) positive = false;
  const documented = positive ? all : all.filter((c) => c.count > 0);
  if (documented.length > 0) {
    let labeled: Decimal | undefined;
    for (const c of documented) {
      const each = labeledAmount(
        x,
        c.ndc11,
        unit,
        a.medicationAmount,
        drug.concentrationPerMl,
        ref,
      );
      if (!each) {
        labeled = undefined;
        break;
      }
      const content = x.times(each, countDec(c.count));
      labeled = labeled ? x.plus(labeled, content) : content;
    }
    if (labeled) {
      const type = typeOf(documented, (c) => ref.productByNdc(c.ndc11)?.container);
      const facts: ContainerFacts = { documented: true, containers: documented, labeled, type };
      if (best) facts.best = best;
      return facts;
    }
  }
  const type = drug.product
    ? drug.product.container
    : typeOf(ref.presentationsForHcpcs(drug.hcpcs), (p) => p.container);
  if (!best) return { documented: false, containers: [], type };
  const containers: ContainerOpened[] = [];
  for (const c of best.containers) if (c.ndc11) containers.push({ ndc11: c.ndc11, count: c.count });
  return {
    documented: false,
    containers,
    labeled: best.total,
    type,
    best,
  };
}
