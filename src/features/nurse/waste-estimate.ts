// Expected waste for the "Document waste" form: the least-waste combination of the marketed
// single-dose containers for the dose given (drug-wastage ), and the amount left
// over (labeled content minus the dose, R-06 definitions). Exact decimals.
import Decimal from 'decimal.js';
import type { Presentation, ReferenceData } from '../../reference/types.ts';
import { ndc11 } from './ndc.ts';

export interface DoseQuantity {
  value: number;
  unit: string;
}

export interface WasteChoice {
  ndc11: string;
  /** Labeled content of one container, e.g. 100 mg. */
  amount: { value: string; unit: string };
}

export interface WasteEstimate {
  /** Containers the least-waste selection opens (count > 0). */
  containers: { ndc: string; count: number }[];
  /** Expected amount discarded, in the containers' unit. */
  discarded: { value: number; unit: string };
  /** Every product the nurse may pick from (same drug, not multi-dose). */
  choices: WasteChoice[];
}

const MASS_IN_MG: Record<string, string> = { g: '1000', mg: '1', ug: '0.001', mcg: '0.001' };

/** Convert between mass units; same unit passes through; otherwise undefined. */
export function convertAmount(value: Decimal, from: string, to: string): Decimal | undefined {
  if (from === to) return value;
  const f = MASS_IN_MG[from];
  const t = MASS_IN_MG[to];
  if (!f || !t) return undefined;
  return value.times(f).dividedBy(t);
}

/** Products the nurse may have opened: the drug's own NDCs and their marketed siblings. */
export function wasteChoices(
  ndcs: readonly string[],
  hcpcs: readonly string[],
  reference: ReferenceData,
): Presentation[] {
  const byNdc = new Map<string, Presentation>();
  const codes = new Set(hcpcs);
  for (const n of ndcs) {
    const p = reference.productByNdc(ndc11(n));
    if (p) {
      byNdc.set(p.ndc11, p);
      codes.add(p.hcpcs);
    }
  }
  for (const code of codes) {
    for (const p of reference.presentationsForHcpcs(code)) {
      if (p.marketed && !byNdc.has(p.ndc11)) byNdc.set(p.ndc11, p);
    }
  }
  return [...byNdc.values()].filter((p) => p.container !== 'multi-dose');
}

/** Whether the drug is known to come only in multi-dose containers (no waste to document). */
export function isKnownMultiDose(ndcs: readonly string[], reference: ReferenceData): boolean {
  const products = ndcs.map((n) => reference.productByNdc(ndc11(n)));
  return products.length > 0 && products.every((p) => p?.container === 'multi-dose');
}

interface Combo {
  counts: number[];
  waste: Decimal;
  containers: number;
  distinct: number;
}

function better(a: Combo, b: Combo | undefined): boolean {
  if (!b) return true;
  const w = a.waste.comparedTo(b.waste);
  if (w !== 0) return w < 0;
  if (a.containers !== b.containers) return a.containers < b.containers;
  return a.distinct < b.distinct;
}

/** Least waste, then fewest containers, then fewest distinct products (R-17 step 1). */
export function leastWaste(dose: Decimal, sizes: readonly Decimal[]): number[] | undefined {
  if (sizes.length === 0 || dose.lte(0) || sizes.some((s) => s.lte(0))) return undefined;
  let best: Combo | undefined;
  const counts = sizes.map(() => 0);
  const walk = (i: number, remaining: Decimal, total: Decimal) => {
    if (remaining.lte(0)) {
      const combo: Combo = {
        counts: [...counts],
        waste: total.minus(dose),
        containers: counts.reduce((s, c) => s + c, 0),
        distinct: counts.filter((c) => c > 0).length,
      };
      if (better(combo, best)) best = combo;
      return;
    }
    if (i >= sizes.length) return;
    const size = sizes[i] ?? new Decimal(1);
    const max = remaining.dividedBy(size).ceil().toNumber();
    for (let c = max; c >= 0; c--) {
      counts[i] = c;
      walk(i + 1, remaining.minus(size.times(c)), total.plus(size.times(c)));
    }
    counts[i] = 0;
  };
  walk(0, dose, new Decimal(0));
  return best?.counts;
}

