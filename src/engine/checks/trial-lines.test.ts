import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../profiles.ts';
import type { Administration } from '../types.ts';
import { admin, line, P, patient, scope } from '../test-kit/checks.ts';
import { applyTrialModifiers } from './trial-lines.ts';
import { trialStatus } from './trial-status.ts';

const STUDY = 'ResearchStudy/s1';
const study = {
  ref: STUDY,
  nctDigits: '09900001',
  focus: { ndc: [], hcpcs: ['J9271'], rxnorm: [] },
};
const subject = { ref: 'ResearchSubject/rs1', individual: P, status: 'on-study', study: STUDY };
const MA = (id: string) => `MedicationAdministration/${id}`;

function apply(admins: Administration[], lines = [line('96413', 1, [MA('a1')])], profile = {}) {
  const p = patient({
    administrations: admins,
    researchStudies: [study],
    researchSubjects: [subject],
  });
  const s = scope(p, { config: defaultConfig('medicare', { trial: profile }) });
  return applyTrialModifiers(lines, s, trialStatus(s));
}

const mods = (ls: { code: string; modifiers: string[] }[]) =>
  ls.map((l) => `${l.code}${l.modifiers.length ? '-' + [...l.modifiers].sort().join('-') : ''}`);

describe('research-billing T-13–T-19 Q0/Q1 on derived lines', () => {
  it.each([
    [
      'T-14 routine drug given per protocol → Q1 on drug and administration',
      [admin('a1', { researchStudy: STUDY, drug: { ndc: [], hcpcs: ['J9263'], rxnorm: [] } })],
      [line('96413', 1, [MA('a1')]), line('J9263', 170, [MA('a1')])],
      ['96413-Q1', 'J9263-Q1'],
    ],
    [
      'T-16/T-17 focus match → Q0 on the billed investigational drug, Q1 on its administration (T-15)',
      [admin('a1', { researchStudy: STUDY, drug: { ndc: [], hcpcs: ['J9271'], rxnorm: [] } })],
      [line('96413', 1, [MA('a1')]), line('J9271', 200, [MA('a1')])],
      ['96413-Q1', 'J9271-Q0'],
    ],
    [
      'T-17 focus HCPCS matches a drug recorded by NDC only through its billed HCPCS → Q0',
      [
        admin('a1', {
          researchStudy: STUDY,
          drug: { ndc: ['00006302602'], hcpcs: [], rxnorm: [] },
        }),
      ],
      [line('96413', 1, [MA('a1')]), line('J9271', 200, [MA('a1')], { modifiers: ['JZ'] })],
      ['96413-Q1', 'J9271-JZ-Q0'],
    ],
    [
      'T-17 trial-item-role routine overrides focus',
      [
        admin('a1', {
          researchStudy: STUDY,
          trialItemRole: 'routine',
          drug: { ndc: [], hcpcs: ['J9271'], rxnorm: [] },
        }),
      ],
      [line('J9271', 200, [MA('a1')])],
      ['J9271-Q1'],
    ],
    [
      'T-17 trial-item-role investigational without focus match',
      [admin('a1', { researchStudy: STUDY, trialItemRole: 'investigational' })],
      [line('J9263', 100, [MA('a1')])],
      ['J9263-Q0'],
    ],
    [
      'T-18 unlinked premed in a trial encounter → neither',
      [admin('a1', { researchStudy: STUDY }), admin('a2')],
      [line('96413', 1, [MA('a1')]), line('J2405', 8, [MA('a2')])],
      ['96413-Q1', 'J2405'],
    ],
    [
      'T-09 an administration line with one trial-related source is trial-related',
      [admin('a1', { researchStudy: STUDY }), admin('a2')],
      [line('96375', 1, [MA('a2'), MA('a1')])],
      ['96375-Q1'],
    ],
    [
      'T-19 a stale Q0 is replaced, never Q0 and Q1 together; JW kept (T-21)',
      [admin('a1', { researchStudy: STUDY })],
      [line('J9263', 10, [MA('a1')], { modifiers: ['JW', 'Q0'] })],
      ['J9263-JW-Q1'],
    ],
  ])('%s', (_n, admins, lines, expected) => {
    expect(mods(apply(admins, lines))).toEqual(expected);
  });

  it('T-18 non-trial encounter: no Q0/Q1 at all', () => {
    const p = patient({ administrations: [admin('a1')], researchStudies: [study] });
    const s = scope(p);
    expect(mods(applyTrialModifiers([line('96413', 1, [MA('a1')])], s, trialStatus(s)))).toEqual([
      '96413',
    ]);
  });

  it.each([
    ['omit (default): the sponsor-supplied drug line is dropped', {}, ['96413-Q1']],
    [
      'nominal: the drug line stays at $0.01 with Q0',
      { sponsorSuppliedDrugLine: 'nominal' as const },
      ['96413-Q1', 'J9999-Q0'],
    ],
  ])('T-35/T-37 %s', (_n, profile, expected) => {
    const a = admin('a1', {
      researchStudy: STUDY,
      sponsorSupplied: true,
      drug: { ndc: [], hcpcs: ['J9999'], rxnorm: [] },
    });
    const out = apply([a], [line('96413', 1, [MA('a1')]), line('J9999', 1, [MA('a1')])], profile);
    expect(mods(out)).toEqual(expected);
    const drug = out.find((l) => l.code === 'J9999');
    if (drug) expect(drug.amount).toBe(0.01);
  });
});
