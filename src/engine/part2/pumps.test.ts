// R23 pumps, R24 port flush, R26.1 dates, R27.1/R27.2/R27.6/R27.9 (table-driven, boundary rows).
import { describe, expect, it } from 'vitest';
import { builtinReference } from '../../reference/builtin.ts';
import { analyzePatient } from '../analyze.ts';
import {
  adm,
  at,
  DRUGS,
  emptyPatient,
  fakeReference,
  type AdminSpec,
} from '../test-kit/infusion.ts';
import { defaultConfig } from '../profiles.ts';
import { INFUSION_WARNINGS } from '../infusion/warnings.ts';
import type { Administration, RuleSettings, ServiceMethod, Setting } from '../types.ts';
import { PART2_WARNINGS } from './warnings.ts';

/** Administration-code warnings only (coverage and drug-unit checks are other stages). */
const CODES = new Set([...Object.keys(INFUSION_WARNINGS), ...Object.keys(PART2_WARNINGS)]);

interface Spec extends AdminSpec {
  method?: ServiceMethod;
  implanted?: boolean;
}

function run(
  specs: Spec[],
  o: { setting?: Setting; rules?: Partial<RuleSettings>; profile?: 'medicare' | 'commercial' } = {},
) {
  const admins: Administration[] = specs.map((s) => {
    const a = adm(s);
    if (s.method) a.serviceMethod = s.method;
    if (s.implanted) a.pumpImplanted = true;
    if (s.end === undefined) delete a.end;
    return a;
  });
  const config = defaultConfig(o.profile ?? 'medicare', o.rules ? { rules: o.rules } : {});
  config.setting = o.setting ?? 'facility';
  const reference = { ...fakeReference(), ptp: builtinReference().ptp };
  const results = analyzePatient(emptyPatient(admins), { config, reference });
  const lines = results
    .flatMap((r) =>
      r.lines
        .filter((l) => l.kind === 'administration')
        .map((l) => `${[l.code, ...l.modifiers].join('-')}x${l.units}@${l.date.slice(5)}`),
    )
    .sort();
  const warnings = [
    ...new Set(results.flatMap((r) => r.warnings.map((w) => w.code)).filter((c) => CODES.has(c))),
  ].sort();
  return { lines, warnings };
}

const pump = (start: string, end: string | undefined, extra: Partial<Spec> = {}): Spec => ({
  id: 'pump',
  drug: DRUGS.fluorouracil,
  start,
  ...(end ? { end } : {}),
  method: 'pump-initiation',
  ...extra,
});

/** End instant `min` minutes after 10:00 on 2026-03-02 (-05:00). */
function after(min: number): string {
  return new Date(Date.parse(at('10:00')) + min * 60_000).toISOString().replace('.000Z', 'Z');
}

describe('R23.1 pump initiation: more than 8 hours (480 vs 481 minutes)', () => {
  it.each<[string, Spec[], Partial<RuleSettings>, string[], string[]]>([
    [
      'R23.1 480 min → no line',
      [pump(at('10:00'), after(480))],
      {},
      [],
      ['PUMP_DURATION_NOT_OVER_8H'],
    ],
    ['R23.1 481 min → 96416', [pump(at('10:00'), after(481))], {}, ['96416x1@03-02'], []],
    [
      'R23.1 479 min → no line',
      [pump(at('10:00'), after(479))],
      {},
      [],
      ['PUMP_DURATION_NOT_OVER_8H'],
    ],
    [
      'R23.1 46 hours, crossing two midnights → 96416 on the start date, no CROSSES_MIDNIGHT (R23.3, R27.6)',
      [pump(at('10:00'), after(46 * 60))],
      {},
      ['96416x1@03-02'],
      [],
    ],
    [
      'R23.1/R27.1 in-progress pump, no end → 96416 + PUMP_DURATION_UNVERIFIED, no MISSING_STOP_TIME (R27.2)',
      [pump(at('10:00'), undefined, { status: 'in-progress' })],
      {},
      ['96416x1@03-02'],
      ['PUMP_DURATION_UNVERIFIED'],
    ],
    [
      'R23.5 G0498 by setting (Medicare)',
      [pump(at('10:00'), after(2760))],
      { pumpInitiationCode: 'G0498_when_provider_pump' },
      ['G0498x1@03-02'],
      [],
    ],
    [
      'R1.1 not-done pump → nothing',
      [pump(at('10:00'), after(2760), { status: 'not-done' })],
      {},
      [],
      [],
    ],
  ])('%s', (_name, specs, rules, lines, warnings) => {
    const r = run(specs, { rules });
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });

  it('R23.5 G0498 option applies to Medicare only: commercial keeps 96416', () => {
    const r = run([pump(at('10:00'), after(2760))], {
      rules: { pumpInitiationCode: 'G0498_when_provider_pump' },
      profile: 'commercial',
    });
    expect(r.lines).toEqual(['96416x1@03-02']);
  });
});

