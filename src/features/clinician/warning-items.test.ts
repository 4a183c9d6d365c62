// Issue #16 part 2, billing-rules P-8: each role sees its own work. Every warning code the engine
// raises has one role; the clinician's list of a charted visit keeps only the clinician's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EncounterResult, Warning, WarningCode } from '../../engine/index.ts';
import { clinicianWarnings, coderOnlyCount, severityCounts } from './warning-items.ts';

const CLINICIAN = 'clinician';
const CODER = 'coder';

/** Every warning code → who acts on it (coverage, authorization, trial status, dose vs order). */
const ROLE: Record<WarningCode, typeof CLINICIAN | typeof CODER> = {
  NO_COVERAGE: CLINICIAN,
  COVERAGE_NOT_ACTIVE: CLINICIAN,
  AUTH_MISSING: CLINICIAN,
  AUTH_EXPIRED: CLINICIAN,
  AUTH_UNITS_EXCEEDED: CLINICIAN,
  AUTH_UNKNOWN: CLINICIAN,
  TRIAL_PLANNED: CLINICIAN,
  TRIAL_RELATEDNESS_UNCONFIRMED: CLINICIAN,
  TRIAL_ENROLLMENT_NOT_ACTIVE: CLINICIAN,
  DOSE_DEVIATES_FROM_ORDER: CLINICIAN,
  DOSE_ROUNDED_WITHIN_POLICY: CLINICIAN,
  PLANNED_DOSE_UNKNOWN: CLINICIAN,
  UNIT_CONVERSION_MISSING: CLINICIAN,
  CDS_DATA_UNREADABLE: CLINICIAN,
  // Claim codes and claim comparison.
  CLAIM_LINE_EXTRA: CODER,
  CLAIM_LINE_MISSING: CODER,
  CLAIM_MODIFIER_MISMATCH: CODER,
  CLAIM_UNITS_MISMATCH: CODER,
  NDC_HCPCS_MISMATCH: CODER,
  HCPCS_NOT_VALID_FOR_DOS: CODER,
  DRUG_CODE_AMBIGUOUS: CODER,
  UNKNOWN_DRUG_CATEGORY: CODER,
  NOT_SEPARATELY_PAYABLE: CODER,
  PTP_MODIFIER_NEEDED: CODER,
  PTP_NOT_ALLOWED: CODER,
  MUE_EXCEEDED: CODER,
  MUE_EXCEEDED_WITH_WASTE: CODER,
  // Trial coding (modifiers, diagnosis, condition code, NCT, sponsor-paid items on the claim).
  TRIAL_CODING_UNEXPECTED: CODER,
  TRIAL_CONDITION_CODE_MISSING: CODER,
  TRIAL_DIAGNOSIS_MISSING: CODER,
  TRIAL_MA_BILL_ORIGINAL_MEDICARE: CODER,
  TRIAL_MODIFIER_MISMATCH: CODER,
  TRIAL_MODIFIER_MISSING: CODER,
  TRIAL_MODIFIER_UNEXPECTED: CODER,
  TRIAL_NCT_INVALID: CODER,
  TRIAL_NCT_MISSING: CODER,
  TRIAL_STUDY_NCT_UNKNOWN: CODER,
  SPONSOR_PAID_SERVICE_BILLED: CODER,
  SPONSOR_SUPPLIED_DRUG_BILLED: CODER,
  // Containers, vials and waste (JW/JZ).
  CONTAINER_TYPE_UNKNOWN: CODER,
  JW_ON_MULTIDOSE: CODER,
  JZ_WITH_WASTE: CODER,
  VIALS_NOT_DOCUMENTED: CODER,
  VIAL_SHARED_CONFIRM: CODER,
  WASTE_NOT_DOCUMENTED: CODER,
  DISCARD_LESS_THAN_ONE_UNIT: CODER,
  DOSE_EXCEEDS_OPENED_VIALS: CODER,
  MULTI_DOSE_NO_WASTE_BILLING: CODER,
  NO_ZERO_WASTE_COMBINATION: CODER,
  SUBOPTIMAL_VIAL_SELECTION: CODER,
  // Administration codes, times and charting.
  CONCURRENT_CHEMO_NO_CPT_CODE: CODER,
  CROSSES_MIDNIGHT: CODER,
  FLUSH_KVO_NOT_BILLABLE: CODER,
  HYDRATION_30_MIN_OR_LESS: CODER,
  HYDRATION_CONCURRENT_TIME_EXCLUDED: CODER,
  HYDRATION_NO_STOP_TIME: CODER,
  HYDRATION_SEGMENTS_COMBINED: CODER,
  INFUSION_15_MIN_OR_LESS_CODED_AS_PUSH: CODER,
  INJECTION_SPLIT_DOSE_ONE_UNIT: CODER,
  INJECTION_SUPERVISION_NOT_MET: CODER,
  INVALID_RESOURCE: CODER,
  INVALID_TIME_RANGE: CODER,
  ENCOUNTER_SUBJECT_MISMATCH: CODER,
  MISSING_STOP_TIME: CODER,
  MULTIPLE_CONCURRENT_96368_ONCE: CODER,
  NONCHEMO_PUMP_REVIEW: CODER,
  NOT_COMPLETED_EXCLUDED: CODER,
  NOT_GIVEN_NOT_BILLED: CODER,
  ORAL_ROUTE_NOT_BILLABLE: CODER,
  PARTIAL_OVERLAP_CODER_REVIEW: CODER,
  PORT_FLUSH_NOT_SEPARATE: CODER,
  PRIMARY_REASON_NOT_USABLE_AS_INITIAL: CODER,
  PROLONGED_PUMP_INFUSION_REVIEW: CODER,
  PUMP_DISCONNECT_NOT_BILLABLE: CODER,
  PUMP_DAY_TPD_SUPPRESSED: CODER,
  PUMP_DURATION_NOT_OVER_8H: CODER,
  PUMP_DURATION_UNVERIFIED: CODER,
  PUMP_REFILL_INCLUDED_IN_INITIATION: CODER,
  ROUTE_OUT_OF_SCOPE: CODER,
  ROUTE_UNKNOWN: CODER,
  SAME_DRUG_REPEAT_PUSH_NOT_REPORTABLE_PROFESSIONAL: CODER,
  SAME_DRUG_REPEAT_PUSH_WITHIN_30_MIN: CODER,
  SECOND_IV_SITE_NOT_JUSTIFIED: CODER,
  SEGMENTS_COMBINED: CODER,
  SEPARATE_ENCOUNTER_SECOND_INITIAL: CODER,
  STOPPED_EARLY_REVIEW: CODER,
};

