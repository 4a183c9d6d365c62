// Worked cases for injection-pump-rules Part 2 written from the spec alone: pumps (R23), port
// flush (R24), NCCI PTP (R25), dates (R26), Part 1 amendments (R27). Professional POS 11 unless
// noted; the `medicare` profile. Pembrolizumab stands in for the pump's chemotherapy drug and
// dexamethasone for a non-chemotherapy one, so the drug lines follow drug-wastage as in the
// other cases (200 mg from two 100 mg vials, none discarded: J9271 ×200 JZ).
import { admin, base, claim } from './fhir-kit.mjs';
import {
  add,
  chemo,
  dexaInf,
  doxoPush,
  J1100,
  J2405,
  J7050,
  J9271,
  L,
  one,
  ondanPush,
  pembro,
  saline,
  T,
} from './case-helpers.mjs';

const pump = (c, id, start, end, o = {}) =>
  pembro(c, id, start, end, { service: 'pump-initiation', ...o });
const dexaPump = (c, id, start, end, o = {}) =>
  dexaInf(c, id, start, end, { service: 'pump-initiation', ...o });
const refill = (c, id, start, end, o = {}) =>
  pembro(c, id, start, end, { service: 'pump-refill', ...o });
const flush = (c, id, at, o = {}) =>
  admin(c, id, {
    hcpcs: 'J1642',
    text: 'Heparin lock flush',
    dateTime: at,
    rate: false,
    service: 'port-flush',
    ...o,
  });
const disconnect = (c, id, at, o = {}) =>
  admin(c, id, { drug: 'pembro', dateTime: at, rate: false, service: 'pump-disconnect', ...o });
const oxali150 = (c, id, start, end, o = {}) =>
  admin(c, id, {
    drug: 'oxali100',
    start,
    end,
    dose: [150, 'mg'],
    containers: [
      ['oxali100', 1],
      ['oxali50', 1],
    ],
    discarded: [0, 'mg'],
    ...o,
  });
const J9263 = L('J9263', 300, ['JZ']);
const J9000 = L('J9000', 5, ['JZ']);
const P16 = L('96416', 1);
const two = (c, extra = {}) => ({
  encounters: [
    ['enc', '2026-03-02T08:00:00-05:00', '2026-03-02T12:00:00-05:00'],
    ['enc2', '2026-03-02T12:30:00-05:00', '2026-03-02T17:00:00-05:00'],
  ],
  ...extra,
});
const dayThree = {
  encounters: [
    ['enc', '2026-03-02T08:00:00-05:00', '2026-03-02T17:00:00-05:00'],
    ['enc3', '2026-03-04T08:00:00-05:00', '2026-03-04T12:00:00-05:00'],
  ],
};
const A = 'pumps';

