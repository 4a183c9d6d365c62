import { describe, expect, it } from 'vitest';
import { SYSTEMS } from '../extensions.ts';
import {
  buildChargeItems,
  chargeKeyOf,
  chargeLineKeys,
  modifyParameters,
  sameCharge,
} from './charge-item-builder.ts';
import type { SignedLine } from './claim-builder.ts';
import { ORACLE_EXT } from './oracle-charge-extensions.ts';
import { defined } from '../../../test/defined.ts';

const admin: SignedLine = {
  code: '96413',
  units: 1,
  modifiers: [],
  date: '2026-03-02',
  sources: ['MedicationAdministration/a1', 'Medication/m1'],
  decision: 'accepted',
};
const drug: SignedLine = {
  code: 'J9271',
  units: 56,
  modifiers: ['JW', 'Q1'],
  date: '2026-03-02',
  sources: ['MedicationAdministration/a1'],
  ndc: { code: '00006302602', quantity: 2.24, unit: 'ML' },
  decision: 'edited',
  reason: 'Waste charted late',
};
const input = {
  patient: 'Patient/p1',
  encounter: 'Encounter/e1',
  lines: [admin, drug],
  enterer: 'Practitioner/coder-1',
  entered: '2026-03-02T18:00:00Z',
};

describe('ChargeItem per signed line', () => {
  const [a, d] = buildChargeItems(input).map((b) => b.charge);

  it('code, quantity, subject, context, service → the administrations only, enterer', () => {
    expect(a).toMatchObject({
      resourceType: 'ChargeItem',
      status: 'billable',
      code: { coding: [{ system: SYSTEMS.cpt, code: '96413' }] },
      quantity: { value: 1 },
      subject: { reference: 'Patient/p1' },
      context: { reference: 'Encounter/e1' },
      service: [{ reference: 'MedicationAdministration/a1' }],
      occurrenceDateTime: '2026-03-02',
      enterer: { reference: 'Practitioner/coder-1' },
      enteredDate: '2026-03-02T18:00:00Z',
    });
    expect(a?.extension).toBeUndefined();
  });

  it('modifiers in Oracle modifier-code extensions with their priority, NDC in national-drug-product', () => {
    expect(d?.code.coding?.[0]).toEqual({ system: SYSTEMS.hcpcs, code: 'J9271' });
    const mods = d?.extension?.filter((e) => e.url === ORACLE_EXT.modifierCode) ?? [];
    expect(
      mods.map((m) => [
        m.extension?.[0]?.valueCodeableConcept?.coding?.[0]?.code,
        m.extension?.[1]?.valueUnsignedInt,
      ]),
    ).toEqual([
      ['JW', 1],
      ['Q1', 2],
    ]);
    const ndc = d?.extension?.find((e) => e.url === ORACLE_EXT.nationalDrugProduct);
    expect(ndc?.extension?.map((e) => e.url)).toEqual([
      'national-drug-product-code',
      'national-drug-product-quantity',
    ]);
    expect(ndc?.extension?.[1]?.valueQuantity).toEqual({ value: 2.24, unit: 'ML' });
    expect(d?.productCodeableConcept?.coding?.[0]?.code).toBe('00006302602');
  });

  it.each<[string, SignedLine[], string[]]>([
    [
      'distinct lines',
      [admin, drug],
      ['Encounter/e1|96413||2026-03-02|1', 'Encounter/e1|J9271|JW+Q1|2026-03-02|1'],
    ],
    [
      'two equal lines are ranked',
      [admin, admin],
      ['Encounter/e1|96413||2026-03-02|1', 'Encounter/e1|96413||2026-03-02|2'],
    ],
  ])('line keys: %s', (_name, lines, want) => {
    expect(chargeLineKeys('Encounter/e1', lines)).toEqual(want);
  });

  it('the key is on the charge, and $modify carries the existing id', () => {
    const [b] = buildChargeItems(input);
    expect(b && chargeKeyOf(b.charge)).toBe(b?.key);
    const p = modifyParameters('c9', defined(b).charge);
    expect(p.parameter?.[0]).toMatchObject({ name: 'chargeItem', resource: { id: 'c9' } });
  });

  it.each<[string, Partial<SignedLine>, boolean]>([
    ['same line', {}, true],
    ['units 56 vs 57', { units: 57 }, false],
    ['a modifier more', { modifiers: ['JW', 'Q1', 'XE'] }, false],
  ])('sameCharge: %s → %s', (_name, change, want) => {
    const before = defined(buildChargeItems(input)[1]).charge;
    const after = defined(
      buildChargeItems({ ...input, lines: [admin, { ...drug, ...change }] })[1],
    ).charge;
    expect(sameCharge({ ...before, id: 'x', meta: { versionId: '1' } }, after)).toBe(want);
  });
});