export interface EstimateInput {
  ndcs: readonly string[];
  hcpcs: readonly string[];
  dose: DoseQuantity | undefined;
  reference: ReferenceData;
}

/** Dose in the products' unit: mass directly, mL through the product's concentration (R-04). */
function doseIn(dose: DoseQuantity, p: Presentation): Decimal | undefined {
  const v = new Decimal(dose.value);
  const unit = dose.unit === 'ml' ? 'mL' : dose.unit;
  if (unit === 'mL') {
    const c = p.concentrationPerMl;
    if (!c) return undefined;
    return convertAmount(v.times(c.value), c.unit, p.amount.unit);
  }
  return convertAmount(v, unit, p.amount.unit);
}

export function estimateWaste(input: EstimateInput): WasteEstimate | undefined {
  const presentations = wasteChoices(input.ndcs, input.hcpcs, input.reference);
  const choices = presentations.map((p) => ({ ndc11: p.ndc11, amount: p.amount }));
  const first = presentations[0];
  if (!first || !input.dose) return choices.length ? emptyEstimate(choices) : undefined;
  const unit = first.amount.unit;
  const sameUnit = presentations.filter((p) => p.amount.unit === unit && p.marketed);
  const dose = doseIn(input.dose, first);
  if (!dose) return emptyEstimate(choices);
  // One product per distinct size: prefer the drug's own NDC.
  const own = new Set(input.ndcs.map(ndc11));
  const bySize = new Map<string, Presentation>();
  for (const p of [...sameUnit].sort(
    (a, b) => Number(own.has(b.ndc11)) - Number(own.has(a.ndc11)),
  )) {
    const key = new Decimal(p.amount.value).toString();
    if (!bySize.has(key)) bySize.set(key, p);
  }
  const sized = [...bySize.values()].sort((a, b) =>
    new Decimal(b.amount.value).comparedTo(a.amount.value),
  );
  const sizes = sized.map((p) => new Decimal(p.amount.value));
  const counts = leastWaste(dose, sizes);
  if (!counts) return emptyEstimate(choices);
  const containers = sized
    .map((p, i) => ({ ndc: p.ndc11, count: counts[i] ?? 0 }))
    .filter((c) => c.count > 0);
  const labeled = sized.reduce(
    (s, p, i) => s.plus(new Decimal(p.amount.value).times(counts[i] ?? 0)),
    new Decimal(0),
  );
  return { containers, discarded: { value: labeled.minus(dose).toNumber(), unit }, choices };
}

function emptyEstimate(choices: WasteChoice[]): WasteEstimate {
  return {
    containers: [],
    discarded: { value: 0, unit: choices[0]?.amount.unit ?? 'mg' },
    choices,
  };
}

/** Labeled content of the containers the nurse lists, minus the dose (drug-wastage R-06 D = L − A). */
export function expectedDiscard(
  containers: readonly { ndc: string; count: number }[],
  dose: DoseQuantity | undefined,
  reference: ReferenceData,
): { value: number; unit: string } | undefined {
  if (!dose) return undefined;
  let total = new Decimal(0);
  let unit: string | undefined;
  let first: Presentation | undefined;
  for (const c of containers) {
    if (c.count <= 0) continue;
    const p = reference.productByNdc(ndc11(c.ndc));
    if (!p) return undefined;
    first ??= p;
    unit ??= p.amount.unit;
    const amount = convertAmount(new Decimal(p.amount.value), p.amount.unit, unit);
    if (!amount) return undefined;
    total = total.plus(amount.times(c.count));
  }
  if (!first || !unit) return undefined;
  const given = doseIn(dose, first);
  return given ? { value: total.minus(given).toNumber(), unit } : undefined;
}
