// Worked cases for injection-pump-rules R21.3 (one dose split into several syringes, starts
// ≤ 30 minutes apart: one unit and INJECTION_SPLIT_DOSE_ONE_UNIT by default) and R21.4 (the same
// drug again more than 30 minutes later: another unit, no modifier by default), written from the
// spec alone. Professional POS 11 and the `medicare` profile. Fulvestrant 500 mg is the spec's own
// example (2 × 250 mg IM, R21.3); its category is chemotherapy-hormonal, 96402 (R22.3). Each
// 250 mg syringe is J9395 ×10 (25 mg a unit), none discarded (JZ); identical drug lines of a date
// are summed (Part 1 aggregation), so two syringes are J9395 ×20 JZ.
import { admin } from './fhir-kit.mjs';
import { add, L, one, T } from './case-helpers.mjs';

const A = 'injections';
const fulv = (c, id, at, site, o = {}) =>
  admin(c, id, {
    drug: 'fulv',
    dateTime: at,
    route: 'IM',
    dose: [250, 'mg'],
    containers: [['fulv', 1]],
    discarded: [0, 'mg'],
    siteText: site,
    ...o,
  });
const peg = (c, id, at) =>
  admin(c, id, {
    drug: 'pegfil',
    dateTime: at,
    route: 'SQ',
    dose: [6, 'mg'],
    containers: [['pegfil', 1]],
    discarded: [0, 'mg'],
    siteText: 'abdomen-left',
  });
const denos = (c, id, at) =>
  admin(c, id, {
    drug: 'denos',
    dateTime: at,
    route: 'SQ',
    dose: [60, 'mg'],
    containers: [['denos', 1]],
    discarded: [0, 'mg'],
    siteText: 'upper-arm-left',
  });
const J9395x20 = L('J9395', 20, ['JZ']);
const twoSyringes = (second) =>
  one(
    (c) => [fulv(c, 'a1', T('10:00'), 'gluteal-left'), fulv(c, 'a2', T(second), 'gluteal-right')],
    ['fulv'],
  );

// ---------------------------------------------------------------- R21.3 split dose
add(A, 'split-fulvestrant-same-minute', 'R21.3 R21.1', twoSyringes('10:00'), {
  lines: [L('96402', 1), J9395x20],
  warnings: ['INJECTION_SPLIT_DOSE_ONE_UNIT'],
  why: 'Fulvestrant 500 mg as 2 × 250 mg IM, one in each gluteal muscle at 10:00: same drug, same IM route, same encounter, 0 minutes apart → one dose split into two syringes: 96402 ×1 (splitDoseUnits one) and INJECTION_SPLIT_DOSE_ONE_UNIT. The drug is billed in full: J9395 ×20 JZ.',
});
add(A, 'split-fulvestrant-30-min', 'R21.3', twoSyringes('10:30'), {
  lines: [L('96402', 1), J9395x20],
  warnings: ['INJECTION_SPLIT_DOSE_ONE_UNIT'],
  why: 'Boundary: the second syringe starts exactly 30 minutes after the first (≤ 30, splitDoseWindowMinutes): still one split dose, 96402 ×1 and INJECTION_SPLIT_DOSE_ONE_UNIT.',
});
add(
  A,
  'split-different-drugs-10-min',
  'R21.3 R21.2 R22.3',
  one((c) => [peg(c, 'a1', T('10:00')), denos(c, 'a2', T('10:10'))], ['pegfil', 'denos']),
  {
    lines: [L('96372', 2), L('J2506', 12, ['JZ']), L('J0897', 60, ['JZ'])],
    warnings: [],
    why: 'Boundary: two SC injections 10 minutes apart but of different drugs (pegfilgrastim, denosumab) are not a split dose (R21.3 needs the same drug): one unit per injection (R21.2), both 96372 (R22.3), summed on one line: 96372 ×2, no split warning.',
  },
);

// ---------------------------------------------------------------- R21.4 repeat injection
add(A, 'repeat-fulvestrant-31-min', 'R21.4 R21.3', twoSyringes('10:31'), {
  lines: [L('96402', 2), J9395x20],
  warnings: [],
  why: 'Boundary: the second fulvestrant syringe starts 31 minutes after the first (> 30): not a split dose but the same drug again at a separate time → another unit, no modifier (repeatInjectionModifier none): 96402 ×2 on one line, no warning.',
});
add(
  A,
  'repeat-fulvestrant-afternoon',
  'R21.4 R21.2',
  one(
    (c) => [fulv(c, 'a1', T('09:00'), 'gluteal-left'), fulv(c, 'a2', T('14:00'), 'gluteal-right')],
    ['fulv'],
  ),
  {
    lines: [L('96402', 2), J9395x20],
    warnings: [],
    why: 'The same drug again five hours later in the same encounter: each injection is a unit (R21.2, R21.4), no modifier by default: 96402 ×2, J9395 ×20 JZ.',
  },
);
