// Part 2 rules that had no test naming them (coverage audit of injection-pump-rules, see
// docs/part2-coverage.md): R21.9, R21.11, R22.2, R23.9, R24.3, R27.3, R27.4, R27.5, R27.7, R27.8,
// R27.12 — table-driven, with boundary rows.
import { describe, expect, it } from 'vitest';
import { builtinReference } from '../../reference/builtin.ts';
import { analyzePatient } from '../analyze.ts';
import { adm, at, DRUGS, emptyPatient, type AdminSpec } from '../test-kit/infusion.ts';
import { INFUSION_WARNINGS } from '../infusion/warnings.ts';
import { defaultConfig } from '../profiles.ts';
import { IV_ROUTE, SC_ROUTE } from '../test-kit/inputs.ts';
import type {
  ClaimInfo,
  DrugIdentity,
  PayerProfileName,
  RouteDecision,
  RuleSettings,
  ServiceMethod,
  Setting,
} from '../types.ts';
import { PART2_WARNINGS } from './warnings.ts';

const CODES = new Set([
  ...Object.keys(INFUSION_WARNINGS),
  ...Object.keys(PART2_WARNINGS),
  'ROUTE_OUT_OF_SCOPE',
  'ROUTE_UNKNOWN',
  'ORAL_ROUTE_NOT_BILLABLE',
]);
const route = (cls: RouteDecision['class'], family: RouteDecision['family']): RouteDecision => ({
  class: cls,
  family,
  from: cls === 'unknown' ? 'none' : 'route-code',
  evidence: cls,
});
const IM = route('im', 'im');
const UNKNOWN = route('unknown', 'unknown');
const ORAL = route('oral', 'non-parenteral');
const INTRATHECAL = route('intrathecal', 'out-of-scope');
const h = (code: string): DrugIdentity => ({ hcpcs: [code], ndc: [], rxnorm: [] });

interface Spec extends Omit<AdminSpec, 'id'> {
  method?: ServiceMethod;
}

interface RunOptions {
  setting?: Setting;
  profile?: PayerProfileName;
  rules?: Partial<RuleSettings>;
  claims?: ClaimInfo[];
  notMet?: boolean;
}

function run(specs: Spec[], o: RunOptions = {}) {
  const admins = specs.map((s, k) => {
    const a = adm({ id: `a${k}`, ...s });
    if (!s.end) delete a.end;
    if (s.method) a.serviceMethod = s.method;
    return a;
  });
  const config = defaultConfig(o.profile ?? 'medicare', o.rules ? { rules: o.rules } : {});
  config.setting = o.setting ?? 'professional';
  const patient = { ...emptyPatient(admins), claims: o.claims ?? [] };
  if (o.notMet)
    patient.encounters = [
      {
        ref: 'Encounter/e1',
        patient: 'Patient/p1',
        sponsorPaidVisit: false,
        supervisionNotMet: true,
      },
    ];
  const results = analyzePatient(patient, { config, reference: builtinReference() });
  return {
    lines: results
      .flatMap((r) => r.lines.filter((l) => l.kind === 'administration'))
      .map((l) => `${[l.code, ...l.modifiers].join('-')}x${l.units}`)
      .sort(),
    warnings: [
      ...new Set(results.flatMap((r) => r.warnings.map((w) => w.code)).filter((c) => CODES.has(c))),
    ].sort(),
  };
}

type Row = [string, Spec[], RunOptions, string[], string[]];
const check = (
  _name: string,
  specs: Spec[],
  o: RunOptions,
  lines: string[],
  warnings: string[],
) => {
  const r = run(specs, o);
  expect(r.lines).toEqual(lines);
  expect(r.warnings).toEqual(warnings);
};

const sc = (drug: DrugIdentity, min: number, o: Partial<Spec> = {}): Spec => ({
  drug,
  start: at(min),
  route: SC_ROUTE,
  ...o,
});
const FACILITY: RunOptions = { setting: 'facility' };

describe('R21 / R22 injections: what the route and the product decide', () => {
  it.each<Row>([
    [
      'R21.9 the engine builds the hospital’s claim, never a hospital-based physician’s: facility 96372 stays',
      [sc(h('J0897'), 0)],
      FACILITY,
      ['96372x1'],
      [],
    ],
    [
      'R21.11 denosumab pushed into the IV line → IV push 96374, not 96372',
      [{ drug: h('J0897'), start: at(0), push: true, route: IV_ROUTE }],
      {},
      ['96374x1'],
      [],
    ],
    [
      'R21.11 boundary: the same drug on an SC route → 96372',
      [sc(h('J0897'), 0)],
      {},
      ['96372x1'],
      [],
    ],
    [
      'R21.11 a chemotherapy drug pushed into the port → IV chemo push 96409, not 96401',
      [{ drug: h('J9041'), start: at(0), push: true, route: IV_ROUTE, site: 'port' }],
      {},
      ['96409x1'],
      [],
    ],
    [
      'R22.2 the product decides, not the ingredient: daratumumab IV (J9145) 60 min → 96413',
      [{ drug: h('J9145'), start: at(0), end: at(60) }],
      {},
      ['96413x1'],
      [],
    ],
    [
      'R22.2 daratumumab and hyaluronidase SC (J9144) → 96401',
      [sc(h('J9144'), 0)],
      {},
      ['96401x1'],
      [],
    ],
    [
      'R22.2 methotrexate SC (J9260), any diagnosis → 96401 by default',
      [sc(h('J9260'), 0)],
      {},
      ['96401x1'],
      [],
    ],
    [
      'R22.2 a drug list is evidence: the payer override J9260 → 96372 wins',
      [sc(h('J9260'), 0)],
      { rules: { drugCategoryOverrides: { J9260: '96372' } } },
      ['96372x1'],
      [],
    ],
  ])('%s', check);
});

