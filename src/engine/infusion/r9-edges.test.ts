// §9 edge cases: R9.2–R9.12 (segments, sites, stop times, midnight, DST, stopped, long push, pumps).
import { describe, expect, it } from 'vitest';
import { at, DRUGS, run, type AdminSpec } from '../test-kit/infusion.ts';

describe('R9.2 interrupted infusion (partOf): running segments summed', () => {
  it.each([
    // [first segment, pause, second segment] → codes
    [80, 20, 165, ['96413x1', '96415x3']],
    [45, 30, 45, ['96413x1']],
    [45, 30, 46, ['96413x1', '96415x1']],
    [8, 10, 8, ['96413x1']],
    [7, 10, 8, ['96409x1']],
  ])('R9.2: %i + (pause %i) + %i minutes', (a, pause, b, codes) => {
    const r = run([
      { id: 's1', drug: DRUGS.rituximab, start: at(0), end: at(a) },
      {
        id: 's2',
        drug: DRUGS.rituximab,
        start: at(a + pause),
        end: at(a + pause + b),
        partOf: 's1',
      },
    ]);
    expect(r.codes).toEqual(codes);
    const expected = ['SEGMENTS_COMBINED'];
    if (a + b <= 15) expected.unshift('INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH');
    expect(r.warnings).toEqual(expected);
  });

  it('R9.2: evidence counts minutes per segment and cites both sources', () => {
    const r = run([
      { id: 's1', drug: DRUGS.rituximab, start: at(0), end: at(80) },
      { id: 's2', drug: DRUGS.rituximab, start: at(100), end: at(265), partOf: 's1' },
    ]);
    const base = r.result.lines.find((l) => l.code === '96413');
    expect(base?.sources).toEqual(['MedicationAdministration/s1', 'MedicationAdministration/s2']);
    expect(base?.evidence.minutes).toEqual({
      'MedicationAdministration/s1': 80,
      'MedicationAdministration/s2': 165,
    });
    expect(base?.evidence.rules).toContain('R9.2');
  });
});

describe('R9.3 same drug in a separate bag later in the encounter', () => {
  const specs: AdminSpec[] = [
    { id: 'z1', drug: DRUGS.zoledronic, start: at(0), end: at(50) },
    { id: 'p1', drug: DRUGS.ondansetron, start: at(60), push: true },
    { id: 'z2', drug: DRUGS.zoledronic, start: at(120), end: at(170) },
  ];
  it.each([
    ['sum', ['96365x1', '96366x1', '96375x1'], ['SEGMENTS_COMBINED']],
    ['separate', ['96365x1', '96366x1', '96375x1'], []],
  ] as const)('R9.3: setting %s', (sameDrugSegments, codes, w) => {
    const r = run(specs, { rules: { sameDrugSegments } });
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });

  it.each([
    ['sum', 40, ['96365x1', '96366x1'], ['SEGMENTS_COMBINED']],
    ['separate', 40, ['96365x1', '96366x1'], []],
    ['sum', 20, ['96365x1'], ['SEGMENTS_COMBINED']],
    ['separate', 20, ['96365x1', '96366x1'], []],
  ] as const)('R9.3: %s, two bags of %i minutes', (sameDrugSegments, min, codes, w) => {
    const r = run(
      [
        { id: 'z1', drug: DRUGS.zoledronic, start: at(0), end: at(min + 20) },
        { id: 'z2', drug: DRUGS.zoledronic, start: at(200), end: at(200 + min + 10) },
      ],
      { rules: { sameDrugSegments } },
    );
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });
});

