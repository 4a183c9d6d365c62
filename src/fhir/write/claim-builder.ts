// Builds the draft billing Claim a coder signs off (fhir-modeling §1.7–1.8, contract §2.4):
// status draft, use claim, one item per signed line (CPT/HCPCS in productOrService, modifiers,
// quantity, NDC in item.detail), Z00.6 and the NCT number for trial encounters, condition
// code 30 and value code D4 on institutional trial claims (research-billing §3–§5).
import type { Claim, ClaimDiagnosis, ClaimItem, ClaimSupportingInfo, Coding } from 'fhir/r4';
import type { ReportLine, Setting } from '../../engine/index.ts';
import { SYSTEMS } from '../extensions.ts';

/** NUBC code systems (no THO URI verified; readers accept any URI containing "nubc"). */
export const NUBC_CONDITION_CODES = 'https://www.nubc.org/CodeSystem/ConditionCodes';
export const NUBC_VALUE_CODES = 'https://www.nubc.org/CodeSystem/ValueCodes';
export const CLAIM_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/claim-type';
export const CLAIM_INFO_CATEGORY_SYSTEM =
  'http://terminology.hl7.org/CodeSystem/claiminformationcategory';
export const PROCESS_PRIORITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/processpriority';
export const TRIAL_DIAGNOSIS = 'Z00.6';

export type LineDecisionKind = 'accepted' | 'edited' | 'added';

/** A line the coder decided to bill: a report line plus the coder's decision. */
export interface SignedLine extends ReportLine {
  decision: LineDecisionKind;
  /** Required for edited and added lines. */
  reason?: string;
}

export interface ClaimDraftInput {
  /** 'Patient/<id>' */
  patient: string;
  /** 'Encounter/<id>' or null. */
  encounter: string | null;
  setting: Setting;
  lines: SignedLine[];
  /** ICD-10-CM codes already known for the visit (existing claim, orders). */
  diagnoses: string[];
  /**
   * Present when the encounter is trial-related: adds Z00.6, the NCT number and (institutional)
   * CC 30 / D4. The coder may take each automatic addition off (`without…`).
   */
  trial?: {
    nctDigits?: string;
    withoutTrialDiagnosis?: boolean;
    withoutNct?: boolean;
    withoutConditionCode?: boolean;
  };
  preAuthRefs: string[];
  /** 'Coverage/<id>' of the primary coverage. */
  coverage?: string;
  /** A coverage named without a record (Original Medicare when only the MA plan is on file). */
  coverageDisplay?: string;
  /** An insurer named without a record. */
  insurerDisplay?: string;
  /** Billing provider reference. */
  provider: string;
  insurer?: string;
  /** ISO date-time the claim is created or revised. */
  created: string;
  /** Id of the existing draft this replaces (update). */
  id?: string;
}

const CPT_CODE = /^\d{4}[\dFTU]$/;

/** CPT (5 digits, or 4 digits + F/T/U) versus HCPCS Level II (a letter then 4 digits). */
export function procedureSystem(code: string): string {
  return CPT_CODE.test(code) ? SYSTEMS.cpt : SYSTEMS.hcpcs;
}

/** Numeric modifiers (25, 59) are CPT; letter modifiers (JW, Q1, XE) are HCPCS Level II. */
export function modifierSystem(modifier: string): string {
  return /^\d+$/.test(modifier) ? SYSTEMS.cpt : SYSTEMS.hcpcs;
}

export function isTrialDiagnosis(code: string): boolean {
  const c = code.toUpperCase();
  return c === 'Z00.6' || c === 'Z006';
}

/** Strip NCT/CT prefixes, spaces and hyphens; undefined unless 8 digits remain (T-27, T-29). */
export function nctDigits(value: string): string | undefined {
  const digits = value.toUpperCase().replace(/^N?CT/, '').replace(/[\s-]/g, '');
  return /^\d{8}$/.test(digits) ? digits : undefined;
}

function usd(value: number) {
  return { value: Math.round(value * 100) / 100, currency: 'USD' };
}

