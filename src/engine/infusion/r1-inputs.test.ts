// R1.1 status filter, R1.2 times, R1.4 route, R8.1 flush/KVO, INVALID_TIME_RANGE,
// sponsor-paid (research T-42) and sponsor-supplied (T-37) administrations.
import { describe, expect, it } from 'vitest';
import { at, DRUGS, run, type AdminSpec } from '../test-kit/infusion.ts';

const chemo = (o: Partial<AdminSpec> = {}): AdminSpec => ({
  id: 'a1',
  drug: DRUGS.rituximab,
  start: at(0),
  end: at(60),
  ...o,
});

describe('R1.1 status filter', () => {
  it.each([
    ['completed', ['96413x1'], []],
    ['stopped', ['96413x1'], ['STOPPED_EARLY_REVIEW']],
    ['in-progress', [], ['NOT_COMPLETED_EXCLUDED']],
    ['on-hold', [], ['NOT_COMPLETED_EXCLUDED']],
    // contract §2.1 (never billed) and nothing vanishes: the record is named (info).
    ['not-done', [], ['NOT_GIVEN_NOT_BILLED']],
    ['entered-in-error', [], []],
    ['unknown', [], ['NOT_GIVEN_NOT_BILLED']],
  ] as const)('R1.1: status %s → %j', (status, codes, warnings) => {
    const r = run([chemo({ status })]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(warnings);
  });
});

describe('R1.2 / R4.1 invalid time range', () => {
  it.each([
    [at(60), at(59), [], ['INVALID_TIME_RANGE']],
    [at(60), at(60), ['96409x1'], ['INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH']],
    [at(60), at(76), ['96413x1'], []],
  ])('R1.2: start %s end %s', (start, end, codes, warnings) => {
    const r = run([chemo({ start, end })]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(warnings);
  });

  it.each([
    ['completed', ['INVALID_TIME_RANGE']],
    ['not-done', ['INVALID_TIME_RANGE']],
    ['entered-in-error', []],
  ] as const)('R1.2: end before start with status %s', (status, w) => {
    const r = run([chemo({ status, start: at(60), end: at(30) })]);
    expect(r.codes).toEqual([]);
    expect(r.warnings).toEqual(w);
  });

  it('R1.2: an invalid record is left out and the rest is still coded', () => {
    const r = run([
      chemo({ id: 'bad', start: at(60), end: at(30) }),
      { id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true },
    ]);
    expect(r.codes).toEqual(['96374x1']);
    expect(r.warnings).toEqual(['INVALID_TIME_RANGE']);
    expect(r.result.warnings[0]?.severity).toBe('error');
  });
});

describe('R1.4 / contract §2.1 push vs infusion by record', () => {
  it.each([
    ['push documented', { push: true, end: at(40) }, ['96409x1'], []],
    [
      'dateTime only, no rate',
      { dateTimeOnly: true, rate: false, end: undefined },
      ['96409x1'],
      [],
    ],
    [
      'dateTime only, with rate',
      { dateTimeOnly: true, rate: true, end: undefined },
      ['96409x1'],
      ['MISSING_STOP_TIME'],
    ],
    ['period without end', { end: undefined }, ['96409x1'], ['MISSING_STOP_TIME']],
    // R20.1/R21.5: an SC record takes no part in the IV codes; R21.1: the injection stage codes
    // it (part2/injections.test.ts), so the IV stage names nothing.
    ['not intravenous (SC)', { iv: false }, [], []],
  ])('R1.4: %s', (_label, o, codes, warnings) => {
    const r = run([chemo(o as Partial<AdminSpec>)]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual(warnings);
  });
});

describe('R8.1 flush and keep-vein-open are never billed', () => {
  it.each([
    ['flushMarked saline', { drug: DRUGS.saline, flush: true }],
    ['flush category', { drug: DRUGS.heparinFlush }],
  ])('R8.1: %s → FLUSH_KVO_NOT_BILLABLE', (_l, o) => {
    const r = run([
      { id: 'p1', drug: DRUGS.ondansetron, start: at(0), push: true },
      { id: 'f1', start: at(0), end: at(120), ...o },
    ]);
    expect(r.codes).toEqual(['96374x1']);
    expect(r.warnings).toEqual(['FLUSH_KVO_NOT_BILLABLE']);
  });
});

describe('research T-42 / T-37: sponsor-paid removed, sponsor-supplied counted', () => {
  it.each([
    ['sponsor-paid chemo removed before initial selection', { sponsorPaid: true }, ['96365x1']],
    ['sponsor-supplied chemo counts fully', { sponsorSupplied: true }, ['96367x1', '96413x1']],
    ['neither', {}, ['96367x1', '96413x1']],
  ])('T-42: %s', (_l, o, codes) => {
    const r = run([
      chemo({ drug: DRUGS.investigational, end: at(40), ...o }),
      { id: 'a2', drug: DRUGS.zoledronic, start: at(40), end: at(70) },
    ]);
    expect(r.codes).toEqual(codes);
    expect(r.warnings).toEqual([]);
  });
});
