// Engine input and output. The engine is pure: FHIR JSON never reaches it. src/fhir/ maps
// resources to these types (contract §2); the engine turns them into a report (contract §3).
import type { RouteDecision } from '../reference/route-types.ts';
import type { DecimalQuantity, ReferenceData } from '../reference/types.ts';
import type { WarningCode } from './warning-codes.ts';

export type { DecimalQuantity, DrugCategory, ReferenceData } from '../reference/types.ts';
export type { RouteClass, RouteDecision, RouteFamily } from '../reference/route-types.ts';

export type Setting = 'professional' | 'facility';
export type Severity = 'error' | 'warning' | 'info';
export type PayerProfileName = 'medicare' | 'medicare-advantage' | 'commercial' | 'medicaid';

/** An absolute instant plus the UTC offset it was written in (for the local date). */
export interface Timestamp {
  /** Epoch milliseconds. */
  ms: number;
  /** Offset of the source string in minutes east of UTC (e.g. -300 for -05:00). */
  offsetMin: number;
  /** The source string, for evidence. */
  iso: string;
}

export type AdministrationStatus =
  'in-progress' | 'not-done' | 'on-hold' | 'completed' | 'entered-in-error' | 'stopped' | 'unknown';

/** Drug identity as read from medicationCodeableConcept or Medication.code (contract §2.2). */
export interface DrugIdentity {
  /** 11-digit NDCs, normalised (drug-wastage R-29). */
  ndc: string[];
  hcpcs: string[];
  rxnorm: string[];
  /** Text for people (Medication.code.text or coding display). */
  display?: string;
  /** Displays of the RxNorm codings (contract §2.2 step 4: parsed to their ingredients). */
  rxnormNames?: string[];
  /** Medication.code.text / medicationCodeableConcept.text (contract §2.2 step 5). */
  text?: string;
}

/** One ingredient of the Medication given (a bag may hold fluid plus a drug). */
export interface Ingredient {
  drug: DrugIdentity;
  /** Strength as amount per 1 mL when expressible (Medication.ingredient.strength). */
  strengthPerMl?: DecimalQuantity;
  isActive?: boolean;
}

export interface ContainerOpened {
  ndc11: string;
  count: number;
}

export type TrialItemRole = 'investigational' | 'routine';

/** Codes of https://everydose.dev/fhir/CodeSystem/administration-method (R26.4). */
export type ServiceMethod = 'pump-initiation' | 'pump-refill' | 'pump-disconnect' | 'port-flush';

/** A MedicationAdministration, mapped (contract §2.1–§2.5). */
export interface Administration {
  /** 'MedicationAdministration/<id>' */
  ref: string;
  patient: string;
  /** 'Encounter/<id>' or null. */
  encounter: string | null;
  status: AdministrationStatus;
  start?: Timestamp;
  end?: Timestamp;
  /** true when the record had only effectiveDateTime. */
  dateTimeOnly: boolean;
  /** dosage.rate[x] present. */
  hasRate: boolean;
  /** A push documented in dosage.method or dosage.route (route family 'iv-push', contract §2.1). */
  pushDocumented: boolean;
  /**
   * Route class and code family, decided from route, method, dose form, site and
   * Medication.form (injection-pump-rules R20.1–R20.3). Never assumed IV.
   */
  route: RouteDecision;
  /** IVFLUSH or dosage.text flush/KVO/keep vein open (contract §2.1). */
  flushMarked: boolean;
  /** dosage.site coding code, else text. */
  site?: string;
  separateAccessJustified: boolean;
  /**
   * Pump or port service from dosage.method in the administration-method code system
   * (contract §2.1, injection-pump-rules R26.4); absent for every other record.
   */
  serviceMethod?: ServiceMethod;
  /** Pump refill of an implanted pump or reservoir (R27.11: device, method or site text). */
  pumpImplanted?: boolean;
  /**
   * Applied with an on-body injector (injection-pump-rules R20.7): dosage.method
   * administration-method#on-body-injector, or the method or a device reference naming one.
   * Never read from the drug's name. Coded 96377 only on an SC route (route first, R20.1).
   */
  onBodyInjector?: boolean;
  /** partOf → another MedicationAdministration (interrupted infusion segment, R9.2). */
  partOf?: string;
  primaryReason: boolean;
  /** The drug given (the Medication's code). */
  drug: DrugIdentity;
  /** Ingredients when the Medication lists them (mixed bag, hydration with drug). */
  ingredients: Ingredient[];
  /** Concentration from Medication.ingredient.strength (amount per 1 mL). */
  concentrationPerMl?: DecimalQuantity;
  /** Medication.amount numerator: labeled content of one container. */
  medicationAmount?: DecimalQuantity;
  /** dosage.dose */
  dose?: DecimalQuantity;
  containers?: ContainerOpened[];
  discarded?: DecimalQuantity;
  sharedContainer: boolean;
  /** 'MedicationRequest/<id>' from `request`. */
  request?: string;
  /** Ordered dose from the request's first doseQuantity. */
  orderedDose?: DecimalQuantity;
  /** workflow-researchStudy extension → 'ResearchStudy/<id>'. */
  researchStudy?: string;
  sponsorSupplied: boolean;
  sponsorPaid: boolean;
  trialItemRole?: TrialItemRole;
}

