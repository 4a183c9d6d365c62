// Q0/Q1 on the derived lines of a trial encounter: research-billing T-13–T-19, T-35, T-37
// (§10 steps 2–3). Sponsor-supplied drug lines are dropped (default) or made nominal.
import type { EncounterScope } from '../stage.ts';
import type { Administration, DerivedLine } from '../types.ts';
import { isInvestigational, isTrialRelated, type TrialStatus } from './trial-status.ts';

export function isTrialModifier(m: string): boolean {
  return m === 'Q0' || m === 'Q1';
}

function sourceAdmins(line: DerivedLine, scope: EncounterScope): Administration[] {
  return scope.administrations.filter((a) => line.sources.includes(a.ref));
}

/** The Q0/Q1 a derived line should carry, or undefined (T-18: unrelated line). */
export function expectedTrialModifier(
  line: DerivedLine,
  scope: EncounterScope,
  status: TrialStatus,
): 'Q0' | 'Q1' | undefined {
  if (status.kind !== 'trial') return undefined;
  const admins = sourceAdmins(line, scope);
  const related = admins.filter((a) => isTrialRelated(a, status));
  if (related.length === 0) return undefined;
  // T-15: administration lines are routine (Q1), even for the investigational drug.
  if (line.kind === 'administration') return 'Q1';
  // T-16/T-17: the billed investigational item takes Q0; T-35 nominal sponsor line too.
  if (related.some((a) => isInvestigational(a, status, line.code) || a.sponsorSupplied))
    return 'Q0';
  return 'Q1';
}

function isSponsorSuppliedDrugLine(line: DerivedLine, scope: EncounterScope): boolean {
  if (line.kind !== 'drug') return false;
  const admins = sourceAdmins(line, scope);
  return admins.length > 0 && admins.every((a) => a.sponsorSupplied);
}

/**
 * Apply T-35/T-37 and T-14–T-19 to the derived lines. A line that changes is a new object; one
 * that does not (no trial, no sponsor drug, no Q0/Q1 on it) is passed on as it is.
 */
export function applyTrialModifiers(
  lines: DerivedLine[],
  scope: EncounterScope,
  status: TrialStatus,
): DerivedLine[] {
  const mode = scope.context.config.trial.sponsorSuppliedDrugLine;
  const out: DerivedLine[] = [];
  const anySponsor = scope.administrations.some((a) => a.sponsorSupplied);
  for (const line of lines) {
    const sponsorLine = anySponsor && isSponsorSuppliedDrugLine(line, scope);
    if (sponsorLine && mode === 'omit') continue; // T-37: never billed
    const expected = expectedTrialModifier(line, scope, status);
    if (!sponsorLine && !expected && !line.modifiers.some(isTrialModifier)) {
      out.push(line);
      continue;
    }
    const base = line.modifiers.filter((m) => !isTrialModifier(m));
    const next: DerivedLine = {
      ...line,
      modifiers: expected ? [...base, expected] : base,
      sources: [...line.sources],
    };
    if (sponsorLine) {
      // T-35 "nominal": the drug line at $0.01 with Q0, even outside a linked study.
      next.modifiers = [...base, 'Q0'];
      next.amount = 0.01;
      next.evidence = {
        ...line.evidence,
        rules: [...new Set([...line.evidence.rules, 'T-35'])],
        reason: `${line.evidence.reason} Sponsor-supplied drug shown at a nominal charge.`,
      };
    } else if (expected) {
      next.evidence = {
        ...line.evidence,
        rules: [...new Set([...line.evidence.rules, expected === 'Q0' ? 'T-16' : 'T-14'])],
        reason: `${line.evidence.reason} ${expected === 'Q0' ? 'Study item itself (Q0).' : 'Routine care in the study (Q1).'}`,
      };
    }
    out.push(next);
  }
  return out;
}