function itemOf(line: SignedLine, sequence: number, encounter: string | null): ClaimItem {
  const item: ClaimItem = {
    sequence,
    productOrService: { coding: [{ system: procedureSystem(line.code), code: line.code }] },
    quantity: { value: line.units },
    servicedDate: line.date,
  };
  if (line.modifiers.length > 0) {
    item.modifier = line.modifiers.map((m) => ({
      coding: [{ system: modifierSystem(m), code: m }],
    }));
  }
  if (encounter) item.encounter = [{ reference: encounter }];
  if (line.amount !== undefined) item.net = usd(line.amount);
  if (line.ndc) {
    item.detail = [
      {
        sequence: 1,
        productOrService: { coding: [{ system: SYSTEMS.ndc, code: line.ndc.code }] },
        quantity: { value: line.ndc.quantity, unit: line.ndc.unit },
      },
    ];
  }
  return item;
}

function diagnosesOf(input: ClaimDraftInput): ClaimDiagnosis[] {
  const codes: string[] = [];
  for (const c of input.diagnoses) {
    if (!codes.some((x) => x.toUpperCase() === c.toUpperCase())) codes.push(c);
  }
  if (input.trial && !input.trial.withoutTrialDiagnosis && !codes.some(isTrialDiagnosis))
    codes.push(TRIAL_DIAGNOSIS);
  return codes.map((code, i) => ({
    sequence: i + 1,
    diagnosisCodeableConcept: { coding: [{ system: SYSTEMS.icd10cm, code }] },
  }));
}

function supportingInfoOf(input: ClaimDraftInput): ClaimSupportingInfo[] {
  const out: ClaimSupportingInfo[] = [];
  const category = (code: string): { coding: Coding[] } => ({
    coding: [{ system: CLAIM_INFO_CATEGORY_SYSTEM, code }],
  });
  const digits = input.trial?.withoutNct ? undefined : input.trial?.nctDigits;
  if (digits) {
    // 837P 2300 REF*P4 equivalent: 8 digits, no prefix (T-27, T-28).
    out.push({ sequence: 0, category: category('info'), valueString: digits });
  }
  if (input.trial && !input.trial.withoutConditionCode && input.setting === 'facility') {
    out.push({
      sequence: 0,
      category: category('info'),
      code: { coding: [{ system: NUBC_CONDITION_CODES, code: '30' }] },
    });
    if (digits) {
      out.push({
        sequence: 0,
        category: category('info'),
        code: { coding: [{ system: NUBC_VALUE_CODES, code: 'D4' }] },
        valueString: digits,
      });
    }
  }
  if (input.encounter) {
    // Contract §2.4: the claim names its encounter in item.encounter or supportingInfo.
    out.push({
      sequence: 0,
      category: category('info'),
      valueReference: { reference: input.encounter },
    });
  }
  return out.map((s, i) => ({ ...s, sequence: i + 1 }));
}

/** The draft Claim for the signed lines. Pure: the caller passes the time. */
/** The draft Claim a sign-off writes, as features hold it (built and read here, in fhir/). */
export type DraftClaim = Claim;

export function buildDraftClaim(input: ClaimDraftInput): Claim {
  const claimType = input.setting === 'facility' ? 'institutional' : 'professional';
  const claim: Claim = {
    resourceType: 'Claim',
    status: 'draft',
    use: 'claim',
    type: { coding: [{ system: CLAIM_TYPE_SYSTEM, code: claimType }] },
    patient: { reference: input.patient },
    created: input.created,
    provider: { reference: input.provider },
    priority: { coding: [{ system: PROCESS_PRIORITY_SYSTEM, code: 'normal' }] },
    insurance: [
      {
        sequence: 1,
        focal: true,
        coverage: input.coverage
          ? { reference: input.coverage }
          : { display: input.coverageDisplay ?? 'Coverage not on file' },
        ...(input.preAuthRefs.length > 0 ? { preAuthRef: [...new Set(input.preAuthRefs)] } : {}),
      },
    ],
    item: input.lines.map((l, i) => itemOf(l, i + 1, input.encounter)),
  };
  if (input.id) claim.id = input.id;
  if (input.insurer) claim.insurer = { reference: input.insurer };
  else if (input.insurerDisplay) claim.insurer = { display: input.insurerDisplay };
  const diagnosis = diagnosesOf(input);
  if (diagnosis.length > 0) claim.diagnosis = diagnosis;
  const info = supportingInfoOf(input);
  if (info.length > 0) claim.supportingInfo = info;
  const total = input.lines.reduce<number | undefined>(
    (sum, l) => (sum === undefined || l.amount === undefined ? undefined : sum + l.amount),
    0,
  );
  if (total !== undefined && input.lines.length > 0) claim.total = usd(total);
  return claim;
}