// ---------------------------------------------------------------- R23.1 duration
add(
  A,
  'pump-481-minutes',
  'R23.1',
  one((c) => [pump(c, 'a1', T('10:00'), T('18:01'))], ['pembro']),
  {
    lines: [P16, J9271],
    warnings: [],
    why: 'A documented end 481 min after the start is more than 8 hours: 96416 ×1.',
  },
);
add(
  A,
  'pump-480-minutes',
  'R23.1',
  one((c) => [pump(c, 'a1', T('10:00'), T('18:00'))], ['pembro']),
  {
    lines: [J9271],
    warnings: ['PUMP_DURATION_NOT_OVER_8H'],
    why: '480 min is not more than 8 hours: no pump line, coder review; the drug is still billed.',
  },
);
add(
  A,
  'pump-479-minutes',
  'R23.1',
  one((c) => [pump(c, 'a1', T('10:00'), T('17:59'))], ['pembro']),
  {
    lines: [J9271],
    warnings: ['PUMP_DURATION_NOT_OVER_8H'],
  },
);
add(
  A,
  'pump-46-hours-two-midnights',
  'R23.1 R23.3 R27.6 R26.1',
  one((c) => [pump(c, 'a1', T('11:00'), T('09:00', '04'))], ['pembro']),
  {
    lines: [L('96416', 1, [], { date: '2026-03-02' }), J9271],
    warnings: [],
    why: 'The 46-hour pump is dated on its start date and never raises CROSSES_MIDNIGHT.',
  },
);
add(
  A,
  'pump-in-progress',
  'R23.1 R27.1 R27.2',
  one((c) => [pump(c, 'a1', T('11:00'), undefined, { status: 'in-progress' })], ['pembro']),
  {
    lines: [P16],
    warnings: ['PUMP_DURATION_UNVERIFIED'],
    why: 'A running pump is billable at its start (R27.1); no end: PUMP_DURATION_UNVERIFIED, never MISSING_STOP_TIME or NOT_COMPLETED_EXCLUDED. The drug of a record still in progress is not billed yet (contract §2.1).',
  },
);
add(
  A,
  'pump-completed-without-end',
  'R23.1 R27.2',
  one((c) => [pump(c, 'a1', T('11:00'), undefined)], ['pembro']),
  { lines: [P16, J9271], warnings: ['PUMP_DURATION_UNVERIFIED'] },
);
add(
  A,
  'pump-starts-late-evening-local-date',
  'R26.1',
  one((c) => [pump(c, 'a1', T('23:30'), T('21:30', '04'))], ['pembro'], {
    encounters: [['enc', '2026-03-02T23:00:00-05:00', '2026-03-02T23:59:00-05:00']],
  }),
  {
    lines: [L('96416', 1, [], { date: '2026-03-02' }), J9271],
    warnings: [],
    why: 'Dated on the local date of the start (23:30 -05:00 is already 03-03 in UTC).',
  },
);
add(
  A,
  'pump-stopped-after-ten-hours',
  'R23.1 §2.1',
  one((c) => [pump(c, 'a1', T('08:00'), T('18:00'), { status: 'stopped' })], ['pembro']),
  { lines: [P16, J9271], warnings: ['STOPPED_EARLY_REVIEW'] },
);
add(
  A,
  'pump-on-hold',
  'R1.1 R27.1',
  one((c) => [pump(c, 'a1', T('08:00'), undefined, { status: 'on-hold' })], ['pembro']),
  { lines: [], warnings: ['NOT_COMPLETED_EXCLUDED'] },
);
add(
  A,
  'pump-facility',
  'R23.1',
  one((c) => [pump(c, 'a1', T('10:00'), T('08:00', '04'))], ['pembro'], { pos: '22' }),
  { lines: [P16, J9271], warnings: [] },
);

// ---------------------------------------------------------------- R23.5 / R23.8 codes
add(
  A,
  'pump-g0498-by-setting',
  'R23.5',
  one((c) => [pump(c, 'a1', T('10:00'), T('08:00', '04'))], ['pembro']),
  {
    lines: [L('G0498', 1), J9271],
    warnings: [],
    config: { rules: { pumpInitiationCode: 'G0498_when_provider_pump' } },
  },
);
add(
  A,
  'pump-nonchemo-facility',
  'R23.8',
  one((c) => [dexaPump(c, 'a1', T('10:00'), T('10:00', '03'))], ['dexa'], { pos: '22' }),
  {
    lines: [L('C8957', 1), L('J1100', 10)],
    warnings: ['NOT_SEPARATELY_PAYABLE'],
    why: 'Facility: dexamethasone is packaged under OPPS (drug-wastage), so no JZ on its line.',
  },
);
add(
  A,
  'pump-nonchemo-office',
  'R23.8',
  one((c) => [dexaPump(c, 'a1', T('10:00'), T('10:00', '03'))], ['dexa']),
  { lines: [L('96365', 1), J1100], warnings: ['NONCHEMO_PUMP_REVIEW'] },
);
add(
  A,
  'pump-nonchemo-office-no-line',
  'R23.8',
  one((c) => [dexaPump(c, 'a1', T('10:00'), T('10:00', '03'))], ['dexa']),
  {
    lines: [J1100],
    warnings: ['NONCHEMO_PUMP_REVIEW'],
    config: { rules: { nonChemoPumpCode: { facility: 'C8957', professional: 'none' } } },
  },
);
add(
  A,
  'pump-nonchemo-480-facility',
  'R23.1 R23.8',
  one((c) => [dexaPump(c, 'a1', T('09:00'), T('17:00'))], ['dexa'], { pos: '22' }),
  { lines: [L('J1100', 10)], warnings: ['PUMP_DURATION_NOT_OVER_8H', 'NOT_SEPARATELY_PAYABLE'] },
);

