// Encounter-level study warnings that need no claim (research-billing §11):
// TRIAL_RELATEDNESS_UNCONFIRMED (T-04, T-10), TRIAL_ENROLLMENT_NOT_ACTIVE (T-11),
// TRIAL_STUDY_NCT_UNKNOWN (T-26).
import type { EncounterScope } from '../stage.ts';
import type { Warning } from '../types.ts';
import { findStudy, studyLabel, type TrialStatus } from './trial-status.ts';

export function trialEncounterWarnings(scope: EncounterScope, status: TrialStatus): Warning[] {
  const out: Warning[] = [];
  const dos = scope.dateOfService;
  if (status.kind === 'enrolled-unlinked') {
    const subject = status.activeSubjects[0];
    const study = subject ? findStudy(scope, subject.study) : undefined;
    const nonQualifying = status.nonQualifying.length > 0;
    out.push({
      code: 'TRIAL_RELATEDNESS_UNCONFIRMED',
      severity: 'info',
      message: nonQualifying
        ? `Patient is enrolled in study ${studyLabel(status.nonQualifying[0])}, which is set as not qualifying for study billing. Confirm before billing without study coding.`
        : `Patient is enrolled in study ${studyLabel(study)}; nothing today is marked as part of the study. Confirm before billing without study coding.`,
      sources: status.activeSubjects.map((s) => s.ref),
    });
  }
  if (status.inactiveLinks.length > 0) {
    const first = status.inactiveLinks[0];
    const study = first ? findStudy(scope, first.study) : undefined;
    const state = first?.subject
      ? first.subject.status === 'on-study' || first.subject.status === 'on-study-intervention'
        ? `outside its dates (${first.subject.periodStart?.slice(0, 10) ?? '…'} to ${first.subject.periodEnd?.slice(0, 10) ?? '…'})`
        : first.subject.status
      : 'not on file';
    out.push({
      code: 'TRIAL_ENROLLMENT_NOT_ACTIVE',
      severity: 'warning',
      message: `Recorded as part of study ${studyLabel(study)}, but the study enrollment is ${state} on ${dos}. Check before billing.`,
      sources: [
        ...status.inactiveLinks.flatMap((l) => l.sources),
        ...status.inactiveLinks.flatMap((l) => (l.subject ? [l.subject.ref] : [])),
      ],
    });
  }
  if (status.kind === 'trial' && scope.context.config.trial.requireNct) {
    const missing = status.studies.filter((s) => !s.nctDigits);
    if (missing.length > 0) {
      out.push({
        code: 'TRIAL_STUDY_NCT_UNKNOWN',
        severity: 'warning',
        message: 'The study record has no ClinicalTrials.gov number; the claim needs one.',
        sources: missing.map((s) => s.ref),
      });
    }
  }
  return out;
}
