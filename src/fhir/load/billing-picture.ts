// What the app loads for one launch: every resource the billing engine reads, plus the kinds
// of data that could not be read and why (never reported as "none found").
import type { FhirResource } from 'fhir/r4';
import type { Readability } from '../../engine/index.ts';

export interface UnreadableType {
  resourceType: string;
  /** Plain words for people, e.g. "EveryDose was not granted access to claims". */
  reason: string;
  /**
   * The EHR was asked and the read failed (refused with 403, turned down with 400): a failure
   * to show with "Try again", never worded as absence (issue 14 part 7). Absent when the type was
   * simply not granted or not offered.
   */
  failed?: true;
}

/**
 * The resources as loaded, as features hold them: handed to the mappers in fhir/, never read
 * field by field outside fhir/ (features never import FHIR types).
 */
export type LoadedResources = readonly FhirResource[];

export interface BillingPicture {
  resources: FhirResource[];
  unreadable: UnreadableType[];
}

/** Which kinds of data the mapper may treat as known (contract §2.4: AUTH_UNKNOWN etc.). */
export function readabilityOf(picture: BillingPicture): Readability {
  const missing = new Set(picture.unreadable.map((u) => u.resourceType));
  return {
    coverage: !missing.has('Coverage'),
    claims: !missing.has('Claim') && !missing.has('ClaimResponse'),
    research: !missing.has('ResearchSubject') && !missing.has('ResearchStudy'),
    eligibility: !missing.has('CoverageEligibilityResponse'),
  };
}

/** Plain names for the types the app reads. */
export const TYPE_LABELS: Record<string, string> = {
  MedicationAdministration: 'medication administrations',
  Medication: 'medications',
  MedicationRequest: 'medication orders',
  MedicationKnowledge: 'drug product data',
  Encounter: 'visits',
  Location: 'locations',
  Coverage: 'insurance coverage',
  CoverageEligibilityResponse: 'insurance eligibility answers',
  Claim: 'claims and authorization requests',
  ClaimResponse: 'authorization answers',
  ExplanationOfBenefit: 'payers’ explanations of benefit',
  ResearchSubject: 'clinical trial enrollment',
  ResearchStudy: 'clinical trials',
};

export function typeLabel(type: string): string {
  return TYPE_LABELS[type] ?? type;
}
