// Issue 15 §5 writes (injection-pump-rules R21.10, R23.6, R23.7, R24, R26.1, R26.3, R26.4): one
// instant for injections, flushes, refills and disconnects; the disconnect is its own record.
import type {
  CodeableConcept,
  Medication,
  MedicationAdministration,
  MedicationRequest,
} from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { ADMINISTRATION_METHOD_SYSTEM, SYSTEMS } from '../extensions.ts';
import {
  applyNurseChange,
  isChangeApplied,
  newInjectionFromRequest,
  newPumpDisconnect,
  newServiceFromRequest,
  type TimeCorrection,
} from './medication-administration.ts';
import { createdText } from './nurse-provenance.ts';
import { mapPatientInputs } from '../map/patient-input.ts';

const AT = '2026-08-05T12:40:00-04:00';
const SC = { coding: [{ system: SYSTEMS.snomed, code: '34206005' }] };
const IV = { coding: [{ system: SYSTEMS.snomed, code: '47625008' }] };
const method = (code: string) => ({ coding: [{ system: ADMINISTRATION_METHOD_SYSTEM, code }] });

function order(dosage: NonNullable<MedicationRequest['dosageInstruction']>[number]) {
  return {
    resourceType: 'MedicationRequest',
    id: 'rx',
    status: 'active',
    intent: 'order',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: 'Drug' },
    dosageInstruction: [dosage],
  } satisfies MedicationRequest & { id: string };
}
const input = (request: MedicationRequest & { id: string }) => ({
  request,
  patient: 'Patient/p1',
  encounter: 'Encounter/e3',
  performer: 'Practitioner/nurse-1',
  at: AT,
  clientId: 'c1',
});

describe('one-instant records from an order', () => {
  it('R21.10/R26.3 an injection: effectiveDateTime, completed, order route, coded site', () => {
    const ma = newInjectionFromRequest({
      ...input(order({ route: SC })),
      site: { code: '368208006', words: 'Left upper arm' },
    });
    expect(ma.effectiveDateTime).toBe(AT);
    expect(ma.effectivePeriod).toBeUndefined();
    expect(ma.status).toBe('completed');
    expect(ma.dosage?.route).toEqual(SC);
    expect(ma.dosage?.site).toEqual({
      coding: [{ system: SYSTEMS.snomed, code: '368208006', display: 'Left upper arm' }],
      text: 'Left upper arm',
    });
    expect(ma.context?.reference).toBe('Encounter/e3');
  });

  it.each<[string, boolean | undefined, string | undefined, string]>([
    [
      'R20.7 on-body injector',
      true,
      'on-body-injector',
      'Nurse recorded an injection with an on-body injector',
    ],
    ['R20.7 boundary: plain SC injection', false, undefined, 'Nurse recorded an injection'],
    ['R20.7 boundary: not said', undefined, undefined, 'Nurse recorded an injection'],
  ])('%s: method and Provenance words', (_name, onBodyInjector, code, text) => {
    const ma = newInjectionFromRequest({
      ...input(order({ route: SC })),
      site: { code: '368208006', words: 'Left upper arm' },
      ...(onBodyInjector !== undefined ? { onBodyInjector } : {}),
    });
    expect(ma.dosage?.method?.coding?.[0]?.code).toBe(code);
    if (code) expect(ma.dosage?.method?.coding?.[0]?.system).toBe(ADMINISTRATION_METHOD_SYSTEM);
    expect(createdText(ma)).toBe(text);
    // The engine's reading of the written record (contract §2.1): 96377 when it says so.
    const mapped = mapPatientInputs([
      { ...ma, id: 'x' },
      { resourceType: 'Patient', id: 'p1' },
    ])[0]?.administrations[0];
    expect(mapped?.onBodyInjector).toBe(onBodyInjector ? true : undefined);
  });

  it.each<['port-flush' | 'pump-refill', CodeableConcept | undefined]>([
    ['port-flush', undefined],
    ['port-flush', method('port-flush')],
    ['pump-refill', undefined],
    ['pump-refill', { ...method('pump-refill'), text: 'Refill of implanted pump' }],
  ])('R26.4 %s (order method %j): one instant, the method', (service, m) => {
    const ma = newServiceFromRequest(
      input(order({ route: IV, ...(m ? { method: m } : {}) })),
      service,
    );
    expect(ma.effectiveDateTime).toBe(AT);
    expect(ma.status).toBe('completed');
    expect(ma.dosage?.method?.coding?.[0]).toEqual({
      system: ADMINISTRATION_METHOD_SYSTEM,
      code: service,
    });
    if (m) expect(ma.dosage?.method).toEqual(m); // the order's own words kept (R27.11 text)
  });
});

