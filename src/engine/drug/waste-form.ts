// What the nurse's "Document waste" form computes, from the engine's own rules so the chair keeps
// no copy of them (issue 14 §2, issue 18 §1): the products she may have opened (drug-wastage
// never a multi-dose container), the least-waste suggestion and the figures
// of a list of containers: labeled content L, amount given A, left over L − A (§1 definitions,
// R-06), with A from a volume through the product's concentration. Exact decimals.
import type Decimal from 'decimal.js';
import type { Presentation } from '../../reference/types.ts';
import type { ContainerOpened, DecimalQuantity, ReferenceData } from '../types.ts';
import { amountIn, labeledAmount } from './amounts.ts';
import { countDec, Exact, ZERO } from './exact.ts';
import { leastWaste, type VialSize } from './vials.ts';

/**
 * Products the nurse may pick for a drug: its own products (by NDC) first, then every marketed
 * presentation billed under its HCPCS codes or its products' codes; never a multi-dose one (R-12).
 */
export function wasteProducts(
  ndc11s: readonly string[],
  hcpcs: readonly string[],
  ref: ReferenceData,
): Presentation[] {
  const out = new Map<string, Presentation>();
  const codes = new Set(hcpcs);
  for (const n of ndc11s) {
    const p = ref.productByNdc(n);
    if (!p) continue;
    codes.add(p.hcpcs);
    if (p.container !== 'multi-dose') out.set(p.ndc11, p);
  }
  for (const code of codes) {
    for (const p of ref.presentationsForHcpcs(code)) {
      if (p.container !== 'multi-dose' && !out.has(p.ndc11)) out.set(p.ndc11, p);
    }
  }
  return [...out.values()];
}

/** Every one of the drug's known products is a multi-dose container: no waste to document. */
export function onlyMultiDose(ndc11s: readonly string[], ref: ReferenceData): boolean {
  const products = ndc11s.map((n) => ref.productByNdc(n));
  return products.length > 0 && products.every((p) => p?.container === 'multi-dose');
}

/** Labeled content L, amount given A and what is left over, L − A, in one unit. */
export interface WasteFigures {
  unit: string;
  containers: ContainerOpened[];
  opened: Decimal;
  given: Decimal;
  /** L − A; negative when the containers hold less than the dose. */
  leftOver: Decimal;
}

export type WasteFiguresResult =
  | { ok: true; figures: WasteFigures }
  | { ok: false; problem: 'no-containers' | 'no-dose' }
  | { ok: false; problem: 'unknown-content'; ndc11: string }
  | { ok: false; problem: 'dose-unit'; unit: string };

/** A product's content when the reference data does not know it (Medication.amount, contract §2.3). */
export interface OwnContent {
  ndc11: string;
  amount: DecimalQuantity;
}

function contentOf(
  x: Exact,
  ndc11: string,
  unit: string | undefined,
  own: OwnContent | undefined,
  ref: ReferenceData,
): { unit: string; value: Decimal } | undefined {
  const product = ref.productByNdc(ndc11);
  const fallback = own && own.ndc11 === ndc11 ? own.amount : undefined;
  const u = unit ?? product?.amount.unit ?? fallback?.unit;
  if (!u) return undefined;
  const value = labeledAmount(x, ndc11, u, fallback, undefined, ref);
  return value && value.gt(ZERO) ? { unit: u, value } : undefined;
}

/** The figures of the containers listed (count > 0) for the dose given. */
export function wasteFigures(
  containers: readonly ContainerOpened[],
  dose: DecimalQuantity | undefined,
  ref: ReferenceData,
  own?: OwnContent,
): WasteFiguresResult {
  const listed = containers.filter((c) => c.count > 0);
  const x = new Exact(); // this call is its own run
  const first = listed[0];
  if (!first) return { ok: false, problem: 'no-containers' };
  if (!dose) return { ok: false, problem: 'no-dose' };
  const head = contentOf(x, first.ndc11, undefined, own, ref);
  if (!head) return { ok: false, problem: 'unknown-content', ndc11: first.ndc11 };
  const unit = head.unit;
  let opened = ZERO;
  for (const c of listed) {
    const each = contentOf(x, c.ndc11, unit, own, ref);
    if (!each) return { ok: false, problem: 'unknown-content', ndc11: c.ndc11 };
    opened = x.plus(opened, x.times(each.value, countDec(c.count)));
  }
  const product = ref.productByNdc(first.ndc11);
  const given = amountIn(x, dose, unit, product?.concentrationPerMl, product, ref);
  if (!given) return { ok: false, problem: 'dose-unit', unit: dose.unit };
  return {
    ok: true,
    figures: {
      unit,
      containers: listed.map((c) => ({ ...c })),
      opened,
      given,
      leftOver: x.minus(opened, given),
    },
  };
}

/**
 * The least-waste choice over the products (R-17 step 1: least waste, then fewest containers,
 * then fewest distinct NDCs), as a suggestion the nurse may accept (R-18); undefined when the dose
 * or the products' content cannot be expressed in one unit.
 */
export function suggestWaste(
  dose: DecimalQuantity | undefined,
  products: readonly Presentation[],
  ref: ReferenceData,
): WasteFigures | undefined {
  const first = products.find((p) => p.marketed);
  if (!dose || !first) return undefined;
  const unit = first.amount.unit;
  const x = new Exact(); // this call is its own run
  const given = amountIn(x, dose, unit, first.concentrationPerMl, first, ref);
  if (!given || !given.gt(ZERO)) return undefined;
  const sizes: VialSize[] = [];
  for (const p of products) {
    if (!p.marketed) continue;
    const amount = labeledAmount(x, p.ndc11, unit, undefined, undefined, ref);
    if (amount && amount.gt(ZERO)) sizes.push({ ndc11: p.ndc11, amount });
  }
  const best = leastWaste(given, sizes);
  if (!best) return undefined;
  return {
    unit,
    containers: best.containers,
    opened: best.total,
    given,
    leftOver: best.waste,
  };
}