export interface EncounterInfo {
  ref: string;
  patient: string;
  /** Setting from the Location's place-of-service type (contract §2.6). */
  settingFromLocation?: Setting;
  period?: { start?: Timestamp; end?: Timestamp };
  sponsorPaidVisit: boolean;
  researchStudy?: string;
  /**
   * Extension `supervision-not-met` = true: the office injections of this encounter were not
   * given under direct supervision (injection-pump-rules R21.7). Absent or false: assumed met.
   */
  supervisionNotMet?: boolean;
}

export interface CoverageInfo {
  ref: string;
  beneficiary: string;
  status: string;
  periodStart?: string;
  periodEnd?: string;
  order?: number;
  /** Source of Payment Typology code (https://nahdo.org/sopt), e.g. '121', '112'. */
  sopt?: string;
  payor?: string;
  display?: string;
}

/** CoverageEligibilityResponse insurance.item with authorizationRequired. */
export interface AuthRequirement {
  ref: string;
  coverage?: string;
  hcpcs: string;
  required: boolean;
}

/** A preauthorization: ClaimResponse(use=preauthorization) joined with its request Claim. */
export interface PreAuthorization {
  ref: string;
  requestClaim?: string;
  outcome: string;
  preAuthRef?: string;
  periodStart?: string;
  periodEnd?: string;
  /** HCPCS codes named by the request Claim's items or the response's addItem/item. */
  hcpcs: string[];
  /** Units authorised per HCPCS (request Claim item.quantity). */
  unitsByHcpcs: Record<string, number>;
}

export interface ResearchSubjectInfo {
  ref: string;
  individual: string;
  status: string;
  study: string;
  periodStart?: string;
  periodEnd?: string;
}

export interface ResearchStudyInfo {
  ref: string;
  /** 8 digits of the NCT identifier, when present. */
  nctDigits?: string;
  title?: string;
  sponsor?: string;
  /** HCPCS/NDC/RxNorm codes of the investigational item. */
  focus: DrugIdentity;
}

export interface ClaimLineInfo {
  sequence: number;
  code: string;
  modifiers: string[];
  units: number;
  date?: string;
  ndc?: string;
  /** item.net value (USD). */
  net?: number;
}

export interface ClaimInfo {
  ref: string;
  use: string;
  status: string;
  type?: 'professional' | 'institutional';
  /** Any other Claim.type code (pharmacy, oral, vision): such a claim is never compared. */
  otherType?: string;
  encounter?: string;
  patient: string;
  lines: ClaimLineInfo[];
  diagnoses: string[];
  /** Raw clinical-trial number strings from supportingInfo (info category). */
  trialNumbers: string[];
  /** Value code D4 values (institutional). */
  valueCodeD4: string[];
  conditionCodes: string[];
  preAuthRefs: string[];
  /** Focal insurance coverage reference. */
  focalCoverage?: string;
  insurer?: string;
  versionId?: string;
}

