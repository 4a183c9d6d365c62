// Claim checks of a trial encounter: research-billing §10 step 4 and the §11 catalogue.
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../profiles.ts';
import type { ClaimInfo, ClaimLineInfo, EngineConfig, PatientInput } from '../types.ts';
import { admin, claim, codes, DOS, E, line, P, patient, scope } from '../test-kit/checks.ts';
import { runEncounterChecks } from './run-checks.ts';

const STUDY = 'ResearchStudy/s1';
const A1 = 'MedicationAdministration/a1';
const A2 = 'MedicationAdministration/a2';
const study = {
  ref: STUDY,
  nctDigits: '09900001',
  focus: { ndc: [], hcpcs: ['J9999'], rxnorm: [] },
};
const subject = { ref: 'ResearchSubject/rs1', individual: P, status: 'on-study', study: STUDY };
const cl = (
  code: string,
  units: number,
  modifiers: string[] = [],
  over: Partial<ClaimLineInfo> = {},
): ClaimLineInfo => ({
  sequence: 1,
  code,
  units,
  modifiers,
  date: DOS,
  ...over,
});

/** Worked example 1: study drug (sponsor-supplied, J9999) + gemcitabine, ondansetron unlinked. */
function trialPatient(over: Partial<PatientInput> = {}): PatientInput {
  return patient({
    administrations: [
      admin('a1', {
        researchStudy: STUDY,
        sponsorSupplied: true,
        drug: { ndc: [], hcpcs: ['J9999'], rxnorm: [], display: 'ABC-7' },
      }),
      admin('a2', { researchStudy: STUDY, drug: { ndc: [], hcpcs: ['J9201'], rxnorm: [] } }),
    ],
    researchStudies: [study],
    researchSubjects: [subject],
    ...over,
  });
}
const derived = () => [line('96413', 1, [A1]), line('96417', 1, [A2]), line('J9201', 8, [A2])];
const goodLines = () => [cl('96413', 1, ['Q1']), cl('96417', 1, ['Q1']), cl('J9201', 8, ['Q1'])];
const goodClaim = (over: Partial<ClaimInfo> = {}): ClaimInfo =>
  claim({ lines: goodLines(), diagnoses: ['C25.9', 'Z00.6'], trialNumbers: ['09900001'], ...over });

function run(
  p: PatientInput,
  c: ClaimInfo | undefined,
  config: EngineConfig = defaultConfig(),
  setting: 'professional' | 'facility' = 'professional',
) {
  const s = scope({ ...p, claims: c ? [c] : [] }, { config, setting });
  return runEncounterChecks(s, derived(), { entries: [] });
}

