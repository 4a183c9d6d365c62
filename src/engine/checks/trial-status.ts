// Is this encounter part of a clinical trial? research-billing §1 (T-04, T-06–T-11) and §10 step 1.
import type { EncounterScope } from '../stage.ts';
import type { Administration, ResearchStudyInfo, ResearchSubjectInfo } from '../types.ts';
import { periodCovers } from './dates.ts';

export type TrialKind =
  /** Research data could not be read: unknown, never "not on a study" (§10 step 6). */
  | 'unknown'
  /** T-08: enrollment active and something linked. */
  | 'trial'
  /** T-10 (or T-04 non-qualifying study): enrolled, nothing linked. */
  | 'enrolled-unlinked'
  /** T-11: linked, enrollment not active. */
  | 'linked-inactive'
  | 'none';

export interface TrialStatus {
  kind: TrialKind;
  /** Active, qualifying studies the encounter is linked to (trial encounters). */
  studies: ResearchStudyInfo[];
  /** Study refs of those studies, for line relatedness. */
  studyRefs: Set<string>;
  /** Active enrollments on the DOS (any study). */
  activeSubjects: ResearchSubjectInfo[];
  /** Links whose enrollment is not active (T-11). */
  inactiveLinks: { study: string; sources: string[]; subject?: ResearchSubjectInfo }[];
  /** Enrolled in a study the site marked non-qualifying (T-04). */
  nonQualifying: ResearchStudyInfo[];
  /** The Encounter itself is linked to an active study (T-07: E/M is trial-related). */
  encounterLinked: boolean;
}

export function findStudy(scope: EncounterScope, ref: string): ResearchStudyInfo | undefined {
  return scope.patient.researchStudies.find((s) => s.ref === ref);
}

export function studyLabel(study: ResearchStudyInfo | undefined): string {
  if (study?.nctDigits) return `NCT${study.nctDigits}`;
  return study?.title ?? 'the study';
}

function qualifying(scope: EncounterScope, studyRef: string): boolean {
  const digits = findStudy(scope, studyRef)?.nctDigits;
  if (!digits) return true;
  const cfg =
    scope.context.config.trial.studies[`NCT${digits}`] ??
    scope.context.config.trial.studies[digits];
  return cfg?.qualifying !== false;
}

/** Study links of the encounter: administrations (workflow-researchStudy) and the Encounter. */
function links(scope: EncounterScope): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const add = (study: string, source: string): void => {
    const list = out.get(study) ?? [];
    if (!list.includes(source)) list.push(source);
    out.set(study, list);
  };
  for (const a of scope.administrations) if (a.researchStudy) add(a.researchStudy, a.ref);
  const enc = scope.patient.encounters.find((e) => e.ref === scope.encounter);
  if (enc?.researchStudy) add(enc.researchStudy, enc.ref);
  return out;
}

export function trialStatus(scope: EncounterScope): TrialStatus {
  const status: TrialStatus = {
    kind: 'none',
    studies: [],
    studyRefs: new Set(),
    activeSubjects: [],
    inactiveLinks: [],
    nonQualifying: [],
    encounterLinked: false,
  };
  if (!scope.patient.readable.research) return { ...status, kind: 'unknown' };
  const dos = scope.dateOfService;
  const activeStatuses = scope.context.config.trial.activeStatuses;
  const subjects = scope.patient.researchSubjects.filter(
    (s) => s.individual === scope.patient.patient,
  );
  status.activeSubjects = subjects.filter(
    (s) => activeStatuses.includes(s.status) && periodCovers(s.periodStart, s.periodEnd, dos),
  );
  const activeStudies = new Set(status.activeSubjects.map((s) => s.study));
  const enc = scope.patient.encounters.find((e) => e.ref === scope.encounter);
  for (const [study, sources] of links(scope)) {
    if (!activeStudies.has(study)) {
      status.inactiveLinks.push({
        study,
        sources,
        subject: subjects.find((s) => s.study === study),
      });
      continue;
    }
    if (!qualifying(scope, study)) continue;
    status.studyRefs.add(study);
    const info = findStudy(scope, study);
    status.studies.push(info ?? { ref: study, focus: { ndc: [], hcpcs: [], rxnorm: [] } });
    if (enc?.researchStudy === study) status.encounterLinked = true;
  }
  for (const s of status.activeSubjects) {
    if (!qualifying(scope, s.study)) {
      const info = findStudy(scope, s.study);
      if (info && !status.nonQualifying.includes(info)) status.nonQualifying.push(info);
    }
  }
  if (status.studyRefs.size > 0) status.kind = 'trial';
  else if (status.inactiveLinks.length > 0) status.kind = 'linked-inactive';
  else if (status.activeSubjects.length > 0) status.kind = 'enrolled-unlinked';
  return status;
}

/** T-07/T-09: the administration is linked to an active qualifying study. */
export function isTrialRelated(a: Administration, status: TrialStatus): boolean {
  return a.researchStudy !== undefined && status.studyRefs.has(a.researchStudy);
}

function overlaps(x: string[], y: string[]): boolean {
  return x.some((v) => y.includes(v));
}

/**
 * T-17: trial-item-role, else ResearchStudy.focus, else routine. `billedHcpcs` is the HCPCS of
 * the drug line: a drug recorded by NDC only matches a HCPCS focus through the code it bills.
 */
export function isInvestigational(
  a: Administration,
  status: TrialStatus,
  billedHcpcs?: string,
): boolean {
  if (a.trialItemRole) return a.trialItemRole === 'investigational';
  const study = status.studies.find((s) => s.ref === a.researchStudy);
  if (!study) return false;
  const f = study.focus;
  const d = a.drug;
  const billed = billedHcpcs === undefined ? [] : [billedHcpcs.toUpperCase()];
  return (
    overlaps(f.hcpcs, d.hcpcs) ||
    overlaps(f.hcpcs, billed) ||
    overlaps(f.ndc, d.ndc) ||
    overlaps(f.rxnorm, d.rxnorm)
  );
}
