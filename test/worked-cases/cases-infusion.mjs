// Worked cases: administration codes (infusion-rules.md), professional POS 11 unless noted.
import { base } from './fhir-kit.mjs';
import {
  add,
  L,
  T,
  pembro,
  dexaInf,
  dexaPush,
  ondanPush,
  saline,
  nivo240,
  J9271,
  J1100,
  J2405,
  J7050,
  J9299,
} from './case-helpers.mjs';

// ---------- infusion: push vs infusion, hours (R4.1–R4.4) ----------
const one = (mk, drugs) => (c) => ({ resources: [...base(c), ...mk(c)], drugs });
add(
  'infusion',
  'push-15-min',
  'R4.2',
  one((c) => [dexaInf(c, 'a1', T('09:00'), T('09:15'))], ['dexa']),
  { lines: [L('96374', 1), J1100], warnings: ['INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH'] },
);
add(
  'infusion',
  'infusion-16-min',
  'R4.2',
  one((c) => [dexaInf(c, 'a1', T('09:00'), T('09:16'))], ['dexa']),
  { lines: [L('96365', 1), J1100], warnings: [] },
);
for (const [min, end, hours] of [
  [90, '11:30', 0],
  [91, '11:31', 1],
  [150, '12:30', 1],
  [151, '12:31', 2],
]) {
  add(
    'infusion',
    `chemo-${min}-min`,
    'R4.3',
    one((c) => [pembro(c, 'a1', T('10:00'), T(end))], ['pembro']),
    { lines: [L('96413', 1), ...(hours ? [L('96415', hours)] : []), J9271], warnings: [] },
  );
}
// ---------- hydration initial / secondary (R4.5, R4.6) ----------
for (const [min, end, lines, w] of [
  [30, '09:30', [], ['HYDRATION_30_MIN_OR_LESS']],
  [31, '09:31', [L('96360', 1)], []],
  [90, '10:30', [L('96360', 1)], []],
  [91, '10:31', [L('96360', 1), L('96361', 1)], []],
]) {
  add(
    'infusion',
    `hydration-initial-${min}-min`,
    'R4.5',
    one((c) => [saline(c, 'h1', T('09:00'), T(end))], []),
    { lines: [...lines, J7050], warnings: w },
  );
}
for (const [min, end, units] of [
  [30, '11:30', 0],
  [31, '11:31', 1],
  [90, '12:30', 1],
  [91, '12:31', 2],
]) {
  add(
    'infusion',
    `hydration-secondary-${min}-min`,
    'R4.6',
    one(
      (c) => [pembro(c, 'a1', T('10:00'), T('11:00')), saline(c, 'h1', T('11:00'), T(end))],
      ['pembro'],
    ),
    {
      lines: [L('96413', 1), J9271, J7050, ...(units ? [L('96361', units)] : [])],
      warnings: units ? [] : ['HYDRATION_30_MIN_OR_LESS'],
    },
  );
}
// ---------- hierarchy and primary reason (R6.2–R6.4) ----------
const pushThenInf = (c, o = {}) => [
  ondanPush(c, 'p1', T('09:00'), o),
  dexaInf(c, 'i1', T('09:10'), T('09:40')),
];
add(
  'infusion',
  'hierarchy-facility',
  'R6.2',
  (c) => ({ resources: [...base(c, { pos: '22' }), ...pushThenInf(c)], drugs: ['ondan', 'dexa'] }),
  {
    lines: [L('96365', 1), L('96375', 1), L('J2405', 4), L('J1100', 10)],
    warnings: ['NOT_SEPARATELY_PAYABLE'],
    why: 'Facility: TPD infusion outranks TPD push (R6.2); J2405/J1100 are OPPS SI N, so one line without JW/JZ (R-13).',
  },
);
add(
  'infusion',
  'hierarchy-professional-no-flag',
  'R6.3',
  (c) => ({ resources: [...base(c), ...pushThenInf(c)], drugs: ['ondan', 'dexa'] }),
  { lines: [L('96365', 1), L('96375', 1), J2405, J1100], warnings: [] },
);
add(
  'infusion',
  'primary-reason-professional',
  'R6.3',
  (c) => ({
    resources: [...base(c), ...pushThenInf(c, { primary: true })],
    drugs: ['ondan', 'dexa'],
  }),
  { lines: [L('96374', 1), L('96367', 1), J2405, J1100], warnings: [] },
);
add(
  'infusion',
  'primary-reason-not-usable',
  'R6.4',
  (c) => ({
    resources: [
      ...base(c),
      saline(c, 'h1', T('09:00'), T('10:00'), { primary: true }),
      pembro(c, 'a1', T('10:00'), T('10:30')),
    ],
    drugs: ['pembro'],
  }),
  {
    lines: [L('96413', 1), L('96361', 1), J9271, J7050],
    warnings: ['PRIMARY_REASON_NOT_USABLE_AS_INITIAL'],
  },
);
// ---------- sequential / concurrent (R7.1, R7.5, R7.6) ----------
add(
  'infusion',
  'sequential-chemo-longer-initial',
  'R7.1',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('11:00')), nivo240(c, 'a2', T('11:00'), T('12:40'))],
    ['pembro', 'nivo100', 'nivo40'],
  ),
  {
    lines: [L('96413', 1), L('96415', 1), L('96417', 1), J9271, J9299],
    warnings: [],
    why: 'Equal rank: the longer (nivolumab 100 min) is initial, 96413 + 96415x1; pembrolizumab 60 min is 96417.',
  },
);
add(
  'infusion',
  'concurrent-tpd',
  'R7.5',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('11:00')), dexaInf(c, 'i1', T('10:10'), T('10:40'))],
    ['pembro', 'dexa'],
  ),
  { lines: [L('96413', 1), L('96368', 1), J9271, J1100], warnings: [] },
);
add(
  'infusion',
  'concurrent-chemo',
  'R7.6',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('11:00')), nivo240(c, 'a2', T('10:00'), T('11:00'))],
    ['pembro', 'nivo100', 'nivo40'],
  ),
  { lines: [L('96413', 1), J9271, J9299], warnings: ['CONCURRENT_CHEMO_NO_CPT_CODE'] },
);
// ---------- repeat push (R7.3) ----------
const twoOndan = (c, second) => [ondanPush(c, 'p1', T('09:00')), ondanPush(c, 'p2', T(second))];
add(
  'infusion',
  'repeat-push-facility-31-min',
  'R7.3',
  (c) => ({ resources: [...base(c, { pos: '22' }), ...twoOndan(c, '09:31')], drugs: ['ondan'] }),
  { lines: [L('96374', 1), L('96376', 1), L('J2405', 8)], warnings: ['NOT_SEPARATELY_PAYABLE'] },
);
add(
  'infusion',
  'repeat-push-facility-30-min',
  'R7.3',
  (c) => ({ resources: [...base(c, { pos: '22' }), ...twoOndan(c, '09:30')], drugs: ['ondan'] }),
  {
    lines: [L('96374', 1), L('J2405', 8)],
    warnings: ['SAME_DRUG_REPEAT_PUSH_WITHIN_30_MIN', 'NOT_SEPARATELY_PAYABLE'],
  },
);
add(
  'infusion',
  'repeat-push-professional',
  'R7.3',
  (c) => ({ resources: [...base(c), ...twoOndan(c, '10:00')], drugs: ['ondan'] }),
  {
    lines: [L('96374', 1), L('J2405', 8, ['JZ'])],
    warnings: ['SAME_DRUG_REPEAT_PUSH_NOT_REPORTABLE_PROFESSIONAL'],
  },
);
add(
  'infusion',
  'premed-pushes-then-chemo',
  'R7.2',
  one(
    (c) => [
      dexaPush(c, 'p1', T('09:00')),
      ondanPush(c, 'p2', T('09:05')),
      pembro(c, 'a1', T('09:30'), T('10:00')),
    ],
    ['dexa', 'ondan', 'pembro'],
  ),
  { lines: [L('96413', 1), L('96375', 2), J1100, J2405, J9271], warnings: [] },
);
// ---------- edge cases (R9.x) ----------
add(
  'infusion',
  'missing-stop-time',
  'R9.5',
  one((c) => [pembro(c, 'a1', T('10:00'), undefined)], ['pembro']),
  { lines: [L('96409', 1), J9271], warnings: ['MISSING_STOP_TIME'] },
);
add(
  'infusion',
  'stopped-early',
  'R9.10',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:40'), {
        status: 'stopped',
        dose: [130, 'mg'],
        discarded: [70, 'mg'],
      }),
    ],
    ['pembro'],
  ),
  {
    lines: [L('96413', 1), L('J9271', 130), L('J9271', 70, ['JW'])],
    warnings: ['STOPPED_EARLY_REVIEW', 'NO_ZERO_WASTE_COMBINATION'],
  },
);
add(
  'infusion',
  'interrupted-part-of',
  'R9.2',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:50'), { dose: [100, 'mg'], containers: [['pembro', 1]] }),
      pembro(c, 'a2', T('11:10'), T('12:00'), {
        dose: [100, 'mg'],
        containers: [['pembro', 1]],
        partOf: 'a1',
      }),
    ],
    ['pembro'],
  ),
  {
    lines: [L('96413', 1), L('96415', 1), J9271],
    warnings: ['SEGMENTS_COMBINED'],
    why: '50 + 50 running minutes = 100 -> 96413 + 96415x1; 20 paused minutes excluded.',
  },
);
add(
  'infusion',
  'flush-not-billed',
  'R8.1',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:30')),
      saline(c, 'f1', T('10:30'), T('10:32'), { flush: true, dose: [10, 'mL'] }),
    ],
    ['pembro'],
  ),
  { lines: [L('96413', 1), J9271], warnings: ['FLUSH_KVO_NOT_BILLABLE'] },
);
add(
  'infusion',
  'two-sites-justified',
  'R9.4',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:30')),
      dexaInf(c, 'i1', T('11:00'), T('11:30'), { site: '368209003', justified: true }),
    ],
    ['pembro', 'dexa'],
  ),
  { lines: [L('96413', 1), L('96365', 1, ['59']), J9271, J1100], warnings: [] },
);
add(
  'infusion',
  'two-sites-not-justified',
  'R9.4',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:30')),
      dexaInf(c, 'i1', T('11:00'), T('11:30'), { site: '368209003' }),
    ],
    ['pembro', 'dexa'],
  ),
  {
    lines: [L('96413', 1), L('96367', 1), J9271, J1100],
    warnings: ['SECOND_IV_SITE_NOT_JUSTIFIED'],
  },
);
add(
  'infusion',
  'two-encounters-same-day',
  'R9.8',
  (c) => ({
    resources: [
      ...base(c, {
        encounters: [
          ['am', T('08:30'), T('10:00')],
          ['pm', T('13:30'), T('15:00')],
        ],
      }),
      pembro(c, 'a1', T('09:00'), T('09:30'), { encounter: `${c}-am` }),
      dexaInf(c, 'i1', T('14:00'), T('14:30'), { encounter: `${c}-pm` }),
    ],
    drugs: ['pembro', 'dexa'],
  }),
  {
    encounters: {
      am: { lines: [L('96413', 1), J9271], warnings: [] },
      pm: {
        lines: [L('96365', 1, ['59']), J1100],
        warnings: ['SEPARATE_ENCOUNTER_SECOND_INITIAL'],
      },
    },
  },
);
add(
  'infusion',
  'crosses-midnight',
  'R9.7',
  (c) => ({
    resources: [
      ...base(c, { encounters: [['enc', T('22:30'), T('02:00', '03')]] }),
      pembro(c, 'a1', T('23:00'), T('01:31', '03')),
    ],
    drugs: ['pembro'],
  }),
  {
    lines: [
      L('96413', 1, [], { date: '2026-03-02' }),
      L('96415', 2, [], { date: '2026-03-02' }),
      J9271,
    ],
    warnings: ['CROSSES_MIDNIGHT'],
  },
);
add(
  'infusion',
  'dst-spring-forward',
  'R9.9',
  (c) => ({
    resources: [
      ...base(c, {
        encounters: [['enc', '2026-03-08T00:30:00-05:00', '2026-03-08T05:00:00-04:00']],
      }),
      pembro(c, 'a1', '2026-03-08T01:00:00-05:00', '2026-03-08T04:01:00-04:00'),
    ],
    drugs: ['pembro'],
  }),
  {
    lines: [L('96413', 1), L('96415', 1), J9271],
    warnings: [],
    why: 'Absolute 121 min (wall clock shows 181): add(121) = 1.',
  },
);
add(
  'infusion',
  'in-progress-not-billed',
  'R1.1',
  one((c) => [pembro(c, 'a1', T('10:00'), undefined, { status: 'in-progress' })], ['pembro']),
  { lines: [], warnings: ['NOT_COMPLETED_EXCLUDED'] },
);
