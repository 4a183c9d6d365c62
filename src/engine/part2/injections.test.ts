// R21 SC/IM injections, R22 product categories, R20.6 SC hydration (table-driven, boundary rows).
import { describe, expect, it } from 'vitest';
import { builtinReference } from '../../reference/builtin.ts';
import { analyzePatient } from '../analyze.ts';
import { adm, at, DRUGS, emptyPatient, type AdminSpec } from '../test-kit/infusion.ts';
import { INFUSION_WARNINGS } from '../infusion/warnings.ts';
import { defaultConfig } from '../profiles.ts';
import { IV_ROUTE, SC_ROUTE } from '../test-kit/inputs.ts';
import type { DrugIdentity, RouteDecision, RuleSettings, Setting } from '../types.ts';
import { PART2_WARNINGS } from './warnings.ts';

const CODES = new Set([
  ...Object.keys(INFUSION_WARNINGS),
  ...Object.keys(PART2_WARNINGS),
  'ROUTE_OUT_OF_SCOPE',
  'ROUTE_UNKNOWN',
]);
const IM_ROUTE: RouteDecision = { ...SC_ROUTE, class: 'im', family: 'im', evidence: 'v3|IM' };
const h = (code: string): DrugIdentity => ({ hcpcs: [code], ndc: [], rxnorm: [] });
const P = {
  denosumab: h('J0897'),
  fulvestrant: h('J9395'),
  leuprolide: h('J9217'),
  bortezomib: h('J9041'),
  daratumumabSc: h('J9144'),
  pegfilgrastim: h('J2506'),
  azacitidine: h('J9025'),
};

interface Spec extends Omit<AdminSpec, 'id'> {
  id?: string;
  request?: string;
}

