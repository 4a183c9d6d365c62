import type { MedicationAdministration, MedicationRequest } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { EXT, SYSTEMS } from '../extensions.ts';
import {
  applyNurseChange,
  clientIdSearchValue,
  isChangeApplied,
  newAdministrationFromRequest,
  readWaste,
  withStartTime,
  withStopTime,
  withWaste,
  type NurseChange,
} from './medication-administration.ts';

const base: MedicationAdministration = {
  resourceType: 'MedicationAdministration',
  id: 'ma1',
  meta: { versionId: '2' },
  status: 'in-progress',
  subject: { reference: 'Patient/p1' },
  context: { reference: 'Encounter/e1' },
  medicationCodeableConcept: { text: 'Pembrolizumab' },
  effectivePeriod: { start: '2026-03-02T09:00:00-05:00' },
  extension: [{ url: EXT.primaryReason, valueBoolean: true }],
};

describe('start and stop times (contract §2.1)', () => {
  it('records a stop time and completes the record without touching the input', () => {
    const next = withStopTime(base, '2026-03-02T10:00:00-05:00');
    expect(next.effectivePeriod).toEqual({
      start: '2026-03-02T09:00:00-05:00',
      end: '2026-03-02T10:00:00-05:00',
    });
    expect(next.status).toBe('completed');
    expect(base.effectivePeriod?.end).toBeUndefined();
    expect(base.status).toBe('in-progress');
  });

  it('marks a stop as stopped early when the nurse says so', () => {
    expect(withStopTime(base, '2026-03-02T09:20:00-05:00', true).status).toBe('stopped');
  });

  it('turns an effectiveDateTime into a period when a stop is recorded', () => {
    const dt: MedicationAdministration = {
      ...base,
      effectivePeriod: undefined,
      effectiveDateTime: '2026-03-02T09:00:00-05:00',
    };
    delete dt.effectivePeriod;
    const next = withStopTime(dt, '2026-03-02T09:45:00-05:00');
    expect(next.effectiveDateTime).toBeUndefined();
    expect(next.effectivePeriod).toEqual({
      start: '2026-03-02T09:00:00-05:00',
      end: '2026-03-02T09:45:00-05:00',
    });
  });

  it.each([
    ['in-progress', 'in-progress'],
    ['on-hold', 'in-progress'],
    ['completed', 'completed'],
    ['stopped', 'stopped'],
  ] as const)('start time on a %s record leaves status %s', (status, want) => {
    const next = withStartTime({ ...base, status }, '2026-03-02T08:55:00-05:00');
    expect(next.status).toBe(want);
    expect(next.effectivePeriod?.start).toBe('2026-03-02T08:55:00-05:00');
  });

  it('keeps an existing end when the start is corrected', () => {
    const done = withStopTime(base, '2026-03-02T10:00:00-05:00');
    expect(withStartTime(done, '2026-03-02T08:58:00-05:00').effectivePeriod).toEqual({
      start: '2026-03-02T08:58:00-05:00',
      end: '2026-03-02T10:00:00-05:00',
    });
  });
});

describe('waste (contract §2.3 container and discarded-amount)', () => {
  it('writes containers and the discarded amount, keeps other extensions', () => {
    const next = withWaste(
      base,
      [
        { ndc: '00006302602', count: 2 },
        { ndc: '00000000000', count: 0 },
      ],
      { value: 56, unit: 'mg' },
    );
    expect(next.extension).toEqual([
      { url: EXT.primaryReason, valueBoolean: true },
      {
        url: EXT.container,
        extension: [
          {
            url: 'product',
            valueCodeableConcept: { coding: [{ system: SYSTEMS.ndc, code: '00006302602' }] },
          },
          { url: 'count', valuePositiveInt: 2 },
        ],
      },
      {
        url: EXT.discardedAmount,
        valueQuantity: { value: 56, unit: 'mg', system: SYSTEMS.ucum, code: 'mg' },
      },
    ]);
    expect(readWaste(next)).toEqual({
      containers: [{ ndc: '00006302602', count: 2 }],
      discarded: { value: 56, unit: 'mg' },
    });
  });

  it('replaces earlier waste rather than adding to it', () => {
    const once = withWaste(base, [{ ndc: 'A', count: 1 }], { value: 1, unit: 'mg' });
    const twice = withWaste(once, [{ ndc: 'B', count: 3 }], { value: 2, unit: 'mg' });
    expect(readWaste(twice)).toEqual({
      containers: [{ ndc: 'B', count: 3 }],
      discarded: { value: 2, unit: 'mg' },
    });
  });
});