// ---------------------------------------------------------------- R23.2 / R23.4 beside IV lines
add(
  A,
  'pump-beside-chemo-infusion',
  'R23.2 R23.3',
  one(
    (c) => [
      oxali150(c, 'ox', T('09:00'), T('11:00')),
      pump(c, 'pump', T('11:10'), T('09:10', '04')),
    ],
    ['oxali100', 'oxali50', 'pembro'],
  ),
  {
    lines: [chemo, L('96415', 1), P16, J9263, J9271],
    warnings: [],
    why: 'No PTP pair between 96416 and 96413/96415: no modifier. Pump time adds no 96415 hours.',
  },
);
add(
  A,
  'pump-after-chemo-push',
  'R23.2 R23.3',
  one(
    (c) => [doxoPush(c, 'p1', T('09:00')), pump(c, 'pump', T('09:30'), T('07:30', '04'))],
    ['doxo50', 'pembro'],
  ),
  { lines: [L('96409', 1), P16, J9000, J9271], warnings: [] },
);
add(
  A,
  'pump-only-day-premed-push',
  'R23.4 R25.3',
  one(
    (c) => [ondanPush(c, 'p1', T('09:00')), pump(c, 'pump', T('09:30'), T('07:30', '04'))],
    ['ondan', 'pembro'],
  ),
  {
    lines: [L('96374', 1), P16, J2405, J9271],
    warnings: ['PTP_MODIFIER_NEEDED'],
    why: '96375 lists no 96416 primary: the push is 96374, column 2 to 96416 (indicator 1), same encounter.',
  },
);
add(
  A,
  'pump-only-day-hydration',
  'R23.4 R25.3',
  one(
    (c) => [saline(c, 'h1', T('09:00'), T('10:30')), pump(c, 'pump', T('10:30'), T('08:30', '04'))],
    ['pembro'],
  ),
  { lines: [L('96360', 1), P16, J7050, J9271], warnings: ['PTP_MODIFIER_NEEDED'] },
);
add(
  A,
  'pump-premed-push-other-encounter',
  'R25.4 R11.2',
  (c) => ({
    resources: [
      ...base(c, two(c)),
      pump(c, 'pump', T('09:30'), T('07:30', '04')),
      ondanPush(c, 'p1', T('13:00'), { encounter: `${c}-enc2` }),
    ],
    drugs: ['ondan', 'pembro'],
  }),
  {
    encounters: {
      enc: { lines: [P16, J9271], warnings: [] },
      enc2: {
        lines: [L('96374', 1, ['59']), J2405],
        warnings: ['SEPARATE_ENCOUNTER_SECOND_INITIAL'],
      },
    },
  },
);