function run(specs: Spec[], o: { setting?: Setting; rules?: Partial<RuleSettings> } = {}) {
  const admins = specs.map((s, k) => {
    const a = adm({ id: `a${k}`, ...s });
    if (!s.end) delete a.end;
    if (s.request) a.request = s.request;
    return a;
  });
  const config = defaultConfig('medicare', o.rules ? { rules: o.rules } : {});
  config.setting = o.setting ?? 'professional';
  const results = analyzePatient(emptyPatient(admins), { config, reference: builtinReference() });
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

const sc = (drug: DrugIdentity, min: number, o: Partial<Spec> = {}): Spec => ({
  drug,
  start: at(min),
  route: SC_ROUTE,
  ...o,
});
const im = (drug: DrugIdentity, min: number, o: Partial<Spec> = {}): Spec => ({
  drug,
  start: at(min),
  route: IM_ROUTE,
  ...o,
});

describe('R21.1 / R22.3 code by product category', () => {
  it.each<[string, Spec[], string[], string[]]>([
    ['R22.3 pegfilgrastim SC → 96372', [sc(P.pegfilgrastim, 0)], ['96372x1'], []],
    [
      'R22.3 denosumab SC → 96372 (default of a disputed rule)',
      [sc(P.denosumab, 0)],
      ['96372x1'],
      [],
    ],
    ['R22.3 bortezomib SC → 96401', [sc(P.bortezomib, 0)], ['96401x1'], []],
    ['R22.3 daratumumab and hyaluronidase SC → 96401', [sc(P.daratumumabSc, 0)], ['96401x1'], []],
    ['R22.3 leuprolide depot SC → 96402', [sc(P.leuprolide, 0)], ['96402x1'], []],
    ['R22.3 fulvestrant IM → 96402', [im(P.fulvestrant, 0)], ['96402x1'], []],
    [
      'R21.2 bortezomib + daratumumab SC, two drugs → 96401 ×2',
      [sc(P.bortezomib, 0), sc(P.daratumumabSc, 10)],
      ['96401x2'],
      [],
    ],
    [
      'R21.6 denosumab SC + zoledronic acid IV: 96365 initial, 96372 beside it, PTP (same site)',
      [
        { drug: DRUGS.zoledronic, start: at(0), end: at(20), site: 'port' },
        sc(P.denosumab, 30, { site: 'port' }),
      ],
      ['96365x1', '96372x1'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R25.4 denosumab SC at a documented other site than the IV → 96372-59',
      [
        { drug: DRUGS.zoledronic, start: at(0), end: at(20), site: 'port-right-chest' },
        sc(P.denosumab, 30, { site: 'abdomen-left' }),
      ],
      ['96365x1', '96372-59x1'],
      [],
    ],
    [
      'R21.5 an IV push with an injection and no other IV service is 96374, not 96375',
      [
        sc(P.bortezomib, 0),
        { drug: DRUGS.ondansetron, start: at(10), push: true, route: IV_ROUTE },
      ],
      ['96374x1', '96401x1'],
      [],
    ],
    [
      'R21.10 no stop time needed: no MISSING_STOP_TIME for an injection',
      [sc(P.pegfilgrastim, 0, { dateTimeOnly: true, rate: false })],
      ['96372x1'],
      [],
    ],
    [
      'R20.6 SC hydration → ROUTE_OUT_OF_SCOPE, no line',
      [sc(DRUGS.saline, 0, { end: at(120) })],
      [],
      ['ROUTE_OUT_OF_SCOPE'],
    ],
  ])('%s', (_name, specs, lines, warnings) => {
    const r = run(specs);
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });

  it.each<[string, RuleSettings['drugCategoryOverrides'], string]>([
    ['R22.1 payer override: denosumab → 96401', { J0897: '96401' }, '96401x1'],
    ['R22.1 payer override: leuprolide → 96372', { J9217: '96372' }, '96372x1'],
  ])('%s', (_name, overrides, line) => {
    const drug = overrides.J0897 ? P.denosumab : P.leuprolide;
    expect(run([sc(drug, 0)], { rules: { drugCategoryOverrides: overrides } }).lines).toEqual([
      line,
    ]);
  });
});

describe('R21.3 / R21.4 split doses and repeats (30 vs 31 minutes)', () => {
  it.each<[string, number, Partial<RuleSettings>, string[], string[]]>([
    [
      'R21.3 second syringe 0 min later → one unit',
      0,
      {},
      ['96402x1'],
      ['INJECTION_SPLIT_DOSE_ONE_UNIT'],
    ],
    [
      'R21.3 second syringe 30 min later → one unit',
      30,
      {},
      ['96402x1'],
      ['INJECTION_SPLIT_DOSE_ONE_UNIT'],
    ],
    ['R21.4 second injection 31 min later → a repeat, two units', 31, {}, ['96402x2'], []],
    [
      'R21.3 per_injection → a unit each, 59 on the second',
      5,
      { splitDoseUnits: 'per_injection' },
      ['96402-59x1', '96402x1'],
      [],
    ],
    [
      'R21.3 window 45 min by setting, 40 min → one unit',
      40,
      { splitDoseWindowMinutes: 45 },
      ['96402x1'],
      ['INJECTION_SPLIT_DOSE_ONE_UNIT'],
    ],
    [
      'R21.4 repeatInjectionModifier 76 on the repeat',
      90,
      { repeatInjectionModifier: '76' },
      ['96402-76x1', '96402x1'],
      [],
    ],
  ])('%s', (_name, gap, rules, lines, warnings) => {
    const r = run([im(P.fulvestrant, 0), im(P.fulvestrant, gap)], { rules });
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });

  it('R21.3 a shared MedicationRequest makes one dose even 2 hours apart', () => {
    const r = run([
      im(P.fulvestrant, 0, { request: 'MedicationRequest/o1' }),
      im(P.fulvestrant, 120, { request: 'MedicationRequest/o1' }),
    ]);
    expect(r.lines).toEqual(['96402x1']);
  });

  it('R20.3 an injection in an encounter held for an unknown route has no line', () => {
    const unknown: RouteDecision = {
      class: 'unknown',
      family: 'unknown',
      from: 'none',
      evidence: '',
    };
    const r = run([
      sc(P.bortezomib, 0),
      { drug: DRUGS.ondansetron, start: at(10), push: true, route: unknown },
    ]);
    expect(r.lines).toEqual([]);
    expect(r.warnings).toEqual(['ROUTE_UNKNOWN']);
  });
});
