import { describe, expect, it } from 'vitest';
import type { Administration } from '../../engine/index.ts';
import { EXT, WORKFLOW_RESEARCH_STUDY } from '../extensions.ts';
import { mapPatientInputs } from './patient-input.ts';
import {
  administration,
  boolExt,
  concept,
  containerExt,
  dosage,
  HCPCS_HTTPS,
  NDC,
  V3,
  type Json,
} from '../test-kit/resources.ts';

const family = (f: Administration['route']['family']): Administration['route'] =>
  expect.objectContaining({ family: f });

/** Each expected field equals (an undefined one is absent). */
function expectFields(a: Administration, expected: Partial<Administration>): void {
  for (const [k, v] of Object.entries(expected)) {
    expect(a[k as keyof Administration], k).toEqual(v);
  }
}

function mapOne(ma: Json, ...others: Json[]): Administration {
  const [p] = mapPatientInputs([ma, ...others]);
  const a = p?.administrations[0];
  if (!a) throw new Error(`not mapped: ${JSON.stringify(p?.issues)}`);
  return a;
}

describe('§2.1 status', () => {
  it.each([
    'completed',
    'stopped',
    'in-progress',
    'on-hold',
    'not-done',
    'entered-in-error',
    'unknown',
  ])('%s is carried as is', (status) =>
    expect(mapOne(administration({ status })).status).toBe(status),
  );
});

describe('§2.1 start, stop, push markers, route, flush', () => {
  it.each<[string, Json, Partial<Administration>]>([
    ['period', {}, { dateTimeOnly: false, hasRate: false }],
    [
      'effectiveDateTime only',
      { effectivePeriod: undefined, effectiveDateTime: '2026-03-02T09:00:00-05:00' },
      { dateTimeOnly: true },
    ],
    ['rateQuantity', dosage({ rateQuantity: { value: 100, code: 'mL/h' } }), { hasRate: true }],
    [
      'rateRatio',
      dosage({
        rateRatio: { numerator: { value: 100, code: 'mL' }, denominator: { value: 1, code: 'h' } },
      }),
      { hasRate: true },
    ],
    ...['IVPUSH', 'IVRPUSH', 'IVSPUSH', 'IVINJBOL', 'IVINJ'].map(
      (code): [string, Json, Partial<Administration>] => [
        `${code} in method`,
        dosage({ method: concept(V3, code) }),
        { pushDocumented: true, route: family('iv-push') },
      ],
    ),
    [
      'IVPUSH in route',
      dosage({ route: concept(V3, 'IVPUSH') }),
      { pushDocumented: true, route: family('iv-push') },
    ],
    [
      'IV route (v3)',
      dosage({ route: concept(V3, 'IV') }),
      { pushDocumented: false, route: family('iv') },
    ],
    ['IVCI route', dosage({ route: concept(V3, 'IVCI') }), { route: family('iv') }],
    [
      'SNOMED 47625008',
      dosage({ route: concept('http://snomed.info/sct', '47625008') }),
      { route: family('iv') },
    ],
    [
      'subcutaneous route',
      dosage({ route: concept('http://snomed.info/sct', '34206005') }),
      { route: family('sc') },
    ],
    // R20.3: no route is never assumed IV.
    ['no route', { dosage: undefined }, { route: family('unknown'), pushDocumented: false }],
    [
      'SNOMED 255560000 Intravenous (qualifier value)',
      dosage({ route: concept('http://snomed.info/sct', '255560000') }),
      { route: family('iv') },
    ],
    [
      'SNOMED 420620005 Push method with an IV route',
      dosage({
        route: concept('http://snomed.info/sct', '47625008'),
        method: concept('http://snomed.info/sct', '420620005'),
      }),
      { pushDocumented: true, route: family('iv-push') },
    ],
    [
      'route text only "IV Piggyback"',
      dosage({ route: { text: 'IV Piggyback' } }),
      { route: family('iv') },
    ],
    [
      'oral route',
      dosage({ route: concept('http://snomed.info/sct', '26643006') }),
      { route: family('non-parenteral') },
    ],
    [
      'R20.4 no route, RxNorm name with an oral dose form',
      {
        dosage: undefined,
        medicationCodeableConcept: {
          coding: [
            {
              system: 'http://www.nlm.nih.gov/research/umls/rxnorm',
              code: '1',
              display: 'sodium fluoride 0.0272 MG/MG Oral Gel',
            },
          ],
        },
      },
      { route: family('non-parenteral') },
    ],
    [
      'intrathecal route (v3 IT)',
      dosage({ route: concept(V3, 'IT') }),
      { route: family('out-of-scope') },
    ],
    ['IVFLUSH method', dosage({ method: concept(V3, 'IVFLUSH') }), { flushMarked: true }],
    ['IVFLUSH route', dosage({ route: concept(V3, 'IVFLUSH') }), { flushMarked: true }],
    ['text "Flush"', dosage({ text: 'Saline Flush 10 mL' }), { flushMarked: true }],
    ['text KVO', dosage({ text: 'NS at KVO' }), { flushMarked: true }],
    ['text keep vein open', dosage({ text: 'Keep Vein Open' }), { flushMarked: true }],
    ['text without flush', dosage({ text: 'infuse over 30 min' }), { flushMarked: false }],
  ])('%s', (_n, over, expected) => {
    expectFields(mapOne(administration(over)), expected);
  });

  it('keeps both instants with their offsets; end before start is passed through', () => {
    const a = mapOne(
      administration({
        effectivePeriod: { start: '2026-03-02T10:00:00-05:00', end: '2026-03-02T09:00:00-05:00' },
      }),
    );
    expect(a.start).toEqual({
      ms: Date.UTC(2026, 2, 2, 15),
      offsetMin: -300,
      iso: '2026-03-02T10:00:00-05:00',
    });
    expect(a.end?.ms).toBe(Date.UTC(2026, 2, 2, 14));
  });

  it('period without end has no end', () => {
    const a = mapOne(administration({ effectivePeriod: { start: '2026-03-02T09:00:00Z' } }));
    expect(a.end).toBeUndefined();
    expect(a.dateTimeOnly).toBe(false);
  });
});

