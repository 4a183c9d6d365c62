import { describe, expect, it } from 'vitest';
import type { PatientInput } from '../../engine/index.ts';
import { EXT, WORKFLOW_RESEARCH_STUDY } from '../extensions.ts';
import { mapPatientInputs } from './patient-input.ts';
import {
  administration,
  bundle,
  concept,
  HCPCS,
  HCPCS_HTTPS,
  NDC,
  POS,
  type Json,
} from '../test-kit/resources.ts';

function mapP1(...resources: Json[]): PatientInput {
  const p = mapPatientInputs(resources).find((x) => x.patient === 'Patient/p1');
  if (!p) throw new Error('no Patient/p1');
  return p;
}

const encounter = (over: Json = {}): Json => ({
  resourceType: 'Encounter',
  id: 'e1',
  subject: { reference: 'Patient/p1' },
  period: { start: '2026-03-02T08:00:00-05:00' },
  location: [{ location: { reference: 'Location/l1' } }],
  ...over,
});
const location = (code: string): Json => ({
  resourceType: 'Location',
  id: 'l1',
  type: [concept(POS, code)],
});

describe('§2.6 setting from the Location place of service', () => {
  it.each([
    ['11', 'professional'],
    ['19', 'facility'],
    ['22', 'facility'],
    ['12', undefined],
  ])('POS %s → %s', (code, setting) => {
    const p = mapP1(administration(), encounter(), location(code));
    expect(p.encounters[0]?.settingFromLocation).toBe(setting);
  });

  it('sponsor-paid-visit and research link on the Encounter', () => {
    const p = mapP1(
      administration(),
      encounter({
        extension: [
          { url: EXT.sponsorPaidVisit, valueBoolean: true },
          { url: WORKFLOW_RESEARCH_STUDY, valueReference: { reference: 'ResearchStudy/s1' } },
        ],
      }),
    );
    expect(p.encounters[0]).toMatchObject({
      sponsorPaidVisit: true,
      researchStudy: 'ResearchStudy/s1',
    });
  });

  it('an encounter filed without a subject is still found through the administration', () => {
    const p = mapP1(administration(), encounter({ subject: undefined }), location('22'));
    expect(p.encounters[0]?.settingFromLocation).toBe('facility');
  });
});

