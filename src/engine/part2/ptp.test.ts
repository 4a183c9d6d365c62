// R25.3 / R25.4 NCCI PTP edits on the lines of one date, across encounters (table-driven).
import { describe, expect, it } from 'vitest';
import { builtinReference } from '../../reference/builtin.ts';
import { defaultConfig } from '../profiles.ts';
import { blankAdministration } from '../test-kit/inputs.ts';
import type { DerivedLine, EngineContext, ReferenceData, RuleSettings } from '../types.ts';
import type { DateEntry } from './date-entry.ts';
import { applyPtp } from './ptp.ts';

interface Spec {
  code: string;
  enc?: string;
  site?: string;
  justified?: boolean;
  modifiers?: string[];
  setting?: 'professional' | 'facility';
  date?: string;
}

function entriesOf(specs: Spec[]): DateEntry[] {
  const byEnc = new Map<string, DateEntry>();
  specs.forEach((s, k) => {
    const enc = s.enc ?? 'e1';
    let e = byEnc.get(enc);
    if (!e) {
      e = {
        encounter: `Encounter/${enc}`,
        setting: s.setting ?? 'facility',
        dateOfService: s.date ?? '2026-11-02',
        administrations: [],
        lines: [],
        warnings: [],
      };
      byEnc.set(enc, e);
    }
    const ref = `MedicationAdministration/a${k}`;
    e.administrations.push(
      blankAdministration({
        ref,
        patient: 'Patient/p',
        encounter: `Encounter/${enc}`,
        ...(s.site ? { site: s.site } : {}),
        separateAccessJustified: s.justified ?? false,
      }),
    );
    const line: DerivedLine = {
      kind: 'administration',
      code: s.code,
      units: 1,
      modifiers: s.modifiers ?? [],
      date: s.date ?? '2026-11-02',
      sources: [ref],
      evidence: { rules: [], reason: '' },
    };
    e.lines.push(line);
  });
  return [...byEnc.values()];
}

function run(specs: Spec[], rules: Partial<RuleSettings> = {}, reference?: ReferenceData) {
  const ctx: EngineContext = {
    config: defaultConfig('medicare', { rules }),
    reference: reference ?? builtinReference(),
  };
  const entries = entriesOf(specs);
  applyPtp(entries, ctx);
  return {
    lines: entries.flatMap((e) => e.lines.map((l) => [l.code, ...l.modifiers].join('-'))),
    warnings: entries.flatMap((e) => e.warnings.map((w) => w.code)),
  };
}

describe('R25.2 pairs read from the shipped hospital table (S60)', () => {
  const ref = builtinReference();
  it.each([
    ['96413', '96372', 1],
    ['96416', '96374', 1],
    ['96416', '96521', 0],
    ['96416', 'G0498', 0],
    ['96413', '96523', 0],
    ['96413', '96409', 1],
    ['96369', '96401', 1],
  ] as const)('R25.2 %s / %s indicator %i', (c1, c2, ind) => {
    expect(ref.ptp?.(c1, c2, 'outpatient-hospital', '2026-11-02')?.indicator).toBe(ind);
    // R25.1: without a practitioner table the hospital pairs answer for the office too.
    expect(ref.ptp?.(c1, c2, 'practitioner', '2026-11-02')?.indicator).toBe(ind);
  });
  it.each([
    ['96413', '96416'],
    ['96416', '96413'],
    ['96413', '96401'],
    ['96401', '96402'],
    ['96413', '96368'],
    ['96413', '96415'],
  ])('R25.2 no pair %s / %s', (c1, c2) => {
    expect(ref.ptp?.(c1, c2, 'outpatient-hospital', '2026-11-02')).toBeUndefined();
  });
});

