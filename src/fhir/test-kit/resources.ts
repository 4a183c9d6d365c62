// Builders of small valid FHIR resources for the mapper's tests.
import { EXT } from '../extensions.ts';

export type Json = Record<string, unknown>;

export const V3 = 'http://terminology.hl7.org/CodeSystem/v3-RouteOfAdministration';
export const NDC = 'http://hl7.org/fhir/sid/ndc';
export const HCPCS = 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
export const HCPCS_HTTPS = 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
export const POS =
  'https://www.cms.gov/Medicare/Coding/place-of-service-codes/Place_of_Service_Code_Set';

export function administration(overrides: Json = {}): Json {
  return {
    resourceType: 'MedicationAdministration',
    id: 'a1',
    status: 'completed',
    medicationCodeableConcept: { coding: [{ system: HCPCS, code: 'J9271' }] },
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    effectivePeriod: { start: '2026-03-02T09:00:00-05:00', end: '2026-03-02T09:45:00-05:00' },
    dosage: { route: concept('http://snomed.info/sct', '47625008') },
    ...overrides,
  };
}

export function dosage(d: Json): Json {
  return { dosage: d };
}

export function concept(system: string, code: string): Json {
  return { coding: [{ system, code }] };
}

export function boolExt(url: string): Json {
  return { url, valueBoolean: true };
}

export function containerExt(ndc: string, count: number): Json {
  return {
    url: EXT.container,
    extension: [
      { url: 'product', valueCodeableConcept: concept(NDC, ndc) },
      { url: 'count', valuePositiveInt: count },
    ],
  };
}

export function bundle(...resources: Json[]): Json {
  return {
    resourceType: 'Bundle',
    type: 'collection',
    entry: resources.map((resource) => ({ resource })),
  };
}
