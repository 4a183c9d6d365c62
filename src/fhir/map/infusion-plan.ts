// An infusion's plan from its order (issue 17 §2 and §5): the bag's volume over the ordered rate.
// Volume: dispenseRequest.quantity, or a dose in mL; rate: dosageInstruction.doseAndRate
// .rateQuantity in mL/h, mL/min or L/h. Exact decimals. A fact the order does not give is "not
// known" with the reason, never a usual rate or bag size.
import Decimal from 'decimal.js';
import type { MedicationRequest, Quantity } from 'fhir/r4';

/** mL per hour from a rate quantity in mL/h, mL/min or L/h; null for any other unit. */
export function mlPerHour(q: Quantity | undefined): Decimal | null {
  if (q?.value === undefined) return null;
  const unit = (q.code ?? q.unit ?? '').trim();
  const v = new Decimal(q.value);
  if (/^mL\/h(r|our)?$/i.test(unit)) return v;
  if (/^mL\/min$/i.test(unit)) return v.times(60);
  if (/^L\/h(r|our)?$/i.test(unit)) return v.times(1000);
  return null;
}

/** mL from a volume quantity in mL or L; null for any other unit. */
export function milliliters(q: Quantity | undefined): Decimal | null {
  if (q?.value === undefined) return null;
  const unit = (q.code ?? q.unit ?? '').trim();
  if (/^mL$/i.test(unit)) return new Decimal(q.value);
  if (/^L$/.test(unit)) return new Decimal(q.value).times(1000);
  return null;
}

export type InfusionPlan =
  | {
      known: true;
      /** The ordered rate in mL per hour (above zero). */
      rateMlPerHour: Decimal;
      /** The bag's volume in mL (above zero). */
      volumeMl: Decimal;
      /** Planned running time in minutes, exact (may have a fraction). */
      minutes: Decimal;
    }
  | {
      known: false;
      /** The rate when the order gives one in a volume per time (shown without a plan). */
      rateMlPerHour: Decimal | null;
      /** Why the planned end is not known: "not known: the order gives no rate". */
      reason: string;
    };

/** The plan of an infusion from its order; never guessed. */
export function infusionPlan(order: MedicationRequest | undefined): InfusionPlan {
  const no = (reason: string, rate: Decimal | null = null): InfusionPlan => ({
    known: false,
    rateMlPerHour: rate,
    reason: `not known: ${reason}`,
  });
  if (!order) return no('no order linked');
  const dosage = order.dosageInstruction?.[0];
  const rateQ = dosage?.doseAndRate?.find((d) => d.rateQuantity)?.rateQuantity;
  const doseQ = dosage?.doseAndRate?.find((d) => d.doseQuantity)?.doseQuantity;
  const volume = milliliters(order.dispenseRequest?.quantity) ?? milliliters(doseQ);
  const rate = mlPerHour(rateQ);
  if (!rateQ) return no('the order gives no rate');
  if (!rate) return no('the order’s rate unit is not a volume per time');
  if (rate.lte(0)) return no('the order’s rate is not above zero');
  if (!volume) return no('the order gives no volume', rate);
  if (volume.lte(0)) return no('the order’s volume is not above zero', rate);
  return {
    known: true,
    rateMlPerHour: rate,
    volumeMl: volume,
    minutes: volume.times(60).dividedBy(rate),
  };
}