describe('R9.4 / R11.1 multiple IV sites', () => {
  const two = (justified: boolean): AdminSpec[] => [
    { id: 'c1', drug: DRUGS.oxaliplatin, start: at(0), end: at(60), site: 'left-arm' },
    { id: 't1', drug: DRUGS.zoledronic, start: at(0), end: at(30), site: 'right-arm', justified },
  ];
  it.each([
    [false, '59', ['96368x1', '96413x1'], ['SECOND_IV_SITE_NOT_JUSTIFIED']],
    [true, '59', ['96365-59x1', '96413x1'], []],
    [true, 'XS', ['96365-XSx1', '96413x1'], []],
    [true, 'XU', ['96365-XUx1', '96413x1'], []],
  ] as const)('R9.4: justified %s, modifier %s', (justified, separateSiteModifier, codes, w) => {
    const r = run(two(justified), { rules: { separateSiteModifier } });
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });

  it('R11.1: add-on lines of the second site carry no modifier', () => {
    const r = run([
      { id: 'c1', drug: DRUGS.oxaliplatin, start: at(0), end: at(60), site: 'left-arm' },
      {
        id: 't1',
        drug: DRUGS.zoledronic,
        start: at(0),
        end: at(100),
        site: 'port',
        justified: true,
      },
      {
        id: 'p1',
        drug: DRUGS.ondansetron,
        start: at(110),
        push: true,
        site: 'port',
        justified: true,
      },
    ]);
    expect(r.codes).toEqual(['96365-59x1', '96366x1', '96375x1', '96413x1']);
  });
});

describe('R9.5 missing stop time', () => {
  it.each([
    ['push', DRUGS.oxaliplatin, ['96409x1'], ['MISSING_STOP_TIME']],
    ['hold', DRUGS.oxaliplatin, [], ['MISSING_STOP_TIME']],
    ['push', DRUGS.zoledronic, ['96374x1'], ['MISSING_STOP_TIME']],
    ['push', DRUGS.saline, [], ['HYDRATION_NO_STOP_TIME']],
    ['hold', DRUGS.saline, [], ['HYDRATION_NO_STOP_TIME']],
  ] as const)('R9.5: setting %s', (missingStopTime, drug, codes, w) => {
    const r = run([{ id: 'a1', drug, start: at(0) }], { rules: { missingStopTime } });
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });
});

describe('R9.7 crossing midnight', () => {
  const late = (end: string): AdminSpec[] => [
    {
      id: 'h1',
      drug: DRUGS.saline,
      start: '2026-03-02T23:00:00-05:00',
      end,
    },
  ];
  it.each([
    ['start', '2026-03-03T02:00:00-05:00', ['96360x1@2026-03-02', '96361x2@2026-03-02'], true],
    ['split', '2026-03-03T02:00:00-05:00', ['96360x1@2026-03-02', '96361x2@2026-03-03'], true],
    ['start', '2026-03-03T00:00:00-05:00', ['96360x1@2026-03-02'], false],
    ['start', '2026-03-03T00:01:00-05:00', ['96360x1@2026-03-02'], true],
  ] as const)('R9.7: line date %s, end %s', (midnightLineDate, end, codes, crosses) => {
    const r = run(late(end), { rules: { midnightLineDate } });
    const dated = r.result.lines
      .filter((l) => l.units > 0)
      .map((l) => `${l.code}x${l.units}@${l.date}`)
      .sort();
    expect(dated).toEqual(codes);
    expect(r.warnings).toEqual(crosses ? ['CROSSES_MIDNIGHT'] : []);
  });

  it('R9.7: a separate push after midnight keeps its own date', () => {
    const r = run([
      { id: 'p1', drug: DRUGS.ondansetron, start: '2026-03-02T22:00:00-05:00', push: true },
      { id: 'p2', drug: DRUGS.ondansetron, start: '2026-03-03T02:00:00-05:00', push: true },
    ]);
    const dated = r.result.lines.map((l) => `${l.code}@${l.date}`).sort();
    expect(dated).toEqual(['96374@2026-03-02', '96376@2026-03-03']);
    expect(r.warnings).toEqual([]);
  });
});

