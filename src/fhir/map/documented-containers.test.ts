// Containers documented for an administration (issue 14 §2; contract §2.3; fhir-modeling §1.3):
// the administration's `container` extensions, else a dispense for its order, else the order's
// dispense request, else its Medication's ingredients; only explicit container counts.
import type { FhirResource, MedicationAdministration, Quantity } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { EXT, SYSTEMS } from '../extensions.ts';
import { documentedContainers } from './documented-containers.ts';

const ndc = (code: string) => ({ coding: [{ system: SYSTEMS.ndc, code }] });
const vials = (value: number, code = '{vial}'): Quantity => ({ value, code, unit: 'vial' });

const base: MedicationAdministration = {
  resourceType: 'MedicationAdministration',
  id: 'ma',
  status: 'completed',
  subject: { reference: 'Patient/p' },
  effectiveDateTime: '2026-08-03T09:00:00-04:00',
  medicationReference: { reference: 'Medication/oxali' },
  request: { reference: 'MedicationRequest/rx' },
};

const containerExt = (code: string, count: number) => ({
  url: EXT.container,
  extension: [
    { url: 'product', valueCodeableConcept: ndc(code) },
    { url: 'count', valuePositiveInt: count },
  ],
});

const request = (quantity?: Quantity): FhirResource => ({
  resourceType: 'MedicationRequest',
  id: 'rx',
  status: 'completed',
  intent: 'order',
  subject: { reference: 'Patient/p' },
  medicationReference: { reference: 'Medication/oxali' },
  ...(quantity ? { dispenseRequest: { quantity } } : {}),
});

const dispense = (code: string, quantity: Quantity, status = 'completed'): FhirResource =>
  ({
    resourceType: 'MedicationDispense',
    id: `d-${code}`,
    status,
    medicationCodeableConcept: ndc(code),
    authorizingPrescription: [{ reference: 'MedicationRequest/rx' }],
    quantity,
  }) as FhirResource;

const medication = (ingredients: object[] = []): FhirResource =>
  ({
    resourceType: 'Medication',
    id: 'oxali',
    code: ndc('63323-0750-20'),
    ingredient: ingredients,
  }) as FhirResource;

type Row = [string, MedicationAdministration, FhirResource[], string];

const show = (ma: MedicationAdministration, resources: FhirResource[]) => {
  const d = documentedContainers(ma, resources);
  return d
    ? `${d.source}: ${d.containers.map((c) => `${c.count}×${c.unreadable ? `?${c.unreadable}` : c.ndc11}`).join('+')}`
    : 'none';
};

describe('documented containers, first source that documents a count', () => {
  it.each<Row>([
    [
      'R-29 the administration, hyphenated NDCs read as 11 digits (the oxaliplatin case)',
      { ...base, extension: [containerExt('63323-0750-20', 1), containerExt('63323-0750-10', 1)] },
      [request(vials(2))],
      'administration: 1×63323075020+1×63323075010',
    ],
    [
      'an NDC that does not read is kept as written, never dropped',
      { ...base, extension: [containerExt('6332-30750', 1)] },
      [],
      'administration: 1×?6332-30750',
    ],
    [
      'a dispense for the order',
      base,
      [request(vials(3)), dispense('63323-0750-20', vials(2)), dispense('63323-0750-10', vials(1))],
      'dispense: 2×63323075020+1×63323075010',
    ],
    [
      'a cancelled dispense does not count',
      base,
      [request(), dispense('63323-0750-20', vials(2), 'cancelled')],
      'none',
    ],
    [
      'the order’s dispense request',
      base,
      [request(vials(2)), medication()],
      'order: 2×63323075020',
    ],
    [
      'boundary: a count of 1 (UCUM "1")',
      base,
      [request(vials(1, '1')), medication()],
      'order: 1×63323075020',
    ],
    ['boundary: a count of 0', base, [request(vials(0)), medication()], 'none'],
    ['a fraction is no count', base, [request(vials(1.5)), medication()], 'none'],
    [
      'mL says nothing about containers',
      base,
      [request({ value: 30, code: 'mL' }), medication()],
      'none',
    ],
    ['a quantity with no unit says nothing', base, [request({ value: 2 }), medication()], 'none'],
    [
      'the Medication’s ingredients with an NDC and a count',
      { ...base, request: undefined },
      [
        medication([
          { itemCodeableConcept: ndc('63323-0750-10'), strength: { numerator: vials(3) } },
        ]),
      ],
      'medication: 3×63323075010',
    ],
    [
      'an ingredient given as a strength in mg is no count',
      { ...base, request: undefined },
      [
        medication([
          {
            itemCodeableConcept: ndc('63323-0750-10'),
            strength: { numerator: { value: 150, code: 'mg' } },
          },
        ]),
      ],
      'none',
    ],
    ['nothing documented', base, [request(), medication()], 'none'],
  ])('%s', (_name, ma, resources, want) => {
    expect(show(ma, resources)).toBe(want);
  });
});
