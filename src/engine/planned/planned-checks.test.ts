// Planned doses (billing-rules P-1–P-8): each check on an order not yet given, with its boundaries.
import { describe, expect, it } from 'vitest';
import { builtinReference } from '../../reference/builtin.ts';
import { defaultConfig } from '../profiles.ts';
import { blankAdministration, blankPatient } from '../test-kit/inputs.ts';
import type {
  CoverageInfo,
  EngineContext,
  PatientInput,
  PreAuthorization,
  ResearchStudyInfo,
  ResearchSubjectInfo,
} from '../types.ts';
import { audienceOf } from './audience.ts';
import { checkPlannedDoses } from './planned-checks.ts';
import { clip, dayMonth, dollars } from './plain-words.ts';
import type { PlannedDose } from './planned-types.ts';
import { defined } from '../../../test/defined.ts';

const P = 'Patient/p1';
const RX = 'MedicationRequest/rx1';
const DATE = '2026-08-05';
const ctx: EngineContext = { config: defaultConfig(), reference: builtinReference() };

const nivolumab = (over: Partial<PlannedDose> = {}): PlannedDose => ({
  ref: RX,
  encounter: 'Encounter/e1',
  date: DATE,
  drug: { ndc: ['00003373413'], hcpcs: ['J9299'], rxnorm: [], display: 'Nivolumab' },
  ingredients: [],
  dose: { value: '240', unit: 'mg' },
  sponsorSupplied: false,
  sponsorPaid: false,
  ...over,
});

const coverage = (over: Partial<CoverageInfo> = {}): CoverageInfo => ({
  ref: 'Coverage/c1',
  beneficiary: P,
  status: 'active',
  periodStart: '2025-01-01',
  display: 'Acme Health PPO',
  ...over,
});

const pa = (over: Partial<PreAuthorization> = {}): PreAuthorization => ({
  ref: 'ClaimResponse/pa1',
  outcome: 'complete',
  preAuthRef: 'PA-55120',
  periodStart: '2026-02-01',
  periodEnd: '2026-07-29',
  hcpcs: ['J9299'],
  unitsByHcpcs: { J9299: 2880 },
  ...over,
});

const patient = (over: Partial<PatientInput> = {}): PatientInput =>
  blankPatient({ patient: P, coverages: [coverage()], ...over });

/** A charted nivolumab dose on `date` (units already used against the authorization). */
const given = (date: string, mg: string) =>
  blankAdministration({
    ref: `MedicationAdministration/given-${date}`,
    patient: P,
    encounter: `Encounter/${date}`,
    start: { ms: Date.parse(`${date}T13:20:00Z`), offsetMin: 0, iso: `${date}T13:20:00Z` },
    end: { ms: Date.parse(`${date}T13:51:00Z`), offsetMin: 0, iso: `${date}T13:51:00Z` },
    drug: { ndc: ['00003373413'], hcpcs: ['J9299'], rxnorm: [] },
    dose: { value: mg, unit: 'mg' },
  });

/** The clinician's codes (the coder's container check is left out). */
const codes = (p: PatientInput, d = nivolumab(), c = ctx) =>
  defined(checkPlannedDoses(p, [d], c)[0])
    .warnings.filter((w) => w.audience === 'clinician')
    .map((w) => w.code);

describe('P-1 planned units and dollars from the order’s dose', () => {
  it.each([
    ['240 mg', '240', 240],
    ['1 mg (one unit)', '1', 1],
    ['0.5 mg rounds up to one unit (drug-wastage R-06)', '0.5', 1],
  ])('P-1 nivolumab %s', (_label, mg, units) => {
    const [r] = checkPlannedDoses(patient(), [nivolumab({ dose: { value: mg, unit: 'mg' } })], ctx);
    expect(r?.hcpcs).toBe('J9299');
    expect(r?.units).toBe(units);
    expect(r?.drugName.toLowerCase()).toContain('nivolumab');
  });

  it('P-1 240 mg is worth $8,213.28 on the July 2026 payment limits', () => {
    expect(checkPlannedDoses(patient(), [nivolumab()], ctx)[0]?.amount).toBe(8213.28);
  });
});

describe('P-3 an order without a dose is never given a default dose', () => {
  it.each([
    ['dose present', nivolumab(), false],
    ['dose missing', nivolumab({ dose: undefined }), true],
  ])('P-3 %s', (_l, dose, warned) => {
    const [r] = checkPlannedDoses(patient(), [dose], ctx);
    expect(r?.warnings.some((w) => w.code === 'PLANNED_DOSE_UNKNOWN')).toBe(warned);
    expect(r?.units).toBe(warned ? undefined : 240);
    expect(r?.warnings.some((w) => w.code === 'UNIT_CONVERSION_MISSING')).toBe(false);
  });
});

