// Building blocks of a drug line: JZ dates, 340B, payment amount, NDC,
// payability, warnings.
import Decimal from 'decimal.js';
import type { EncounterScope } from '../stage.ts';
import type { Presentation } from '../../reference/types.ts';
import type { DecimalQuantity, NdcQuantity, RuleSettings, Severity, Warning } from '../types.ts';
import type { WarningCode } from '../warning-codes.ts';
import { ndcQuantity } from './amounts.ts';
import { ZERO, type Exact } from './exact.ts';
import { toNumber } from './quantity.ts';
import { centsOf } from './scaled.ts';

/** no JZ before 2023-01-01; optional (config) until 2023-06-30; payer may not require it. */
export function jzApplies(dos: string, rules: RuleSettings): boolean {
  if (!rules.requiresJZ || dos < '2023-01-01') return false;
  if (dos < '2023-07-01') return rules.jzOptionalPeriodEmit;
  return true;
}

/** facility lines are separately payable only with OPPS SI G or K (unknown SI: assume so). */
export function separatelyPayable(
  scope: EncounterScope,
  hcpcs: string,
): { payable: boolean; si?: string } {
  if (scope.setting !== 'facility') return { payable: true };
  const si = scope.context.reference.oppsStatusIndicator(hcpcs, scope.dateOfService);
  if (!si) return { payable: true };
  return { payable: si === 'G' || si === 'K', si };
}

/**
 * Units × Medicare payment limit for the date of service, in dollars rounded half up to the cent
 * (only when the file covers it). Scaled integers (scaled.ts): the limit's digits × units, exact;
 * decimal.js only for a limit or unit count they cannot hold.
 */
export function paymentAmount(
  scope: EncounterScope,
  hcpcs: string,
  units: number,
): number | undefined {
  const limit = scope.context.reference.paymentLimit(hcpcs, scope.dateOfService);
  if (limit === undefined) return undefined;
  const cents = units > 0 ? centsOf(limit, units) : undefined;
  // Whole cents over 100: the double nearest the exact amount, as decimal.js's toNumber() gives.
  return cents === undefined ? limitTimes(limit, units) : cents / 100;
}

function limitTimes(limit: string, units: number): number | undefined {
  const amount = toNumber(new Decimal(limit).mul(units), 2);
  // Absurd unit counts (a dose of 1e308 mg) give no dollar amount rather than Infinity.
  return Number.isFinite(amount) ? amount : undefined;
}

/** 340B modifier on separately payable drug lines. */
export function with340b(scope: EncounterScope, modifiers: string[]): string[] {
  const m = scope.context.config.entity340b;
  return m ? [...modifiers, m] : modifiers;
}

export function ndcFor(
  ndc11: string | undefined,
  amount: Decimal,
  unit: string,
  product: Presentation | undefined,
  concentration: DecimalQuantity | undefined,
  scope: EncounterScope,
): NdcQuantity | undefined {
  if (!ndc11) return undefined;
  const x = scope.context.memo.exact;
  const q = ndcQuantity(x, amount, unit, product, concentration, scope.context.reference);
  if (!q) return undefined;
  // A positive amount never reads as 0 on the claim: the smallest reportable is 0.001.
  const rounded = x.rounded3(q.quantity);
  const quantity = rounded === 0 && x.gt(q.quantity, ZERO) ? 0.001 : rounded;
  return { code: ndc11, quantity, unit: q.unit };
}

export function warn(
  code: WarningCode,
  severity: Severity,
  message: string,
  sources: string[],
): Warning {
  return { code, severity, message, sources };
}

/** A decimal amount for people: '144 mg' (the run's exact arithmetic keeps each text once). */
export function show(x: Exact, d: Decimal, unit: string): string {
  return x.shownWithUnit(d, unit);
}
