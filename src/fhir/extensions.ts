// Project extensions (contract §2.7): one base, kept in one constant. Documented in
// docs/fhir-extensions.md with type and example.
export const EXT_BASE = 'https://everydose.dev/fhir/StructureDefinition/';

export const EXT = {
  container: `${EXT_BASE}container`,
  discardedAmount: `${EXT_BASE}discarded-amount`,
  sharedContainer: `${EXT_BASE}shared-container`,
  separateAccessJustified: `${EXT_BASE}separate-access-justified`,
  primaryReason: `${EXT_BASE}primary-reason`,
  sponsorSupplied: `${EXT_BASE}sponsor-supplied`,
  sponsorPaid: `${EXT_BASE}sponsor-paid`,
  trialItemRole: `${EXT_BASE}trial-item-role`,
  sponsorPaidVisit: `${EXT_BASE}sponsor-paid-visit`,
  supervisionNotMet: `${EXT_BASE}supervision-not-met`,
} as const;

/** Sub-extensions of `container`. */
export const CONTAINER_PRODUCT = 'product';
export const CONTAINER_COUNT = 'count';

export const CONTAINER_TYPE_SYSTEM = 'https://everydose.dev/fhir/CodeSystem/container-type';

/** Pump and port services in dosage.method (contract §2.1, injection-pump-rules R26.4). */
export const ADMINISTRATION_METHOD_SYSTEM =
  'https://everydose.dev/fhir/CodeSystem/administration-method';

/** administration-method code of an SC injection applied with an on-body injector (R20.7). */
export const ON_BODY_INJECTOR = 'on-body-injector';

/** Core extension linking an administration or encounter to a ResearchStudy. */
export const WORKFLOW_RESEARCH_STUDY =
  'http://hl7.org/fhir/StructureDefinition/workflow-researchStudy';

export const SYSTEMS = {
  ndc: 'http://hl7.org/fhir/sid/ndc',
  rxnorm: 'http://www.nlm.nih.gov/research/umls/rxnorm',
  hcpcs: 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  hcpcsHttps: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets',
  cpt: 'http://www.ama-assn.org/go/cpt',
  v3Route: 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration',
  snomed: 'http://snomed.info/sct',
  ucum: 'http://unitsofmeasure.org',
  icd10cm: 'http://hl7.org/fhir/sid/icd-10-cm',
  sopt: 'https://nahdo.org/sopt',
  pos: 'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set',
  clinicalTrials: 'https://clinicaltrials.gov',
  modifier: 'http://www.ama-assn.org/go/cpt',
} as const;

/** PractitionerRole.code coding that tells the app which screen a user works in. */
export const APP_ROLE_SYSTEM = 'https://everydose.dev/fhir/CodeSystem/app-role';
export type AppRole = 'nurse' | 'clinician' | 'coder';
