// Worked cases, drug units, later batches: NDC forms, contained Medication, dose against
// order, vial limits, MUE, 340B pair, claims with JZ. Professional POS 11 unless noted.
import { admin, base, claim, order } from './fhir-kit.mjs';
import { add, chemo, L, T, one, pembro, J9271 } from './case-helpers.mjs';

const ondanPushHalf = (c) =>
  admin(c, 'p1', {
    drug: 'ondan',
    push: true,
    dateTime: T('09:00'),
    dose: [2, 'mg'],
    containers: [['ondan', 1]],
    discarded: [2, 'mg'],
  });

add(
  'drug',
  'ndc-10-digit-hyphenated',
  'R-29 contract 2.2',
  one((c) => [pembro(c, 'a1', T('10:00'), T('10:30'), { ndcCode: '0006-3026-02' })], ['pembro']),
  {
    lines: [
      chemo,
      L('J9271', 200, ['JZ'], { ndc: { code: '00006302602', quantity: 8, unit: 'ML' } }),
    ],
    warnings: [],
  },
);

add(
  'drug',
  'contained-medication',
  'contract 2.2',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:30'), {
        contained: {
          resourceType: 'Medication',
          code: { coding: [{ system: 'http://hl7.org/fhir/sid/ndc', code: '00006-3026-02' }] },
        },
      }),
    ],
    ['pembro'],
  ),
  { lines: [chemo, J9271], warnings: [] },
);

add(
  'drug',
  'dose-deviates-from-order',
  'R-21',
  (c) => ({
    resources: [
      ...base(c),
      order(c, 'rx1', 200, 'mg'),
      pembro(c, 'a1', T('10:00'), T('10:30'), {
        dose: [144, 'mg'],
        discarded: [56, 'mg'],
        request: 'rx1',
      }),
    ],
    drugs: ['pembro'],
  }),
  {
    lines: [chemo, L('J9271', 144), L('J9271', 56, ['JW'])],
    warnings: ['DOSE_DEVIATES_FROM_ORDER', 'NO_ZERO_WASTE_COMBINATION'],
  },
);

add(
  'drug',
  'dose-rounded-within-policy',
  'R-21',
  (c) => ({
    resources: [
      ...base(c),
      order(c, 'rx1', 210, 'mg'),
      pembro(c, 'a1', T('10:00'), T('10:30'), { request: 'rx1' }),
    ],
    drugs: ['pembro'],
  }),
  { lines: [chemo, J9271], warnings: ['DOSE_ROUNDED_WITHIN_POLICY'] },
);

add(
  'drug',
  'dose-exceeds-opened-vials',
  'R-14',
  one((c) => [pembro(c, 'a1', T('10:00'), T('10:30'), { dose: [250, 'mg'] })], ['pembro']),
  {
    lines: [chemo],
    warnings: ['DOSE_EXCEEDS_OPENED_VIALS'],
    why: '250 mg given from 2 x 100 mg documented: hold the drug lines (R-14, §9 step 5).',
  },
);

add(
  'drug',
  'mue-exceeded-with-waste',
  'R-23',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:30'), {
        dose: [390, 'mg'],
        containers: [['pembro', 5]],
        discarded: [110, 'mg'],
      }),
    ],
    ['pembro'],
  ),
  {
    lines: [chemo, L('J9271', 390), L('J9271', 110, ['JW'])],
    warnings: ['MUE_EXCEEDED_WITH_WASTE', 'SUBOPTIMAL_VIAL_SELECTION', 'NO_ZERO_WASTE_COMBINATION'],
    why: 'J9271 MUE 400: 390 alone is within, 390 + 110 JW is above; 4 vials would leave 10 mg.',
  },
);

add(
  'drug',
  'claim-jz-with-waste',
  'R-22',
  (c) => ({
    resources: [
      ...base(c),
      pembro(c, 'a1', T('10:00'), T('10:30'), { dose: [144, 'mg'], discarded: [56, 'mg'] }),
      claim(c, {
        items: [
          ['96413', 1, []],
          ['J9271', 144, ['JZ']],
        ],
      }),
    ],
    drugs: ['pembro'],
  }),
  {
    disputed: true,
    lines: [chemo, L('J9271', 144), L('J9271', 56, ['JW'])],
    warnings: ['JZ_WITH_WASTE', 'NO_ZERO_WASTE_COMBINATION', 'CLAIM_LINE_MISSING'],
    why: 'R-22 names JZ_WITH_WASTE; whether CLAIM_MODIFIER_MISMATCH / CLAIM_LINE_MISSING also fire is not stated.',
  },
);

add(
  'drug',
  'claim-jz-on-multidose',
  'R-12',
  (c) => ({
    resources: [
      ...base(c),
      admin(c, 'a1', {
        drug: 'carbo450',
        start: T('10:00'),
        end: T('10:30'),
        dose: [450, 'mg'],
        containers: [['carbo450', 1]],
      }),
      claim(c, {
        items: [
          ['96413', 1, []],
          ['J9045', 9, ['JZ']],
        ],
      }),
    ],
    drugs: ['carbo450'],
  }),
  {
    disputed: true,
    lines: [chemo, L('J9045', 9)],
    warnings: ['JW_ON_MULTIDOSE'],
    why: 'R-12 names JW_ON_MULTIDOSE; whether CLAIM_MODIFIER_MISMATCH also fires is not stated.',
  },
);

