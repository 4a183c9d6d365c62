// The audit config file (contract §1): checked with zod, unknown keys are an error, paths are
// relative to the config file; `trial` and `rules` merge key by key over the payer profile.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { defaultConfig, PAYER_PROFILES } from '../engine/index.ts';
import type { EngineConfig, RuleSettings, TrialSettings } from '../engine/index.ts';
import type { ReferenceFilePaths } from '../reference/load-files.ts';
import { jsonProblem, UsageError } from './errors.ts';

const rulesSchema = z.strictObject({
  routeMissingPolicy: z.enum(['hold_encounter', 'code_others']),
  missingStopTime: z.enum(['push', 'hold']),
  hydrationSegments: z.enum(['sum', 'each']),
  sameDrugSegments: z.enum(['sum', 'separate']),
  partialOverlap: z.enum(['sequential', 'concurrent']),
  concurrentChemo: z.enum(['review', 'unlisted-96549']),
  midnightLineDate: z.enum(['start', 'split']),
  separateSiteModifier: z.enum(['59', 'XS', 'XU', 'XE', 'XP']),
  separateEncounterModifier: z.enum(['59', 'XE']),
  modifier59OnSequentialHydration: z.boolean(),
  electrolyteReplacement: z.enum(['therapeutic', 'hydration']),
  repeatPushAt30Counts: z.boolean(),
  allow96417AfterChemoPush: z.boolean(),
  stoppedEarly: z.enum(['time-given', 'modifier-53']),
  longPush: z.enum(['trust-route', 'by-time']),
  jzOptionalPeriodEmit: z.boolean(),
  sharedVialModifier: z.enum(['JZ', 'none']),
  doseDeviationPercent: z.number().nonnegative(),
  requiresJZ: z.boolean(),
  acceptsJW: z.boolean(),
  authRequiredHcpcs: z.array(z.string()),
  distinctServiceModifier: z.enum(['59', 'XS', 'XU', 'XE']),
  ptpIndicator0Action: z.enum(['warn', 'remove_column2']),
  pumpInitiationCode: z.enum(['96416', 'G0498_when_provider_pump']),
  nonChemoPumpCode: z.strictObject({
    facility: z.enum(['C8957', 'none']),
    professional: z.enum(['96365', 'none']),
  }),
  billPortFlushAtPumpDisconnect: z.boolean(),
  portFlushAloneCode: z.enum(['96523', 'E/M']),
  pumpOnlyDayTpdPolicy: z.enum(['code_with_ptp_warning', 'suppress', 'addon_96375']),
  splitDoseUnits: z.enum(['one', 'per_injection']),
  splitDoseWindowMinutes: z.number().nonnegative(),
  repeatInjectionModifier: z.enum(['none', '59', '76']),
  drugCategoryOverrides: z.record(z.string(), z.enum(['96372', '96401', '96402'])),
} satisfies Record<keyof RuleSettings, z.ZodType>);

const trialSchema = z.strictObject({
  sponsorSuppliedDrugLine: z.enum(['omit', 'nominal']),
  institutionalNctCarrier: z.enum(['either', 'value-code-D4', 'ref-p4', 'both']),
  requireNct: z.boolean(),
  requireConditionCode30: z.boolean(),
  activeStatuses: z.array(z.string()),
  studies: z.record(
    z.string(),
    z.strictObject({ qualifying: z.boolean().optional(), ideStudy: z.boolean().optional() }),
  ),
} satisfies Record<keyof TrialSettings, z.ZodType>);

export const configFileSchema = z.strictObject({
  setting: z.enum(['professional', 'facility']).optional(),
  payerProfile: z.enum(PAYER_PROFILES).optional(),
  entity340b: z.union([z.null(), z.literal('JG'), z.literal('TB')]).optional(),
  reference: z
    .strictObject({
      mue: z.string().optional(),
      oppsAddendumB: z.string().optional(),
      ndcHcpcsCrosswalk: z.string().optional(),
      paymentLimits: z.string().optional(),
      ptpPractitioner: z.string().optional(),
      ptpHospital: z.string().optional(),
      feeSchedule: z.string().optional(),
    })
    .optional(),
  trial: trialSchema.partial().optional(),
  rules: rulesSchema.partial().optional(),
});

export interface AuditConfig {
  engine: EngineConfig;
  reference: ReferenceFilePaths;
}

function describe(issue: z.core.$ZodIssue): string {
  const at = issue.path.length > 0 ? ` in ${issue.path.map(String).join('.')}` : '';
  if (issue.code === 'unrecognized_keys') {
    return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${at}`;
  }
  const where = issue.path.length > 0 ? issue.path.map(String).join('.') : 'config';
  if (issue.code === 'invalid_value' || issue.code === 'invalid_union') {
    return `${where} has a value that is not allowed`;
  }
  return `${where}: ${issue.message}`;
}

/** Checks a parsed config object; `baseDir` resolves reference paths. */
export function buildConfig(raw: unknown, baseDir: string, file = 'config'): AuditConfig {
  const r = configFileSchema.safeParse(raw);
  if (!r.success) {
    const first = r.error.issues[0];
    throw new UsageError(`${file}: ${first ? describe(first) : 'not a valid config'}`);
  }
  const c = r.data;
  const engine = defaultConfig(c.payerProfile ?? 'medicare', {
    ...(c.rules ? { rules: c.rules as Partial<RuleSettings> } : {}),
    ...(c.trial ? { trial: c.trial as Partial<TrialSettings> } : {}),
  });
  if (c.entity340b !== undefined) engine.entity340b = c.entity340b;
  if (c.setting) engine.setting = c.setting;
  const reference: ReferenceFilePaths = {};
  const keys = [
    'mue',
    'oppsAddendumB',
    'ndcHcpcsCrosswalk',
    'paymentLimits',
    'ptpPractitioner',
    'ptpHospital',
    'feeSchedule',
  ] as const;
  for (const k of keys) {
    const p = c.reference?.[k];
    if (p !== undefined) reference[k] = resolve(baseDir, p);
  }
  return { engine, reference };
}

export function loadConfig(path: string | undefined): AuditConfig {
  if (path === undefined) return buildConfig({}, process.cwd());
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new UsageError(`${path}: config file not found or not readable`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${path}: config is ${jsonProblem(e, text)}`);
  }
  return buildConfig(raw, dirname(resolve(path)), path);
}
