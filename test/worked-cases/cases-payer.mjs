// Worked cases: coverage, prior authorization (contract §2.4), research billing
// (research-billing.md) and existing-claim comparison. Professional POS 11.
import { admin, base, claim, CODES } from './fhir-kit.mjs';
import { add, L, T, pembro, ondanPush, J9271 } from './case-helpers.mjs';

const ref = (r) => ({ reference: r });
const chemo = L('96413', 1);
const pem = (c, o = {}) => pembro(c, 'a1', T('10:00'), T('10:30'), o);

// ---------- coverage ----------
add(
  'coverage',
  'coverage-not-active',
  'contract 2.4',
  (c) => ({ resources: [...base(c, { coverage: 'ended' }), pem(c)], drugs: ['pembro'] }),
  { lines: [chemo, J9271], warnings: ['COVERAGE_NOT_ACTIVE'] },
);
add(
  'coverage',
  'no-coverage',
  'contract 2.4',
  (c) => ({ resources: [...base(c, { coverage: 'none' }), pem(c)], drugs: ['pembro'] }),
  { lines: [chemo, J9271], warnings: ['NO_COVERAGE'] },
);

// ---------- prior authorization ----------
const eligibility = (c) => ({
  resourceType: 'CoverageEligibilityResponse',
  id: `${c}-elig`,
  status: 'active',
  purpose: ['auth-requirements'],
  patient: ref(`Patient/${c}`),
  created: '2026-02-01',
  request: ref(`CoverageEligibilityRequest/${c}-eligreq`),
  outcome: 'complete',
  insurer: { display: 'Medicare Part B' },
  insurance: [
    {
      coverage: ref(`Coverage/${c}-cov`),
      item: [
        {
          productOrService: { coding: [{ system: CODES.HCPCS, code: 'J9271' }] },
          authorizationRequired: true,
        },
      ],
    },
  ],
});
const preauth = (c, start, end, units, outcome = 'complete', n = '') => [
  {
    resourceType: 'Claim',
    id: `${c}-pa${n}`,
    status: 'active',
    use: 'preauthorization',
    type: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' },
      ],
    },
    patient: ref(`Patient/${c}`),
    created: '2025-12-15',
    provider: { display: 'Oncology practice' },
    priority: { coding: [{ code: 'normal' }] },
    insurance: [{ sequence: 1, focal: true, coverage: ref(`Coverage/${c}-cov`) }],
    item: [
      {
        sequence: 1,
        productOrService: { coding: [{ system: CODES.HCPCS, code: 'J9271' }] },
        quantity: { value: units },
      },
    ],
  },
  {
    resourceType: 'ClaimResponse',
    id: `${c}-par${n}`,
    status: 'active',
    type: {
      coding: [
        { system: 'http://terminology.hl7.org/CodeSystem/claim-type', code: 'professional' },
      ],
    },
    use: 'preauthorization',
    patient: ref(`Patient/${c}`),
    created: '2025-12-20',
    insurer: { display: 'Medicare Part B' },
    request: ref(`Claim/${c}-pa${n}`),
    outcome,
    preAuthRef: `${c}-PA1${n}`,
    preAuthPeriod: { start, end },
  },
];
add(
  'auth',
  'auth-missing',
  'contract 2.4',
  (c) => ({ resources: [...base(c), pem(c), eligibility(c)], drugs: ['pembro'] }),
  { lines: [chemo, J9271], warnings: ['AUTH_MISSING'] },
);
add(
  'auth',
  'auth-expired',
  'contract 2.4',
  (c) => ({
    resources: [...base(c), pem(c), ...preauth(c, '2025-09-01', '2026-02-28', 800)],
    drugs: ['pembro'],
  }),
  { lines: [chemo, J9271], warnings: ['AUTH_EXPIRED'] },
);
add(
  'auth',
  'auth-units-exceeded',
  'contract 2.4',
  (c) => ({
    resources: [...base(c), pem(c), ...preauth(c, '2026-01-01', '2026-06-30', 100)],
    drugs: ['pembro'],
  }),
  { lines: [chemo, J9271], warnings: ['AUTH_UNITS_EXCEEDED'] },
);
add(
  'auth',
  'auth-covers',
  'contract 2.4',
  (c) => ({
    resources: [...base(c), pem(c), eligibility(c), ...preauth(c, '2026-01-01', '2026-06-30', 800)],
    drugs: ['pembro'],
  }),
  { lines: [chemo, J9271], warnings: [] },
);

