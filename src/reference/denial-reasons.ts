// Denial reasons (X12 Claim Adjustment Reason Codes and Remittance Advice Remark Codes, as payers
// send them on ClaimResponse / ExplanationOfBenefit adjudications) mapped to the root cause and to
// the EveryDose warnings that would have caught it before the claim went out.
// Code lists: X12 CARC (https://x12.org/codes/claim-adjustment-reason-codes) and RARC
// (https://x12.org/codes/remittance-advice-remark-codes), maintained by X12 and published by CMS
// for Medicare remittances (https://www.cms.gov/medicare/billing/electronicbillingeditrans/remittance).
// The words below are ours, shortened from the published descriptions; `checked` says whether the
// code's meaning was confirmed against a published list (true) or rests on secondary sources (false).

export type DenialCause =
  | 'jw-jz'
  | 'modifier'
  | 'units-mue'
  | 'ncci-bundling'
  | 'authorization'
  | 'coverage'
  | 'wrong-payer'
  | 'trial-coding'
  | 'ndc'
  | 'code-not-valid-for-date'
  | 'diagnosis'
  | 'documentation'
  | 'duplicate'
  | 'other';

export interface DenialCauseInfo {
  /** Plain words for coders and managers. */
  label: string;
  /** EveryDose warnings that catch this cause before the claim is sent. */
  preventedBy: string[];
}

export const DENIAL_CAUSES: Record<DenialCause, DenialCauseInfo> = {
  'jw-jz': {
    label: 'Discarded-drug modifier (JW/JZ) missing or wrong',
    preventedBy: [
      'JZ_WITH_WASTE',
      'WASTE_NOT_DOCUMENTED',
      'JW_ON_MULTIDOSE',
      'CLAIM_MODIFIER_MISMATCH',
    ],
  },
  modifier: {
    label: 'Modifier missing or not consistent with the code',
    preventedBy: ['CLAIM_MODIFIER_MISMATCH', 'PTP_MODIFIER_NEEDED', 'TRIAL_MODIFIER_MISSING'],
  },
  'units-mue': {
    label: 'Units above the medically unlikely edit (MUE)',
    preventedBy: ['MUE_EXCEEDED', 'MUE_EXCEEDED_WITH_WASTE', 'CLAIM_UNITS_MISMATCH'],
  },
  'ncci-bundling': {
    label: 'Bundled with another service the same day (NCCI)',
    preventedBy: ['PTP_NOT_ALLOWED', 'PTP_MODIFIER_NEEDED'],
  },
  authorization: {
    label: 'Prior authorization missing, expired or exceeded',
    preventedBy: ['AUTH_MISSING', 'AUTH_EXPIRED', 'AUTH_UNITS_EXCEEDED'],
  },
  coverage: {
    label: 'Coverage not active on the date of service',
    preventedBy: ['COVERAGE_NOT_ACTIVE', 'NO_COVERAGE'],
  },
  'wrong-payer': {
    label: 'Sent to the wrong payer',
    preventedBy: ['TRIAL_MA_BILL_ORIGINAL_MEDICARE', 'COVERAGE_NOT_ACTIVE'],
  },
  'trial-coding': {
    label: 'Clinical-trial coding (Q0/Q1, Z00.6, trial number)',
    preventedBy: [
      'TRIAL_MODIFIER_MISSING',
      'TRIAL_DIAGNOSIS_MISSING',
      'TRIAL_NCT_MISSING',
      'TRIAL_MA_BILL_ORIGINAL_MEDICARE',
    ],
  },
  ndc: {
    label: 'NDC missing, invalid or not matching the drug code',
    preventedBy: ['NDC_HCPCS_MISMATCH'],
  },
  'code-not-valid-for-date': {
    label: 'Code or modifier not valid on the date of service',
    preventedBy: ['HCPCS_NOT_VALID_FOR_DOS'],
  },
  diagnosis: {
    label: 'Diagnosis missing or not supporting the service',
    preventedBy: ['TRIAL_DIAGNOSIS_MISSING'],
  },
  documentation: {
    label: 'Documentation missing (times, waste, orders)',
    preventedBy: ['MISSING_STOP_TIME', 'WASTE_NOT_DOCUMENTED', 'VIALS_NOT_DOCUMENTED'],
  },
  duplicate: {
    label: 'Duplicate claim or line',
    preventedBy: [],
  },
  other: {
    label: 'Other reason',
    preventedBy: [],
  },
};

interface CodeRow {
  cause: DenialCause;
  words: string;
  checked: boolean;
}