describe('research-billing §10–§11 claim checks of a trial encounter', () => {
  it('worked example 1: correct claim → no warnings; derived lines carry Q1', () => {
    const r = run(trialPatient(), goodClaim());
    expect(r.warnings).toEqual([]);
    expect(r.lines.map((l) => `${l.code}-${l.modifiers.join('')}`)).toEqual([
      '96413-Q1',
      '96417-Q1',
      'J9201-Q1',
    ]);
  });

  it('§10 step 5: no claim → only the derived lines carry the result', () => {
    expect(run(trialPatient(), undefined).warnings).toEqual([]);
  });

  it.each([
    [
      'T-14 Q1 missing on a line',
      { lines: [cl('96413', 1), cl('96417', 1, ['Q1']), cl('J9201', 8, ['Q1'])] },
      ['TRIAL_MODIFIER_MISSING'],
    ],
    [
      'T-15 Q0 on the administration of the study drug',
      { lines: [cl('96413', 1, ['Q0']), cl('96417', 1, ['Q1']), cl('J9201', 8, ['Q1'])] },
      ['TRIAL_MODIFIER_MISMATCH'],
    ],
    [
      'T-19 Q0 and Q1 on one line',
      { lines: [cl('96413', 1, ['Q0', 'Q1']), cl('96417', 1, ['Q1']), cl('J9201', 8, ['Q1'])] },
      ['TRIAL_MODIFIER_MISMATCH'],
    ],
    ['T-22 Z00.6 missing', { diagnoses: ['C25.9'] }, ['TRIAL_DIAGNOSIS_MISSING']],
    ['T-22 Z006 without the dot is accepted', { diagnoses: ['C25.9', 'Z006'] }, []],
    ['T-26 NCT missing', { trialNumbers: [] }, ['TRIAL_NCT_MISSING']],
    ['T-29 CT prefix tolerated', { trialNumbers: ['CT09900001'] }, []],
    ['T-29 NCT prefix and hyphen tolerated', { trialNumbers: ['NCT-09900001'] }, []],
    ['T-29 seven digits', { trialNumbers: ['0990000'] }, ['TRIAL_NCT_INVALID']],
    ['T-29 retired 99999999 after 2014', { trialNumbers: ['99999999'] }, ['TRIAL_NCT_INVALID']],
    ['T-29 another study’s number', { trialNumbers: ['09900002'] }, ['TRIAL_NCT_INVALID']],
    ['T-33 condition code never required on a professional claim', {}, []],
  ])('%s', (_n, over, expected) => {
    expect(codes(run(trialPatient(), goodClaim(over)).warnings)).toEqual(expected);
  });

  it('T-29 with two linked studies, either study’s number is valid', () => {
    const second = {
      ref: 'ResearchStudy/s2',
      nctDigits: '09900002',
      focus: { ndc: [], hcpcs: [], rxnorm: [] },
    };
    const p = trialPatient({
      researchStudies: [study, second],
      researchSubjects: [subject, { ...subject, ref: 'ResearchSubject/rs2', study: second.ref }],
    });
    p.administrations.push(admin('a3', { researchStudy: second.ref }));
    expect(run(p, goodClaim({ trialNumbers: ['09900002'] })).warnings).toEqual([]);
    expect(codes(run(p, goodClaim({ trialNumbers: ['09900003'] })).warnings)).toEqual([
      'TRIAL_NCT_INVALID',
    ]);
  });

  it.each([
    ['2014-12-31 (last day allowed)', '2014-12-31', []],
    ['2015-01-01 (first day retired)', '2015-01-01', ['TRIAL_NCT_INVALID']],
  ])('T-29 the generic 99999999 on %s', (_n, dos, expected) => {
    const p = trialPatient({
      researchStudies: [{ ...study, nctDigits: undefined }],
      coverages: [{ ref: 'Coverage/c1', beneficiary: P, status: 'active', order: 1, sopt: '121' }],
    });
    const c = goodClaim({
      trialNumbers: ['99999999'],
      lines: goodLines().map((l) => ({ ...l, date: dos })),
    });
    const s = scope({ ...p, claims: [c] }, { dateOfService: dos });
    const lines = derived().map((l) => ({ ...l, date: dos }));
    const ws = runEncounterChecks(s, lines, { entries: [] }).warnings.filter(
      (w) => w.code !== 'TRIAL_STUDY_NCT_UNKNOWN',
    );
    expect(codes(ws)).toEqual(expected);
  });

  it('header errors put the whole claim’s known amount at stake (it would be returned)', () => {
    const ws = run(trialPatient(), goodClaim({ diagnoses: ['C25.9'], trialNumbers: [] })).warnings;
    expect(codes(ws)).toEqual(['TRIAL_DIAGNOSIS_MISSING', 'TRIAL_NCT_MISSING']);
    // J9201 has no price in the fake reference: nothing known, nothing claimed.
    expect(ws.every((w) => w.amountAtStake === undefined)).toBe(true);
    const s = scope({ ...trialPatient(), claims: [goodClaim({ diagnoses: ['C25.9'] })] });
    const priced = [...derived(), line('J2405', 8, [A2])];
    const [w] = runEncounterChecks(s, priced, { entries: [] }).warnings.filter(
      (x) => x.code === 'TRIAL_DIAGNOSIS_MISSING',
    );
    expect(w?.amountAtStake).toBe(0.8);
  });

  it('TRIAL_MODIFIER_MISSING message names the study and the code', () => {
    const c = goodClaim({
      lines: [cl('96413', 1), cl('96417', 1, ['Q1']), cl('J9201', 8, ['Q1'])],
    });
    const [w] = run(trialPatient(), c).warnings;
    expect(w?.message).toBe(
      'This visit is part of study NCT09900001 — 96413 needs Q1 (routine care in the study).',
    );
    expect(w?.severity).toBe('error');
  });

  it('T-18 TRIAL_MODIFIER_UNEXPECTED: Q1 on an unlinked premed line (warning)', () => {
    const p = trialPatient();
    p.administrations.push(admin('a3', { drug: { ndc: [], hcpcs: ['J2405'], rxnorm: [] } }));
    const s = scope({
      ...p,
      claims: [goodClaim({ lines: [...goodLines(), cl('J2405', 8, ['Q1'])] })],
    });
    const r = runEncounterChecks(
      s,
      [...derived(), line('J2405', 8, ['MedicationAdministration/a3'])],
      { entries: [] },
    );
    expect(codes(r.warnings)).toEqual(['TRIAL_MODIFIER_UNEXPECTED']);
    expect(r.warnings[0]?.severity).toBe('warning');
  });

  it.each([
    ['charge above $0.01 → billed', 150, ['Q0'], ['SPONSOR_SUPPLIED_DRUG_BILLED']],
    ['no charge recorded → billed', undefined, ['Q0'], ['SPONSOR_SUPPLIED_DRUG_BILLED']],
    ['$0.01 with Q0 (boundary) → tolerated', 0.01, ['Q0'], []],
    ['$0.02 with Q0 (just over) → billed', 0.02, ['Q0'], ['SPONSOR_SUPPLIED_DRUG_BILLED']],
    ['$0.00 with Q0 → tolerated', 0, ['Q0'], []],
    ['$0.01 without Q0 → needs Q0', 0.01, [], ['TRIAL_MODIFIER_MISSING']],
  ])('T-35 sponsor-supplied drug line on the claim: %s', (_n, net, mods, expected) => {
    const c = goodClaim({
      lines: [...goodLines(), cl('J9999', 1, mods, net === undefined ? {} : { net })],
    });
    expect(codes(run(trialPatient(), c).warnings)).toEqual(expected);
  });

  it('T-35 institutional: only $0.00 is nominal', () => {
    const c = goodClaim({
      type: 'institutional',
      conditionCodes: ['30'],
      lines: [...goodLines(), cl('J9999', 1, ['Q0'], { net: 0.01 })],
    });
    expect(codes(run(trialPatient(), c, defaultConfig(), 'facility').warnings)).toEqual([
      'SPONSOR_SUPPLIED_DRUG_BILLED',
    ]);
  });

  it('T-50 SPONSOR_SUPPLIED_DRUG_BILLED applies to every profile (commercial)', () => {
    const c = goodClaim({ lines: [...goodLines(), cl('J9999', 1, ['Q0'], { net: 500 })] });
    const ws = run(trialPatient(), c, defaultConfig('commercial')).warnings;
    expect(codes(ws)).toEqual(['SPONSOR_SUPPLIED_DRUG_BILLED']);
    expect(ws[0]?.amountAtStake).toBe(500);
  });

  it.each([
    [
      'institutional without condition code 30',
      { type: 'institutional' as const },
      defaultConfig(),
      ['TRIAL_CONDITION_CODE_MISSING'],
    ],
    [
      'institutional with condition code 30',
      { type: 'institutional' as const, conditionCodes: ['30'] },
      defaultConfig(),
      [],
    ],
    [
      'institutional, NCT only as value code D4 (either carrier)',
      {
        type: 'institutional' as const,
        conditionCodes: ['30'],
        trialNumbers: [],
        valueCodeD4: ['09900001'],
      },
      defaultConfig(),
      [],
    ],
    [
      'institutional, carrier "both" but only REF P4',
      { type: 'institutional' as const, conditionCodes: ['30'] },
      defaultConfig('medicare', { trial: { institutionalNctCarrier: 'both' } }),
      ['TRIAL_NCT_MISSING'],
    ],
    [
      'commercial: NCT and CC30 not required (T-51)',
      { type: 'institutional' as const, trialNumbers: [] },
      defaultConfig('commercial'),
      [],
    ],
  ])('T-28/T-31 %s', (_n, over, config, expected) => {
    expect(codes(run(trialPatient(), goodClaim(over), config, 'facility').warnings)).toEqual(
      expected,
    );
  });

  it.each([
    [
      'MA primary (SOPT 112), claim to the plan',
      '112',
      'Coverage/c1',
      ['TRIAL_MA_BILL_ORIGINAL_MEDICARE'],
    ],
    [
      'MA primary (SOPT 119), claim to the plan',
      '119',
      'Coverage/c1',
      ['TRIAL_MA_BILL_ORIGINAL_MEDICARE'],
    ],
    ['MA primary, claim to Original Medicare', '112', 'Coverage/ffs', []],
    ['Medicare FFS primary (SOPT 121)', '121', 'Coverage/c1', []],
  ])('T-43–T-48 %s', (_n, sopt, focal, expected) => {
    const p = trialPatient({
      coverages: [
        {
          ref: 'Coverage/c1',
          beneficiary: P,
          status: 'active',
          order: 1,
          sopt,
          payor: 'Organization/ma',
          display: 'Acme Medicare Advantage',
        },
        {
          ref: 'Coverage/ffs',
          beneficiary: P,
          status: 'active',
          order: 2,
          sopt: '121',
          payor: 'Organization/mac',
        },
      ],
    });
    expect(codes(run(p, goodClaim({ focalCoverage: focal })).warnings)).toEqual(expected);
  });

  it('T-47 without SOPT the payer profile decides; T-46 IDE studies are exempt', () => {
    const p = trialPatient({
      coverages: [{ ref: 'Coverage/c1', beneficiary: P, status: 'active', order: 1 }],
    });
    expect(codes(run(p, goodClaim(), defaultConfig('medicare-advantage')).warnings)).toEqual([
      'TRIAL_MA_BILL_ORIGINAL_MEDICARE',
    ]);
    const ide = defaultConfig('medicare-advantage', {
      trial: { studies: { NCT09900001: { ideStudy: true } } },
    });
    expect(run(p, goodClaim(), ide).warnings).toEqual([]);
  });

  it('T-07/T-42 E/M line: Q1 when the Encounter is linked; sponsor-paid visit not billable', () => {
    const linked = trialPatient({
      encounters: [{ ref: E, patient: P, sponsorPaidVisit: false, researchStudy: STUDY }],
    });
    expect(
      codes(run(linked, goodClaim({ lines: [...goodLines(), cl('99214', 1, ['25'])] })).warnings),
    ).toEqual(['TRIAL_MODIFIER_MISSING']);
    expect(
      run(linked, goodClaim({ lines: [...goodLines(), cl('99214', 1, ['25', 'Q1'])] })).warnings,
    ).toEqual([]);
    const paid = trialPatient({
      encounters: [{ ref: E, patient: P, sponsorPaidVisit: true, researchStudy: STUDY }],
    });
    expect(
      codes(run(paid, goodClaim({ lines: [...goodLines(), cl('99214', 1, ['Q1'])] })).warnings),
    ).toEqual(['SPONSOR_PAID_SERVICE_BILLED']);
  });
});