// ---------- research billing ----------
const study = (c, focus) => ({
  resourceType: 'ResearchStudy',
  id: `${c}-study`,
  identifier: [{ system: 'https://clinicaltrials.gov', value: 'NCT09990001' }],
  title: 'ABC-7 phase 2',
  status: 'active',
  focus: [{ coding: [{ system: CODES.HCPCS, code: focus }] }],
  sponsor: { display: 'Sponsor Inc' },
});
const subject = (c, status = 'on-study', period = { start: '2026-01-01' }) => ({
  resourceType: 'ResearchSubject',
  id: `${c}-subject`,
  status,
  period,
  study: ref(`ResearchStudy/${c}-study`),
  individual: ref(`Patient/${c}`),
});
const abc7 = (c) =>
  admin(c, 'inv', {
    hcpcs: 'J9999',
    text: 'ABC-7 (investigational)',
    start: T('10:00'),
    end: T('10:40'),
    dose: [200, 'mg'],
    study: true,
    sponsorSupplied: true,
  });
const trialDay = (c) => [
  ...base(c),
  study(c, 'J9999'),
  subject(c),
  ondanPush(c, 'p1', T('09:50'), { study: true }),
  abc7(c),
];
const sponsorLines = [L('96413', 1, ['Q1']), L('96375', 1, ['Q1']), L('J2405', 4, ['JZ', 'Q1'])];
add(
  'trial',
  'sponsor-supplied-no-drug-line',
  'T-15 T-35 T-37',
  (c) => ({ resources: trialDay(c), drugs: ['ondan'] }),
  {
    lines: sponsorLines,
    warnings: [],
    why: 'Section 13 example 1 shape: admin Q1, premed Q1, no line for the sponsor-supplied drug.',
  },
);
add(
  'trial',
  'sponsor-supplied-drug-billed',
  'T-35',
  (c) => ({
    resources: [
      ...trialDay(c),
      claim(c, {
        items: [
          ['96413', 1, ['Q1'], 300],
          ['96375', 1, ['Q1'], 80],
          ['J2405', 4, ['JZ', 'Q1'], 4],
          ['J9999', 1, ['Q0'], 5000],
        ],
        diagnoses: ['C34.90', 'Z00.6'],
        nct: '09990001',
      }),
    ],
    drugs: ['ondan'],
  }),
  { lines: sponsorLines, warnings: ['SPONSOR_SUPPLIED_DRUG_BILLED'] },
);
const boughtDay = (c, o = {}) => [
  ...base(c),
  study(c, 'J9271'),
  subject(c),
  pem(c, { study: true, ...o }),
];
const boughtLines = [L('96413', 1, ['Q1']), L('J9271', 200, ['JZ', 'Q0'])];
add(
  'trial',
  'investigational-bought-q0',
  'T-15 T-16',
  (c) => ({ resources: boughtDay(c), drugs: ['pembro'] }),
  { lines: boughtLines, warnings: [] },
);
add(
  'trial',
  'role-routine-overrides-focus',
  'T-17',
  (c) => ({ resources: boughtDay(c, { role: 'routine' }), drugs: ['pembro'] }),
  { lines: [L('96413', 1, ['Q1']), L('J9271', 200, ['JZ', 'Q1'])], warnings: [] },
);
add(
  'trial',
  'enrolled-nothing-linked',
  'T-10',
  (c) => ({ resources: [...base(c), study(c, 'J9271'), subject(c), pem(c)], drugs: ['pembro'] }),
  { lines: [chemo, J9271], warnings: ['TRIAL_RELATEDNESS_UNCONFIRMED'] },
);
add(
  'trial',
  'enrollment-ended',
  'T-11',
  (c) => ({
    resources: [
      ...base(c),
      study(c, 'J9271'),
      subject(c, 'off-study', { start: '2025-06-01', end: '2026-02-01' }),
      pem(c, { study: true }),
    ],
    drugs: ['pembro'],
  }),
  { lines: [chemo, J9271], warnings: ['TRIAL_ENROLLMENT_NOT_ACTIVE'] },
);
const trialClaim = (c, o) =>
  claim(c, {
    items: [
      ['96413', 1, ['Q1'], 300],
      ['J9271', 200, ['JZ', 'Q0'], 11000],
    ],
    ...o,
  });
