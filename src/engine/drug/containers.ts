// Which containers were opened and what kind they are (drug-wastage, §9 step 5,
// step 7): documented containers (contract §2.3 `container` extension), else the least-waste
// combination of the marketed single-dose presentations, flagged provisional.
import type Decimal from 'decimal.js';
import type { ContainerType } from '../../reference/types.ts';
import type { ContainerOpened, ReferenceData } from '../types.ts';
import { labeledAmount } from './amounts.ts';
import { countDec, plus, times } from './exact.ts';
import type { GroupAdministration } from './prepare.ts';
import type { ResolvedDrug } from './resolve.ts';
import { leastWaste, type VialChoice, type VialSize } from './vials.ts';

export interface ContainerFacts {
  documented: boolean;
  containers: ContainerOpened[];
  /** Labeled content of the opened containers in the billing unit's unit. */
  labeled?: Decimal;
  /** null = unknown (CONTAINER_TYPE_UNKNOWN). */
  type: ContainerType | null;
  /** Least-waste combination for the dose over the marketed single-dose sizes. */
  best?: VialChoice;
}

function typeOf(types: (ContainerType | null | undefined)[]): ContainerType | null {
  if (types.length === 0 || types.some((t) => !t)) return null;
  if (types.every((t) => t === 'single-dose')) return 'single-dose';
  if (types.every((t) => t === 'multi-dose')) return 'multi-dose';
  return null;
}

const qtyKey = (q: { value: string; unit: string } | undefined): string =>
  q ? `${q.value} ${q.unit}` : '';

/**
 * Sizes per reference data and everything they are computed from: a clinic gives the same few
 * drugs again and again. Weak in the reference data, bounded per reference.
 */
const SIZES_LIMIT = 4096;
const sizesMemo = new WeakMap<ReferenceData, Map<string, readonly VialSize[]>>();

/**
 * Marketed single-dose (or unknown-type) sizes billed under the code, plus the NDC given. The
 * list is shared between calls with the same inputs: read it, never change it.
 */
export function vialSizes(
  a: GroupAdministration,
  drug: ResolvedDrug,
  unit: string,
  ref: ReferenceData,
): readonly VialSize[] {
  const key = `${drug.hcpcs}|${drug.ndc11 ?? ''}|${drug.product?.container ?? ''}|${unit}|${qtyKey(drug.concentrationPerMl)}|${qtyKey(a.medicationAmount)}`;
  let memo = sizesMemo.get(ref);
  if (!memo) {
    memo = new Map();
    sizesMemo.set(ref, memo);
  }
  const hit = memo.get(key);
  if (hit) return hit;
  const sizes: readonly VialSize[] = computeVialSizes(a, drug, unit, ref);
  if (memo.size >= SIZES_LIMIT) memo.clear();
  memo.set(key, sizes);
  return sizes;
}

function computeVialSizes(
  a: GroupAdministration,
  drug: ResolvedDrug,
  unit: string,
  ref: ReferenceData,
): VialSize[] {
  const sizes: VialSize[] = [];
  // Medication.amount describes the administered product only, not the other presentations.
  const add = (ndc11: string, own = false): void => {
    const fallback = own ? a.medicationAmount : undefined;
    const amount = labeledAmount(ndc11, unit, fallback, drug.concentrationPerMl, ref);
    if (amount && !sizes.some((s) => s.ndc11 === ndc11)) sizes.push({ ndc11, amount });
  };
  if (drug.ndc11 && drug.product?.container !== 'multi-dose') add(drug.ndc11, true);
  for (const p of ref.presentationsForHcpcs(drug.hcpcs)) {
    if (p.container !== 'multi-dose') add(p.ndc11);
  }
  if (sizes.length === 0 && a.medicationAmount) {
    const amount = labeledAmount(undefined, unit, a.medicationAmount, drug.concentrationPerMl, ref);
    if (amount) sizes.push({ ndc11: drug.ndc11 ?? '', amount });
  }
  return sizes;
}

export function containerFacts(
  a: GroupAdministration,
  drug: ResolvedDrug,
  unit: string,
  dose: Decimal,
  ref: ReferenceData,
): ContainerFacts {
  const sizes = vialSizes(a, drug, unit, ref);
  const best = leastWaste(dose, sizes);
  const documented = (a.containers ?? []).filter((c) => c.count > 0);
  if (documented.length > 0) {
    let labeled: Decimal | undefined;
    for (const c of documented) {
      const each = labeledAmount(c.ndc11, unit, a.medicationAmount, drug.concentrationPerMl, ref);
      if (!each) {
        labeled = undefined;
        break;
      }
      const all = times(each, countDec(c.count));
      labeled = labeled ? plus(labeled, all) : all;
    }
    if (labeled) {
      const type = typeOf(documented.map((c) => ref.productByNdc(c.ndc11)?.container));
      const facts: ContainerFacts = { documented: true, containers: documented, labeled, type };
      if (best) facts.best = best;
      return facts;
    }
  }
  const presentations = ref.presentationsForHcpcs(drug.hcpcs);
  const type = drug.product
    ? drug.product.container
    : typeOf(presentations.map((p) => p.container));
  if (!best) return { documented: false, containers: [], type };
  return {
    documented: false,
    containers: best.containers.filter((c) => c.ndc11),
    labeled: best.total,
    type,
    best,
  };
}
