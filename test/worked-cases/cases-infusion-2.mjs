// Worked cases, administration codes, later batches: overlaps, pushes, flush forms, no
// encounter, midnight, setting from a claim. Professional POS 11 unless noted.
import { admin, base, claim } from './fhir-kit.mjs';
import {
  add,
  chemo,
  doxoPush,
  L,
  T,
  one,
  ondanInf,
  pembro,
  dexaInf,
  ondanPush,
  saline,
  nivo240,
  J9271,
  J1100,
  J2405,
  J7050,
  J9299,
} from './case-helpers.mjs';

add(
  'infusion',
  'hydration-around-chemo',
  'R4.6 §5.6',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('11:00')), saline(c, 'h1', T('09:30'), T('11:30'))],
    ['pembro'],
  ),
  {
    lines: [chemo, L('96361', 1), J9271, J7050],
    warnings: ['HYDRATION_CONCURRENT_TIME_EXCLUDED', 'HYDRATION_SEGMENTS_COMBINED'],
    why: '120 min of saline minus the 60 chemo minutes = 30 + 30 net, summed (R9.3 default) = 60 -> 96361 x1.',
  },
);

add(
  'infusion',
  'hydration-before-chemo-facility',
  'R6.2 R7.4',
  one(
    (c) => [saline(c, 'h1', T('09:00'), T('10:00')), pembro(c, 'a1', T('10:00'), T('10:30'))],
    ['pembro'],
    { pos: '22' },
  ),
  { lines: [chemo, L('96361', 1), J9271, L('J7050', 2)], warnings: ['NOT_SEPARATELY_PAYABLE'] },
);

add(
  'infusion',
  'partial-overlap-sequential',
  'R7.7',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('11:00')), nivo240(c, 'a2', T('10:40'), T('11:30'))],
    ['pembro', 'nivo100', 'nivo40'],
  ),
  {
    lines: [chemo, L('96417', 1), J9271, J9299],
    warnings: ['PARTIAL_OVERLAP_CODER_REVIEW'],
    why: 'Pembrolizumab 60 min outranks nivolumab 50 min; nivolumab keeps 30 own minutes -> sequential 96417.',
  },
);

add(
  'infusion',
  'two-concurrent-tpd-once',
  'R7.5',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('11:00')),
      dexaInf(c, 'i1', T('10:05'), T('10:35')),
      ondanInf(c, 'i2', T('10:10'), T('10:30')),
    ],
    ['pembro', 'dexa', 'ondan'],
  ),
  {
    lines: [chemo, L('96368', 1), J9271, J1100, J2405],
    warnings: ['MULTIPLE_CONCURRENT_96368_ONCE'],
  },
);

add(
  'infusion',
  'chemo-push-after-tpd-push',
  'R6.2 R7.2',
  one((c) => [ondanPush(c, 'p1', T('09:00')), doxoPush(c, 'p2', T('09:10'))], ['ondan', 'doxo50']),
  { lines: [L('96409', 1), L('96375', 1), L('J9000', 5, ['JZ']), J2405], warnings: [] },
);

add(
  'infusion',
  'two-chemo-pushes',
  'R7.2',
  one(
    (c) => [
      doxoPush(c, 'p1', T('09:00')),
      admin(c, 'p2', {
        drug: 'bortez',
        push: true,
        dateTime: T('09:20'),
        dose: [2.6, 'mg'],
        containers: [['bortez', 1]],
        discarded: [0.9, 'mg'],
      }),
    ],
    ['doxo50', 'bortez'],
  ),
  {
    lines: [
      L('96409', 1),
      L('96411', 1),
      L('J9000', 5, ['JZ']),
      L('J9041', 26),
      L('J9041', 9, ['JW']),
    ],
    warnings: ['NO_ZERO_WASTE_COMBINATION'],
    why: 'Bortezomib 2.6 mg / 0.1 mg = 26 units; 3.5 mg vial = 35 units -> JW 9.',
  },
);

add(
  'infusion',
  'sequential-tpd-with-hour',
  'R7.1',
  one(
    (c) => [ondanInf(c, 'i1', T('09:00'), T('09:20')), dexaInf(c, 'i2', T('09:20'), T('11:00'))],
    ['ondan', 'dexa'],
  ),
  { lines: [L('96365', 1), L('96366', 1), L('96367', 1), J1100, J2405], warnings: [] },
);