// ---------------------------------------------------------------- R23.3 hydration beside a pump
add(
  A,
  'pump-hydration-alongside-cut',
  'R23.3',
  one(
    (c) => [pump(c, 'pump', T('09:30'), T('07:30', '04')), saline(c, 'h1', T('09:30'), T('11:00'))],
    ['pembro'],
  ),
  {
    lines: [P16, J7050, J9271],
    warnings: ['HYDRATION_CONCURRENT_TIME_EXCLUDED'],
    why: 'The 90 min of saline all run beside the pump: pump time is drug-infusion time for hydration net time (R23.3), 0 net minutes, no 96360.',
  },
);
add(
  A,
  'pump-hydration-30-net-minutes',
  'R23.3 R4.5',
  one(
    (c) => [saline(c, 'h1', T('09:00'), T('10:30')), pump(c, 'pump', T('09:30'), T('07:30', '04'))],
    ['pembro'],
  ),
  {
    lines: [P16, J7050, J9271],
    warnings: ['HYDRATION_CONCURRENT_TIME_EXCLUDED', 'HYDRATION_30_MIN_OR_LESS'],
    why: 'Saline 09:00–10:30, pump from 09:30: 30 net minutes of hydration, not over 30: no hydration line.',
  },
);
add(
  A,
  'pump-hydration-31-net-minutes',
  'R23.3 R4.5 R23.4',
  one(
    (c) => [saline(c, 'h1', T('09:00'), T('10:30')), pump(c, 'pump', T('09:31'), T('07:31', '04'))],
    ['pembro'],
  ),
  {
    lines: [L('96360', 1), P16, J7050, J9271],
    warnings: ['HYDRATION_CONCURRENT_TIME_EXCLUDED', 'PTP_MODIFIER_NEEDED'],
    why: 'Pump from 09:31: 31 net minutes → 96360, column 2 to 96416 (indicator 1) in one encounter.',
  },
);
add(
  A,
  'pump-running-hydration-after',
  'R23.3 R27.1',
  one(
    (c) => [
      pump(c, 'pump', T('09:00'), undefined, { status: 'in-progress' }),
      saline(c, 'h1', T('10:00'), T('11:30')),
    ],
    ['pembro'],
  ),
  {
    lines: [P16, J7050],
    warnings: ['HYDRATION_CONCURRENT_TIME_EXCLUDED', 'PUMP_DURATION_UNVERIFIED'],
    why: 'A pump still running is drug-infusion time from its start: the later saline is all concurrent.',
  },
);

// ---------------------------------------------------------------- R23.4 pump-only day policies
add(
  A,
  'pump-only-day-premed-suppress',
  'R23.4 §10',
  one(
    (c) => [ondanPush(c, 'p1', T('09:00')), pump(c, 'pump', T('09:30'), T('07:30', '04'))],
    ['ondan', 'pembro'],
  ),
  {
    lines: [P16, J2405, J9271],
    warnings: ['PUMP_DAY_TPD_SUPPRESSED'],
    config: { rules: { pumpOnlyDayTpdPolicy: 'suppress' } },
    why: 'pumpOnlyDayTpdPolicy suppress: the premed push is treated as bundled with the pump; the drug itself is still billed.',
  },
);
add(
  A,
  'pump-only-day-premed-addon',
  'R23.4 §10',
  one(
    (c) => [ondanPush(c, 'p1', T('09:00')), pump(c, 'pump', T('09:30'), T('07:30', '04'))],
    ['ondan', 'pembro'],
  ),
  {
    lines: [L('96375', 1), P16, J2405, J9271],
    warnings: [],
    config: { rules: { pumpOnlyDayTpdPolicy: 'addon_96375' } },
    why: 'pumpOnlyDayTpdPolicy addon_96375: the push is 96375 beside 96416; no PTP pair 96416/96375 (R23.2).',
  },
);
add(
  A,
  'pump-with-chemo-push-suppress-no-effect',
  'R23.4',
  one(
    (c) => [
      ondanPush(c, 'p1', T('08:50')),
      doxoPush(c, 'd1', T('09:00')),
      pump(c, 'pump', T('09:30'), T('07:30', '04')),
    ],
    ['ondan', 'doxo50', 'pembro'],
  ),
  {
    lines: [L('96409', 1), L('96375', 1), P16, J2405, J9000, J9271],
    warnings: [],
    config: { rules: { pumpOnlyDayTpdPolicy: 'suppress' } },
    why: 'A chemo push makes it no pump-only day: the premed push is the add-on 96375 after 96409.',
  },
);

