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

// issue 17 §4: a payer that answers with both a ClaimResponse and an ExplanationOfBenefit for the
// same claim reports each denial twice; it counts once (docs/denials.md).
describe('one denial reported by a ClaimResponse and an ExplanationOfBenefit counts once', () => {
  const CLAIM_ID = { system: 'https://clinic.example/claims', value: 'CLM-0504' };
  const claimWithId: Json = { ...claim, identifier: [CLAIM_ID] };
  const denied = (carc: string, rarc?: string) => [
    {
      category: { coding: [{ code: 'denialreason' }] },
      reason: {
        coding: [{ system: CARC, code: carc }, ...(rarc ? [{ system: RARC, code: rarc }] : [])],
      },
    },
  ];
  /** An EOB answering the May claim's J9271 line (sequence 1) with its own code and date. */
  const eobFor = (
    id: string,
    pointer: Json,
    sequence: number | undefined,
    rarc?: string,
  ): Json => ({
    resourceType: 'ExplanationOfBenefit',
    id,
    status: 'active',
    use: 'claim',
    patient: { reference: 'Patient/p1' },
    outcome: 'complete',
    claim: pointer,
    item: [
      {
        ...(sequence !== undefined ? { sequence } : {}),
        productOrService: { coding: [{ system: HCPCS, code: 'J9271' }] },
        servicedDate: '2026-05-04',
        adjudication: denied('4', rarc),
      },
    ],
  });
  const run = (resources: Json[]) => {
    const p = mapPatientInputs(resources).find((x) => x.patient === 'Patient/p1');
    const classified = classifyAdjudications(p ?? ({ adjudications: [] } as never));
    const b = new PracticeFiguresBuilder();
    b.addAdjudications(classified);
    const d = b.result().denials;
    const prior = priorDenialsFor(
      { dateOfService: '2026-08-12', lines: [{ code: 'J9271' }] },
      classified,
    );
    return { lines: d.adjudicatedLines, denied: d.deniedLines, prior };
  };

  it.each([
    ['same claim reference, same line', { reference: 'Claim/c-may' }, 1, 2, 1, 1],
    ['claim named by identifier only, resolved to the Claim', { identifier: CLAIM_ID }, 1, 2, 1, 1],
    [
      'same claim, no line sequence on the EOB (matched by code)',
      { reference: 'Claim/c-may' },
      undefined,
      2,
      1,
      1,
    ],
    ['same claim, another line (sequence 3)', { reference: 'Claim/c-may' }, 3, 3, 2, 2],
    ['another claim', { reference: 'Claim/c-other' }, 1, 3, 2, 2],
    ['an identifier no Claim carries', { identifier: { ...CLAIM_ID, value: 'CLM-9' } }, 1, 3, 2, 2],
  ] as const)(
    '%s → %i adjudicated, %i denied, %i prior note(s) for J9271',
    (_what, pointer, sequence, lines, deniedLines, prior) => {
      const r = run([claimWithId, response, eobFor('eob-may', pointer, sequence)]);
      expect([r.lines, r.denied, r.prior.length]).toEqual([lines, deniedLines, prior]);
    },
  );

  it('the merged line keeps the first answer and every reason code (CARC 4 + RARC N822 → JW/JZ)', () => {
    const r = run([
      claimWithId,
      response,
      eobFor('eob-may', { reference: 'Claim/c-may' }, 1, 'N822'),
    ]);
    expect(r.prior).toHaveLength(1);
    expect(r.prior[0]).toMatchObject({
      source: 'ClaimResponse/cr-may',
      claim: 'Claim/c-may',
      carcs: ['4'],
      rarcs: ['N822'],
      cause: 'jw-jz',
      date: '2026-05-04',
    });
  });

  it('answers that name no claim are never merged', () => {
    const a = eobFor('eob-a', {}, 1);
    const b = eobFor('eob-b', {}, 1);
    const r = run([claim, a, b]);
    expect([r.lines, r.denied]).toEqual([2, 2]);
  });
});

describe('the payer’s own "denied" line status (CARIN BB) is a denial without reason codes', () => {
  const STATUS = 'http://hl7.org/fhir/us/carin-bb/CodeSystem/C4BBPayerAdjudicationStatus';
  const withStatus = (code: string, paid: number): Json => ({
    resourceType: 'ExplanationOfBenefit',
    id: `eob-${code}`,
    status: 'active',
    use: 'claim',
    patient: { reference: 'Patient/p1' },
    outcome: 'complete',
    item: [
      {
        sequence: 1,
        productOrService: { coding: [{ system: HCPCS, code: 'J9271' }] },
        servicedDate: '2026-05-04',
        adjudication: [
          {
            category: { coding: [{ code: 'adjudicationstatus' }] },
            reason: { coding: [{ system: STATUS, code }] },
          },
          {
            category: { coding: [{ system: ADJ, code: 'benefit' }] },
            amount: { value: paid, currency: 'USD' },
          },
        ],
      },
    ],
  });
  it.each([
    ['denied', 0, true],
    ['denied', 0.01, false], // anything paid: not a denial
    ['paid', 0, false],
  ] as const)('status %s with %d paid → denied %s', (code, paid, expected) => {
    const p = mapPatientInputs([withStatus(code, paid)]).find((x) => x.patient === 'Patient/p1');
    expect(p?.adjudications?.[0]?.denied).toBe(expected);
    if (expected) expect(classifyAdjudications(p as never)[0]?.cause).toBe('other');
  });
});