add(
  'infusion',
  'flush-by-method-and-kvo-text',
  'R8.1 contract 2.1',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:30')),
      saline(c, 'f1', T('09:55'), T('09:57'), { method: 'IVFLUSH', dose: [10, 'mL'] }),
      saline(c, 'k1', T('10:30'), T('11:30'), { dosageText: 'KVO at 20 mL/h', dose: [20, 'mL'] }),
    ],
    ['pembro'],
  ),
  { lines: [chemo, J9271], warnings: ['FLUSH_KVO_NOT_BILLABLE'] },
);

add(
  'infusion',
  'no-encounter-reference',
  'R1.6 contract 2.1',
  (c) => ({
    resources: [
      ...base(c, { encounters: [] }),
      pembro(c, 'a1', T('10:00'), T('10:30'), { noContext: true }),
    ],
    drugs: ['pembro'],
  }),
  { encounter: null, lines: [chemo, J9271], warnings: [] },
);

add(
  'infusion',
  'not-done-ignored',
  'R1.1',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:30')),
      dexaInf(c, 'i1', T('10:30'), T('11:00'), { status: 'not-done' }),
    ],
    ['pembro', 'dexa'],
  ),
  // Never billed (R1.1), but named: no record vanishes from the report.
  { lines: [chemo, J9271], warnings: ['NOT_GIVEN_NOT_BILLED'] },
);

add(
  'infusion',
  'end-before-start',
  'contract 1',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('10:30')), dexaInf(c, 'i1', T('11:00'), T('10:40'))],
    ['pembro', 'dexa'],
  ),
  { lines: [chemo, J9271], warnings: ['INVALID_TIME_RANGE'] },
);

add(
  'infusion',
  'push-after-midnight-own-date',
  'R9.7',
  (c) => ({
    resources: [
      ...base(c, { encounters: [['enc', T('21:30'), T('01:00', '03')]] }),
      pembro(c, 'a1', T('22:00'), T('23:00')),
      ondanPush(c, 'p1', T('00:30', '03')),
    ],
    drugs: ['pembro', 'ondan'],
  }),
  {
    lines: [
      L('96413', 1, [], { date: '2026-03-02' }),
      L('96375', 1, [], { date: '2026-03-03' }),
      J9271,
      J2405,
    ],
    warnings: [],
  },
);

add(
  'infusion',
  'long-push-trusts-route',
  'R9.11',
  one(
    (c) => [
      admin(c, 'p1', {
        drug: 'dexa',
        push: true,
        start: T('09:00'),
        end: T('09:20'),
        dose: [10, 'mg'],
        containers: [['dexa', 1]],
        discarded: [0, 'mg'],
      }),
    ],
    ['dexa'],
  ),
  {
    lines: [L('96374', 1), J1100],
    warnings: [],
    why: 'Documented IV push of 20 min stays a push (R2.4, R9.11 default trust-route).',
  },
);

add(
  'infusion',
  'hydration-no-stop-time',
  'R9.5',
  one((c) => [saline(c, 'h1', T('09:00'), undefined)], []),
  { lines: [J7050], warnings: ['HYDRATION_NO_STOP_TIME'] },
);

add(
  'infusion',
  'repeat-push-counts-from-last-reported',
  'R7.3',
  (c) => ({
    resources: [
      ...base(c, { pos: '22' }),
      ondanPush(c, 'p1', T('09:00')),
      ondanPush(c, 'p2', T('09:20')),
      ondanPush(c, 'p3', T('09:40')),
    ],
    drugs: ['ondan'],
  }),
  {
    lines: [L('96374', 1), L('96376', 1), L('J2405', 12)],
    warnings: ['SAME_DRUG_REPEAT_PUSH_WITHIN_30_MIN', 'NOT_SEPARATELY_PAYABLE'],
    why: '09:20 is within 30 min of the reported 09:00 push (no line); 09:40 is 40 min after the last reported push -> 96376.',
  },
);

