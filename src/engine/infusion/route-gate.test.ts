// injection-pump-rules R20.1–R20.5 route gate: only IV records enter the IV codes; nothing is
// assumed IV; an unknown route holds the encounter (routeMissingPolicy, R20.3).
import { describe, expect, it } from 'vitest';
import type { RouteClass, RouteDecision } from '../types.ts';
import { routeFamilyOf } from '../../reference/route.ts';
import { at, DRUGS, run, type AdminSpec } from '../test-kit/infusion.ts';

const route = (cls: RouteClass, evidence = 'test'): RouteDecision => ({
  class: cls,
  family: routeFamilyOf(cls),
  from: cls === 'unknown' ? 'none' : 'route-code',
  evidence: cls === 'unknown' ? '' : evidence,
});

const chemo: AdminSpec = { id: 'a1', drug: DRUGS.rituximab, start: at(0), end: at(60) };
const other = (cls: RouteClass, o: Partial<AdminSpec> = {}): AdminSpec => ({
  id: 'a2',
  drug: DRUGS.ondansetron,
  start: at(70),
  end: at(75),
  route: route(cls),
  ...o,
});

describe('R20.1–R20.5 route gate', () => {
  it.each<[string, RouteClass, string[], string[]]>([
    [
      'R20.1 IV infusion joins the IV codes',
      'iv',
      ['96375x1', '96413x1'],
      ['INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH'],
    ],
    ['R20.1 IV push joins the IV codes', 'iv-push-method', ['96375x1', '96413x1'], []],
    ['R20.4 oral: no code', 'oral', ['96413x1'], ['ORAL_ROUTE_NOT_BILLABLE']],
    ['R20.4 topical: no code', 'topical', ['96413x1'], ['ORAL_ROUTE_NOT_BILLABLE']],
    ['R20.4 transdermal: no code', 'transdermal', ['96413x1'], ['ORAL_ROUTE_NOT_BILLABLE']],
    ['R20.4 inhalation: no code', 'inhalation', ['96413x1'], ['ORAL_ROUTE_NOT_BILLABLE']],
    ['R20.4 rectal: no code', 'rectal', ['96413x1'], ['ORAL_ROUTE_NOT_BILLABLE']],
    [
      'R20.4 other non-parenteral',
      'other-non-parenteral',
      ['96413x1'],
      ['ORAL_ROUTE_NOT_BILLABLE'],
    ],
    [
      'R20.5 intrathecal: out of scope, rest coded',
      'intrathecal',
      ['96413x1'],
      ['ROUTE_OUT_OF_SCOPE'],
    ],
    ['R20.5 intravesical', 'intravesical', ['96413x1'], ['ROUTE_OUT_OF_SCOPE']],
    ['R20.5 intra-arterial', 'intra-arterial', ['96413x1'], ['ROUTE_OUT_OF_SCOPE']],
    ['R20.5 intraperitoneal', 'intraperitoneal', ['96413x1'], ['ROUTE_OUT_OF_SCOPE']],
    ['R20.5 intravitreal', 'intravitreal', ['96413x1'], ['ROUTE_OUT_OF_SCOPE']],
    ['R20.5 other parenteral', 'other-parenteral', ['96413x1'], ['ROUTE_OUT_OF_SCOPE']],
    // R21.1: SC/IM records are coded by the injection stage (part2/injections.test.ts).
    ['R21.5 SC: not an IV code', 'sc', ['96413x1'], []],
    ['R21.5 IM: not an IV code', 'im', ['96413x1'], []],
    ['R20.3 unknown route holds the encounter', 'unknown', [], ['ROUTE_UNKNOWN']],
    ['R20.3 injected, vein not stated, holds', 'parenteral-unknown', [], ['ROUTE_UNKNOWN']],
  ])('%s', (_name, cls, codes, warnings) => {
    const r = run([chemo, other(cls, cls === 'iv-push-method' ? { push: true } : {})]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(warnings);
  });

  it.each<[string, 'hold_encounter' | 'code_others', string[]]>([
    ['R20.3 hold_encounter (default): no administration lines', 'hold_encounter', []],
    ['R20.3 code_others: the rest is coded, the record left out', 'code_others', ['96413x1']],
  ])('%s', (_name, policy, codes) => {
    const r = run([chemo, other('unknown')], { rules: { routeMissingPolicy: policy } });
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(['ROUTE_UNKNOWN']);
  });

  it.each<[string, AdminSpec['status'], string[], string[]]>([
    [
      'R20.3 a not-done record of unknown route holds nothing',
      'not-done',
      ['96413x1'],
      ['NOT_GIVEN_NOT_BILLED'],
    ],
    ['R20.3 an entered-in-error record holds nothing', 'entered-in-error', ['96413x1'], []],
    [
      'R20.3 a stopped record of unknown route holds',
      'stopped',
      [],
      ['ROUTE_UNKNOWN', 'STOPPED_EARLY_REVIEW'],
    ],
  ])('%s', (_name, status, codes, warnings) => {
    const r = run([chemo, other('unknown', { status })]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(warnings);
  });

  it('names the record, the evidence and the setting in the message', () => {
    const r = run([chemo, other('unknown')]);
    const w = r.result.warnings.find((x) => x.code === 'ROUTE_UNKNOWN');
    expect(w).toMatchObject({ severity: 'error', sources: ['MedicationAdministration/a2'] });
    expect(w?.message).toContain('MedicationAdministration/a2');
    expect(w?.message).toContain('routeMissingPolicy hold_encounter');
    const oral = run([
      chemo,
      other('oral', { route: route('oral', 'http://snomed.info/sct|26643006') }),
    ]);
    expect(oral.result.warnings[0]?.message).toContain('http://snomed.info/sct|26643006');
    expect(oral.result.warnings[0]?.severity).toBe('info');
  });
});
