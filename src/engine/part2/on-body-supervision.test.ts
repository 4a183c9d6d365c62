// injection-pump-rules R20.7 (on-body injector → 96377 ×1, PTP as 96372, MUE 1/1) and R21.7
// (office injection without direct supervision, Medicare: no line, INJECTION_SUPERVISION_NOT_MET).
import { describe, expect, it } from 'vitest';
import { builtinReference } from '../../reference/builtin.ts';
import { analyzePatient } from '../analyze.ts';
import { adm, at, DRUGS, emptyPatient, type AdminSpec } from '../test-kit/infusion.ts';
import { INFUSION_WARNINGS } from '../infusion/warnings.ts';
import { defaultConfig } from '../profiles.ts';
import { IV_ROUTE, SC_ROUTE } from '../test-kit/inputs.ts';
import type {
  DrugIdentity,
  PayerProfileName,
  RouteDecision,
  RuleSettings,
  Setting,
} from '../types.ts';
import { PART2_WARNINGS } from './warnings.ts';

const CODES = new Set([
  ...Object.keys(INFUSION_WARNINGS),
  ...Object.keys(PART2_WARNINGS),
  'ROUTE_OUT_OF_SCOPE',
  'ROUTE_UNKNOWN',
]);
const IM_ROUTE: RouteDecision = { ...SC_ROUTE, class: 'im', family: 'im', evidence: 'v3|IM' };
const UNKNOWN: RouteDecision = { class: 'unknown', family: 'unknown', from: 'none', evidence: '' };
const h = (code: string): DrugIdentity => ({ hcpcs: [code], ndc: [], rxnorm: [] });
const PEG = h('J2506');
const BORTEZOMIB = h('J9041');
const DENOSUMAB = h('J0897');

interface Spec extends Omit<AdminSpec, 'id'> {
  onBody?: boolean;
}

interface RunOptions {
  setting?: Setting;
  profile?: PayerProfileName;
  rules?: Partial<RuleSettings>;
  /** Encounter/e1's supervision-not-met flag; undefined = no Encounter flag at all. */
  notMet?: boolean;
}