/**
 * One adjudicated line of a past claim (ClaimResponse use = claim, or ExplanationOfBenefit), with
 * the payer's reason codes. Code, modifiers and date come from the item itself (EOB) or from the
 * request Claim's item with the same sequence (ClaimResponse), resolved by the engine.
 */
export interface AdjudicatedLine {
  /** 'ClaimResponse/<id>' or 'ExplanationOfBenefit/<id>' */
  source: string;
  /** The billed Claim, when the response names it. */
  claim?: string;
  /** The billed claim's identifier as the payer gave it ('system|value'), when it gave one. */
  claimIdentifier?: string;
  itemSequence?: number;
  code?: string;
  modifiers: string[];
  date?: string;
  /** X12 Claim Adjustment Reason Codes on the line. */
  carcs: string[];
  /** X12 Remittance Advice Remark Codes on the line. */
  rarcs: string[];
  /** No amount paid (benefit/paid adjudication absent or zero) while a reason code is given. */
  denied: boolean;
}

/** Whether a kind of data could be read (scopes, server). Unreadable is "unknown", never "none". */
export interface Readability {
  coverage: boolean;
  claims: boolean;
  research: boolean;
  eligibility: boolean;
}

/** A problem found while reading input (contract: INVALID_RESOURCE, INVALID_TIME_RANGE). */
export interface InputIssue {
  code: WarningCode;
  severity: Severity;
  message: string;
  sources: string[];
  patient?: string;
  encounter?: string | null;
  /** Local date the issue belongs to, when known. */
  date?: string;
}

/** All the data of one patient that the engine needs (streamed one patient at a time). */
export interface PatientInput {
  patient: string;
  administrations: Administration[];
  encounters: EncounterInfo[];
  coverages: CoverageInfo[];
  authRequirements: AuthRequirement[];
  preAuthorizations: PreAuthorization[];
  researchSubjects: ResearchSubjectInfo[];
  researchStudies: ResearchStudyInfo[];
  claims: ClaimInfo[];
  /** Past adjudications with their reason codes (denials), where the input has them. */
  adjudications?: AdjudicatedLine[];
  readable: Readability;
  issues: InputIssue[];
}

// ---------------------------------------------------------------- rules and config

