// One row of a day's worklist (coder queue, charge-nurse board): a visit's status, lines, warnings
// and money, from the same engine result the single-visit review shows. Pure.
import type { EncounterReport, Severity } from '../types.ts';
import type { WarningCode } from '../warning-codes.ts';
import { PracticeFiguresBuilder } from './figures.ts';

/**
 * needs-nurse: a stop time or other nurse documentation is missing (the coder cannot finish);
 * ready-to-review: documentation complete, not signed; signed: a sign-off is on record.
 */
export type VisitStatus = 'needs-nurse' | 'ready-to-review' | 'signed';

export interface VisitSummary {
  patient: string;
  encounter: string | null;
  dateOfService: string;
  status: VisitStatus;
  lines: number;
  warnings: Record<Severity, number>;
  /** USD of all lines whose payment is known. */
  total: number;
  /** USD of lines sharing an administration with an error or warning, plus the warnings' own amounts at stake. */
  atRisk: number;
  /** What the nurse still has to document, in warning codes (for the board and the queue). */
  nurseNeeds: string[];
}

/** Warnings only the nurse at the chair can clear (times, waste, containers). */
export const NURSE_DOCUMENTATION: ReadonlySet<string> = new Set<WarningCode>([
  'MISSING_STOP_TIME',
  'HYDRATION_NO_STOP_TIME',
  'NOT_COMPLETED_EXCLUDED',
  'WASTE_NOT_DOCUMENTED',
  'VIALS_NOT_DOCUMENTED',
  'ROUTE_UNKNOWN',
]);

export function summarizeVisit(
  e: EncounterReport & { warnings: readonly { amountAtStake?: number }[] },
  signed: boolean,
): VisitSummary {
  const one = new PracticeFiguresBuilder('day');
  one.add(e);
  const t = one.result().totals;
  const warnings: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  const nurseNeeds: string[] = [];
  let stake = 0;
  for (const w of e.warnings) {
    warnings[w.severity]++;
    if (NURSE_DOCUMENTATION.has(w.code) && !nurseNeeds.includes(w.code)) nurseNeeds.push(w.code);
    if (w.severity !== 'info' && w.amountAtStake !== undefined)
      stake += Math.round(w.amountAtStake * 100);
  }
  const status: VisitStatus = signed
    ? 'signed'
    : nurseNeeds.length > 0
      ? 'needs-nurse'
      : 'ready-to-review';
  return {
    patient: e.patient,
    encounter: e.encounter,
    dateOfService: e.dateOfService,
    status,
    lines: e.lines.length,
    warnings,
    total: t.amountTotal,
    atRisk: Math.max(t.amountAtRisk, (Math.round(t.amountAtRisk * 100) + stake) / 100),
    nurseNeeds,
  };
}

const STATUS_ORDER: Record<VisitStatus, number> = {
  'needs-nurse': 1,
  'ready-to-review': 0,
  signed: 2,
};

/** Worklist order: unsigned before signed, then most money at risk, then errors, then date. */
export function worklistOrder(a: VisitSummary, b: VisitSummary): number {
  return (
    (a.status === 'signed' ? 1 : 0) - (b.status === 'signed' ? 1 : 0) ||
    b.atRisk - a.atRisk ||
    b.warnings.error - a.warnings.error ||
    STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
    (a.dateOfService < b.dateOfService ? -1 : a.dateOfService > b.dateOfService ? 1 : 0) ||
    ((a.encounter ?? '') < (b.encounter ?? '') ? -1 : 1)
  );
}