function run(specs: Spec[], o: RunOptions = {}) {
  const admins = specs.map((s, k) => {
    const a = adm({ id: `a${k}`, ...s });
    if (!s.end) delete a.end;
    if (s.onBody) a.onBodyInjector = true;
    return a;
  });
  const config = defaultConfig(o.profile ?? 'medicare', o.rules ? { rules: o.rules } : {});
  config.setting = o.setting ?? 'professional';
  const patient = emptyPatient(admins);
  patient.encounters = [
    {
      ref: 'Encounter/e1',
      patient: 'Patient/p1',
      sponsorPaidVisit: false,
      ...(o.notMet === undefined ? {} : { supervisionNotMet: o.notMet }),
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
    all: results.flatMap((r) => r.warnings),
  };
}

const sc = (drug: DrugIdentity, min: number, o: Partial<Spec> = {}): Spec => ({
  drug,
  start: at(min),
  route: SC_ROUTE,
  ...o,
});
const obi = (drug: DrugIdentity, min: number, o: Partial<Spec> = {}): Spec =>
  sc(drug, min, { onBody: true, ...o });

describe('R20.7 on-body injector → 96377 ×1 instead of 96372', () => {
  it.each<[string, Spec[], Setting, string[], string[]]>([
    [
      'R20.7 pegfilgrastim on-body injector, SC → 96377',
      [obi(PEG, 0)],
      'professional',
      ['96377x1'],
      [],
    ],
    [
      'R20.7 boundary: the same drug SC without the injector → 96372',
      [sc(PEG, 0)],
      'professional',
      ['96372x1'],
      [],
    ],
    [
      'R20.7 / R20.1 an injector flag on an IM route: the route decides, 96372',
      [obi(PEG, 0, { route: IM_ROUTE })],
      'professional',
      ['96372x1'],
      [],
    ],
    [
      'R20.7 a chemotherapy drug by on-body injector is still 96377, not 96401',
      [obi(BORTEZOMIB, 0)],
      'professional',
      ['96377x1'],
      [],
    ],
    [
      'R21.8 facility: 96377 still reported (SI Q1 is the pricer’s job)',
      [obi(PEG, 0)],
      'facility',
      ['96377x1'],
      [],
    ],
    [
      'R20.7 + R21.2 an injector and a separate SC injection of another drug → 96377 + 96372',
      [obi(PEG, 0), sc(DENOSUMAB, 10)],
      'professional',
      ['96372x1', '96377x1'],
      [],
    ],
    [
      'R25.6 MUE 96377 = 1 (practitioner): a second injector 31 min later → 96377 ×2, MUE_EXCEEDED',
      [obi(PEG, 0), obi(PEG, 31)],
      'professional',
      ['96377x2'],
      ['MUE_EXCEEDED'],
    ],
    [
      'R25.6 MUE 96377 = 1 (hospital): two injectors → MUE_EXCEEDED',
      [obi(PEG, 0), obi(PEG, 31)],
      'facility',
      ['96377x2'],
      ['MUE_EXCEEDED'],
    ],
    [
      'R21.3 boundary: a second injector within 30 min is one split dose, one unit',
      [obi(PEG, 0), obi(PEG, 30)],
      'professional',
      ['96377x1'],
      ['INJECTION_SPLIT_DOSE_ONE_UNIT'],
    ],
    [
      'R25.2 96377 is column 2 to 96365 (indicator 1): same site → PTP_MODIFIER_NEEDED',
      [
        { drug: DRUGS.zoledronic, start: at(0), end: at(20), site: 'port' },
        obi(PEG, 30, { site: 'port' }),
      ],
      'facility',
      ['96365x1', '96377x1'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R25.4 96377 at a documented other site than the IV → 96377-59',
      [
        { drug: DRUGS.zoledronic, start: at(0), end: at(20), site: 'port-right-chest' },
        obi(PEG, 30, { site: 'abdomen-left' }),
      ],
      'facility',
      ['96365x1', '96377-59x1'],
      [],
    ],
    [
      'R25.4 boundary: no site on the injector → not documented, PTP_MODIFIER_NEEDED',
      [
        { drug: DRUGS.zoledronic, start: at(0), end: at(20), site: 'port-right-chest' },
        obi(PEG, 30),
      ],
      'facility',
      ['96365x1', '96377x1'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R21.5 an IV push beside an on-body injector alone is 96374, not 96375',
      [obi(PEG, 0), { drug: DRUGS.ondansetron, start: at(10), push: true, route: IV_ROUTE }],
      'professional',
      ['96374x1', '96377x1'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R20.3 an injector in an encounter held for an unknown route has no line',
      [obi(PEG, 0), { drug: DRUGS.ondansetron, start: at(10), push: true, route: UNKNOWN }],
      'professional',
      [],
      ['ROUTE_UNKNOWN'],
    ],
    [
      'R21.10 no stop time needed for an on-body injector',
      [obi(PEG, 0, { dateTimeOnly: true, rate: false })],
      'professional',
      ['96377x1'],
      [],
    ],
  ])('%s', (_name, specs, setting, lines, warnings) => {
    const r = run(specs, { setting });
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });

  it('R20.7 the line names the rule and says on-body injector', () => {
    const config = defaultConfig('medicare');
    config.setting = 'professional';
    const a = adm({ id: 'a0', ...obi(PEG, 0) });
    a.onBodyInjector = true;
    const [r] = analyzePatient(emptyPatient([a]), { config, reference: builtinReference() });
    const l = r?.lines.find((x) => x.code === '96377');
    expect(l?.evidence.rules).toContain('R20.7');
    expect(l?.evidence.reason).toMatch(/on-body injector/);
  });
});

describe('R21.7 office injection without direct supervision (Medicare)', () => {
  // flag true / false / absent × setting × payer.
  const rows: [boolean | undefined, Setting, PayerProfileName, boolean][] = [];
  for (const flag of [true, false, undefined])
    for (const setting of ['professional', 'facility'] as const)
      for (const profile of ['medicare', 'medicare-advantage', 'commercial', 'medicaid'] as const)
        rows.push([
          flag,
          setting,
          profile,
          flag === true && setting === 'professional' && profile === 'medicare',
        ]);
  it.each(rows)('R21.7 flag %s, %s, %s → held: %s', (flag, setting, profile, held) => {
    const r = run([sc(DENOSUMAB, 0)], { notMet: flag, setting, profile });
    expect(r.lines).toEqual(held ? [] : ['96372x1']);
    expect(r.warnings.includes('INJECTION_SUPERVISION_NOT_MET')).toBe(held);
  });

  it.each<[string, Spec[], string[]]>([
    ['R21.7 + R20.7 the on-body injector is held too', [obi(PEG, 0)], []],
    [
      'R21.7 only injections: the IV infusion of the encounter still stands',
      [{ drug: DRUGS.zoledronic, start: at(0), end: at(20) }, sc(DENOSUMAB, 30)],
      ['96365x1'],
    ],
    [
      'R21.7 chemotherapy SC (96401) and hormonal IM (96402) held as well',
      [sc(BORTEZOMIB, 0), sc(h('J9395'), 5, { route: IM_ROUTE })],
      [],
    ],
  ])('%s', (_name, specs, lines) => {
    const r = run(specs, { notMet: true });
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toContain('INJECTION_SUPERVISION_NOT_MET');
  });

  it('R21.7 the warning names every held record, with the plain words', () => {
    const r = run([sc(DENOSUMAB, 0), sc(h('J9395'), 5, { route: IM_ROUTE })], { notMet: true });
    const w = r.all.find((x) => x.code === 'INJECTION_SUPERVISION_NOT_MET');
    expect(w?.sources).toEqual(['MedicationAdministration/a0', 'MedicationAdministration/a1']);
    expect(w?.message).toContain(PART2_WARNINGS.INJECTION_SUPERVISION_NOT_MET.message);
    expect(w?.message).toContain('MedicationAdministration/a1');
  });

  it('R21.7 no injection in the flagged encounter: no warning', () => {
    const r = run([{ drug: DRUGS.zoledronic, start: at(0), end: at(20) }], { notMet: true });
    expect(r.lines).toEqual(['96365x1']);
    expect(r.warnings).not.toContain('INJECTION_SUPERVISION_NOT_MET');
  });
});
