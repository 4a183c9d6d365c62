// R9.8 / R11.2 separate encounter the same day; R12 MUE check (warns, never changes units).
import { describe, expect, it } from 'vitest';
import type { MueEntry } from '../../reference/types.ts';
import { at, DRUGS, fakeReference, run } from '../test-kit/infusion.ts';

describe('R9.8 / R11.2 separate encounter on the same date', () => {
  it.each([
    [false, '59', ['96365x1', '96375x1'], []],
    [true, '59', ['96365-59x1', '96375x1'], ['SEPARATE_ENCOUNTER_SECOND_INITIAL']],
    [true, 'XE', ['96365-XEx1', '96375x1'], ['SEPARATE_ENCOUNTER_SECOND_INITIAL']],
  ] as const)('R11.2: later encounter %s, modifier %s', (later, mod, codes, w) => {
    const r = run(
      [
        { id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true },
        { id: 'i1', drug: DRUGS.zoledronic, start: at(5), end: at(40) },
      ],
      { later, rules: { separateEncounterModifier: mod } },
    );
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });
});

describe('R12 MUE check', () => {
  const mue = (value: number, mai: 1 | 2 | 3 = 3): Record<string, MueEntry> => ({
    '96375': { code: '96375', value, mai },
  });
  const pushes = [
    DRUGS.ondansetron,
    DRUGS.dexamethasone,
    DRUGS.diphenhydramine,
    DRUGS.fosaprepitant,
  ];
  it.each([
    [2, 3, ['MUE_EXCEEDED']],
    [3, 3, []],
    [4, 3, []],
    [2, 2, ['MUE_EXCEEDED']],
  ] as const)('R12: MUE %i (MAI %i) for 3 units of 96375', (value, mai, w) => {
    const r = run(
      pushes.map((drug, k) => ({ id: `p${k}`, drug, start: at(k * 5), push: true })),
      { reference: fakeReference({ mue: mue(value, mai) }) },
    );
    expect(r.codes).toEqual(['96374x1', '96375x3']);
    expect(r.warnings).toEqual(w);
  });

  it('R12: a second initial with its separate-site modifier is its own claim line', () => {
    const r = run(
      [
        { id: 'c1', drug: DRUGS.oxaliplatin, start: at(0), end: at(60), site: 'arm' },
        {
          id: 'c2',
          drug: DRUGS.carboplatin,
          start: at(0),
          end: at(60),
          site: 'port',
          justified: true,
        },
      ],
      { reference: fakeReference({ mue: { '96413': { code: '96413', value: 1, mai: 3 } } }) },
    );
    expect(r.codes).toEqual(['96413-59x1', '96413x1']);
    expect(r.warnings).toEqual([]);
  });

  it('R12: the practitioner table is used in the professional setting', () => {
    const seen: string[] = [];
    const ref = fakeReference();
    ref.mue = (code, table) => {
      seen.push(`${code}:${table}`);
      return undefined;
    };
    run([{ id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true }], {
      setting: 'professional',
      reference: ref,
    });
    expect(seen).toContain('96374:practitioner');
  });
});
