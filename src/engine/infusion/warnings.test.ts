// §13 warning catalogue: every code has plain words and a severity, and a scenario raises it.
import { describe, expect, it } from 'vitest';
import type { MueEntry } from '../../reference/types.ts';
import {
  at,
  DRUGS,
  fakeReference,
  run,
  type AdminSpec,
  type RunOptions,
} from '../test-kit/infusion.ts';
import { INFUSION_WARNINGS, type InfusionWarningCode } from './warnings.ts';

const mue: Record<string, MueEntry> = { '96375': { code: '96375', value: 1, mai: 3 } };

const SCENARIOS: [InfusionWarningCode, AdminSpec[], RunOptions][] = [
  [
    'INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH',
    [{ id: 'a', drug: DRUGS.zoledronic, start: at(0), end: at(15) }],
    {},
  ],
  ['MISSING_STOP_TIME', [{ id: 'a', drug: DRUGS.zoledronic, start: at(0) }], {}],
  ['HYDRATION_NO_STOP_TIME', [{ id: 'h', drug: DRUGS.saline, start: at(0) }], {}],
  ['HYDRATION_30_MIN_OR_LESS', [{ id: 'h', drug: DRUGS.saline, start: at(0), end: at(30) }], {}],
  [
    'HYDRATION_CONCURRENT_TIME_EXCLUDED',
    [
      { id: 'h', drug: DRUGS.saline, start: at(0), end: at(100) },
      { id: 'a', drug: DRUGS.zoledronic, start: at(0), end: at(30) },
    ],
    {},
  ],
  [
    'HYDRATION_SEGMENTS_COMBINED',
    [
      { id: 'h', drug: DRUGS.saline, start: at(0), end: at(100) },
      { id: 'a', drug: DRUGS.zoledronic, start: at(30), end: at(60) },
    ],
    {},
  ],
  [
    'FLUSH_KVO_NOT_BILLABLE',
    [{ id: 'f', drug: DRUGS.saline, start: at(0), end: at(5), flush: true }],
    {},
  ],
  [
    'SAME_DRUG_REPEAT_PUSH_NOT_REPORTABLE_PROFESSIONAL',
    [
      { id: 'a', drug: DRUGS.ondansetron, start: at(0), push: true },
      { id: 'b', drug: DRUGS.ondansetron, start: at(60), push: true },
    ],
    { setting: 'professional' },
  ],
  [
    'SAME_DRUG_REPEAT_PUSH_WITHIN_30_MIN',
    [
      { id: 'a', drug: DRUGS.ondansetron, start: at(0), push: true },
      { id: 'b', drug: DRUGS.ondansetron, start: at(10), push: true },
    ],
    {},
  ],
  [
    'CONCURRENT_CHEMO_NO_CPT_CODE',
    [
      { id: 'a', drug: DRUGS.oxaliplatin, start: at(0), end: at(60) },
      { id: 'b', drug: DRUGS.carboplatin, start: at(0), end: at(60) },
    ],
    {},
  ],
  [
    'MULTIPLE_CONCURRENT_96368_ONCE',
    [
      { id: 'a', drug: DRUGS.oxaliplatin, start: at(0), end: at(60) },
      { id: 'b', drug: DRUGS.leucovorin, start: at(0), end: at(60) },
      { id: 'c', drug: DRUGS.zoledronic, start: at(0), end: at(60) },
    ],
    {},
  ],
  [
    'PARTIAL_OVERLAP_CODER_REVIEW',
    [
      { id: 'a', drug: DRUGS.oxaliplatin, start: at(0), end: at(60) },
      { id: 'b', drug: DRUGS.leucovorin, start: at(30), end: at(90) },
    ],
    {},
  ],
  [
    'SECOND_IV_SITE_NOT_JUSTIFIED',
    [
      { id: 'a', drug: DRUGS.ondansetron, start: at(0), push: true, site: 'left' },
      { id: 'b', drug: DRUGS.dexamethasone, start: at(5), push: true, site: 'right' },
    ],
    {},
  ],
  [
    'SEPARATE_ENCOUNTER_SECOND_INITIAL',
    [{ id: 'a', drug: DRUGS.ondansetron, start: at(0), push: true }],
    { later: true },
  ],
  [
    'CROSSES_MIDNIGHT',
    [{ id: 'a', drug: DRUGS.oxaliplatin, start: at('23:30'), end: '2026-03-03T00:30:00-05:00' }],
    {},
  ],
  [
    'SEGMENTS_COMBINED',
    [
      { id: 'a', drug: DRUGS.oxaliplatin, start: at(0), end: at(30) },
      { id: 'b', drug: DRUGS.oxaliplatin, start: at(40), end: at(70), partOf: 'a' },
    ],
    {},
  ],
  [
    'STOPPED_EARLY_REVIEW',
    [{ id: 'a', drug: DRUGS.oxaliplatin, start: at(0), end: at(30), status: 'stopped' }],
    {},
  ],
  [
    'PRIMARY_REASON_NOT_USABLE_AS_INITIAL',
    [
      { id: 'a', drug: DRUGS.ondansetron, start: at(0), push: true, primary: true },
      { id: 'b', drug: DRUGS.oxaliplatin, start: at(5), end: at(60) },
    ],
    { setting: 'professional' },
  ],
  [
    'NOT_COMPLETED_EXCLUDED',
    [{ id: 'a', drug: DRUGS.oxaliplatin, start: at(0), status: 'in-progress' }],
    {},
  ],
  [
    'NOT_GIVEN_NOT_BILLED',
    [{ id: 'a', drug: DRUGS.oxaliplatin, start: at(0), end: at(60), status: 'not-done' }],
    {},
  ],
  ['INVALID_TIME_RANGE', [{ id: 'a', drug: DRUGS.oxaliplatin, start: at(10), end: at(0) }], {}],
  [
    'PROLONGED_PUMP_INFUSION_REVIEW',
    [{ id: 'a', drug: DRUGS.fluorouracil, start: at(0), end: '2026-03-04T09:00:00-05:00' }],
    {},
  ],
  [
    'MUE_EXCEEDED',
    [
      { id: 'a', drug: DRUGS.ondansetron, start: at(0), push: true },
      { id: 'b', drug: DRUGS.dexamethasone, start: at(5), push: true },
      { id: 'c', drug: DRUGS.diphenhydramine, start: at(10), push: true },
    ],
    { reference: fakeReference({ mue }) },
  ],
  ['UNKNOWN_DRUG_CATEGORY', [{ id: 'a', drug: DRUGS.unknown, start: at(0), push: true }], {}],
];

describe('§13 warning catalogue', () => {
  it('every catalogued code has a scenario below', () => {
    expect(SCENARIOS.map(([c]) => c).sort()).toEqual(Object.keys(INFUSION_WARNINGS).sort());
  });

  it.each(SCENARIOS)('§13: %s is raised, with plain words and its sources', (code, specs, o) => {
    const r = run(specs, o);
    const w = r.result.warnings.find((x) => x.code === code);
    expect(w).toBeDefined();
    expect(w?.message.length).toBeGreaterThan(10);
    expect(['error', 'warning', 'info']).toContain(w?.severity);
    expect(w?.sources.length).toBeGreaterThan(0);
    expect(w?.sources.every((s) => s.startsWith('MedicationAdministration/'))).toBe(true);
  });
});