// ---------------------------------------------------------------- R23.6 / R23.7 refill, disconnect
add(
  A,
  'pump-refill-portable',
  'R23.6',
  one((c) => [refill(c, 'r1', T('10:00'), T('10:20'))], ['pembro']),
  {
    lines: [L('96521', 1), J9271],
    warnings: [],
  },
);
add(
  A,
  'pump-refill-implanted',
  'R23.6 R27.11',
  one(
    (c) => [refill(c, 'r1', T('10:00'), T('10:20'), { siteText: 'Implanted pump reservoir' })],
    ['pembro'],
  ),
  { lines: [L('96522', 1), J9271], warnings: [] },
);
add(
  A,
  'pump-refill-twice-same-day',
  'R23.6',
  one(
    (c) => [
      dexaInf(c, 'r1', T('10:00'), T('10:20'), { service: 'pump-refill' }),
      dexaInf(c, 'r2', T('15:00'), T('15:20'), { service: 'pump-refill' }),
    ],
    ['dexa'],
  ),
  { lines: [L('96521', 1), L('J1100', 20, ['JZ'])], warnings: [] },
);
add(
  A,
  'pump-refill-on-initiation-day',
  'R23.6',
  one(
    (c) => [
      pump(c, 'pump', T('09:00'), T('07:00', '04')),
      dexaInf(c, 'r1', T('15:00'), T('15:20'), { service: 'pump-refill' }),
    ],
    ['pembro', 'dexa'],
  ),
  { lines: [P16, J9271, J1100], warnings: ['PUMP_REFILL_INCLUDED_IN_INITIATION'] },
);
add(
  A,
  'pump-refill-with-chemo-same-encounter',
  'R23.6 R25.3',
  one(
    (c) => [oxali150(c, 'ox', T('09:00'), T('11:00')), refill(c, 'r1', T('11:30'), T('11:50'))],
    ['oxali100', 'oxali50', 'pembro'],
  ),
  {
    lines: [chemo, L('96415', 1), L('96521', 1), J9263, J9271],
    warnings: ['PTP_MODIFIER_NEEDED'],
  },
);
const refillSeparate = (c) => ({
  resources: [
    ...base(c, two(c)),
    oxali150(c, 'ox', T('09:00'), T('11:00')),
    refill(c, 'r1', T('13:00'), T('13:20'), { encounter: `${c}-enc2` }),
  ],
  drugs: ['oxali100', 'oxali50', 'pembro'],
});
add(A, 'pump-refill-with-chemo-separate-encounter', 'R23.6 R25.4', refillSeparate, {
  encounters: {
    enc: { lines: [chemo, L('96415', 1), J9263], warnings: [] },
    enc2: { lines: [L('96521', 1, ['59']), J9271], warnings: [] },
  },
});
add(A, 'pump-refill-separate-encounter-xe', 'R25.4 §10', refillSeparate, {
  encounters: {
    enc: { lines: [chemo, L('96415', 1), J9263], warnings: [] },
    enc2: { lines: [L('96521', 1, ['XE']), J9271], warnings: [] },
  },
  config: { rules: { distinctServiceModifier: 'XE' } },
});
const pumpAndDisconnect = (extra) => (c) => ({
  resources: [
    ...base(c, dayThree),
    pump(c, 'pump', T('11:00'), T('09:00', '04')),
    disconnect(c, 'dc', T('09:00', '04'), { encounter: `${c}-enc3` }),
    ...extra(c),
  ],
  drugs: ['pembro'],
});
add(
  A,
  'pump-disconnect-day-3',
  'R23.7 R26.1',
  pumpAndDisconnect(() => []),
  {
    encounters: {
      enc: { lines: [P16, J9271], warnings: [] },
      enc3: { lines: [], warnings: ['PUMP_DISCONNECT_NOT_BILLABLE'] },
    },
  },
);
add(
  A,
  'pump-disconnect-with-port-flush',
  'R23.7 R24.1',
  pumpAndDisconnect((c) => [flush(c, 'f1', T('09:05', '04'), { encounter: `${c}-enc3` })]),
  {
    encounters: {
      enc: { lines: [P16, J9271], warnings: [] },
      enc3: { lines: [], warnings: ['PUMP_DISCONNECT_NOT_BILLABLE', 'PORT_FLUSH_NOT_SEPARATE'] },
    },
  },
);
add(
  A,
  'pump-disconnect-flush-billed-by-setting',
  'R23.7 §10',
  pumpAndDisconnect((c) => [flush(c, 'f1', T('09:05', '04'), { encounter: `${c}-enc3` })]),
  {
    encounters: {
      enc: { lines: [P16, J9271], warnings: [] },
      enc3: { lines: [L('96523', 1)], warnings: ['PUMP_DISCONNECT_NOT_BILLABLE'] },
    },
    config: { rules: { billPortFlushAtPumpDisconnect: true } },
  },
);

