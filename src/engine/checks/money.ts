// Dollars at stake for a warning: units × the Medicare payment limit for the date of service,
// where the payment data knows it (contract §3).
import type { EngineContext, ReportLine, Warning } from '../types.ts';

export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

/** USD per billing unit: from the line's own amount, else the payment limit for the code. */
export function unitPrice(
  line: Pick<ReportLine, 'code' | 'units' | 'amount' | 'date'>,
  ctx: EngineContext,
): number | undefined {
  if (line.amount !== undefined && line.units > 0) return line.amount / line.units;
  const limit = ctx.reference.paymentLimit(line.code, line.date);
  if (limit === undefined) return undefined;
  const n = Number(limit);
  return Number.isFinite(n) ? n : undefined;
}

/** Amount for `units` units of the line's code, or undefined when the price is unknown. */
export function amountFor(
  line: Pick<ReportLine, 'code' | 'units' | 'amount' | 'date'>,
  units: number,
  ctx: EngineContext,
): number | undefined {
  const price = unitPrice(line, ctx);
  return price === undefined ? undefined : round2(price * units);
}

/** Sum of the known amounts; undefined when none is known. */
export function sumAmounts(amounts: (number | undefined)[]): number | undefined {
  const known = amounts.filter((a): a is number => a !== undefined);
  return known.length ? round2(known.reduce((s, a) => s + a, 0)) : undefined;
}

/** Only attach amountAtStake when it is known, finite and positive. */
export function withAmount(w: Warning, amount: number | undefined): Warning {
  return amount !== undefined && Number.isFinite(amount) && amount > 0
    ? { ...w, amountAtStake: amount }
    : w;
}

/** A name at the start of a sentence: first letter upper case ("pembrolizumab" → "Pembrolizumab"). */
export function capitalise(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}