add(
  'infusion',
  'sequential-chemo-hours-summed',
  'R4.4 R7.1',
  one(
    (c) => [pembro(c, 'a1', T('09:00'), T('10:40')), nivo240(c, 'a2', T('10:40'), T('12:15'))],
    ['pembro', 'nivo100', 'nivo40'],
  ),
  {
    lines: [chemo, L('96415', 2), L('96417', 1), J9271, J9299],
    warnings: [],
    why: '100 min initial (+1 h) and 95 min sequential (+1 h): the clock restarts per drug; 96415 lines aggregate to 2.',
  },
);

add(
  'infusion',
  'facility-push-outranks-hydration',
  'R6.2',
  one((c) => [saline(c, 'h1', T('09:00'), T('10:00')), ondanPush(c, 'p1', T('10:05'))], ['ondan'], {
    pos: '22',
  }),
  {
    lines: [L('96374', 1), L('96361', 1), L('J2405', 4), L('J7050', 2)],
    warnings: ['NOT_SEPARATELY_PAYABLE'],
  },
);

add(
  'infusion',
  'two-sites-modifier-on-lower-rank',
  'R9.4 R11.1',
  one(
    (c) => [
      dexaInf(c, 'i1', T('09:00'), T('09:30')),
      pembro(c, 'a1', T('10:00'), T('10:30'), { site: '368209003', justified: true }),
    ],
    ['pembro', 'dexa'],
  ),
  { lines: [chemo, L('96365', 1, ['59']), J9271, J1100], warnings: [] },
);

add(
  'infusion',
  'hydration-across-midnight',
  'R9.7',
  (c) => ({
    resources: [
      ...base(c, { encounters: [['enc', T('22:30'), T('02:30', '03')]] }),
      saline(c, 'h1', T('23:00'), T('02:00', '03'), { dose: [1000, 'mL'] }),
    ],
    drugs: [],
  }),
  {
    lines: [
      L('96360', 1, [], { date: '2026-03-02' }),
      L('96361', 2, [], { date: '2026-03-02' }),
      L('J7050', 4),
    ],
    warnings: ['CROSSES_MIDNIGHT'],
    why: "CPT's 11 PM-2 AM hydration example: 180 min = 96360 + 96361 x2, dated the start date.",
  },
);

add(
  'infusion',
  'stopped-within-15-min',
  'R4.2 R9.10',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:12'), {
        status: 'stopped',
        dose: [40, 'mg'],
        containers: [['pembro', 1]],
        discarded: [60, 'mg'],
      }),
    ],
    ['pembro'],
  ),
  {
    lines: [L('96409', 1), L('J9271', 40), L('J9271', 60, ['JW'])],
    warnings: [
      'STOPPED_EARLY_REVIEW',
      'INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH',
      'NO_ZERO_WASTE_COMBINATION',
    ],
  },
);

add(
  'infusion',
  'same-drug-second-bag-summed',
  'R9.3',
  one(
    (c) => [
      pembro(c, 'a1', T('10:00'), T('10:40'), { dose: [100, 'mg'], containers: [['pembro', 1]] }),
      pembro(c, 'a2', T('11:00'), T('11:40'), { dose: [100, 'mg'], containers: [['pembro', 1]] }),
    ],
    ['pembro'],
  ),
  {
    lines: [chemo, J9271],
    warnings: ['SEGMENTS_COMBINED'],
    why: 'Default sum: 40 + 40 = 80 min -> 96413 only.',
  },
);

add(
  'infusion',
  'primary-reason-tpd-with-chemo',
  'R6.4',
  one(
    (c) => [
      dexaInf(c, 'i1', T('09:00'), T('09:30'), { primary: true }),
      pembro(c, 'a1', T('09:30'), T('10:00')),
    ],
    ['pembro', 'dexa'],
  ),
  {
    lines: [chemo, L('96367', 1), J9271, J1100],
    warnings: ['PRIMARY_REASON_NOT_USABLE_AS_INITIAL'],
  },
);

add(
  'infusion',
  'setting-from-institutional-claim',
  'contract 2.6 R7.3',
  (c) => ({
    resources: [
      ...base(c, { pos: null }),
      ondanPush(c, 'p1', T('09:00')),
      ondanPush(c, 'p2', T('09:45')),
      claim(c, {
        type: 'institutional',
        items: [
          ['96374', 1, []],
          ['96376', 1, []],
          ['J2405', 8, []],
        ],
      }),
    ],
    drugs: ['ondan'],
  }),
  {
    lines: [L('96374', 1), L('96376', 1), L('J2405', 8)],
    warnings: ['NOT_SEPARATELY_PAYABLE'],
    why: 'No place of service; the existing institutional Claim makes it facility: 96376 allowed, J2405 packaged.',
  },
);

