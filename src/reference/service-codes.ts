// One typed catalog of the administration and device service codes EveryDose derives or reads,
// with plain words written by the EveryDose team for nurses, coders and managers. These are NOT the
// AMA's CPT descriptors (copyrighted): they say what the code pays for in everyday words. HCPCS
// Level II drug codes get their words from the reference data (the drug's plain name and billing
// unit); see describeCode.
import type { ReferenceData } from './types.ts';

export type ServiceFamily =
  'hydration' | 'therapeutic' | 'chemotherapy' | 'injection' | 'pump' | 'device' | 'other';

export interface ServiceCode {
  family: ServiceFamily;
  /** Plain words, one short phrase. */
  words: string;
  /** An add-on code, reported only with a primary code. */
  addOn: boolean;
}

export const SERVICE_CODES = {
  '96360': { family: 'hydration', words: 'IV fluids (hydration), first hour', addOn: false },
  '96361': { family: 'hydration', words: 'IV fluids (hydration), each extra hour', addOn: true },
  '96365': {
    family: 'therapeutic',
    words: 'IV infusion of a non-chemo drug, first hour',
    addOn: false,
  },
  '96366': {
    family: 'therapeutic',
    words: 'IV infusion of a non-chemo drug, each extra hour',
    addOn: true,
  },
  '96367': {
    family: 'therapeutic',
    words: 'Another non-chemo IV infusion after the first',
    addOn: true,
  },
  '96368': {
    family: 'therapeutic',
    words: 'Non-chemo IV infusion running at the same time as another',
    addOn: true,
  },
  '96369': { family: 'therapeutic', words: 'Infusion under the skin, first hour', addOn: false },
  '96370': {
    family: 'therapeutic',
    words: 'Infusion under the skin, each extra hour',
    addOn: true,
  },
  '96371': {
    family: 'therapeutic',
    words: 'Infusion under the skin, another pump set-up',
    addOn: true,
  },
  '96372': {
    family: 'injection',
    words: 'Injection of a non-chemo drug under the skin or into a muscle',
    addOn: false,
  },
  '96373': {
    family: 'therapeutic',
    words: 'Injection of a non-chemo drug into an artery',
    addOn: false,
  },
  '96374': {
    family: 'therapeutic',
    words: 'IV push of a non-chemo drug, first drug',
    addOn: false,
  },
  '96375': { family: 'therapeutic', words: 'IV push of another non-chemo drug', addOn: true },
  '96376': {
    family: 'therapeutic',
    words: 'IV push of the same non-chemo drug again (facility)',
    addOn: true,
  },
  '96377': { family: 'injection', words: 'On-body injector applied to the skin', addOn: false },
  '96379': {
    family: 'therapeutic',
    words: 'Other non-chemo drug administration (unlisted)',
    addOn: false,
  },
  '96401': {
    family: 'chemotherapy',
    words: 'Chemotherapy injection under the skin or into a muscle (non-hormonal)',
    addOn: false,
  },
  '96402': {
    family: 'chemotherapy',
    words: 'Hormonal cancer drug injection under the skin or into a muscle',
    addOn: false,
  },
  '96409': { family: 'chemotherapy', words: 'Chemotherapy IV push, first drug', addOn: false },
  '96411': { family: 'chemotherapy', words: 'Chemotherapy IV push of another drug', addOn: true },
  '96413': { family: 'chemotherapy', words: 'Chemotherapy IV infusion, first hour', addOn: false },
  '96415': {
    family: 'chemotherapy',
    words: 'Chemotherapy IV infusion, each extra hour',
    addOn: true,
  },
  '96416': {
    family: 'pump',
    words: 'Chemotherapy pump started for an infusion of more than 8 hours',
    addOn: false,
  },
  '96417': {
    family: 'chemotherapy',
    words: 'Another chemotherapy IV infusion after the first, first hour',
    addOn: true,
  },
  '96420': { family: 'chemotherapy', words: 'Chemotherapy push into an artery', addOn: false },
  '96422': {
    family: 'chemotherapy',
    words: 'Chemotherapy infusion into an artery, first hour',
    addOn: false,
  },
  '96423': {
    family: 'chemotherapy',
    words: 'Chemotherapy infusion into an artery, each extra hour',
    addOn: true,
  },
  '96425': {
    family: 'chemotherapy',
    words: 'Chemotherapy pump into an artery, more than 8 hours',
    addOn: false,
  },
  '96440': { family: 'chemotherapy', words: 'Chemotherapy into the chest cavity', addOn: false },
  '96446': {
    family: 'chemotherapy',
    words: 'Chemotherapy into the abdominal cavity through a port or catheter',
    addOn: false,
  },
  '96450': { family: 'chemotherapy', words: 'Chemotherapy into the spinal fluid', addOn: false },
  '96521': { family: 'pump', words: 'Refill and care of a portable pump', addOn: false },
  '96522': {
    family: 'pump',
    words: 'Refill and care of an implanted pump or reservoir',
    addOn: false,
  },
  '96523': {
    family: 'device',
    words: 'Flush of an implanted port or catheter (only service that day)',
    addOn: false,
  },
  '96542': {
    family: 'chemotherapy',
    words: 'Chemotherapy into the spinal fluid through a reservoir under the scalp',
    addOn: false,
  },
  '96549': {
    family: 'chemotherapy',
    words: 'Other chemotherapy administration (unlisted)',
    addOn: false,
  },
  '36591': { family: 'device', words: 'Blood drawn from an implanted port', addOn: false },
  '36592': { family: 'device', words: 'Blood drawn through a catheter', addOn: false },
  '51720': { family: 'chemotherapy', words: 'Drug put into the bladder', addOn: false },
  '99211': {
    family: 'other',
    words: 'Short office visit that may not need a doctor (nurse visit)',
    addOn: false,
  },
  G0498: {
    family: 'pump',
    words: 'Chemotherapy pump started at the hospital for a prolonged infusion (facility)',
    addOn: false,
  },
  C8957: {
    family: 'pump',
    words: 'Prolonged non-chemo IV infusion with a pump (facility)',
    addOn: false,
  },
} as const satisfies Record<string, ServiceCode>;

