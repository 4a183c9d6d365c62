// Warning catalogue of injection-pump-rules §11 (SC/IM injections, pumps, port flush, NCCI PTP).
// Plain words as the rule file gives them. Severity as in infusion/warnings.ts.
import type { Severity, Warning } from '../types.ts';
import type { WarningCode } from '../warning-codes.ts';
import { unique } from '../unique.ts';

export const PART2_WARNINGS = {
  INJECTION_SPLIT_DOSE_ONE_UNIT: {
    severity: 'warning',
    message:
      'One dose split into several injections; one injection unit reported (check payer policy).',
  },
  PTP_MODIFIER_NEEDED: {
    severity: 'warning',
    message:
      'NCCI pair needs a distinct-service modifier that the documentation does not support; column-2 line will deny as is.',
  },
  PTP_NOT_ALLOWED: {
    severity: 'error',
    message: 'These services are never paid together; no modifier can bypass this edit.',
  },
  PORT_FLUSH_NOT_SEPARATE: {
    severity: 'info',
    message: 'Port irrigation is not separately reportable when other services are given that day.',
  },
  PUMP_DISCONNECT_NOT_BILLABLE: {
    severity: 'info',
    message: 'Pump disconnect is included in the pump-initiation service; not billed.',
  },
  PUMP_REFILL_INCLUDED_IN_INITIATION: {
    severity: 'info',
    message: 'Pump refill on the day the pump was started is included in the initiation.',
  },
  PUMP_DURATION_UNVERIFIED: {
    severity: 'warning',
    message:
      'Pump infusion has no end time; the more-than-8-hours requirement could not be checked.',
  },
  PUMP_DURATION_NOT_OVER_8H: {
    severity: 'warning',
    message:
      'Pump infusion of 8 hours or less; prolonged-infusion code not reported; coder review.',
  },
  NONCHEMO_PUMP_REVIEW: {
    severity: 'warning',
    message:
      'Office start of a non-chemotherapy pump infusion has no CPT initiation code; initial hour only; coder review.',
  },
  PUMP_DAY_TPD_SUPPRESSED: {
    severity: 'info',
    message:
      'Pump-only day: the premedication or hydration beside the pump is treated as bundled (payer setting); not billed.',
  },
  INJECTION_SUPERVISION_NOT_MET: {
    severity: 'warning',
    message: 'Office injection without direct supervision is not covered for Medicare; not billed.',
  },
} as const satisfies Partial<Record<WarningCode, { severity: Severity; message: string }>>;

export type Part2WarningCode = keyof typeof PART2_WARNINGS;

export function warn2(code: Part2WarningCode, sources: string[], message?: string): Warning {
  const entry = PART2_WARNINGS[code];
  return {
    code,
    severity: entry.severity,
    message: message ?? entry.message,
    sources: unique(sources),
  };
}
