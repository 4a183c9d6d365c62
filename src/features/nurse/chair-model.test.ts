import type { FhirResource, MedicationAdministration, MedicationRequest } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { buildChairModel, chairStatus, type ChairStatus } from '../../fhir/map/chair-model.ts';

const now = new Date(2026, 2, 2, 12, 0);
const today = (h: number, m = 0) => new Date(2026, 2, 2, h, m).toISOString();
const yesterday = new Date(2026, 2, 1, 10, 0).toISOString();

function ma(id: string, extra: Partial<MedicationAdministration> = {}): MedicationAdministration {
  return {
    resourceType: 'MedicationAdministration',
    id,
    meta: { versionId: '1' },
    status: 'in-progress',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationCodeableConcept: { text: `Drug ${id}` },
    effectivePeriod: { start: today(9) },
    ...extra,
  };
}

function mr(id: string, extra: Partial<MedicationRequest> = {}): MedicationRequest {
  return {
    resourceType: 'MedicationRequest',
    id,
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    encounter: { reference: 'Encounter/e1' },
    authoredOn: today(8),
    medicationCodeableConcept: { text: `Ordered ${id}` },
    ...extra,
  };
}

describe('plain status for the nurse (contract §2.1)', () => {
  const push = { method: { coding: [{ code: 'IVPUSH' }] } };
  it.each<[string, Partial<MedicationAdministration>, ChairStatus]>([
    ['in-progress with a start is running', {}, 'running'],
    ['in-progress without a start needs one', { effectivePeriod: {} }, 'needs-start'],
    ['on-hold with a start is paused', { status: 'on-hold' }, 'paused'],
    ['completed infusion without an end needs a stop', { status: 'completed' }, 'needs-stop'],
    [
      'completed infusion with only a dateTime and a rate needs a stop',
      {
        status: 'completed',
        effectiveDateTime: today(9),
        dosage: { rateQuantity: { value: 100, unit: 'mL/h' } },
      },
      'needs-stop',
    ],
    [
      'completed push with a dateTime is done',
      { status: 'completed', effectiveDateTime: today(9), dosage: push },
      'done',
    ],
    [
      'completed infusion with both times is done',
      { status: 'completed', effectivePeriod: { start: today(9), end: today(10) } },
      'done',
    ],
    [
      'stopped with both times is stopped early',
      { status: 'stopped', effectivePeriod: { start: today(9), end: today(9, 20) } },
      'stopped-early',
    ],
    ['not-done is not given', { status: 'not-done' }, 'not-given'],
  ])('%s', (_name, extra, want) => {
    const m = ma('x', extra);
    if (extra.effectiveDateTime) delete m.effectivePeriod;
    const isInfusion = !(extra.dosage === push || (extra.effectiveDateTime && !extra.dosage));
    expect(chairStatus(m, isInfusion)).toBe(want);
  });
});

describe('buildChairModel', () => {
  const resources: FhirResource[] = [
    ma('run', { effectivePeriod: { start: today(10) } }),
    ma('done', {
      status: 'completed',
      effectivePeriod: { start: today(8), end: today(9) },
      request: { reference: 'MedicationRequest/o1' },
    }),
    ma('other-enc', { context: { reference: 'Encounter/e2' } }),
    ma('other-patient', { subject: { reference: 'Patient/p2' } }),
    ma('error', { status: 'entered-in-error' }),
    ma('med-ref', {
      medicationCodeableConcept: undefined,
      medicationReference: { reference: 'Medication/m1' },
      status: 'completed',
      effectivePeriod: { start: today(7), end: today(8) },
    }),
    {
      resourceType: 'Medication',
      id: 'm1',
      code: {
        coding: [
          { system: 'http://hl7.org/fhir/sid/ndc', code: '00006302602', display: 'Keytruda' },
        ],
      },
    },
    mr('o1'),
    mr('o2'),
    mr('o3', { encounter: { reference: 'Encounter/e2' } }),
    mr('o4', { status: 'completed' }),
  ];

  it('shows the launch encounter: running first, a timeline by start, orders not started', () => {
    const model = buildChairModel(resources, { patientId: 'p1', encounterId: 'e1', now });
    expect(model.running.map((r) => r.ref)).toEqual(['MedicationAdministration/run']);
    expect(model.timeline.map((r) => r.ref)).toEqual([
      'MedicationAdministration/med-ref',
      'MedicationAdministration/done',
    ]);
    expect(model.timeline[0]?.drug).toMatchObject({ name: 'Keytruda', ndcs: ['00006302602'] });
    expect(model.running[0]?.etag).toBe('W/"1"');
    expect(model.orders.map((o) => o.request.id)).toEqual(['o2']);
  });

  it('without an encounter shows all of the patient’s administrations today', () => {
    const withOld = [
      ...resources,
      ma('old', { status: 'completed', effectivePeriod: { start: yesterday, end: yesterday } }),
    ];
    const model = buildChairModel(withOld, { patientId: 'p1', encounterId: undefined, now });
    const refs = [...model.running, ...model.timeline].map((r) => r.ref.split('/')[1]);
    expect(refs.sort()).toEqual(['done', 'med-ref', 'other-enc', 'run']);
    expect(model.orders.map((o) => o.request.id).sort()).toEqual(['o2', 'o3']);
  });

  it('applies pending changes and shows pending creates, hiding their order', () => {
    const model = buildChairModel(
      resources,
      { patientId: 'p1', encounterId: 'e1', now },
      (ref, m) =>
        ref === 'MedicationAdministration/run'
          ? { ...m, status: 'completed', effectivePeriod: { start: today(10), end: today(11) } }
          : m,
      [
        {
          ref: 'local:abc',
          resource: ma('ignored', { request: { reference: 'MedicationRequest/o2' } }),
        },
      ],
    );
    expect(model.running.map((r) => r.ref)).toEqual(['local:abc']);
    expect(model.timeline.find((r) => r.ref.endsWith('/run'))?.status).toBe('done');
    expect(model.orders).toEqual([]);
  });
});