describe('§2.4 coverage and authorization', () => {
  it('Coverage with SOPT type, period and order', () => {
    const p = mapP1(administration(), {
      resourceType: 'Coverage',
      id: 'c1',
      status: 'active',
      beneficiary: { reference: 'Patient/p1' },
      type: concept('https://nahdo.org/sopt', '121'),
      period: { start: '2026-01-01', end: '2026-12' },
      order: 1,
      payor: [{ reference: 'Organization/mac', display: 'Medicare' }],
    });
    expect(p.coverages).toEqual([
      {
        ref: 'Coverage/c1',
        beneficiary: 'Patient/p1',
        status: 'active',
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        order: 1,
        sopt: '121',
        payor: 'Organization/mac',
        display: 'Medicare',
      },
    ]);
  });

  it('CoverageEligibilityResponse authorizationRequired items (both HCPCS systems)', () => {
    const p = mapP1(administration(), {
      resourceType: 'CoverageEligibilityResponse',
      id: 'cer1',
      patient: { reference: 'Patient/p1' },
      insurance: [
        {
          coverage: { reference: 'Coverage/c1' },
          item: [
            { productOrService: concept(HCPCS, 'J9271'), authorizationRequired: true },
            { productOrService: concept(HCPCS_HTTPS, 'J2405'), authorizationRequired: false },
            { productOrService: concept(HCPCS, 'J9000') },
          ],
        },
      ],
    });
    expect(p.authRequirements).toEqual([
      {
        ref: 'CoverageEligibilityResponse/cer1',
        coverage: 'Coverage/c1',
        hcpcs: 'J9271',
        required: true,
      },
      {
        ref: 'CoverageEligibilityResponse/cer1',
        coverage: 'Coverage/c1',
        hcpcs: 'J2405',
        required: false,
      },
    ]);
  });

  it('preauthorization ClaimResponse joined to its request Claim (HCPCS + units)', () => {
    const p = mapP1(
      administration(),
      {
        resourceType: 'Claim',
        id: 'pa-req',
        use: 'preauthorization',
        status: 'active',
        patient: { reference: 'Patient/p1' },
        item: [
          { sequence: 1, productOrService: concept(HCPCS, 'J9271'), quantity: { value: 200 } },
          { sequence: 2, productOrService: concept(HCPCS, 'J9271'), quantity: { value: 200 } },
        ],
      },
      {
        resourceType: 'ClaimResponse',
        id: 'pa1',
        use: 'preauthorization',
        outcome: 'complete',
        patient: { reference: 'Patient/p1' },
        request: { reference: 'Claim/pa-req' },
        preAuthRef: 'AUTH-123',
        preAuthPeriod: { start: '2026-01-01', end: '2026-06-30' },
        addItem: [{ productOrService: concept(HCPCS_HTTPS, 'J2405') }],
      },
      {
        resourceType: 'ClaimResponse',
        id: 'adj',
        use: 'claim',
        outcome: 'complete',
        patient: { reference: 'Patient/p1' },
      },
    );
    expect(p.preAuthorizations).toEqual([
      {
        ref: 'ClaimResponse/pa1',
        requestClaim: 'Claim/pa-req',
        outcome: 'complete',
        preAuthRef: 'AUTH-123',
        periodStart: '2026-01-01',
        periodEnd: '2026-06-30',
        hcpcs: ['J9271', 'J2405'],
        unitsByHcpcs: { J9271: 400 },
      },
    ]);
  });
});

describe('§2.4 research', () => {
  it.each([
    ['https://clinicaltrials.gov', 'NCT01234567', '01234567'],
    ['http://clinicaltrials.gov', '01234567', '01234567'],
    ['https://clinicaltrials.gov/', 'nct01234567', '01234567'],
    ['http://terminology.hl7.org/NamingSystem/ClinicalTrials-Gov', 'NCT01234567', '01234567'],
    ['https://clinicaltrials.gov', 'NCT0123456', undefined],
    ['urn:local', 'NCT01234567', undefined],
  ])('ResearchStudy identifier %s %s → %s', (system, value, digits) => {
    const p = mapP1(
      administration(),
      {
        resourceType: 'ResearchSubject',
        id: 'rs1',
        status: 'on-study',
        individual: { reference: 'Patient/p1' },
        study: { reference: 'ResearchStudy/s1' },
        period: { start: '2026-01-15' },
      },
      {
        resourceType: 'ResearchStudy',
        id: 's1',
        identifier: [{ system, value }],
        focus: [concept(HCPCS, 'J9271')],
        title: 'Study',
      },
    );
    expect(p.researchSubjects).toEqual([
      {
        ref: 'ResearchSubject/rs1',
        individual: 'Patient/p1',
        status: 'on-study',
        study: 'ResearchStudy/s1',
        periodStart: '2026-01-15',
      },
    ]);
    expect(p.researchStudies[0]?.nctDigits).toBe(digits);
    expect(p.researchStudies[0]?.focus.hcpcs).toEqual(['J9271']);
  });
});