describe('R9.9 daylight-saving changes and UTC offsets (absolute instants)', () => {
  it.each([
    // America/New_York 2026-03-08: 01:00-05:00 → 03:30-04:00 is 90 minutes, not 150.
    ['DST spring forward', '2026-03-08T01:00:00-05:00', '2026-03-08T03:30:00-04:00', ['96413x1']],
    [
      'DST spring forward 91 min',
      '2026-03-08T01:00:00-05:00',
      '2026-03-08T03:31:00-04:00',
      ['96413x1', '96415x1'],
    ],
    // 2026-11-01 fall back: 01:30-04:00 → 01:30-05:00 is 60 minutes, not 0.
    ['DST fall back', '2026-11-01T01:30:00-04:00', '2026-11-01T01:30:00-05:00', ['96413x1']],
    ['+14:00', '2026-03-02T10:00:00+14:00', '2026-03-02T11:31:00+14:00', ['96413x1', '96415x1']],
    ['-12:00', '2026-03-02T10:00:00-12:00', '2026-03-02T11:30:00-12:00', ['96413x1']],
  ])('R9.9: %s', (_l, start, end, codes) => {
    const r = run([{ id: 'a1', drug: DRUGS.oxaliplatin, start, end }]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual([]);
  });

  it.each([
    ['+14:00', '2026-03-02T23:30:00+14:00', '2026-03-02'],
    ['-12:00', '2026-03-02T23:30:00-12:00', '2026-03-02'],
    ['+14:00 early', '2026-03-03T00:30:00+14:00', '2026-03-03'],
  ])('R9.9: line date uses the local date of the start (%s)', (_l, start, date) => {
    const r = run([{ id: 'a1', drug: DRUGS.ondansetron, start, push: true }]);
    expect(r.result.lines[0]?.date).toBe(date);
  });
});

describe('R9.10 / R11.4 infusion stopped early', () => {
  it.each([
    [
      'time-given',
      10,
      ['96409x1'],
      ['INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH', 'STOPPED_EARLY_REVIEW'],
    ],
    ['time-given', 40, ['96413x1'], ['STOPPED_EARLY_REVIEW']],
    ['modifier-53', 10, ['96413-53x1'], ['STOPPED_EARLY_REVIEW']],
  ] as const)('R9.10: setting %s, %i minutes given', (stoppedEarly, min, codes, w) => {
    const r = run(
      [{ id: 'a1', drug: DRUGS.rituximab, start: at(0), end: at(min), status: 'stopped' }],
      { rules: { stoppedEarly } },
    );
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });
});

describe('R9.11 documented push that ran 16+ minutes', () => {
  it.each([
    ['trust-route', 16, ['96374x1']],
    ['by-time', 15, ['96374x1']],
    ['by-time', 16, ['96365x1']],
  ] as const)('R9.11: setting %s, %i minutes', (longPush, min, codes) => {
    const r = run([{ id: 'a1', drug: DRUGS.zoledronic, start: at(0), end: at(min), push: true }], {
      rules: { longPush },
    });
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual([]);
  });
});

describe('R9.12 prolonged (pump) infusions go to coder review', () => {
  it.each([
    [480, ['96411x1', '96413x1', '96415x7'], []],
    [481, ['96409x1'], ['PROLONGED_PUMP_INFUSION_REVIEW']],
  ])('R9.12: %i minutes', (min, codes, w) => {
    const end = new Date(Date.parse(at(5)) + min * 60_000).toISOString();
    const r = run([
      { id: 'p1', drug: DRUGS.fluorouracil, start: at(0), push: true },
      { id: 'pump', drug: DRUGS.oxaliplatin, start: at(5), end },
    ]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });
});

describe('R9.4 / R11.1 the lower-ranked initial takes the modifier, whichever site it is', () => {
  it.each([
    ['chemo at the justified site', 'port', 'arm', ['96374-59x1', '96413x1']],
    ['chemo at the main site', 'arm', 'port', ['96374-59x1', '96413x1']],
  ])('R11.1: %s', (_l, chemoSite, pushSite, codes) => {
    const r = run([
      {
        id: 'p1',
        drug: DRUGS.ondansetron,
        start: at(0),
        push: true,
        site: pushSite,
        justified: pushSite === 'port',
      },
      {
        id: 'c1',
        drug: DRUGS.oxaliplatin,
        start: at(10),
        end: at(70),
        site: chemoSite,
        justified: chemoSite === 'port',
      },
    ]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual([]);
  });
});

describe('R9.3 drug identity: unclassified (NOC) codes do not make two drugs the same', () => {
  it.each([
    ['two named investigational agents', 'ABC-7', 'XYZ-2', ['96413x1', '96417x1'], []],
    ['the same agent twice', 'ABC-7', 'ABC-7', ['96413x1'], ['SEGMENTS_COMBINED']],
  ])('R9.3: %s', (_l, a, b, codes, w) => {
    const r = run([
      { id: 'a', drug: { ...DRUGS.investigational, display: a }, start: at(0), end: at(30) },
      { id: 'b', drug: { ...DRUGS.investigational, display: b }, start: at(30), end: at(60) },
    ]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(w);
  });
});
