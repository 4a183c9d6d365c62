import type { CodeableConcept, MedicationAdministration } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { ADMINISTRATION_METHOD_SYSTEM, SYSTEMS } from '../../fhir/extensions.ts';
import { builtinReference } from '../../reference/builtin.ts';
import { noWasteReason } from './waste-eligibility.ts';

const reference = builtinReference();
const hcpcs = (code: string): CodeableConcept => ({ coding: [{ system: SYSTEMS.hcpcs, code }] });
const ma = (method?: string): MedicationAdministration => ({
  resourceType: 'MedicationAdministration',
  status: 'completed',
  subject: { reference: 'Patient/p1' },
  effectiveDateTime: '2026-03-02T10:00:00-05:00',
  ...(method
    ? { dosage: { method: { coding: [{ system: ADMINISTRATION_METHOD_SYSTEM, code: method }] } } }
    : {}),
});

describe('issue 14 §2: no "Document waste" on hydration fluids and flushes (contract §2.2, R2.1–R2.3, R24)', () => {
  it.each([
    ['J7050 normal saline 250 mL (hydration)', [hcpcs('J7050')], undefined, 'hydration'],
    ['J1642 heparin flush (flush)', [hcpcs('J1642')], undefined, 'flush'],
    ['R24 port-flush method, whatever the drug', [hcpcs('J9263')], 'port-flush', 'flush'],
    ['J9263 oxaliplatin (chemo) keeps the action', [hcpcs('J9263')], undefined, undefined],
    [
      'oxaliplatin mixed in saline keeps the action',
      [hcpcs('J7050'), hcpcs('J9263')],
      undefined,
      undefined,
    ],
    [
      'a drug the reference data does not know keeps the action',
      [hcpcs('J9999X')],
      undefined,
      undefined,
    ],
    ['no code at all keeps the action (nothing vanishes)', [], undefined, undefined],
    ['pump-disconnect method is not a flush', [hcpcs('J9263')], 'pump-disconnect', undefined],
  ])('%s', (_name, concepts, method, expected) => {
    expect(noWasteReason(ma(method), concepts, reference, '2026-03-02')).toBe(expected);
  });

  it('with no reference data only the port-flush method decides', () => {
    expect(noWasteReason(ma(), [hcpcs('J7050')], undefined, '2026-03-02')).toBeUndefined();
    expect(noWasteReason(ma('port-flush'), [], undefined, '2026-03-02')).toBe('flush');
  });
});