describe('R23.9 / R24.3 pumps and port flushes', () => {
  it.each<Row>([
    [
      'R23.9 pump supervision is out of engine scope: the supervision-not-met flag leaves 96416',
      [
        {
          drug: DRUGS.fluorouracil,
          start: at(0),
          end: at(0, '2026-03-04'),
          method: 'pump-initiation',
        },
      ],
      { notMet: true },
      ['96416x1'],
      [],
    ],
    [
      'R23.9 boundary: the same flag holds an office injection of that encounter (R21.7)',
      [sc(h('J0897'), 0)],
      { notMet: true },
      [],
      ['INJECTION_SUPERVISION_NOT_MET'],
    ],
    [
      'R24.3 a port-flush record is a service: 96523, no FLUSH_KVO_NOT_BILLABLE',
      [
        {
          drug: DRUGS.heparinFlush,
          start: at(0),
          dateTimeOnly: true,
          rate: false,
          method: 'port-flush',
        },
      ],
      {},
      ['96523x1'],
      [],
    ],
    [
      'R24.3 a port-flush record marked as a flush (IVFLUSH text) is still the service',
      [
        {
          drug: DRUGS.heparinFlush,
          start: at(0),
          dateTimeOnly: true,
          rate: false,
          flush: true,
          method: 'port-flush',
        },
      ],
      {},
      ['96523x1'],
      [],
    ],
    [
      'R24.3 boundary: a flush inside an infusion (IV route, no port-flush method) stays R8.1',
      [{ drug: DRUGS.heparinFlush, start: at(0), dateTimeOnly: true, rate: false, flush: true }],
      {},
      [],
      ['FLUSH_KVO_NOT_BILLABLE'],
    ],
  ])('%s', check);
});

describe('R27 amendments to Part 1', () => {
  it.each<Row>([
    [
      'R27.3 no route, a 60-minute period: never "otherwise IV infusion" (R1.4) → ROUTE_UNKNOWN, no 96365',
      [{ drug: DRUGS.zoledronic, start: at(0), end: at(60), route: UNKNOWN }],
      {},
      [],
      ['ROUTE_UNKNOWN'],
    ],
    [
      'R27.3 boundary: the same record on an IV route → 96365',
      [{ drug: DRUGS.zoledronic, start: at(0), end: at(60) }],
      {},
      ['96365x1'],
      [],
    ],
    [
      'R27.3 code_others: the unknown-route record is left out, the IV push is coded',
      [
        { drug: DRUGS.zoledronic, start: at(0), end: at(60), route: UNKNOWN },
        { drug: DRUGS.ondansetron, start: at(70), push: true },
      ],
      { rules: { routeMissingPolicy: 'code_others' } },
      ['96374x1'],
      ['ROUTE_UNKNOWN'],
    ],
    [
      'R27.4 hydration + IM injection: hydration stays initial (R6.4 means IV drugs) → 96360 + 96372-59',
      [
        { drug: DRUGS.saline, start: at(0), end: at(60), site: 'port-right-chest' },
        sc(h('J0897'), 10, { route: IM, site: 'deltoid-left' }),
      ],
      {},
      ['96360x1', '96372-59x1'],
      [],
    ],
    [
      'R27.4 boundary: hydration + an IV drug push → the push is initial, hydration 96361',
      [
        { drug: DRUGS.saline, start: at(0), end: at(60) },
        { drug: DRUGS.ondansetron, start: at(10), push: true },
      ],
      {},
      ['96361x1', '96374x1'],
      [],
    ],
    [
      'R27.4 facility: chemo SC injection + two TPD pushes → 96401 + 96374 + 96375 (rank 3 never initial)',
      [
        sc(h('J9041'), 0),
        { drug: DRUGS.ondansetron, start: at(10), push: true },
        { drug: DRUGS.dexamethasone, start: at(20), push: true },
      ],
      FACILITY,
      ['96374x1', '96375x1', '96401x1'],
      [],
    ],
    [
      'R27.5 a pump initiation over 8 hours → 96416, never PROLONGED_PUMP_INFUSION_REVIEW',
      [{ drug: DRUGS.fluorouracil, start: at(0), end: at(481), method: 'pump-initiation' }],
      {},
      ['96416x1'],
      [],
    ],
    [
      'R27.5 an IV infusion of 481 min that no record calls a pump: held for review (not a pump by default)',
      [{ drug: DRUGS.fluorouracil, start: at(0), end: at(481) }],
      {},
      [],
      ['PROLONGED_PUMP_INFUSION_REVIEW'],
    ],
    [
      'R27.5 boundary: an IV infusion of 480 min → 96413 + 96415 ×7',
      [{ drug: DRUGS.fluorouracil, start: at(0), end: at(480) }],
      {},
      ['96413x1', '96415x7'],
      [],
    ],
    [
      'R27.7 PTP adds a documented modifier and removes nothing: premed push in another encounter → 96374-59',
      [
        {
          drug: DRUGS.fluorouracil,
          start: at(60),
          end: at(60, '2026-03-04'),
          method: 'pump-initiation',
        },
        { drug: DRUGS.ondansetron, start: at(0), push: true, encounter: 'Encounter/e0' },
      ],
      FACILITY,
      ['96374-59x1', '96416x1'],
      [],
    ],
    [
      'R27.7 boundary: same encounter, nothing documented → the line stays, PTP_MODIFIER_NEEDED',
      [
        {
          drug: DRUGS.fluorouracil,
          start: at(60),
          end: at(60, '2026-03-04'),
          method: 'pump-initiation',
        },
        { drug: DRUGS.ondansetron, start: at(0), push: true },
      ],
      FACILITY,
      ['96374x1', '96416x1'],
      ['PTP_MODIFIER_NEEDED'],
    ],
  ])('%s', check);
});

