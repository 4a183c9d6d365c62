// Past adjudications read from ClaimResponse (use = claim) and ExplanationOfBenefit, classified
// by their CARC/RARC codes and matched to a later visit's lines ("denied before for this").
import { describe, expect, it } from 'vitest';
import { classifyAdjudications, priorDenialsFor } from '../../engine/index.ts';
import { PracticeFiguresBuilder } from '../../engine/practice/figures.ts';
import { mapPatientInputs } from './patient-input.ts';
import type { Json } from '../test-kit/resources.ts';

const CARC = 'https://x12.org/codes/claim-adjustment-reason-codes';
const RARC = 'https://x12.org/codes/remittance-advice-remark-codes';
const HCPCS = 'http://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets';
const ADJ = 'http://terminology.hl7.org/CodeSystem/adjudication';

const claim: Json = {
  resourceType: 'Claim',
  id: 'c-may',
  status: 'active',
  use: 'claim',
  patient: { reference: 'Patient/p1' },
  type: {
    coding: [{ system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' }],
  },
  diagnosis: [
    {
      sequence: 1,
      diagnosisCodeableConcept: {
        coding: [{ system: 'http://hl7.org/fhir/sid/icd-10-cm', code: 'C18.9' }],
      },
    },
  ],
  item: [
    {
      sequence: 1,
      productOrService: { coding: [{ system: HCPCS, code: 'J9271' }] },
      servicedDate: '2026-05-04',
      quantity: { value: 200 },
    },
    {
      sequence: 2,
      productOrService: { coding: [{ system: HCPCS, code: '96413' }] },
      servicedDate: '2026-05-04',
    },
  ],
};

const response: Json = {
  resourceType: 'ClaimResponse',
  id: 'cr-may',
  status: 'active',
  use: 'claim',
  outcome: 'complete',
  patient: { reference: 'Patient/p1' },
  request: { reference: 'Claim/c-may' },
  item: [
    {
      itemSequence: 1,
      adjudication: [
        {
          category: { coding: [{ system: ADJ, code: 'benefit' }] },
          amount: { value: 0, currency: 'USD' },
        },
        {
          category: { coding: [{ system: ADJ, code: 'submitted' }] },
          reason: { coding: [{ system: CARC, code: '4' }] },
        },
      ],
    },
    {
      itemSequence: 2,
      adjudication: [
        {
          category: { coding: [{ system: ADJ, code: 'benefit' }] },
          amount: { value: 140.5, currency: 'USD' },
        },
      ],
    },
  ],
};

const eob: Json = {
  resourceType: 'ExplanationOfBenefit',
  id: 'eob-jun',
  status: 'active',
  use: 'claim',
  patient: { reference: 'Patient/p1' },
  outcome: 'complete',
  item: [
    {
      sequence: 1,
      productOrService: { coding: [{ system: HCPCS, code: 'J9271' }] },
      modifier: [{ coding: [{ code: 'JW' }] }],
      servicedDate: '2026-06-01',
      adjudication: [
        {
          category: { coding: [{ code: 'denialreason' }] },
          reason: {
            coding: [
              { system: CARC, code: '16' },
              { system: RARC, code: 'M119' },
            ],
          },
        },
      ],
    },
  ],
};

function input() {
  const p = mapPatientInputs([claim, response, eob]).find((x) => x.patient === 'Patient/p1');
  if (!p) throw new Error('no Patient/p1');
  return p;
}

describe('past adjudications (ClaimResponse use = claim, ExplanationOfBenefit)', () => {
  it('reads each item with its reason codes; paid items are not denials', () => {
    expect(input().adjudications).toEqual([
      {
        source: 'ClaimResponse/cr-may',
        claim: 'Claim/c-may',
        itemSequence: 1,
        modifiers: [],
        carcs: ['4'],
        rarcs: [],
        denied: true,
      },
      {
        source: 'ClaimResponse/cr-may',
        claim: 'Claim/c-may',
        itemSequence: 2,
        modifiers: [],
        carcs: [],
        rarcs: [],
        denied: false,
      },
      {
        source: 'ExplanationOfBenefit/eob-jun',
        itemSequence: 1,
        code: 'J9271',
        modifiers: ['JW'],
        date: '2026-06-01',
        carcs: ['16'],
        rarcs: ['M119'],
        denied: true,
      },
    ]);
  });

  it('resolves a response item to its claim line and classifies the cause', () => {
    const c = classifyAdjudications(input());
    expect(c.map((a) => [a.code, a.date, a.cause])).toEqual([
      ['J9271', '2026-05-04', 'jw-jz'], // CARC 4 on a drug line billed without JW or JZ
      ['96413', '2026-05-04', 'other'],
      ['J9271', '2026-06-01', 'ndc'],
    ]);
  });

  it.each([
    ['2026-05-04', []], // the same day is not "before"
    ['2026-05-05', ['jw-jz']],
    ['2026-06-02', ['ndc', 'jw-jz']], // most recent first
  ])('a visit on %s billing J9271 was denied before for: %j', (date, causes) => {
    const prior = priorDenialsFor(
      { dateOfService: date, lines: [{ code: 'J9271' }] },
      classifyAdjudications(input()),
    );
    expect(prior.map((d) => d.cause)).toEqual(causes);
  });

  it('a visit without the denied code has no prior denial', () => {
    expect(
      priorDenialsFor(
        { dateOfService: '2026-07-01', lines: [{ code: '96413' }] },
        classifyAdjudications(input()),
      ),
    ).toEqual([]);
  });

  it('the practice figures count denied lines by root cause over adjudicated lines', () => {
    const b = new PracticeFiguresBuilder();
    b.addAdjudications(classifyAdjudications(input()));
    const d = b.result().denials;
    expect([d.adjudicatedLines, d.deniedLines]).toEqual([3, 2]);
    expect(d.byCause.map((c) => [c.cause, c.count, c.rate])).toEqual([
      ['jw-jz', 1, 1 / 3],
      ['ndc', 1, 1 / 3],
    ]);
    expect(d.byCause[0]?.preventedBy).toContain('JZ_WITH_WASTE');
  });
});
