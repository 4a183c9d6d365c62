import type { Claim } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { buildDraftClaim, type ClaimDraftInput } from './claim-builder.ts';
import { mergeOntoDraft } from './claim-merge.ts';

const NUBC_CC = 'https://www.nubc.org/CodeSystem/ConditionCodes';
const ICD = 'http://hl7.org/fhir/sid/icd-10-cm';

const draft: Claim = {
  resourceType: 'Claim',
  id: 'claim-1',
  meta: { versionId: '3' },
  identifier: [{ system: 'urn:practice:claims', value: 'PM-991' }],
  status: 'draft',
  use: 'claim',
  type: { coding: [{ code: 'professional' }] },
  patient: { reference: 'Patient/p1' },
  created: '2026-03-02',
  provider: { reference: 'Organization/clinic' },
  priority: { coding: [{ code: 'normal' }] },
  careTeam: [{ sequence: 1, provider: { reference: 'Practitioner/dr-1' } }],
  insurance: [
    { sequence: 1, focal: true, coverage: { reference: 'Coverage/c1' }, preAuthRef: ['PA-OLD'] },
    { sequence: 2, focal: false, coverage: { reference: 'Coverage/c2' } },
  ],
  diagnosis: [
    {
      sequence: 1,
      diagnosisCodeableConcept: { coding: [{ system: ICD, code: 'C34.90' }] },
      type: [{ text: 'principal' }],
    },
  ],
  supportingInfo: [
    { sequence: 1, category: { coding: [{ code: 'info' }] }, valueString: 'CT99999999' },
    {
      sequence: 2,
      category: { coding: [{ code: 'other' }] },
      code: { text: 'weight' },
      valueQuantity: { value: 72, unit: 'kg' },
    },
    {
      sequence: 3,
      category: { coding: [{ code: 'info' }] },
      valueReference: { reference: 'Encounter/e1' },
    },
  ],
  item: [
    {
      sequence: 1,
      productOrService: { coding: [{ code: 'J9271' }] },
      modifier: [{ coding: [{ code: 'JZ' }] }],
      quantity: { value: 210 },
      net: { value: 21000, currency: 'USD' },
      revenue: { coding: [{ code: '0636' }] },
      diagnosisSequence: [1],
      careTeamSequence: [1],
    },
    {
      sequence: 2,
      productOrService: { coding: [{ code: '96413' }] },
      quantity: { value: 1 },
      unitPrice: { value: 300, currency: 'USD' },
      net: { value: 300, currency: 'USD' },
      locationCodeableConcept: { coding: [{ code: '11' }] },
    },
  ],
  total: { value: 21300, currency: 'USD' },
};

function built(over: Partial<ClaimDraftInput> = {}): Claim {
  return buildDraftClaim({
    patient: 'Patient/p1',
    encounter: 'Encounter/e1',
    setting: 'professional',
    lines: [
      {
        code: '96413',
        units: 1,
        modifiers: [],
        date: '2026-03-02',
        sources: [],
        decision: 'accepted',
      },
      {
        code: 'J9271',
        units: 200,
        modifiers: ['JZ'],
        date: '2026-03-02',
        sources: [],
        amount: 12129,
        decision: 'edited',
        reason: 'r',
      },
      {
        code: '96415',
        units: 1,
        modifiers: [],
        date: '2026-03-02',
        sources: [],
        decision: 'added',
        reason: 'r',
      },
    ],
    diagnoses: ['C34.90', 'D63.0'],
    preAuthRefs: ['PA-NEW'],
    coverage: 'Coverage/c1',
    provider: 'Organization/clinic',
    created: '2026-03-03T10:00:00Z',
    id: 'claim-1',
    ...over,
  });
}

describe('mergeOntoDraft', () => {
  it('keeps header elements the coder did not review, and drops server meta', () => {
    const m = mergeOntoDraft(draft, built());
    expect(m.id).toBe('claim-1');
    expect(m.meta).toBeUndefined();
    expect(m.identifier).toEqual(draft.identifier);
    expect(m.careTeam).toEqual(draft.careTeam);
    expect(m.created).toBe('2026-03-03T10:00:00Z');
  });

  it('keeps drafted diagnoses with their sequences and appends new codes', () => {
    const m = mergeOntoDraft(draft, built({ trial: { nctDigits: '09900001' } }));
    expect(
      m.diagnosis?.map((d) => [d.sequence, d.diagnosisCodeableConcept?.coding?.[0]?.code]),
    ).toEqual([
      [1, 'C34.90'],
      [2, 'D63.0'],
      [3, 'Z00.6'],
    ]);
    expect(m.diagnosis?.[0]?.type).toEqual([{ text: 'principal' }]);
  });

  it.each<[string, Partial<ClaimDraftInput>, string[]]>([
    [
      'T-29 trial: the drafted invalid number is replaced by the study number',
      { trial: { nctDigits: '09900001' } },
      ['weight', '09900001', 'Encounter/e1'],
    ],
    [
      'non-trial: the drafted trial number stays for the coder to judge',
      {},
      ['CT99999999', 'weight', 'Encounter/e1'],
    ],
    [
      'T-31 institutional trial: condition code 30 and D4 replace nothing else',
      { trial: { nctDigits: '09900001' }, setting: 'facility' },
      ['weight', '09900001', '30', 'D4', 'Encounter/e1'],
    ],
  ])('supportingInfo, %s', (_name, over, expected) => {
    const m = mergeOntoDraft(draft, built(over));
    const info = m.supportingInfo ?? [];
    expect(
      info.map((s) =>
        s.code?.coding?.[0]?.system === NUBC_CC || s.code?.coding?.[0]?.code === 'D4'
          ? (s.code.coding[0]?.code ?? '')
          : (s.valueString ?? s.code?.text ?? s.valueReference?.reference ?? ''),
      ),
    ).toEqual(expected);
    expect(info.map((s) => s.sequence)).toEqual(info.map((_s, i) => i + 1));
  });

  it('keeps each paired item’s revenue, pointers and charge (scaled to the signed units)', () => {
    const m = mergeOntoDraft(draft, built());
    const [admin, drug, added] = m.item ?? [];
    expect(admin).toMatchObject({
      sequence: 1,
      locationCodeableConcept: { coding: [{ code: '11' }] },
      unitPrice: { value: 300 },
      net: { value: 300 },
    });
    expect(drug).toMatchObject({
      sequence: 2,
      quantity: { value: 200 },
      revenue: { coding: [{ code: '0636' }] },
      diagnosisSequence: [1],
      careTeamSequence: [1],
      net: { value: 20000, currency: 'USD' },
    });
    expect(added?.net).toBeUndefined();
    expect(m.total).toBeUndefined();
  });

  it('totals when every item has a charge', () => {
    const b = built();
    b.item = b.item?.slice(0, 2);
    expect(mergeOntoDraft(draft, b).total).toEqual({ value: 20300, currency: 'USD' });
  });

  it('keeps the secondary insurance and unites the authorization numbers', () => {
    const m = mergeOntoDraft(draft, built());
    expect(m.insurance).toEqual([
      {
        sequence: 1,
        focal: true,
        coverage: { reference: 'Coverage/c1' },
        preAuthRef: ['PA-OLD', 'PA-NEW'],
      },
      { sequence: 2, focal: false, coverage: { reference: 'Coverage/c2' } },
    ]);
  });
});