const claim99211 = (type: ClaimInfo['type']): ClaimInfo => ({
  ref: 'Claim/c1',
  use: 'claim',
  status: 'draft',
  type,
  patient: 'Patient/p1',
  encounter: 'Encounter/e1',
  lines: [{ sequence: 1, code: '99211', modifiers: ['25'], units: 1, date: '2026-03-02' }],
  diagnoses: [],
  trialNumbers: [],
  valueCodeD4: [],
  conditionCodes: [],
  preAuthRefs: [],
});

describe('R27.8 the Medicare 99211 rule now has a CMS source (R25.5)', () => {
  it.each<[string, Setting, PayerProfileName, boolean]>([
    [
      'R27.8 office, Medicare: 99211-25 beside 96372 → PTP_NOT_ALLOWED',
      'professional',
      'medicare',
      true,
    ],
    ['R27.8 boundary: office, commercial → no edit', 'professional', 'commercial', false],
    [
      'R27.8 boundary: facility, Medicare → no edit (hospitals bill G0463)',
      'facility',
      'medicare',
      false,
    ],
  ])('%s', (_name, setting, profile, edit) => {
    const r = run([sc(h('J0897'), 0)], {
      setting,
      profile,
      claims: [claim99211(setting === 'facility' ? 'institutional' : 'professional')],
    });
    expect(r.lines).toEqual(['96372x1']);
    expect(r.warnings.includes('PTP_NOT_ALLOWED')).toBe(edit);
  });
});

describe('R27.12 "another service that date" for the port-flush test (R24.1)', () => {
  const flush = (o: Partial<Spec> = {}): Spec => ({
    drug: DRUGS.heparinFlush,
    start: at(0),
    dateTimeOnly: true,
    rate: false,
    method: 'port-flush',
    ...o,
  });
  const other = (o: Partial<Spec>): Spec => ({
    drug: DRUGS.ondansetron,
    start: at(180),
    encounter: 'Encounter/e2',
    ...o,
  });
  it.each<[string, Spec, string[], string[]]>([
    [
      'R27.12 an oral record does not count → 96523',
      other({ route: ORAL }),
      ['96523x1'],
      ['ORAL_ROUTE_NOT_BILLABLE'],
    ],
    [
      'R27.12 an out-of-scope (intrathecal) record does not count → 96523',
      other({ route: INTRATHECAL }),
      ['96523x1'],
      ['ROUTE_OUT_OF_SCOPE'],
    ],
    [
      'R27.12 a pump disconnect in another encounter does not count → 96523',
      other({
        drug: DRUGS.fluorouracil,
        dateTimeOnly: true,
        rate: false,
        method: 'pump-disconnect',
      }),
      ['96523x1'],
      ['PUMP_DISCONNECT_NOT_BILLABLE'],
    ],
    [
      'R27.12 a record held for an unknown route counts → no 96523',
      other({ push: true, route: UNKNOWN }),
      [],
      ['PORT_FLUSH_NOT_SEPARATE', 'ROUTE_UNKNOWN'],
    ],
    [
      'R27.12 an SC injection in another encounter counts → no 96523',
      other({ drug: h('J0897'), route: SC_ROUTE }),
      ['96372x1'],
      ['PORT_FLUSH_NOT_SEPARATE'],
    ],
    [
      'R27.12 boundary: the same injection on the next date does not count → 96523',
      other({ drug: h('J0897'), route: SC_ROUTE, start: at(180, '2026-03-03') }),
      ['96372x1', '96523x1'],
      [],
    ],
  ])('%s', (_name, second, lines, warnings) => {
    const r = run([flush(), second]);
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });
});
