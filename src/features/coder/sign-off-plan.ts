// What a sign-off would write: the draft Claim built from the billed lines and the header facts
// of the billing picture. Pure; the view shows the facts before the coder signs.
import type { Claim, FhirResource } from 'fhir/r4';
import type { EncounterResult } from '../../engine/index.ts';
import { buildDraftClaim, type SignedLine } from '../../fhir/write/claim-builder.ts';
import { claimContextFrom, type ClaimContext } from '../../fhir/write/claim-context.ts';
import type { ExistingClaim } from '../../fhir/write/claim-existing.ts';
import { mergeOntoDraft } from '../../fhir/write/claim-merge.ts';
import { updatesDraft } from '../../fhir/write/claim-sign-off.ts';

/** Warnings whose presence means the engine treats the visit as study care. */
const TRIAL_WARNINGS = new Set([
  'TRIAL_MODIFIER_MISSING',
  'TRIAL_MODIFIER_MISMATCH',
  'TRIAL_DIAGNOSIS_MISSING',
  'TRIAL_NCT_MISSING',
  'TRIAL_NCT_INVALID',
  'TRIAL_CONDITION_CODE_MISSING',
  'TRIAL_STUDY_NCT_UNKNOWN',
]);

export interface SignOffPlan {
  patient: string;
  encounter: string | null;
  dateOfService: string;
  claim: Claim;
  lines: SignedLine[];
  sources: string[];
  context: ClaimContext;
  trial: boolean;
  /** Facts the claim lacks, in plain words (shown, not blocking). */
  gaps: string[];
}

export function isTrialVisit(result: EncounterResult, lines: readonly SignedLine[]): boolean {
  return (
    lines.some((l) => l.modifiers.includes('Q0') || l.modifiers.includes('Q1')) ||
    result.warnings.some((w) => TRIAL_WARNINGS.has(w.code))
  );
}

export function planSignOff(args: {
  result: EncounterResult;
  lines: SignedLine[];
  resources: readonly FhirResource[];
  existing: ExistingClaim | undefined;
  author: string | undefined;
  created: string;
  /** false when Claims could not be read (scopes, server): an existing draft cannot be found. */
  claimsReadable?: boolean;
}): SignOffPlan {
  const { result, lines, existing } = args;
  const context = claimContextFrom(args.resources, {
    patient: result.patient,
    encounter: result.encounter,
    dateOfService: result.dateOfService,
    codes: lines.map((l) => l.code),
    ...(existing ? { existing } : {}),
  });
  const trial = isTrialVisit(result, lines);
  const nct = context.study?.nctDigits;
  const gaps: string[] = [];
  if (!context.coverage) gaps.push('No active coverage was found for the date of service.');
  if (!context.provider) gaps.push('No billing provider is on file; you are named instead.');
  if (context.diagnoses.length === 0) gaps.push('No diagnosis was found for this visit.');
  if (trial && !nct) gaps.push("The study's ClinicalTrials.gov number is not known.");
  if (args.claimsReadable === false) {
    gaps.push(
      'Claims could not be read, so a claim already drafted for this visit cannot be found: signing off saves a new draft.',
    );
  }
  const built = buildDraftClaim({
    patient: result.patient,
    encounter: result.encounter,
    setting: result.setting,
    lines,
    diagnoses: context.diagnoses,
    ...(trial ? { trial: nct ? { nctDigits: nct } : {} } : {}),
    preAuthRefs: context.preAuthRefs,
    ...(context.coverage ? { coverage: context.coverage } : {}),
    provider: context.provider ?? args.author ?? 'Practitioner/unknown',
    ...(context.insurer ? { insurer: context.insurer } : {}),
    created: args.created,
    ...(updatesDraft(existing) ? { id: existing.resource.id } : {}),
  });
  // Revising a draft keeps what the coder did not review (care team, charges, pointers…).
  const claim = updatesDraft(existing) ? mergeOntoDraft(existing.resource, built) : built;
  const sources = [...new Set(lines.flatMap((l) => l.sources))];
  return {
    patient: result.patient,
    encounter: result.encounter,
    dateOfService: result.dateOfService,
    claim,
    lines,
    sources,
    context,
    trial,
    gaps,
  };
}
