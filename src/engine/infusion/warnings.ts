// Warning catalogue of the administration engine (infusion-rules §13, contract §3).
// Severity: error = the claim would be wrong or rejected as it stands; warning = money or
// compliance at risk, a person should look; info = explanation only.
import type { IdentifiedBy } from '../identify.ts';
import type { Severity, Warning } from '../types.ts';
import type { WarningCode } from '../warning-codes.ts';
import { unique } from '../unique.ts';

export const INFUSION_WARNINGS = {
  INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH: {
    severity: 'info',
    message: 'Infusion ran 15 minutes or less; reported as an IV push.',
  },
  MISSING_STOP_TIME: {
    severity: 'warning',
    message: 'Infusion stop time missing; reported as a push. Obtain the stop time before billing.',
  },
  HYDRATION_NO_STOP_TIME: {
    severity: 'warning',
    message: 'Hydration stop time missing; hydration not billed.',
  },
  HYDRATION_30_MIN_OR_LESS: {
    severity: 'info',
    message: 'Hydration of 30 minutes or less is not billable.',
  },
  HYDRATION_CONCURRENT_TIME_EXCLUDED: {
    severity: 'info',
    message: 'Hydration time running at the same time as a drug infusion was excluded.',
  },
  HYDRATION_SEGMENTS_COMBINED: {
    severity: 'warning',
    message:
      'Hydration time before and after other services was added together (check payer policy).',
  },
  FLUSH_KVO_NOT_BILLABLE: {
    severity: 'info',
    message: 'Flush / keep-vein-open fluid is not separately billable.',
  },
  SAME_DRUG_REPEAT_PUSH_NOT_REPORTABLE_PROFESSIONAL: {
    severity: 'info',
    message: 'Repeat IV push of the same drug has no reportable code in the office setting.',
  },
  SAME_DRUG_REPEAT_PUSH_WITHIN_30_MIN: {
    severity: 'info',
    message: 'Repeat push of the same drug within 30 minutes is not reportable.',
  },
  CONCURRENT_CHEMO_NO_CPT_CODE: {
    severity: 'warning',
    message: 'Concurrent chemotherapy infusion has no CPT code; coder review (unlisted 96549?).',
  },
  MULTIPLE_CONCURRENT_96368_ONCE: {
    severity: 'info',
    message: 'Concurrent infusion code reported once per encounter.',
  },
  PARTIAL_OVERLAP_CODER_REVIEW: {
    severity: 'warning',
    message: 'Infusions partly overlapped; coded as sequential with overlap deducted. Review.',
  },
  SECOND_IV_SITE_NOT_JUSTIFIED: {
    severity: 'warning',
    message: 'Second IV site documented without medical necessity; coded as one access.',
  },
  SEPARATE_ENCOUNTER_SECOND_INITIAL: {
    severity: 'info',
    message:
      'Separate encounter on the same date; second initial service reported with a modifier.',
  },
  CROSSES_MIDNIGHT: {
    severity: 'info',
    message: 'Service crossed midnight; continuous time used and dated on the start date.',
  },
  SEGMENTS_COMBINED: {
    severity: 'info',
    message:
      'Interrupted/restarted infusion of the same drug: running times added, paused time excluded.',
  },
  STOPPED_EARLY_REVIEW: {
    severity: 'warning',
    message:
      'Administration was stopped early; check whether a discontinued-service modifier applies.',
  },
  PRIMARY_REASON_NOT_USABLE_AS_INITIAL: {
    severity: 'warning',
    message: 'Documented primary service cannot be the initial code; hierarchy applied.',
  },
  NOT_COMPLETED_EXCLUDED: {
    severity: 'warning',
    message: 'Administration not completed yet (in progress or on hold); not billed until it ends.',
  },
  NOT_GIVEN_NOT_BILLED: {
    severity: 'info',
    message: 'Administration recorded as not given (not-done) or with status unknown; not billed.',
  },
  INVALID_TIME_RANGE: {
    severity: 'error',
    message: 'Administration ends before it starts; it was left out. Correct the times.',
  },
  PROLONGED_PUMP_INFUSION_REVIEW: {
    severity: 'warning',
    message: 'Infusion ran more than 8 hours (pump?); not coded here. Coder review.',
  },
  MUE_EXCEEDED: {
    severity: 'warning',
    message: 'Units exceed the Medicare limit per day (MUE) for this code; check before billing.',
  },
  UNKNOWN_DRUG_CATEGORY: {
    severity: 'warning',
    message:
      'Drug not found in the reference data; coded as a therapeutic drug. Check the category.',
  },
} as const satisfies Partial<Record<WarningCode, { severity: Severity; message: string }>>;

export type InfusionWarningCode = keyof typeof INFUSION_WARNINGS;

export function warn(code: InfusionWarningCode, sources: string[], message?: string): Warning {
  const entry = INFUSION_WARNINGS[code];
  return {
    code,
    severity: entry.severity,
    message: message ?? entry.message,
    sources: unique(sources),
  };
}

const IDENTIFIED_BY: Readonly<Record<IdentifiedBy, string>> = {
  ndc: 'its NDC',
  hcpcs: 'its HCPCS code',
  rxnorm: 'its RxNorm code',
  'rxnorm-name': 'its RxNorm name',
  text: 'its name',
};

/**
 * UNKNOWN_DRUG_CATEGORY in words that say what is true (contract §2.2): a drug identified by a
 * code whose category the reference data does not hold is named with that code; only a drug
 * nothing identified is "not found".
 */
export function unknownCategoryWarning(
  source: string,
  r: { hcpcs?: string | undefined; identifiedBy?: IdentifiedBy | undefined },
): Warning {
  if (!r.hcpcs) return warn('UNKNOWN_DRUG_CATEGORY', [source]);
  const by = r.identifiedBy ? ` from ${IDENTIFIED_BY[r.identifiedBy]}` : '';
  return warn(
    'UNKNOWN_DRUG_CATEGORY',
    [source],
    `Drug identified as ${r.hcpcs}${by}, but the reference data gives no category (chemotherapy, therapeutic or hydration) for it; coded as a therapeutic drug. Check the category.`,
  );
}