add(
  'drug',
  'powder-ndc-quantity-each',
  'R-30',
  one(
    (c) => [
      admin(c, 'a1', {
        drug: 'cyclo1g',
        start: T('10:00'),
        end: T('10:30'),
        dose: [1000, 'mg'],
        containers: [['cyclo1g', 1]],
        discarded: [0, 'mg'],
      }),
    ],
    ['cyclo1g'],
  ),
  {
    lines: [
      chemo,
      L('J9075', 200, ['JZ'], { ndc: { code: '10019095601', quantity: 1, unit: 'UN' } }),
    ],
    warnings: [],
  },
);

add(
  'drug',
  'entity-340b-jw-pair',
  'R-32',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('10:30'), { dose: [144, 'mg'], discarded: [56, 'mg'] })],
    ['pembro'],
    { pos: '22' },
  ),
  {
    config: { entity340b: 'TB' },
    lines: [chemo, L('J9271', 144, ['TB']), L('J9271', 56, ['JW', 'TB'])],
    warnings: ['NO_ZERO_WASTE_COMBINATION'],
  },
);

add(
  'drug',
  'least-waste-durvalumab',
  'R-17 R-18',
  one(
    (c) => [
      admin(c, 'a1', {
        drug: 'durva120',
        start: T('10:00'),
        end: T('11:00'),
        dose: [830, 'mg'],
        discarded: [10, 'mg'],
      }),
    ],
    ['durva120', 'durva500'],
  ),
  {
    lines: [chemo, L('J9173', 83), L('J9173', 1, ['JW'])],
    warnings: ['VIALS_NOT_DOCUMENTED', 'NO_ZERO_WASTE_COMBINATION'],
    why: 'R-17 note: 830 mg -> 7 x 120 mg (840, 10 mg waste) beats 500 + 3 x 120 (860).',
  },
);
add(
  'drug',
  'least-waste-nivolumab',
  'R-17 R-18',
  one(
    (c) => [
      admin(c, 'a1', {
        drug: 'nivo100',
        start: T('10:00'),
        end: T('10:30'),
        dose: [78, 'mg'],
        discarded: [2, 'mg'],
      }),
    ],
    ['nivo100', 'nivo40'],
  ),
  {
    lines: [chemo, L('J9299', 78), L('J9299', 2, ['JW'])],
    warnings: ['VIALS_NOT_DOCUMENTED', 'NO_ZERO_WASTE_COMBINATION'],
    why: 'R-17 note: 78 mg -> 2 x 40 mg (2 mg waste) beats 1 x 100 mg.',
  },
);
add(
  'drug',
  'shared-vial-earlier-patient',
  'R-20',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:30'), {
        dose: [60, 'mg'],
        containers: [['pembro', 1]],
        discarded: undefined,
        shared: true,
      }),
    ],
    ['pembro'],
  ),
  {
    lines: [chemo, L('J9271', 60, ['JZ'])],
    warnings: ['VIAL_SHARED_CONFIRM'],
    why: 'R-20 engine rule: the earlier patient of a shared vial gets one JZ line and VIAL_SHARED_CONFIRM; nothing was discarded.',
  },
);
add(
  'drug',
  'medication-knowledge-multi-dose-overrides',
  'contract 2.3 R-12',
  one(
    (c) => [
      admin(c, 'a1', {
        drug: 'pembroMdc',
        start: T('10:00'),
        end: T('10:30'),
        dose: [150, 'mg'],
        containers: [['pembroMdc', 2]],
      }),
    ],
    ['pembroMdc'],
  ),
  {
    lines: [chemo, L('J9271', 150)],
    warnings: ['MULTI_DOSE_NO_WASTE_BILLING'],
    why: 'The input MedicationKnowledge says multi-dose for this NDC: no JW/JZ; 50 mg left in opened vials is not billable.',
  },
);
add(
  'drug',
  'facility-packaged-drug-with-waste',
  'R-13',
  one((c) => [ondanPushHalf(c)], ['ondan'], { pos: '22' }),
  {
    lines: [L('96374', 1), L('J2405', 2)],
    warnings: ['NOT_SEPARATELY_PAYABLE'],
    why: 'OPPS SI N: one line of administered units, no JW/JZ (R-13, §9 step 3).',
  },
);
add(
  'drug',
  'professional-small-dose-jw',
  'R-06 R-09',
  one((c) => [ondanPushHalf(c)], ['ondan']),
  {
    lines: [L('96374', 1), L('J2405', 2), L('J2405', 2, ['JW'])],
    warnings: ['NO_ZERO_WASTE_COMBINATION'],
  },
);
add(
  'drug',
  'mue-exceeded-administered',
  'R-23',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:30'), {
        dose: [450, 'mg'],
        containers: [['pembro', 5]],
        discarded: [50, 'mg'],
      }),
    ],
    ['pembro'],
  ),
  {
    disputed: true,
    lines: [chemo, L('J9271', 450), L('J9271', 50, ['JW'])],
    warnings: ['MUE_EXCEEDED', 'MUE_EXCEEDED_WITH_WASTE', 'NO_ZERO_WASTE_COMBINATION'],
    why: 'R-23: whether MUE_EXCEEDED_WITH_WASTE is also raised when the administered units alone exceed the MUE is not stated.',
  },
);
