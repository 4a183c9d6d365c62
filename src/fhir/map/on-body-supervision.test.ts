// injection-pump-rules R20.7 (on-body injector) and R21.7 (supervision flag on the Encounter):
// how each arrives in FHIR (docs/fhir-extensions.md, docs/billing-rules.md).
import { describe, expect, it } from 'vitest';
import { ADMINISTRATION_METHOD_SYSTEM, EXT } from '../extensions.ts';
import { mapPatientInputs } from './patient-input.ts';
import { administration, concept, dosage, HCPCS, type Json } from '../test-kit/resources.ts';

const SNOMED = 'http://snomed.info/sct';
const SC = concept(SNOMED, '34206005');

function mapOne(...resources: Json[]) {
  const p = mapPatientInputs(resources)[0];
  if (!p) throw new Error('not mapped');
  return p;
}

describe('R20.7 on-body injector: method code, method words or device, never the drug name', () => {
  it.each<[string, Json, boolean | undefined]>([
    [
      'R20.7 dosage.method administration-method#on-body-injector',
      dosage({ route: SC, method: concept(ADMINISTRATION_METHOD_SYSTEM, 'on-body-injector') }),
      true,
    ],
    [
      'R20.7 dosage.method text "On-body injector applied to abdomen"',
      dosage({ route: SC, method: { text: 'On-body injector applied to abdomen' } }),
      true,
    ],
    [
      'R20.7 dosage.method coding display "on body injector"',
      dosage({
        route: SC,
        method: {
          coding: [{ system: 'http://example.org/m', code: 'x', display: 'on body injector' }],
        },
      }),
      true,
    ],
    [
      'R20.7 a device reference naming an on-body injector',
      {
        ...dosage({ route: SC }),
        device: [{ reference: 'Device/d1', display: 'Onpro on-body injector' }],
      },
      true,
    ],
    [
      'R20.7 boundary: the same code in another system is not one',
      dosage({ route: SC, method: concept('http://example.org/m', 'on-body-injector') }),
      undefined,
    ],
    [
      'R20.7 boundary: "body injection" words are not an on-body injector',
      dosage({ route: SC, method: { text: 'Injection into body of abdomen' } }),
      undefined,
    ],
    [
      'R20.7 boundary: a pen injector device is not an on-body injector',
      { ...dosage({ route: SC }), device: [{ display: 'Prefilled pen injector' }] },
      undefined,
    ],
    [
      'R20.2 boundary: the drug name alone (Neulasta Onpro kit) never says it',
      {
        ...dosage({ route: SC }),
        medicationCodeableConcept: {
          coding: [
            { system: HCPCS, code: 'J2506', display: 'Neulasta Onpro on-body injector kit' },
          ],
          text: 'pegfilgrastim Onpro on-body injector',
        },
      },
      undefined,
    ],
    [
      'R26.4 a pump method stays a pump service, not an on-body injector',
      {
        ...dosage({
          route: concept(SNOMED, '47625008'),
          method: concept(ADMINISTRATION_METHOD_SYSTEM, 'pump-initiation'),
        }),
        device: [{ display: 'on-body injector' }],
      },
      undefined,
    ],
  ])('%s', (_name, over, expected) => {
    const a = mapOne(administration(over)).administrations[0];
    expect(a?.onBodyInjector).toBe(expected);
  });
});

describe('R21.7 Encounter extension supervision-not-met', () => {
  const enc = (extension?: Json[]): Json => ({
    resourceType: 'Encounter',
    id: 'e1',
    subject: { reference: 'Patient/p1' },
    period: { start: '2026-03-02T08:00:00-05:00' },
    ...(extension ? { extension } : {}),
  });
  it.each<[string, Json[] | undefined, boolean | undefined]>([
    ['R21.7 true → not met', [{ url: EXT.supervisionNotMet, valueBoolean: true }], true],
    ['R21.7 false → met', [{ url: EXT.supervisionNotMet, valueBoolean: false }], undefined],
    ['R21.7 absent → assumed met', undefined, undefined],
    [
      'R21.7 boundary: a string "true" is not a boolean',
      [{ url: EXT.supervisionNotMet, valueString: 'true' }],
      undefined,
    ],
  ])('%s', (_name, extension, expected) => {
    const p = mapOne(administration(), enc(extension));
    expect(p.encounters[0]?.supervisionNotMet).toBe(expected);
  });
});