describe('R23.7/R26.1 pump disconnect', () => {
  const pump: MedicationAdministration = {
    resourceType: 'MedicationAdministration',
    id: 'pump',
    status: 'in-progress',
    subject: { reference: 'Patient/p1' },
    context: { reference: 'Encounter/e1' },
    medicationReference: { reference: '#m' },
    contained: [
      { resourceType: 'Medication', id: 'm', code: { text: 'Fluorouracil' } } as Medication,
    ],
    effectivePeriod: { start: '2026-08-03T14:40:00-04:00' },
    dosage: { route: IV, method: method('pump-initiation'), site: { text: 'Right chest port' } },
  };
  it.each<[string, string | undefined, string]>([
    ['in the disconnect visit', 'Encounter/e3', 'Encounter/e3'],
    ['no visit in the launch: the pump’s own', undefined, 'Encounter/e1'],
  ])('its own record, %s', (_name, encounter, context) => {
    const off = newPumpDisconnect({
      pump,
      pumpRef: 'MedicationAdministration/pump',
      patient: 'Patient/p1',
      encounter,
      performer: 'Practitioner/nurse-1',
      at: AT,
      clientId: 'c2',
    });
    expect(off).toMatchObject({
      status: 'completed',
      effectiveDateTime: AT,
      partOf: [{ reference: 'MedicationAdministration/pump' }],
      context: { reference: context },
      medicationReference: { reference: '#m' },
      dosage: { route: IV, method: method('pump-disconnect'), site: { text: 'Right chest port' } },
    });
    expect(off.contained).toEqual(pump.contained);
    expect(off.effectivePeriod).toBeUndefined();
  });

  it('the pump itself gets its end and stays dated on its start (withStopTime)', () => {
    const ended = applyNurseChange(pump, { kind: 'stop', at: AT });
    expect(ended.effectivePeriod).toEqual({ start: '2026-08-03T14:40:00-04:00', end: AT });
    expect(ended.status).toBe('completed');
  });
});

describe('Correct time on a one-instant record keeps it one instant', () => {
  const injection: MedicationAdministration = {
    resourceType: 'MedicationAdministration',
    status: 'completed',
    subject: { reference: 'Patient/p1' },
    medicationCodeableConcept: { text: 'Denosumab' },
    effectiveDateTime: '2026-08-05T10:00:00-04:00',
  };
  const change: TimeCorrection = {
    kind: 'correct',
    field: 'start',
    at: '2026-08-05T09:50:00-04:00',
    previous: '2026-08-05T10:00:00-04:00',
    reason: 'charted late',
    author: 'Practitioner/nurse-1',
    recorded: AT,
  };
  it('R21.10 corrected time in effectiveDateTime, no period, and the change is found applied', () => {
    const fixed = applyNurseChange(injection, change);
    expect(fixed.effectiveDateTime).toBe(change.at);
    expect(fixed.effectivePeriod).toBeUndefined();
    expect(isChangeApplied(fixed, change)).toBe(true);
    expect(isChangeApplied(injection, change)).toBe(false);
  });
});
