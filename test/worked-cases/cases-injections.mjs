// Worked cases for injection-pump-rules R20.7 (on-body injector, 96377) and R21.7 (office
// injection without direct supervision, Medicare), written from the spec alone. Professional
// POS 11 and the `medicare` profile unless noted. Pegfilgrastim 6 mg (one 6 mg syringe, none
// discarded: J2506 ×12 JZ at 0.5 mg a unit) and denosumab 60 mg (J0897 ×60 JZ at 1 mg a unit)
// are the injected drugs; the drug lines follow drug-wastage as in the other cases.
import { admin } from './fhir-kit.mjs';
import { add, J9271, L, one, pembro, T } from './case-helpers.mjs';

const A = 'injections';
const EXT = 'https://everydose.dev/fhir/StructureDefinition/';
const peg = (c, id, at, o = {}) =>
  admin(c, id, {
    drug: 'pegfil',
    dateTime: at,
    route: 'SQ',
    dose: [6, 'mg'],
    containers: [['pegfil', 1]],
    discarded: [0, 'mg'],
    siteText: 'abdomen-left',
    ...o,
  });
const denos = (c, id, at, o = {}) =>
  admin(c, id, {
    drug: 'denos',
    dateTime: at,
    route: 'SQ',
    dose: [60, 'mg'],
    containers: [['denos', 1]],
    discarded: [0, 'mg'],
    siteText: 'upper-arm-left',
    ...o,
  });
const J2506 = L('J2506', 12, ['JZ']);
const J0897 = L('J0897', 60, ['JZ']);
const OBI = L('96377', 1);
const flagged = (value) => ({
  encounters: [
    [
      'enc',
      '2026-03-02T08:00:00-05:00',
      '2026-03-02T17:00:00-05:00',
      { extension: [{ url: `${EXT}supervision-not-met`, valueBoolean: value }] },
    ],
  ],
});

