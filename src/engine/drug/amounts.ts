// Administered amount, labeled content and NDC quantity in exact decimals (drug-wastage R-03,
// contract §2.3).
import type Decimal from 'decimal.js';
import type { Presentation } from '../../reference/types.ts';
import type { DecimalQuantity, ReferenceData } from '../types.ts';
import { ONE, ZERO, type Exact } from './exact.ts';
import { isVolume, valueIn } from './quantity.ts';

/** Amount per 1 mL in `unit`, from an explicit concentration or the product's amount/volume. */
export function perMlIn(
  x: Exact,
  unit: string,
  concentration: DecimalQuantity | undefined,
  product: Presentation | undefined,
  ref: ReferenceData,
): Decimal | undefined {
  if (concentration) {
    const c = valueIn(x, concentration, unit, ref);
    if (c) return c;
  }
  if (product?.volumeMl && x.gt(x.dec(product.volumeMl), ZERO)) {
    const amount = valueIn(x, product.amount, unit, ref);
    if (amount) return x.over(amount, x.dec(product.volumeMl));
  }
  return undefined;
}

/** `q` in `unit`; a volume needs a concentration. */
export function amountIn(
  x: Exact,
  q: DecimalQuantity,
  unit: string,
  concentration: DecimalQuantity | undefined,
  product: Presentation | undefined,
  ref: ReferenceData,
): Decimal | undefined {
  const direct = valueIn(x, q, unit, ref);
  if (direct) return direct;
  if (isVolume(q.unit) && !isVolume(unit)) {
    const ml = valueIn(x, q, 'mL', ref);
    const per = perMlIn(x, unit, concentration, product, ref);
    if (ml && per) return x.times(ml, per);
  }
  return undefined;
}

/** Labeled content of one container of `ndc11` in `unit` (reference data, else `fallback`, the Medication.amount). */
export function labeledAmount(
  x: Exact,
  ndc11: string | undefined,
  unit: string,
  fallback: DecimalQuantity | undefined,
  concentration: DecimalQuantity | undefined,
  ref: ReferenceData,
): Decimal | undefined {
  const product = ndc11 ? ref.productByNdc(ndc11) : undefined;
  if (product && product.amount.unit) {
    const v = amountIn(x, product.amount, unit, concentration, product, ref);
    if (v && x.gt(v, ZERO)) return v;
  }
  if (fallback) return amountIn(x, fallback, unit, concentration, product, ref);
  return undefined;
}

/**
 * NDC quantity for an amount in `unit`: mL for liquids (pembrolizumab 144 mg at
 * 25 mg/mL → 5.76), else units of the package (fraction of one container).
 */
export function ndcQuantity(
  x: Exact,
  amount: Decimal,
  unit: string,
  product: Presentation | undefined,
  concentration: DecimalQuantity | undefined,
  ref: ReferenceData,
): { quantity: Decimal; unit: 'ML' | 'UN' } | undefined {
  if (!product) return undefined;
  if (product.ndcUnit === 'ML') {
    // The NDC's own strength first (a bag's diluted strength is not the vial's), then the Medication's.
    const per = isVolume(unit)
      ? ONE
      : (perMlIn(x, unit, product.concentrationPerMl, product, ref) ??
        perMlIn(x, unit, concentration, undefined, ref));
    if (per && x.gt(per, ZERO)) return { quantity: x.over(amount, per), unit: 'ML' };
    return undefined;
  }
  const each = amountIn(x, product.amount, unit, concentration, product, ref);
  if (each && x.gt(each, ZERO)) return { quantity: x.over(amount, each), unit: 'UN' };
  return undefined;
}