describe('§2.1 site, partOf, encounter; §2.5 primary reason', () => {
  it.each<[string, Json, Partial<Administration>]>([
    [
      'site coding',
      dosage({ site: { coding: [{ code: '368208006' }], text: 'left arm' } }),
      { site: '368208006' },
    ],
    ['site text', dosage({ site: { text: 'left arm' } }), { site: 'left arm' }],
    [
      'separate access justified',
      { extension: [boolExt(EXT.separateAccessJustified)] },
      { separateAccessJustified: true },
    ],
    ['primary reason', { extension: [boolExt(EXT.primaryReason)] }, { primaryReason: true }],
    [
      'primary reason false',
      { extension: [{ url: EXT.primaryReason, valueBoolean: false }] },
      { primaryReason: false },
    ],
    [
      'partOf',
      { partOf: [{ reference: 'MedicationAdministration/a0' }] },
      { partOf: 'MedicationAdministration/a0' },
    ],
    [
      'partOf a Procedure is not a segment',
      { partOf: [{ reference: 'Procedure/x' }] },
      { partOf: undefined },
    ],
    ['no context', { context: undefined }, { encounter: null }],
    ['context EpisodeOfCare', { context: { reference: 'EpisodeOfCare/x' } }, { encounter: null }],
    [
      'context absolute URL',
      { context: { reference: 'https://ehr/fhir/Encounter/e9' } },
      { encounter: 'Encounter/e9' },
    ],
  ])('%s', (_n, over, expected) => {
    expectFields(mapOne(administration(over)), expected);
  });
});

describe('§2.2 drug identity', () => {
  it('from the code: NDC normalised, https HCPCS', () => {
    const a = mapOne(
      administration({
        medicationCodeableConcept: {
          coding: [
            { system: NDC, code: '0006-3026-02' },
            { system: HCPCS_HTTPS, code: 'J9271' },
          ],
        },
      }),
    );
    expect(a.drug).toMatchObject({ ndc: ['00006302602'], hcpcs: ['J9271'] });
  });

  it.each([
    ['Medication/m1', false],
    ['#m1', true],
    ['urn:uuid:7b1d4c1e-0000-4000-8000-00000000abcd', false],
  ])('from the referenced Medication %s', (reference, contained) => {
    const medication = {
      resourceType: 'Medication',
      id: 'm1',
      code: { coding: [{ system: NDC, code: '00006-3026-02' }], text: 'pembrolizumab' },
      amount: { numerator: { value: 100, code: 'mg' }, denominator: { value: 4, code: 'mL' } },
      ingredient: [
        {
          itemCodeableConcept: { text: 'pembrolizumab' },
          isActive: true,
          strength: {
            numerator: { value: 100, code: 'mg' },
            denominator: { value: 4, code: 'mL' },
          },
        },
      ],
    };
    const ma = administration({
      medicationCodeableConcept: undefined,
      medicationReference: { reference },
      ...(contained ? { contained: [medication] } : {}),
    });
    const others = contained
      ? []
      : reference.startsWith('urn')
        ? [
            {
              resourceType: 'Bundle',
              type: 'collection',
              entry: [{ fullUrl: reference, resource: medication }],
            },
          ]
        : [medication];
    const a = mapOne(ma, ...others);
    expect(a.drug).toMatchObject({ ndc: ['00006302602'], display: 'pembrolizumab' });
    expect(a.concentrationPerMl).toEqual({ value: '25', unit: 'mg' });
    expect(a.medicationAmount).toEqual({ value: '100', unit: 'mg' });
    expect(a.ingredients).toHaveLength(1);
  });

  it('a bag with fluid and drug lists both ingredients; the active one gives the concentration', () => {
    const medication = {
      resourceType: 'Medication',
      id: 'bag',
      code: { text: 'NS 250 mL with drug' },
      ingredient: [
        { itemCodeableConcept: { text: 'sodium chloride 0.9%' }, isActive: false },
        {
          itemCodeableConcept: concept(NDC, '00006302602'),
          isActive: true,
          strength: {
            numerator: { value: 200, code: 'mg' },
            denominator: { value: 250, code: 'mL' },
          },
        },
      ],
    };
    const a = mapOne(
      administration({
        medicationCodeableConcept: undefined,
        medicationReference: { reference: 'Medication/bag' },
      }),
      medication,
    );
    expect(a.ingredients.map((i) => i.isActive)).toEqual([false, true]);
    expect(a.ingredients[1]?.drug.ndc).toEqual(['00006302602']);
    expect(a.concentrationPerMl).toEqual({ value: '0.8', unit: 'mg' });
  });
});

