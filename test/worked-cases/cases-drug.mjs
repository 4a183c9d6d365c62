// Worked cases: drug units and JW/JZ (drug-wastage.md), professional POS 11 unless noted.
import { admin, base } from './fhir-kit.mjs';
import { add, L, T, pembro } from './case-helpers.mjs';

const one =
  (mk, drugs, opts = {}) =>
  (c) => ({ resources: [...base(c, opts), ...mk(c)], drugs });
const chemo = L('96413', 1);

add(
  'drug',
  'jw-documented-ndc-quantity',
  'R-09 R-30',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('10:30'), { dose: [144, 'mg'], discarded: [56, 'mg'] })],
    ['pembro'],
  ),
  {
    lines: [
      chemo,
      L('J9271', 144, [], { ndc: { code: '00006302602', quantity: 5.76, unit: 'ML' } }),
      L('J9271', 56, ['JW'], { ndc: { code: '00006302602', quantity: 2.24, unit: 'ML' } }),
    ],
    warnings: ['NO_ZERO_WASTE_COMBINATION'],
    why: 'R-24: no marketed vial combination gives 144 mg, so the JW line is expected (info).',
  },
);
add(
  'drug',
  'waste-not-documented',
  'R-19',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('10:30'), { dose: [144, 'mg'], discarded: undefined })],
    ['pembro'],
  ),
  {
    lines: [chemo, L('J9271', 144), L('J9271', 56, ['JW'])],
    warnings: ['WASTE_NOT_DOCUMENTED', 'NO_ZERO_WASTE_COMBINATION'],
  },
);
add(
  'drug',
  'vials-not-documented',
  'R-18',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:30'), {
        dose: [144, 'mg'],
        discarded: [56, 'mg'],
        containers: [],
      }),
    ],
    ['pembro'],
  ),
  {
    lines: [chemo, L('J9271', 144), L('J9271', 56, ['JW'])],
    warnings: ['VIALS_NOT_DOCUMENTED', 'NO_ZERO_WASTE_COMBINATION'],
    why: 'Least-waste 2 x 100 mg assumed (R-17); waste is documented, so no WASTE_NOT_DOCUMENTED (R-19).',
  },
);
const bev = (c, dose, discarded) =>
  admin(c, 'a1', {
    drug: 'bev400',
    start: T('10:00'),
    end: T('10:30'),
    dose: [dose, 'mg'],
    containers: [['bev400', 1]],
    discarded: [discarded, 'mg'],
  });
