// Coverage, authorization, clinical-trial and existing-claim checks (contract §2.4,
// research-billing §10–§11). Runs after the lines are derived; may add Q0/Q1 to them.
import type { EncounterScope, StageResult } from '../stage.ts';
import type { DerivedLine } from '../types.ts';

/** Units already used per HCPCS by earlier encounters of the patient, for AUTH_UNITS_EXCEEDED. */
export interface AuthLedger {
  entries: { hcpcs: string; date: string; units: number }[];
}

export function runEncounterChecks(
  _scope: EncounterScope,
  lines: DerivedLine[],
  _ledger: AuthLedger,
): StageResult {
  return { lines, warnings: [] };
}
