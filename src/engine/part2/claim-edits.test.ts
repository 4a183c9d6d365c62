// R24.5 (36591/36592 on the claim: no 96523, PTP_NOT_ALLOWED beside drug administration) and
// R25.5 (99211 with drug administration, Medicare professional) — table-driven, boundary rows.
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
import type { Administration, ClaimInfo, ServiceMethod, Setting } from '../types.ts';

interface Spec extends AdminSpec {
  method?: ServiceMethod;
}

const claim = (code: string, o: Partial<ClaimInfo> = {}, date?: string): ClaimInfo => ({
  ref: 'Claim/c1',
  use: 'claim',
  status: 'draft',
  type: 'professional',
  patient: 'Patient/p1',
  lines: [{ sequence: 1, code, modifiers: [], units: 1, ...(date ? { date } : {}) }],
  diagnoses: [],
  trialNumbers: [],
  valueCodeD4: [],
  conditionCodes: [],
  preAuthRefs: [],
  ...o,
});

function run(
  specs: Spec[],
  claims: ClaimInfo[],
  o: { setting?: Setting; profile?: 'medicare' | 'commercial' } = {},
) {
  const admins: Administration[] = specs.map((s) => {
    const a = adm(s);
    if (s.method) a.serviceMethod = s.method;
    return a;
  });
  const config = defaultConfig(o.profile ?? 'medicare');
  config.setting = o.setting ?? 'professional';
  const reference = { ...fakeReference(), ptp: builtinReference().ptp };
  const patient = { ...emptyPatient(admins), claims };
  const results = analyzePatient(patient, { config, reference });
  const lines = results
    .flatMap((r) => r.lines.filter((l) => l.kind === 'administration').map((l) => l.code))
    .sort();
  const codes = results.flatMap((r) => r.warnings.map((w) => w.code));
  const ptp = results.flatMap((r) => r.warnings).filter((w) => w.code === 'PTP_NOT_ALLOWED');
  return {
    lines,
    ptpNotAllowed: codes.includes('PTP_NOT_ALLOWED'),
    flushNotSeparate: codes.includes('PORT_FLUSH_NOT_SEPARATE'),
    ptp,
  };
}

const flush: Spec = {
  id: 'f1',
  drug: DRUGS.heparinFlush,
  start: at('09:00'),
  method: 'port-flush',
};
const push: Spec = { id: 'p1', drug: DRUGS.ondansetron, start: at('10:00'), push: true };
const enc = { encounter: 'Encounter/e1' };

describe('R24.5 blood draw from the device already on the claim', () => {
  it.each<[string, Spec[], ClaimInfo[], string[], boolean, boolean]>([
    ['R24.5 flush alone, no claim → 96523', [flush], [], ['96523'], false, false],
    [
      'R24.5 flush + 36591 on the claim the same date → no 96523',
      [flush],
      [claim('36591', {}, '2026-03-02')],
      [],
      true,
      false,
    ],
    [
      'R24.5 flush + 36592 on the claim the day before → 96523 stands',
      [flush],
      [claim('36592', {}, '2026-03-01')],
      ['96523'],
      false,
      false,
    ],
    [
      'R24.5 36591 beside an IV push → PTP_NOT_ALLOWED',
      [push],
      [claim('36591', {}, '2026-03-02')],
      ['96374'],
      false,
      true,
    ],
    [
      'R24.5 36591 line without a date on a claim with no encounter → not placed, nothing raised',
      [push],
      [claim('36591')],
      ['96374'],
      false,
      false,
    ],
    [
      'R24.5 a pharmacy-typed claim is never read',
      [push],
      [claim('36591', { otherType: 'pharmacy' }, '2026-03-02')],
      ['96374'],
      false,
      false,
    ],
  ])('%s', (_n, specs, claims, lines, flushNotSeparate, ptpNotAllowed) => {
    const r = run(specs, claims);
    expect(r.lines).toEqual(lines);
    expect(r.flushNotSeparate).toBe(flushNotSeparate);
    expect(r.ptpNotAllowed).toBe(ptpNotAllowed);
  });

  it('R24.5 the warning names the claim and the administration', () => {
    const r = run([push], [claim('36591', {}, '2026-03-02')]);
    expect(r.ptp[0]?.sources).toEqual(['MedicationAdministration/p1', 'Claim/c1']);
  });
});

describe('R25.5 99211 with drug administration (Medicare professional)', () => {
  it.each<[string, Spec[], ClaimInfo[], { setting?: Setting; profile?: 'commercial' }, boolean]>([
    [
      'R25.5 99211 + IV push, Medicare office → PTP_NOT_ALLOWED',
      [push],
      [claim('99211', {}, '2026-03-02')],
      {},
      true,
    ],
    [
      'R25.5 99211 dated by its encounter → PTP_NOT_ALLOWED',
      [{ ...push, ...enc }],
      [claim('99211', { encounter: 'Encounter/e1' })],
      {},
      true,
    ],
    ['R25.5 99211 the next day → nothing', [push], [claim('99211', {}, '2026-03-03')], {}, false],
    [
      'R25.5 99211 + IV push, commercial → nothing',
      [push],
      [claim('99211', {}, '2026-03-02')],
      { profile: 'commercial' },
      false,
    ],
    [
      'R25.5 99211 + IV push, facility → nothing (hospitals use G0463)',
      [push],
      [claim('99211', {}, '2026-03-02')],
      { setting: 'facility' },
      false,
    ],
    [
      'R25.5 99211 with a flush only (no drug administration) → nothing',
      [flush],
      [claim('99211', {}, '2026-03-02')],
      {},
      false,
    ],
  ])('%s', (_n, specs, claims, o, ptpNotAllowed) => {
    expect(run(specs, claims, o).ptpNotAllowed).toBe(ptpNotAllowed);
  });
});
