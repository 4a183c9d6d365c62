import { describe, expect, it } from 'vitest';
import type { EncounterReport, ReportLine, Warning } from '../types.ts';
import { isIvAdministrationCode, periodOf, PracticeFiguresBuilder, ratio } from './figures.ts';

const MA = (id: string): string => `MedicationAdministration/${id}`;

function enc(
  date: string,
  lines: Partial<ReportLine>[],
  warnings: Partial<Warning>[] = [],
): EncounterReport {
  return {
    patient: 'Patient/p',
    encounter: `Encounter/${date}`,
    dateOfService: date,
    setting: 'professional',
    lines: lines.map((l) => ({ code: '96413', units: 1, modifiers: [], date, sources: [], ...l })),
    warnings: warnings.map((w) => ({
      code: 'UNKNOWN_DRUG_CATEGORY',
      severity: 'warning',
      message: '',
      sources: [],
      ...w,
    })),
  };
}

describe('periodOf', () => {
  it.each([
    ['2026-03-02', 'day', '2026-03-02'],
    ['2026-03-02', 'week', '2026-03-02'], // a Monday
    ['2026-03-08', 'week', '2026-03-02'], // the Sunday after
    ['2026-03-09', 'week', '2026-03-09'],
    ['2026-01-01', 'week', '2025-12-29'], // week across the new year
    ['2026-03-31', 'month', '2026-03-01'],
  ] as const)('%s by %s → %s', (date, g, want) => {
    expect(periodOf(date, g)).toBe(want);
  });
});

describe('isIvAdministrationCode (IV codes that need a stop time, infusion-rules R1–R9)', () => {
  it.each([
    ['96359', false],
    ['96360', true],
    ['96379', false],
    ['96376', true],
    ['96368', true],
    ['96380', false],
    ['96408', false],
    ['96409', true],
    ['96417', true],
    ['96418', false],
    ['96372', false],
    ['96369', false],
    ['96373', false],
    ['96416', false],
    ['96401', false],
    ['J9271', false],
  ])('%s → %s', (code, want) => expect(isIvAdministrationCode(code)).toBe(want));
});

describe('practice figures', () => {
  it('stop-time completeness counts IV administrations and the ones missing a stop time', () => {
    const b = new PracticeFiguresBuilder('day');
    b.add(
      enc(
        '2026-03-02',
        [
          { code: '96413', sources: [MA('a1')] },
          { code: '96375', sources: [MA('a2'), MA('a3')] },
          { code: 'J9271', sources: [MA('a1')] },
        ],
        [{ code: 'MISSING_STOP_TIME', sources: [MA('a3')] }],
      ),
    );
    b.add(enc('2026-03-02', [], [{ code: 'NOT_COMPLETED_EXCLUDED', sources: [MA('b1')] }]));
    const t = b.result().totals;
    expect(t.timedAdministrations).toBe(4);
    expect(t.missingStop).toBe(2);
  });

  it('waste documented and JW/JZ compliance read the waste warnings on the line’s administrations', () => {
    const b = new PracticeFiguresBuilder();
    b.add(
      enc(
        '2026-03-02',
        [
          { code: 'J9271', modifiers: [], sources: [MA('a1')], amount: 100 },
          { code: 'J9271', modifiers: ['JW'], sources: [MA('a1')], amount: 10.1 },
          { code: 'J9035', modifiers: ['JW'], sources: [MA('a2')], amount: 20.2 },
          { code: 'J9045', modifiers: ['JZ'], sources: [MA('a3')], amount: 30 },
          { code: 'J9264', modifiers: ['JZ'], sources: [MA('a4')], amount: 40 },
        ],
        [
          { code: 'WASTE_NOT_DOCUMENTED', sources: [MA('a2')] },
          { code: 'JZ_WITH_WASTE', severity: 'error', sources: [MA('a4')] },
        ],
      ),
    );
    const t = b.result().totals;
    expect([t.wasteLines, t.wasteDocumented]).toEqual([2, 1]);
    expect([t.jwJzLines, t.jwJzCompliant]).toEqual([4, 2]);
    expect(t.amountRecovered).toBe(30.3); // exact in cents: 10.10 + 20.20
    expect(t.amountTotal).toBe(200.3);
    expect(t.amountAtRisk).toBe(60.2); // a2's line and a4's line
    expect([t.encounters, t.cleanEncounters]).toEqual([1, 0]);
  });

  it('an info warning puts no money at risk and keeps the claim clean', () => {
    const b = new PracticeFiguresBuilder();
    b.add(
      enc(
        '2026-03-02',
        [{ code: 'J9271', sources: [MA('a1')], amount: 5 }],
        [{ code: 'DOSE_ROUNDED_WITHIN_POLICY', severity: 'info', sources: [MA('a1')] }],
      ),
    );
    const t = b.result().totals;
    expect([t.amountAtRisk, t.cleanEncounters]).toEqual([0, 1]);
  });

  it('trial visits: a Q0/Q1 modifier or a TRIAL_ warning', () => {
    const b = new PracticeFiguresBuilder();
    b.add(enc('2026-03-02', [{ code: '96413', modifiers: ['Q1'] }]));
    b.add(enc('2026-03-03', [], [{ code: 'TRIAL_NCT_MISSING' }]));
    b.add(enc('2026-03-04', [{ code: '96413' }]));
    expect(b.result().totals.trialVisits).toBe(2);
  });

  it('periods in date order, totals over all, top warnings by encounters carrying them', () => {
    const b = new PracticeFiguresBuilder('week');
    b.add(
      enc(
        '2026-03-10',
        [],
        [{ code: 'AUTH_MISSING' }, { code: 'AUTH_MISSING' }, { code: 'MUE_EXCEEDED' }],
      ),
    );
    b.add(enc('2026-03-02', [], [{ code: 'MUE_EXCEEDED' }]));
    b.add(
      enc(
        '2026-03-03',
        [],
        [{ code: 'MUE_EXCEEDED' }, { code: 'PTP_NOT_ALLOWED', severity: 'error' }],
      ),
    );
    const r = b.result(2);
    expect(r.periods.map((p) => [p.period, p.encounters])).toEqual([
      ['2026-03-02', 2],
      ['2026-03-09', 1],
    ]);
    expect([r.from, r.to]).toEqual(['2026-03-02', '2026-03-10']);
    expect(r.topWarnings).toEqual([
      { code: 'MUE_EXCEEDED', severity: 'warning', count: 3 },
      { code: 'AUTH_MISSING', severity: 'warning', count: 1 },
    ]);
    expect(r.totals.cleanEncounters).toBe(2);
  });

  it('no encounters: no periods, no dates', () => {
    const r = new PracticeFiguresBuilder().result();
    expect([r.periods, r.from, r.to, r.totals.encounters]).toEqual([[], null, null, 0]);
  });
});

describe('ratio', () => {
  it.each([
    [0, 0, null],
    [0, 1, 0],
    [1, 1, 1],
    [1, 4, 0.25],
  ])('%d of %d → %s', (a, b, want) => expect(ratio(a, b)).toBe(want));
});