/** CARC → cause. A RARC, where one is sent, is more specific and wins (classifyDenial). */
export const CARC: Record<string, CodeRow> = {
  '4': {
    cause: 'modifier',
    words: 'Code inconsistent with the modifier, or a required modifier is missing',
    checked: true,
  },
  '11': { cause: 'diagnosis', words: 'Diagnosis inconsistent with the procedure', checked: true },
  '15': {
    cause: 'authorization',
    words: 'Authorization number missing, invalid or not for these services',
    checked: true,
  },
  '16': {
    cause: 'other',
    words: 'Claim lacks information or has a billing error (see the remark codes)',
    checked: true,
  },
  '18': { cause: 'duplicate', words: 'Exact duplicate claim or service', checked: true },
  '26': { cause: 'coverage', words: 'Expenses incurred before coverage', checked: true },
  '27': { cause: 'coverage', words: 'Expenses incurred after coverage ended', checked: true },
  '31': {
    cause: 'coverage',
    words: 'Patient not identified as the payer’s insured',
    checked: true,
  },
  '97': {
    cause: 'ncci-bundling',
    words: 'Included in the payment for another service',
    checked: true,
  },
  '109': {
    cause: 'wrong-payer',
    words: 'Not covered by this payer: send to the correct payer',
    checked: true,
  },
  '151': {
    cause: 'units-mue',
    words: 'Information does not support this many services or units',
    checked: true,
  },
  '167': { cause: 'diagnosis', words: 'Diagnosis not covered', checked: true },
  '181': {
    cause: 'code-not-valid-for-date',
    words: 'Procedure code invalid on the date of service',
    checked: true,
  },
  '182': {
    cause: 'code-not-valid-for-date',
    words: 'Procedure modifier invalid on the date of service',
    checked: true,
  },
  '197': {
    cause: 'authorization',
    words: 'Precertification or authorization absent',
    checked: true,
  },
  '198': {
    cause: 'authorization',
    words: 'Precertification or authorization exceeded',
    checked: true,
  },
  '236': {
    cause: 'ncci-bundling',
    words: 'Procedure or modifier combination not compatible with another the same day (NCCI)',
    checked: true,
  },
};

export const RARC: Record<string, CodeRow> = {
  M119: { cause: 'ndc', words: 'NDC missing, incomplete or invalid', checked: true },
  M80: {
    cause: 'ncci-bundling',
    words: 'Not covered with a service already processed the same day',
    checked: true,
  },
  N20: {
    cause: 'ncci-bundling',
    words: 'Not payable with another service the same date',
    checked: false,
  },
  N29: { cause: 'documentation', words: 'Documentation, orders or notes missing', checked: true },
  N54: {
    cause: 'authorization',
    words: 'Claim inconsistent with the services authorized',
    checked: true,
  },
  N362: {
    cause: 'units-mue',
    words: 'Days or units of service above the acceptable maximum',
    checked: false,
  },
  N657: {
    cause: 'ndc',
    words: 'Bill with the appropriate code for these services',
    checked: false,
  },
  N822: { cause: 'modifier', words: 'Procedure modifier missing', checked: false },
  N823: { cause: 'modifier', words: 'Procedure modifier incomplete or invalid', checked: false },
};

export interface DenialClassification {
  cause: DenialCause;
  /** The codes that decided, e.g. ['CARC 4', 'RARC N822'], with their words. */
  reasons: string[];
}

/** The drug-modifier codes that settle a modifier denial on a drug line as a JW/JZ denial. */
const DRUG_LINE = /^[A-Z]\d{4}$/;

/**
 * Root cause of one denied or adjusted line. `modifiers` and `code` are the line as it was billed:
 * a modifier denial on a drug line billed without JW or JZ is a JW/JZ denial (CMS has required
 * one of the two on single-dose drug lines since 1 July 2023); on a line with Q0/Q1 or in a trial
 * claim it is trial coding.
 */
export function classifyDenial(
  carcs: string[],
  rarcs: string[],
  line: { code?: string; modifiers?: string[]; trial?: boolean } = {},
): DenialClassification {
  const reasons: string[] = [];
  let cause: DenialCause | undefined;
  for (const r of rarcs) {
    const row = RARC[r.toUpperCase()];
    if (!row) continue;
    reasons.push(`RARC ${r.toUpperCase()}: ${row.words}`);
    cause ??= row.cause;
  }
  for (const c of carcs) {
    const row = CARC[c.replace(/^0+/, '')];
    if (!row) continue;
    reasons.push(`CARC ${c}: ${row.words}`);
    if (cause === undefined || (cause === 'other' && row.cause !== 'other')) cause = row.cause;
  }
  cause ??= 'other';
  if (cause === 'modifier') {
    const mods = line.modifiers ?? [];
    if (line.code && DRUG_LINE.test(line.code) && !mods.includes('JW') && !mods.includes('JZ'))
      cause = 'jw-jz';
    else if (line.trial || mods.includes('Q0') || mods.includes('Q1')) cause = 'trial-coding';
  }
  return { cause, reasons };
}