/** Warning-code literals in the engine's source (UPPER_SNAKE strings), test files excluded. */
function engineCodes(dir = join(import.meta.dirname, '../../engine')): Set<string> {
  const out = new Set<string>();
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    if (e.isDirectory()) for (const c of engineCodes(path)) out.add(c);
    else if (e.name.endsWith('.ts') && !e.name.includes('test')) {
      for (const m of readFileSync(path, 'utf8').matchAll(/'([A-Z][A-Z0-9]*_[A-Z0-9_]+)'/g))
        if (m[1]) out.add(m[1]);
    }
  }
  return out;
}

const warning = (code: WarningCode, severity: Warning['severity'] = 'warning'): Warning => ({
  code,
  severity,
  message: code,
  sources: [],
});
const visit = (warnings: Warning[]): EncounterResult => ({
  patient: 'Patient/p1',
  encounter: 'Encounter/e1',
  dateOfService: '2026-08-05',
  setting: 'professional',
  lines: [],
  warnings,
});

describe('issue #16 part 2 (P-8): every warning code → the role that acts on it', () => {
  it('the table names every warning code the engine raises', () => {
    const missing = [...engineCodes()].filter((c) => !(c in ROLE));
    expect(missing).toEqual([]);
  });

  it.each(Object.entries(ROLE) as [WarningCode, string][])('P-8 %s → %s', (code, role) => {
    const shown = clinicianWarnings(visit([warning(code)])).map((w) => w.code);
    expect(shown).toEqual(role === CLINICIAN ? [code] : []);
  });

  it('P-8 a charted visit: the clinician counts only their own items; the rest are the coder’s', () => {
    const v = visit([
      warning('AUTH_EXPIRED', 'error'),
      warning('CONTAINER_TYPE_UNKNOWN'),
      warning('JZ_WITH_WASTE', 'error'),
      warning('TRIAL_MODIFIER_MISSING', 'error'),
      warning('DOSE_ROUNDED_WITHIN_POLICY', 'info'),
    ]);
    expect(severityCounts(v)).toEqual({ error: 1, warning: 0, info: 1 });
    expect(coderOnlyCount(v)).toBe(3);
  });
});
