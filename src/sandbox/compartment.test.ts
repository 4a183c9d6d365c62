import type { Resource } from '@medplum/fhirtypes';
import { describe, expect, it } from 'vitest';
import { inPatientCompartment, patientsNamedInSearch } from './compartment.ts';

const ma = (patient: string) =>
  ({
    resourceType: 'MedicationAdministration',
    id: `ma-${patient}`,
    status: 'completed',
    subject: { reference: `Patient/${patient}` },
  }) as unknown as Resource;

const store: Record<string, Resource> = {
  'MedicationAdministration/ma-p1': ma('p1'),
  'MedicationAdministration/ma-p2': ma('p2'),
};
const resolve = async (ref: string) => store[ref];

describe('inPatientCompartment', () => {
  it.each<[string, Resource, boolean]>([
    ['own administration', ma('p1'), true],
    ["another patient's administration", ma('p2'), false],
    ['the patient', { resourceType: 'Patient', id: 'p1' }, true],
    ['another patient', { resourceType: 'Patient', id: 'p2' }, false],
    ['a shared Medication', { resourceType: 'Medication', id: 'm' }, true],
    [
      'coverage by beneficiary',
      { resourceType: 'Coverage', beneficiary: { reference: 'Patient/p1' } } as unknown as Resource,
      true,
    ],
    [
      'claim of another',
      { resourceType: 'Claim', patient: { reference: 'Patient/p2' } } as unknown as Resource,
      false,
    ],
    [
      'provenance on own MA',
      {
        resourceType: 'Provenance',
        target: [{ reference: 'MedicationAdministration/ma-p1' }],
      } as unknown as Resource,
      true,
    ],
    [
      'provenance on other MA',
      {
        resourceType: 'Provenance',
        target: [{ reference: 'MedicationAdministration/ma-p2' }],
      } as unknown as Resource,
      false,
    ],
    [
      'provenance on unknown target',
      { resourceType: 'Provenance', target: [{ reference: 'Claim/none' }] } as unknown as Resource,
      false,
    ],
  ])('%s → %s', async (_name, resource, expected) => {
    expect(await inPatientCompartment(resource, 'p1', resolve)).toBe(expected);
  });
});

describe('patientsNamedInSearch', () => {
  it.each([
    ['MedicationAdministration', 'patient=p1', ['p1']],
    ['MedicationAdministration', 'subject=Patient/p2&status=completed', ['p2']],
    ['Coverage', 'beneficiary=http://x/fhir/Patient/p3', ['p3']],
    ['Patient', '_id=p1,p2', ['p1', 'p2']],
    ['MedicationAdministration', 'patient.identifier=sys|1', []],
    ['Claim', 'use=claim', []],
  ])('%s?%s', (type, query, expected) => {
    expect(patientsNamedInSearch(new URLSearchParams(query), type)).toEqual(expected);
  });
});