// ---------------------------------------------------------------- R20.7 on-body injector
add(
  A,
  'obi-method-code',
  'R20.7',
  one((c) => [peg(c, 'a1', T('10:00'), { onBody: true })], ['pegfil']),
  {
    lines: [OBI, J2506],
    warnings: [],
    why: 'Pegfilgrastim applied with an on-body injector (administration-method#on-body-injector) on an SC route: 96377 ×1 instead of 96372.',
  },
);
add(
  A,
  'obi-method-text',
  'R20.7 R20.2',
  one(
    (c) => [peg(c, 'a1', T('10:00'), { methodText: 'On-body injector applied to abdomen' })],
    ['pegfil'],
  ),
  {
    lines: [OBI, J2506],
    warnings: [],
    why: 'dosage.method words name the on-body injector (R20.2: method decides with the route): 96377.',
  },
);
add(
  A,
  'obi-device-reference',
  'R20.7 R20.2',
  one((c) => [peg(c, 'a1', T('10:00'), { device: 'Onpro on-body injector' })], ['pegfil']),
  {
    lines: [OBI, J2506],
    warnings: [],
    why: 'A device reference naming an on-body injector: 96377.',
  },
);
add(
  A,
  'obi-drug-name-only',
  'R20.7 R20.2 R21.1',
  one(
    (c) => [peg(c, 'a1', T('10:00'), { coding: undefined, text: 'Neulasta Onpro kit' })],
    ['pegfil'],
  ),
  {
    lines: [L('96372', 1), J2506],
    warnings: [],
    why: 'Only the product name mentions Onpro; nothing in method or device says an on-body injector was applied (never from the drug name, R20.2): a plain SC injection, 96372.',
  },
);
add(
  A,
  'obi-facility',
  'R20.7 R21.8',
  one((c) => [peg(c, 'a1', T('10:00'), { onBody: true })], ['pegfil'], { pos: '22' }),
  {
    lines: [OBI, J2506],
    warnings: [],
    why: 'Hospital outpatient: 96377 is SI Q1 (conditionally packaged) but the engine still reports the line (R21.8).',
  },
);
add(
  A,
  'obi-im-route',
  'R20.7 R20.1 R22.3',
  one((c) => [peg(c, 'a1', T('10:00'), { onBody: true, route: 'IM' })], ['pegfil']),
  {
    lines: [L('96372', 1), J2506],
    warnings: [],
    why: 'Route first (R20.1): an on-body injector is an SC device; on a documented IM route the category decides, pegfilgrastim → 96372.',
  },
);
add(
  A,
  'obi-no-route',
  'R20.7 R20.3',
  one((c) => [peg(c, 'a1', T('10:00'), { onBody: true, route: 'none' })], ['pegfil']),
  {
    lines: [J2506],
    warnings: ['ROUTE_UNKNOWN'],
    why: 'No dosage.route: never assumed SC (R20.3); the encounter is held, no administration line. The drug supply line is outside Part 2 (its scope note) and follows drug-wastage.',
  },
);
add(
  A,
  'obi-with-chemo-other-site',
  'R20.7 R25.2 R25.4',
  one(
    (c) => [
      pembro(c, 'a1', T('09:00'), T('09:30'), { siteText: 'port-right-chest' }),
      peg(c, 'a2', T('10:00'), { onBody: true }),
    ],
    ['pembro', 'pegfil'],
  ),
  {
    lines: [L('96413', 1), L('96377', 1, ['59']), J9271, J2506],
    warnings: [],
    why: 'S60: 96413/96377 indicator 1 (96377 column 2); both sites documented and different (R25.4): 59 on 96377.',
  },
);
add(
  A,
  'obi-with-chemo-no-distinct-site',
  'R20.7 R25.2 R25.3',
  one(
    (c) => [
      pembro(c, 'a1', T('09:00'), T('09:30'), { siteText: 'abdomen-left' }),
      peg(c, 'a2', T('10:00'), { onBody: true }),
    ],
    ['pembro', 'pegfil'],
  ),
  {
    lines: [L('96413', 1), OBI, J9271, J2506],
    warnings: ['PTP_MODIFIER_NEEDED'],
    why: 'Same documented site text on both records: distinctness not documented, no modifier, PTP_MODIFIER_NEEDED.',
  },
);

// ---------------------------------------------------------------- R21.7 supervision
add(
  A,
  'supervision-not-met-office-medicare',
  'R21.7',
  one((c) => [denos(c, 'a1', T('10:00'))], ['denos'], flagged(true)),
  {
    lines: [J0897],
    warnings: ['INJECTION_SUPERVISION_NOT_MET'],
    why: 'Office, Medicare, the encounter says direct supervision was not met: no injection line and INJECTION_SUPERVISION_NOT_MET. The drug supply line is outside Part 2 and follows drug-wastage.',
  },
);
add(
  A,
  'supervision-flag-false',
  'R21.7 R22.3',
  one((c) => [denos(c, 'a1', T('10:00'))], ['denos'], flagged(false)),
  {
    lines: [L('96372', 1), J0897],
    warnings: [],
    why: 'The flag is false: supervision met, denosumab SC → 96372 (R22.3 default).',
  },
);
add(
  A,
  'supervision-flag-absent',
  'R21.7 R22.3',
  one((c) => [denos(c, 'a1', T('10:00'))], ['denos']),
  {
    lines: [L('96372', 1), J0897],
    warnings: [],
    why: 'No flag: the engine assumes the office encounter meets supervision (R21.7).',
  },
);
add(
  A,
  'supervision-not-met-facility',
  'R21.7 R22.3',
  one((c) => [denos(c, 'a1', T('10:00'))], ['denos'], { pos: '22', ...flagged(true) }),
  {
    lines: [L('96372', 1), J0897],
    warnings: [],
    why: 'R21.7 concerns the office (incident-to); a hospital outpatient injection is coded as usual.',
  },
);
add(
  A,
  'supervision-not-met-commercial',
  'R21.7 R22.3',
  one((c) => [denos(c, 'a1', T('10:00'))], ['denos'], flagged(true)),
  {
    config: { payerProfile: 'commercial' },
    lines: [L('96372', 1), J0897],
    warnings: [],
    why: 'R21.7 is a Medicare coverage rule; with the commercial profile the injection is coded.',
  },
);
add(
  A,
  'supervision-not-met-with-iv-chemo',
  'R21.7 R21.5',
  one(
    (c) => [pembro(c, 'a1', T('09:00'), T('09:30')), denos(c, 'a2', T('10:00'))],
    ['pembro', 'denos'],
    flagged(true),
  ),
  {
    lines: [L('96413', 1), J9271, J0897],
    warnings: ['INJECTION_SUPERVISION_NOT_MET'],
    why: 'Only the injection is held; the IV chemotherapy infusion of the same encounter stands.',
  },
);
add(
  A,
  'supervision-not-met-on-body-injector',
  'R21.7 R20.7',
  one((c) => [peg(c, 'a1', T('10:00'), { onBody: true })], ['pegfil'], flagged(true)),
  {
    lines: [J2506],
    warnings: ['INJECTION_SUPERVISION_NOT_MET'],
    why: 'An on-body injector applied in the office is an injection service too: no 96377.',
  },
);

