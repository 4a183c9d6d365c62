// Which patient a resource belongs to, from the element each type links its patient with.
// Used to partition input by patient (the audit command) and to group mapped input.

/** Resource types we read that belong to one patient, and the element naming the patient. */
export const PATIENT_ELEMENT: Readonly<Record<string, string>> = {
  MedicationAdministration: 'subject',
  MedicationRequest: 'subject',
  Encounter: 'subject',
  Coverage: 'beneficiary',
  CoverageEligibilityResponse: 'patient',
  Claim: 'patient',
  ClaimResponse: 'patient',
  ExplanationOfBenefit: 'patient',
  ResearchSubject: 'individual',
};

/** Resource types read but shared between patients (kept in one index). */
export const SHARED_TYPES: ReadonlySet<string> = new Set([
  'Medication',
  'MedicationKnowledge',
  'Location',
  'ResearchStudy',
  'Organization',
  'Substance',
  'Patient',
]);

/** The raw patient reference string of a resource, when its type links one. */
export function patientReferenceOf(resource: {
  resourceType: string;
  [k: string]: unknown;
}): string | undefined {
  const element = PATIENT_ELEMENT[resource.resourceType];
  if (!element) return undefined;
  const ref = resource[element];
  if (typeof ref !== 'object' || ref === null) return undefined;
  const value = (ref as { reference?: unknown }).reference;
  return typeof value === 'string' ? value : undefined;
}