describe('§2.4 existing claims', () => {
  const claim = (over: Json = {}): Json => ({
    resourceType: 'Claim',
    id: 'cl1',
    use: 'claim',
    status: 'draft',
    type: concept('http://terminology.hl7.org/CodeSystem/claim-type', 'institutional'),
    patient: { reference: 'Patient/p1' },
    meta: { versionId: '3' },
    insurer: { reference: 'Organization/mac' },
    insurance: [{ focal: true, coverage: { reference: 'Coverage/c1' }, preAuthRef: ['AUTH-123'] }],
    diagnosis: [
      { diagnosisCodeableConcept: concept('http://hl7.org/fhir/sid/icd-10-cm', 'C259') },
      { diagnosisCodeableConcept: concept('http://hl7.org/fhir/sid/icd-10-cm', 'Z006') },
    ],
    supportingInfo: [
      {
        category: concept('http://terminology.hl7.org/CodeSystem/claiminformationcategory', 'info'),
        valueString: 'NCT09990001',
      },
      {
        category: concept('x', 'info'),
        code: concept('https://www.nubc.org/CodeSystem/ConditionCodes', '30'),
      },
      {
        category: concept('x', 'info'),
        code: concept('http://nubc.org/value-codes', 'D4'),
        valueString: '09990001',
      },
    ],
    item: [
      {
        sequence: 1,
        productOrService: concept('http://www.ama-assn.org/go/cpt', '96413'),
        modifier: [concept(HCPCS, 'q1')],
        quantity: { value: 1 },
        servicedDate: '2026-03-02',
        encounter: [{ reference: 'Encounter/e1' }],
        net: { value: 250.5, currency: 'USD' },
      },
      {
        sequence: 2,
        productOrService: concept(HCPCS, 'J9271'),
        modifier: [concept(HCPCS, 'JZ')],
        quantity: { value: 200 },
        detail: [
          { productOrService: concept(NDC, '0006-3026-02'), quantity: { value: 8, unit: 'ML' } },
        ],
      },
    ],
    ...over,
  });

  it('reads type, encounter, lines, diagnoses, trial number, NUBC codes, preAuthRef', () => {
    const p = mapP1(administration(), claim());
    expect(p.claims).toEqual([
      {
        ref: 'Claim/cl1',
        use: 'claim',
        status: 'draft',
        type: 'institutional',
        encounter: 'Encounter/e1',
        patient: 'Patient/p1',
        lines: [
          {
            sequence: 1,
            code: '96413',
            modifiers: ['Q1'],
            units: 1,
            date: '2026-03-02',
            net: 250.5,
          },
          { sequence: 2, code: 'J9271', modifiers: ['JZ'], units: 200, ndc: '00006302602' },
        ],
        diagnoses: ['C25.9', 'Z00.6'],
        trialNumbers: ['NCT09990001'],
        valueCodeD4: ['09990001'],
        conditionCodes: ['30'],
        preAuthRefs: ['AUTH-123'],
        focalCoverage: 'Coverage/c1',
        insurer: 'Organization/mac',
        versionId: '3',
      },
    ]);
  });

  it('encounter from supportingInfo when items do not name it', () => {
    const p = mapP1(
      administration(),
      claim({
        type: concept('http://terminology.hl7.org/CodeSystem/claim-type', 'professional'),
        item: [],
        supportingInfo: [
          { category: concept('x', 'info'), valueReference: { reference: 'Encounter/e7' } },
        ],
      }),
    );
    expect(p.claims[0]).toMatchObject({ encounter: 'Encounter/e7', type: 'professional' });
  });
});