describe('R25.3 / R25.4 each indicator with and without documented distinctness', () => {
  it.each<[string, Spec[], Partial<RuleSettings>, string[], string[]]>([
    [
      'R25.3 indicator 1, one encounter, same site → PTP_MODIFIER_NEEDED',
      [
        { code: '96416', site: 'port' },
        { code: '96374', site: 'port' },
      ],
      {},
      ['96416', '96374'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R25.4 indicator 1, separate encounter → 59 on column 2',
      [{ code: '96416' }, { code: '96374', enc: 'e2' }],
      {},
      ['96416', '96374-59'],
      [],
    ],
    [
      'R25.4 indicator 1, separate encounter, distinctServiceModifier XE',
      [{ code: '96416' }, { code: '96374', enc: 'e2' }],
      { distinctServiceModifier: 'XE' },
      ['96416', '96374-XE'],
      [],
    ],
    [
      'R25.4 indicator 1, justified separate IV site → 59',
      [
        { code: '96413', site: 'port' },
        { code: '96365', site: 'left-arm', justified: true },
      ],
      {},
      ['96413', '96365-59'],
      [],
    ],
    [
      'R25.4 indicator 1, separate IV site not justified → PTP_MODIFIER_NEEDED',
      [
        { code: '96413', site: 'port' },
        { code: '96365', site: 'left-arm' },
      ],
      {},
      ['96413', '96365'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R25.4 injection column 2, both sites documented and different → 59',
      [
        { code: '96413', site: 'port-right-chest' },
        { code: '96372', site: 'abdomen-left' },
      ],
      {},
      ['96413', '96372-59'],
      [],
    ],
    [
      'R25.4 injection column 2, injection site missing → PTP_MODIFIER_NEEDED',
      [{ code: '96413', site: 'port-right-chest' }, { code: '96372' }],
      {},
      ['96413', '96372'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R25.4 injection column 2, same site text in another case → PTP_MODIFIER_NEEDED',
      [
        { code: '96413', site: 'Abdomen-Left' },
        { code: '96372', site: 'abdomen-left' },
      ],
      {},
      ['96413', '96372'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R25.4 pump refill vs chemo: differing sites are not enough',
      [
        { code: '96413', site: 'port' },
        { code: '96521', site: 'arm' },
      ],
      {},
      ['96413', '96521'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R25.3 step 3 column-2 line already carrying XS → no action',
      [{ code: '96416' }, { code: '96374', modifiers: ['XS'] }],
      {},
      ['96416', '96374-XS'],
      [],
    ],
    [
      'R25.3 step 4 distinct from one column-1 line only → PTP_MODIFIER_NEEDED',
      [{ code: '96416' }, { code: '96360', enc: 'e2' }, { code: '96374', enc: 'e2' }],
      {},
      // 96360 (column 2 to 96416 only) is distinct by encounter; 96374 is column 2 to 96416
      // (other encounter) and to 96360 (same encounter): not distinct from all.
      ['96416', '96360-59', '96374'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R25.3 indicator 0 → PTP_NOT_ALLOWED, line kept (default warn)',
      [{ code: '96416' }, { code: '96521' }],
      {},
      ['96416', '96521'],
      ['PTP_NOT_ALLOWED'],
    ],
    [
      'R25.3 indicator 0 with a separate encounter → still PTP_NOT_ALLOWED, no modifier',
      [{ code: '96416' }, { code: '96521', enc: 'e2' }],
      {},
      ['96416', '96521'],
      ['PTP_NOT_ALLOWED'],
    ],
    [
      'R25.3 indicator 0, ptpIndicator0Action remove_column2 → column-2 line removed',
      [{ code: '96416' }, { code: '96521' }],
      { ptpIndicator0Action: 'remove_column2' },
      ['96416'],
      ['PTP_NOT_ALLOWED'],
    ],
    [
      'R25.2 no pair (96413 + 96416) → nothing',
      [{ code: '96413' }, { code: '96416' }],
      {},
      ['96413', '96416'],
      [],
    ],
    [
      'R25.3 step 5 same code twice is not a PTP question',
      [{ code: '96372' }, { code: '96372', enc: 'e2' }],
      {},
      ['96372', '96372'],
      [],
    ],
    [
      'R27.10 R11.2 put 59 on the later 96413; the table makes 96365 column 2: the modifier moves',
      [{ code: '96365' }, { code: '96413', enc: 'e2', modifiers: ['59'] }],
      {},
      ['96365-59', '96413'],
      [],
    ],
    [
      'R27.10 XE moves the same way when it is the separate-encounter modifier',
      [{ code: '96365' }, { code: '96413', enc: 'e2', modifiers: ['XE'] }],
      { separateEncounterModifier: 'XE', distinctServiceModifier: 'XE' },
      ['96365-XE', '96413'],
      [],
    ],
    [
      'R26.2 different dates never pair',
      [{ code: '96416' }, { code: '96374', enc: 'e2', date: '2026-11-03' }],
      {},
      ['96416', '96374'],
      [],
    ],
  ])('%s', (_name, specs, rules, lines, warnings) => {
    const r = run(specs, rules);
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });
});

describe('R25.1 dates of a PTP pair', () => {
  it('answers only from the effective date until the day before deletion', async () => {
    const { createReference } = await import('../../reference/create-reference.ts');
    const { emptyTables } = await import('../../reference/tables.ts');
    const ref = createReference({
      ...emptyTables(),
      ptp: [
        {
          table: 'practitioner',
          pairs: { '96413': { '96372': [[1, '2026-01-01', '2026-07-01']] } },
        },
      ],
    });
    const at = (dos: string) => ref.ptp?.('96413', '96372', 'practitioner', dos)?.indicator;
    expect([at('2025-12-31'), at('2026-01-01'), at('2026-06-30'), at('2026-07-01')]).toEqual([
      undefined,
      1,
      1,
      undefined,
    ]);
    // A practitioner table is loaded, so the hospital answer does not stand in for it.
    expect(ref.ptp?.('96413', '96372', 'outpatient-hospital', '2026-03-01')).toBeUndefined();
  });
});
