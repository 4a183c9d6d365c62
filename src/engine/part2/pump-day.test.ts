// R23.3 hydration beside a pump (pump time is drug-infusion time for hydration net time) and
// R23.4 pump-only day with its `pumpOnlyDayTpdPolicy` alternatives (table-driven, boundary rows).
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
import { INFUSION_WARNINGS } from '../infusion/warnings.ts';
import { defaultConfig } from '../profiles.ts';
import type { Administration, RuleSettings, ServiceMethod } from '../types.ts';
import { PART2_WARNINGS } from './warnings.ts';

const CODES = new Set([...Object.keys(INFUSION_WARNINGS), ...Object.keys(PART2_WARNINGS)]);

interface Spec extends AdminSpec {
  method?: ServiceMethod;
}

function run(specs: Spec[], rules: Partial<RuleSettings> = {}) {
  const admins: Administration[] = specs.map((s) => {
    const a = adm(s);
    if (s.method) a.serviceMethod = s.method;
    if (s.end === undefined) delete a.end;
    return a;
  });
  const config = defaultConfig('medicare', { rules });
  config.setting = 'professional';
  const reference = { ...fakeReference(), ptp: builtinReference().ptp };
  const results = analyzePatient(emptyPatient(admins), { config, reference });
  const lines = results
    .flatMap((r) =>
      r.lines
        .filter((l) => l.kind === 'administration')
        .map((l) => `${[l.code, ...l.modifiers].join('-')}x${l.units}`),
    )
    .sort();
  const warnings = [
    ...new Set(results.flatMap((r) => r.warnings.map((w) => w.code)).filter((c) => CODES.has(c))),
  ].sort();
  return { lines, warnings, results };
}

const pump = (start: string, end?: string, status?: Administration['status']): Spec => ({
  id: 'pump',
  drug: DRUGS.fluorouracil,
  start,
  ...(end ? { end } : {}),
  ...(status ? { status } : {}),
  method: 'pump-initiation',
});
const saline = (start: string, end: string): Spec => ({
  id: 'h1',
  drug: DRUGS.saline,
  start,
  end,
});
const ondan = (start: string): Spec => ({
  id: 'p1',
  drug: DRUGS.ondansetron,
  start,
  end: start.replace(/:00(-05:00)$/, ':02$1'),
  push: true,
});
const chemoPush = (start: string): Spec => ({
  id: 'c1',
  drug: DRUGS.fluorouracil,
  start,
  push: true,
});

describe('R23.3 hydration beside a pump: the pump interval is drug-infusion time', () => {
  it.each<[string, Spec[], string[], string[]]>([
    [
      'R23.3 hydration 09:00–10:00 ends before the pump starts at 10:00 → 96360 (60 net min)',
      [saline(at('09:00'), at('10:00')), pump(at('10:00'), at('08:00').replace('-02T', '-04T'))],
      ['96360x1', '96416x1'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R23.3 hydration 09:00–10:01 with the pump from 09:30: 30 net min → no hydration line',
      [saline(at('09:00'), at('10:01')), pump(at('09:30'), at('08:00').replace('-02T', '-04T'))],
      ['96416x1'],
      ['HYDRATION_30_MIN_OR_LESS', 'HYDRATION_CONCURRENT_TIME_EXCLUDED'],
    ],
    [
      'R23.3 hydration 09:00–10:01 with the pump from 09:29: 29 net min → no hydration line',
      [saline(at('09:00'), at('10:01')), pump(at('09:29'), at('08:00').replace('-02T', '-04T'))],
      ['96416x1'],
      ['HYDRATION_30_MIN_OR_LESS', 'HYDRATION_CONCURRENT_TIME_EXCLUDED'],
    ],
    [
      'R23.3 hydration 09:00–10:01 with the pump from 09:31: 31 net min → 96360',
      [saline(at('09:00'), at('10:01')), pump(at('09:31'), at('08:00').replace('-02T', '-04T'))],
      ['96360x1', '96416x1'],
      ['HYDRATION_CONCURRENT_TIME_EXCLUDED', 'PTP_MODIFIER_NEEDED'],
    ],
    [
      'R23.3 running pump (in-progress, no end) from 09:00: hydration 10:00–12:00 is all concurrent',
      [pump(at('09:00'), undefined, 'in-progress'), saline(at('10:00'), at('12:00'))],
      ['96416x1'],
      ['HYDRATION_CONCURRENT_TIME_EXCLUDED', 'PUMP_DURATION_UNVERIFIED'],
    ],
    [
      'R23.3 pump too short to bill (480 min) still counts as drug time: hydration inside it is cut',
      [pump(at('09:00'), at('17:00')), saline(at('10:00'), at('12:00'))],
      [],
      ['HYDRATION_CONCURRENT_TIME_EXCLUDED', 'PUMP_DURATION_NOT_OVER_8H'],
    ],
  ])('%s', (_name, specs, lines, warnings) => {
    const r = run(specs);
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });

  it('R23.3 the exclusion names the pump record', () => {
    const r = run([saline(at('09:00'), at('11:00')), pump(at('10:00'))]);
    const w = r.results
      .flatMap((x) => x.warnings)
      .find((x) => x.code === 'HYDRATION_CONCURRENT_TIME_EXCLUDED');
    expect(w?.sources).toContain('MedicationAdministration/pump');
  });
});

const dayPump = pump(at('09:30'), at('07:30').replace('-02T', '-04T'));

describe('R23.4 pump-only day: pumpOnlyDayTpdPolicy', () => {
  it.each<[string, Spec[], Partial<RuleSettings>, string[], string[]]>([
    [
      'R23.4 code_with_ptp_warning (default): premed push 96374, PTP_MODIFIER_NEEDED',
      [ondan(at('09:00')), dayPump],
      {},
      ['96374x1', '96416x1'],
      ['PTP_MODIFIER_NEEDED'],
    ],
    [
      'R23.4 suppress: no premed line, PUMP_DAY_TPD_SUPPRESSED names it',
      [ondan(at('09:00')), dayPump],
      { pumpOnlyDayTpdPolicy: 'suppress' },
      ['96416x1'],
      ['PUMP_DAY_TPD_SUPPRESSED'],
    ],
    [
      'R23.4 suppress: 90 min of hydration before the pump → no 96360/96361',
      [saline(at('08:00'), at('09:30')), dayPump],
      { pumpOnlyDayTpdPolicy: 'suppress' },
      ['96416x1'],
      ['PUMP_DAY_TPD_SUPPRESSED'],
    ],
    [
      'R23.4 addon_96375: premed push reported as 96375, no PTP pair with 96416',
      [ondan(at('09:00')), dayPump],
      { pumpOnlyDayTpdPolicy: 'addon_96375' },
      ['96375x1', '96416x1'],
      [],
    ],
    [
      'R23.4 not a pump-only day (a chemo push 96409 too): suppress changes nothing',
      [ondan(at('09:00')), chemoPush(at('09:10')), dayPump],
      { pumpOnlyDayTpdPolicy: 'suppress' },
      ['96375x1', '96409x1', '96416x1'],
      [],
    ],
    [
      'R23.4 pump too short (no 96416): suppress keeps the premed push',
      [ondan(at('09:00')), pump(at('09:30'), at('17:30'))],
      { pumpOnlyDayTpdPolicy: 'suppress' },
      ['96374x1'],
      ['PUMP_DURATION_NOT_OVER_8H'],
    ],
  ])('%s', (_name, specs, rules, lines, warnings) => {
    const r = run(specs, rules);
    expect(r.lines).toEqual(lines);
    expect(r.warnings).toEqual(warnings);
  });
});
