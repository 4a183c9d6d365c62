// Administered amount, labeled content and NDC quantity in exact decimals (drug-wastage R-03,
// contract §2.3).
import type Decimal from 'decimal.js';
import type { Presentation } from '../../reference/types.ts';
import type { DecimalQuantity, ReferenceData } from '../types.ts';
import { gt, ONE, over, times, ZERO } from './exact.ts';
import { dec, isVolume, valueIn } from './quantity.ts';

/** Amount per 1 mL in `unit`, from an explicit concentration or the product's amount/volume. */
export function perMlIn(
  unit: string,
  concentration: DecimalQuantity | undefined,
  product: Presentation | undefined,
  ref: ReferenceData,
): Decimal | undefined {
  if (concentration) {
    const c = valueIn(concentration, unit, ref);
    if (c) return c;
  }
  if (product?.volumeMl && gt(dec(product.volumeMl), ZERO)) {
    const amount = valueIn(product.amount, unit, ref);
    if (amount) return over(amount, dec(product.volumeMl));
  }
  return undefined;
}

/** `q` in `unit`; a volume needs a concentration. */
export function amountIn(
  q: DecimalQuantity,
  unit: string,
  concentration: DecimalQuantity | undefined,
  product: Presentation | undefined,
  ref: ReferenceData,
): Decimal | undefined {
  const direct = valueIn(q, unit, ref);
  if (direct) return direct;
  if (isVolume(q.unit) && !isVolume(unit)) {
    const ml = valueIn(q, 'mL', ref);
    const per = perMlIn(unit, concentration, product, ref);
    if (ml && per) return times(ml, per);
  }
  return undefined;
}

/** Labeled content of one container of `ndc11` in `unit` (reference data, else `fallback`, the Medication.amount). */
export function labeledAmount(
  ndc11: string | undefined,
  unit: string,
  fallback: DecimalQuantity | undefined,
  concentration: DecimalQuantity | undefined,
  ref: ReferenceData,
): Decimal | undefined {
  const product = ndc11 ? ref.productByNdc(ndc11) : undefined;
  if (product && product.amount.unit) {
    const v = amountIn(product.amount, unit, concentration, product, ref);
    if (v && gt(v, ZERO)) return v;
  }
  if (fallback) return amountIn(fallback, unit, concentration, product, ref);
  return undefined;
}

/**
 * NDC quantity for an amount in `unit`: mL for liquids (pembrolizumab 144 mg at
 * 25 mg/mL → 5.76), else units of the package (fraction of one container).
 */
export function ndcQuantity(
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
      : (perMlIn(unit, product.concentrationPerMl, product, ref) ??
        perMlIn(unit, concentration, undefined, ref));
    if (per && gt(per, ZERO)) return { quantity: over(amount, per), unit: 'ML' };
    return undefined;
  }
  const each = amountIn(product.amount, unit, concentration, product, ref);
  if (each && gt(each, ZERO)) return { quantity: over(amount, each), unit: 'UN' };
  return undefined;
}
