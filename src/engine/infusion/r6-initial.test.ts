// §6: selecting the initial service (R6.1–R6.5).
import { describe, expect, it } from 'vitest';
import { at, DRUGS, run, type AdminSpec } from '../test-kit/infusion.ts';

const pushOnd = (o: Partial<AdminSpec> = {}): AdminSpec => ({
  id: 'p1',
  drug: DRUGS.ondansetron,
  start: at(0),
  push: true,
  ...o,
});
const tpdInf = (o: Partial<AdminSpec> = {}): AdminSpec => ({
  id: 'i1',
  drug: DRUGS.zoledronic,
  start: at(10),
  end: at(40),
  ...o,
});

describe('R6.1 / R6.2 facility hierarchy, whatever the order of administration', () => {
  it.each([
    ['TPD push before TPD infusion', [pushOnd(), tpdInf()], ['96365x1', '96375x1']],
    [
      'hydration before TPD push',
      [{ id: 'h1', drug: DRUGS.saline, start: at(0), end: at(60) }, pushOnd({ start: at(60) })],
      ['96361x1', '96374x1'],
    ],
    [
      'TPD infusion before chemo push',
      [
        tpdInf({ start: at(0), end: at(30) }),
        { id: 'c1', drug: DRUGS.fluorouracil, start: at(30), push: true },
      ],
      ['96367x1', '96409x1'],
    ],
    [
      'chemo push before chemo infusion',
      [
        { id: 'c1', drug: DRUGS.fluorouracil, start: at(0), push: true },
        { id: 'c2', drug: DRUGS.oxaliplatin, start: at(10), end: at(130) },
      ],
      ['96411x1', '96413x1', '96415x1'],
    ],
  ])('R6.2: %s', (_l, specs, codes) => {
    const r = run(specs as AdminSpec[], { setting: 'facility' });
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual([]);
  });
});

describe('R6.3 / R6.4 professional primary reason', () => {
  it.each([
    ['no flag: hierarchy', [pushOnd(), tpdInf()], ['96365x1', '96375x1'], []],
    [
      'flagged TPD push is initial',
      [pushOnd({ primary: true }), tpdInf()],
      ['96367x1', '96374x1'],
      [],
    ],
    [
      'flagged TPD infusion is initial',
      [pushOnd(), tpdInf({ primary: true })],
      ['96365x1', '96375x1'],
      [],
    ],
    [
      'flagged TPD push while chemo present → not usable',
      [
        pushOnd({ primary: true }),
        { id: 'c1', drug: DRUGS.oxaliplatin, start: at(10), end: at(100) },
      ],
      ['96375x1', '96413x1'],
      ['PRIMARY_REASON_NOT_USABLE_AS_INITIAL'],
    ],
    [
      'flagged TPD infusion while only chemo pushes → not usable',
      [tpdInf({ primary: true }), { id: 'c1', drug: DRUGS.fluorouracil, start: at(0), push: true }],
      ['96367x1', '96409x1'],
      ['PRIMARY_REASON_NOT_USABLE_AS_INITIAL'],
    ],
    [
      'flagged hydration with a drug present → not usable',
      [
        { id: 'h1', drug: DRUGS.saline, start: at(0), end: at(60), primary: true },
        pushOnd({ start: at(60) }),
      ],
      ['96361x1', '96374x1'],
      ['PRIMARY_REASON_NOT_USABLE_AS_INITIAL'],
    ],
    [
      'two flags: hierarchy decides',
      [pushOnd({ primary: true }), tpdInf({ primary: true })],
      ['96365x1', '96375x1'],
      [],
    ],
  ])('R6.4: %s', (_l, specs, codes, warnings) => {
    const r = run(specs as AdminSpec[], { setting: 'professional' });
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(warnings);
  });

  it('R6.3: the facility ignores the primary-reason flag', () => {
    const r = run([pushOnd({ primary: true }), tpdInf()], { setting: 'facility' });
    expect(r.codes).toEqual(['96365x1', '96375x1']);
    expect(r.warnings).toEqual([]);
  });
});

describe('R6.5 tie-break: longer time, then earlier start, then id', () => {
  it.each([
    ['longer second infusion is initial', 30, 95, 'MedicationAdministration/b'],
    ['equal length: earlier start', 40, 40, 'MedicationAdministration/a'],
    ['longer first infusion is initial', 95, 30, 'MedicationAdministration/a'],
  ])('R6.5: %s', (_l, first, second, initialRef) => {
    const r = run([
      { id: 'a', drug: DRUGS.gemcitabine, start: at(0), end: at(first) },
      { id: 'b', drug: DRUGS.carboplatin, start: at(first), end: at(first + second) },
    ]);
    const initial = r.result.lines.find((l) => l.code === '96413');
    expect(initial?.sources).toEqual([initialRef]);
    expect(r.codes.filter((c) => !c.startsWith('96415'))).toEqual(['96413x1', '96417x1']);
  });
});

describe('§14 96417 after a chemo push (allow96417AfterChemoPush)', () => {
  it.each([
    [false, ['96411x1', '96413x1', '96415x1']],
    [true, ['96409x1', '96415x1', '96417x1']],
  ])('§14: setting %s', (allow96417AfterChemoPush, codes) => {
    const r = run(
      [
        { id: 'c1', drug: DRUGS.fluorouracil, start: at(0), push: true },
        { id: 'c2', drug: DRUGS.oxaliplatin, start: at(10), end: at(130) },
      ],
      { rules: { allow96417AfterChemoPush } },
    );
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual([]);
  });
});