add(
  'infusion',
  'concurrent-under-tpd-initial',
  'R7.5',
  one(
    (c) => [dexaInf(c, 'i1', T('09:00'), T('10:00')), ondanInf(c, 'i2', T('09:10'), T('09:30'))],
    ['dexa', 'ondan'],
  ),
  { lines: [L('96365', 1), L('96368', 1), J1100, J2405], warnings: [] },
);

add(
  'infusion',
  'overlap-leaving-15-own-minutes-concurrent',
  'R7.7',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('11:00')), dexaInf(c, 'i1', T('10:45'), T('11:15'))],
    ['pembro', 'dexa'],
  ),
  {
    lines: [chemo, L('96368', 1), J9271, J1100],
    warnings: [],
    why: 'Dexamethasone keeps 15 own minutes (11:00-11:15) -> concurrent (R7.7, §5 step 5).',
  },
);

add(
  'infusion',
  'push-during-chemo-infusion',
  'R7.2',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('10:30')), ondanPush(c, 'p1', T('10:15'))],
    ['pembro', 'ondan'],
  ),
  { lines: [chemo, L('96375', 1), J9271, J2405], warnings: [] },
);

add(
  'infusion',
  'chemo-push-then-tpd-infusion',
  'R6.2 R7.1',
  one(
    (c) => [doxoPush(c, 'p1', T('09:00')), dexaInf(c, 'i1', T('09:10'), T('09:40'))],
    ['doxo50', 'dexa'],
  ),
  { lines: [L('96409', 1), L('96367', 1), L('J9000', 5, ['JZ']), J1100], warnings: [] },
);

add(
  'infusion',
  'chemo-push-with-chemo-infusion',
  'R6.4 R7.2',
  one(
    (c) => [doxoPush(c, 'p1', T('09:00')), pembro(c, 'a1', T('09:10'), T('09:40'))],
    ['doxo50', 'pembro'],
  ),
  { lines: [chemo, L('96411', 1), L('J9000', 5, ['JZ']), J9271], warnings: [] },
);

add(
  'infusion',
  'tpd-infusion-missing-stop-with-chemo',
  'R9.5',
  one(
    (c) => [dexaInf(c, 'i1', T('09:00'), undefined), pembro(c, 'a1', T('09:30'), T('10:00'))],
    ['pembro', 'dexa'],
  ),
  { lines: [chemo, L('96375', 1), J9271, J1100], warnings: ['MISSING_STOP_TIME'] },
);

add(
  'infusion',
  'datetime-with-rate-is-missing-stop',
  'contract 2.1',
  one((c) => [pembro(c, 'a1', undefined, undefined, { dateTime: T('10:00') })], ['pembro']),
  { lines: [L('96409', 1), J9271], warnings: ['MISSING_STOP_TIME'] },
);

add(
  'infusion',
  'datetime-without-rate-is-push',
  'contract 2.1',
  one(
    (c) => [dexaInf(c, 'p1', undefined, undefined, { dateTime: T('09:00'), rate: false })],
    ['dexa'],
  ),
  { lines: [L('96374', 1), J1100], warnings: [] },
);