export type ServiceCodeId = keyof typeof SERVICE_CODES;

export function isServiceCode(code: string): code is ServiceCodeId {
  return Object.prototype.hasOwnProperty.call(SERVICE_CODES, code);
}

/** Modifiers in plain words. */
export const MODIFIER_WORDS: Readonly<Record<string, string>> = {
  JW: 'drug discarded (billed waste)',
  JZ: 'no drug discarded',
  Q0: 'investigational service in a clinical trial',
  Q1: 'routine care in a clinical trial',
  '59': 'distinct service',
  XE: 'separate encounter',
  XS: 'separate site',
  XP: 'separate practitioner',
  XU: 'unusual non-overlapping service',
  JG: 'drug bought under 340B',
  TB: 'drug bought under 340B (rural or cancer hospital)',
  '25': 'separate evaluation and management service',
  '53': 'service stopped before it was finished',
  KX: 'the payer’s coverage requirements are met and on file',
  GA: 'the patient signed a notice that the payer may not pay',
  GZ: 'expected to be denied, no signed notice on file',
  GY: 'not a covered benefit by law',
};

/**
 * Plain words for a code on screen: the catalog's words for a service code; for a drug code the
 * drug's plain name and billing unit from the reference data; undefined when neither knows it
 * (the view then says "no description").
 */
export function describeCode(
  code: string,
  reference?: ReferenceData,
  dos?: string,
): string | undefined {
  if (isServiceCode(code)) return SERVICE_CODES[code].words;
  if (!reference || !dos) return undefined;
  const h = reference.hcpcs(code, dos);
  if (!h) return undefined;
  const unit = h.billingUnit
    ? `, per ${h.upTo ? 'up to ' : ''}${h.billingUnit.value} ${h.billingUnit.unit}`
    : '';
  return `${h.displayName}${unit}`;
}