describe('issue 15 §5 the engine decides the kind (serviceKindOf: R20.1 route, R26.4 method)', () => {
  const SNOMED = 'http://snomed.info/sct';
  const route = (code: string) => ({ route: { coding: [{ system: SNOMED, code }] } });
  const method = (code: string) => ({
    coding: [{ system: 'https://everydose.dev/fhir/CodeSystem/administration-method', code }],
  });
  it.each<[string, Partial<MedicationAdministration>, string, boolean, ChairStatus]>([
    ['R21 SC route → injection', { dosage: route('34206005') }, 'injection', false, 'running'],
    [
      'R21.10 completed SC injection at one instant is done, not needing a stop',
      { status: 'completed', effectiveDateTime: today(9), dosage: route('34206005') },
      'injection',
      false,
      'done',
    ],
    [
      'R21 IM route → injection',
      { status: 'completed', dosage: route('78421000') },
      'injection',
      false,
      'done',
    ],
    [
      'R26.4 pump-initiation method → pump start',
      { dosage: { ...route('47625008'), method: method('pump-initiation') } },
      'pump-start',
      false,
      'running',
    ],
    [
      'R26.4 pump-disconnect method → disconnect',
      { status: 'completed', dosage: { ...route('47625008'), method: method('pump-disconnect') } },
      'pump-disconnect',
      false,
      'done',
    ],
    [
      'R26.4 port-flush method → port flush',
      { status: 'completed', dosage: { ...route('47625008'), method: method('port-flush') } },
      'port-flush',
      false,
      'done',
    ],
    [
      'contract §2.1 IV with a period → infusion',
      { status: 'completed', dosage: route('47625008') },
      'infusion',
      true,
      'needs-stop',
    ],
    [
      'contract §2.1 IV with only a dateTime and no rate → push',
      { status: 'completed', effectiveDateTime: today(9), dosage: route('47625008') },
      'push',
      false,
      'done',
    ],
    [
      'R20.3 no route → unknown, still asked for both times (never assumed anything)',
      { status: 'completed' },
      'unknown-route',
      true,
      'needs-stop',
    ],
    [
      'R20.4 oral → not coded, no stop asked',
      { status: 'completed', dosage: route('26643006') },
      'not-coded-route',
      false,
      'done',
    ],
  ])('%s', (_name, extra, kind, isInfusion, status) => {
    const m = ma('x', extra);
    if (extra.effectiveDateTime) delete m.effectivePeriod;
    const model = buildChairModel([m], { patientId: 'p1', encounterId: 'e1', now });
    const row = [...model.running, ...model.timeline][0];
    expect(row?.kind).toBe(kind);
    expect(row?.isInfusion).toBe(isInfusion);
    expect(row?.status).toBe(status);
  });

  it.each<[string, NonNullable<MedicationRequest['dosageInstruction']>, number | undefined]>([
    ['46 h', [{ timing: { repeat: { duration: 46, durationUnit: 'h' } } }], 2760],
    ['2 d', [{ timing: { repeat: { duration: 2, durationUnit: 'd' } } }], 2880],
    [
      'boundsDuration 46 h',
      [{ timing: { repeat: { boundsDuration: { value: 46, code: 'h' } } } }],
      2760,
    ],
    ['no timing: not known, never a default', [{}], undefined],
    [
      'unknown unit: not known',
      [{ timing: { repeat: { duration: 46, durationUnit: 'a' } } }],
      undefined,
    ],
  ])('planned pump time from the order: %s', (_name, dosageInstruction, minutes) => {
    const pump = ma('p', {
      dosage: { method: method('pump-initiation'), ...route('47625008') },
      request: { reference: 'MedicationRequest/o1' },
      context: { reference: 'Encounter/e0' },
      effectivePeriod: { start: yesterday },
    });
    const model = buildChairModel([pump, mr('o1', { dosageInstruction })], {
      patientId: 'p1',
      encounterId: 'e1',
      now,
    });
    // A running pump of an earlier visit shows on this visit's chair (R23.7: to disconnect it).
    expect(model.running[0]?.kind).toBe('pump-start');
    expect(model.running[0]?.plannedMinutes).toBe(minutes);
  });
});
