import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../profiles.ts';
import type { ResearchSubjectInfo } from '../types.ts';
import { admin, DOS, E, P, codes, patient, scope } from '../test-kit/checks.ts';
import { trialStatus } from './trial-status.ts';
import { trialEncounterWarnings } from './trial-warnings.ts';

const STUDY = 'ResearchStudy/s1';
const subj = (over: Partial<ResearchSubjectInfo> = {}): ResearchSubjectInfo => ({
  ref: 'ResearchSubject/rs1',
  individual: P,
  status: 'on-study',
  study: STUDY,
  periodStart: '2026-06-01',
  ...over,
});
const study = {
  ref: STUDY,
  nctDigits: '09900001',
  focus: { ndc: [], hcpcs: ['J9999'], rxnorm: [] },
};
const linked = admin('a1', { researchStudy: STUDY });
const unlinked = admin('a2');

function run(subjects: ResearchSubjectInfo[], admins = [linked], over = {}) {
  const p = patient({
    researchSubjects: subjects,
    researchStudies: [study],
    administrations: admins,
    ...over,
  });
  const s = scope(p);
  const status = trialStatus(s);
  return { status, warnings: trialEncounterWarnings(s, status) };
}

describe('research-billing T-06 enrollment active on the DOS', () => {
  it.each([
    ['on-study, open period', subj(), 'trial'],
    ['on-study-intervention', subj({ status: 'on-study-intervention' }), 'trial'],
    ['period starts on the DOS (boundary)', subj({ periodStart: DOS }), 'trial'],
    ['period ends on the DOS (boundary)', subj({ periodEnd: DOS }), 'trial'],
    ['period ended the day before', subj({ periodEnd: '2026-08-03' }), 'linked-inactive'],
    ['period starts the day after', subj({ periodStart: '2026-08-05' }), 'linked-inactive'],
    ['off-study', subj({ status: 'off-study' }), 'linked-inactive'],
    [
      'follow-up needs a link and is not active by default',
      subj({ status: 'follow-up' }),
      'linked-inactive',
    ],
    ['screening', subj({ status: 'screening' }), 'linked-inactive'],
    ['another patient’s enrollment', subj({ individual: 'Patient/x' }), 'linked-inactive'],
  ])('%s → %s', (_n, s, kind) => {
    expect(run([s]).status.kind).toBe(kind);
  });

  it('on-study-observation counts when the profile adds it (§12 activeStatuses)', () => {
    const config = defaultConfig('medicare', {
      trial: { activeStatuses: ['on-study', 'on-study-intervention', 'on-study-observation'] },
    });
    const p = patient({
      researchSubjects: [subj({ status: 'on-study-observation' })],
      researchStudies: [study],
      administrations: [linked],
    });
    expect(trialStatus(scope(p, { config })).kind).toBe('trial');
  });
});

describe('research-billing T-07–T-11 study links and the encounter decision', () => {
  it('T-08 trial encounter: enrolled and an administration linked — no encounter warning', () => {
    const r = run([subj()]);
    expect(r.status.studyRefs.has(STUDY)).toBe(true);
    expect(r.warnings).toEqual([]);
  });

  it('T-07 an Encounter link alone makes a trial encounter (E/M is trial-related)', () => {
    const r = run([subj()], [unlinked], {
      encounters: [{ ref: E, patient: P, sponsorPaidVisit: false, researchStudy: STUDY }],
    });
    expect(r.status.kind).toBe('trial');
    expect(r.status.encounterLinked).toBe(true);
  });

  it('T-10 enrolled but nothing linked → TRIAL_RELATEDNESS_UNCONFIRMED (info)', () => {
    const r = run([subj()], [unlinked]);
    expect(r.status.kind).toBe('enrolled-unlinked');
    expect(codes(r.warnings)).toEqual(['TRIAL_RELATEDNESS_UNCONFIRMED']);
    expect(r.warnings[0]?.severity).toBe('info');
    expect(r.warnings[0]?.message).toContain('NCT09900001');
  });

  it('T-11 linked but enrollment ended → TRIAL_ENROLLMENT_NOT_ACTIVE (warning)', () => {
    const r = run([subj({ status: 'off-study', periodEnd: '2026-07-15' })]);
    expect(codes(r.warnings)).toEqual(['TRIAL_ENROLLMENT_NOT_ACTIVE']);
    expect(r.warnings[0]?.message).toContain('off-study on 2026-08-04');
    expect(r.warnings[0]?.sources).toEqual(['MedicationAdministration/a1', 'ResearchSubject/rs1']);
  });

  it('none: not enrolled, nothing linked → no warning', () => {
    const r = run([], [unlinked]);
    expect(r.status.kind).toBe('none');
    expect(r.warnings).toEqual([]);
  });

  it('§10 step 6: research unreadable → unknown, never "not on a study"', () => {
    const p = patient({ researchSubjects: [subj()], administrations: [linked] });
    p.readable.research = false;
    const s = scope(p);
    const status = trialStatus(s);
    expect(status.kind).toBe('unknown');
    expect(trialEncounterWarnings(s, status)).toEqual([]);
  });

  it('T-04 a study set as non-qualifying is not a trial encounter; one info', () => {
    const config = defaultConfig('medicare', {
      trial: { studies: { NCT09900001: { qualifying: false } } },
    });
    const p = patient({
      researchSubjects: [subj()],
      researchStudies: [study],
      administrations: [linked],
    });
    const s = scope(p, { config });
    const status = trialStatus(s);
    expect(status.kind).toBe('enrolled-unlinked');
    expect(codes(trialEncounterWarnings(s, status))).toEqual(['TRIAL_RELATEDNESS_UNCONFIRMED']);
  });

  it.each([
    ['medicare requires the NCT', 'medicare' as const, ['TRIAL_STUDY_NCT_UNKNOWN']],
    ['commercial does not (T-51)', 'commercial' as const, []],
  ])('T-26 TRIAL_STUDY_NCT_UNKNOWN: %s', (_n, profile, expected) => {
    const p = patient({
      researchSubjects: [subj()],
      researchStudies: [{ ref: STUDY, focus: { ndc: [], hcpcs: [], rxnorm: [] } }],
      administrations: [linked],
    });
    const s = scope(p, { config: defaultConfig(profile) });
    expect(codes(trialEncounterWarnings(s, trialStatus(s)))).toEqual(expected);
  });
});