add(
  'trial',
  'claim-missing-z006-and-nct',
  'T-22 T-26',
  (c) => ({ resources: [...boughtDay(c), trialClaim(c, {})], drugs: ['pembro'] }),
  { lines: boughtLines, warnings: ['TRIAL_DIAGNOSIS_MISSING', 'TRIAL_NCT_MISSING'] },
);
add(
  'trial',
  'claim-complete',
  'T-22 T-27',
  (c) => ({
    resources: [
      ...boughtDay(c),
      trialClaim(c, { diagnoses: ['C34.90', 'Z00.6'], nct: '09990001' }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: [] },
);
add(
  'trial',
  'claim-nct-wrong-study',
  'T-29',
  (c) => ({
    resources: [
      ...boughtDay(c),
      trialClaim(c, { diagnoses: ['C34.90', 'Z00.6'], nct: 'CT09990002' }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: ['TRIAL_NCT_INVALID'] },
);
add(
  'trial',
  'claim-q0-on-administration',
  'T-15',
  (c) => ({
    resources: [
      ...boughtDay(c),
      claim(c, {
        items: [
          ['96413', 1, ['Q0'], 300],
          ['J9271', 200, ['JZ', 'Q0'], 11000],
        ],
        diagnoses: ['C34.90', 'Z006'],
        nct: 'NCT09990001',
      }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: ['TRIAL_MODIFIER_MISMATCH'] },
);
add(
  'trial',
  'claim-q1-missing',
  'T-14',
  (c) => ({
    resources: [
      ...boughtDay(c),
      claim(c, {
        items: [
          ['96413', 1, [], 300],
          ['J9271', 200, ['JZ', 'Q0'], 11000],
        ],
        diagnoses: ['C34.90', 'Z00.6'],
        nct: '09990001',
      }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: ['TRIAL_MODIFIER_MISSING'] },
);
add(
  'trial',
  'off-study-claim-with-trial-coding',
  'T-05',
  (c) => ({
    resources: [
      ...base(c),
      pem(c),
      claim(c, {
        items: [
          ['96413', 1, [], 300],
          ['J9271', 200, ['JZ'], 11000],
        ],
        diagnoses: ['C34.90', 'Z00.6'],
      }),
    ],
    drugs: ['pembro'],
  }),
  { lines: [chemo, J9271], warnings: ['TRIAL_CODING_UNEXPECTED'] },
);

// ---------- existing claim comparison ----------
const claimCase = (name, items, warnings) =>
  add(
    'claims',
    name,
    'contract 3',
    (c) => ({ resources: [...base(c), pem(c), claim(c, { items })], drugs: ['pembro'] }),
    { lines: [chemo, J9271], warnings },
  );
claimCase(
  'claim-matches',
  [
    ['96413', 1, []],
    ['J9271', 200, ['JZ']],
  ],
  [],
);
claimCase('claim-line-missing', [['96413', 1, []]], ['CLAIM_LINE_MISSING']);
claimCase(
  'claim-line-extra',
  [
    ['96413', 1, []],
    ['96415', 1, []],
    ['J9271', 200, ['JZ']],
  ],
  ['CLAIM_LINE_EXTRA'],
);
claimCase(
  'claim-units-mismatch',
  [
    ['96413', 1, []],
    ['J9271', 220, ['JZ']],
  ],
  ['CLAIM_UNITS_MISMATCH'],
);
claimCase(
  'claim-modifier-mismatch',
  [
    ['96413', 1, []],
    ['J9271', 200, []],
  ],
  ['CLAIM_MODIFIER_MISMATCH'],
);

// ---------- research billing, second batch ----------
add(
  'trial',
  'medicare-advantage-claim-to-plan',
  'T-43 T-48',
  (c) => ({
    resources: [
      ...base(c, { sopt: '112' }),
      study(c, 'J9271'),
      subject(c),
      pem(c, { study: true }),
      trialClaim(c, { diagnoses: ['C34.90', 'Z00.6'], nct: '09990001' }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: ['TRIAL_MA_BILL_ORIGINAL_MEDICARE'] },
);
add(
  'trial',
  'institutional-without-condition-code-30',
  'T-31',
  (c) => ({
    resources: [
      ...base(c, { pos: '22' }),
      study(c, 'J9271'),
      subject(c),
      pem(c, { study: true }),
      trialClaim(c, { type: 'institutional', diagnoses: ['C34.90', 'Z00.6'], nct: '09990001' }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: ['TRIAL_CONDITION_CODE_MISSING'] },
);
add(
  'trial',
  'study-without-nct',
  'T-26',
  (c) => ({
    resources: [
      ...base(c),
      { ...study(c, 'J9271'), identifier: undefined },
      subject(c),
      pem(c, { study: true }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: ['TRIAL_STUDY_NCT_UNKNOWN'] },
);
add(
  'trial',
  'q1-on-unlinked-premed',
  'T-05 T-18',
  (c) => ({
    resources: [
      ...base(c),
      study(c, 'J9271'),
      subject(c),
      ondanPush(c, 'p1', T('09:50')),
      pem(c, { study: true }),
      claim(c, {
        items: [
          ['96413', 1, ['Q1'], 300],
          ['96375', 1, ['Q1'], 80],
          ['J9271', 200, ['JZ', 'Q0'], 11000],
          ['J2405', 4, ['JZ', 'Q1'], 4],
        ],
        diagnoses: ['C34.90', 'Z00.6'],
        nct: '09990001',
      }),
    ],
    drugs: ['pembro', 'ondan'],
  }),
  {
    lines: [...boughtLines, L('96375', 1), L('J2405', 4, ['JZ'])],
    warnings: ['TRIAL_MODIFIER_UNEXPECTED'],
  },
);
add(
  'trial',
  'sponsor-paid-administration',
  'T-42',
  (c) => ({
    resources: [
      ...base(c),
      study(c, 'J9271'),
      subject(c),
      admin(c, 'p1', {
        drug: 'ondan',
        push: true,
        dateTime: T('09:50'),
        dose: [4, 'mg'],
        containers: [['ondan', 1]],
        discarded: [0, 'mg'],
        study: true,
        sponsorPaid: true,
      }),
      pem(c, { study: true }),
    ],
    drugs: ['pembro', 'ondan'],
  }),
  {
    disputed: true,
    lines: [...boughtLines, L('J2405', 4, ['JZ', 'Q1'])],
    warnings: [],
    why: 'T-42 [Disputed/Impl]: the sponsor-paid push is removed before coding (no 96375); whether its drug line stays is not stated.',
  },
);
add(
  'auth',
  'auth-units-used-across-visits',
  'contract 2.4',
  (c) => ({
    resources: [
      ...base(c, {
        encounters: [
          ['enc', T('08:00'), T('17:00')],
          ['enc2', '2026-03-23T08:00:00-04:00', '2026-03-23T17:00:00-04:00'],
        ],
      }),
      pem(c),
      pembro(c, 'a2', '2026-03-23T10:00:00-04:00', '2026-03-23T10:30:00-04:00', {
        encounter: `${c}-enc2`,
      }),
      ...preauth(c, '2026-01-01', '2026-06-30', 300),
    ],
    drugs: ['pembro'],
  }),
  {
    encounters: {
      enc: { lines: [chemo, J9271], warnings: [] },
      enc2: { lines: [chemo, J9271], warnings: ['AUTH_UNITS_EXCEEDED'] },
    },
    why: '300 units authorised; 200 used on 2026-03-02, 200 more on 2026-03-23 -> the second goes above.',
  },
);
add(
  'trial',
  'claim-nct-retired-generic',
  'T-29',
  (c) => ({
    resources: [
      ...boughtDay(c),
      trialClaim(c, { diagnoses: ['C34.90', 'Z00.6'], nct: '99999999' }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: ['TRIAL_NCT_INVALID'] },
);
add(
  'trial',
  'sponsor-supplied-nominal-line-accepted',
  'T-35',
  (c) => ({
    resources: [
      ...trialDay(c),
      claim(c, {
        items: [
          ['96413', 1, ['Q1'], 300],
          ['96375', 1, ['Q1'], 80],
          ['J2405', 4, ['JZ', 'Q1'], 4],
          ['J9999', 1, ['Q0'], 0.01],
        ],
        diagnoses: ['C34.90', 'Z00.6'],
        nct: '09990001',
      }),
    ],
    drugs: ['ondan'],
  }),
  {
    lines: sponsorLines,
    warnings: [],
    why: 'A drafted sponsor-supplied line at $0.01 with Q0 is accepted without warning (T-35).',
  },
);
add(
  'trial',
  'on-study-intervention-status',
  'T-06',
  (c) => ({
    resources: [
      ...base(c),
      study(c, 'J9271'),
      subject(c, 'on-study-intervention'),
      pem(c, { study: true }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: [] },
);

// ---------- later batch ----------
add(
  'auth',
  'auth-response-error-is-no-auth',
  'contract 2.4',
  (c) => ({
    resources: [
      ...base(c),
      pem(c),
      eligibility(c),
      ...preauth(c, '2026-01-01', '2026-06-30', 800, 'error'),
    ],
    drugs: ['pembro'],
  }),
  {
    lines: [chemo, J9271],
    warnings: ['AUTH_MISSING'],
    why: 'Only outcome complete or partial authorises (contract §2.4).',
  },
);
add(
  'auth',
  'auth-renewed-after-expiry',
  'contract 2.4',
  (c) => ({
    resources: [
      ...base(c),
      pem(c),
      ...preauth(c, '2025-09-01', '2026-02-28', 800),
      ...preauth(c, '2026-03-01', '2026-08-31', 800, 'partial', '2'),
    ],
    drugs: ['pembro'],
  }),
  { lines: [chemo, J9271], warnings: [] },
);
add(
  'trial',
  'claim-q0-and-q1-on-one-line',
  'T-19',
  (c) => ({
    resources: [
      ...boughtDay(c),
      claim(c, {
        items: [
          ['96413', 1, ['Q1'], 300],
          ['J9271', 200, ['JZ', 'Q0', 'Q1'], 11000],
        ],
        diagnoses: ['C34.90', 'Z00.6'],
        nct: '09990001',
      }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: ['TRIAL_MODIFIER_MISMATCH'] },
);
add(
  'claims',
  'claim-hour-units-mismatch',
  'contract 3',
  (c) => ({
    resources: [
      ...base(c),
      pembro(c, 'a1', T('10:00'), T('11:35')),
      claim(c, {
        items: [
          ['96413', 1, []],
          ['96415', 2, []],
          ['J9271', 200, ['JZ']],
        ],
      }),
    ],
    drugs: ['pembro'],
  }),
  { lines: [chemo, L('96415', 1), J9271], warnings: ['CLAIM_UNITS_MISMATCH'] },
);
add(
  'coverage',
  'coverage-without-period',
  'contract 2.4',
  (c) => ({ resources: [...base(c, { coverage: 'no-period' }), pem(c)], drugs: ['pembro'] }),
  {
    lines: [chemo, J9271],
    warnings: [],
    why: 'Active status and no period end: covers the date of service.',
  },
);
add(
  'trial',
  'claim-drug-q0-missing',
  'T-16',
  (c) => ({
    resources: [
      ...boughtDay(c),
      claim(c, {
        items: [
          ['96413', 1, ['Q1'], 300],
          ['J9271', 200, ['JZ'], 11000],
        ],
        diagnoses: ['C34.90', 'Z00.6'],
        nct: '09990001',
      }),
    ],
    drugs: ['pembro'],
  }),
  { lines: boughtLines, warnings: ['TRIAL_MODIFIER_MISSING'] },
);
add(
  'trial',
  'enrollment-ended-claim-still-coded',
  'T-11',
  (c) => ({
    resources: [
      ...base(c),
      study(c, 'J9271'),
      subject(c, 'off-study', { start: '2025-06-01', end: '2026-02-01' }),
      pem(c, { study: true }),
      trialClaim(c, { diagnoses: ['C34.90', 'Z00.6'], nct: '09990001' }),
    ],
    drugs: ['pembro'],
  }),
  {
    lines: [chemo, J9271],
    warnings: ['TRIAL_ENROLLMENT_NOT_ACTIVE'],
    why: 'T-11: raise TRIAL_ENROLLMENT_NOT_ACTIVE once and not also TRIAL_CODING_UNEXPECTED.',
  },
);
add(
  'trial',
  'unlinked-claim-with-q1',
  'T-10',
  (c) => ({
    resources: [
      ...base(c),
      study(c, 'J9271'),
      subject(c),
      pem(c),
      claim(c, {
        items: [
          ['96413', 1, ['Q1'], 300],
          ['J9271', 200, ['JZ', 'Q1'], 11000],
        ],
        diagnoses: ['C34.90', 'Z00.6'],
        nct: '09990001',
      }),
    ],
    drugs: ['pembro'],
  }),
  { lines: [chemo, J9271], warnings: ['TRIAL_RELATEDNESS_UNCONFIRMED', 'TRIAL_CODING_UNEXPECTED'] },
);
add(
  'trial',
  'facility-340b-trial-drug',
  'R-32 T-16 T-21',
  (c) => ({
    resources: [...base(c, { pos: '22' }), study(c, 'J9271'), subject(c), pem(c, { study: true })],
    drugs: ['pembro'],
  }),
  {
    config: { entity340b: 'JG' },
    lines: [L('96413', 1, ['Q1']), L('J9271', 200, ['JZ', 'JG', 'Q0'])],
    warnings: [],
  },
);
