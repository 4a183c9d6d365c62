// Orders not yet given → planned doses, read from the fixture stories (billing-rules P-1).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Bundle, FhirResource, MedicationRequest } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/index.ts';
import { builtinReference } from '../../reference/builtin.ts';
import { planResources, type PlanOptions } from './planned-doses.ts';

function story(name: string): FhirResource[] {
  const path = resolve(import.meta.dirname, '../../../fhir-fixtures', name);
  const bundle = JSON.parse(readFileSync(path, 'utf8')) as Bundle<FhirResource>;
  return (bundle.entry ?? []).flatMap((e) => (e.resource ? [e.resource] : []));
}

const options: PlanOptions = {
  config: defaultConfig(),
  reference: builtinReference(),
  today: '2026-08-10',
};
const authExpired = story('06-authorization-expired.json');

describe('P-1 planned doses from active orders not yet given', () => {
  it('P-1 story 06: the next cycle’s nivolumab, dated by its planned visit, is critical', () => {
    const [r, ...rest] = planResources(authExpired, options);
    expect(rest).toEqual([]);
    expect(r?.dose).toMatchObject({
      ref: 'MedicationRequest/auth-expired-rx-nivolumab-cycle2',
      encounter: 'Encounter/enc-auth-expired-20260819',
      date: '2026-08-19',
      dateSource: 'Encounter/enc-auth-expired-20260819',
    });
    expect(r).toMatchObject({ hcpcs: 'J9299', units: 240, amount: 8213.28 });
    expect(r?.warnings[0]).toMatchObject({
      code: 'AUTH_EXPIRED',
      amountAtStake: 8213.28,
      nurseMessage:
        'Prior authorization PA-55120 ended on 29 July: check with the clinician before starting.',
    });
  });

  it.each([
    ['the active order', 'active', 1],
    ['a completed order', 'completed', 0],
    ['a stopped order', 'stopped', 0],
  ])('P-1 %s (%s) → %i planned dose(s)', (_l, status, n) => {
    const changed = authExpired.map((r) =>
      r.resourceType === 'MedicationRequest' && r.id === 'auth-expired-rx-nivolumab-cycle2'
        ? ({ ...r, status } as MedicationRequest)
        : r,
    );
    expect(planResources(changed, options)).toHaveLength(n);
  });

  it('P-1 an order an administration already points to is not planned (story 06 cycle 1)', () => {
    const cycle1 = authExpired.map((r) =>
      r.resourceType === 'MedicationRequest' && r.id === 'auth-expired-rx-nivolumab'
        ? ({ ...r, status: 'active' } as MedicationRequest)
        : r,
    );
    const refs = planResources(cycle1, options).map((r) => r.dose.ref);
    expect(refs).toEqual(['MedicationRequest/auth-expired-rx-nivolumab-cycle2']);
  });

  it.each([
    ['an Appointment on or after today dates it', '2026-08-26', '2026-08-26'],
    ['an Appointment before today does not', '2026-08-01', '2026-08-10'],
  ])('P-1 without a visit: %s', (_l, start, date) => {
    const noVisit = authExpired.map((r) =>
      r.resourceType === 'MedicationRequest' && r.id === 'auth-expired-rx-nivolumab-cycle2'
        ? ({ ...r, encounter: undefined } as MedicationRequest)
        : r,
    );
    const appointment: FhirResource = {
      resourceType: 'Appointment',
      id: 'appt-1',
      status: 'booked',
      start: `${start}T13:00:00-04:00`,
      participant: [{ actor: { reference: 'Patient/pt-auth-expired' }, status: 'accepted' }],
    };
    const [r] = planResources([...noVisit, appointment], options);
    expect(r?.dose.date).toBe(date);
  });

  it('P-1 draft orders named by the caller are checked whatever their status', () => {
    const draft: MedicationRequest = {
      resourceType: 'MedicationRequest',
      id: 'draft-1',
      status: 'draft',
      intent: 'order',
      subject: { reference: 'Patient/pt-auth-expired' },
      medicationReference: { reference: 'Medication/auth-expired-med-nivolumab' },
      dosageInstruction: [{ doseAndRate: [{ doseQuantity: { value: 480, unit: 'mg' } }] }],
    };
    const [r] = planResources([...authExpired, draft], {
      ...options,
      only: ['MedicationRequest/draft-1'],
    });
    expect(r).toMatchObject({ units: 480, dose: { date: '2026-08-10' } });
    expect(r?.warnings[0]?.code).toBe('AUTH_EXPIRED');
  });
});
