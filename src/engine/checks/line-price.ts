// Prices of administration lines (billing-rules PR-1–PR-4). Facility: the OPPS Addendum B payment rate
// for the CPT on the date of service; SI N is packaged (no separate payment). Professional: the
// practice fee schedule (code with one of the line's modifiers, else the code alone). Nothing
// found is 'not-configured': a price is never guessed. Exact cents with decimal.js. Pure.
import Decimal from 'decimal.js';
import { centsOf, centsText } from '../drug/scaled.ts';
import type { DerivedLine, LinePrice, ReferenceData, Setting } from '../types.ts';

/** SIs whose code is packaged into other services (OPPS Addendum D1: N). PR-2. */
const PACKAGED = new Set(['N']);

function cents(value: Decimal): string {
  return value.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).toFixed(2);
}

function priced(
  source: 'opps-addendum-b' | 'fee-schedule',
  rate: string,
  units: number,
  si?: string,
): LinePrice {
  // Scaled integers (drug/scaled.ts) when the rate and units fit; decimal.js otherwise.
  const one = centsOf(rate, 1);
  const all = centsOf(rate, units);
  if (one !== undefined && all !== undefined) {
    return {
      status: 'priced',
      source,
      perUnit: centsText(one),
      total: centsText(all),
      ...(si ? { si } : {}),
    };
  }
  const perUnit = new Decimal(rate);
  return {
    status: 'priced',
    source,
    perUnit: cents(perUnit),
    total: cents(perUnit.times(units)),
    ...(si ? { si } : {}),
  };
}

/** The price of one administration line in its setting (PR-1–PR-4). */
export function linePrice(
  line: Pick<DerivedLine, 'code' | 'units' | 'modifiers' | 'date'>,
  setting: Setting,
  reference: ReferenceData,
): LinePrice {
  // PR-3: professional prices come only from the practice fee schedule.
  if (setting === 'professional') {
    const fee = reference.practiceFee?.(line.code, line.modifiers);
    return fee === undefined
      ? { status: 'not-configured' }
      : priced('fee-schedule', fee, line.units);
  }
  // PR-1 facility rate; PR-2 SI N packaged; PR-4 not in the Addendum B: not configured.
  const si = reference.oppsStatusIndicator(line.code, line.date);
  if (si === undefined) return { status: 'not-configured' };
  if (PACKAGED.has(si)) return { status: 'packaged', si };
  const rate = reference.oppsPaymentRate?.(line.code, line.date);
  return rate === undefined
    ? { status: 'no-rate', si }
    : priced('opps-addendum-b', rate, line.units, si);
}

/** Administration lines with their price in the evidence (not in the report: contract §3). */
export function withPrices(
  lines: DerivedLine[],
  setting: Setting,
  reference: ReferenceData,
): DerivedLine[] {
  return lines.map((l) =>
    l.kind === 'administration'
      ? { ...l, evidence: { ...l.evidence, price: linePrice(l, setting, reference) } }
      : l,
  );
}
