// injection-pump-rules R21.11 / R20.2 read from FHIR: a drug injected into an IV line or port is
// an IV push, not 96372; the route decides, and a missing route is never assumed SC.
import { describe, expect, it } from 'vitest';
import { mapPatientInputs } from './patient-input.ts';
import { administration, concept, dosage, HCPCS, V3, type Json } from '../test-kit/resources.ts';

const SNOMED = 'http://snomed.info/sct';
const denosumab = { medicationCodeableConcept: concept(HCPCS, 'J0897') };

describe('R21.11 injected into the line or port: the route decides', () => {
  it.each<[string, Json, string]>([
    ['R21.11 v3 IVPUSH route → IV push', dosage({ route: concept(V3, 'IVPUSH') }), 'iv-push'],
    [
      'R21.11 no route, site "port-right-chest" → IV (venous access site)',
      dosage({ site: { text: 'port-right-chest' } }),
      'iv',
    ],
    [
      'R21.11 boundary: no route, site "abdomen-left" → unknown, never SC',
      dosage({ site: { text: 'abdomen-left' } }),
      'unknown',
    ],
    [
      'R21.11 SC route code (SNOMED 34206005) → SC injection',
      dosage({ route: concept(SNOMED, '34206005'), site: { text: 'abdomen-left' } }),
      'sc',
    ],
    [
      'R21.11 an SC route code wins over a port site (route first, R20.1)',
      dosage({ route: concept(SNOMED, '34206005'), site: { text: 'port' } }),
      'sc',
    ],
  ])('%s', (_name, over, family) => {
    const a = mapPatientInputs([administration({ ...denosumab, ...over })])[0]?.administrations[0];
    expect(a?.route.family).toBe(family);
  });
});
