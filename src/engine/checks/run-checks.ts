// Coverage, authorization, clinical-trial and existing-claim checks (contract §2.4,
// research-billing §10–§11). Runs after the lines are derived; may add Q0/Q1 to them.
import type { EncounterScope, StageResult } from '../stage.ts';
import type { DerivedLine } from '../types.ts';
import { checkAuthorizations, recordUse, type AuthLedger } from './authorization.ts';
import { claimHeaderChecks, existingClaim } from './claim-header.ts';
import { compareClaimLines } from './claim-lines.ts';
import { checkCoverage } from './coverage.ts';
import { applyTrialModifiers } from './trial-lines.ts';
import { trialStatus } from './trial-status.ts';
import { trialEncounterWarnings } from './trial-warnings.ts';
import { mergeWarnings } from '../warnings/merge.ts';

export type { AuthLedger } from './authorization.ts';

/**
 * §10 order: trial decision → Q0/Q1 on the derived lines → coverage and authorization →
 * existing claim (lines, then header). The ledger gains this encounter's drug units.
 */
export function runEncounterChecks(
  scope: EncounterScope,
  lines: DerivedLine[],
  ledger: AuthLedger,
): StageResult {
  const status = trialStatus(scope);
  const out = applyTrialModifiers(lines, scope, status);
  const warnings = [
    ...trialEncounterWarnings(scope, status),
    ...checkCoverage(scope, out),
    ...checkAuthorizations(scope, out, ledger),
  ];
  const claim = existingClaim(scope);
  if (claim) {
    warnings.push(...compareClaimLines(scope, out, claim, status));
    warnings.push(...claimHeaderChecks(scope, claim, status, out));
  }
  recordUse(ledger, out, scope.dateOfService);
  return { lines: out, warnings: mergeWarnings(warnings) };
}
