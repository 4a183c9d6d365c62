import { describe, expect, it } from 'vitest';
import {
  buildDraftClaim,
  modifierSystem,
  nctDigits,
  procedureSystem,
  type ClaimDraftInput,
  type SignedLine,
} from './claim-builder.ts';
import { SYSTEMS } from '../extensions.ts';

const admin: SignedLine = {
  code: '96413',
  units: 1,
  modifiers: ['Q1'],
  date: '2026-03-02',
  sources: ['MedicationAdministration/a1'],
  decision: 'accepted',
};
const drug: SignedLine = {
  code: 'J9271',
  units: 56,
  modifiers: ['JW', 'Q1'],
  date: '2026-03-02',
  sources: ['MedicationAdministration/a1'],
  ndc: { code: '00006302602', quantity: 2.24, unit: 'ML' },
  amount: 312.5,
  decision: 'edited',
  reason: 'Waste charted late',
};

function input(over: Partial<ClaimDraftInput> = {}): ClaimDraftInput {
  return {
    patient: 'Patient/p1',
    encounter: 'Encounter/e1',
    setting: 'professional',
    lines: [admin, drug],
    diagnoses: ['C34.90'],
    preAuthRefs: ['PA-123'],
    coverage: 'Coverage/c1',
    provider: 'Organization/clinic',
    created: '2026-03-03T10:00:00Z',
    ...over,
  };
}

describe('procedure and modifier code systems', () => {
  it.each([
    ['96413', SYSTEMS.cpt],
    ['0001F', SYSTEMS.cpt],
    ['J9271', SYSTEMS.hcpcs],
    ['Q0083', SYSTEMS.hcpcs],
  ])('%s is coded in %s', (code, system) => {
    expect(procedureSystem(code)).toBe(system);
  });
  it.each([
    ['59', SYSTEMS.cpt],
    ['25', SYSTEMS.cpt],
    ['JW', SYSTEMS.hcpcs],
    ['Q1', SYSTEMS.hcpcs],
  ])('modifier %s is coded in %s', (code, system) => {
    expect(modifierSystem(code)).toBe(system);
  });
});

describe('T-27/T-29 NCT digits', () => {
  it.each([
    ['NCT09900001', '09900001'],
    ['CT09900001', '09900001'],
    ['09900001', '09900001'],
    ['0990-0001', '09900001'],
    ['0990001', undefined],
    ['099000011', undefined],
  ])('%s → %s', (raw, digits) => {
    expect(nctDigits(raw)).toBe(digits);
  });
});

describe('buildDraftClaim', () => {
  it('writes a draft billing claim with one item per signed line', () => {
    const claim = buildDraftClaim(input());
    expect(claim).toMatchObject({
      resourceType: 'Claim',
      status: 'draft',
      use: 'claim',
      type: { coding: [{ code: 'professional' }] },
      patient: { reference: 'Patient/p1' },
      provider: { reference: 'Organization/clinic' },
      insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/c1' } }],
    });
    expect(claim.insurance[0]?.preAuthRef).toEqual(['PA-123']);
    expect(claim.item).toHaveLength(2);
    expect(claim.item?.[1]).toEqual({
      sequence: 2,
      productOrService: { coding: [{ system: SYSTEMS.hcpcs, code: 'J9271' }] },
      modifier: [
        { coding: [{ system: SYSTEMS.hcpcs, code: 'JW' }] },
        { coding: [{ system: SYSTEMS.hcpcs, code: 'Q1' }] },
      ],
      quantity: { value: 56 },
      servicedDate: '2026-03-02',
      encounter: [{ reference: 'Encounter/e1' }],
      net: { value: 312.5, currency: 'USD' },
      detail: [
        {
          sequence: 1,
          productOrService: { coding: [{ system: SYSTEMS.ndc, code: '00006302602' }] },
          quantity: { value: 2.24, unit: 'ML' },
        },
      ],
    });
    expect(claim.item?.[0]?.productOrService.coding?.[0]?.system).toBe(SYSTEMS.cpt);
    expect(claim.item?.[0]?.net).toBeUndefined();
  });

  type Row = [string, Partial<ClaimDraftInput>, string[], string[], string[]];
  // name, input, diagnoses, info valueStrings, NUBC codes
  it.each<Row>([
    ['non-trial: no Z00.6, no NCT', {}, ['C34.90'], [], []],
    [
      'T-22/T-28 trial professional: Z00.6 added, NCT as 8 digits',
      { trial: { nctDigits: '09900001' } },
      ['C34.90', 'Z00.6'],
      ['09900001'],
      [],
    ],
    [
      'T-22 Z00.6 already present (Z006 form) is not added twice',
      { trial: { nctDigits: '09900001' }, diagnoses: ['C34.90', 'Z006'] },
      ['C34.90', 'Z006'],
      ['09900001'],
      [],
    ],
    [
      'T-31/T-28 trial institutional: condition code 30 and value code D4',
      { trial: { nctDigits: '09900001' }, setting: 'facility' },
      ['C34.90', 'Z00.6'],
      ['09900001', '09900001'],
      ['30', 'D4'],
    ],
    [
      'T-33 trial without a known NCT: Z00.6 only, no number invented',
      { trial: {} },
      ['C34.90', 'Z00.6'],
      [],
      [],
    ],
  ])('%s', (_name, over, dx, strings, nubc) => {
    const claim = buildDraftClaim(input(over));
    expect(
      (claim.diagnosis ?? []).map((d) => d.diagnosisCodeableConcept?.coding?.[0]?.code),
    ).toEqual(dx);
    const info = claim.supportingInfo ?? [];
    expect(info.filter((s) => s.valueString).map((s) => s.valueString)).toEqual(strings);
    expect(info.flatMap((s) => s.code?.coding ?? []).map((c) => c.code)).toEqual(nubc);
    expect(info.map((s) => s.sequence)).toEqual(info.map((_s, i) => i + 1));
    expect(info.some((s) => s.valueReference?.reference === 'Encounter/e1')).toBe(true);
  });

  it.each([
    ['professional', 'professional'],
    ['facility', 'institutional'],
  ] as const)('setting %s → claim type %s', (setting, type) => {
    expect(buildDraftClaim(input({ setting })).type.coding?.[0]?.code).toBe(type);
  });

  it('keeps the id of the draft it replaces, and leaves preAuthRef out when none', () => {
    const claim = buildDraftClaim(input({ id: 'claim-9', preAuthRefs: [] }));
    expect(claim.id).toBe('claim-9');
    expect(claim.insurance[0]?.preAuthRef).toBeUndefined();
  });

  it('totals only when every line has a price', () => {
    expect(buildDraftClaim(input()).total).toBeUndefined();
    expect(buildDraftClaim(input({ lines: [drug, drug] })).total).toEqual({
      value: 625,
      currency: 'USD',
    });
  });
});
