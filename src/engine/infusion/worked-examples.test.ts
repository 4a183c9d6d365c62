// The spec's worked examples, run end to end through analyzePatient (infusion-rules §4, §7,
// §9; research-billing §13 example 1).
import { describe, expect, it } from 'vitest';
import { analyzePatient } from '../analyze.ts';
import { defaultConfig } from '../profiles.ts';
import type { EncounterResult, RuleSettings, Setting } from '../types.ts';
import {
  adm,
  at,
  DRUGS,
  emptyPatient,
  fakeReference,
  type AdminSpec,
} from '../test-kit/infusion.ts';
import { INFUSION_WARNINGS } from './warnings.ts';

function analyze(
  specs: AdminSpec[],
  setting: Setting = 'facility',
  rules: Partial<RuleSettings> = {},
): EncounterResult[] {
  const config = { ...defaultConfig('medicare', { rules }), setting };
  return analyzePatient(emptyPatient(specs.map(adm)), { config, reference: fakeReference() });
}

function adminLines(r: EncounterResult | undefined, withDate = false): string[] {
  return (r?.lines ?? [])
    .filter((l) => l.kind === 'administration')
    .map((l) => {
      const mods = l.modifiers.length > 0 ? `-${[...l.modifiers].sort().join('-')}` : '';
      return `${l.code}${mods}x${l.units}${withDate ? `@${l.date}` : ''}`;
    })
    .sort();
}

function ourWarnings(r: EncounterResult | undefined): string[] {
  return (r?.warnings ?? [])
    .map((w) => w.code)
    .filter((c) => c in INFUSION_WARNINGS)
    .sort();
}

