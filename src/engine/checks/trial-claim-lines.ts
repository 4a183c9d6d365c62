// Q0/Q1 on the claim's lines of a trial encounter (research-billing T-13–T-19, §11):
// TRIAL_MODIFIER_MISSING, TRIAL_MODIFIER_MISMATCH, TRIAL_MODIFIER_UNEXPECTED.
import type { EncounterScope } from '../stage.ts';
import type { ClaimInfo, Warning } from '../types.ts';
import { describe, type Entry } from './claim-entries.ts';
import { capitalise, withAmount } from './money.ts';
import { findStudy, studyLabel, type TrialStatus } from './trial-status.ts';

function studyName(scope: EncounterScope, status: TrialStatus): string {
  const first = [...status.studyRefs][0];
  return studyLabel(first ? findStudy(scope, first) : undefined);
}

function what(e: Pick<Entry, 'code' | 'drugName'>): string {
  return e.drugName ? capitalise(e.drugName) : e.code;
}

/**
 * Compare the expected trial modifier (carried by the derived entry `d`, or `expected` for
 * lines the engine does not derive) with the claim entry `k`.
 */
export function trialLineWarning(
  d: Pick<Entry, 'code' | 'trial' | 'sources' | 'amount' | 'drugName' | 'kind'>,
  k: Entry,
  scope: EncounterScope,
  status: TrialStatus,
  claim: ClaimInfo,
): Warning | undefined {
  if (status.kind !== 'trial') return undefined;
  const expected = d.trial[0] as 'Q0' | 'Q1' | undefined;
  const actual = k.trial;
  const sources = [...d.sources, claim.ref];
  const study = studyName(scope, status);
  if (actual.length > 1) {
    return withAmount(
      {
        code: 'TRIAL_MODIFIER_MISMATCH',
        severity: 'error',
        message: `${describe(k)} carries both Q0 and Q1; use ${expected ?? 'neither'} only.`,
        sources,
      },
      d.amount,
    );
  }
  const got = actual[0];
  if (expected && !got) {
    return withAmount(
      {
        code: 'TRIAL_MODIFIER_MISSING',
        severity: 'error',
        message:
          expected === 'Q1'
            ? `This visit is part of study ${study} — ${k.code} needs Q1 (routine care in the study).`
            : `This visit is part of study ${study} — ${k.code} needs Q0 (the study item itself).`,
        sources,
      },
      d.amount,
    );
  }
  if (expected && got && got !== expected) {
    return withAmount(
      {
        code: 'TRIAL_MODIFIER_MISMATCH',
        severity: 'error',
        message:
          expected === 'Q1'
            ? `${k.code} is routine care in the study: use Q1, not Q0.`
            : `${what(d)} is the study item being tested: use Q0, not Q1.`,
        sources,
      },
      d.amount,
    );
  }
  if (!expected && got) {
    return {
      code: 'TRIAL_MODIFIER_UNEXPECTED',
      severity: 'warning',
      message: `${k.code} is not marked as part of the study — remove ${got} unless the protocol requires it.`,
      sources,
    };
  }
  return undefined;
}