add(
  'drug',
  'discard-less-than-one-unit',
  'R-08',
  one((c) => [bev(c, 395, 5)], ['bev400']),
  {
    lines: [chemo, L('J9035', 40, ['JZ'])],
    warnings: ['DISCARD_LESS_THAN_ONE_UNIT'],
    why: 'ceil(395/10) = 40 = floor(400/10): no whole JW unit, JZ + info.',
  },
);
add(
  'drug',
  'jw-rounds-down',
  'R-06',
  one((c) => [bev(c, 385, 15)], ['bev400']),
  {
    lines: [chemo, L('J9035', 39), L('J9035', 1, ['JW'])],
    warnings: ['NO_ZERO_WASTE_COMBINATION'],
    why: 'admin ceil(38.5) = 39; labeled 40; JW 1 (15 mg waste floors to 1 unit).',
  },
);
add(
  'drug',
  'two-ndcs-half-mg-unit',
  'R-03 R-06',
  one(
    (c) => [
      admin(c, 'a1', {
        drug: 'oxali100',
        start: T('10:00'),
        end: T('11:00'),
        dose: [130, 'mg'],
        containers: [
          ['oxali100', 1],
          ['oxali50', 1],
        ],
        discarded: [20, 'mg'],
      }),
    ],
    ['oxali100', 'oxali50'],
  ),
  {
    lines: [chemo, L('J9263', 260), L('J9263', 40, ['JW'])],
    warnings: ['NO_ZERO_WASTE_COMBINATION'],
  },
);
add(
  'drug',
  'ml-dose-with-concentration',
  'R-04',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('10:30'), { dose: [8, 'mL'], discarded: [0, 'mL'] })],
    ['pembro'],
  ),
  { lines: [chemo, L('J9271', 200, ['JZ'])], warnings: [] },
);
add(
  'drug',
  'ml-dose-without-concentration',
  'R-04',
  one(
    (c) => [
      admin(c, 'a1', {
        hcpcs: 'J9271',
        text: 'pembrolizumab',
        start: T('10:00'),
        end: T('10:30'),
        dose: [8, 'mL'],
      }),
    ],
    [],
  ),
  {
    lines: [chemo],
    warnings: ['UNIT_CONVERSION_MISSING'],
    why: 'No NDC and no Medication strength: contract §2.3 -> UNIT_CONVERSION_MISSING and no drug line.',
  },
);
add(
  'drug',
  'mg-to-mcg-palonosetron',
  'R-03',
  one(
    (c) => [
      admin(c, 'p1', {
        drug: 'palono',
        push: true,
        dateTime: T('09:00'),
        dose: [0.25, 'mg'],
        containers: [['palono', 1]],
        discarded: [0, 'mg'],
      }),
    ],
    ['palono'],
  ),
  { lines: [L('96374', 1), L('J2469', 10, ['JZ'])], warnings: [] },
);
add(
  'drug',
  'mg-to-mcg-granisetron',
  'R-03',
  one(
    (c) => [
      admin(c, 'p1', {
        drug: 'granis',
        push: true,
        dateTime: T('09:00'),
        dose: [1, 'mg'],
        containers: [['granis', 1]],
        discarded: [0, 'mg'],
      }),
    ],
    ['granis'],
  ),
  { lines: [L('96374', 1), L('J1626', 10, ['JZ'])], warnings: [] },
);
add(
  'drug',
  'g-to-mg-cyclophosphamide',
  'R-03',
  one(
    (c) => [
      admin(c, 'a1', {
        drug: 'cyclo1g',
        start: T('10:00'),
        end: T('10:30'),
        dose: [1, 'g'],
        containers: [['cyclo1g', 1]],
        discarded: [0, 'mg'],
      }),
    ],
    ['cyclo1g'],
  ),
  { lines: [chemo, L('J9075', 200, ['JZ'])], warnings: [] },
);
const carbo = (c, dose, discarded) =>
  admin(c, 'a1', {
    drug: 'carbo450',
    start: T('10:00'),
    end: T('10:30'),
    dose: [dose, 'mg'],
    containers: [['carbo450', 1]],
    ...(discarded !== undefined ? { discarded: [discarded, 'mg'] } : {}),
  });
add(
  'drug',
  'multi-dose-no-waste',
  'R-12',
  one((c) => [carbo(c, 450)], ['carbo450']),
  { lines: [chemo, L('J9045', 9)], warnings: [] },
);
add(
  'drug',
  'multi-dose-waste-recorded',
  'R-12',
  one((c) => [carbo(c, 400, 50)], ['carbo450']),
  {
    lines: [chemo, L('J9045', 8)],
    warnings: ['MULTI_DOSE_NO_WASTE_BILLING'],
    why: 'Multiple-dose: never JW/JZ, waste not payable (R-12); info MULTI_DOSE_NO_WASTE_BILLING (§9 info list).',
  },
);
add(
  'drug',
  'entity-340b-facility',
  'R-32',
  one((c) => [pembro(c, 'a1', T('10:00'), T('10:30'))], ['pembro'], { pos: '22' }),
  { config: { entity340b: 'JG' }, lines: [chemo, L('J9271', 200, ['JZ', 'JG'])], warnings: [] },
);
add(
  'drug',
  'suboptimal-vial-selection',
  'R-17',
  one(
    (c) => [
      admin(c, 'a1', {
        drug: 'nivo100',
        start: T('10:00'),
        end: T('10:30'),
        dose: [78, 'mg'],
        containers: [['nivo100', 1]],
        discarded: [22, 'mg'],
      }),
    ],
    ['nivo100', 'nivo40'],
  ),
  {
    lines: [chemo, L('J9299', 78), L('J9299', 22, ['JW'])],
    warnings: ['SUBOPTIMAL_VIAL_SELECTION', 'NO_ZERO_WASTE_COMBINATION'],
    why: 'R-17 example: 78 mg -> 2 x 40 mg (2 mg waste) beats 1 x 100 mg; documented vial is billed truthfully + warning.',
  },
);
