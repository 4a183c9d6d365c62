// Worked cases: reading forms of contract §1–§2 (reference styles, bundle types, NDC forms,
// code systems, UTC offsets) and a few research-billing header values. Professional POS 11.
import { admin, base, CODES } from './fhir-kit.mjs';
import { add, L, T, pembro, J9271 } from './case-helpers.mjs';

const chemo = L('96413', 1);
const pemDay = (c) => [...base(c), pembro(c, 'a1', T('10:00'), T('10:30'))];

add(
  'reading',
  'urn-uuid-references',
  'contract 1',
  (c) => ({ resources: pemDay(c), drugs: ['pembro'], refStyle: 'urn' }),
  { lines: [chemo, J9271], warnings: [] },
);
add(
  'reading',
  'absolute-url-references',
  'contract 1',
  (c) => ({ resources: pemDay(c), drugs: ['pembro'], refStyle: 'absolute' }),
  { lines: [chemo, J9271], warnings: [] },
);
add(
  'reading',
  'searchset-bundle',
  'contract 1',
  (c) => ({ resources: pemDay(c), drugs: ['pembro'], bundleType: 'searchset' }),
  { lines: [chemo, J9271], warnings: [] },
);
add(
  'reading',
  'ndc-5-3-2-form',
  'R-29',
  (c) => ({
    resources: [
      ...base(c),
      admin(c, 'a1', {
        drug: 'carbo450',
        ndcCode: '61703-339-50',
        start: T('10:00'),
        end: T('10:30'),
        dose: [450, 'mg'],
        containers: [['carbo450', 1]],
      }),
    ],
    drugs: ['carbo450'],
  }),
  {
    lines: [chemo, L('J9045', 9, [], { ndc: { code: '61703033950', quantity: 45, unit: 'ML' } })],
    warnings: [],
  },
);
add(
  'reading',
  'hcpcs-https-system',
  'contract 2.2',
  (c) => ({
    resources: [
      ...base(c),
      admin(c, 'a1', {
        coding: [
          { system: 'https://www.cms.gov/Medicare/Coding/HCPCSReleaseCodeSets', code: 'J9271' },
          { system: CODES.NDC, code: '00006302602' },
        ],
        start: T('10:00'),
        end: T('10:30'),
        dose: [200, 'mg'],
        containers: [['pembro', 2]],
        discarded: [0, 'mg'],
      }),
    ],
    drugs: ['pembro'],
  }),
  { lines: [chemo, J9271], warnings: [] },
);
add(
  'reading',
  'date-of-service-own-offset',
  'contract 2.1',
  (c) => ({
    resources: [
      ...base(c, {
        encounters: [['enc', '2026-03-02T00:00:00+01:00', '2026-03-02T03:00:00+01:00']],
      }),
      pembro(c, 'a1', '2026-03-02T00:30:00+01:00', '2026-03-02T01:00:00+01:00'),
    ],
    drugs: ['pembro'],
  }),
  {
    lines: [
      L('96413', 1, [], { date: '2026-03-02' }),
      L('J9271', 200, ['JZ'], { date: '2026-03-02' }),
    ],
    warnings: [],
    why: 'Start 00:30+01:00 is 2026-03-01 in UTC; the date of service is the local date 2026-03-02.',
  },
);