/** Disputed-rule settings (docs/billing-rules.md). The `medicare` profile holds the defaults. */
export interface RuleSettings {
  /**
   * R20.3 a record whose route is unknown: 'hold_encounter' (default) produces no administration
   * lines for its encounter; 'code_others' codes the rest and leaves the record out.
   */
  routeMissingPolicy: 'hold_encounter' | 'code_others';
  /** R9.5: 'push' (default) codes a missing-stop infusion as a push; 'hold' emits no line. */
  missingStopTime: 'push' | 'hold';
  /** R9.3 hydration pieces: 'sum' (default) or 'each' (each piece must reach 31 min). */
  hydrationSegments: 'sum' | 'each';
  /** R9.3 same drug in separate bags / restarted: 'sum' (default) or 'separate'. */
  sameDrugSegments: 'sum' | 'separate';
  /** R7.7 partial overlap: 'sequential' (default) or 'concurrent'. */
  partialOverlap: 'sequential' | 'concurrent';
  /** R7.6 concurrent chemo: 'review' (no line, default) or 'unlisted-96549'. */
  concurrentChemo: 'review' | 'unlisted-96549';
  /** R9.7 line date for services crossing midnight: 'start' (default) or 'split'. */
  midnightLineDate: 'start' | 'split';
  /** R11.1 modifier for a justified second IV site: '59' (default), 'XS', 'XU'. */
  separateSiteModifier: '59' | 'XS' | 'XU' | 'XE' | 'XP';
  /** R11.2 modifier for a separate same-day encounter: '59' (default) or 'XE'. */
  separateEncounterModifier: '59' | 'XE';
  /** R11.3 59 on sequential hydration lines (off by default). */
  modifier59OnSequentialHydration: boolean;
  /** R2.3 electrolyte replacement: 'therapeutic' (default) or 'hydration'. */
  electrolyteReplacement: 'therapeutic' | 'hydration';
  /** R7.3 exactly 30 minutes between same-drug pushes: false (default, no 96376). */
  repeatPushAt30Counts: boolean;
  /** 96417 after a chemo push initial: false (default). */
  allow96417AfterChemoPush: boolean;
  /** R9.10 stopped early: 'time-given' (default) or 'modifier-53'. */
  stoppedEarly: 'time-given' | 'modifier-53';
  /** R9.11 documented push that ran 16+ minutes: 'trust-route' (default) or 'by-time'. */
  longPush: 'trust-route' | 'by-time';
  /** drug-wastage R-10: emit JZ for DOS 2023-01-01..2023-06-30 (default true). */
  jzOptionalPeriodEmit: boolean;
  /** drug-wastage R-20: 'JZ' (default) or 'none' on the earlier patient's shared-vial line. */
  sharedVialModifier: 'JZ' | 'none';
  /** drug-wastage R-21: dose deviation threshold in percent (default 10). */
  doseDeviationPercent: number;
  /** drug-wastage R-40 payer variation. */
  requiresJZ: boolean;
  acceptsJW: boolean;
  /** HCPCS codes this payer requires a prior authorization for (contract §2.4). */
  authRequiredHcpcs: string[];
  /** injection-pump-rules R25.4: modifier for documented distinctness: '59' (default), XS, XU, XE. */
  distinctServiceModifier: '59' | 'XS' | 'XU' | 'XE';
  /** R25.3: indicator-0 pair: 'warn' (default, keep the line) or 'remove_column2'. */
  ptpIndicator0Action: 'warn' | 'remove_column2';
  /** R23.5: '96416' (default) or 'G0498_when_provider_pump' (Medicare, practice's pump). */
  pumpInitiationCode: '96416' | 'G0498_when_provider_pump';
  /** R23.8 non-chemotherapy pump start: facility C8957, professional 96365 (default), or none. */
  nonChemoPumpCode: { facility: 'C8957' | 'none'; professional: '96365' | 'none' };
  /** R23.7: a port flush at the pump disconnect visit is billed when alone (default false). */
  billPortFlushAtPumpDisconnect: boolean;
  /** R23.4 TPD/hydration beside a pump that is the only chemo service: 'code_with_ptp_warning'
   * (default: own initial codes, PTP decides), 'suppress' (no line) or 'addon_96375' (push as 96375). */
  pumpOnlyDayTpdPolicy: 'code_with_ptp_warning' | 'suppress' | 'addon_96375';
  /** R24.4: flush-only visit: '96523' (default) or 'E/M' (no 96523; the E/M module decides). */
  portFlushAloneCode: '96523' | 'E/M';
  /** R21.3 split dose: 'one' unit (default) or 'per_injection' (59 on the later syringe). */
  splitDoseUnits: 'one' | 'per_injection';
  /** R21.3 syringes of one drug starting this many minutes apart or less are one dose (30). */
  splitDoseWindowMinutes: number;
  /** R21.4 modifier on a later repeat of the same drug: 'none' (default), '59' or '76'. */
  repeatInjectionModifier: 'none' | '59' | '76';
  /** R22.1 per-payer injection code by product HCPCS (e.g. { "J0897": "96401" }). */
  drugCategoryOverrides: Record<string, '96372' | '96401' | '96402'>;
}

/** research-billing §12. */
export interface TrialSettings {
  sponsorSuppliedDrugLine: 'omit' | 'nominal';
  institutionalNctCarrier: 'either' | 'value-code-D4' | 'ref-p4' | 'both';
  requireNct: boolean;
  requireConditionCode30: boolean;
  activeStatuses: string[];
  studies: Record<string, { qualifying?: boolean; ideStudy?: boolean }>;
}

export interface EngineConfig {
  /** Forced setting (--setting / config); else derived per encounter (contract §2.6). */
  setting?: Setting;
  payerProfile: PayerProfileName;
  entity340b: null | 'JG' | 'TB';
  rules: RuleSettings;
  trial: TrialSettings;
}