describe('R23.2 / R23.4 the pump beside the IV lines of the day', () => {
  it.each<[string, Spec[], string[], string[]]>([
    [
      'R23.2 FOLFOX day 1: oxaliplatin + leucovorin + 5-FU push + pump → no modifier on 96416',
      [
        { id: 'ox', drug: DRUGS.oxaliplatin, start: at('09:00'), end: at('11:00') },
        { id: 'lv', drug: DRUGS.leucovorin, start: at('09:00'), end: at('11:00') },
        { id: 'bolus', drug: DRUGS.fluorouracil, start: at('11:05'), push: true },
        pump(at('11:15'), '2026-03-04T09:15:00-05:00'),
      ],
      ['96368x1@03-02', '96411x1@03-02', '96413x1@03-02', '96415x1@03-02', '96416x1@03-02'],
      [],
    ],
    [
      'R23.4 pump-only day with an ondansetron push → 96374 + PTP_MODIFIER_NEEDED (default)',
      [
        { id: 'p1', drug: DRUGS.ondansetron, start: at('09:30'), push: true },
        pump(at('10:00'), after(2760)),
      ],
      ['96374x1@03-02', '96416x1@03-02'],
      ['PTP_MODIFIER_NEEDED'],
    ],
  ])('%s', (_name, specs, lines, warnings) => {
    const r = run(specs);
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });
});

describe('R23.8 non-chemotherapy pump', () => {
  const abx: Spec = pump(at('10:00'), after(24 * 60), { drug: DRUGS.zoledronic });
  it.each<[Setting, Partial<RuleSettings>, string[], string[]]>([
    ['facility', {}, ['C8957x1@03-02'], []],
    ['professional', {}, ['96365x1@03-02'], ['NONCHEMO_PUMP_REVIEW']],
    [
      'professional',
      { nonChemoPumpCode: { facility: 'C8957', professional: 'none' } },
      [],
      ['NONCHEMO_PUMP_REVIEW'],
    ],
  ])('R23.8 %s %j', (setting, rules, lines, warnings) => {
    const r = run([abx], { setting, rules });
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });
});