// ---------------------------------------------------------------- R21 beside IV services
add(
  A,
  'inj-two-drugs',
  'R21.1 R21.2 R22.3',
  one((c) => [denos(c, 'a1', T('10:00')), peg(c, 'a2', T('10:10'))], ['denos', 'pegfil']),
  {
    lines: [L('96372', 2), J0897, J2506],
    warnings: [],
    why: 'Two different drugs by SC injection: one unit each, summed on one 96372 line.',
  },
);
add(
  A,
  'inj-with-chemo-same-site',
  'R21.6 R25.2 R25.4',
  one(
    (c) => [
      pembro(c, 'a1', T('09:00'), T('09:30'), { siteText: 'upper-arm-left' }),
      denos(c, 'a2', T('10:00')),
    ],
    ['pembro', 'denos'],
  ),
  {
    lines: [L('96413', 1), L('96372', 1), J9271, J0897],
    warnings: ['PTP_MODIFIER_NEEDED'],
    why: 'S60 96413/96372 indicator 1; both records name the same site: distinctness not documented.',
  },
);
add(
  A,
  'inj-with-chemo-other-site',
  'R21.6 R25.2 R25.4',
  one(
    (c) => [
      pembro(c, 'a1', T('09:00'), T('09:30'), { siteText: 'port-right-chest' }),
      denos(c, 'a2', T('10:00')),
    ],
    ['pembro', 'denos'],
  ),
  {
    lines: [L('96413', 1), L('96372', 1, ['59']), J9271, J0897],
    warnings: [],
    why: 'Documented different sites (port vs upper arm): 59 on the column-2 injection line.',
  },
);
add(
  A,
  'inj-with-tpd-push',
  'R21.5 R21.6',
  one(
    (c) => [
      denos(c, 'a1', T('10:00')),
      admin(c, 'a2', {
        drug: 'ondan',
        push: true,
        dateTime: T('10:15'),
        dose: [4, 'mg'],
        containers: [['ondan', 1]],
        discarded: [0, 'mg'],
        siteText: 'port-right-chest',
      }),
    ],
    ['denos', 'ondan'],
  ),
  {
    lines: [L('96374', 1), L('96372', 1, ['59']), J0897, L('J2405', 4, ['JZ'])],
    warnings: [],
    why: 'The push is the only IV service: 96374, not 96375 (an injection is never the initial, R21.5); 96372 is column 2 to 96374, sites differ: 59.',
  },
);