describe('zod boundary: INVALID_RESOURCE, the rest still mapped', () => {
  it.each<[string, Json, { encounter?: string | null; date?: string; problem: RegExp }]>([
    [
      'missing status',
      administration({ id: 'bad', status: undefined }),
      { encounter: 'Encounter/e1', date: '2026-03-02', problem: /status is missing/ },
    ],
    [
      'unknown status',
      administration({ id: 'bad', status: 'done' }),
      { encounter: 'Encounter/e1', problem: /status has a value/ },
    ],
    [
      'wrong-typed dose',
      administration({ id: 'bad', dosage: { dose: { value: '200' } } }),
      { problem: /dosage\.dose\.value should be number/ },
    ],
    [
      'not a date',
      administration({ id: 'bad', effectivePeriod: { start: 'yesterday' } }),
      { problem: /effectivePeriod\.start/ },
    ],
    [
      'no encounter: placed by date',
      administration({ id: 'bad', status: undefined, context: undefined }),
      { encounter: null, date: '2026-03-02', problem: /status/ },
    ],
  ])('%s', (_n, bad, expected) => {
    const p = mapP1(administration(), bad);
    expect(p.administrations.map((a) => a.ref)).toEqual(['MedicationAdministration/a1']);
    const issue = p.issues.find((i) => i.sources[0] === 'MedicationAdministration/bad');
    expect(issue).toMatchObject({
      code: 'INVALID_RESOURCE',
      severity: 'error',
      patient: 'Patient/p1',
    });
    expect(issue?.message).toMatch(expected.problem);
    if (expected.encounter !== undefined) expect(issue?.encounter).toBe(expected.encounter);
    if (expected.date !== undefined) expect(issue?.date).toBe(expected.date);
  });

  it('an invalid Medication is named; the administration stays with no drug identity', () => {
    const p = mapP1(
      administration({
        medicationCodeableConcept: undefined,
        medicationReference: { reference: 'Medication/m1' },
      }),
      { resourceType: 'Medication', id: 'm1', code: { coding: 'NDC' } },
    );
    expect(p.administrations).toHaveLength(1);
    expect(p.issues[0]).toMatchObject({
      code: 'INVALID_RESOURCE',
      sources: ['Medication/m1'],
      encounter: 'Encounter/e1',
    });
  });

  it('a patient-level resource that cannot be read carries no place', () => {
    const p = mapP1(administration(), {
      resourceType: 'Coverage',
      id: 'c1',
      beneficiary: { reference: 'Patient/p1' },
    });
    expect(p.issues[0]).toMatchObject({
      code: 'INVALID_RESOURCE',
      severity: 'warning',
      sources: ['Coverage/c1'],
    });
    expect(p.issues[0]?.encounter).toBeUndefined();
  });
});

describe('grouping and readability', () => {
  it('one PatientInput per patient, patients by urn:uuid and absolute references', () => {
    const inputs = mapPatientInputs([
      {
        resourceType: 'Bundle',
        type: 'transaction',
        entry: [
          {
            fullUrl: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001',
            resource: { resourceType: 'Patient', id: 'p1' },
          },
          {
            resource: administration({
              subject: { reference: 'urn:uuid:aaaaaaaa-0000-4000-8000-000000000001' },
            }),
          },
        ],
      },
      bundle(administration({ id: 'a2', subject: { reference: 'https://ehr/fhir/Patient/p1' } })),
      administration({ id: 'a3', subject: { reference: 'Patient/p2' } }),
    ]);
    expect(inputs.map((p) => [p.patient, p.administrations.map((a) => a.ref)])).toEqual([
      ['Patient/p1', ['MedicationAdministration/a1', 'MedicationAdministration/a2']],
      ['Patient/p2', ['MedicationAdministration/a3']],
    ]);
  });

  it.each<[string, Json[], string]>([
    [
      'the same administration twice counts once (last read wins)',
      [administration({ status: 'in-progress' }), administration()],
      'completed',
    ],
    [
      'the higher meta.versionId wins whatever the order',
      [
        administration({ meta: { versionId: '3' } }),
        administration({ status: 'stopped', meta: { versionId: '2' } }),
      ],
      'completed',
    ],
  ])('%s', (_n, resources, status) => {
    const p = mapP1(...resources);
    expect(p.administrations.map((a) => [a.ref, a.status])).toEqual([
      ['MedicationAdministration/a1', status],
    ]);
  });

  it('readable defaults to all, options mark kinds not readable', () => {
    const [p] = mapPatientInputs([administration()], { readable: { claims: false } });
    expect(p?.readable).toEqual({
      coverage: true,
      claims: false,
      research: true,
      eligibility: true,
    });
  });
});
