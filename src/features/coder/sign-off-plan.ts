// What a sign-off would write: the draft Claim built from the billed lines and the header facts
// of the billing picture. Pure; the view shows the facts before the coder signs.
import type { EncounterResult } from '../../engine/index.ts';
import type { LoadedResources } from '../../fhir/load/billing-picture.ts';
import {
  buildDraftClaim,
  type DraftClaim,
  type SignedLine,
} from '../../fhir/write/claim-builder.ts';
import { isTrialDiagnosis, TRIAL_DIAGNOSIS } from '../../fhir/write/claim-builder.ts';
import {
  claimContextFrom,
  originalMedicareTarget,
  type ClaimContext,
} from '../../fhir/write/claim-context.ts';
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

/** The warning that says the MA plan must not be billed for study care (T-43, T-48). */
export const MA_WARNING = 'TRIAL_MA_BILL_ORIGINAL_MEDICARE';

/** What EveryDose changes on the claim by itself; the coder sees each and may take it off. */
export type AutoChangeId = 'trial-diagnosis' | 'nct' | 'condition-code' | 'original-medicare';

export interface AutoChange {
  id: AutoChangeId;
  /** Plain words, with the rule ids. */
  text: string;
  /** The control's name ("Remove Z00.6"). */
  removeLabel: string;
}

export interface SignOffPlan {
  patient: string;
  encounter: string | null;
  dateOfService: string;
  claim: DraftClaim;
  lines: SignedLine[];
  sources: string[];
  context: ClaimContext;
  trial: boolean;
  /** Facts the claim lacks, in plain words (shown, not blocking). */
  gaps: string[];
  /** Why the claim would be denied as it stands (block sign-off). */
  blockers: string[];
  /** Automatic changes applied (not removed by the coder). */
  changes: AutoChange[];
  /** Automatic changes the coder took off. */
  removed: AutoChange[];
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
  resources: LoadedResources;
  existing: ExistingClaim | undefined;
  author: string | undefined;
  created: string;
  /** false when Claims could not be read (scopes, server): an existing draft cannot be found. */
  claimsReadable?: boolean;
  /** Automatic changes the coder took off. */
  removedChanges?: readonly AutoChangeId[];
  /** The coder acknowledged TRIAL_MA_BILL_ORIGINAL_MEDICARE: bill Original Medicare (T-43). */
  billOriginalMedicare?: boolean;
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
  const off = new Set(args.removedChanges ?? []);
  const possible: AutoChange[] = [];
  if (trial && !context.diagnoses.some(isTrialDiagnosis)) {
    possible.push({
      id: 'trial-diagnosis',
      text: `Diagnosis ${TRIAL_DIAGNOSIS} (clinical research participant) added (research-billing T-22).`,
      removeLabel: `Remove ${TRIAL_DIAGNOSIS}`,
    });
  }
  if (trial && nct) {
    possible.push({
      id: 'nct',
      text: `ClinicalTrials.gov number ${nct} added as claim information (T-27, T-28).`,
      removeLabel: 'Remove the trial number',
    });
  }
  if (trial && result.setting === 'facility') {
    possible.push({
      id: 'condition-code',
      text: `Condition code 30${nct ? ' and value code D4' : ''} added (T-28, T-31).`,
      removeLabel: 'Remove condition code 30',
    });
  }
  const maWarning = result.warnings.find((w) => w.code === MA_WARNING);
  const medicare = originalMedicareTarget(args.resources, result);
  if (maWarning && args.billOriginalMedicare) {
    possible.push({
      id: 'original-medicare',
      text: `Billed to ${medicare.coverage ? `Original Medicare (${medicare.coverage})` : medicare.display} instead of the Medicare Advantage plan${context.coverage ? ` (${context.coverage})` : ''} (T-43).`,
      removeLabel: 'Bill the Medicare Advantage plan instead',
    });
  }
  const changes = possible.filter((c) => !off.has(c.id));
  const removed = possible.filter((c) => off.has(c.id));
  const toMedicare = changes.some((c) => c.id === 'original-medicare');
  const gaps: string[] = [];
  const blockers: string[] = [];
  if (!context.coverage) gaps.push('No active coverage was found for the date of service.');
  if (!context.provider) gaps.push('No billing provider is on file; you are named instead.');
  // A claim that would be denied is not signed (T-22, T-23: the condition treated is primary).
  const conditions = context.diagnoses.filter((d) => !isTrialDiagnosis(d));
  if (conditions.length === 0) {
    blockers.push(
      trial
        ? `The claim has no diagnosis besides ${TRIAL_DIAGNOSIS}: a trial claim needs the condition treated as its primary diagnosis (T-23). Add it to the encounter or the drafted claim in the EHR, then reload.`
        : 'The claim has no primary diagnosis and would be denied. Add the diagnosis to the encounter or the drafted claim in the EHR, then reload.',
    );
  }
  if (maWarning && args.billOriginalMedicare && !toMedicare) {
    blockers.push(
      'The checks say not to bill the Medicare Advantage plan for study care (T-43): keep “billed to Original Medicare” or leave the error unresolved.',
    );
  }
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
    ...(trial
      ? {
          trial: {
            ...(nct ? { nctDigits: nct } : {}),
            withoutTrialDiagnosis: off.has('trial-diagnosis'),
            withoutNct: off.has('nct'),
            withoutConditionCode: off.has('condition-code'),
          },
        }
      : {}),
    preAuthRefs: context.preAuthRefs,
    ...(toMedicare
      ? {
          ...(medicare.coverage
            ? { coverage: medicare.coverage }
            : { coverageDisplay: medicare.display }),
          ...(medicare.insurer
            ? { insurer: medicare.insurer }
            : { insurerDisplay: medicare.display }),
        }
      : {
          ...(context.coverage ? { coverage: context.coverage } : {}),
          ...(context.insurer ? { insurer: context.insurer } : {}),
        }),
    provider: context.provider ?? args.author ?? 'Practitioner/unknown',
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
    blockers,
    changes,
    removed,
  };
}
