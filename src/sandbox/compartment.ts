// Membership of the launch patient's compartment, for patient/ scopes. The reference paths
// follow the R4 patient CompartmentDefinition for the types the app reads and writes; other
// types fall back to `subject`/`patient`. Provenance belongs where its targets belong.
import type { Resource } from '@medplum/fhirtypes';

type Json = Record<string, unknown>;

const PATHS: Record<string, string[]> = {
  MedicationAdministration: ['subject'],
  MedicationRequest: ['subject'],
  MedicationStatement: ['subject'],
  MedicationDispense: ['subject'],
  Encounter: ['subject'],
  Coverage: ['beneficiary', 'subscriber', 'policyHolder'],
  CoverageEligibilityRequest: ['patient'],
  CoverageEligibilityResponse: ['patient'],
  Claim: ['patient'],
  ClaimResponse: ['patient'],
  ExplanationOfBenefit: ['patient'],
  ResearchSubject: ['individual'],
  Condition: ['subject'],
  Observation: ['subject'],
  Procedure: ['subject'],
  ChargeItem: ['subject'],
  DocumentReference: ['subject'],
  CarePlan: ['subject'],
  ServiceRequest: ['subject'],
  AllergyIntolerance: ['patient'],
  Account: ['subject'],
  Consent: ['patient'],
  AuditEvent: ['patient'],
};

/** Types outside the patient compartment (Medication, Practitioner, Organization, …). */
const SHARED = new Set([
  'Medication',
  'MedicationKnowledge',
  'Location',
  'ResearchStudy',
  'Practitioner',
  'PractitionerRole',
  'Organization',
  'Substance',
  'HealthcareService',
  'Device',
]);

export function isCompartmentType(type: string): boolean {
  return !SHARED.has(type);
}

function refsAt(resource: Json, path: string): string[] {
  const value = resource[path];
  const items = Array.isArray(value) ? value : [value];
  const refs: string[] = [];
  for (const item of items) {
    if (item && typeof item === 'object') {
      const ref = (item as Json)['reference'];
      if (typeof ref === 'string') refs.push(ref);
    }
  }
  return refs;
}

function refersTo(ref: string, patientId: string): boolean {
  return ref === `Patient/${patientId}` || ref.endsWith(`/Patient/${patientId}`);
}

export type Resolve = (reference: string) => Promise<Resource | undefined>;

/** Whether `resource` lies in Patient/`patientId`'s compartment (shared types always do). */
export async function inPatientCompartment(
  resource: Resource,
  patientId: string,
  resolve: Resolve,
  depth = 0,
): Promise<boolean> {
  const type = resource.resourceType;
  if (!isCompartmentType(type)) return true;
  const json = resource as unknown as Json;
  if (type === 'Patient') return resource.id === patientId;
  if (type === 'Provenance') {
    const targets = refsAt(json, 'target');
    if (targets.some((r) => refersTo(r, patientId))) return true;
    if (depth > 0 || targets.length === 0) return false;
    for (const target of targets) {
      const found = await resolve(target);
      if (!found || !(await inPatientCompartment(found, patientId, resolve, depth + 1))) {
        return false;
      }
    }
    return true;
  }
  const paths = PATHS[type] ?? ['subject', 'patient'];
  return paths.some((p) => refsAt(json, p).some((r) => refersTo(r, patientId)));
}

/** Search parameters that name a patient; used to refuse searches of another patient. */
export const PATIENT_SEARCH_PARAMS = ['patient', 'subject', 'beneficiary', 'individual'];

/** Patient ids named by a search's patient parameters (`X`, `Patient/X`, absolute URL). */
export function patientsNamedInSearch(query: URLSearchParams, type: string): string[] {
  const ids: string[] = [];
  const names = type === 'Patient' ? ['_id'] : PATIENT_SEARCH_PARAMS;
  for (const [key, raw] of query) {
    const base = key.split(':')[0] ?? key;
    if (!names.includes(base) || key.includes('.')) continue;
    for (const v of raw.split(',')) {
      const id = v.split('/').pop();
      if (id) ids.push(id);
    }
  }
  return ids;
}
