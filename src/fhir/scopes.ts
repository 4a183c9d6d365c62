// The SMART scopes EveryDose asks for (least privilege), and how the app reads what the
// EHR actually granted. A type that was not granted is "not available", never "none".

/** Context and identity scopes. online_access: refresh while the user's session lasts. */
export const LAUNCH_SCOPES = [
  'launch',
  'launch/patient',
  'launch/encounter',
  'openid',
  'fhirUser',
  'online_access',
] as const;

/** Patient-compartment types the app reads and searches. */
export const PATIENT_READ_TYPES = [
  'Patient',
  'MedicationAdministration',
  'MedicationRequest',
  'Encounter',
  'Coverage',
  'CoverageEligibilityResponse',
  'Claim',
  'ClaimResponse',
  // Payers' answers to past claims: denial reasons for "denied before for this" (issue 17 §4).
  'ExplanationOfBenefit',
  'ResearchSubject',
  'Provenance',
] as const;

/** Shared (non-patient) types the app reads and searches. */
export const USER_READ_TYPES = [
  'Medication',
  'MedicationKnowledge',
  'Location',
  'ResearchStudy',
  'Practitioner',
  'PractitionerRole',
  'Organization',
] as const;

/** The only writes: the nurse's administration facts, the coder's claim and sign-off. */
export const WRITE_SCOPES = [
  'patient/MedicationAdministration.cu',
  'patient/Claim.cu',
  'patient/Provenance.c',
] as const;

export const REQUESTED_SCOPES: readonly string[] = [
  ...LAUNCH_SCOPES,
  ...PATIENT_READ_TYPES.map((t) => `patient/${t}.rs`),
  ...USER_READ_TYPES.map((t) => `user/${t}.rs`),
  ...WRITE_SCOPES,
];

/**
 * The coder's worklist (a work queue in context, or standalone): no patient in context, so the
 * reads it needs are user-level, and only for what the worklist and an opened visit read.
 */
export const WORKLIST_LAUNCH_SCOPES = ['launch', 'openid', 'fhirUser', 'online_access'] as const;

/** The same patient data as a patient launch, at user level, plus the work queue (List). */
export const WORKLIST_READ_TYPES = ['List', ...PATIENT_READ_TYPES] as const;

/** The scope string for FHIR.oauth2.authorize. */
export function scopeString(): string {
  return REQUESTED_SCOPES.join(' ');
}

type Permission = 'c' | 'r' | 'u' | 'd' | 's';

/** v1 `.read`/`.write`/`.*` and v2 `.cruds` permission strings → the permissions they give. */
function permissionsOf(suffix: string): Set<Permission> {
  const bare = suffix.split('?')[0] ?? '';
  if (bare === '*') return new Set(['c', 'r', 'u', 'd', 's']);
  if (bare === 'read') return new Set(['r', 's']);
  if (bare === 'write') return new Set(['c', 'u', 'd']);
  if (/^c?r?u?d?s?$/.test(bare)) return new Set(bare.split('') as Permission[]);
  return new Set();
}

/**
 * Whether the granted scopes allow `permission` on `type` (patient/, user/ or system/ level,
 * v1 or v2, wildcard types). With no granted scope list at all the answer is `undefined`:
 * the EHR did not say, and the server's own answer (403) decides.
 */
export function scopeAllows(
  granted: readonly string[],
  type: string,
  permission: Permission,
): boolean | undefined {
  if (granted.length === 0) return undefined;
  return granted.some((scope) => {
    const m = /^(patient|user|system)\/([A-Za-z*]+)\.(.+)$/.exec(scope);
    if (!m) return false;
    const [, , scopeType, suffix] = m;
    if (scopeType !== type && scopeType !== '*') return false;
    return permissionsOf(suffix ?? '').has(permission);
  });
}

/** Searching needs `s` (v2) or `read` (v1). */
export function canSearch(granted: readonly string[], type: string): boolean | undefined {
  return scopeAllows(granted, type, 's');
}