describe('research-billing T-05/T-06/T-10/T-11 study coding outside a trial encounter', () => {
  const plain = () =>
    patient({ administrations: [admin('a1'), admin('a2')], researchStudies: [study] });
  it.each([
    ['not enrolled, claim carries Q1', { lines: goodLines() }, ['TRIAL_CODING_UNEXPECTED']],
    [
      'not enrolled, claim carries Z00.6 only',
      {
        lines: goodLines().map((l) => ({ ...l, modifiers: [] })),
        diagnoses: ['Z00.6'],
        trialNumbers: [],
      },
      ['TRIAL_CODING_UNEXPECTED'],
    ],
    [
      'not enrolled, clean claim',
      {
        lines: goodLines().map((l) => ({ ...l, modifiers: [] })),
        diagnoses: ['C25.9'],
        trialNumbers: [],
      },
      [],
    ],
  ])('%s', (_n, over, expected) => {
    expect(codes(run(plain(), claim(over)).warnings)).toEqual(expected);
  });

  it('T-10 enrolled, nothing linked, claim with study coding → both warnings', () => {
    const p = patient({
      administrations: [admin('a1'), admin('a2')],
      researchStudies: [study],
      researchSubjects: [subject],
    });
    expect(codes(run(p, goodClaim()).warnings)).toEqual([
      'TRIAL_CODING_UNEXPECTED',
      'TRIAL_RELATEDNESS_UNCONFIRMED',
    ]);
  });

  it('T-11 linked but off study: enrollment warning only, not also TRIAL_CODING_UNEXPECTED', () => {
    const p = trialPatient({ researchSubjects: [{ ...subject, status: 'off-study' }] });
    p.administrations = p.administrations.map((a) => ({ ...a, sponsorSupplied: false }));
    expect(codes(run(p, goodClaim()).warnings)).toEqual(['TRIAL_ENROLLMENT_NOT_ACTIVE']);
  });

  it('§10 step 6: research unreadable → no study warnings and no Q0/Q1 changes', () => {
    const p = trialPatient();
    p.readable.research = false;
    const r = run(p, goodClaim({ diagnoses: ['C25.9'], trialNumbers: [] }));
    expect(codes(r.warnings)).toEqual([]);
    expect(r.lines.every((l) => l.modifiers.length === 0)).toBe(true);
  });
});
