// Who acts on a warning (issue #16 part 2; billing-rules P-8): the clinician sees coverage,
// authorization, trial status and dose against the order; everything else (modifiers, claim
// codes, containers, charting) is the coder's or the nurse's work.
import type { WarningCode } from '../warning-codes.ts';
import type { Audience } from './planned-types.ts';

const CLINICIAN: ReadonlySet<string> = new Set<WarningCode>([
  'NO_COVERAGE',
  'COVERAGE_NOT_ACTIVE',
  'AUTH_MISSING',
  'AUTH_EXPIRED',
  'AUTH_UNITS_EXCEEDED',
  'AUTH_UNKNOWN',
  'TRIAL_PLANNED',
  'TRIAL_RELATEDNESS_UNCONFIRMED',
  'TRIAL_ENROLLMENT_NOT_ACTIVE',
  'DOSE_DEVIATES_FROM_ORDER',
  'DOSE_ROUNDED_WITHIN_POLICY',
  'PLANNED_DOSE_UNKNOWN',
  'UNIT_CONVERSION_MISSING',
  // Raised only by the CDS service, on the order being signed (the data to decide not readable).
  'CDS_DATA_UNREADABLE',
]);

export function audienceOf(code: string): Audience {
  return CLINICIAN.has(code) ? 'clinician' : 'coder';
}
