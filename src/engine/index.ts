// The engine's one public entry (architecture: no other barrel files).
export * from './types.ts';
export type { WarningCode } from './warning-codes.ts';
export type { StageResult, EncounterScope } from './stage.ts';
export { analyzePatient, toReport, toEncounterReport, aggregateLines } from './analyze.ts';
export { mergeWarnings } from './warnings/merge.ts';
export { deriveSetting } from './setting.ts';
export { createRunMemo, type RunMemo } from './run-memo.ts';
export { localDate, wholeMinutes } from './time.ts';
export { linePrice } from './checks/line-price.ts';
export { resolveDrugCategory, type CategoryResult } from './category.ts';
export {
  serviceKindOf,
  isPushByRecord,
  type ServiceKind,
  type KindFacts,
} from './part2/service-kind.ts';
export { PUMP_MIN_MINUTES } from './part2/pumps.ts';
export { defaultConfig, PAYER_PROFILES, MEDICARE_RULES, MEDICARE_TRIAL } from './profiles.ts';
export { checkPlannedDoses } from './planned/planned-checks.ts';
export { audienceOf } from './planned/audience.ts';
export type {
  Audience,
  PlannedDose,
  PlannedResult,
  PlannedWarning,
  PlanSuggestion,
} from './planned/planned-types.ts';
export {
  classifyAdjudications,
  priorDenialsFor,
  type ClassifiedAdjudication,
  type PriorDenial,
} from './checks/prior-denials.ts';
export {
  summarizeVisit,
  worklistOrder,
  type VisitStatus,
  type VisitSummary,
} from './practice/visit-summary.ts';
export {
  PracticeFiguresBuilder,
  ratio,
  type PracticeFigures,
  type PeriodCounts,
} from './practice/figures.ts';
export {
  onlyMultiDose,
  suggestWaste,
  wasteFigures,
  wasteProducts,
  type OwnContent,
  type WasteFigures,
  type WasteFiguresResult,
} from './drug/waste-form.ts';
