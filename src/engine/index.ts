// The engine's one public entry (architecture: no other barrel files).
export * from './types.ts';
export type { WarningCode } from './warning-codes.ts';
export { warningCodeText } from './warning-words.ts';
export { analyzePatient, toReport, toEncounterReport } from './analyze.ts';
export { mergeWarnings } from './warnings/merge.ts';
export { deriveSetting } from './setting.ts';
export { createRunMemo, type RunMemo } from './run-memo.ts';
export { localDate } from './time.ts';
export { resolveDrugCategory } from './category.ts';
export { serviceKindOf, type ServiceKind } from './part2/service-kind.ts';
export { PUMP_MIN_MINUTES } from './part2/pumps.ts';
export { defaultConfig, PAYER_PROFILES, MEDICARE_RULES } from './profiles.ts';
export { checkPlannedDoses } from './planned/planned-checks.ts';
export { audienceOf } from './planned/audience.ts';
export type { PlannedDose, PlannedResult, PlannedWarning } from './planned/planned-types.ts';
export {
  classifyAdjudications,
  priorDenialsFor,
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
  type WasteFigures,
  type WasteFiguresResult,
} from './drug/waste-form.ts';
