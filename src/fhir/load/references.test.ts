import type { FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { localReference, missingReferences } from './references.ts';

const BASE = 'https://ehr.test/fhir';

describe('localReference', () => {
  it.each([
    ['Medication/m1', 'Medication/m1'],
    [`${BASE}/Medication/m1`, 'Medication/m1'],
    [`${BASE}/Medication/m1/_history/3`, 'Medication/m1'],
    ['https://elsewhere.test/fhir/Medication/m1', undefined],
    ['#med', undefined],
    ['urn:uuid:0b9c6f2e-0000-4000-8000-000000000001', undefined],
    ['not a reference', undefined],
  ])('%s → %s', (ref, expected) => {
    expect(localReference(ref, BASE)).toBe(expected);
  });
});

describe('missingReferences', () => {
  it('groups missing references by type, skipping loaded, contained and foreign ones', () => {
    const resources: FhirResource[] = [
      {
        resourceType: 'MedicationAdministration',
        id: 'a1',
        status: 'completed',
        subject: { reference: 'Patient/p1' },
        medicationReference: { reference: 'Medication/m2' },
        context: { reference: 'Encounter/e1' },
        request: { reference: `${BASE}/MedicationRequest/r1` },
        effectiveDateTime: '2026-11-26T10:00:00Z',
        extension: [
          {
            url: 'http://hl7.org/fhir/StructureDefinition/workflow-researchStudy',
            valueReference: { reference: 'ResearchStudy/s1' },
          },
        ],
      },
      {
        resourceType: 'MedicationAdministration',
        id: 'a2',
        status: 'completed',
        subject: { reference: 'Patient/p1' },
        medicationReference: { reference: '#c' },
        context: { reference: 'https://elsewhere.test/fhir/Encounter/x' },
        effectiveDateTime: '2026-11-26T10:00:00Z',
      },
      { resourceType: 'Encounter', id: 'e1', status: 'finished', class: { code: 'AMB' } },
    ];
    expect(Object.fromEntries(missingReferences(resources, BASE))).toEqual({
      Medication: ['m2'],
      MedicationRequest: ['r1'],
      ResearchStudy: ['s1'],
    });
  });
});