describe('R23.6 / R23.7 refill and disconnect', () => {
  const refill = (start: string, extra: Partial<Spec> = {}): Spec => ({
    id: 'refill',
    drug: DRUGS.fluorouracil,
    start,
    method: 'pump-refill',
    ...extra,
  });
  it.each<[string, Spec[], string[], string[]]>([
    ['R23.6 portable pump refill alone → 96521', [refill(at('10:00'))], ['96521x1@03-02'], []],
    [
      'R23.6/R27.11 implanted pump refill → 96522',
      [refill(at('10:00'), { implanted: true })],
      ['96522x1@03-02'],
      [],
    ],
    [
      'R23.6 two refills the same date → one unit',
      [refill(at('10:00')), refill(at('15:00'), { id: 'refill2' })],
      ['96521x1@03-02'],
      [],
    ],
    [
      'R23.6 refill on the initiation date → PUMP_REFILL_INCLUDED_IN_INITIATION',
      [pump(at('10:00'), after(2760)), refill(at('16:00'))],
      ['96416x1@03-02'],
      ['PUMP_REFILL_INCLUDED_IN_INITIATION'],
    ],
    [
      'R23.6 refill with a chemo infusion, same encounter → PTP_MODIFIER_NEEDED',
      [
        { id: 'ox', drug: DRUGS.oxaliplatin, start: at('09:00'), end: at('11:00') },
        refill(at('11:30')),
      ],
      ['96413x1@03-02', '96415x1@03-02', '96521x1@03-02'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R23.6 refill with a chemo infusion, separate encounter → 59 on 96521',
      [
        { id: 'ox', drug: DRUGS.oxaliplatin, start: at('09:00'), end: at('11:00') },
        refill(at('15:30'), { encounter: 'Encounter/e2' }),
      ],
      ['96413x1@03-02', '96415x1@03-02', '96521-59x1@03-02'],
      [],
    ],
    [
      'R23.7 disconnect on day 3 → no line',
      [
        {
          id: 'dc',
          drug: DRUGS.fluorouracil,
          start: at('10:00', '2026-03-04'),
          method: 'pump-disconnect',
        },
      ],
      [],
      ['PUMP_DISCONNECT_NOT_BILLABLE'],
    ],
  ])('%s', (_name, specs, lines, warnings) => {
    const r = run(specs);
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });
});

describe('R24 port flush only when nothing else is billed that date', () => {
  const flush = (start: string, extra: Partial<Spec> = {}): Spec => ({
    id: 'flush',
    drug: DRUGS.heparinFlush,
    start,
    method: 'port-flush',
    ...extra,
  });
  const disconnect: Spec = {
    id: 'dc',
    drug: DRUGS.fluorouracil,
    start: at('09:50'),
    method: 'pump-disconnect',
  };
  it.each<[string, Spec[], Partial<RuleSettings>, string[], string[]]>([
    [
      'R24.1 flush alone → 96523, no FLUSH_KVO_NOT_BILLABLE (R27.9)',
      [flush(at('10:00'))],
      {},
      ['96523x1@03-02'],
      [],
    ],
    [
      'R24.4 flush alone, portFlushAloneCode E/M → no 96523',
      [flush(at('10:00'))],
      { portFlushAloneCode: 'E/M' },
      [],
      ['PORT_FLUSH_NOT_SEPARATE'],
    ],
    [
      'R24.1 flush with a chemo infusion → PORT_FLUSH_NOT_SEPARATE',
      [
        flush(at('08:50')),
        { id: 'ox', drug: DRUGS.oxaliplatin, start: at('09:00'), end: at('11:00') },
      ],
      {},
      ['96413x1@03-02', '96415x1@03-02'],
      ['PORT_FLUSH_NOT_SEPARATE'],
    ],
    [
      'R24.2 morning push, afternoon flush in another encounter → no 96523',
      [
        { id: 'p1', drug: DRUGS.ondansetron, start: at('09:00'), push: true },
        flush(at('15:00'), { encounter: 'Encounter/e2' }),
      ],
      {},
      ['96374x1@03-02'],
      ['PORT_FLUSH_NOT_SEPARATE'],
    ],
    [
      'R24.2 flush on another date than the push → 96523',
      [
        flush(at('08:50', '2026-03-03')),
        {
          id: 'p1',
          drug: DRUGS.ondansetron,
          start: at('15:00'),
          push: true,
          encounter: 'Encounter/e2',
        },
      ],
      {},
      ['96374x1@03-02', '96523x1@03-03'],
      [],
    ],
    [
      'R23.7 flush at the pump disconnect → PORT_FLUSH_NOT_SEPARATE',
      [disconnect, flush(at('10:00'))],
      {},
      [],
      ['PORT_FLUSH_NOT_SEPARATE', 'PUMP_DISCONNECT_NOT_BILLABLE'],
    ],
    [
      'R23.7 flush at the pump disconnect, billPortFlushAtPumpDisconnect → 96523',
      [disconnect, flush(at('10:00'))],
      { billPortFlushAtPumpDisconnect: true },
      ['96523x1@03-02'],
      ['PUMP_DISCONNECT_NOT_BILLABLE'],
    ],
    [
      'R24.1 two flushes the same date, nothing else → 96523 ×1',
      [flush(at('08:00')), flush(at('16:00'), { id: 'flush2', encounter: 'Encounter/e2' })],
      {},
      ['96523x1@03-02'],
      ['PORT_FLUSH_NOT_SEPARATE'],
    ],
  ])('%s', (_name, specs, rules, lines, warnings) => {
    const r = run(specs, { rules });
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });
});