// ---------------------------------------------------------------- R24 port flush
add(
  A,
  'port-flush-only',
  'R24.1 R24.3 R27.9',
  one((c) => [flush(c, 'f1', T('10:00'))], []),
  {
    lines: [L('96523', 1)],
    warnings: [],
    why: 'The only service of the date: 96523 ×1; a port-flush record is a service, not FLUSH_KVO.',
  },
);
add(
  A,
  'port-flush-only-facility',
  'R24.1',
  one((c) => [flush(c, 'f1', T('10:00'))], [], { pos: '22' }),
  { lines: [L('96523', 1)], warnings: [] },
);
add(
  A,
  'port-flush-only-em-payer',
  'R24.4',
  one((c) => [flush(c, 'f1', T('10:00'))], []),
  {
    lines: [],
    warnings: ['PORT_FLUSH_NOT_SEPARATE'],
    config: { rules: { portFlushAloneCode: 'E/M' } },
  },
);
add(
  A,
  'port-flush-with-chemo',
  'R24.1',
  one(
    (c) => [flush(c, 'f1', T('08:50')), oxali150(c, 'ox', T('09:00'), T('11:00'))],
    ['oxali100', 'oxali50'],
  ),
  { lines: [chemo, L('96415', 1), J9263], warnings: ['PORT_FLUSH_NOT_SEPARATE'] },
);
add(
  A,
  'port-flush-with-hydration',
  'R24.1',
  one((c) => [flush(c, 'f1', T('08:50')), saline(c, 'h1', T('09:00'), T('10:30'))], []),
  { lines: [L('96360', 1), J7050], warnings: ['PORT_FLUSH_NOT_SEPARATE'] },
);
add(
  A,
  'port-flush-after-push-other-encounter',
  'R24.2 R26.2',
  (c) => ({
    resources: [
      ...base(c, two(c)),
      ondanPush(c, 'p1', T('09:00')),
      flush(c, 'f1', T('14:00'), { encounter: `${c}-enc2` }),
    ],
    drugs: ['ondan'],
  }),
  {
    encounters: {
      enc: { lines: [L('96374', 1), J2405], warnings: [] },
      enc2: { lines: [], warnings: ['PORT_FLUSH_NOT_SEPARATE'] },
    },
  },
);
add(
  A,
  'port-flush-other-date-than-push',
  'R24.2',
  (c) => ({
    resources: [
      ...base(c, {
        encounters: [
          ['enc', '2026-03-02T08:00:00-05:00', '2026-03-02T12:00:00-05:00'],
          ['enc2', '2026-03-03T08:00:00-05:00', '2026-03-03T12:00:00-05:00'],
        ],
      }),
      ondanPush(c, 'p1', T('09:00')),
      flush(c, 'f1', T('09:00', '03'), { encounter: `${c}-enc2` }),
    ],
    drugs: ['ondan'],
  }),
  {
    encounters: {
      enc: { lines: [L('96374', 1), J2405], warnings: [] },
      enc2: { lines: [L('96523', 1, [], { date: '2026-03-03' })], warnings: [] },
    },
  },
);
add(
  A,
  'port-flush-twice-same-date',
  'R24.1 R24.2',
  (c) => ({
    resources: [
      ...base(c, two(c)),
      flush(c, 'f1', T('09:00')),
      flush(c, 'f2', T('14:00'), { encounter: `${c}-enc2` }),
    ],
    drugs: [],
  }),
  {
    encounters: {
      enc: { lines: [L('96523', 1)], warnings: [] },
      enc2: { lines: [], warnings: ['PORT_FLUSH_NOT_SEPARATE'] },
    },
  },
);
add(
  A,
  'port-flush-with-pump-refill',
  'R24.1',
  one((c) => [flush(c, 'f1', T('09:50')), refill(c, 'r1', T('10:00'), T('10:20'))], ['pembro']),
  { lines: [L('96521', 1), J9271], warnings: ['PORT_FLUSH_NOT_SEPARATE'] },
);

