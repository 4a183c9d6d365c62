// §7: the other services (R7.1–R7.7).
import { describe, expect, it } from 'vitest';
import { at, DRUGS, run, type AdminSpec } from '../test-kit/infusion.ts';

describe('R7.1 sequential infusion of a new drug', () => {
  it.each([
    ['chemo after chemo, 60 min', DRUGS.carboplatin, 60, ['96413x1', '96415x1', '96417x1']],
    ['chemo after chemo, 91 min', DRUGS.carboplatin, 91, ['96413x1', '96415x2', '96417x1']],
    ['TPD after chemo, 30 min', DRUGS.zoledronic, 30, ['96367x1', '96413x1', '96415x1']],
    ['TPD after chemo, 91 min', DRUGS.zoledronic, 91, ['96366x1', '96367x1', '96413x1', '96415x1']],
  ])('R7.1: %s', (_l, drug, min, codes) => {
    const r = run([
      { id: 'c1', drug: DRUGS.paclitaxel, start: at(0), end: at(115) },
      { id: 'c2', drug, start: at(115), end: at(115 + min) },
    ]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual([]);
  });
});

describe('R7.2 sequential pushes of new drugs', () => {
  it.each([
    [
      'three TPD pushes',
      [DRUGS.ondansetron, DRUGS.dexamethasone, DRUGS.diphenhydramine],
      ['96374x1', '96375x2'],
    ],
    ['two chemo pushes', [DRUGS.fluorouracil, DRUGS.gemcitabine], ['96409x1', '96411x1']],
    ['chemo and TPD pushes', [DRUGS.ondansetron, DRUGS.fluorouracil], ['96375x1', '96409x1']],
  ])('R7.2: %s', (_l, drugs, codes) => {
    const r = run(drugs.map((drug, k) => ({ id: `p${k}`, drug, start: at(k * 5), push: true })));
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual([]);
  });

  it('R7.2: premed pushes before a chemo infusion are 96375', () => {
    const r = run([
      { id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true },
      { id: 'p2', drug: DRUGS.dexamethasone, start: at(5), push: true },
      { id: 'c1', drug: DRUGS.oxaliplatin, start: at(15), end: at(135) },
    ]);
    expect(r.codes).toEqual(['96375x2', '96413x1', '96415x1']);
  });
});

describe('R7.3 repeat push of the same drug', () => {
  const pushes = (gap: number): AdminSpec[] => [
    { id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true },
    { id: 'p2', drug: DRUGS.ondansetron, start: at(gap), push: true },
  ];
  it.each([
    ['facility', 29, false, ['96374x1'], ['SAME_DRUG_REPEAT_PUSH_WITHIN_30_MIN']],
    ['facility', 30, false, ['96374x1'], ['SAME_DRUG_REPEAT_PUSH_WITHIN_30_MIN']],
    ['facility', 31, false, ['96374x1', '96376x1'], []],
    ['facility', 30, true, ['96374x1', '96376x1'], []],
    ['professional', 31, false, ['96374x1'], ['SAME_DRUG_REPEAT_PUSH_NOT_REPORTABLE_PROFESSIONAL']],
    ['professional', 90, false, ['96374x1'], ['SAME_DRUG_REPEAT_PUSH_NOT_REPORTABLE_PROFESSIONAL']],
  ] as const)('R7.3: %s, %i minutes apart (at-30 counts: %s)', (setting, gap, at30, codes, w) => {
    const r = run(pushes(gap), { setting, rules: { repeatPushAt30Counts: at30 } });
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });

  it('R7.3: the 30 minutes run from the last REPORTED push', () => {
    const r = run([
      { id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true },
      { id: 'p2', drug: DRUGS.ondansetron, start: at(20), push: true },
      { id: 'p3', drug: DRUGS.ondansetron, start: at(35), push: true },
      { id: 'p4', drug: DRUGS.ondansetron, start: at(70), push: true },
    ]);
    expect(r.codes).toEqual(['96374x1', '96376x2']);
    expect(r.warnings).toEqual(['SAME_DRUG_REPEAT_PUSH_WITHIN_30_MIN']);
  });
});

describe('R7.4 hydration after a different initial service', () => {
  it.each([
    ['before chemo', 0, 60, ['96361x1', '96413x1']],
    ['after chemo', 120, 180, ['96361x1', '96413x1']],
  ])('R7.4: hydration %s → 96361 only', (_l, s, e, codes) => {
    const r = run([
      { id: 'c1', drug: DRUGS.oxaliplatin, start: at(60), end: at(120) },
      { id: 'h1', drug: DRUGS.saline, start: at(s), end: at(e) },
    ]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual([]);
  });

  it('R7.4: modifier 59 on sequential hydration when the payer asks (R11.3)', () => {
    const r = run(
      [
        { id: 'c1', drug: DRUGS.oxaliplatin, start: at(0), end: at(60) },
        { id: 'h1', drug: DRUGS.saline, start: at(60), end: at(120) },
      ],
      { rules: { modifier59OnSequentialHydration: true } },
    );
    expect(r.codes).toEqual(['96361-59x1', '96413x1']);
  });
});

describe('R7.5 concurrent TPD infusion → 96368 once per encounter', () => {
  it.each([
    ['one concurrent', 1, ['96368x1', '96413x1', '96415x1'], []],
    ['two concurrent', 2, ['96368x1', '96413x1', '96415x1'], ['MULTIPLE_CONCURRENT_96368_ONCE']],
  ])('R7.5: %s', (_l, n, codes, w) => {
    const tpd = [DRUGS.leucovorin, DRUGS.zoledronic].slice(0, n);
    const r = run([
      { id: 'c1', drug: DRUGS.oxaliplatin, start: at(0), end: at(120) },
      ...tpd.map((drug, k) => ({ id: `t${k}`, drug, start: at(10), end: at(100) })),
    ]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });
});

describe('R7.6 concurrent chemo with chemo', () => {
  it.each([
    ['review', ['96413x1', '96415x1']],
    ['unlisted-96549', ['96413x1', '96415x1', '96549x1']],
  ] as const)('R7.6: setting %s', (concurrentChemo, codes) => {
    const r = run(
      [
        { id: 'c1', drug: DRUGS.oxaliplatin, start: at(0), end: at(120) },
        { id: 'c2', drug: DRUGS.carboplatin, start: at(10), end: at(100) },
      ],
      { rules: { concurrentChemo } },
    );
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(['CONCURRENT_CHEMO_NO_CPT_CODE']);
  });
});

describe('R7.7 partial overlap', () => {
  // Chemo 0–120; TPD 100 → 120 + own (20 minutes overlap, `own` minutes of its own).
  it.each([
    ['sequential', 0, ['96368x1', '96413x1', '96415x1'], []],
    ['sequential', 15, ['96368x1', '96413x1', '96415x1'], []],
    ['sequential', 16, ['96367x1', '96413x1', '96415x1'], ['PARTIAL_OVERLAP_CODER_REVIEW']],
    [
      'sequential',
      91,
      ['96366x1', '96367x1', '96413x1', '96415x1'],
      ['PARTIAL_OVERLAP_CODER_REVIEW'],
    ],
    ['concurrent', 15, ['96368x1', '96413x1', '96415x1'], []],
    ['concurrent', 16, ['96368x1', '96413x1', '96415x1'], []],
  ] as const)('R7.7: setting %s, %i own minutes', (partialOverlap, own, codes, w) => {
    const r = run(
      [
        { id: 'c1', drug: DRUGS.oxaliplatin, start: at(0), end: at(120) },
        { id: 't1', drug: DRUGS.leucovorin, start: at(100), end: at(120 + own) },
      ],
      { rules: { partialOverlap } },
    );
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });

  it('R7.7: own minutes of 15 → concurrent, 16 → sequential 96367', () => {
    const mk = (own: number) =>
      run([
        { id: 'c1', drug: DRUGS.oxaliplatin, start: at(0), end: at(120) },
        { id: 't1', drug: DRUGS.leucovorin, start: at(100), end: at(120 + own) },
      ]);
    expect(mk(15).codes).toEqual(['96368x1', '96413x1', '96415x1']);
    expect(mk(16).codes).toEqual(['96367x1', '96413x1', '96415x1']);
    expect(mk(16).warnings).toEqual(['PARTIAL_OVERLAP_CODER_REVIEW']);
    const line = mk(16).result.lines.find((l) => l.code === '96367');
    expect(line?.evidence.minutes?.['MedicationAdministration/t1']).toBe(16);
  });
});
