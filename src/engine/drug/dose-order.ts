// Dose versus order (drug-wastage R-21): administered vs the MedicationRequest dose; within the
// threshold (default 10%) → DOSE_ROUNDED_WITHIN_POLICY (info), above → DOSE_DEVIATES_FROM_ORDER.
import type Decimal from 'decimal.js';
import type { EncounterScope } from '../stage.ts';
import type { Warning } from '../types.ts';
import { amountIn } from './amounts.ts';
import { ZERO } from './exact.ts';
import { show, warn } from './line-parts.ts';
import type { GroupAdministration } from './prepare.ts';
import type { ResolvedDrug } from './resolve.ts';

/** Appends the dose-versus-order warning, if any, to `warnings`. */
export function doseVersusOrder(
  a: GroupAdministration,
  drug: ResolvedDrug,
  unit: string,
  dose: Decimal,
  sources: string[],
  scope: EncounterScope,
  warnings: Warning[],
): void {
  if (!a.orderedDose) return;
  const ex = scope.context.memo.exact;
  const ordered = amountIn(
    ex,
    a.orderedDose,
    unit,
    drug.concentrationPerMl,
    drug.product,
    scope.context.reference,
  );
  if (!ordered || ex.lte(ordered, ZERO) || ex.eq(ordered, dose)) return;
  const percent = dose.minus(ordered).abs().div(ordered).mul(100);
  const threshold = scope.context.config.rules.doseDeviationPercent;
  const text = `${drug.displayName}: ${show(ex, dose, unit)} given, ${show(ex, ordered, unit)} ordered (${percent.toDecimalPlaces(1).toString()}% apart)`;
  if (percent.lte(threshold)) {
    warnings.push(
      warn(
        'DOSE_ROUNDED_WITHIN_POLICY',
        'info',
        `${text}, within the ${threshold}% rounding policy. Billing follows the dose given.`,
        sources,
      ),
    );
    return;
  }
  warnings.push(
    warn(
      'DOSE_DEVIATES_FROM_ORDER',
      'warning',
      `${text}, more than ${threshold}%. Check the order or the record.`,
      sources,
    ),
  );
}
