import type {
  Claim,
  ClaimResponse,
  Coverage,
  FhirResource,
  ResearchStudy,
  ResearchSubject,
} from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import { claimContextFrom, type ClaimContextQuery } from './claim-context.ts';
import { findExistingClaim } from './claim-existing.ts';

const q: ClaimContextQuery = {
  patient: 'Patient/p1',
  encounter: 'Encounter/e1',
  dateOfService: '2026-03-02',
  codes: ['96413', 'J9271'],
};

function cov(id: string, over: Partial<Coverage> = {}): Coverage {
  return {
    resourceType: 'Coverage',
    id,
    status: 'active',
    beneficiary: { reference: 'Patient/p1' },
    payor: [{ reference: `Organization/payer-${id}` }],
    ...over,
  };
}

const paRequest: Claim = {
  resourceType: 'Claim',
  id: 'pa-req',
  status: 'active',
  use: 'preauthorization',
  type: { coding: [{ code: 'professional' }] },
  patient: { reference: 'Patient/p1' },
  created: '2026-02-01',
  provider: { reference: 'Organization/clinic' },
  priority: { coding: [{ code: 'normal' }] },
  insurance: [{ sequence: 1, focal: true, coverage: { reference: 'Coverage/c1' } }],
  item: [
    { sequence: 1, productOrService: { coding: [{ code: 'J9271' }] }, quantity: { value: 800 } },
  ],
};

function pa(over: Partial<ClaimResponse> = {}): ClaimResponse {
  return {
    resourceType: 'ClaimResponse',
    id: 'pa',
    status: 'active',
    type: { coding: [{ code: 'professional' }] },
    use: 'preauthorization',
    patient: { reference: 'Patient/p1' },
    created: '2026-02-02',
    insurer: { reference: 'Organization/payer' },
    outcome: 'complete',
    request: { reference: 'Claim/pa-req' },
    preAuthRef: 'PA-777',
    preAuthPeriod: { start: '2026-02-01', end: '2026-04-30' },
    ...over,
  };
}

const studyWith = (value: string): ResearchStudy => ({
  resourceType: 'ResearchStudy',
  id: 's1',
  status: 'active',
  identifier: [{ system: 'https://clinicaltrials.gov', value }],
});
const subject = (over: Partial<ResearchSubject> = {}): ResearchSubject => ({
  resourceType: 'ResearchSubject',
  id: 'rs1',
  status: 'on-study',
  individual: { reference: 'Patient/p1' },
  study: { reference: 'ResearchStudy/s1' },
  period: { start: '2026-01-01' },
  ...over,
});

describe('claimContextFrom: primary coverage on the date of service (contract §2.4)', () => {
  it.each<[string, FhirResource[], string | undefined]>([
    ['one active', [cov('c1')], 'Coverage/c1'],
    ['lowest order wins', [cov('c2', { order: 2 }), cov('c1', { order: 1 })], 'Coverage/c1'],
    ['ended the day before', [cov('c1', { period: { end: '2026-03-01' } })], undefined],
    ['ends on the day', [cov('c1', { period: { end: '2026-03-02' } })], 'Coverage/c1'],
    ['starts the day after', [cov('c1', { period: { start: '2026-03-03' } })], undefined],
    ['cancelled', [cov('c1', { status: 'cancelled' })], undefined],
    ['another patient', [cov('c1', { beneficiary: { reference: 'Patient/p2' } })], undefined],
  ])('%s', (_name, rs, expected) => {
    expect(claimContextFrom(rs, q).coverage).toBe(expected);
  });
});

describe('claimContextFrom: authorization numbers for insurance.preAuthRef', () => {
  it.each<[string, FhirResource[], string[]]>([
    ['covers the date and the drug', [paRequest, pa()], ['PA-777']],
    ['period ended before the date', [paRequest, pa({ preAuthPeriod: { end: '2026-03-01' } })], []],
    [
      'period ends on the date',
      [paRequest, pa({ preAuthPeriod: { end: '2026-03-02' } })],
      ['PA-777'],
    ],
    ['outcome error', [paRequest, pa({ outcome: 'error' })], []],
    [
      'other drug only',
      [
        pa({
          request: undefined,
          addItem: [{ productOrService: { coding: [{ code: 'J9299' }] }, adjudication: [] }],
        }),
      ],
      [],
    ],
    [
      'drug named in addItem',
      [
        pa({
          request: undefined,
          addItem: [{ productOrService: { coding: [{ code: 'J9271' }] }, adjudication: [] }],
        }),
      ],
      ['PA-777'],
    ],
  ])('%s', (_name, rs, expected) => {
    expect(claimContextFrom(rs, q).preAuthRefs).toEqual(expected);
  });
});

describe('claimContextFrom: enrolled study and its NCT digits (T-06, T-27)', () => {
  it.each<[string, FhirResource[], { ref: string; nctDigits?: string } | undefined]>([
    [
      'on study',
      [subject(), studyWith('NCT09900001')],
      { ref: 'ResearchStudy/s1', nctDigits: '09900001' },
    ],
    [
      'on-study-intervention',
      [subject({ status: 'on-study-intervention' }), studyWith('NCT09900001')],
      { ref: 'ResearchStudy/s1', nctDigits: '09900001' },
    ],
    ['off study', [subject({ status: 'off-study' }), studyWith('NCT09900001')], undefined],
    [
      'enrolled after the date',
      [subject({ period: { start: '2026-03-03' } }), studyWith('NCT09900001')],
      undefined,
    ],
    ['study without a valid number', [subject(), studyWith('NCT123')], { ref: 'ResearchStudy/s1' }],
    ['study not readable', [subject()], { ref: 'ResearchStudy/s1' }],
  ])('%s', (_name, rs, expected) => {
    expect(claimContextFrom(rs, q).study).toEqual(expected);
  });
});

describe('claimContextFrom: diagnoses and provider', () => {
  it('merges the drafted claim, encounter and administration diagnoses, and keeps its provider', () => {
    const drafted: Claim = {
      ...paRequest,
      id: 'claim-1',
      use: 'claim',
      status: 'draft',
      diagnosis: [
        {
          sequence: 1,
          diagnosisCodeableConcept: {
            coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C34.90' }],
          },
        },
      ],
      item: [
        {
          sequence: 1,
          productOrService: { coding: [{ code: '96413' }] },
          encounter: [{ reference: 'Encounter/e1' }],
        },
      ],
    };
    const rs: FhirResource[] = [
      drafted,
      {
        resourceType: 'Encounter',
        id: 'e1',
        status: 'finished',
        class: { code: 'AMB' },
        serviceProvider: { reference: 'Organization/hospital' },
        reasonCode: [{ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C34.90' }] }],
      },
      {
        resourceType: 'MedicationAdministration',
        id: 'a1',
        status: 'completed',
        subject: { reference: 'Patient/p1' },
        context: { reference: 'Encounter/e1' },
        medicationCodeableConcept: { text: 'x' },
        effectiveDateTime: '2026-03-02T10:00:00Z',
        reasonCode: [{ coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'D63.0' }] }],
      },
    ];
    const existing = findExistingClaim(rs, 'Encounter/e1');
    const ctx = claimContextFrom(rs, { ...q, ...(existing ? { existing } : {}) });
    expect(ctx.diagnoses).toEqual(['C34.90', 'D63.0']);
    expect(ctx.provider).toBe('Organization/clinic');
    expect(claimContextFrom(rs, q).provider).toBe('Organization/hospital');
  });
});