// ---------------------------------------------------------------- R25 PTP with Part 1 lines
add(
  A,
  'ptp-hydration-later-encounter',
  'R25.3 R25.4 R11.2',
  (c) => ({
    resources: [
      ...base(c, two(c)),
      pembro(c, 'a1', T('09:00'), T('10:00')),
      saline(c, 'h1', T('13:00'), T('14:30'), { encounter: `${c}-enc2` }),
    ],
    drugs: ['pembro'],
  }),
  {
    encounters: {
      enc: { lines: [chemo, J9271], warnings: [] },
      enc2: {
        lines: [L('96360', 1, ['59']), J7050],
        warnings: ['SEPARATE_ENCOUNTER_SECOND_INITIAL'],
      },
    },
    why: '96360 is column 2 to 96413 (indicator 1); separate encounter documented: 59 on 96360.',
  },
);
add(
  A,
  'ptp-tpd-first-chemo-later-encounter',
  'R27.10 R25.4',
  (c) => ({
    resources: [
      ...base(c, two(c)),
      dexaInf(c, 'd1', T('09:00'), T('09:40')),
      pembro(c, 'a1', T('13:00'), T('14:00'), { encounter: `${c}-enc2` }),
    ],
    drugs: ['dexa', 'pembro'],
  }),
  {
    encounters: {
      enc: { lines: [L('96365', 1, ['59']), J1100], warnings: [] },
      enc2: { lines: [chemo, J9271], warnings: ['SEPARATE_ENCOUNTER_SECOND_INITIAL'] },
    },
    why: 'The table makes 96365 column 2 to 96413: the modifier goes on 96365, not on the later 96413 (R27.10).',
  },
);

// ---------------------------------------------------------------- R24.5 / R25.5 codes already on the claim
const withClaim = (items, build, drugs) => (c) => ({
  resources: [...base(c), ...build(c), claim(c, { items })],
  drugs,
});
add(
  A,
  'port-flush-with-36591-on-claim',
  'R24.5',
  withClaim([['36591', 1, []]], (c) => [flush(c, 'f1', T('10:00'))], []),
  {
    lines: [],
    warnings: ['PORT_FLUSH_NOT_SEPARATE'],
    why: 'The claim already has the blood draw from the port (36591): the flush is part of the draw, no 96523 (and so nothing missing from the claim).',
  },
);
add(
  A,
  'push-with-36591-on-claim',
  'R24.5',
  withClaim(
    [
      ['36591', 1, []],
      ['96374', 1, []],
      ['J2405', 4, ['JZ']],
    ],
    (c) => [ondanPush(c, 'p1', T('10:00'))],
    ['ondan'],
  ),
  {
    lines: [L('96374', 1), J2405],
    warnings: ['PTP_NOT_ALLOWED'],
    why: '36591 is paid only as the sole service (MPFS): beside a drug-administration line it is never paid.',
  },
);
add(
  A,
  'push-with-99211-medicare-office',
  'R25.5 R8.7',
  withClaim(
    [
      ['99211', 1, ['25']],
      ['96374', 1, []],
      ['J2405', 4, ['JZ']],
    ],
    (c) => [ondanPush(c, 'p1', T('10:00'))],
    ['ondan'],
  ),
  {
    lines: [L('96374', 1), J2405],
    warnings: ['PTP_NOT_ALLOWED'],
    why: 'CMS CR 3631: 99211 is not paid with a drug administration code, with or without 25 (Medicare, office).',
  },
);
add(
  A,
  'port-flush-with-99211-medicare-office',
  'R25.5 R24.1 R27.12',
  withClaim([['99211', 1, []]], (c) => [flush(c, 'f1', T('10:00'))], []),
  {
    lines: [L('96523', 1)],
    warnings: ['CLAIM_LINE_MISSING'],
    why: "R25.5 names drug administration only (96523 is port irrigation, handled by R24.1, whose 'other service' is an engine line, R27.12): no PTP_NOT_ALLOWED; the claim lacks the 96523 the records support.",
  },
);