describe('P-4 prior authorization of the planned date', () => {
  const required = { authRequiredHcpcs: ['J9299'] };
  const withRule = {
    ...ctx,
    config: { ...ctx.config, rules: { ...ctx.config.rules, ...required } },
  };
  it.each([
    ['ended the day before (2026-08-04)', '2026-08-04', ['AUTH_EXPIRED']],
    ['ends on the planned date (2026-08-05)', '2026-08-05', []],
    ['ended a week before (2026-07-29)', '2026-07-29', ['AUTH_EXPIRED']],
  ])('P-4 authorization %s', (_l, end, expected) => {
    const p = patient({ preAuthorizations: [pa({ periodEnd: end })] });
    expect(codes(p)).toEqual(expected);
  });

  it.each([
    ['starts the day after: none covers it', '2026-08-06', ['AUTH_MISSING']],
    ['starts on the planned date', '2026-08-05', []],
  ])('P-4 authorization required by the payer profile, %s', (_l, start, expected) => {
    const p = patient({ preAuthorizations: [pa({ periodStart: start, periodEnd: '2026-12-31' })] });
    expect(codes(p, nivolumab(), withRule)).toEqual(expected);
  });

  it('P-4 the expired authorization is critical, with the dollars and the nurse’s sentence', () => {
    const p = patient({ preAuthorizations: [pa()] });
    const w = defined(defined(checkPlannedDoses(p, [nivolumab()], ctx)[0]).warnings[0]);
    expect(w).toMatchObject({
      code: 'AUTH_EXPIRED',
      severity: 'error',
      audience: 'clinician',
      amountAtStake: 8213.28,
      sources: [RX, 'ClaimResponse/pa1'],
      nurseMessage:
        'Prior authorization PA-55120 ended on 29 July: check with the clinician before starting.',
    });
    expect(w.summary).toBe(
      'Nivolumab: prior authorization PA-55120 ended 29 July 2026 ($8,213.28 at stake)',
    );
    expect(w.message).toContain('would not be covered ($8,213.28 at stake)');
  });

  it.each([
    [
      '480 authorized, 240 given, 240 planned: exactly at the limit',
      480,
      ['2026-07-01'],
      undefined,
    ],
    ['479 authorized, 240 given, 240 planned: 1 over', 479, ['2026-07-01'], '239'],
    [
      '480 authorized, 480 given: nothing left, no dose suggested',
      480,
      ['2026-06-01', '2026-07-01'],
      null,
    ],
  ])('P-4 units: %s', (_l, authorised, givenDates, suggested) => {
    const p = patient({
      administrations: givenDates.map((d) => given(d, '240')),
      preAuthorizations: [pa({ periodEnd: '2026-12-31', unitsByHcpcs: { J9299: authorised } })],
    });
    const w = defined(checkPlannedDoses(p, [nivolumab()], ctx)[0]).warnings.find(
      (x) => x.code === 'AUTH_UNITS_EXCEEDED',
    );
    if (suggested === undefined) {
      expect(w).toBeUndefined();
      return;
    }
    expect(w?.severity).toBe('error');
    if (suggested === null) expect(w?.suggestion).toBeUndefined();
    else expect(w?.suggestion?.dose).toEqual({ value: suggested, unit: 'mg' });
  });

  it('P-4 a second planned dose counts the first one’s units', () => {
    const p = patient({
      preAuthorizations: [pa({ periodEnd: '2026-12-31', unitsByHcpcs: { J9299: 480 } })],
    });
    const two = [
      nivolumab(),
      nivolumab({ ref: 'MedicationRequest/rx2', date: '2026-08-19' }),
      nivolumab({ ref: 'MedicationRequest/rx3', date: '2026-09-02' }),
    ];
    const res = checkPlannedDoses(p, two, ctx);
    const clin = res.map((r) => r.warnings.filter((w) => w.audience === 'clinician'));
    expect(clin.map((ws) => ws.map((w) => w.code))).toEqual([[], [], ['AUTH_UNITS_EXCEEDED']]);
  });
});

describe('P-5 authorizations that cannot be read are unknown, never "none needed"', () => {
  it.each([
    ['claims readable', true, []],
    ['claims unreadable', false, ['AUTH_UNKNOWN']],
  ])('P-5 %s', (_l, claims, expected) => {
    const p = patient({
      preAuthorizations: [pa({ periodEnd: '2026-12-31' })],
      readable: { coverage: true, claims, research: true, eligibility: true },
    });
    expect(codes(p)).toEqual(expected);
  });
});