describe('§2.3 dose, containers, waste, order', () => {
  it.each<[string, Json, Partial<Administration>]>([
    [
      'dose UCUM code',
      dosage({ dose: { value: 144, unit: 'milligram', code: 'mg' } }),
      { dose: { value: '144', unit: 'mg' } },
    ],
    [
      'dose unit only',
      dosage({ dose: { value: 5.76, unit: 'mL' } }),
      { dose: { value: '5.76', unit: 'mL' } },
    ],
    [
      'containers (repeating, merged per NDC)',
      {
        extension: [
          containerExt('0006-3026-02', 1),
          containerExt('00006302602', 1),
          containerExt('0006-3026-04', 1),
        ],
      },
      {
        containers: [
          { ndc11: '00006302602', count: 2 },
          { ndc11: '00006302604', count: 1 },
        ],
      },
    ],
    [
      'discarded amount',
      { extension: [{ url: EXT.discardedAmount, valueQuantity: { value: 56, code: 'mg' } }] },
      { discarded: { value: '56', unit: 'mg' } },
    ],
    ['shared container', { extension: [boolExt(EXT.sharedContainer)] }, { sharedContainer: true }],
    [
      'no container extension',
      {},
      { containers: undefined, discarded: undefined, sharedContainer: false },
    ],
  ])('%s', (_n, over, expected) => {
    expectFields(mapOne(administration(over)), expected);
  });

  it('ordered dose from the request MedicationRequest', () => {
    const a = mapOne(administration({ request: { reference: 'MedicationRequest/r1' } }), {
      resourceType: 'MedicationRequest',
      id: 'r1',
      subject: { reference: 'Patient/p1' },
      dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 200, code: 'mg' } }] }],
    });
    expect(a.request).toBe('MedicationRequest/r1');
    expect(a.orderedDose).toEqual({ value: '200', unit: 'mg' });
  });
});

describe('§2.4 research extensions', () => {
  it.each<[string, Json, Partial<Administration>]>([
    [
      'workflow-researchStudy',
      {
        extension: [
          { url: WORKFLOW_RESEARCH_STUDY, valueReference: { reference: 'ResearchStudy/s1' } },
        ],
      },
      { researchStudy: 'ResearchStudy/s1' },
    ],
    ['sponsor-supplied', { extension: [boolExt(EXT.sponsorSupplied)] }, { sponsorSupplied: true }],
    ['sponsor-paid', { extension: [boolExt(EXT.sponsorPaid)] }, { sponsorPaid: true }],
    [
      'trial-item-role investigational',
      { extension: [{ url: EXT.trialItemRole, valueCode: 'investigational' }] },
      { trialItemRole: 'investigational' },
    ],
    [
      'trial-item-role routine',
      { extension: [{ url: EXT.trialItemRole, valueCode: 'routine' }] },
      { trialItemRole: 'routine' },
    ],
    [
      'trial-item-role unknown code',
      { extension: [{ url: EXT.trialItemRole, valueCode: 'other' }] },
      { trialItemRole: undefined },
    ],
  ])('%s', (_n, over, expected) => {
    expectFields(mapOne(administration(over)), expected);
  });
});
