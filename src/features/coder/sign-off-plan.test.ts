import type { Coverage, FhirResource } from 'fhir/r4';
import { describe, expect, it } from 'vitest';
import type { Warning } from '../../engine/index.ts';
import type { SignedLine } from '../../fhir/write/claim-builder.ts';
import { billedLines, EMPTY_DECISIONS } from './decisions.ts';
import { MA_WARNING, planSignOff, type AutoChangeId } from './sign-off-plan.ts';
import { coverage, diagnosedPicture, picture, result } from './test-kit/coder-data.ts';

const maError: Warning = {
  code: MA_WARNING,
  severity: 'error',
  message:
    'Medicare Advantage patient in a clinical trial: bill the study care to Original Medicare.',
  sources: ['Claim/claim-1', 'Coverage/c1'],
};

const trialLines = (): SignedLine[] => billedLines(result(), EMPTY_DECISIONS);
const plainLines = (): SignedLine[] =>
  trialLines().map((l) => ({ ...l, modifiers: l.modifiers.filter((m) => m !== 'Q1') }));

function plan(
  opts: {
    resources?: FhirResource[];
    lines?: SignedLine[];
    warnings?: Warning[];
    removed?: AutoChangeId[];
    billOriginalMedicare?: boolean;
    setting?: 'professional' | 'facility';
  } = {},
) {
  return planSignOff({
    result: result({
      warnings: opts.warnings ?? [],
      ...(opts.setting ? { setting: opts.setting } : {}),
    }),
    lines: opts.lines ?? trialLines(),
    resources: opts.resources ?? diagnosedPicture,
    existing: undefined,
    author: 'Practitioner/coder-1',
    created: '2026-03-03T15:00:00Z',
    removedChanges: opts.removed ?? [],
    billOriginalMedicare: opts.billOriginalMedicare ?? false,
  });
}

const dx = (p: ReturnType<typeof plan>) =>
  (p.claim.diagnosis ?? []).map((d) => d.diagnosisCodeableConcept?.coding?.[0]?.code);

describe('a claim that would be denied is not signed (T-22, T-23)', () => {
  it.each<[string, FhirResource[], SignedLine[], RegExp | undefined]>([
    ['non-trial, no diagnosis anywhere', picture, plainLines(), /no primary diagnosis/],
    [
      'trial, only Z00.6 would be on the claim',
      picture,
      trialLines(),
      /no diagnosis besides Z00.6/,
    ],
    ['trial with the condition treated', diagnosedPicture, trialLines(), undefined],
    ['non-trial with a diagnosis', diagnosedPicture, plainLines(), undefined],
  ])('%s', (_name, resources, lines, blocker) => {
    const p = plan({ resources, lines });
    if (blocker) expect(p.blockers.join(' ')).toMatch(blocker);
    else expect(p.blockers).toEqual([]);
  });
});

describe('automatic changes are listed and can be taken off', () => {
  it.each<[string, AutoChangeId[], 'professional' | 'facility', AutoChangeId[], string[]]>([
    [
      'professional trial: Z00.6 and the number',
      [],
      'professional',
      ['trial-diagnosis', 'nct'],
      ['C34.90', 'Z00.6'],
    ],
    [
      'facility trial: condition code too',
      [],
      'facility',
      ['trial-diagnosis', 'nct', 'condition-code'],
      ['C34.90', 'Z00.6'],
    ],
    ['Z00.6 taken off', ['trial-diagnosis'], 'professional', ['nct'], ['C34.90']],
  ])('%s', (_name, removed, setting, listed, diagnoses) => {
    const p = plan({ removed, setting });
    expect(p.changes.map((c) => c.id)).toEqual(listed);
    expect(p.removed.map((c) => c.id)).toEqual(removed);
    expect(dx(p)).toEqual(diagnoses);
  });

  it('leaves the trial number and condition code off when taken off', () => {
    const p = plan({ removed: ['nct', 'condition-code'], setting: 'facility' });
    const info = p.claim.supportingInfo ?? [];
    expect(info.some((s) => s.valueString === '09900001')).toBe(false);
    expect(info.some((s) => s.code?.coding?.[0]?.code === '30')).toBe(false);
  });
});

describe('T-43: a Medicare Advantage trial claim goes to Original Medicare once acknowledged', () => {
  const ffs: Coverage = {
    ...coverage,
    id: 'c-ffs',
    order: 2,
    type: { coding: [{ system: 'https://nahdo.org/sopt', code: '121' }] },
    payor: [{ reference: 'Organization/mac' }],
  };
  it.each<
    [string, boolean, AutoChangeId[], FhirResource[], string | undefined, string | undefined]
  >([
    [
      'not acknowledged: the plan stays (the error blocks)',
      false,
      [],
      diagnosedPicture,
      'Coverage/c1',
      'Organization/medicare',
    ],
    [
      'acknowledged, no FFS coverage on file: named by display',
      true,
      [],
      diagnosedPicture,
      undefined,
      undefined,
    ],
    [
      'acknowledged, FFS coverage on file',
      true,
      [],
      [...diagnosedPicture, ffs],
      'Coverage/c-ffs',
      'Organization/mac',
    ],
  ])('%s', (_name, ack, removed, resources, coverageRef, insurerRef) => {
    const p = plan({ warnings: [maError], billOriginalMedicare: ack, removed, resources });
    expect(p.claim.insurance[0]?.coverage.reference).toBe(coverageRef);
    expect(p.claim.insurer?.reference).toBe(insurerRef);
    if (ack && !coverageRef) {
      expect(p.claim.insurance[0]?.coverage.display).toMatch(/Original Medicare/);
      expect(p.claim.insurer?.display).toMatch(/Original Medicare/);
    }
    expect(p.changes.some((c) => c.id === 'original-medicare')).toBe(ack);
    expect(p.blockers).toEqual([]);
  });

  it('refuses to bill the plan when the coder takes Original Medicare off', () => {
    const p = plan({
      warnings: [maError],
      billOriginalMedicare: true,
      removed: ['original-medicare'],
    });
    expect(p.blockers.join(' ')).toMatch(/not to bill the Medicare Advantage plan/);
    expect(p.claim.insurance[0]?.coverage.reference).toBe('Coverage/c1');
  });
});