export interface EngineContext {
  config: EngineConfig;
  reference: ReferenceData;
  /**
   * Line evidence for people (the coder view): prices (PR-1–PR-4), merged reasons and minutes of
   * summed lines, drug amounts and containers. Built unless false; the report and the audit
   * carry none (contract §3) and pass false (issue 18). Lines, units and warnings are the same.
   */
  evidence?: boolean;
}

// ---------------------------------------------------------------- output

export interface NdcQuantity {
  code: string;
  quantity: number;
  unit: string;
}

/** Why a line exists: shown to coders; not part of the report JSON. */
export interface LineEvidence {
  /** Rule ids, e.g. ['R6.2', 'R4.3'] or ['R-01', 'R-06']. */
  rules: string[];
  /** One plain sentence. */
  reason: string;
  /** Counted minutes per administration (administration lines). */
  minutes?: Record<string, number>;
  /** Administered and discarded amounts, containers (drug lines). */
  administered?: DecimalQuantity;
  discarded?: DecimalQuantity;
  containers?: ContainerOpened[];
  /** Lines built on inferred vials (drug-wastage R-18). */
  provisional?: boolean;
  /** Drug lines: how the drug was identified (contract §2.2) and, if several, the candidates. */
  identity?: DrugIdentification;
  /** Administration lines: the price by setting (billing-rules PR-1–PR-4; never guessed). */
  price?: LinePrice;
}

/**
 * An administration line's price (billing-rules PR-1–PR-4): facility from the OPPS Addendum B payment
 * rate, professional from the practice fee schedule. Amounts are exact cents (decimal strings).
 */
export type LinePrice =
  | {
      status: 'priced';
      source: 'opps-addendum-b' | 'fee-schedule';
      /** USD per unit and units × rate, rounded half-up to the cent ('331.69'). */
      perUnit: string;
      total: string;
      /** OPPS status indicator (facility). */
      si?: string;
    }
  /** OPPS SI N: packaged into the visit's other services, no separate payment. */
  | { status: 'packaged'; si: string }
  /** Addendum B lists the code with an SI but no payment rate (E1, B, M …). */
  | { status: 'no-rate'; si: string }
  /** Neither the Addendum B (facility) nor a fee schedule (professional) has the code. */
  | { status: 'not-configured' };

/** How a drug line's code was found (contract §2.2 order). */
export interface DrugIdentification {
  by: 'ndc' | 'hcpcs' | 'rxnorm' | 'rxnorm-name' | 'text';
  /** What the record said that identified it: the NDC (11 digits), HCPCS, RxCUI or name. */
  value?: string;
  /** The drug's name as the record gave it (RxNorm display or code text), for people. */
  display?: string;
  /** Several valid codes and no NDC to decide (DRUG_CODE_AMBIGUOUS): the coder picks. */
  candidates?: readonly string[];
  /** Name steps: the ingredient that matched. */
  ingredient?: string;
}

export interface ReportLine {
  code: string;
  units: number;
  modifiers: string[];
  date: string;
  sources: string[];
  ndc?: NdcQuantity;
  /** USD: units × payment limit for the DOS, when known. */
  amount?: number;
}

export interface DerivedLine extends ReportLine {
  kind: 'administration' | 'drug';
  evidence: LineEvidence;
  /** For drug lines: the drug's plain name. */
  drugName?: string;
}

export interface Warning {
  code: WarningCode;
  severity: Severity;
  message: string;
  sources: string[];
  /** Dollars at stake, where the payment data knows it. */
  amountAtStake?: number;
}

export interface EncounterResult {
  patient: string;
  encounter: string | null;
  dateOfService: string;
  setting: Setting;
  lines: DerivedLine[];
  warnings: Warning[];
}

export interface EncounterReport {
  patient: string;
  encounter: string | null;
  dateOfService: string;
  setting: Setting;
  lines: ReportLine[];
  warnings: Warning[];
}

export interface Report {
  encounters: EncounterReport[];
}
