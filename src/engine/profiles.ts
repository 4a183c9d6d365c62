// Payer profiles: each holds the default of every disputed rule (docs/billing-rules.md).
// `medicare` carries the defaults the rule files name; others change them key by key.
import type { EngineConfig, PayerProfileName, RuleSettings, TrialSettings } from './types.ts';
import { CPT } from './admin-codes.ts';

export const MEDICARE_RULES: RuleSettings = {
  routeMissingPolicy: 'hold_encounter',
  missingStopTime: 'push',
  hydrationSegments: 'sum',
  sameDrugSegments: 'sum',
  partialOverlap: 'sequential',
  concurrentChemo: 'review',
  midnightLineDate: 'start',
  separateSiteModifier: '59',
  separateEncounterModifier: '59',
  modifier59OnSequentialHydration: false,
  electrolyteReplacement: 'therapeutic',
  repeatPushAt30Counts: false,
  allow96417AfterChemoPush: false,
  stoppedEarly: 'time-given',
  longPush: 'trust-route',
  jzOptionalPeriodEmit: true,
  sharedVialModifier: 'JZ',
  doseDeviationPercent: 10,
  requiresJZ: true,
  acceptsJW: true,
  authRequiredHcpcs: [],
  distinctServiceModifier: '59',
  ptpIndicator0Action: 'warn',
  pumpInitiationCode: CPT.CHEMO_PUMP_INITIATION,
  nonChemoPumpCode: { facility: CPT.C8957, professional: CPT.THER_INFUSION_FIRST_HOUR },
  billPortFlushAtPumpDisconnect: false,
  portFlushAloneCode: CPT.PORT_FLUSH,
  pumpOnlyDayTpdPolicy: 'code_with_ptp_warning',
  splitDoseUnits: 'one',
  splitDoseWindowMinutes: 30,
  repeatInjectionModifier: 'none',
  drugCategoryOverrides: {},
};

export const MEDICARE_TRIAL: TrialSettings = {
  sponsorSuppliedDrugLine: 'omit',
  institutionalNctCarrier: 'either',
  requireNct: true,
  requireConditionCode30: true,
  activeStatuses: ['on-study', 'on-study-intervention'],
  studies: {},
};

const PROFILE_TRIAL: Record<PayerProfileName, Partial<TrialSettings>> = {
  medicare: {},
  'medicare-advantage': {},
  // research-billing T-51/T-52: Q0/Q1 and Z00.6 checked; NCT and condition code 30 not required.
  commercial: { requireNct: false, requireConditionCode30: false },
  medicaid: { requireNct: false, requireConditionCode30: false },
};

const PROFILE_RULES: Record<PayerProfileName, Partial<RuleSettings>> = {
  medicare: {},
  'medicare-advantage': {},
  // drug-wastage R-40: payer variation is set per practice through `rules` (e.g. requiresJZ).
  commercial: {},
  medicaid: {},
};

export const PAYER_PROFILES: readonly PayerProfileName[] = [
  'medicare',
  'medicare-advantage',
  'commercial',
  'medicaid',
];

export function defaultConfig(
  profile: PayerProfileName = 'medicare',
  overrides: { rules?: Partial<RuleSettings>; trial?: Partial<TrialSettings> } = {},
): EngineConfig {
  return {
    payerProfile: profile,
    entity340b: null,
    rules: { ...MEDICARE_RULES, ...PROFILE_RULES[profile], ...overrides.rules },
    trial: { ...MEDICARE_TRIAL, ...PROFILE_TRIAL[profile], ...overrides.trial },
  };
}
