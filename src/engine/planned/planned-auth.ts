// Prior authorization of a planned dose (billing-rules P-4, contract §2.4): the units planned plus
// the units already given in the authorization's period, against the units authorised; an
// authorization that ended before the planned date, or none when one is required, is critical.
import Decimal from 'decimal.js';
import { authName, authRequired, type AuthLedger } from '../checks/authorization.ts';
import { dateOnly, endedBefore, periodCovers } from '../checks/dates.ts';
import { amountFor, capitalise } from '../checks/money.ts';
import type { EncounterScope } from '../stage.ts';
import type { DerivedLine } from '../types.ts';
import { clip, dayMonth, dollars } from './plain-words.ts';
import type { PlannedDose, PlannedWarning } from './planned-types.ts';

const GRANTED = new Set(['complete', 'partial']);

export interface PlannedUse {
  hcpcs: string;
  name: string;
  /** Administered units (JW lines excluded). */
  units: number;
  lines: DerivedLine[];
  amount: number | undefined;
}

function atStakeText(amount: number | undefined): string {
  return amount !== undefined && amount > 0 ? ` (${dollars(amount)} at stake)` : '';
}

function withStake(w: PlannedWarning, amount: number | undefined): PlannedWarning {
  return amount !== undefined && Number.isFinite(amount) && amount > 0
    ? { ...w, amountAtStake: amount }
    : w;
}

/** Units used in the authorization's period by the ledger (given, then planned earlier). */
function usedInPeriod(
  ledger: AuthLedger,
  start: string | undefined,
  end: string | undefined,
  hcpcs: string,
): number {
  let n = 0;
  for (const e of ledger.entries)
    if (e.hcpcs === hcpcs && periodCovers(start, end, e.date)) n += e.units;
  return n;
}

export function plannedAuthorization(
  scope: EncounterScope,
  dose: PlannedDose,
  use: PlannedUse,
  ledger: AuthLedger,
): PlannedWarning[] {
  const date = scope.dateOfService;
  const name = capitalise(use.name);
  const sources = [dose.ref];
  const required = authRequired(scope, use.hcpcs);
  // P-5: authorizations that cannot be read are unknown, never "none needed".
  if (!scope.patient.readable.claims) {
    return [
      {
        code: 'AUTH_UNKNOWN',
        severity: required ? 'warning' : 'info',
        audience: 'clinician',
        summary: clip(`${name}: prior authorizations could not be read; check before the dose`),
        message: required
          ? `Prior authorizations could not be read; ${name} needs one. Check the authorization before the dose on ${date}.`
          : `Prior authorizations could not be read; check whether ${name} needs one before the dose on ${date}.`,
        nurseMessage: `Prior authorizations could not be read: check with the clinician before starting ${name}.`,
        sources,
      },
    ];
  }
  const forDrug = scope.patient.preAuthorizations.filter(
    (a) => a.hcpcs.includes(use.hcpcs) && GRANTED.has(a.outcome),
  );
  const current = forDrug
    .filter((a) => periodCovers(a.periodStart, a.periodEnd, date))
    .sort((a, b) => (a.periodStart ?? '').localeCompare(b.periodStart ?? ''))[0];
  if (!current) {
    if (!required) return [];
    const expired = forDrug
      .filter((a) => endedBefore(a.periodEnd, date))
      .sort((a, b) => (b.periodEnd ?? '').localeCompare(a.periodEnd ?? ''))[0];
    if (expired) {
      const end = dateOnly(expired.periodEnd) ?? '';
      const label = expired.preAuthRef ?? 'on file';
      return [
        withStake(
          {
            code: 'AUTH_EXPIRED',
            severity: 'error',
            audience: 'clinician',
            summary: clip(
              `${name}: prior authorization ${label} ended ${dayMonth(end)}${atStakeText(use.amount)}`,
            ),
            message: `${name} planned for ${date}: ${authName(expired)} ended on ${dayMonth(end, date)}, so the dose would not be covered${atStakeText(use.amount)}. Renew the authorization before the dose.`,
            nurseMessage: `Prior authorization ${label} ended on ${dayMonth(end, date)}: check with the clinician before starting.`,
            sources: [...sources, expired.ref],
          },
          use.amount,
        ),
      ];
    }
    return [
      withStake(
        {
          code: 'AUTH_MISSING',
          severity: 'error',
          audience: 'clinician',
          summary: clip(
            `${name} needs a prior authorization; none covers ${date}${atStakeText(use.amount)}`,
          ),
          message: `${name} planned for ${date} needs a prior authorization and none covers that date${atStakeText(use.amount)}. Obtain one before the dose.`,
          nurseMessage: `No prior authorization covers ${name} on ${dayMonth(date)}: check with the clinician before starting.`,
          sources,
        },
        use.amount,
      ),
    ];
  }
  const authorised = current.unitsByHcpcs[use.hcpcs];
  if (authorised === undefined || use.units <= 0) return [];
  const used = usedInPeriod(ledger, current.periodStart, current.periodEnd, use.hcpcs);
  const total = used + use.units;
  if (total <= authorised) return [];
  const excess = Math.min(total - authorised, use.units);
  const first = use.lines.find((l) => !l.modifiers.includes('JW')) ?? use.lines[0];
  const amount = first ? amountFor(first, excess, scope.context) : undefined;
  const remaining = Math.max(0, authorised - used);
  const w: PlannedWarning = {
    code: 'AUTH_UNITS_EXCEEDED',
    severity: 'error',
    audience: 'clinician',
    summary: clip(
      `${name}: ${total - authorised} units over prior authorization ${current.preAuthRef ?? ''}${atStakeText(amount)}`.replace(
        '  ',
        ' ',
      ),
    ),
    message: `${name} planned for ${date}: ${authName(current)} allows ${authorised} units from ${dateOnly(current.periodStart) ?? '…'} to ${dateOnly(current.periodEnd) ?? '…'}; ${used} are already used and this dose needs ${use.units}, ${total - authorised} over${atStakeText(amount)}. Ask the payer for more units or change the dose.`,
    nurseMessage: `This dose goes ${total - authorised} units over prior authorization ${current.preAuthRef ?? 'on file'}: check with the clinician before starting.`,
    sources: [...sources, current.ref],
  };
  if (remaining > 0 && dose.dose) {
    // P-6: the dose within the authorised units left, in the order's own unit (exact decimals).
    const fixed = new Decimal(dose.dose.value)
      .times(remaining)
      .div(use.units)
      .toDecimalPlaces(2, Decimal.ROUND_DOWN);
    w.suggestion = {
      label: `Change the dose to ${fixed.toString()} ${dose.dose.unit} (${remaining} units, what the authorization has left)`,
      dose: { value: fixed.toString(), unit: dose.dose.unit },
    };
  }
  return [withStake(w, amount)];
}