describe('isChangeApplied', () => {
  const changes: NurseChange[] = [
    { kind: 'start', at: '2026-03-02T08:50:00-05:00' },
    { kind: 'stop', at: '2026-03-02T10:00:00-05:00' },
    { kind: 'waste', containers: [{ ndc: 'X', count: 1 }], discarded: { value: 3, unit: 'mg' } },
  ];
  it.each(changes)('is true after applying $kind and false before', (change) => {
    expect(isChangeApplied(base, change)).toBe(false);
    expect(isChangeApplied(applyNurseChange(base, change), change)).toBe(true);
  });

  it('compares instants, not strings', () => {
    const stopped = withStopTime(base, '2026-03-02T15:00:00Z');
    expect(isChangeApplied(stopped, { kind: 'stop', at: '2026-03-02T10:00:00-05:00' })).toBe(true);
  });
});

describe('newAdministrationFromRequest', () => {
  const request: MedicationRequest & { id: string } = {
    resourceType: 'MedicationRequest',
    id: 'mr1',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    encounter: { reference: 'Encounter/e1' },
    medicationCodeableConcept: {
      coding: [{ system: SYSTEMS.ndc, code: '00006302602' }],
      text: 'Pembrolizumab',
    },
    dosageInstruction: [
      {
        route: { coding: [{ system: SYSTEMS.snomed, code: '47625008' }] },
        doseAndRate: [
          {
            doseQuantity: { value: 200, unit: 'mg', system: SYSTEMS.ucum, code: 'mg' },
            rateQuantity: { value: 100, unit: 'mL/h' },
          },
        ],
      },
    ],
  };

  it('creates an in-progress administration from the order', () => {
    const ma = newAdministrationFromRequest({
      request,
      patient: 'Patient/p1',
      encounter: 'Encounter/other',
      performer: 'Practitioner/nurse-1',
      at: '2026-03-02T09:00:00-05:00',
      clientId: '5b7c',
    });
    expect(ma).toMatchObject({
      resourceType: 'MedicationAdministration',
      status: 'in-progress',
      subject: { reference: 'Patient/p1' },
      context: { reference: 'Encounter/e1' },
      request: { reference: 'MedicationRequest/mr1' },
      effectivePeriod: { start: '2026-03-02T09:00:00-05:00' },
      performer: [{ actor: { reference: 'Practitioner/nurse-1' } }],
      medicationCodeableConcept: { text: 'Pembrolizumab' },
      dosage: {
        dose: { value: 200, unit: 'mg' },
        rateQuantity: { value: 100 },
        route: { coding: [{ code: '47625008' }] },
      },
      identifier: [{ system: 'urn:ietf:rfc:3986', value: 'urn:uuid:5b7c' }],
    });
    expect(clientIdSearchValue('5b7c')).toBe('urn:ietf:rfc:3986|urn:uuid:5b7c');
  });

  it('uses the launch encounter when the order names none', () => {
    const noEnc = { ...request };
    delete noEnc.encounter;
    const ma = newAdministrationFromRequest({
      request: noEnc,
      patient: 'Patient/p1',
      encounter: 'Encounter/e9',
      performer: undefined,
      at: '2026-03-02T09:00:00-05:00',
      clientId: 'x',
    });
    expect(ma.context?.reference).toBe('Encounter/e9');
    expect(ma.performer).toBeUndefined();
  });
});