add(
  'infusion',
  'invalid-resource-rest-analysed',
  'contract 1',
  one(
    (c) => {
      const bad = dexaInf(c, 'i1', T('11:00'), T('11:30'));
      delete bad.status;
      return [pembro(c, 'a1', T('10:00'), T('10:30')), bad];
    },
    ['pembro', 'dexa'],
  ),
  { lines: [chemo, J9271], warnings: ['INVALID_RESOURCE'] },
);
add(
  'infusion',
  'entered-in-error-and-on-hold',
  'R1.1',
  one(
    (c) =>
      [
        pembro(c, 'a1', T('10:00'), T('10:30')),
        dexaInf(c, 'i1', T('10:30'), T('11:00'), { status: 'entered-in-error' }),
        ondanInf(c, 'i2', T('11:00'), undefined),
      ].map((r) => (r.id.endsWith('i2') ? { ...r, status: 'on-hold' } : r)),
    ['pembro', 'dexa', 'ondan'],
  ),
  { lines: [chemo, J9271], warnings: ['NOT_COMPLETED_EXCLUDED'] },
);
add(
  'infusion',
  'hydration-two-bags-summed',
  'R9.3 §5.6',
  one(
    (c) => [saline(c, 'h1', T('09:00'), T('09:20')), saline(c, 'h2', T('10:00'), T('10:20'))],
    [],
  ),
  {
    lines: [L('96360', 1), L('J7050', 4)],
    warnings: ['HYDRATION_SEGMENTS_COMBINED'],
    why: '20 + 20 = 40 net minutes, summed by default.',
  },
);
add(
  'infusion',
  'hydration-entirely-concurrent',
  'R7.4 R8.1',
  one(
    (c) => [pembro(c, 'a1', T('10:00'), T('11:00')), saline(c, 'h1', T('10:10'), T('10:50'))],
    ['pembro'],
  ),
  {
    lines: [chemo, J9271, J7050],
    warnings: ['HYDRATION_CONCURRENT_TIME_EXCLUDED'],
    why: 'Net hydration 0 min: nothing billed, and 0 is not in the 1-30 range of HYDRATION_30_MIN_OR_LESS.',
  },
);
add(
  'infusion',
  'push-during-hydration',
  'R6.2 R4.6',
  one((c) => [saline(c, 'h1', T('09:00'), T('10:00')), ondanPush(c, 'p1', T('09:30'))], ['ondan']),
  { lines: [L('96374', 1), L('96361', 1), J2405, J7050], warnings: [] },
);
add(
  'infusion',
  'dst-fall-back',
  'R4.1 R9.9',
  (c) => ({
    resources: [
      ...base(c, {
        encounters: [['enc', '2026-11-01T00:00:00-04:00', '2026-11-01T03:00:00-05:00']],
      }),
      pembro(c, 'a1', '2026-11-01T00:30:00-04:00', '2026-11-01T01:20:00-05:00'),
    ],
    drugs: ['pembro'],
  }),
  {
    lines: [chemo, L('96415', 1), J9271],
    warnings: [],
    why: 'Absolute 110 min (wall clock shows 50): 96413 + 96415 x1.',
  },
);
add(
  'infusion',
  'two-sequential-tpd-drugs',
  'R7.1',
  one(
    (c) => [
      dexaInf(c, 'i1', T('09:00'), T('10:00')),
      ondanInf(c, 'i2', T('10:00'), T('10:20')),
      admin(c, 'i3', {
        drug: 'granis',
        start: T('10:20'),
        end: T('10:40'),
        dose: [1, 'mg'],
        containers: [['granis', 1]],
        discarded: [0, 'mg'],
      }),
    ],
    ['dexa', 'ondan', 'granis'],
  ),
  { lines: [L('96365', 1), L('96367', 2), J1100, J2405, L('J1626', 10, ['JZ'])], warnings: [] },
);
add(
  'infusion',
  'sequential-tpd-after-chemo-with-hour',
  'R7.1 R4.4',
  one(
    (c) => [pembro(c, 'a1', T('09:00'), T('09:30')), dexaInf(c, 'i1', T('09:30'), T('11:05'))],
    ['pembro', 'dexa'],
  ),
  { lines: [chemo, L('96367', 1), L('96366', 1), J9271, J1100], warnings: [] },
);
for (const [min, end, hours] of [
  [90, '10:30', 0],
  [91, '10:31', 1],
  [150, '11:30', 1],
  [151, '11:31', 2],
]) {
  add(
    'infusion',
    `tpd-${min}-min`,
    'R4.3 R4.4',
    one((c) => [dexaInf(c, 'i1', T('09:00'), T(end))], ['dexa']),
    { lines: [L('96365', 1), ...(hours ? [L('96366', hours)] : []), J1100], warnings: [] },
  );
}
for (const [min, end, extra] of [
  [150, '11:30', 1],
  [151, '11:31', 2],
]) {
  add(
    'infusion',
    `hydration-initial-${min}-min`,
    'R4.5',
    one((c) => [saline(c, 'h1', T('09:00'), T(end))], []),
    { lines: [L('96360', 1), L('96361', extra), J7050], warnings: [] },
  );
}
