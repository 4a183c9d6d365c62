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
import { unique } from '../unique.ts';

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
  return { lines: out, warnings: mergeByCode(warnings) };
}

/** One warning per code per encounter (research-billing §11); sources and amounts merged. */
function mergeByCode(warnings: StageResult['warnings']): StageResult['warnings'] {
  type W = StageResult['warnings'][number];
  const out = new Map<string, W>();
  // A warning met once is passed on as it is (a copy only if its sources repeat); one met again
  // is copied before it is merged into (the input warnings are never changed).
  const copied = new Set<W>();
  for (const w of warnings) {
    const seen = out.get(w.code);
    if (!seen) {
      out.set(w.code, w);
      continue;
    }
    let prev = seen;
    if (!copied.has(seen)) {
      prev = { ...seen, sources: unique(seen.sources) };
      copied.add(prev);
      out.set(w.code, prev);
    }
    for (const s of w.sources) if (!prev.sources.includes(s)) prev.sources.push(s);
    if (w.amountAtStake !== undefined) {
      prev.amountAtStake = Math.round(((prev.amountAtStake ?? 0) + w.amountAtStake) * 100) / 100;
    }
    if (prev.severity !== 'error' && w.severity === 'error') prev.severity = 'error';
    if (!prev.message.includes(w.message)) prev.message = `${prev.message} ${w.message}`;
  }
  const result: W[] = [];
  for (const w of out.values()) {
    const repeats = !copied.has(w) && w.sources.some((s, i) => w.sources.indexOf(s) !== i);
    result.push(repeats ? { ...w, sources: unique(w.sources) } : w);
  }
  return result;
}