describe('worked examples through analyzePatient', () => {
  it.each<[string, AdminSpec[], Setting, string[], string[]]>([
    [
      'R9.2 rituximab 80 + 165 = 245 min → 96413 + 96415×3',
      [
        { id: 'r1', drug: DRUGS.rituximab, start: at(0), end: at(80) },
        { id: 'r2', drug: DRUGS.rituximab, start: at(95), end: at(260), partOf: 'r1' },
      ],
      'professional',
      ['96413x1', '96415x3'],
      ['SEGMENTS_COMBINED'],
    ],
    [
      'S22 doxorubicin-like 155 min → 96413 + 96415×2',
      [{ id: 'd1', drug: DRUGS.paclitaxel, start: at(0), end: at(155) }],
      'professional',
      ['96413x1', '96415x2'],
      [],
    ],
    [
      'S23 chemo 115 min + antibiotic 30 min → 96413, 96415, 96367',
      [
        { id: 'c1', drug: DRUGS.paclitaxel, start: at(0), end: at(115) },
        { id: 'a1', drug: DRUGS.zoledronic, start: at(115), end: at(145) },
      ],
      'professional',
      ['96367x1', '96413x1', '96415x1'],
      [],
    ],
    [
      'S39 pushes during 3 h hydration → 96374, 96375, 96361×3',
      [
        { id: 'h1', drug: DRUGS.saline, start: at(0), end: at(180) },
        { id: 'p1', drug: DRUGS.ondansetron, start: at(10), push: true },
        { id: 'p2', drug: DRUGS.dexamethasone, start: at(20), push: true },
      ],
      'facility',
      ['96361x3', '96374x1', '96375x1'],
      [],
    ],
    [
      'R4.6 hydration 175 min secondary → 96361×3',
      [
        { id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true },
        { id: 'h1', drug: DRUGS.saline, start: at(5), end: at(180) },
      ],
      'professional',
      ['96361x3', '96374x1'],
      [],
    ],
    [
      'FOLFOX-like day: premed pushes, oxaliplatin with concurrent leucovorin, 5-FU bolus, 46 h pump',
      [
        { id: 'ond', drug: DRUGS.ondansetron, start: at(0), push: true },
        { id: 'dex', drug: DRUGS.dexamethasone, start: at(5), push: true },
        { id: 'ox', drug: DRUGS.oxaliplatin, start: at(15), end: at(135) },
        { id: 'lv', drug: DRUGS.leucovorin, start: at(15), end: at(135) },
        { id: 'fu', drug: DRUGS.fluorouracil, start: at(140), push: true },
        { id: 'pump', drug: DRUGS.fluorouracil, start: at(145), end: '2026-03-04T12:25:00-05:00' },
      ],
      'facility',
      ['96368x1', '96375x2', '96411x1', '96413x1', '96415x1'],
      ['PROLONGED_PUMP_INFUSION_REVIEW'],
    ],
    [
      'FOLFOX-like day with leucovorin after oxaliplatin (sequential)',
      [
        { id: 'ond', drug: DRUGS.ondansetron, start: at(0), push: true },
        { id: 'dex', drug: DRUGS.dexamethasone, start: at(5), push: true },
        { id: 'ox', drug: DRUGS.oxaliplatin, start: at(15), end: at(135) },
        { id: 'lv', drug: DRUGS.leucovorin, start: at(135), end: at(255) },
        { id: 'fu', drug: DRUGS.fluorouracil, start: at(260), push: true },
      ],
      'professional',
      ['96366x1', '96367x1', '96375x2', '96411x1', '96413x1', '96415x1'],
      [],
    ],
    [
      'research example 1: sponsor-supplied ABC-7 40 min is initial (equal rank, longer)',
      [
        { id: 'ond', drug: DRUGS.ondansetron, start: at(0), push: true },
        {
          id: 'abc',
          drug: DRUGS.investigational,
          start: at(10),
          end: at(50),
          sponsorSupplied: true,
        },
        { id: 'gem', drug: DRUGS.gemcitabine, start: at(50), end: at(80) },
      ],
      'professional',
      ['96375x1', '96413x1', '96417x1'],
      [],
    ],
  ])('%s', (_l, specs, setting, lines, warnings) => {
    const [r] = analyze(specs, setting);
    expect(adminLines(r)).toEqual(lines);
    expect(ourWarnings(r)).toEqual(warnings);
  });

  it('research example 1: the initial line stands on the sponsor-supplied infusion', () => {
    const [r] = analyze([
      { id: 'abc', drug: DRUGS.investigational, start: at(10), end: at(50), sponsorSupplied: true },
      { id: 'gem', drug: DRUGS.gemcitabine, start: at(50), end: at(80) },
    ]);
    const initial = r?.lines.find((l) => l.code === '96413');
    expect(initial?.sources).toEqual(['MedicationAdministration/abc']);
  });

  it('S27 pushes at 10 PM and 2 AM → 96374 + 96376, each on its own date', () => {
    const [r] = analyze([
      { id: 'p1', drug: DRUGS.ondansetron, start: '2026-03-02T22:00:00-05:00', push: true },
      { id: 'p2', drug: DRUGS.ondansetron, start: '2026-03-03T02:00:00-05:00', push: true },
    ]);
    expect(adminLines(r, true)).toEqual(['96374x1@2026-03-02', '96376x1@2026-03-03']);
  });

  it('CPT example: hydration 11 PM–2 AM → 96360 + 96361×2 on the start date', () => {
    const [r] = analyze([
      {
        id: 'h1',
        drug: DRUGS.saline,
        start: '2026-03-02T23:00:00-05:00',
        end: '2026-03-03T02:00:00-05:00',
      },
    ]);
    expect(adminLines(r, true)).toEqual(['96360x1@2026-03-02', '96361x2@2026-03-02']);
    expect(ourWarnings(r)).toEqual(['CROSSES_MIDNIGHT']);
  });

  it('R9.8 two encounters the same day: the later initial takes the modifier', () => {
    const results = analyze([
      { id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true, encounter: 'Encounter/e1' },
      {
        id: 'i1',
        drug: DRUGS.zoledronic,
        start: at(300),
        end: at(340),
        encounter: 'Encounter/e2',
      },
    ]);
    expect(results.map((r) => adminLines(r))).toEqual([['96374x1'], ['96365-59x1']]);
    expect(results.map(ourWarnings)).toEqual([[], ['SEPARATE_ENCOUNTER_SECOND_INITIAL']]);
  });

  it('R1.6 administrations without an encounter count as one encounter for the day', () => {
    const results = analyze([
      { id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true, encounter: null },
      { id: 'p2', drug: DRUGS.dexamethasone, start: at(60), push: true, encounter: null },
    ]);
    expect(results.map((r) => adminLines(r))).toEqual([['96374x1', '96375x1']]);
  });
});