describe('P-4 coverage on the planned date (contract §2.4)', () => {
  it.each([
    ['ended the day before', [coverage({ periodEnd: '2026-08-04' })], ['COVERAGE_NOT_ACTIVE']],
    ['ends on the planned date', [coverage({ periodEnd: '2026-08-05' })], []],
    ['none on file', [], ['NO_COVERAGE']],
  ])('P-4 coverage %s', (_l, coverages, expected) => {
    expect(codes(patient({ coverages }))).toEqual(expected);
  });
});

describe('P-7 trial status of the planned dose', () => {
  const study: ResearchStudyInfo = {
    ref: 'ResearchStudy/s1',
    nctDigits: '09990001',
    title: 'ABC-7 in pancreatic cancer',
    focus: { ndc: [], hcpcs: ['J9299'], rxnorm: [] },
  };
  const subject = (over: Partial<ResearchSubjectInfo> = {}): ResearchSubjectInfo => ({
    ref: 'ResearchSubject/rs1',
    individual: P,
    status: 'on-study',
    study: study.ref,
    periodStart: '2026-06-01',
    ...over,
  });
  it.each([
    [
      'investigational, sponsor-supplied',
      { sponsorSupplied: true },
      /research item, supplied by the sponsor/,
    ],
    [
      'routine care',
      { trialItemRole: 'routine' as const },
      /routine care, billed to the insurance/,
    ],
    ['investigational, sponsor-paid', { sponsorPaid: true }, /paid by the sponsor/],
  ])('P-7 %s', (_l, over, text) => {
    const p = patient({ researchStudies: [study], researchSubjects: [subject()] });
    const r = defined(
      checkPlannedDoses(p, [nivolumab({ researchStudy: study.ref, ...over })], ctx)[0],
    );
    const w = r.warnings.find((x) => x.code === 'TRIAL_PLANNED');
    expect(w?.message).toMatch(text);
    expect(w?.message).toContain('NCT09990001');
  });

  it.each([
    ['enrollment ended the day before', '2026-08-04', 'TRIAL_ENROLLMENT_NOT_ACTIVE'],
    ['enrollment ends on the planned date', '2026-08-05', 'TRIAL_PLANNED'],
  ])('P-7 %s', (_l, end, code) => {
    const p = patient({
      researchStudies: [study],
      researchSubjects: [subject({ periodEnd: end })],
    });
    const r = defined(checkPlannedDoses(p, [nivolumab({ researchStudy: study.ref })], ctx)[0]);
    expect(r.warnings.map((w) => w.code)).toContain(code);
  });
});

describe('P-8 each role sees its own work', () => {
  it.each([
    ['AUTH_EXPIRED', 'clinician'],
    ['COVERAGE_NOT_ACTIVE', 'clinician'],
    ['TRIAL_PLANNED', 'clinician'],
    ['DOSE_DEVIATES_FROM_ORDER', 'clinician'],
    ['TRIAL_MODIFIER_MISSING', 'coder'],
    ['TRIAL_DIAGNOSIS_MISSING', 'coder'],
    ['CONTAINER_TYPE_UNKNOWN', 'coder'],
    ['JZ_WITH_WASTE', 'coder'],
    ['FLUSH_KVO_NOT_BILLABLE', 'coder'],
  ])('P-8 %s is for the %s', (code, who) => {
    expect(audienceOf(code)).toBe(who);
  });

  it('P-2 vials and waste are not asked for before the dose', () => {
    const all = defined(checkPlannedDoses(patient(), [nivolumab()], ctx)[0]).warnings.map(
      (w) => w.code,
    );
    expect(all).not.toContain('VIALS_NOT_DOCUMENTED');
    expect(all).not.toContain('WASTE_NOT_DOCUMENTED');
  });
});

describe('plain words for planned warnings', () => {
  it.each([
    ['2026-07-29', '2026-08-05', '29 July'],
    ['2025-12-31', '2026-01-02', '31 December 2025'],
    ['2026-07-29', undefined, '29 July 2026'],
  ])('dayMonth(%s, %s)', (d, y, out) => expect(dayMonth(d, y)).toBe(out));
  it.each([
    [8213.28, '$8,213.28'],
    [0.5, '$0.50'],
    [1234567, '$1,234,567.00'],
  ])('dollars(%s)', (n, out) => expect(dollars(n)).toBe(out));
  it.each([
    ['a'.repeat(140), 140],
    [`${'word '.repeat(40)}`, 140],
  ])('clip keeps a summary within 140 characters', (text, max) => {
    expect(clip(text).length).toBeLessThanOrEqual(max);
  });
});
