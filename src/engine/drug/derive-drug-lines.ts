// HCPCS drug lines with units, JW/JZ and NDC quantity: drug-wastage.
import type { EncounterScope, StageResult } from '../stage.ts';

export function deriveDrugLines(_scope: EncounterScope): StageResult {
  return { lines: [], warnings: [] };
}
